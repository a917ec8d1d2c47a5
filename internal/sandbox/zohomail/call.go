package zohomail

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// call is one authenticated API request being served.
type call struct {
	e       *Emulator
	w       http.ResponseWriter
	r       *http.Request
	tx      *platform.Tx
	now     time.Time
	partner *platform.Account
}

// apiError is an error in the Mail envelope.
type apiError struct {
	http, code int
	errorCode  string
	moreInfo   string
}

func (e *apiError) Error() string { return e.moreInfo }

func failure(status int, errorCode, format string, args ...any) *apiError {
	return &apiError{http: status, code: status, errorCode: errorCode, moreInfo: fmt.Sprintf(format, args...)}
}

// handle registers an authenticated route that needs scope.
func (e *Emulator) handle(r platform.Router, pattern, scope string, h func(c *call) error) {
	r.Handle(pattern, func(w http.ResponseWriter, req *http.Request, tx *platform.Tx) {
		c := &call{e: e, w: w, r: req, tx: tx, now: e.world.Clock.Now()}
		err := c.authenticate(scope)
		if err == nil {
			err = h(c)
		}
		if err != nil {
			c.fail(err)
		}
	})
}

func (c *call) authenticate(scope string) error {
	if acct, ok := platform.ActorFrom(c.r.Context()); ok {
		c.partner = acct
		return nil
	}
	scheme, token, _ := strings.Cut(c.r.Header.Get("Authorization"), " ")
	a, ok := c.e.access[strings.TrimSpace(token)]
	if !strings.EqualFold(scheme, "Zoho-oauthtoken") || !ok || c.now.After(a.expires) {
		return failure(http.StatusUnauthorized, "INVALID_OAUTHTOKEN", "Invalid OAuth token")
	}
	grant := c.e.refresh[a.refresh]
	if grant == nil || grant.Revoked {
		return failure(http.StatusUnauthorized, "INVALID_OAUTHTOKEN", "Invalid OAuth token")
	}
	if !covers(grant.Scopes, scope) {
		return failure(http.StatusForbidden, "INVALID_OAUTHSCOPE", "The OAuth token lacks the scope %s.", scope)
	}
	c.partner = c.e.world.Accounts.ByLogin(Family, a.login)
	if c.partner == nil {
		return failure(http.StatusUnauthorized, "INVALID_OAUTHTOKEN", "Invalid OAuth token")
	}
	return nil
}

func (c *call) fail(err error) {
	apiErr, ok := err.(*apiError)
	if !ok {
		apiErr = failure(http.StatusInternalServerError, "", "Internal error: %v", err)
	}
	data := map[string]any{"moreInfo": apiErr.moreInfo}
	if apiErr.errorCode != "" {
		data["errorCode"] = apiErr.errorCode
	}
	writeEnvelope(c.w, apiErr.http, apiErr.code, data)
}

func (c *call) reply(httpStatus, code int, data any) error {
	writeEnvelope(c.w, httpStatus, code, data)
	return nil
}

// decode reads a JSON body into v.
func (c *call) decode(v any) error {
	body, err := io.ReadAll(io.LimitReader(c.r.Body, 1<<20))
	if err == nil {
		err = json.Unmarshal(body, v)
	}
	if err != nil {
		return failure(http.StatusBadRequest, "INVALID_INPUT", "The request body is not valid JSON.")
	}
	return nil
}

// org returns the partner's org of the path's {zoid}.
func (c *call) org() (*org, error) {
	id, _ := strconv.ParseInt(c.r.PathValue("zoid"), 10, 64)
	o := c.e.orgs[id]
	if o == nil || o.Partner != c.partner.Handle {
		return nil, failure(http.StatusNotFound, "", "Organization not found")
	}
	return o, nil
}

func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}
