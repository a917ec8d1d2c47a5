package sandbox

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// maxRequestBody bounds what is read of a request body before taking the
// world lock; families apply their own, smaller limits.
const maxRequestBody = 4 << 20

// familyRouter registers a family's routes under its prefix.
type familyRouter struct {
	s      *Server
	family Family
}

func (fr familyRouter) Handle(pattern string, h platform.Handler) {
	if path, fn, ok := strings.Cut(pattern, "?func="); ok && !strings.Contains(path, " ") {
		fr.handleFunc("/"+fr.family.Name()+path, fn, h)
		return
	}
	method, path, found := strings.Cut(pattern, " ")
	if !found {
		panic("sandbox: route pattern without a method: " + pattern)
	}
	template := method + " /" + fr.family.Name() + path
	fr.s.partner.Handle(template, fr.s.serveRoute(fr.family, template, h))
}

// handleFunc registers one function of an API that selects its operation
// with a func parameter. The first function of a path installs the path's
// dispatcher.
func (fr familyRouter) handleFunc(path, fn string, h platform.Handler) {
	d := fr.s.dispatchers[path]
	if d == nil {
		d = &dispatcher{s: fr.s, family: fr.family, path: path, funcs: map[string]platform.Handler{}}
		fr.s.dispatchers[path] = d
		fr.s.partner.Handle(path, d)
	}
	d.funcs[fn] = h
}

// dispatcher serves a func-selected API on one path: it reads the form
// (query string and body), then runs the named function as its own route,
// counted and faulted as "POST /ispmanager/billmgr?func=soft.order.param".
type dispatcher struct {
	s      *Server
	family Family
	path   string
	funcs  map[string]platform.Handler
}

func (d *dispatcher) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		d.family.WriteError(w, http.StatusMethodNotAllowed, "Only GET and POST are served here.")
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRequestBody))
	if err != nil {
		d.family.WriteError(w, http.StatusBadRequest, "The request body could not be read.")
		return
	}
	// Parse the form from a copy, so the function still reads the body.
	probe := r.Clone(r.Context())
	probe.Body = io.NopCloser(bytes.NewReader(body))
	if err := probe.ParseForm(); err != nil {
		d.family.WriteError(w, http.StatusBadRequest, "The form could not be read: "+err.Error())
		return
	}
	fn := probe.Form.Get("func")
	h, ok := d.funcs[fn]
	if !ok {
		h = d.funcs[""] // the family's answer to an unknown function, if it has one
	}
	if h == nil {
		d.family.WriteError(w, http.StatusOK, "Unknown function "+fn+".")
		return
	}
	inner := r.WithContext(withFunc(r.Context(), fn))
	inner.Form, inner.PostForm = probe.Form, probe.PostForm
	inner.Body = io.NopCloser(bytes.NewReader(body))
	d.s.serveRoute(d.family, r.Method+" "+d.path+"?func="+fn, h).ServeHTTP(w, inner)
}

type funcKey struct{}

func withFunc(ctx context.Context, fn string) context.Context {
	return context.WithValue(ctx, funcKey{}, fn)
}

// funcOf is the function a func-selected request names ("" for other routes).
func funcOf(r *http.Request) string {
	fn, _ := r.Context().Value(funcKey{}).(string)
	return fn
}

// serveRoute wraps a partner handler: it counts the request under its route
// template, applies the fault rules, runs the handler under the world lock
// and commits its changes before the response leaves. Requests made through
// the admin API (/_sandbox/as/...) are neither counted nor faulted.
func (s *Server) serveRoute(f Family, template string, h platform.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var fault decision
		if _, viaAdmin := platform.ActorFrom(r.Context()); !viaAdmin {
			s.counters.add(template)
			fault = s.faults.decide(r)
		}
		if fault.latency > 0 {
			t := time.NewTimer(fault.latency)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			}
		}
		switch fault.kind {
		case kindReset:
			hangUp(w, true)
			return
		case kindError:
			f.WriteError(w, fault.status, "The service is unavailable (sandbox fault).")
			return
		case kindRatelimit:
			w.Header().Set("Retry-After", strconv.Itoa(fault.retryAfter))
			f.WriteError(w, http.StatusTooManyRequests, "Too many requests: retry after "+strconv.Itoa(fault.retryAfter)+" s.")
			return
		}

		// Read the body before taking the lock, so a slow client holds up
		// no one else.
		body, err := io.ReadAll(io.LimitReader(r.Body, maxRequestBody))
		if err != nil {
			f.WriteError(w, http.StatusBadRequest, "The request body could not be read.")
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))

		rec := newRecorder()
		if err := s.world.Do(func(tx *platform.Tx) {
			s.settle(tx)
			h(rec, r, tx)
		}); err != nil {
			rec = newRecorder()
			f.WriteError(rec, http.StatusInternalServerError, "The sandbox could not save the change: "+err.Error())
		}
		if fault.kind == kindDrop {
			// Committed, and now the answer is lost.
			hangUp(w, false)
			return
		}
		rec.writeTo(w)
	})
}

// hangUp closes the client connection without an answer; reset makes it a
// TCP reset instead of an orderly close.
func hangUp(w http.ResponseWriter, reset bool) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// No connection to take over (HTTP/2): abort the response instead.
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok && reset {
		// Without linger, closing sends a RST; should it fail, the close
		// is merely orderly.
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

// recorder holds a response until the changes behind it are committed.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newRecorder() *recorder { return &recorder{header: http.Header{}} }

func (rec *recorder) Header() http.Header { return rec.header }

func (rec *recorder) WriteHeader(status int) {
	if rec.status == 0 {
		rec.status = status
	}
}

func (rec *recorder) Write(b []byte) (int, error) {
	rec.WriteHeader(http.StatusOK)
	return rec.body.Write(b)
}

func (rec *recorder) writeTo(w http.ResponseWriter) {
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	rec.WriteHeader(http.StatusOK)
	w.WriteHeader(rec.status)
	_, _ = w.Write(rec.body.Bytes()) // a client gone away is no one's error
}
