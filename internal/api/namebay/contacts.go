package namebay

import (
	"context"
	"net/http"
)

// CreateContact creates a contact in the account user.
func (c *Client) CreateContact(ctx context.Context, user string, contact NewContact) (*Contact, error) {
	return sendOne[Contact](ctx, c, request{method: http.MethodPost, path: routeContacts, user: user, body: contact})
}

// GetContact reads a contact by handle.
func (c *Client) GetContact(ctx context.Context, user, handle string) (*Contact, error) {
	return getOne[Contact](ctx, c, request{path: contactRoute(handle), user: user})
}

// ListContacts lists the contacts of the account user.
func (c *Client) ListContacts(ctx context.Context, user string) ([]Contact, error) {
	return listAll(ctx, c, request{path: routeContacts, user: user}, func(x Contact) string { return x.Handle })
}

// UpdateContact replaces the fields of a contact. Its country (Cc) cannot
// change: the API refuses it with code 550.
func (c *Client) UpdateContact(ctx context.Context, user, handle string, contact NewContact) (*Contact, error) {
	r := request{method: http.MethodPut, path: contactRoute(handle), user: user, body: contact}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*Contact, error) { return c.GetContact(ctx, user, handle) })
}

// DeleteContact deletes a contact. The API refuses (409, code 570) while a
// domain uses it in any role.
func (c *Client) DeleteContact(ctx context.Context, user, handle string) error {
	_, err := c.do(ctx, request{method: http.MethodDelete, path: contactRoute(handle), user: user})
	return err
}
