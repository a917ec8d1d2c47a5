package namebay

import (
	"context"
	"net/http"

	"github.com/resellerkit/terraform-provider-reseller/internal/transport"
)

// CreateDatabase adds a database to a pack. More databases than the offer
// allows is code CodeQuotaExceeded; a Name taken in the pack is code
// CodeExists. Never retried blindly: after an error for which IsAmbiguous
// is true, read the database by Name.
func (c *Client) CreateDatabase(ctx context.Context, user, handle string, db NewDatabase) (*Database, error) {
	r := request{method: http.MethodPost, path: databasesRoute(handle), user: user, body: databaseModel{
		Name:          db.Name,
		HostingHandle: handle,
		User:          db.User,
		Pwd:           db.Pwd,
		Type:          db.Type,
		MaxSize:       db.MaxSize,
	}}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, withoutSecret(err, db.Pwd)
	}
	return decodeOrRead(r, a, func() (*Database, error) { return c.GetDatabase(ctx, user, handle, db.Name) })
}

// ListDatabases lists the databases of a pack.
func (c *Client) ListDatabases(ctx context.Context, user, handle string) ([]Database, error) {
	return getList[Database](ctx, c, request{path: databasesRoute(handle), user: user})
}

// GetDatabase reads a database by name.
func (c *Client) GetDatabase(ctx context.Context, user, handle, name string) (*Database, error) {
	return getOne[Database](ctx, c, request{path: databaseRoute(handle, name), user: user})
}

// ResizeDatabase sets the largest size of a database, in MB (1 to the
// offer's DatabaseMaxSizeMb).
func (c *Client) ResizeDatabase(ctx context.Context, user, handle, name string, maxSize int64) (*Database, error) {
	r := request{method: http.MethodPut, path: databaseRoute(handle, name), user: user, body: databaseResize{MaxSize: maxSize}}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*Database, error) { return c.GetDatabase(ctx, user, handle, name) })
}

// DeleteDatabase deletes a database.
func (c *Client) DeleteDatabase(ctx context.Context, user, handle, name string) error {
	_, err := c.do(ctx, request{method: http.MethodDelete, path: databaseRoute(handle, name), user: user})
	return err
}

// SetDatabasePassword replaces the password of a database's user. Setting
// the same password twice changes nothing, so the request is retried like a
// PUT.
func (c *Client) SetDatabasePassword(ctx context.Context, user, handle, name, pwd string) error {
	r := request{method: http.MethodPost, path: databasePasswordRoute(handle, name), user: user, body: passwordChange{Pwd: pwd}}
	_, err := c.do(transport.WithIdempotent(ctx), r)
	return withoutSecret(err, pwd)
}
