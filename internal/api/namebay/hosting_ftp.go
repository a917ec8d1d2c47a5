package namebay

import (
	"context"
	"fmt"
	"net/http"

	"github.com/resellerkit/terraform-provider-reseller/internal/transport"
)

// CreateFtpUser adds an FTP user to a pack. More users than the offer
// allows is code CodeQuotaExceeded; a UserName taken in the pack is code
// CodeExists. Never retried blindly: after an error for which IsAmbiguous
// is true, list the users to look for UserName.
func (c *Client) CreateFtpUser(ctx context.Context, user, handle string, u NewFtpUser) (*FtpUser, error) {
	r := request{method: http.MethodPost, path: ftpUsersRoute(handle), user: user, body: ftpUserModel{
		HostingHandle: handle,
		UserName:      u.UserName,
		Pwd:           u.Pwd,
		FullName:      u.FullName,
		Description:   u.Description,
		Dir:           u.Dir,
	}}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, withoutSecret(err, u.Pwd)
	}
	return decodeOrRead(r, a, func() (*FtpUser, error) {
		users, err := c.ListFtpUsers(ctx, user, handle)
		if err != nil {
			return nil, err
		}
		for i := range users {
			if users[i].UserName == u.UserName {
				return &users[i], nil
			}
		}
		return nil, fmt.Errorf("namebay: %s %s: the FTP user %s was accepted but is not listed", r.method, r.path, u.UserName)
	})
}

// ListFtpUsers lists the FTP users of a pack.
func (c *Client) ListFtpUsers(ctx context.Context, user, handle string) ([]FtpUser, error) {
	return getList[FtpUser](ctx, c, request{path: ftpUsersRoute(handle), user: user})
}

// GetFtpUser reads an FTP user by its Id.
func (c *Client) GetFtpUser(ctx context.Context, user, handle string, id int64) (*FtpUser, error) {
	return getOne[FtpUser](ctx, c, request{path: ftpUserRoute(handle, id), user: user})
}

// UpdateFtpUser changes the fields set in u.
func (c *Client) UpdateFtpUser(ctx context.Context, user, handle string, id int64, u FtpUserUpdate) (*FtpUser, error) {
	r := request{method: http.MethodPut, path: ftpUserRoute(handle, id), user: user, body: u}
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOrRead(r, a, func() (*FtpUser, error) { return c.GetFtpUser(ctx, user, handle, id) })
}

// DeleteFtpUser deletes an FTP user.
func (c *Client) DeleteFtpUser(ctx context.Context, user, handle string, id int64) error {
	_, err := c.do(ctx, request{method: http.MethodDelete, path: ftpUserRoute(handle, id), user: user})
	return err
}

// SetFtpUserPassword replaces the password of an FTP user. Setting the same
// password twice changes nothing, so the request is retried like a PUT.
func (c *Client) SetFtpUserPassword(ctx context.Context, user, handle string, id int64, pwd string) error {
	r := request{method: http.MethodPost, path: ftpUserPasswordRoute(handle, id), user: user, body: passwordChange{Pwd: pwd}}
	_, err := c.do(transport.WithIdempotent(ctx), r)
	return withoutSecret(err, pwd)
}
