package transport

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"
)

func TestRateLimitSpacesRequests(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(http.ResponseWriter, *http.Request, int) {})
	const (
		requests = 8
		rate     = 20.0
		burst    = 2
	)
	cfg := fastConfig()
	cfg.RequestsPerSecond, cfg.Burst = rate, burst
	client := New(cfg)

	reqs := make([]*http.Request, requests)
	for i := range reqs {
		reqs[i] = mustRequest(t, context.Background(), http.MethodGet, rec.URL, nil)
	}
	start := time.Now()
	var wg sync.WaitGroup
	for _, req := range reqs {
		wg.Go(func() {
			resp, err := client.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			if err := resp.Body.Close(); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)

	want := time.Duration(float64(requests-burst) / rate * float64(time.Second)) // 300ms
	if elapsed < want-30*time.Millisecond || elapsed > want+300*time.Millisecond {
		t.Errorf("%d requests at %v/s with burst %d took %s, want about %s", requests, rate, burst, elapsed, want)
	}
	if rec.Hits() != requests {
		t.Errorf("server saw %d requests, want %d", rec.Hits(), requests)
	}
}

func TestRateLimitWaitEndsWithContext(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(http.ResponseWriter, *http.Request, int) {})
	cfg := fastConfig()
	cfg.RequestsPerSecond = 0.5 // the second token comes after 2 s
	client := New(cfg)

	resp, err := client.Do(mustRequest(t, context.Background(), http.MethodGet, rec.URL, nil))
	if err != nil {
		t.Fatal(err)
	}
	readBody(t, resp)

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err = client.Do(mustRequest(t, ctx, http.MethodGet, rec.URL, nil))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
	if elapsed := time.Since(start); elapsed > 500*time.Millisecond {
		t.Errorf("cancelled wait returned after %s, want promptly", elapsed)
	}

	ctx, cancel = context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start = time.Now()
	_, err = client.Do(mustRequest(t, ctx, http.MethodGet, rec.URL, nil))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error = %v, want context.DeadlineExceeded", err)
	}
	if elapsed := time.Since(start); elapsed > 50*time.Millisecond {
		t.Errorf("a wait that cannot meet the deadline took %s, want an immediate error", elapsed)
	}

	if rec.Hits() != 1 {
		t.Errorf("server saw %d requests, want only the first", rec.Hits())
	}
}

func TestTokenBucketReturnsCancelledReservation(t *testing.T) {
	t.Parallel()
	bucket := newTokenBucket(10, 1)
	if err := bucket.wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// A waiter that gives up before reserving must not push back the next one.
	if err := bucket.wait(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	start := time.Now()
	if err := bucket.wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed > 150*time.Millisecond {
		t.Errorf("next token took %s, want about 100ms", elapsed)
	}

	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	if err := bucket.wait(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	// The cancelled reservation was handed back: the next token is due
	// about 100ms after the last one granted, not 200ms.
	start = time.Now()
	if err := bucket.wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed > 130*time.Millisecond {
		t.Errorf("next token took %s after a cancelled reservation, want under 100ms", elapsed)
	}
}
