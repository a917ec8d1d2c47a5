package platform

import "time"

// Clock is the sandbox's time: the real time plus an offset that only the
// admin API moves (forward), so tests can reach expiry dates in an instant.
type Clock struct {
	offset time.Duration
}

// Now is the current sandbox time, in UTC.
func (c *Clock) Now() time.Time { return time.Now().UTC().Add(c.offset) }

// Offset is how far the sandbox clock runs ahead of real time.
func (c *Clock) Offset() time.Duration { return c.offset }
