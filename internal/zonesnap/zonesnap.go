// Package zonesnap keeps one snapshot per DNS zone for the life of a
// Terraform operation, so that refreshing many records of a zone costs one
// listing of that zone instead of one request per record.
//
// Loads are single-flight: concurrent readers of a zone share one listing.
// A write to a zone invalidates its snapshot; a load that was already under
// way when the write happened is handed to the readers that waited for it
// but is not kept.
package zonesnap

import (
	"context"
	"sync"

	"golang.org/x/sync/singleflight"
)

// Cache holds snapshots of type V keyed by zone.
type Cache[V any] struct {
	mu          sync.Mutex
	snapshots   map[string]V
	generations map[string]uint64
	group       singleflight.Group
}

// New returns an empty cache.
func New[V any]() *Cache[V] {
	return &Cache[V]{snapshots: map[string]V{}, generations: map[string]uint64{}}
}

// Get returns the snapshot of zone, loading it with load when there is none.
func (c *Cache[V]) Get(ctx context.Context, zone string, load func(context.Context) (V, error)) (V, error) {
	c.mu.Lock()
	if v, ok := c.snapshots[zone]; ok {
		c.mu.Unlock()
		return v, nil
	}
	c.mu.Unlock()

	ch := c.group.DoChan(zone, func() (any, error) {
		c.mu.Lock()
		gen := c.generations[zone]
		c.mu.Unlock()

		// The load must outlive any one caller: others may be waiting on it.
		v, err := load(context.WithoutCancel(ctx))
		if err != nil {
			return v, err
		}
		c.mu.Lock()
		if c.generations[zone] == gen {
			c.snapshots[zone] = v
		}
		c.mu.Unlock()
		return v, nil
	})
	select {
	case res := <-ch:
		if res.Err != nil {
			var zero V
			return zero, res.Err
		}
		return res.Val.(V), nil
	case <-ctx.Done():
		var zero V
		return zero, ctx.Err()
	}
}

// Invalidate drops the snapshot of zone; the next Get lists the zone again.
func (c *Cache[V]) Invalidate(zone string) {
	c.mu.Lock()
	delete(c.snapshots, zone)
	c.generations[zone]++
	c.mu.Unlock()
	c.group.Forget(zone)
}
