package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

func TestGetRetriedOn503ThenSucceeds(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, hit int) {
		if hit < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		reply(w, "ok")
	})
	resp, err := New(fastConfig()).Do(mustRequest(t, context.Background(), http.MethodGet, rec.URL, nil))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || readBody(t, resp) != "ok" {
		t.Errorf("got %s, want 200 ok", resp.Status)
	}
	if rec.Hits() != 3 {
		t.Errorf("server saw %d requests, want 3", rec.Hits())
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, hit int) {
		if hit == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	})
	resp, err := New(fastConfig()).Do(mustRequest(t, context.Background(), http.MethodGet, rec.URL, nil))
	if err != nil {
		t.Fatal(err)
	}
	readBody(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status = %d, want 200", resp.StatusCode)
	}
	times := rec.Times()
	if len(times) != 2 {
		t.Fatalf("server saw %d requests, want 2", len(times))
	}
	if gap := times[1].Sub(times[0]); gap < time.Second {
		t.Errorf("retried after %s, want at least the 1s of Retry-After", gap)
	}
}

func TestRetryAfterBeyondCapReturnsResponse(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
		reply(w, `{"error":"daily quota"}`)
	})
	start := time.Now()
	resp, err := New(fastConfig()).Do(mustRequest(t, context.Background(), http.MethodGet, rec.URL, nil))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusTooManyRequests || readBody(t, resp) != `{"error":"daily quota"}` {
		t.Errorf("got %s, want the 429 with its body", resp.Status)
	}
	if rec.Hits() != 1 || time.Since(start) > time.Second {
		t.Errorf("server saw %d requests in %s, want 1 at once", rec.Hits(), time.Since(start))
	}
}

func TestGetRetriedOnBrokenConnection(t *testing.T) {
	t.Parallel()
	for name, breakConn := range map[string]func(*testing.T, http.ResponseWriter){
		"reset":  resetConnection,
		"closed": closeConnection,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, hit int) {
				if hit == 1 {
					breakConn(t, w)
					return
				}
				reply(w, "ok")
			})
			resp, err := New(fastConfig()).Do(mustRequest(t, context.Background(), http.MethodGet, rec.URL, nil))
			if err != nil {
				t.Fatal(err)
			}
			if body := readBody(t, resp); body != "ok" {
				t.Errorf("body = %q, want ok", body)
			}
			if rec.Hits() != 2 {
				t.Errorf("server saw %d requests, want 2", rec.Hits())
			}
		})
	}
}

func TestGetRetriedOnConnectionRefused(t *testing.T) {
	t.Parallel()
	url := closedPortURL(t)

	base := &countingTransport{next: http.DefaultTransport}
	cfg := fastConfig()
	cfg.MaxRetries, cfg.Base = 2, base
	_, err := New(cfg).Do(mustRequest(t, context.Background(), http.MethodGet, url, nil))
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("error = %v, want connection refused", err)
	}
	if got := base.calls.Load(); got != 3 {
		t.Errorf("%d attempts, want 3 (MaxRetries 2)", got)
	}
}

func TestGivesUpAfterMaxRetriesWithLastResponse(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, hit int) {
		w.WriteHeader(http.StatusBadGateway)
		reply(w, fmt.Sprintf(`{"error":"busy %d"}`, hit))
	})
	cfg := fastConfig()
	cfg.MaxRetries = 2
	resp, err := New(cfg).Do(mustRequest(t, context.Background(), http.MethodGet, rec.URL, nil))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusBadGateway {
		t.Errorf("status = %d, want 502", resp.StatusCode)
	}
	if body := readBody(t, resp); body != `{"error":"busy 3"}` {
		t.Errorf("body = %q, want the third response's", body)
	}
	if rec.Hits() != 3 {
		t.Errorf("server saw %d requests, want 3", rec.Hits())
	}
}

func TestNonIdempotentRequestsAreSentOnce(t *testing.T) {
	t.Parallel()
	failures := map[string]func(*testing.T, http.ResponseWriter){
		"503": func(_ *testing.T, w http.ResponseWriter) { w.WriteHeader(http.StatusServiceUnavailable) },
		"429": func(_ *testing.T, w http.ResponseWriter) {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
		},
		"reset":  resetConnection,
		"closed": closeConnection,
	}
	for _, method := range []string{http.MethodPost, http.MethodPatch} {
		for name, fail := range failures {
			t.Run(method+" "+name, func(t *testing.T) {
				t.Parallel()
				rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, _ int) { fail(t, w) })
				resp, err := New(fastConfig()).Do(mustRequest(t, context.Background(), method, rec.URL, strings.NewReader(`{"domain":"example.com"}`)))
				if err == nil {
					readBody(t, resp)
				}
				if rec.Hits() != 1 {
					t.Errorf("server saw %d requests, want exactly 1", rec.Hits())
				}
			})
		}
	}
}

func TestIdempotentPostIsRetried(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, hit int) {
		switch hit {
		case 1:
			resetConnection(t, w)
		case 2:
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	ctx := WithIdempotent(context.Background())
	resp, err := New(fastConfig()).Do(mustRequest(t, ctx, http.MethodPost, rec.URL, strings.NewReader("grant_type=refresh_token")))
	if err != nil {
		t.Fatal(err)
	}
	readBody(t, resp)
	if resp.StatusCode != http.StatusOK || rec.Hits() != 3 {
		t.Errorf("got %d after %d requests, want 200 after 3", resp.StatusCode, rec.Hits())
	}
}

func TestPutBodyIsReplayed(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, hit int) {
		if hit < 3 {
			w.WriteHeader(http.StatusGatewayTimeout)
		}
	})
	const body = `{"ttl":3600,"data":"192.0.2.1"}`
	resp, err := New(fastConfig()).Do(mustRequest(t, context.Background(), http.MethodPut, rec.URL, strings.NewReader(body)))
	if err != nil {
		t.Fatal(err)
	}
	readBody(t, resp)
	bodies := rec.Bodies()
	if len(bodies) != 3 {
		t.Fatalf("server saw %d requests, want 3", len(bodies))
	}
	for i, got := range bodies {
		if got != body {
			t.Errorf("attempt %d sent body %q, want %q", i+1, got, body)
		}
	}
}

func TestBodyWithoutGetBodyIsNotRetried(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	body := io.NopCloser(strings.NewReader("streamed")) // no GetBody
	resp, err := New(fastConfig()).Do(mustRequest(t, context.Background(), http.MethodPut, rec.URL, body))
	if err != nil {
		t.Fatal(err)
	}
	readBody(t, resp)
	if resp.StatusCode != http.StatusServiceUnavailable || rec.Hits() != 1 {
		t.Errorf("got %d after %d requests, want the 503 after 1", resp.StatusCode, rec.Hits())
	}
}

func TestCancelDuringBackoff(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := New(fastConfig()).Do(mustRequest(t, ctx, http.MethodGet, rec.URL, nil))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
	if elapsed := time.Since(start); elapsed > 500*time.Millisecond {
		t.Errorf("returned after %s, want promptly after the cancel", elapsed)
	}
	if rec.Hits() != 1 {
		t.Errorf("server saw %d requests, want 1", rec.Hits())
	}
}

func TestBackoffPastDeadlineReturnsResponse(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusServiceUnavailable)
		reply(w, "maintenance")
	})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	start := time.Now()
	resp, err := New(fastConfig()).Do(mustRequest(t, ctx, http.MethodGet, rec.URL, nil))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusServiceUnavailable || readBody(t, resp) != "maintenance" {
		t.Errorf("got %s, want the 503 with its body", resp.Status)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("returned after %s, want at once", elapsed)
	}
}

func TestDiscardedResponsesAreClosed(t *testing.T) {
	t.Parallel()
	var bodies []*trackedBody
	var calls int
	base := roundTripFunc(func(req *http.Request) (*http.Response, error) {
		calls++
		status := http.StatusServiceUnavailable
		if calls == 3 {
			status = http.StatusOK
		}
		body := &trackedBody{Reader: strings.NewReader("payload")}
		bodies = append(bodies, body)
		return &http.Response{StatusCode: status, Header: http.Header{}, Body: body, Request: req}, nil
	})
	cfg := fastConfig()
	cfg.Base = base
	resp, err := New(cfg).Do(mustRequest(t, context.Background(), http.MethodGet, "http://partner.invalid/", nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(bodies) != 3 {
		t.Fatalf("%d attempts, want 3", len(bodies))
	}
	for i, body := range bodies[:2] {
		if !body.closed || body.Len() != 0 {
			t.Errorf("discarded response %d: closed=%v, %d bytes unread; want drained and closed", i+1, body.closed, body.Len())
		}
	}
	if bodies[2].closed {
		t.Error("the returned response was closed")
	}
	readBody(t, resp)
}

func TestBackoffIsBoundedFullJitter(t *testing.T) {
	t.Parallel()
	rt := &retryTransport{minBackoff: 10 * time.Millisecond, maxBackoff: 80 * time.Millisecond}
	for attempt, ceiling := range map[int]time.Duration{
		1: 10 * time.Millisecond, 2: 20 * time.Millisecond, 3: 40 * time.Millisecond,
		4: 80 * time.Millisecond, 5: 80 * time.Millisecond, 100: 80 * time.Millisecond,
	} {
		var highest time.Duration
		for range 500 {
			d := rt.backoff(attempt)
			if d < 0 || d > ceiling {
				t.Fatalf("backoff(%d) = %s, want within [0, %s]", attempt, d, ceiling)
			}
			highest = max(highest, d)
		}
		if highest < ceiling/2 {
			t.Errorf("backoff(%d) never exceeded %s in 500 draws, want spread up to %s", attempt, highest, ceiling)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		status int
		value  string
		want   time.Duration
		ok     bool
	}{
		{http.StatusTooManyRequests, "1", time.Second, true},
		{http.StatusServiceUnavailable, " 120 ", 2 * time.Minute, true},
		{http.StatusTooManyRequests, "0", 0, true},
		{http.StatusTooManyRequests, now.Add(5 * time.Second).Format(http.TimeFormat), 5 * time.Second, true},
		{http.StatusServiceUnavailable, now.Add(-time.Minute).Format(http.TimeFormat), 0, true},
		{http.StatusTooManyRequests, "-1", 0, false},
		{http.StatusTooManyRequests, "soon", 0, false},
		{http.StatusTooManyRequests, "", 0, false},
		{http.StatusBadGateway, "1", 0, false},
	}
	for _, tt := range tests {
		resp := &http.Response{StatusCode: tt.status, Header: http.Header{}}
		if tt.value != "" {
			resp.Header.Set("Retry-After", tt.value)
		}
		got, ok := retryAfter(resp, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%d, %q) = %s, %v; want %s, %v", tt.status, tt.value, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsConnectionError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"reset", &net.OpError{Op: "read", Err: syscall.ECONNRESET}, true},
		{"refused", &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}, true},
		{"eof", fmt.Errorf("reading response: %w", io.EOF), true},
		{"temporary dns", &net.OpError{Op: "dial", Err: &net.DNSError{Err: "server misbehaving", IsTemporary: true}}, true},
		{"unknown host", &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", IsNotFound: true}}, false},
		{"cancelled", fmt.Errorf("wait: %w", context.Canceled), false},
		{"deadline", context.DeadlineExceeded, false},
		{"other", errors.New("x509: certificate signed by unknown authority"), false},
	}
	for _, tt := range tests {
		if got := isConnectionError(tt.err); got != tt.want {
			t.Errorf("%s: isConnectionError(%v) = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

type countingTransport struct {
	calls atomic.Int32
	next  http.RoundTripper
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.calls.Add(1)
	return t.next.RoundTrip(req)
}

type trackedBody struct {
	*strings.Reader
	closed bool
}

func (b *trackedBody) Close() error {
	b.closed = true
	return nil
}

func TestWithoutRetrySendsAPutOnce(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, _ int) { w.WriteHeader(http.StatusServiceUnavailable) })
	ctx := WithoutRetry(WithIdempotent(context.Background()))
	resp, err := New(fastConfig()).Do(mustRequest(t, ctx, http.MethodPut, rec.URL, strings.NewReader(`{"licenses":5}`)))
	if err != nil {
		t.Fatal(err)
	}
	readBody(t, resp)
	if rec.Hits() != 1 {
		t.Errorf("server saw %d requests, want exactly 1", rec.Hits())
	}
}
