package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// adminHandler serves /_sandbox/...: accounts, ledger, counters, faults,
// clock, settings, and the partner APIs as a given account.
func (s *Server) adminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /_sandbox/health", func(w http.ResponseWriter, r *http.Request) {
		writeAdmin(w, http.StatusOK, map[string]bool{"Ok": true})
	})
	mux.HandleFunc("GET /_sandbox/accounts", s.listAccounts)
	mux.HandleFunc("POST /_sandbox/accounts", s.createAccount)
	mux.HandleFunc("GET /_sandbox/ledger", s.ledger)
	mux.HandleFunc("GET /_sandbox/counters", func(w http.ResponseWriter, r *http.Request) {
		writeAdmin(w, http.StatusOK, s.counters.snapshot())
	})
	mux.HandleFunc("DELETE /_sandbox/counters", func(w http.ResponseWriter, r *http.Request) {
		s.counters.reset()
		writeAdmin(w, http.StatusOK, s.counters.snapshot())
	})
	mux.HandleFunc("GET /_sandbox/faults", func(w http.ResponseWriter, r *http.Request) {
		writeAdmin(w, http.StatusOK, s.faults.current())
	})
	mux.HandleFunc("PUT /_sandbox/faults", s.putFaults)
	mux.HandleFunc("DELETE /_sandbox/faults", func(w http.ResponseWriter, r *http.Request) {
		s.faults.clear()
		writeAdmin(w, http.StatusOK, s.faults.current())
	})
	mux.HandleFunc("GET /_sandbox/clock", s.getClock)
	mux.HandleFunc("POST /_sandbox/clock", s.advanceClock)
	mux.HandleFunc("GET /_sandbox/settings", s.getSettings)
	mux.HandleFunc("PUT /_sandbox/settings", s.putSettings)
	mux.HandleFunc("/_sandbox/as/{login}/{rest...}", s.actAs)
	for _, f := range s.families {
		if af, ok := f.(AdminFamily); ok {
			af.AdminRoutes(adminRouter{s: s, mux: mux, prefix: "/_sandbox/" + f.Name()})
		}
	}
	mux.HandleFunc("/_sandbox/", func(w http.ResponseWriter, r *http.Request) {
		adminError(w, http.StatusNotFound, "no admin route %s %s", r.Method, r.URL.Path)
	})
	return mux
}

// AdminFamily is a family with admin routes of its own, served under
// /_sandbox/<family>/: balances, tokens, whatever its tests need to set.
type AdminFamily interface {
	AdminRoutes(r platform.Router)
}

// adminRouter registers a family's admin routes: they run under the world
// lock after settling time, like every admin change, and are never counted
// nor faulted.
type adminRouter struct {
	s      *Server
	mux    *http.ServeMux
	prefix string
}

func (ar adminRouter) Handle(pattern string, h platform.Handler) {
	method, path, found := strings.Cut(pattern, " ")
	if !found {
		panic("sandbox: admin route pattern without a method: " + pattern)
	}
	ar.mux.HandleFunc(method+" "+ar.prefix+path, func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			adminError(w, http.StatusBadRequest, "the body could not be read: %v", err)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		rec := newRecorder()
		if !ar.s.update(w, func(tx *platform.Tx) { h(rec, r, tx) }) {
			return
		}
		rec.writeTo(w)
	})
}

func writeAdmin(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"Error":"encoding the answer"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n')) // a client gone away is no one's error
}

// adminError answers {"Error": "..."}.
func adminError(w http.ResponseWriter, status int, format string, args ...any) {
	writeAdmin(w, status, map[string]string{"Error": fmt.Sprintf(format, args...)})
}

func decodeAdmin(w http.ResponseWriter, r *http.Request, v any) bool {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err == nil {
		err = json.Unmarshal(body, v)
	}
	if err != nil {
		adminError(w, http.StatusBadRequest, "malformed body: %v", err)
		return false
	}
	return true
}

// update runs fn in one committed unit of work, after settling time-driven
// states, and answers 500 if the commit fails.
func (s *Server) update(w http.ResponseWriter, fn func(tx *platform.Tx)) bool {
	if err := s.world.Do(func(tx *platform.Tx) {
		s.settle(tx)
		fn(tx)
	}); err != nil {
		adminError(w, http.StatusInternalServerError, "%v", err)
		return false
	}
	return true
}

func (s *Server) listAccounts(w http.ResponseWriter, r *http.Request) {
	var all []platform.Account
	s.world.View(func() { all = s.world.Accounts.All() })
	writeAdmin(w, http.StatusOK, all)
}

func (s *Server) createAccount(w http.ResponseWriter, r *http.Request) {
	var in platform.Account
	if !decodeAdmin(w, r, &in) {
		return
	}
	if s.family(in.Family) == nil {
		adminError(w, http.StatusBadRequest, "Family %q is not served by this sandbox", in.Family)
		return
	}
	var created *platform.Account
	var err error
	if !s.update(w, func(tx *platform.Tx) { created, err = s.world.Accounts.Create(tx, in) }) {
		return
	}
	switch {
	case errors.Is(err, platform.ErrExists):
		adminError(w, http.StatusConflict, "%v", err)
	case err != nil:
		adminError(w, http.StatusBadRequest, "%v", err)
	default:
		writeAdmin(w, http.StatusCreated, created.Public())
	}
}

func (s *Server) ledger(w http.ResponseWriter, r *http.Request) {
	entries := []platform.Entry{}
	if s.update(w, func(*platform.Tx) { entries = append(entries, s.world.Ledger.Entries()...) }) {
		writeAdmin(w, http.StatusOK, entries)
	}
}

type clockAnswer struct {
	Now time.Time
}

func (s *Server) getClock(w http.ResponseWriter, r *http.Request) {
	var now time.Time
	s.world.View(func() { now = s.world.Clock.Now() })
	writeAdmin(w, http.StatusOK, clockAnswer{Now: now})
}

func (s *Server) advanceClock(w http.ResponseWriter, r *http.Request) {
	var in struct{ Advance string }
	if !decodeAdmin(w, r, &in) {
		return
	}
	d, err := time.ParseDuration(in.Advance)
	if err != nil {
		adminError(w, http.StatusBadRequest, "Advance must be a duration such as 720h: %v", err)
		return
	}
	var now time.Time
	if !s.update(w, func(tx *platform.Tx) {
		if err = s.world.AdvanceClock(tx, d); err == nil {
			s.settle(tx)
		}
		now = s.world.Clock.Now()
	}) {
		return
	}
	if err != nil {
		adminError(w, http.StatusBadRequest, "%v", err)
		return
	}
	writeAdmin(w, http.StatusOK, clockAnswer{Now: now})
}

func (s *Server) getSettings(w http.ResponseWriter, r *http.Request) {
	var current Settings
	s.world.View(func() { current = s.world.Settings() })
	writeAdmin(w, http.StatusOK, current)
}

func (s *Server) putSettings(w http.ResponseWriter, r *http.Request) {
	var in platform.SettingsChange
	if !decodeAdmin(w, r, &in) {
		return
	}
	var next Settings
	var err error
	if !s.update(w, func(tx *platform.Tx) {
		next = in.Apply(s.world.Settings())
		err = s.world.SetSettings(tx, next)
	}) {
		return
	}
	if err != nil {
		adminError(w, http.StatusBadRequest, "%v", err)
		return
	}
	writeAdmin(w, http.StatusOK, next)
}

func (s *Server) putFaults(w http.ResponseWriter, r *http.Request) {
	var in FaultSet
	if !decodeAdmin(w, r, &in) {
		return
	}
	if err := s.faults.replace(in); err != nil {
		adminError(w, http.StatusBadRequest, "%v", err)
		return
	}
	writeAdmin(w, http.StatusOK, s.faults.current())
}

// actAs serves /_sandbox/as/{login}/{family}/...: the partner route as the
// account login of that family, without credentials, counters or faults.
func (s *Server) actAs(w http.ResponseWriter, r *http.Request) {
	login, rest := r.PathValue("login"), r.PathValue("rest")
	familyName, _, _ := strings.Cut(rest, "/")
	if s.family(familyName) == nil {
		adminError(w, http.StatusNotFound, "no partner family %q: use /_sandbox/as/{login}/{family}/...", familyName)
		return
	}
	var acct *platform.Account
	s.world.View(func() { acct = s.world.Accounts.ByLogin(familyName, login) })
	if acct == nil {
		adminError(w, http.StatusNotFound, "no %s account %q", familyName, login)
		return
	}
	inner := r.Clone(platform.WithActor(r.Context(), acct))
	inner.URL.Path, inner.URL.RawPath = "/"+rest, ""
	inner.RequestURI = inner.URL.RequestURI()
	s.partner.ServeHTTP(w, inner)
}
