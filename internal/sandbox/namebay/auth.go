package namebay

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// tokenLifetime is how long a bearer token is valid, in real time.
const tokenLifetime = time.Hour

// token is an issued bearer token. Tokens live in memory only: after a
// restart clients log in again.
type token struct {
	login   string
	expires time.Time
}

// issueToken serves POST api/Token.
func (e *Emulator) issueToken(w http.ResponseWriter, r *http.Request, _ *platform.Tx) {
	var req tokenRequest
	if err := decodeBody(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	acct := e.world.Accounts.Authenticate(Family, req.Login, req.Password)
	if acct == nil {
		writeError(w, errUnauthorized())
		return
	}
	now := time.Now()
	for t, tok := range e.tokens {
		if now.After(tok.expires) {
			delete(e.tokens, t)
		}
	}
	raw := make([]byte, 32)
	rand.Read(raw)
	t := base64.RawURLEncoding.EncodeToString(raw)
	e.tokens[t] = token{login: acct.Login, expires: now.Add(tokenLifetime)}
	writeJSON(w, http.StatusOK, tokenAnswer{AccessToken: t, TokenType: "bearer", ExpiresIn: int(tokenLifetime.Seconds())})
}

// authenticate finds the caller (bearer token, HTTP Basic, or the admin
// API's actor) and the account it acts for (?user=).
func (c *call) authenticate() error {
	accounts := c.e.world.Accounts
	if acct, ok := platform.ActorFrom(c.r.Context()); ok {
		c.caller = acct
	} else if login, password, ok := c.r.BasicAuth(); ok {
		c.caller = accounts.Authenticate(Family, login, password)
	} else if scheme, t, ok := strings.Cut(c.r.Header.Get("Authorization"), " "); ok && strings.EqualFold(scheme, "Bearer") {
		if tok, found := c.e.tokens[strings.TrimSpace(t)]; found && time.Now().Before(tok.expires) {
			c.caller = accounts.ByLogin(Family, tok.login)
		}
	}
	if c.caller == nil {
		return errUnauthorized()
	}
	c.acting = c.caller
	user := c.r.URL.Query().Get("user")
	if user == "" || user == c.caller.Handle {
		return nil
	}
	acct := accounts.ByHandle(Family, user)
	if acct == nil || !accounts.CanReach(c.caller, acct.Handle) {
		return errForbidden("You are not the reseller of the account %q.", user)
	}
	c.acting = acct
	return nil
}

// reaches reports whether an object owned by the account handle owner is
// visible to the caller: its own, or its clients' for a reseller. Other
// objects answer 404 as if they did not exist.
func (c *call) reaches(owner string) bool {
	return c.e.world.Accounts.CanReach(c.caller, owner)
}
