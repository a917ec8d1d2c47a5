package zohomail

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// NewOrg is a child organisation to create, with its primary domain and its
// super admin.
type NewOrg struct {
	DomainName string
	EmailID    string // the super admin's e-mail
	FirstName  string
	LastName   string
	OrgName    string // "": the domain
	Password   string // "": Zoho invites the super admin to choose one
	PlanName   string // "free" (""), "basicTrial", "professionalTrial" or "mailPremiumTrial"
}

// Org is a child organisation.
type Org struct {
	ZOID               ZOID
	ZAID               string
	OrgName            string
	EncryptedZOID      string
	SuperAdmin         string // e-mail
	SuperAdminFullName string
	PrimaryDomain      string
	Domains            []string
	BasePlan           string // e.g. "Mail Free", "Workplace Standard Trial"
	PlanType           string // "free", "trial" or "paid"
	LicenseCount       int
	UsersCount         int
	MailboxCount       int
	Verified           bool
	CreatedMs          int64
	TrialExpiryMs      int64 // 0 without a trial
}

// OrgSummary is a child organisation as the partner listing shows it.
type OrgSummary struct {
	ZOID         ZOID
	DomainName   string
	SuperAdmin   string
	OrgName      string
	BasePlan     string
	Verified     bool
	TrialAllowed bool // a trial may be started
	ExtendTrial  bool // the running trial may be extended
}

// CreateOrg creates a child organisation with its domain (unverified) and
// super admin. It is sent once: after an ambiguous error, look the org up
// with FindOrgByDomain before creating it again.
func (c *Client) CreateOrg(ctx context.Context, o NewOrg) (*Org, error) {
	r := request{service: serviceMail, method: http.MethodPost, path: routeOrganizations, once: true, scope: scopeOrgCreate}
	if o.DomainName == "" || o.EmailID == "" {
		return nil, fmt.Errorf("zoho mail %s: the domain and the super admin's e-mail are required", r.op())
	}
	err := jsonBody(&r, struct {
		DomainName string `json:"domainName"`
		EmailID    string `json:"emailId"`
		FirstName  string `json:"firstName"`
		LastName   string `json:"lastName"`
		OrgName    string `json:"orgName,omitempty"`
		Password   string `json:"password,omitempty"`
		PlanName   string `json:"planName,omitempty"`
	}{o.DomainName, o.EmailID, o.FirstName, o.LastName, o.OrgName, o.Password, o.PlanName})
	if err != nil {
		return nil, err
	}
	data, err := c.call(ctx, r)
	if err != nil {
		return nil, withoutSecret(err, o.Password)
	}
	var w orgWire
	if err := decodeData(r, data, &w); err != nil {
		return nil, withoutSecret(err, o.Password)
	}
	if w.ZOID == "" {
		return nil, fmt.Errorf("zoho mail %s: the answer has no zoid", r.op())
	}
	return w.org(), nil
}

// FindOrgs lists the partner's child organisations whose domain contains
// searchKey ("" lists them all).
func (c *Client) FindOrgs(ctx context.Context, searchKey string) ([]OrgSummary, error) {
	q := url.Values{"mode": {modeCustomerOrgs}}
	if searchKey != "" {
		q.Set("searchKey", searchKey)
	}
	r := request{service: serviceMail, method: http.MethodGet, path: routeOrganizations, query: q, scope: scopeOrgRead}
	data, err := c.call(ctx, r)
	if err != nil {
		return nil, err
	}
	if data = bytes.TrimSpace(data); len(data) == 0 || string(data) == "null" {
		return nil, nil
	}
	var list []struct {
		ZOID           ZOID   `json:"zoid"`
		DomainName     string `json:"domainName"`
		SuperAdmin     string `json:"superAdmin"`
		OrgName        string `json:"orgName"`
		BasePlan       string `json:"basePlan"`
		IsVerified     bool   `json:"isVerified"`
		IsTrialAllowed bool   `json:"isTrialAllowed"`
		ExtendTrial    bool   `json:"extendTrial"`
	}
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("zoho mail %s: unexpected answer: %w", r.op(), err)
	}
	orgs := make([]OrgSummary, len(list))
	for i, o := range list {
		orgs[i] = OrgSummary{
			ZOID: o.ZOID, DomainName: o.DomainName, SuperAdmin: o.SuperAdmin, OrgName: o.OrgName, BasePlan: o.BasePlan,
			Verified: o.IsVerified, TrialAllowed: o.IsTrialAllowed, ExtendTrial: o.ExtendTrial,
		}
	}
	return orgs, nil
}

// FindOrgByDomain returns the partner's child organisation whose domain is
// domain, or nil when there is none. The listing matches substrings; only
// an exact (case-insensitive) match counts.
func (c *Client) FindOrgByDomain(ctx context.Context, domain string) (*OrgSummary, error) {
	if domain == "" {
		return nil, errors.New("zoho mail: FindOrgByDomain: the domain is empty")
	}
	orgs, err := c.FindOrgs(ctx, domain)
	if err != nil {
		return nil, err
	}
	var found *OrgSummary
	for i := range orgs {
		if !strings.EqualFold(orgs[i].DomainName, domain) {
			continue
		}
		if found != nil && found.ZOID != orgs[i].ZOID {
			return nil, fmt.Errorf("zoho mail: organisations %s and %s both hold the domain %s", found.ZOID, orgs[i].ZOID, domain)
		}
		found = &orgs[i]
	}
	return found, nil
}

// Org reads a child organisation. IsNotFound is true for an unknown zoid
// and for an org of another partner.
func (c *Client) Org(ctx context.Context, zoid ZOID) (*Org, error) {
	if zoid == "" {
		return nil, errors.New("zoho mail: Org: the zoid is empty")
	}
	r := request{service: serviceMail, method: http.MethodGet, path: orgRoute(zoid), scope: scopeOrgRead}
	data, err := c.call(ctx, r)
	if err != nil {
		return nil, err
	}
	var w orgWire
	if err := decodeData(r, data, &w); err != nil {
		return nil, err
	}
	return w.org(), nil
}

// orgWire is an org as Zoho sends it: the create answer and the read answer
// name some fields differently.
type orgWire struct {
	ZOID               ZOID        `json:"zoid"`
	ZAID               flexString  `json:"zaid"`
	OrgName            string      `json:"orgName"`
	EncryptedZOID      string      `json:"encryptedZoid"`
	SuperAdmin         string      `json:"superAdmin"`
	SuperAdminFullName string      `json:"superAdminFullName"`
	PrimaryDomainName  string      `json:"primaryDomainName"`
	DomainName         string      `json:"domainName"` // create answer
	Domains            domainNames `json:"domains"`
	BasePlan           string      `json:"basePlan"`
	PlanType           string      `json:"planType"`
	LicenseCount       flexInt     `json:"licenseCount"`
	UsersCount         *flexInt    `json:"usersCount"`
	UsedLicenseCount   flexInt     `json:"usedLicenseCount"` // create answer
	MailboxCount       flexInt     `json:"mailboxCount"`
	IsVerified         bool        `json:"isVerified"`
	OrgCreationTime    flexInt     `json:"orgCreationTime"`
	TrialExpiryTime    flexInt     `json:"trialExpiryTime"`
}

func (w orgWire) org() *Org {
	o := &Org{
		ZOID:               w.ZOID,
		ZAID:               string(w.ZAID),
		OrgName:            w.OrgName,
		EncryptedZOID:      w.EncryptedZOID,
		SuperAdmin:         w.SuperAdmin,
		SuperAdminFullName: w.SuperAdminFullName,
		PrimaryDomain:      w.PrimaryDomainName,
		Domains:            []string(w.Domains),
		BasePlan:           w.BasePlan,
		PlanType:           w.PlanType,
		LicenseCount:       int(w.LicenseCount),
		UsersCount:         int(w.UsedLicenseCount), // the users holding a licence
		MailboxCount:       int(w.MailboxCount),
		Verified:           w.IsVerified,
		CreatedMs:          int64(w.OrgCreationTime),
		TrialExpiryMs:      int64(w.TrialExpiryTime),
	}
	if w.UsersCount != nil {
		o.UsersCount = int(*w.UsersCount)
	}
	if o.PrimaryDomain == "" {
		o.PrimaryDomain = w.DomainName
	}
	if len(o.Domains) == 0 && o.PrimaryDomain != "" {
		o.Domains = []string{o.PrimaryDomain}
	}
	return o
}

// domainNames is a list of domains sent as names or as domain objects.
type domainNames []string

func (d *domainNames) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	names := make([]string, 0, len(raw))
	for _, item := range raw {
		var name string
		if json.Unmarshal(item, &name) != nil {
			var obj struct {
				DomainName string `json:"domainName"`
			}
			if err := json.Unmarshal(item, &obj); err != nil {
				return fmt.Errorf("domains: want names or domain objects, got %s", item)
			}
			name = obj.DomainName
		}
		if name != "" {
			names = append(names, name)
		}
	}
	*d = names
	return nil
}

// withoutSecret masks secret wherever an error repeats it, so a password
// sent in a request cannot reach a diagnostic through the answer.
func withoutSecret(err error, secret string) error {
	if secret == "" {
		return err
	}
	if apiErr, ok := errors.AsType[*APIError](err); ok {
		apiErr.Message = strings.ReplaceAll(apiErr.Message, secret, "***")
		return err
	}
	if strings.Contains(err.Error(), secret) {
		return errors.New(strings.ReplaceAll(err.Error(), secret, "***"))
	}
	return err
}
