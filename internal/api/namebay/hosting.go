package namebay

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// CodeQuotaExceeded is the error code of a hosting pack whose offer allows
// no more FTP users, databases or aliases (409).
const CodeQuotaExceeded = 513

// ListHostingOffers returns the hosting catalog.
func (c *Client) ListHostingOffers(ctx context.Context, user string) ([]HostingOffer, error) {
	return getList[HostingOffer](ctx, c, request{path: routeHostingOffers, user: user})
}

// CreateHosting orders a hosting pack. The API answers at once with the
// pack in the pending state. A paid operation, never retried blindly: after
// an error for which IsAmbiguous is true, look the pack up with FindHosting
// before ordering again.
func (c *Client) CreateHosting(ctx context.Context, user string, order NewHosting) (*Hosting, error) {
	r := request{method: http.MethodPost, path: routeHostings, user: user, body: order}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*Hosting, error) {
		got, err := c.FindHosting(ctx, user, order.Domain)
		if err == nil && got == nil {
			err = fmt.Errorf("namebay: %s %s: the order of a pack for %s was accepted but the pack is not listed", r.method, r.path, order.Domain)
		}
		return got, err
	})
}

// GetHosting reads a hosting pack by handle.
func (c *Client) GetHosting(ctx context.Context, user, handle string) (*Hosting, error) {
	return getOne[Hosting](ctx, c, request{path: hostingRoute(handle), user: user})
}

// FindHosting returns the hosting pack of domain in the account user, or
// nil when there is none. A domain has at most one pack.
func (c *Client) FindHosting(ctx context.Context, user, domain string) (*Hosting, error) {
	packs, err := getList[Hosting](ctx, c, request{path: routeHostings, user: user, query: url.Values{"domain": {domain}}})
	if err != nil {
		if isMissing(err) {
			return nil, nil
		}
		return nil, err
	}
	for i := range packs {
		if sameName(packs[i].Domain, domain) {
			return &packs[i], nil
		}
	}
	return nil, nil
}

// ListHostings lists the hosting packs of the account user.
func (c *Client) ListHostings(ctx context.Context, user string) ([]Hosting, error) {
	return listAll(ctx, c, request{path: routeHostings, user: user}, func(h Hosting) string { return h.Handle })
}

// UpdateHosting changes the settings set in edit. The API refuses (409,
// code 570) while the pack is pending.
func (c *Client) UpdateHosting(ctx context.Context, user, handle string, edit EditHosting) (*Hosting, error) {
	return c.changeHosting(ctx, request{method: http.MethodPut, path: hostingRoute(handle), user: user, body: edit}, handle)
}

// UpgradeHosting moves a pack to the offer productID, up or down. A paid
// operation, never retried blindly: after an error for which IsAmbiguous is
// true, read the pack to see whether its ProductId changed.
func (c *Client) UpgradeHosting(ctx context.Context, user, handle, productID string) (*Hosting, error) {
	return c.changeHosting(ctx, request{method: http.MethodPost, path: hostingUpgradeRoute(handle), user: user, body: hostingUpgrade{ProductId: productID}}, handle)
}

// RenewHosting adds period years to a pack. A paid operation, never retried
// blindly: after an error for which IsAmbiguous is true, read the pack to
// see whether Expires moved.
func (c *Client) RenewHosting(ctx context.Context, user, handle string, period int64) (*Hosting, error) {
	return c.changeHosting(ctx, request{method: http.MethodPost, path: hostingRenewRoute(handle), user: user, body: renewal{Period: period}}, handle)
}

// changeHosting sends a change to the pack handle and returns the pack as
// it now is, read back when the answer does not hold it.
func (c *Client) changeHosting(ctx context.Context, r request, handle string) (*Hosting, error) {
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*Hosting, error) { return c.GetHosting(ctx, r.user, handle) })
}

// DeleteHosting deletes a hosting pack with its FTP users, databases and
// aliases.
func (c *Client) DeleteHosting(ctx context.Context, user, handle string) error {
	_, err := c.do(ctx, request{method: http.MethodDelete, path: hostingRoute(handle), user: user})
	return err
}

// ListHostingAliases lists the alias domains of a pack.
func (c *Client) ListHostingAliases(ctx context.Context, user, handle string) ([]HostingAlias, error) {
	return getList[HostingAlias](ctx, c, request{path: hostingAliasesRoute(handle), user: user})
}

// AddHostingAlias makes a pack serve another domain. More aliases than the
// offer allows is code CodeQuotaExceeded. Never retried blindly: after an
// error for which IsAmbiguous is true, list the aliases to see whether it
// was added.
func (c *Client) AddHostingAlias(ctx context.Context, user, handle string, alias HostingAlias) (*HostingAlias, error) {
	r := request{method: http.MethodPost, path: hostingAliasesRoute(handle), user: user, body: alias}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*HostingAlias, error) {
		aliases, err := c.ListHostingAliases(ctx, user, handle)
		if err != nil {
			return nil, err
		}
		for i := range aliases {
			if sameName(aliases[i].Domain, alias.Domain) {
				return &aliases[i], nil
			}
		}
		return nil, fmt.Errorf("namebay: %s %s: the alias %s was accepted but is not listed", r.method, r.path, alias.Domain)
	})
}

// DeleteHostingAlias removes the alias domain from a pack.
func (c *Client) DeleteHostingAlias(ctx context.Context, user, handle, domain string) error {
	_, err := c.do(ctx, request{method: http.MethodDelete, path: hostingAliasRoute(handle, domain), user: user})
	return err
}

// withoutSecret masks secret wherever an API error repeats it, so that a
// password sent in a request cannot reach a diagnostic through the answer.
func withoutSecret(err error, secret string) error {
	var apiErr *APIError
	if secret == "" || !errors.As(err, &apiErr) {
		return err
	}
	for i := range apiErr.Errors {
		item := &apiErr.Errors[i]
		item.Detail = strings.ReplaceAll(item.Detail, secret, "***")
		for k, v := range item.Data {
			if s, ok := v.(string); ok {
				item.Data[k] = strings.ReplaceAll(s, secret, "***")
			}
		}
	}
	return err
}
