package xarios

import (
	"net/http"
	"slices"
)

const masked = "********"

func (p *pbx) view(cust *customer) map[string]any {
	v := map[string]any{"_type": p.Type, "id": p.ID, "name": p.Name, "tenantId": cust.ID, "templateId": p.TemplateID,
		"countryCode": p.CountryCode, "enabled": p.Enabled, "monitorSubAccounts": p.MonitorSubAccounts,
		"hostRest": p.HostRest, "hostWebsocket": p.HostWebsocket, "accountId": p.AccountID, "username": p.Username}
	if p.APIKey != "" {
		v["apiKey"] = masked
	}
	if p.LicenseKey != "" {
		v["licenseKey"] = masked
	}
	return v
}

type pbxInput struct {
	Type               *string `json:"_type"`
	Name               *string
	TemplateID         *string
	CountryCode        *string
	Enabled            *bool
	MonitorSubAccounts *bool
	HostRest           *string
	HostWebsocket      *string
	AccountID          *string
	APIKey             *string `json:"apiKey"`
	LicenseKey         *string
	Username           *string
}

func set(dst *string, src *string) {
	if src != nil {
		*dst = *src
	}
}

// applyPBX sets the given fields and checks the connection is complete.
func applyPBX(p *pbx, in pbxInput) error {
	set(&p.Name, in.Name)
	set(&p.TemplateID, in.TemplateID)
	set(&p.CountryCode, in.CountryCode)
	set(&p.HostRest, in.HostRest)
	set(&p.HostWebsocket, in.HostWebsocket)
	set(&p.AccountID, in.AccountID)
	set(&p.APIKey, in.APIKey)
	set(&p.LicenseKey, in.LicenseKey)
	set(&p.Username, in.Username)
	if in.Enabled != nil {
		p.Enabled = *in.Enabled
	}
	if in.MonitorSubAccounts != nil {
		p.MonitorSubAccounts = *in.MonitorSubAccounts
	}
	if p.Name == "" || len(p.Name) > 100 {
		return fail(http.StatusBadRequest, "The field name is required (1 to 100 characters).")
	}
	if p.CountryCode != "" && !countryPattern.MatchString(p.CountryCode) {
		return fail(http.StatusBadRequest, "The field countryCode must be an ISO 3166-1 alpha-2 code.")
	}
	var tpl *template
	if p.TemplateID != "" {
		if tpl = templateByID(p.TemplateID); tpl == nil || tpl.Type != p.Type {
			return fail(http.StatusBadRequest, "The template %q is not a %s template.", p.TemplateID, p.Type)
		}
	}
	switch p.Type {
	case typeKazoo:
		if tpl == nil && (p.HostRest == "" || p.AccountID == "" || p.APIKey == "") {
			return fail(http.StatusBadRequest, "A Kazoo connection needs hostRest, accountId and apiKey, or a Kazoo templateId.")
		}
	case type3CX:
		if tpl == nil && p.LicenseKey == "" {
			return fail(http.StatusBadRequest, "A 3CX connection needs licenseKey, or a 3CX templateId.")
		}
	}
	return nil
}

func (c *call) findPBX(cust *customer) (*pbx, error) {
	for _, p := range cust.PBXs {
		if p.ID == c.r.PathValue("pbx") {
			return p, nil
		}
	}
	return nil, fail(http.StatusNotFound, "Not Found")
}

func (c *call) listPBXs() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	var out []any
	for _, p := range cust.PBXs {
		out = append(out, p.view(cust))
	}
	return c.list(out)
}

func (c *call) createPBX() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	var in pbxInput
	if _, err := c.decode(&in); err != nil {
		return err
	}
	if in.Type == nil || (*in.Type != typeKazoo && *in.Type != type3CX && *in.Type != typeTeams) {
		return fail(http.StatusBadRequest, "The field _type must be %s, %s or %s.", typeKazoo, type3CX, typeTeams)
	}
	if len(cust.PBXs) > 0 {
		return fail(http.StatusConflict, "Customer %s already has a PBX connection (%s).", cust.ID, cust.PBXs[0].ID)
	}
	p := &pbx{ID: "pbx_" + randomHex(8), Type: *in.Type, CountryCode: cust.CountryCode}
	if err := applyPBX(p, in); err != nil {
		return err
	}
	cust.PBXs = append(cust.PBXs, p)
	c.e.saveCustomer(c.tx, cust)
	writeData(c.w, http.StatusCreated, p.view(cust))
	return nil
}

func (c *call) getPBX() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	p, err := c.findPBX(cust)
	if err != nil {
		return err
	}
	writeData(c.w, http.StatusOK, p.view(cust))
	return nil
}

func (c *call) patchPBX() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	p, err := c.findPBX(cust)
	if err != nil {
		return err
	}
	var in pbxInput
	if _, err := c.decode(&in); err != nil {
		return err
	}
	if in.Type != nil && *in.Type != p.Type {
		return fail(http.StatusBadRequest, "The _type of a PBX connection cannot change.")
	}
	next := *p
	if err := applyPBX(&next, in); err != nil {
		return err
	}
	*p = next
	c.e.saveCustomer(c.tx, cust)
	writeData(c.w, http.StatusOK, p.view(cust))
	return nil
}

func (c *call) deletePBX() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	p, err := c.findPBX(cust)
	if err != nil {
		return err
	}
	cust.PBXs = slices.DeleteFunc(cust.PBXs, func(x *pbx) bool { return x == p })
	c.e.saveCustomer(c.tx, cust)
	c.w.WriteHeader(http.StatusNoContent)
	return nil
}
