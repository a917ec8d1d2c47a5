package xarios

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// Features are a customer's licensed feature counts.
type Features struct {
	Agent  int `json:"agent"`
	Device int `json:"device"`
}

// Customer is a customer tenant.
type Customer struct {
	ID             string   `json:"id"`
	Name           string   `json:"name"`
	Description    string   `json:"description"`
	Reference      string   `json:"reference"`
	CountryCode    string   `json:"countryCode"`
	Timezone       string   `json:"timezone"`
	ProductType    string   `json:"productType"`
	Notes          string   `json:"notes"`
	InternalSystem bool     `json:"internalSystem"`
	TrialDuration  int      `json:"trialDuration"`
	Enabled        bool     `json:"enabled"`
	Features       Features `json:"features"`
	DateCreated    string   `json:"dateCreated"`
	ParentTenantID string   `json:"parentTenantId"`
	Status         string   `json:"status"`
	TrialEnds      string   `json:"trialEnds"`
}

// CustomerInput is the body of a create or a change; nil fields are left
// out.
type CustomerInput struct {
	Name           *string   `json:"name,omitempty"`
	Description    *string   `json:"description,omitempty"`
	Reference      *string   `json:"reference,omitempty"`
	CountryCode    *string   `json:"countryCode,omitempty"`
	Timezone       *string   `json:"timezone,omitempty"`
	ProductType    *string   `json:"productType,omitempty"`
	Notes          *string   `json:"notes,omitempty"`
	InternalSystem *bool     `json:"internalSystem,omitempty"`
	TrialDuration  *int      `json:"trialDuration,omitempty"`
	Enabled        *bool     `json:"enabled,omitempty"`
	Features       *Features `json:"features,omitempty"`
}

// User is a user of a customer.
type User struct {
	ID              string   `json:"id"`
	DisplayName     string   `json:"displayName"`
	Email           string   `json:"email"`
	Roles           []string `json:"roles"`
	PrimaryTenant   string   `json:"primaryTenant"`
	IsParent        bool     `json:"isParent"`
	InvitationState string   `json:"invitationState"`
}

// UserInput is the body of a user create or change; Roles nil is left out.
type UserInput struct {
	DisplayName *string  `json:"displayName,omitempty"`
	Email       *string  `json:"email,omitempty"`
	Roles       []string `json:"roles,omitempty"`
}

// PBX is a PBX connection; its secrets are never read back, only whether
// they are set.
type PBX struct {
	Type               string
	ID                 string
	Name               string
	TemplateID         string
	CountryCode        string
	Enabled            bool
	MonitorSubAccounts bool
	HostRest           string
	HostWebsocket      string
	AccountID          string
	Username           string
	HasAPIKey          bool
	HasLicenseKey      bool
}

type pbxWire struct {
	Type               string `json:"_type"`
	ID                 string `json:"id"`
	Name               string `json:"name"`
	TemplateID         string `json:"templateId"`
	CountryCode        string `json:"countryCode"`
	Enabled            bool   `json:"enabled"`
	MonitorSubAccounts bool   `json:"monitorSubAccounts"`
	HostRest           string `json:"hostRest"`
	HostWebsocket      string `json:"hostWebsocket"`
	AccountID          string `json:"accountId"`
	Username           string `json:"username"`
	APIKey             string `json:"apiKey"`
	LicenseKey         string `json:"licenseKey"`
}

func (w pbxWire) pbx() PBX {
	return PBX{Type: w.Type, ID: w.ID, Name: w.Name, TemplateID: w.TemplateID, CountryCode: w.CountryCode, Enabled: w.Enabled,
		MonitorSubAccounts: w.MonitorSubAccounts, HostRest: w.HostRest, HostWebsocket: w.HostWebsocket, AccountID: w.AccountID,
		Username: w.Username, HasAPIKey: w.APIKey != "", HasLicenseKey: w.LicenseKey != ""}
}

// PBXInput is the body of a PBX connection create or change.
type PBXInput struct {
	Type               *string `json:"_type,omitempty"`
	Name               *string `json:"name,omitempty"`
	TemplateID         *string `json:"templateId,omitempty"`
	CountryCode        *string `json:"countryCode,omitempty"`
	HostRest           *string `json:"hostRest,omitempty"`
	HostWebsocket      *string `json:"hostWebsocket,omitempty"`
	AccountID          *string `json:"accountId,omitempty"`
	APIKey             *string `json:"apiKey,omitempty"`
	LicenseKey         *string `json:"licenseKey,omitempty"`
	Username           *string `json:"username,omitempty"`
	Enabled            *bool   `json:"enabled,omitempty"`
	MonitorSubAccounts *bool   `json:"monitorSubAccounts,omitempty"`
}

// String describes the input without its secrets.
func (in PBXInput) String() string {
	kind, name := "", ""
	if in.Type != nil {
		kind = *in.Type
	}
	if in.Name != nil {
		name = *in.Name
	}
	return fmt.Sprintf("PBX connection %q (%s, API key set: %t, licence key set: %t)", name, kind, in.APIKey != nil, in.LicenseKey != nil)
}

// GoString is String, so %#v never prints a secret either.
func (in PBXInput) GoString() string { return in.String() }

// TenantProfile is a product type.
type TenantProfile struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Changeable   bool   `json:"changeable"`
	TrialAllowed bool   `json:"trialAllowed"`
	MonthlyPrice string `json:"monthlyPrice"`
	Currency     string `json:"currency"`
}

// PBXTemplate is a reseller's PBX template.
type PBXTemplate struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Type    string `json:"_type"`
	Default bool   `json:"default"`
}

// Role is a role a user can hold.
type Role struct {
	Key           string   `json:"key"`
	Name          string   `json:"name"`
	Group         string   `json:"group"`
	Prerequisites []string `json:"prerequisites"`
	Licensed      bool     `json:"licensed"`
	ReadOnly      bool     `json:"readOnly"`
}

// TenantProfiles lists the product types.
func (c *Client) TenantProfiles(ctx context.Context) ([]TenantProfile, error) {
	return list[TenantProfile](ctx, c, "tenantprofiles", nil)
}

// PBXTemplates lists the reseller's PBX templates.
func (c *Client) PBXTemplates(ctx context.Context) ([]PBXTemplate, error) {
	return list[PBXTemplate](ctx, c, "pbxtemplates", nil)
}

// Roles lists the roles.
func (c *Client) Roles(ctx context.Context) ([]Role, error) { return list[Role](ctx, c, "roles", nil) }

// Customers lists the reseller's customers, those with the reference when
// it is not empty.
func (c *Client) Customers(ctx context.Context, reference string) ([]Customer, error) {
	var q url.Values
	if reference != "" {
		q = url.Values{"reference": {reference}}
	}
	return list[Customer](ctx, c, "customers", q)
}

func customerPath(id string) string { return "customers/" + url.PathEscape(id) }

// Customer reads one customer.
func (c *Client) Customer(ctx context.Context, id string) (*Customer, error) {
	var out Customer
	return &out, c.call(ctx, request{method: http.MethodGet, path: customerPath(id)}, &out)
}

// CreateCustomer creates a billed customer. It is sent once: after an
// ambiguous error, look the reference up before creating again.
func (c *Client) CreateCustomer(ctx context.Context, in CustomerInput) (*Customer, error) {
	var out Customer
	return &out, c.call(ctx, request{method: http.MethodPost, path: "customers", body: in, charges: true, once: true}, &out)
}

// UpdateCustomer changes the given fields, accepting what they cost. It is
// sent once.
func (c *Client) UpdateCustomer(ctx context.Context, id string, in CustomerInput) (*Customer, error) {
	var out Customer
	return &out, c.call(ctx, request{method: http.MethodPatch, path: customerPath(id), body: in, charges: true, once: true}, &out)
}

// DeleteCustomer deactivates the customer and flags it for deletion.
func (c *Client) DeleteCustomer(ctx context.Context, id string) error {
	return c.call(ctx, request{method: http.MethodDelete, path: customerPath(id)}, nil)
}

// Users lists a customer's users.
func (c *Client) Users(ctx context.Context, customerID string) ([]User, error) {
	return list[User](ctx, c, customerPath(customerID)+"/users", nil)
}

// CreateUser adds a user. It is sent once.
func (c *Client) CreateUser(ctx context.Context, customerID string, in UserInput) (*User, error) {
	var out User
	return &out, c.call(ctx, request{method: http.MethodPost, path: customerPath(customerID) + "/users", body: in, once: true}, &out)
}

// UpdateUser changes a user's name or roles.
func (c *Client) UpdateUser(ctx context.Context, customerID, userID string, in UserInput) (*User, error) {
	var out User
	return &out, c.call(ctx, request{method: http.MethodPatch, path: customerPath(customerID) + "/users/" + url.PathEscape(userID), body: in}, &out)
}

// DeleteUser removes a user.
func (c *Client) DeleteUser(ctx context.Context, customerID, userID string) error {
	return c.call(ctx, request{method: http.MethodDelete, path: customerPath(customerID) + "/users/" + url.PathEscape(userID)}, nil)
}

// PBXs lists a customer's PBX connections.
func (c *Client) PBXs(ctx context.Context, customerID string) ([]PBX, error) {
	wires, err := list[pbxWire](ctx, c, customerPath(customerID)+"/pbxs", nil)
	out := make([]PBX, 0, len(wires))
	for _, w := range wires {
		out = append(out, w.pbx())
	}
	return out, err
}

// CreatePBX adds a PBX connection. It is sent once.
func (c *Client) CreatePBX(ctx context.Context, customerID string, in PBXInput) (*PBX, error) {
	var w pbxWire
	err := c.call(ctx, request{method: http.MethodPost, path: customerPath(customerID) + "/pbxs", body: in, once: true}, &w)
	p := w.pbx()
	return &p, err
}

// UpdatePBX changes a PBX connection (which restarts its collector).
func (c *Client) UpdatePBX(ctx context.Context, customerID, pbxID string, in PBXInput) (*PBX, error) {
	var w pbxWire
	err := c.call(ctx, request{method: http.MethodPatch, path: customerPath(customerID) + "/pbxs/" + url.PathEscape(pbxID), body: in}, &w)
	p := w.pbx()
	return &p, err
}

// DeletePBX removes a PBX connection.
func (c *Client) DeletePBX(ctx context.Context, customerID, pbxID string) error {
	return c.call(ctx, request{method: http.MethodDelete, path: customerPath(customerID) + "/pbxs/" + url.PathEscape(pbxID)}, nil)
}
