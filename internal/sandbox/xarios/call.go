package xarios

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

const tokenLifetime = time.Hour

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// token serves the refresh grant with RFC 6749 errors.
func (e *Emulator) token(w http.ResponseWriter, r *http.Request, _ *platform.Tx) {
	if err := r.ParseForm(); err != nil || r.Form.Get("grant_type") != "refresh_token" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type"})
		return
	}
	g, ok := e.grants[r.Form.Get("client_id")]
	if !ok || e.world.Accounts.Authenticate(Family, g.Login, r.Form.Get("client_secret")) == nil {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client"})
		return
	}
	if r.Form.Get("refresh_token") != g.RefreshToken {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_grant"})
		return
	}
	access := randomHex(24)
	e.access[access] = accessToken{login: g.Login, expires: e.world.Clock.Now().Add(tokenLifetime)}
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": access, "token_type": "Bearer", "expires_in": int(tokenLifetime.Seconds()),
		"refresh_token": g.RefreshToken, "scope": "openid offline_access onboarding",
	})
}

// call is one authenticated request being served.
type call struct {
	e        *Emulator
	w        http.ResponseWriter
	r        *http.Request
	tx       *platform.Tx
	now      time.Time
	reseller *platform.Account
	viaAdmin bool
}

// apiError is an error answer: an HTTP status and its message.
type apiError struct {
	status  int
	message string
}

func (e *apiError) Error() string { return e.message }

func fail(status int, format string, args ...any) *apiError {
	return &apiError{status: status, message: fmt.Sprintf(format, args...)}
}

func (e *Emulator) handle(r platform.Router, pattern string, h func(c *call) error) {
	r.Handle(pattern, func(w http.ResponseWriter, req *http.Request, tx *platform.Tx) {
		c := &call{e: e, w: w, r: req, tx: tx, now: e.world.Clock.Now()}
		err := c.authenticate()
		if err == nil {
			err = h(c)
		}
		if err != nil {
			apiErr, ok := err.(*apiError)
			if !ok {
				apiErr = fail(http.StatusInternalServerError, "Internal error: %v", err)
			}
			writeError(w, apiErr.status, apiErr.message)
		}
	})
}

func (c *call) authenticate() error {
	if acct, ok := platform.ActorFrom(c.r.Context()); ok {
		c.reseller, c.viaAdmin = acct, true
		return nil
	}
	scheme, token, _ := strings.Cut(c.r.Header.Get("Authorization"), " ")
	a, ok := c.e.access[strings.TrimSpace(token)]
	if !strings.EqualFold(scheme, "Bearer") || !ok || c.now.After(a.expires) {
		return fail(http.StatusUnauthorized, "Unauthorized")
	}
	c.reseller = c.e.world.Accounts.ByLogin(Family, a.login)
	if c.reseller == nil {
		return fail(http.StatusUnauthorized, "Unauthorized")
	}
	return nil
}

// chargesAccepted reports whether the request accepted charges (the admin
// API's out-of-band calls always do).
func (c *call) chargesAccepted() bool {
	return c.viaAdmin || strings.EqualFold(c.r.Header.Get("accept-charges"), "true")
}

func errCharges() error {
	return fail(http.StatusBadRequest, "This request may incur charges: send accept-charges: true to accept them.")
}

// decode reads a JSON object body into fields (raw, to tell absent from
// null) and v.
func (c *call) decode(v any) (map[string]json.RawMessage, error) {
	body, err := io.ReadAll(io.LimitReader(c.r.Body, 1<<20))
	var fields map[string]json.RawMessage
	if err == nil {
		err = json.Unmarshal(body, &fields)
	}
	if err == nil && v != nil {
		err = json.Unmarshal(body, v)
	}
	if err != nil {
		return nil, fail(http.StatusBadRequest, "The request body is not a valid JSON object: %v", err)
	}
	return fields, nil
}

// customer returns the reseller's customer of the path's {id}.
func (c *call) customer() (*customer, error) {
	cust := c.e.customers[c.r.PathValue("id")]
	if cust == nil || cust.Reseller != c.reseller.Handle {
		return nil, fail(http.StatusNotFound, "Not Found")
	}
	return cust, nil
}

func (c *call) list(items []any) error {
	page, size := 1, 100
	fmt.Sscan(c.r.URL.Query().Get("page"), &page)      //nolint:errcheck // the default stays on a bad value
	fmt.Sscan(c.r.URL.Query().Get("page_size"), &size) //nolint:errcheck // idem
	page, size = max(page, 1), min(max(size, 1), 500)
	from := min((page-1)*size, len(items))
	to := min(from+size, len(items))
	writeJSON(c.w, http.StatusOK, map[string]any{
		"page_size": size, "page": page, "total": len(items), "data": append([]any{}, items[from:to]...),
		"status": "success", "timestamp": stamp(),
	})
	return nil
}
