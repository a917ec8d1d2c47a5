package namebay

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// CreateDomain orders a domain. The API answers at once with the domain in
// the pending state. Never retried blindly: after an error for which
// IsAmbiguous is true, look the domain up with FindDomain before ordering
// again.
func (c *Client) CreateDomain(ctx context.Context, user string, order CreateDomain) (*Domain, error) {
	r := request{method: http.MethodPost, path: routeDomains, user: user, body: order}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*Domain, error) {
		got, err := c.FindDomain(ctx, user, order.DomainName)
		if err == nil && got == nil {
			err = fmt.Errorf("namebay: %s %s: the order of %s was accepted but the domain is not listed", r.method, r.path, order.DomainName)
		}
		return got, err
	})
}

// GetDomain reads a domain by handle.
func (c *Client) GetDomain(ctx context.Context, user, handle string) (*Domain, error) {
	return getOne[Domain](ctx, c, request{path: domainRoute(handle), user: user})
}

// FindDomain returns the domain called name in the account user, or nil
// when there is none.
func (c *Client) FindDomain(ctx context.Context, user, name string) (*Domain, error) {
	domains, err := getList[Domain](ctx, c, request{path: routeDomains, user: user, query: url.Values{"name": {name}}})
	if err != nil {
		if isMissing(err) {
			return nil, nil
		}
		return nil, err
	}
	for i := range domains {
		if sameName(domains[i].Name, name) {
			return &domains[i], nil
		}
	}
	return nil, nil
}

// UpdateDomain changes the settings in u. The change is asynchronous: the
// API answers with a ticket.
func (c *Client) UpdateDomain(ctx context.Context, user, handle string, u UpdateDomain) ([]Ticket, error) {
	return c.write(ctx, request{method: http.MethodPut, path: domainRoute(handle), user: user, body: u})
}

// GetNameServers returns the name servers of a domain.
func (c *Client) GetNameServers(ctx context.Context, user, handle string) ([]NameServer, error) {
	return getList[NameServer](ctx, c, request{path: nameServerRoute(handle), user: user})
}

// SetNameServers replaces the name servers of a domain (2 to 6).
func (c *Client) SetNameServers(ctx context.Context, user, handle string, servers []NameServer) ([]Ticket, error) {
	return c.write(ctx, request{method: http.MethodPut, path: nameServerRoute(handle), user: user, body: nonNil(servers)})
}

// GetDomainContacts returns the contacts of a domain, one per role.
func (c *Client) GetDomainContacts(ctx context.Context, user, handle string) ([]DomainContact, error) {
	return getList[DomainContact](ctx, c, request{path: domainContactRoute(handle), user: user})
}

// SetDomainContacts replaces the contacts of a domain. The registrant (O)
// and the admin (A) cannot change this way (409, code 570); the registrant
// changes through TradeDomain.
func (c *Client) SetDomainContacts(ctx context.Context, user, handle string, contacts []DomainContact) ([]Ticket, error) {
	return c.write(ctx, request{method: http.MethodPut, path: domainContactRoute(handle), user: user, body: nonNil(contacts)})
}

// TradeDomain changes the registrant of a domain: a paid operation, never
// retried blindly.
func (c *Client) TradeDomain(ctx context.Context, user, handle, newRegistrant string) ([]Ticket, error) {
	return c.write(ctx, request{method: http.MethodPost, path: tradeRoute(handle), user: user, body: trade{NewRegistrantContactId: newRegistrant}})
}

// RenewDomain renews a domain for period years: a paid operation, never
// retried blindly.
func (c *Client) RenewDomain(ctx context.Context, user, handle string, period int64) ([]Ticket, error) {
	return c.write(ctx, request{method: http.MethodPost, path: renewRoute(handle), user: user, body: renewal{Period: period}})
}

// GetAuthInfo returns the transfer code of a domain.
func (c *Client) GetAuthInfo(ctx context.Context, user, handle string) (string, error) {
	out, err := getOne[authInfo](ctx, c, request{path: authInfoRoute(handle), user: user})
	if err != nil {
		return "", err
	}
	return out.AuthInfo, nil
}

// DeleteDomain deletes a domain and its zone. The API refuses (409, code
// 570) while the domain is protected.
func (c *Client) DeleteDomain(ctx context.Context, user, handle string) error {
	_, err := c.do(ctx, request{method: http.MethodDelete, path: domainRoute(handle), user: user})
	return err
}

// write sends a change whose answer matters only for its tickets.
func (c *Client) write(ctx context.Context, r request) ([]Ticket, error) {
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return tickets(r, a)
}

// isMissing reports whether a look-up by name failed because the API says
// nothing matches (code 510), as opposed to a bare 404 that may come from a
// wrong endpoint.
func isMissing(err error) bool { return HasCode(err, CodeNotFound) }

// sameName compares domain or zone names as DNS does: without case and
// without the final dot.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.TrimSuffix(a, "."), strings.TrimSuffix(b, "."))
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
