package namebay

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// CreateZone creates the zone of a domain that uses Namebay's name servers
// (code 714 otherwise; 707 when the zone exists).
func (c *Client) CreateZone(ctx context.Context, user, name string) (*Zone, error) {
	r := request{method: http.MethodPost, path: routeZones, user: user, body: newZone{Name: name}}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*Zone, error) {
		got, err := c.FindZone(ctx, user, name)
		if err == nil && got == nil {
			err = fmt.Errorf("namebay: %s %s: the zone %s was accepted but is not listed", r.method, r.path, name)
		}
		return got, err
	})
}

// FindZone returns the zone called name, or nil when there is none.
func (c *Client) FindZone(ctx context.Context, user, name string) (*Zone, error) {
	zones, err := getList[Zone](ctx, c, request{path: routeZones, user: user, query: url.Values{"name": {name}}})
	if err != nil {
		if isMissing(err) {
			return nil, nil
		}
		return nil, err
	}
	for i := range zones {
		if sameName(zones[i].Name, name) {
			return &zones[i], nil
		}
	}
	return nil, nil
}

// GetZone reads a zone by handle.
func (c *Client) GetZone(ctx context.Context, user, handle string) (*Zone, error) {
	return getOne[Zone](ctx, c, request{path: zoneRoute(handle), user: user})
}

// UpdateZoneTTL sets the TTL of a zone (300 to 86400 seconds), the only
// field of a zone that changes. The API wants the zone's name alongside.
func (c *Client) UpdateZoneTTL(ctx context.Context, user, handle, name string, ttl int64) (*Zone, error) {
	r := request{method: http.MethodPut, path: zoneRoute(handle), user: user, body: zoneTTL{Name: name, Ttl: ttl}}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*Zone, error) { return c.GetZone(ctx, user, handle) })
}

// GetDnssec reads the DNSSEC state of a zone.
func (c *Client) GetDnssec(ctx context.Context, user, zone string) (*Dnssec, error) {
	return getOne[Dnssec](ctx, c, request{path: dnssecRoute(zone), user: user})
}

// SetDnssec turns DNSSEC on or off. The change is pending (an *InProgress
// status) until the registry has it.
func (c *Client) SetDnssec(ctx context.Context, user, zone string, enabled bool) (*Dnssec, error) {
	r := request{method: http.MethodPut, path: dnssecRoute(zone), user: user, body: dnssecChange{Enabled: enabled}}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*Dnssec, error) { return c.GetDnssec(ctx, user, zone) })
}
