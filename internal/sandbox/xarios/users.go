package xarios

import (
	"net/http"
	"net/mail"
	"slices"
	"strings"
)

func (u *user) view(cust *customer) map[string]any {
	invitation := "none"
	if cust.Enabled && slices.Contains(u.Roles, "customer.website") {
		invitation = "sent"
	}
	return map[string]any{"id": u.ID, "displayName": u.DisplayName, "email": u.Email, "roles": append([]string{}, u.Roles...),
		"primaryTenant": cust.ID, "isParent": false, "invitationState": invitation}
}

type userInput struct {
	DisplayName *string
	Email       *string
	Roles       []string
}

func (c *call) findUser(cust *customer) (*user, error) {
	for _, u := range cust.Users {
		if u.ID == c.r.PathValue("user") {
			return u, nil
		}
	}
	return nil, fail(http.StatusNotFound, "Not Found")
}

func (c *call) listUsers() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	var out []any
	for _, u := range cust.Users {
		out = append(out, u.view(cust))
	}
	return c.list(out)
}

func (c *call) createUser() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	var in userInput
	if _, err := c.decode(&in); err != nil {
		return err
	}
	if in.DisplayName == nil || *in.DisplayName == "" || len(*in.DisplayName) > 100 {
		return fail(http.StatusBadRequest, "The field displayName is required (1 to 100 characters).")
	}
	if in.Email == nil || len(*in.Email) > 200 {
		return fail(http.StatusBadRequest, "The field email is required.")
	}
	if a, err := mail.ParseAddress(*in.Email); err != nil || a.Address != *in.Email {
		return fail(http.StatusBadRequest, "The field email must be an e-mail address.")
	}
	for _, u := range cust.Users {
		if strings.EqualFold(u.Email, *in.Email) {
			return fail(http.StatusConflict, "User already exists")
		}
	}
	if err := checkRoles(in.Roles); err != nil {
		return err
	}
	u := &user{ID: "usr_" + randomHex(8), DisplayName: *in.DisplayName, Email: *in.Email, Roles: append([]string{}, in.Roles...)}
	cust.Users = append(cust.Users, u)
	c.e.saveCustomer(c.tx, cust)
	writeData(c.w, http.StatusCreated, u.view(cust))
	return nil
}

func (c *call) getUser() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	u, err := c.findUser(cust)
	if err != nil {
		return err
	}
	writeData(c.w, http.StatusOK, u.view(cust))
	return nil
}

func (c *call) patchUser() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	u, err := c.findUser(cust)
	if err != nil {
		return err
	}
	var in userInput
	fields, err := c.decode(&in)
	if err != nil {
		return err
	}
	if in.Email != nil && *in.Email != u.Email {
		return fail(http.StatusBadRequest, "The e-mail address of a user cannot change.")
	}
	if in.DisplayName != nil {
		if *in.DisplayName == "" || len(*in.DisplayName) > 100 {
			return fail(http.StatusBadRequest, "The field displayName must be 1 to 100 characters.")
		}
		u.DisplayName = *in.DisplayName
	}
	if _, given := fields["roles"]; given {
		if err := checkRoles(in.Roles); err != nil {
			return err
		}
		u.Roles = append([]string{}, in.Roles...)
	}
	c.e.saveCustomer(c.tx, cust)
	writeData(c.w, http.StatusOK, u.view(cust))
	return nil
}

func (c *call) deleteUser() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	u, err := c.findUser(cust)
	if err != nil {
		return err
	}
	cust.Users = slices.DeleteFunc(cust.Users, func(x *user) bool { return x == u })
	c.e.saveCustomer(c.tx, cust)
	c.w.WriteHeader(http.StatusNoContent)
	return nil
}
