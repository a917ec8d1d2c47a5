package transport

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// retryTransport retries idempotent requests that failed in a way worth
// retrying: a busy or rate-limiting partner (429, 502, 503, 504) or a
// connection that broke before the response headers arrived.
type retryTransport struct {
	maxRetries             int
	minBackoff, maxBackoff time.Duration
	subsystem              string
	next                   http.RoundTripper
}

type attemptKey struct{}

// attemptFrom returns the 1-based attempt number of the request carrying ctx.
func attemptFrom(ctx context.Context) int {
	if n, ok := ctx.Value(attemptKey{}).(int); ok {
		return n
	}
	return 1
}

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	maxAttempts := 1
	if isIdempotent(req) && isReplayable(req) {
		maxAttempts += max(0, t.maxRetries)
	}
	for attempt := 1; ; attempt++ {
		try := req.WithContext(context.WithValue(ctx, attemptKey{}, attempt))
		if attempt > 1 && req.Body != nil && req.Body != http.NoBody {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			try.Body = body
		}
		resp, err := t.next.RoundTrip(try)
		if attempt == maxAttempts || ctx.Err() != nil || !shouldRetry(resp, err) {
			return resp, err
		}
		wait := t.backoff(attempt)
		if resp != nil {
			if after, ok := retryAfter(resp, time.Now()); ok {
				if after > t.maxRetryAfter() {
					// The partner will not serve us within our budget: let the
					// caller see its answer now rather than fail later.
					return resp, err
				}
				wait = max(wait, after)
			}
		}
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			// Waiting would only end in a deadline error; the partner's
			// own answer says more.
			return resp, err
		}
		t.logRetry(try, attempt, wait, resp, err)
		discard(resp)
		if err := sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// maxRetryAfter caps how long a Retry-After header may make us wait: four
// times MaxBackoff, and never less than a minute, the longest window partners
// commonly rate-limit over (two minutes with the defaults). A partner asking
// for longer gets its 429 or 503 passed back to the caller at once: retrying
// sooner than asked would only be refused again.
func (t *retryTransport) maxRetryAfter() time.Duration {
	return max(4*t.maxBackoff, time.Minute)
}

// backoff returns a full-jitter exponential delay before the retry that
// follows attempt: a uniform draw from [0, min(MaxBackoff, MinBackoff*2^(attempt-1))].
// Full jitter keeps many clients that failed together from retrying together.
func (t *retryTransport) backoff(attempt int) time.Duration {
	ceiling := t.maxBackoff
	if shift := attempt - 1; shift < 62 {
		if d := t.minBackoff << shift; d > 0 && d < ceiling {
			ceiling = d
		}
	}
	return rand.N(ceiling + 1)
}

func (t *retryTransport) logRetry(req *http.Request, attempt int, wait time.Duration, resp *http.Response, err error) {
	fields := map[string]any{
		"http_method":        req.Method,
		"http_url":           redactURL(req.URL),
		"http_attempt":       attempt,
		"http_retry_wait_ms": wait.Milliseconds(),
	}
	if resp != nil {
		fields["http_status"] = resp.StatusCode
	} else {
		fields["http_error"] = redactError(req, err)
	}
	tflog.SubsystemDebug(newLogContext(req.Context(), t.subsystem, req), t.subsystem, "retrying HTTP request", fields)
}

// isIdempotent reports whether req may be sent twice: its method says so, or
// its context was marked with WithIdempotent; WithoutRetry overrides both.
func isIdempotent(req *http.Request) bool {
	if once, _ := req.Context().Value(onceKey{}).(bool); once {
		return false
	}
	switch req.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	}
	marked, _ := req.Context().Value(idempotentKey{}).(bool)
	return marked
}

// isReplayable reports whether req's body can be sent again.
func isReplayable(req *http.Request) bool {
	return req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
}

func shouldRetry(resp *http.Response, err error) bool {
	if err != nil {
		return isConnectionError(err)
	}
	switch resp.StatusCode {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// isConnectionError reports whether err says the connection failed before a
// response arrived: refused, reset, closed early, or timed out. A name that
// does not resolve, a bad certificate or a cancelled context is not retried.
func isConnectionError(err error) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	if dnsErr, ok := errors.AsType[*net.DNSError](err); ok {
		return dnsErr.IsTemporary || dnsErr.IsTimeout
	}
	if opErr, ok := errors.AsType[*net.OpError](err); ok && opErr.Op == "dial" {
		return true
	}
	netErr, ok := errors.AsType[net.Error](err)
	return ok && netErr.Timeout()
}

// retryAfter reads a Retry-After header of a 429 or 503 response, in
// delta-seconds or as an HTTP-date.
func retryAfter(resp *http.Response, now time.Time) (time.Duration, bool) {
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
		return 0, false
	}
	value := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if value == "" {
		return 0, false
	}
	if seconds, err := strconv.ParseInt(value, 10, 64); err == nil {
		if seconds < 0 {
			return 0, false
		}
		return time.Duration(min(seconds, int64(1<<33))) * time.Second, true
	}
	if date, err := http.ParseTime(value); err == nil {
		return max(0, date.Sub(now)), true
	}
	return 0, false
}

// discard drains a little of a response that will not be returned, so its
// connection can be reused, then closes it.
func discard(resp *http.Response) {
	if resp == nil {
		return
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
}

func sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
