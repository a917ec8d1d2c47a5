package transport

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// recorder is a test server that counts hits and answers through a handler
// that knows which hit it is serving (1-based).
type recorder struct {
	*httptest.Server
	hits atomic.Int32

	mu     sync.Mutex
	bodies []string
	times  []time.Time
}

func newRecorder(t *testing.T, handle func(w http.ResponseWriter, r *http.Request, hit int)) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		hit := int(rec.hits.Add(1))
		rec.mu.Lock()
		rec.bodies = append(rec.bodies, string(body))
		rec.times = append(rec.times, time.Now())
		rec.mu.Unlock()
		handle(w, r, hit)
	}))
	t.Cleanup(rec.Close)
	return rec
}

func (rec *recorder) Hits() int { return int(rec.hits.Load()) }

func (rec *recorder) Bodies() []string {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]string(nil), rec.bodies...)
}

func (rec *recorder) Times() []time.Time {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]time.Time(nil), rec.times...)
}

// resetConnection makes the client see "connection reset by peer": the
// server drops the connection with an RST instead of answering.
func resetConnection(t *testing.T, w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	if err := conn.(*net.TCPConn).SetLinger(0); err != nil {
		t.Errorf("set linger: %v", err)
	}
	if err := conn.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
}

// closeConnection makes the client see EOF before any response header.
func closeConnection(t *testing.T, w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	if err := conn.Close(); err != nil {
		t.Errorf("close: %v", err)
	}
}

// closedPortURL returns the URL of a local port nothing listens on.
func closedPortURL(t *testing.T) string {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + listener.Addr().String()
	if err := listener.Close(); err != nil {
		t.Fatal(err)
	}
	return url
}

// reply writes a response body; a write error means the client is gone,
// which the test sees on its own side.
func reply(w io.Writer, body string) {
	_, _ = io.WriteString(w, body)
}

// fastConfig is a Config with backoffs short enough for unit tests.
func fastConfig() Config {
	return Config{Subsystem: "test", MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond}
}

func mustRequest(t *testing.T, ctx context.Context, method, url string, body io.Reader) *http.Request {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading response body: %v", err)
	}
	if err := resp.Body.Close(); err != nil {
		t.Errorf("closing response body: %v", err)
	}
	return string(body)
}

func TestUserAgent(t *testing.T) {
	t.Parallel()
	agents := make(chan string, 2)
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		agents <- r.UserAgent()
	})
	client := New(Config{UserAgent: "terraform-provider-reseller/1.2.3"})

	req := mustRequest(t, context.Background(), http.MethodGet, rec.URL, nil)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	readBody(t, resp)
	if got := <-agents; got != "terraform-provider-reseller/1.2.3" {
		t.Errorf("User-Agent = %q, want the configured one", got)
	}
	if _, set := req.Header["User-Agent"]; set {
		t.Error("the caller's request was modified")
	}

	req = mustRequest(t, context.Background(), http.MethodGet, rec.URL, nil)
	req.Header.Set("User-Agent", "caller/0.1")
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	readBody(t, resp)
	if got := <-agents; got != "caller/0.1" {
		t.Errorf("User-Agent = %q, want the caller's own", got)
	}
}

func TestWithDefaults(t *testing.T) {
	t.Parallel()
	cfg := Config{}.withDefaults()
	if cfg.Subsystem != DefaultSubsystem || cfg.MaxRetries != DefaultMaxRetries ||
		cfg.MinBackoff != DefaultMinBackoff || cfg.MaxBackoff != DefaultMaxBackoff || cfg.Base == nil {
		t.Errorf("defaults not applied: %+v", cfg)
	}
	if cfg.Base == http.DefaultTransport {
		t.Error("Base must be a clone, not http.DefaultTransport itself")
	}
	cfg = Config{MaxRetries: -1, MinBackoff: time.Second, MaxBackoff: time.Millisecond}.withDefaults()
	if cfg.MaxRetries != -1 {
		t.Errorf("MaxRetries = %d, want -1 kept", cfg.MaxRetries)
	}
	if cfg.MaxBackoff != time.Second {
		t.Errorf("MaxBackoff = %s, want raised to MinBackoff", cfg.MaxBackoff)
	}
}
