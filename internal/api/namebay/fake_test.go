package namebay

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/resellerkit/terraform-provider-reseller/internal/transport"
)

const (
	testUser     = "reseller"
	testPassword = "s3cret-Pa55word!"
	// prefix is where the fake mounts the API, as the sandbox does.
	prefix = "/namebay"
)

// fakeAPI is a minimal Namebay server: it issues tokens from POST api/Token,
// refuses API routes without a valid bearer token, and serves the routes a
// test registers.
type fakeAPI struct {
	t   *testing.T
	srv *httptest.Server
	mux *http.ServeMux

	mu       sync.Mutex
	logins   int
	tokens   map[string]bool
	issued   []string
	requests []*http.Request // API requests, in order, with their bodies in bodies
	bodies   []string
	// tokenAnswer, when set, replaces the token route's handler.
	tokenAnswer http.HandlerFunc
	expiresIn   int
}

func newFakeAPI(t *testing.T) *fakeAPI {
	t.Helper()
	f := &fakeAPI{t: t, mux: http.NewServeMux(), tokens: map[string]bool{}, expiresIn: 3600}
	f.srv = httptest.NewServer(http.StripPrefix(prefix, http.HandlerFunc(f.serve)))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/api/Token" {
		f.mu.Lock()
		custom := f.tokenAnswer
		f.mu.Unlock()
		if custom != nil {
			custom(w, r)
			return
		}
		f.login(w, r)
		return
	}
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.requests = append(f.requests, r)
	f.bodies = append(f.bodies, string(body))
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	valid := ok && f.tokens[tok]
	f.mu.Unlock()
	if !valid {
		writeJSON(w, http.StatusUnauthorized, `[{"Code":401,"Detail":"Authorization has been denied for this request."}]`)
		return
	}
	r.Body = io.NopCloser(strings.NewReader(string(body)))
	f.mux.ServeHTTP(w, r)
}

func (f *fakeAPI) login(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	var body map[string]any
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, `[{"Code":400,"Detail":"malformed body"}]`)
		return
	}
	if len(body) != 2 || body["Login"] != testUser || body["Password"] != testPassword {
		writeJSON(w, http.StatusUnauthorized, `[{"Code":401,"Detail":"Authorization has been denied for this request."}]`)
		return
	}
	f.mu.Lock()
	f.logins++
	tok := fmt.Sprintf("token-%d-xyz", f.logins)
	f.tokens[tok] = true
	f.issued = append(f.issued, tok)
	expires := f.expiresIn
	f.mu.Unlock()
	writeJSON(w, http.StatusOK, fmt.Sprintf(`{"access_token":%q,"token_type":"bearer","expires_in":%d}`, tok, expires))
}

// handle registers an API route, with a pattern relative to the prefix.
func (f *fakeAPI) handle(pattern string, h http.HandlerFunc) { f.mux.HandleFunc(pattern, h) }

// answer registers a route that always answers status and body.
func (f *fakeAPI) answer(pattern string, status int, body string) {
	f.handle(pattern, func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, status, body) })
}

// forgetTokens makes every token issued so far invalid, as a restart does.
func (f *fakeAPI) forgetTokens() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tokens = map[string]bool{}
}

func (f *fakeAPI) loginCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.logins
}

// calls returns the API requests made to method and path (path relative to
// the prefix, without the query), in order.
func (f *fakeAPI) calls(method, path string) []*http.Request {
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

// lastBody is the body of the latest API request.
func (f *fakeAPI) lastBody() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.bodies) == 0 {
		return ""
	}
	return f.bodies[len(f.bodies)-1]
}

func (f *fakeAPI) client() *Client {
	f.t.Helper()
	return newTestClient(f.t, f.srv.URL+prefix)
}

func newTestClient(t *testing.T, endpoint string) *Client {
	t.Helper()
	c, err := New(Config{
		Endpoint: endpoint,
		Username: testUser,
		Password: testPassword,
		// No retries: every test counts requests, and must pass with or
		// without the retrying transport.
		HTTP: transport.Config{Subsystem: "namebay", MaxRetries: -1},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// mustNotLeak fails the test when err's text holds the password or a token.
func (f *fakeAPI) mustNotLeak(err error) {
	f.t.Helper()
	if err == nil {
		return
	}
	msg := err.Error()
	if strings.Contains(msg, testPassword) {
		f.t.Errorf("the error %q contains the password", msg)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, tok := range f.issued {
		if strings.Contains(msg, tok) {
			f.t.Errorf("the error %q contains the token %q", msg, tok)
		}
	}
}

func decodeBody(r *http.Request, v any) error {
	return json.NewDecoder(r.Body).Decode(v)
}
