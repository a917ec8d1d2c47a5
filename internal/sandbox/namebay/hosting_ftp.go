package namebay

import (
	"net/http"
	"strconv"
)

// maxFtpTextLength bounds an FTP user's FullName and Description.
const maxFtpTextLength = 255

func (u *ftpUser) wire(p *hostingPack) wireFtpUser {
	return wireFtpUser{
		Id: u.Id, HostingHandle: p.Handle, Host: p.ftpHost(), UserName: u.UserName,
		FullName: u.FullName, Description: u.Description, Dir: u.Dir,
	}
}

// findFtpUser returns the pack of the path's {hosting} and its FTP user
// {id}.
func (c *call) findFtpUser() (*hostingPack, *ftpUser, error) {
	p, err := c.findReadyPack()
	if err != nil {
		return nil, nil, err
	}
	raw := c.r.PathValue("id")
	if id, err := strconv.ParseInt(raw, 10, 64); err == nil {
		if u := p.ftpUser(func(u *ftpUser) bool { return u.Id == id }); u != nil {
			return p, u, nil
		}
	}
	return nil, nil, errNotFound("", "The hosting pack %s has no FTP user %q.", p.Handle, raw)
}

// checkFtpText refuses a FullName or Description that is too long.
func checkFtpText(field, s string) error {
	if len(s) > maxFtpTextLength {
		return errInvalid(field, "%s is longer than %d characters.", field, maxFtpTextLength)
	}
	return nil
}

func (e *Emulator) listFtpUsers(c *call) error {
	p, err := c.findReadyPack()
	if err != nil {
		return err
	}
	out := make([]wireFtpUser, 0, len(p.ftpUsers))
	for _, u := range p.ftpUsers {
		out = append(out, u.wire(p))
	}
	return c.reply(http.StatusOK, out)
}

func (e *Emulator) createFtpUser(c *call) error {
	p, err := c.findReadyPack()
	if err != nil {
		return err
	}
	var in userModel
	if err := c.decode(&in); err != nil {
		return err
	}
	if err := checkHostingHandle(in.HostingHandle, p); err != nil {
		return err
	}
	if !ftpUserNamePattern.MatchString(in.UserName) {
		return errInvalid("UserName", "UserName %q must be 3 to 32 lower-case letters, digits, - and _, starting with a letter.", in.UserName)
	}
	if err := validatePassword(in.Pwd); err != nil {
		return err
	}
	dir, err := validateDir("Dir", in.Dir)
	if err != nil {
		return err
	}
	for _, f := range []struct{ name, value string }{{"FullName", in.FullName}, {"Description", in.Description}} {
		if err := checkFtpText(f.name, f.value); err != nil {
			return err
		}
	}
	switch {
	case p.ftpUser(func(u *ftpUser) bool { return u.UserName == in.UserName }) != nil:
		return errExists("The hosting pack %s already has an FTP user %s.", p.Handle, in.UserName)
	case len(p.ftpUsers) >= p.offer().MaxFtpUsers:
		return quotaExceeded(p, ftpUsersLimit)
	}
	u := &ftpUser{
		Id: e.world.Next(c.tx, ftpUserSeq), Pack: p.Handle, UserName: in.UserName,
		FullName: in.FullName, Description: in.Description, Dir: dir,
		Password: hashPassword(in.Pwd, c.now),
	}
	p.addFtpUser(u)
	e.saveFtpUser(c.tx, u)
	return c.reply(http.StatusCreated, u.wire(p))
}

func (e *Emulator) getFtpUser(c *call) error {
	p, u, err := c.findFtpUser()
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, u.wire(p))
}

func (e *Emulator) updateFtpUser(c *call) error {
	p, u, err := c.findFtpUser()
	if err != nil {
		return err
	}
	var in editFtpUser
	if err := c.decode(&in); err != nil {
		return err
	}
	next := *u
	if in.FullName != nil {
		next.FullName = *in.FullName
	}
	if in.Description != nil {
		next.Description = *in.Description
	}
	if in.Dir != nil {
		if next.Dir, err = validateDir("Dir", *in.Dir); err != nil {
			return err
		}
	}
	for _, f := range []struct{ name, value string }{{"FullName", next.FullName}, {"Description", next.Description}} {
		if err := checkFtpText(f.name, f.value); err != nil {
			return err
		}
	}
	*u = next
	e.saveFtpUser(c.tx, u)
	return c.reply(http.StatusOK, u.wire(p))
}

func (e *Emulator) deleteFtpUser(c *call) error {
	p, u, err := c.findFtpUser()
	if err != nil {
		return err
	}
	p.ftpUsers = deleteItem(p.ftpUsers, u)
	c.tx.Delete(ftpUsersBucket, ftpUserKey(u))
	return c.noContent()
}

func (e *Emulator) setFtpPassword(c *call) error {
	_, u, err := c.findFtpUser()
	if err != nil {
		return err
	}
	var in passwordRequest
	if err := c.decode(&in); err != nil {
		return err
	}
	if err := validatePassword(in.Pwd); err != nil {
		return err
	}
	u.Password = hashPassword(in.Pwd, c.now)
	e.saveFtpUser(c.tx, u)
	return c.noContent()
}
