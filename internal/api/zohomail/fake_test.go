package zohomail

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/transport"
)

const (
	testClientID     = "1000.CLIENTIDXYZ"
	testClientSecret = "cs-9f8e7d6c5b4a3f2e1d"
	testRefreshToken = "1000.rt0123456789abcdef.fedcba9876543210"
	// tokenRoute is where the fake serves the token route.
	tokenRoute = "/zoho/accounts/oauth/v2/token"
	// invalidTokenBody is Zoho's refusal of a missing, unknown or expired token.
	invalidTokenBody = `{"status":{"code":401,"description":"Unauthorized"},"data":{"errorCode":"INVALID_OAUTHTOKEN","moreInfo":"Invalid OAuth token"}}`
)

// fakeZoho is a minimal Zoho: it mints access tokens from the token route,
// refuses API routes without a live Zoho-oauthtoken, and serves the routes a
// test registers. The four hosts live under /zoho/accounts, /zoho/mail,
// /zoho/mailadmin and /zoho/store, as in the sandbox.
type fakeZoho struct {
	t   *testing.T
	srv *httptest.Server
	mux *http.ServeMux

	mu        sync.Mutex
	mints     int
	live      map[string]bool
	issued    []string
	requests  []*http.Request // API requests, in order, with their bodies in bodies
	bodies    []string
	expiresIn int
	// tokenAnswer, when set, replaces the token route's handler.
	tokenAnswer http.HandlerFunc
}

func newFakeZoho(t *testing.T) *fakeZoho {
	t.Helper()
	f := &fakeZoho{t: t, mux: http.NewServeMux(), live: map[string]bool{}, expiresIn: 3600}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeZoho) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == tokenRoute {
		f.mu.Lock()
		custom := f.tokenAnswer
		f.mu.Unlock()
		if custom != nil {
			custom(w, r)
			return
		}
		f.mint(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.requests = append(f.requests, r)
	f.bodies = append(f.bodies, string(body))
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Zoho-oauthtoken ")
	valid := ok && f.live[tok]
	f.mu.Unlock()
	if !valid {
		writeJSON(w, http.StatusUnauthorized, invalidTokenBody)
		return
	}
	r.Body = io.NopCloser(strings.NewReader(string(body)))
	http.StripPrefix("/zoho", f.mux).ServeHTTP(w, r)
}

// mint answers the token route as Zoho Accounts does, errors with HTTP 200.
func (f *fakeZoho) mint(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, `{"error":"invalid_request"}`)
		return
	}
	switch {
	case r.Form.Get("grant_type") != "refresh_token":
		writeJSON(w, http.StatusOK, `{"error":"unsupported_grant_type"}`)
		return
	case r.Form.Get("client_id") != testClientID || r.Form.Get("client_secret") != testClientSecret:
		writeJSON(w, http.StatusOK, `{"error":"invalid_client"}`)
		return
	case r.Form.Get("refresh_token") != testRefreshToken:
		writeJSON(w, http.StatusOK, `{"error":"invalid_code"}`)
		return
	}
	f.mu.Lock()
	f.mints++
	tok := fmt.Sprintf("1000.%032x.%032x", f.mints, f.mints*7919)
	f.live[tok] = true
	f.issued = append(f.issued, tok)
	expires := f.expiresIn
	f.mu.Unlock()
	writeJSON(w, http.StatusOK, fmt.Sprintf(`{"access_token":%q,"api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":%d}`, tok, expires))
}

// handle registers an API route with a pattern relative to /zoho, e.g.
// "GET /mail/api/organization/{zoid}".
func (f *fakeZoho) handle(pattern string, h http.HandlerFunc) { f.mux.HandleFunc(pattern, h) }

// answer registers a route that always answers status and body.
func (f *fakeZoho) answer(pattern string, status int, body string) {
	f.handle(pattern, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, status, body) })
}

// revokeTokens makes every access token minted so far invalid, as the
// sandbox does when a refresh token is revoked and re-granted.
func (f *fakeZoho) revokeTokens() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.live = map[string]bool{}
}

func (f *fakeZoho) mintCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.mints
}

// calls returns the API requests made to method and path (with the /zoho
// prefix, without the query), in order.
func (f *fakeZoho) calls(method, path string) []*http.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []*http.Request
	for _, r := range f.requests {
		if r.Method == method && r.URL.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// issuedTokens lists the access tokens minted so far, in order.
func (f *fakeZoho) issuedTokens() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.issued...)
}

func (f *fakeZoho) requestCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.requests)
}

// lastBody is the body of the latest API request.
func (f *fakeZoho) lastBody() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.bodies) == 0 {
		return ""
	}
	return f.bodies[len(f.bodies)-1]
}

func (f *fakeZoho) config() Config {
	return Config{
		AccountsURL:  f.srv.URL + "/zoho/accounts",
		MailURL:      f.srv.URL + "/zoho/mail",
		MailAdminURL: f.srv.URL + "/zoho/mailadmin",
		StoreURL:     f.srv.URL + "/zoho/store",
		ClientID:     testClientID,
		ClientSecret: testClientSecret,
		RefreshToken: testRefreshToken,
		// No retries: every test counts requests.
		HTTP: transport.Config{Subsystem: "zoho_mail", MaxRetries: -1},
	}
}

func (f *fakeZoho) client() *Client {
	f.t.Helper()
	c, err := New(f.config())
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

// retryingClient has the transport retry what it may, quickly.
func (f *fakeZoho) retryingClient() *Client {
	f.t.Helper()
	cfg := f.config()
	cfg.HTTP = transport.Config{Subsystem: "zoho_mail", MaxRetries: 3, MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond}
	c, err := New(cfg)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// hangUp reads the request, then closes the connection without answering,
// as a server that carried the request out and lost the response would.
func hangUp(t *testing.T) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		conn.Close()
	}
}

// mustNotLeak fails the test when text holds a credential or an access token.
func (f *fakeZoho) mustNotLeak(what, text string) {
	f.t.Helper()
	for name, secret := range map[string]string{"client secret": testClientSecret, "refresh token": testRefreshToken} {
		if strings.Contains(text, secret) {
			f.t.Errorf("%s shows the %s:\n%s", what, name, text)
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, tok := range f.issued {
		if strings.Contains(text, tok) {
			f.t.Errorf("%s shows the access token %s:\n%s", what, tok, text)
		}
	}
}

// mustNotLeakErr is mustNotLeak for an error, which may be nil.
func (f *fakeZoho) mustNotLeakErr(err error) {
	f.t.Helper()
	if err != nil {
		f.mustNotLeak("the error", err.Error())
	}
}

// readAll reads a request body as text.
func readAll(r *http.Request) (string, error) {
	b, err := io.ReadAll(r.Body)
	return string(b), err
}

// jsonStringOf returns the JSONString of a store request: a form field of
// a POST or PUT, a query parameter otherwise.
func jsonStringOf(t *testing.T, r *http.Request, body string) string {
	t.Helper()
	switch r.Method {
	case http.MethodPost, http.MethodPut:
		form, err := url.ParseQuery(body)
		if err != nil {
			t.Fatalf("store body %q: %v", body, err)
		}
		return form.Get("JSONString")
	}
	return r.URL.Query().Get("JSONString")
}

// Samples of the answers of the contract.
const (
	orgCreatedSample = `{"status":{"code":201,"description":"Created"},"data":{` +
		`"orgName":"Example Ltd","st_enc_zoid":"0123456789abcdef0123456789abcdef","isVerified":false,` +
		`"zoid":"76006415","usedLicenseCount":1,"URI":"https://mail.zoho.com/api/organization/76006415",` +
		`"encryptedZoid":"ab12","isTrialAllowed":true,"domainName":"example.com","basePlan":"Mail Free",` +
		`"zaid":"76006416","superAdmin":"admin@example.com"}}`
	orgSample = `{"status":{"code":200,"description":"success"},"data":{` +
		`"zoid":76006415,"zaid":"76006416","orgName":"Example Ltd","encryptedZoid":"ab12","URI":"https://x",` +
		`"superAdmin":"admin@example.com","superAdminFullName":"Ada Lovelace","primaryDomainName":"example.com",` +
		`"domains":["example.com","example.org"],"basePlan":"Workplace Standard Trial","planType":"trial",` +
		`"licenseCount":5,"usersCount":2,"mailboxCount":3,"orgCreationTime":1700000000000,"isVerified":true,` +
		`"trialExpiryTime":1701296000000}}`
	orgListSample = `{"status":{"code":200,"description":"success"},"data":[` +
		`{"zoid":11,"domainName":"shop.example.com","superAdmin":"a@shop.example.com","isVerified":false,"isTrialAllowed":true,"extendTrial":false,"basePlan":"Mail Free","orgName":"Shop"},` +
		`{"zoid":12,"domainName":"Example.com","superAdmin":"admin@example.com","isVerified":true,"isTrialAllowed":false,"extendTrial":true,"basePlan":"Mail Premium Trial","orgName":"Example"}]}`
	okSample = `{"status":{"code":200,"description":"success"}}`
)
