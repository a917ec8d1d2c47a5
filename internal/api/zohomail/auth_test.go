package zohomail

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

const orgPath = "/zoho/mail/api/organization/76006415"

func TestOneTokenServesManyCallsAndGoroutines(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, orgSample)
	c := f.client()

	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := c.Org(t.Context(), "76006415"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for range 5 {
		if _, err := c.Org(t.Context(), "76006415"); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.mintCount(); n != 1 {
		t.Errorf("token requests = %d, want 1", n)
	}
	calls := f.calls("GET", orgPath)
	if len(calls) != 25 {
		t.Fatalf("requests = %d, want 25", len(calls))
	}
	want := "Zoho-oauthtoken " + f.issuedTokens()[0]
	for _, r := range calls {
		if got := r.Header.Get("Authorization"); got != want {
			t.Errorf("Authorization = %q, want %q", got, want)
		}
	}
}

func TestTokenRequestSendsTheRefreshGrant(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	var mu sync.Mutex
	var form map[string][]string
	var contentType, auth string
	f.tokenAnswer = func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			t.Error(err)
		}
		mu.Lock()
		contentType = r.Header.Get("Content-Type")
		auth = r.Header.Get("Authorization")
		form = r.PostForm
		mu.Unlock()
		f.mint(w, r)
	}
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, orgSample)
	if _, err := f.client().Org(t.Context(), "76006415"); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	want := map[string]string{
		"grant_type":    "refresh_token",
		"client_id":     testClientID,
		"client_secret": testClientSecret,
		"refresh_token": testRefreshToken,
	}
	if len(form) != len(want) {
		t.Errorf("form = %v, want exactly %v", form, want)
	}
	for k, v := range want {
		if got := form[k]; len(got) != 1 || got[0] != v {
			t.Errorf("form %s = %q, want %q", k, got, v)
		}
	}
	if !strings.HasPrefix(contentType, "application/x-www-form-urlencoded") {
		t.Errorf("Content-Type = %q, want a form", contentType)
	}
	if auth != "" {
		t.Errorf("the token request carries Authorization %q", auth)
	}
}

func TestExpiredTokenIsRefreshed(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.expiresIn = 1 // within oauth2's early-expiry margin: expired at once
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, orgSample)
	c := f.client()
	for range 3 {
		if _, err := c.Org(t.Context(), "76006415"); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.mintCount(); n != 3 {
		t.Errorf("token requests = %d, want 3", n)
	}
	calls := f.calls("GET", orgPath)
	if len(calls) != 3 || calls[2].Header.Get("Authorization") != "Zoho-oauthtoken "+f.issuedTokens()[2] {
		t.Errorf("the last request did not carry the newest token")
	}
}

func TestTokenErrorsAreClear(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		want   []string
		many   bool
	}{
		{"revoked refresh token", 200, `{"error":"invalid_code"}`, []string{
			"the Zoho refresh token was revoked or is invalid", "Zoho API console (Self Client)",
			"ZohoMail.partner.organization.ALL", "ZohoMail.organization.domains.ALL", "ZohoPayments.partnersubscription.all",
		}, false},
		{"wrong client", 200, `{"error":"invalid_client"}`, []string{"client_id or client_secret is wrong", "/zoho/accounts"}, false},
		{"wrong client with HTTP 400", 400, `{"error":"invalid_client"}`, []string{"client_id or client_secret is wrong"}, false},
		{"mint cap", 200, `{"error":"Access Denied","error_description":"You have made too many requests continuously. Please try again after some time."}`,
			[]string{"Zoho allows 10 access tokens per refresh token in 10 minutes", "too many requests continuously"}, true},
		{"other", 200, `{"error":"unsupported_grant_type"}`, []string{"refused to mint an access token: unsupported_grant_type"}, false},
		{"echoing the secret", 200, `{"error":"invalid_client","error_description":"bad secret ` + testClientSecret + ` for ` + testRefreshToken + `"}`,
			[]string{"client_id or client_secret is wrong"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.tokenAnswer = func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, tt.status, tt.body) }
			_, err := f.client().Org(t.Context(), "76006415")
			tokErr, ok := errors.AsType[*TokenError](err)
			if !ok {
				t.Fatalf("err = %v, want a *TokenError", err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("err = %q, want it to say %q", err, want)
				}
			}
			if tokErr.TooManyTokens() != tt.many {
				t.Errorf("TooManyTokens() = %v, want %v", tokErr.TooManyTokens(), tt.many)
			}
			if IsAmbiguous(err) {
				t.Error("a refused token is not ambiguous: the API request never left")
			}
			if n := f.requestCount(); n != 0 {
				t.Errorf("API requests = %d, want 0", n)
			}
			f.mustNotLeakErr(err)
		})
	}
}

func TestTokenRouteOtherFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, want string
		status           int
	}{
		{"unavailable", `<html>down</html>`, "zoho accounts POST oauth/v2/token: 503 Service Unavailable", 503},
		{"not JSON", `<html>login</html>`, "zoho accounts POST oauth/v2/token: unexpected answer", 200},
		{"no token", `{"token_type":"Bearer"}`, "the answer has no access_token", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.tokenAnswer = func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, tt.status, tt.body) }
			_, err := f.client().Org(t.Context(), "76006415")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestRevokedAccessTokenIsReplacedOnce(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, orgSample)
	c := f.client()
	if _, err := c.Org(t.Context(), "76006415"); err != nil {
		t.Fatal(err)
	}
	f.revokeTokens()

	if _, err := c.Org(t.Context(), "76006415"); err != nil {
		t.Fatalf("after a revocation: %v", err)
	}
	if n := f.mintCount(); n != 2 {
		t.Errorf("token requests = %d, want 2", n)
	}
	if n := len(f.calls("GET", orgPath)); n != 3 {
		t.Errorf("requests = %d, want 3 (one, then a refused one and its retry)", n)
	}
}

func TestConcurrentRefusalsShareOneRefresh(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, orgSample)
	c := f.client()
	if _, err := c.Org(t.Context(), "76006415"); err != nil {
		t.Fatal(err)
	}
	f.revokeTokens()

	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, err := c.Org(t.Context(), "76006415"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := f.mintCount(); n != 2 {
		t.Errorf("token requests = %d, want 2: one refresh after the revocation serves every call", n)
	}
}

func TestRefusedTokenIsRetriedOnceNotInALoop(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
	}{
		{"HTTP 401", http.StatusUnauthorized},
		{"HTTP 200 with status.code 401", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.answer("GET /mail/api/organization/{zoid}", tt.status, invalidTokenBody)
			_, err := f.client().Org(t.Context(), "76006415")
			apiErr, ok := errors.AsType[*APIError](err)
			if !ok || apiErr.Code != 401 || apiErr.ErrorCode != CodeInvalidOAuthToken {
				t.Fatalf("err = %v, want a 401 INVALID_OAUTHTOKEN", err)
			}
			if !strings.Contains(err.Error(), "same Zoho data centre") {
				t.Errorf("err = %q, want a hint about the data centre", err)
			}
			if n := len(f.calls("GET", orgPath)); n != 2 {
				t.Errorf("requests = %d, want 2", n)
			}
			if n := f.mintCount(); n != 2 {
				t.Errorf("token requests = %d, want 2", n)
			}
			f.mustNotLeakErr(err)
		})
	}
}

// A refused token means Zoho did nothing: even a call that is never retried
// is sent again with a new token.
func TestCreateIsResentAfterARefusedToken(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("POST /mail/api/organization", http.StatusOK, orgCreatedSample)
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, orgSample)
	c := f.client()
	if _, err := c.Org(t.Context(), "76006415"); err != nil {
		t.Fatal(err)
	}
	f.revokeTokens()
	if _, err := c.CreateOrg(t.Context(), orgInput); err != nil {
		t.Fatal(err)
	}
	if n := len(f.calls("POST", "/zoho/mail/api/organization")); n != 2 {
		t.Errorf("creates sent = %d, want 2 (refused, then carried out)", n)
	}
}

func TestMisScopedTokenNamesTheScope(t *testing.T) {
	t.Parallel()
	scopeRefusal := func(scope string) string {
		return `{"status":{"code":403,"description":"Forbidden"},"data":{"errorCode":"INVALID_OAUTHSCOPE","moreInfo":"OAuth scope ` + scope + ` required"}}`
	}
	tests := []struct {
		name, pattern, scope, want string
		call                       func(context.Context, *Client) error
	}{
		{"create", "POST /mail/api/organization", "ZohoMail.partner.organization.CREATE",
			"the refresh token lacks the scope ZohoMail.partner.organization.CREATE (or ZohoMail.partner.organization.ALL)",
			func(ctx context.Context, c *Client) error { _, err := c.CreateOrg(ctx, orgInput); return err }},
		{"domain", "GET /mail/api/organization/{zoid}/domains/{d}", "ZohoMail.organization.domains.READ",
			"lacks the scope ZohoMail.organization.domains.READ (or ZohoMail.organization.domains.ALL)",
			func(ctx context.Context, c *Client) error { _, err := c.Domain(ctx, "1", "example.com"); return err }},
		{"trial", "PUT /mailadmin/api/organization/{zoid}/enableTrial", "ZohoMail.partner.organization.UPDATE",
			"lacks the scope ZohoMail.partner.organization.UPDATE",
			func(ctx context.Context, c *Client) error { return c.EnableTrial(ctx, "1", "basicTrial") }},
		{"store", "GET /store/restapi/partner/v1/json/subscription", "ZohoPayments.partnersubscription.all",
			"lacks the scope ZohoPayments.partnersubscription.all",
			func(ctx context.Context, c *Client) error {
				_, err := c.SubscriptionOf(ctx, "a@example.com")
				return err
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.answer(tt.pattern, http.StatusForbidden, scopeRefusal(tt.scope))
			err := tt.call(t.Context(), f.client())
			if !HasErrorCode(err, CodeInvalidOAuthScope) {
				t.Fatalf("err = %v, want INVALID_OAUTHSCOPE", err)
			}
			for _, want := range []string{tt.want, "OAuth scope " + tt.scope + " required", "Self Client"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("err = %q, want it to say %q", err, want)
				}
			}
			if n := f.mintCount(); n != 1 {
				t.Errorf("token requests = %d, want 1: a scope refusal is not a token refusal", n)
			}
		})
	}
}

func TestCancelWhileRefreshing(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	release := make(chan struct{})
	releaseOnce := sync.OnceFunc(func() { close(release) })
	t.Cleanup(releaseOnce) // before the server closes
	f.tokenAnswer = func(w http.ResponseWriter, r *http.Request) {
		<-release
		f.mint(w, r)
	}
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, orgSample)
	c := f.client()

	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	_, err := c.Org(ctx, "76006415")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the context's deadline", err)
	}
	if IsAmbiguous(err) {
		t.Error("a request that never left is not ambiguous")
	}

	releaseOnce()
	if _, err := c.Org(t.Context(), "76006415"); err != nil {
		t.Fatal(err)
	}
	if n := f.mintCount(); n != 1 {
		t.Errorf("token requests = %d, want 1: the refresh under way serves the next call", n)
	}
}

func TestRedirectsAreNotFollowed(t *testing.T) {
	t.Parallel()
	elsewhere := newFakeZoho(t)
	f := newFakeZoho(t)
	f.handle("GET /mail/api/organization/{zoid}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.srv.URL+orgPath, http.StatusFound)
	})
	_, err := f.client().Org(t.Context(), "76006415")
	apiErr, ok := errors.AsType[*APIError](err)
	if !ok || apiErr.Status != http.StatusFound {
		t.Fatalf("err = %v, want a 302 APIError", err)
	}
	if n := elsewhere.requestCount(); n != 0 {
		t.Errorf("the redirect was followed (%d requests): the token went elsewhere", n)
	}
}
