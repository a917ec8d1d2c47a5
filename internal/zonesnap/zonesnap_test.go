package zonesnap

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestConcurrentReadersShareOneLoad(t *testing.T) {
	t.Parallel()
	c := New[int]()
	var loads atomic.Int32
	release := make(chan struct{})
	load := func(context.Context) (int, error) {
		loads.Add(1)
		<-release
		return 42, nil
	}

	var wg sync.WaitGroup
	results := make([]int, 100)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := c.Get(context.Background(), "example.com", load)
			if err != nil {
				t.Error(err)
			}
			results[i] = v
		}()
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()

	if got := loads.Load(); got != 1 {
		t.Fatalf("loads = %d, want 1", got)
	}
	for i, v := range results {
		if v != 42 {
			t.Fatalf("reader %d got %d", i, v)
		}
	}
	if _, err := c.Get(context.Background(), "example.com", load); err != nil || loads.Load() != 1 {
		t.Fatalf("a later read loaded again (loads=%d, err=%v)", loads.Load(), err)
	}
}

func TestZonesAreIndependent(t *testing.T) {
	t.Parallel()
	c := New[string]()
	for _, zone := range []string{"a.com", "b.com", "a.com", "b.com"} {
		v, err := c.Get(context.Background(), zone, func(context.Context) (string, error) { return zone, nil })
		if err != nil || v != zone {
			t.Fatalf("Get(%s) = %q, %v", zone, v, err)
		}
	}
}

func TestInvalidateForcesReload(t *testing.T) {
	t.Parallel()
	c := New[int]()
	n := 0
	load := func(context.Context) (int, error) { n++; return n, nil }
	if v, _ := c.Get(context.Background(), "z", load); v != 1 {
		t.Fatalf("first load = %d", v)
	}
	c.Invalidate("z")
	if v, _ := c.Get(context.Background(), "z", load); v != 2 {
		t.Fatalf("after invalidate = %d, want a fresh load", v)
	}
}

func TestWriteDuringLoadIsNotCached(t *testing.T) {
	t.Parallel()
	c := New[int]()
	started := make(chan struct{})
	release := make(chan struct{})
	go func() {
		_, _ = c.Get(context.Background(), "z", func(context.Context) (int, error) {
			close(started)
			<-release
			return 1, nil
		})
	}()
	<-started
	c.Invalidate("z") // a write lands while the listing is in flight
	close(release)

	var reloaded atomic.Bool
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		v, err := c.Get(context.Background(), "z", func(context.Context) (int, error) {
			reloaded.Store(true)
			return 2, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if v == 2 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	if !reloaded.Load() {
		t.Fatal("the stale in-flight listing was kept after a write")
	}
}

func TestErrorsAreNotCached(t *testing.T) {
	t.Parallel()
	c := New[int]()
	boom := errors.New("boom")
	if _, err := c.Get(context.Background(), "z", func(context.Context) (int, error) { return 0, boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	v, err := c.Get(context.Background(), "z", func(context.Context) (int, error) { return 7, nil })
	if err != nil || v != 7 {
		t.Fatalf("retry after error = %d, %v", v, err)
	}
}

func TestCancelledReaderReturnsPromptly(t *testing.T) {
	t.Parallel()
	c := New[int]()
	release := make(chan struct{})
	defer close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := c.Get(ctx, "z", func(context.Context) (int, error) { <-release; return 1, nil })
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
}
