package zohomail

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// onceCalls are the calls that create, bill or change something: the
// transport never retries them.
var onceCalls = []struct {
	name, method, pattern, path string
	call                        func(context.Context, *Client) error
}{
	{"CreateOrg", "POST", "/mail/api/organization", "/zoho/mail/api/organization", func(ctx context.Context, c *Client) error {
		_, err := c.CreateOrg(ctx, orgInput)
		return err
	}},
	{"VerifyDomain", "PUT", "/mail/api/organization/{zoid}/domains/{d}/verifyDomain", verifyPath, func(ctx context.Context, c *Client) error {
		_, err := c.VerifyDomain(ctx, "76006415", "example.com", "cname")
		return err
	}},
	{"EnableTrial", "PUT", "/mailadmin/api/organization/{zoid}/enableTrial", "/zoho/mailadmin/api/organization/76006415/enableTrial", func(ctx context.Context, c *Client) error {
		return c.EnableTrial(ctx, "76006415", "basicTrial")
	}},
	{"ExtendTrial", "PUT", "/mailadmin/api/organization/{zoid}/extendTrial", "/zoho/mailadmin/api/organization/76006415/extendTrial", func(ctx context.Context, c *Client) error {
		return c.ExtendTrial(ctx, "76006415")
	}},
	{"Subscribe", "POST", storePattern, storePath, func(ctx context.Context, c *Client) error {
		_, err := c.Subscribe(ctx, "admin@example.com", customerSample, subscriptionSample)
		return err
	}},
	{"ChangeSubscription", "PUT", storePattern, storePath, func(ctx context.Context, c *Client) error {
		_, err := c.ChangeSubscription(ctx, "admin@example.com", subscriptionSample)
		return err
	}},
	{"CancelSubscription", "DELETE", storePattern, storePath, func(ctx context.Context, c *Client) error {
		return c.CancelSubscription(ctx, "admin@example.com", "bye")
	}},
}

// assertOnlyRequest checks that the fake saw one API request: method path.
func assertOnlyRequest(t *testing.T, f *fakeZoho, method, path string) {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.requests) != 1 || f.requests[0].Method != method || f.requests[0].URL.Path != path {
		for _, r := range f.requests {
			t.Logf("request: %s %s", r.Method, r.URL.Path)
		}
		t.Fatalf("requests = %d, want one %s %s", len(f.requests), method, path)
	}
}

// A call that changes something is sent once, even by a client that
// retries what it may; a dropped connection leaves it ambiguous.
func TestChangesAreNeverRetried(t *testing.T) {
	t.Parallel()
	unavailable := `{"status":{"code":503,"description":"Service Unavailable"},"data":{"moreInfo":"try again"}}`
	for _, tt := range onceCalls {
		t.Run(tt.name+"/503", func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.answer(tt.method+" "+tt.pattern, http.StatusServiceUnavailable, unavailable)
			err := tt.call(t.Context(), f.retryingClient())
			apiErr, ok := errors.AsType[*APIError](err)
			if !ok || apiErr.Status != http.StatusServiceUnavailable || IsAmbiguous(err) {
				t.Fatalf("err = %v, want the 503 answer", err)
			}
			assertOnlyRequest(t, f, tt.method, tt.path)
		})
		t.Run(tt.name+"/dropped", func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.handle(tt.method+" "+tt.pattern, hangUp(t))
			err := tt.call(t.Context(), f.retryingClient())
			if !IsAmbiguous(err) {
				t.Fatalf("IsAmbiguous(%v) = false", err)
			}
			reqErr, _ := errors.AsType[*RequestError](err)
			if want := tt.method + " "; reqErr == nil || !strings.HasPrefix(reqErr.Op, want) {
				t.Errorf("err = %#v, want a RequestError for %s", err, tt.method)
			}
			assertOnlyRequest(t, f, tt.method, tt.path)
			f.mustNotLeakErr(err)
		})
	}
}

// Reads are retried after a 503, with the same request.
func TestReadsAreRetried(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, pattern, path, answer string
		call                        func(context.Context, *Client) error
	}{
		{"Org", "GET /mail/api/organization/{zoid}", orgPath, orgSample, func(ctx context.Context, c *Client) error {
			_, err := c.Org(ctx, "76006415")
			return err
		}},
		{"FindOrgs", "GET /mail/api/organization", "/zoho/mail/api/organization", orgListSample, func(ctx context.Context, c *Client) error {
			_, err := c.FindOrgs(ctx, "example.com")
			return err
		}},
		{"Domain", "GET /mail/api/organization/{zoid}/domains/{d}", oldVerifyPath, domainSample, func(ctx context.Context, c *Client) error {
			_, err := c.Domain(ctx, "76006415", "example.com")
			return err
		}},
		{"SubscriptionOf", "GET " + storePattern, storePath, licenseSample, func(ctx context.Context, c *Client) error {
			_, err := c.SubscriptionOf(ctx, "admin@example.com")
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			var mu sync.Mutex
			var queries []string
			f.handle(tt.pattern, func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				defer mu.Unlock()
				queries = append(queries, r.URL.RawQuery)
				if len(queries) == 1 {
					writeJSON(w, http.StatusServiceUnavailable, `{"status":{"code":503,"description":"busy"}}`)
					return
				}
				writeJSON(w, http.StatusOK, tt.answer)
			})
			if err := tt.call(t.Context(), f.retryingClient()); err != nil {
				t.Fatalf("after one 503: %v", err)
			}
			if n := len(f.calls("GET", tt.path)); n != 2 {
				t.Errorf("requests = %d, want 2", n)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(queries) == 2 && queries[0] != queries[1] {
				t.Errorf("the retry asked %q after %q", queries[1], queries[0])
			}
		})
	}
}

func TestTokenRefreshIsRetried(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	var mu sync.Mutex
	attempts := 0
	f.tokenAnswer = func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		attempts++
		first := attempts == 1
		mu.Unlock()
		if first {
			writeJSON(w, http.StatusServiceUnavailable, `{"error":"busy"}`)
			return
		}
		f.mint(w, r)
	}
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, orgSample)
	if _, err := f.retryingClient().Org(t.Context(), "76006415"); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if attempts != 2 {
		t.Errorf("token attempts = %d, want 2", attempts)
	}
}

func TestTruncatedAnswerIsAmbiguous(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.handle("POST /mail/api/organization", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "400")
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, `{"status":{"code":201,`)
		w.(http.Flusher).Flush()
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
		}
	})
	_, err := f.client().CreateOrg(t.Context(), orgInput)
	if !IsAmbiguous(err) {
		t.Fatalf("IsAmbiguous(%v) = false", err)
	}
}

func TestTimeoutAfterSendingIsAmbiguous(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.handle("POST /mail/api/organization", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, orgSample)
	c := f.client()
	// Mint the token first so that the deadline runs out on the create itself.
	if _, err := c.Org(t.Context(), "76006415"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	_, err := c.CreateOrg(ctx, orgInput)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the deadline", err)
	}
	if !IsAmbiguous(err) {
		t.Errorf("IsAmbiguous(%v) = false", err)
	}
}

func TestRequestNotSentIsNotAmbiguous(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("POST /mail/api/organization", http.StatusOK, orgCreatedSample)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := f.client().CreateOrg(ctx, orgInput)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if IsAmbiguous(err) {
		t.Errorf("IsAmbiguous(%v) = true for a request that never left", err)
	}
}

func TestUnreachableZohoIsNotAmbiguous(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	c := f.client()
	f.srv.Close()
	_, err := c.CreateOrg(t.Context(), orgInput)
	if err == nil || IsAmbiguous(err) {
		t.Errorf("err = %v, IsAmbiguous = %v; want a plain error", err, IsAmbiguous(err))
	}
	f.mustNotLeakErr(err)
}
