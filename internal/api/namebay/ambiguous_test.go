package namebay

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/transport"
)

var orderSample = CreateDomain{
	DomainName:          "example.com",
	Period:              1,
	RegistrantContactId: "CT-000001",
	AdminContactId:      "CT-000001",
	TechContactId:       "CT-000001",
	BillingContactId:    "CT-000001",
	UseNamebayDns:       true,
}

// hangUp reads the request, then closes the connection without answering,
// as a server that committed the order and dropped the response would.
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

func TestDroppedCreateIsAmbiguous(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.handle("POST /api/Domain", hangUp(t))
	c := f.client()

	_, err := c.CreateDomain(t.Context(), "", orderSample)
	if err == nil {
		t.Fatal("no error")
	}
	if !IsAmbiguous(err) {
		t.Fatalf("IsAmbiguous(%v) = false", err)
	}
	var reqErr *RequestError
	if !errors.As(err, &reqErr) || reqErr.Method != "POST" || reqErr.Path != "api/Domain" {
		t.Errorf("err = %#v, want a RequestError for POST api/Domain", err)
	}
	if n := len(f.calls("POST", "/api/Domain")); n != 1 {
		t.Errorf("orders sent = %d, want 1", n)
	}
	f.mustNotLeak(err)
}

// retryingClient has the transport retry what it may, quickly.
func retryingClient(t *testing.T, f *fakeAPI) *Client {
	t.Helper()
	c, err := New(Config{
		Endpoint: f.srv.URL + prefix,
		Username: testUser,
		Password: testPassword,
		HTTP:     transport.Config{MaxRetries: 3, MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCreatesAreNeverRetried(t *testing.T) {
	t.Parallel()
	unavailable := `[{"Code":500,"Detail":"try again"}]`
	tests := []struct {
		name, pattern, path string
		call                func(context.Context, *Client) error
	}{
		{"contact", "POST /api/Contact", "/api/Contact", func(ctx context.Context, c *Client) error {
			_, err := c.CreateContact(ctx, "", NewContact{})
			return err
		}},
		{"domain", "POST /api/Domain", "/api/Domain", func(ctx context.Context, c *Client) error {
			_, err := c.CreateDomain(ctx, "", orderSample)
			return err
		}},
		{"zone", "POST /api/Zone", "/api/Zone", func(ctx context.Context, c *Client) error {
			_, err := c.CreateZone(ctx, "", "example.com")
			return err
		}},
		{"record", "POST /api/Zone/{h}/Record", "/api/Zone/ZN-1/Record", func(ctx context.Context, c *Client) error {
			_, err := c.CreateRecord(ctx, "", "ZN-1", Record{Host: "www", Type: "A", Data: "192.0.2.1"})
			return err
		}},
		{"trade", "POST /api/Domain/{h}/Trade", "/api/Domain/DM-1/Trade", func(ctx context.Context, c *Client) error {
			_, err := c.TradeDomain(ctx, "", "DM-1", "CT-2")
			return err
		}},
		{"renewal", "POST /api/Domain/{h}/Renew", "/api/Domain/DM-1/Renew", func(ctx context.Context, c *Client) error {
			_, err := c.RenewDomain(ctx, "", "DM-1", 1)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer(tt.pattern, http.StatusServiceUnavailable, unavailable)
			err := tt.call(t.Context(), retryingClient(t, f))
			if !HasCode(err, 500) {
				t.Fatalf("err = %v, want the 503 answer", err)
			}
			if n := len(f.calls("POST", tt.path)); n != 1 {
				t.Errorf("requests = %d, want 1", n)
			}
		})
	}
}

func TestLoginIsRetried(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	var mu sync.Mutex
	attempts := 0
	f.tokenAnswer = func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		attempts++
		first := attempts == 1
		mu.Unlock()
		if first {
			writeJSON(w, http.StatusServiceUnavailable, `[{"Code":500,"Detail":"starting"}]`)
			return
		}
		f.login(w, r)
	}
	f.answer("GET /api/Zone/{h}", http.StatusOK, zoneSample)
	if _, err := retryingClient(t, f).GetZone(t.Context(), "", "ZN-000001"); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if attempts != 2 {
		t.Errorf("login attempts = %d, want 2", attempts)
	}
}

func TestTruncatedAnswerIsAmbiguous(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.handle("POST /api/Zone/{h}/Record", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "200")
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, `{"Id":7,`)
		w.(http.Flusher).Flush()
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	_, err := f.client().CreateRecord(t.Context(), "", "ZN-1", Record{Host: "www", Type: "A", Data: "192.0.2.1"})
	if !IsAmbiguous(err) {
		t.Fatalf("IsAmbiguous(%v) = false", err)
	}
}

func TestTimeoutAfterSendingIsAmbiguous(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.handle("POST /api/Zone", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	c := f.client()
	// Log in first so that the deadline runs out on the create itself.
	f.answer("GET /api/Zone/{h}", http.StatusOK, zoneSample)
	if _, err := c.GetZone(t.Context(), "", "ZN-000001"); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	_, err := c.CreateZone(ctx, "", "example.com")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the deadline", err)
	}
	if !IsAmbiguous(err) {
		t.Errorf("IsAmbiguous(%v) = false", err)
	}
}

func TestRequestNotSentIsNotAmbiguous(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.answer("POST /api/Zone", http.StatusCreated, zoneSample)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := f.client().CreateZone(ctx, "", "example.com")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if IsAmbiguous(err) {
		t.Errorf("IsAmbiguous(%v) = true for a request that never left", err)
	}
}

func TestUnreachableServerIsNotAmbiguous(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	c := f.client()
	f.srv.Close()
	_, err := c.CreateZone(t.Context(), "", "example.com")
	if err == nil || IsAmbiguous(err) {
		t.Errorf("err = %v, IsAmbiguous = %v; want a plain error", err, IsAmbiguous(err))
	}
	f.mustNotLeak(err)
}
