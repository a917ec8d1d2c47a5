package namebay

import (
	"context"
	"net/url"
	"strings"
)

// ListTlds returns the TLDs on sale with their periods and prices.
func (c *Client) ListTlds(ctx context.Context, user string) ([]Tld, error) {
	return getList[Tld](ctx, c, request{path: routeTlds, user: user})
}

// CheckAvailability checks several domain names in one request.
func (c *Client) CheckAvailability(ctx context.Context, user string, names []string) ([]DomainAvailability, error) {
	if len(names) == 0 {
		return nil, nil
	}
	return getList[DomainAvailability](ctx, c, request{
		path:  routeAvailability,
		user:  user,
		query: url.Values{"domain": names},
	})
}

// Suggest returns the availability of names related to name in the given
// TLDs (all of them when tlds is empty).
func (c *Client) Suggest(ctx context.Context, user, name string, tlds []string) ([]DomainAvailability, error) {
	q := url.Values{"name": {name}}
	if len(tlds) > 0 {
		q.Set("tlds", strings.Join(tlds, ","))
	}
	return getList[DomainAvailability](ctx, c, request{path: routeSuggest, user: user, query: q})
}
