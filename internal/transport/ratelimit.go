package transport

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"sync"
	"time"
)

// tokenBucket is a token bucket that hands out tokens in arrival order: a
// caller that finds the bucket empty reserves the next token to be added and
// sleeps until then.
type tokenBucket struct {
	rate  float64 // tokens added per second
	burst float64 // bucket size

	mu     sync.Mutex
	tokens float64 // may go negative: each missing token is a reservation
	last   time.Time
}

func newTokenBucket(rate float64, burst int) *tokenBucket {
	if burst <= 0 {
		burst = max(1, int(math.Ceil(rate)))
	}
	return &tokenBucket{rate: rate, burst: float64(burst), tokens: float64(burst), last: time.Now()}
}

// wait blocks until a token is available or ctx is done. A caller that gives
// up returns its reservation so it does not slow the others.
func (b *tokenBucket) wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	delay := b.reserve()
	if delay <= 0 {
		return nil
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < delay {
		b.cancel()
		return fmt.Errorf("rate limit: waiting %s for a request slot would pass the context deadline: %w", delay.Round(time.Millisecond), context.DeadlineExceeded)
	}
	timer := time.NewTimer(delay)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		b.cancel()
		return ctx.Err()
	}
}

// reserve takes a token and returns how long until it is really there.
func (b *tokenBucket) reserve() time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill(time.Now())
	b.tokens--
	if b.tokens >= 0 {
		return 0
	}
	return time.Duration(-b.tokens / b.rate * float64(time.Second))
}

func (b *tokenBucket) cancel() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refill(time.Now())
	b.tokens = min(b.burst, b.tokens+1)
}

func (b *tokenBucket) refill(now time.Time) {
	if elapsed := now.Sub(b.last).Seconds(); elapsed > 0 {
		b.tokens = min(b.burst, b.tokens+elapsed*b.rate)
		b.last = now
	}
}

// rateLimitTransport spends one token per attempt, so retries count against
// the partner's limit like any other request.
type rateLimitTransport struct {
	bucket *tokenBucket
	next   http.RoundTripper
}

func (t *rateLimitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.bucket.wait(req.Context()); err != nil {
		closeBody(req)
		return nil, err
	}
	return t.next.RoundTrip(req)
}

// closeBody honours the RoundTripper contract of closing the request body
// when a layer gives up before passing the request on.
func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close() // the request is abandoned; nothing to report
	}
}
