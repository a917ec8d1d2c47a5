package sandbox

import (
	"maps"
	"sync"
)

// counters count partner requests per route template
// ("GET /namebay/api/Zone/{zone}/Record").
type counters struct {
	mu sync.Mutex
	n  map[string]int64
}

func newCounters() *counters { return &counters{n: map[string]int64{}} }

func (c *counters) add(template string) {
	c.mu.Lock()
	c.n[template]++
	c.mu.Unlock()
}

func (c *counters) snapshot() map[string]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.n)
}

func (c *counters) reset() {
	c.mu.Lock()
	clear(c.n)
	c.mu.Unlock()
}
