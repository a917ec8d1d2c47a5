package namebay

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

const zoneSample = `{"Handle":"ZN-000001","Name":"example.com","SoaExpire":1209600,"SoaMinimum":3600,` +
	`"SoaPrimaryNs":"ns1.namebay.com","SoaSerial":2024070101,"SoaRefresh":10800,` +
	`"SoaRespPerson":"hostmaster.example.com","SoaRetry":600,"Ttl":3600}`

func TestOneLoginServesManyRequests(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.answer("GET /api/Zone/{h}", http.StatusOK, zoneSample)
	c := f.client()

	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := c.GetZone(t.Context(), "", "ZN-000001"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for range 5 {
		if _, err := c.GetZone(t.Context(), "", "ZN-000001"); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.loginCount(); n != 1 {
		t.Errorf("logins = %d, want 1", n)
	}
	calls := f.calls("GET", "/api/Zone/ZN-000001")
	if len(calls) != 25 {
		t.Fatalf("requests = %d, want 25", len(calls))
	}
	for _, r := range calls {
		if got := r.Header.Get("Authorization"); got != "Bearer token-1-xyz" {
			t.Errorf("Authorization = %q, want the bearer token", got)
		}
	}
}

func TestLoginSendsLoginAndPassword(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	var got map[string]string
	var contentType string
	f.tokenAnswer = func(w http.ResponseWriter, r *http.Request) {
		contentType = r.Header.Get("Content-Type")
		if err := decodeBody(r, &got); err != nil {
			t.Error(err)
		}
		f.mu.Lock()
		f.tokens["abc"] = true
		f.mu.Unlock()
		writeJSON(w, http.StatusOK, `{"access_token":"abc","token_type":"bearer","expires_in":3600}`)
	}
	f.answer("GET /api/Zone/{h}", http.StatusOK, zoneSample)
	c := f.client()
	if _, err := c.GetZone(t.Context(), "", "ZN-000001"); err != nil {
		t.Fatal(err)
	}
	if got["Login"] != testUser || got["Password"] != testPassword || len(got) != 2 {
		t.Errorf("login body = %v, want Login and Password", got)
	}
	if !strings.HasPrefix(contentType, "application/json") {
		t.Errorf("Content-Type = %q", contentType)
	}
}

func TestUnauthorizedLogsInAgainOnce(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.answer("GET /api/Zone/{h}", http.StatusOK, zoneSample)
	c := f.client()
	if _, err := c.GetZone(t.Context(), "", "ZN-000001"); err != nil {
		t.Fatal(err)
	}
	f.forgetTokens() // the server restarted

	if _, err := c.GetZone(t.Context(), "", "ZN-000001"); err != nil {
		t.Fatalf("after a restart: %v", err)
	}
	if n := f.loginCount(); n != 2 {
		t.Errorf("logins = %d, want 2", n)
	}
	if n := len(f.calls("GET", "/api/Zone/ZN-000001")); n != 3 {
		t.Errorf("requests = %d, want 3 (one, then a refused one and its retry)", n)
	}
}

func TestConcurrentUnauthorizedLogInAgainOnce(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.answer("GET /api/Zone/{h}", http.StatusOK, zoneSample)
	c := f.client()
	if _, err := c.GetZone(t.Context(), "", "ZN-000001"); err != nil {
		t.Fatal(err)
	}
	f.forgetTokens()

	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, err := c.GetZone(t.Context(), "", "ZN-000001"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := f.loginCount(); n != 2 {
		t.Errorf("logins = %d, want 2: one login after the restart serves every request", n)
	}
}

func TestUnauthorizedTwiceIsAnError(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.answer("DELETE /api/Contact/{h}", http.StatusUnauthorized, `[{"Code":401,"Detail":"Authorization has been denied for this request."}]`)
	c := f.client()

	err := c.DeleteContact(t.Context(), "", "CT-000001")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnauthorized {
		t.Fatalf("err = %v, want a 401 APIError", err)
	}
	if n := len(f.calls("DELETE", "/api/Contact/CT-000001")); n != 2 {
		t.Errorf("requests = %d, want 2", n)
	}
	if n := f.loginCount(); n != 2 {
		t.Errorf("logins = %d, want 2", n)
	}
	f.mustNotLeak(err)
}

func TestBadPasswordFailsWithoutLeakingIt(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.tokenAnswer = func(w http.ResponseWriter, r *http.Request) {
		// A careless server echoes the password back.
		writeJSON(w, http.StatusUnauthorized, `[{"Code":401,"Detail":"wrong password `+testPassword+`","Data":{"Password":"`+testPassword+`"}}]`)
	}
	c := f.client()

	_, err := c.GetZone(t.Context(), "", "ZN-000001")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusUnauthorized || apiErr.Path != "api/Token" || apiErr.Method != "POST" {
		t.Fatalf("err = %#v, want a 401 APIError from POST api/Token", err)
	}
	if IsAmbiguous(err) {
		t.Error("a failed login is not ambiguous: the API request was never sent")
	}
	if strings.Contains(apiErr.Errors[0].Data["Password"].(string), testPassword) {
		t.Error("the error data holds the password")
	}
	if n := len(f.calls("GET", "/api/Zone/ZN-000001")); n != 0 {
		t.Errorf("API requests = %d, want 0", n)
	}
	f.mustNotLeak(err)
}

func TestExpiredTokenIsRenewed(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.expiresIn = 1 // within oauth2's early-expiry margin: expired at once
	f.answer("GET /api/Zone/{h}", http.StatusOK, zoneSample)
	c := f.client()
	for range 2 {
		if _, err := c.GetZone(t.Context(), "", "ZN-000001"); err != nil {
			t.Fatal(err)
		}
	}
	if n := f.loginCount(); n != 2 {
		t.Errorf("logins = %d, want 2", n)
	}
}

func TestCancelWhileLoggingIn(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	release := make(chan struct{})
	releaseOnce := sync.OnceFunc(func() { close(release) })
	t.Cleanup(releaseOnce) // before the server closes
	f.tokenAnswer = func(w http.ResponseWriter, r *http.Request) {
		<-release
		f.login(w, r)
	}
	f.answer("GET /api/Zone/{h}", http.StatusOK, zoneSample)
	c := f.client()

	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	_, err := c.GetZone(ctx, "", "ZN-000001")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the context's deadline", err)
	}
	if IsAmbiguous(err) {
		t.Error("a request that never left is not ambiguous")
	}

	releaseOnce()
	if _, err := c.GetZone(t.Context(), "", "ZN-000001"); err != nil {
		t.Fatal(err)
	}
	if n := f.loginCount(); n != 1 {
		t.Errorf("logins = %d, want 1: the login under way serves the next request", n)
	}
}

func TestRedirectsAreNotFollowed(t *testing.T) {
	t.Parallel()
	elsewhere := newFakeAPI(t)
	f := newFakeAPI(t)
	f.handle("GET /api/Zone/{h}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.srv.URL+prefix+"/api/Zone/ZN-000001", http.StatusFound)
	})
	c := f.client()

	_, err := c.GetZone(t.Context(), "", "ZN-000001")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusFound {
		t.Fatalf("err = %v, want a 302 APIError", err)
	}
	if n := len(elsewhere.calls("GET", "/api/Zone/ZN-000001")); n != 0 {
		t.Errorf("the redirect was followed (%d requests): the token went elsewhere", n)
	}
}
