package xarios

import (
	"slices"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// profile is a tenant profile: a product type.
type profile struct {
	ID, Name     string
	Changeable   bool
	TrialAllowed bool
	Monthly      platform.Money
}

var profiles = []profile{
	{ID: "essentials", Name: "Essentials", Changeable: true, TrialAllowed: true, Monthly: 2500},
	{ID: "professional", Name: "Professional", Changeable: true, TrialAllowed: true, Monthly: 6000},
	{ID: "contact-centre", Name: "Contact Centre", Changeable: false, TrialAllowed: false, Monthly: 15000},
	{ID: "teams-analytics", Name: "Teams Analytics", Changeable: false, TrialAllowed: true, Monthly: 4000},
}

func profileByID(id string) *profile {
	for i := range profiles {
		if profiles[i].ID == id {
			return &profiles[i]
		}
	}
	return nil
}

// PBX connection kinds.
const (
	typeKazoo = "KazooPbxConnectionProfile"
	type3CX   = "ThreeCxConnectionProfile"
	typeTeams = "TeamsConnectionProfile"
)

type template struct {
	ID, Name, Type string
	Default        bool
}

var templates = []template{
	{ID: "tpl_kazoo_master", Name: "Kazoo (master key)", Type: typeKazoo, Default: true},
	{ID: "tpl_3cx", Name: "3CX", Type: type3CX},
	{ID: "tpl_teams", Name: "Microsoft Teams", Type: typeTeams},
}

func templateByID(id string) *template {
	for i := range templates {
		if templates[i].ID == id {
			return &templates[i]
		}
	}
	return nil
}

type role struct {
	Key, Name, Group string
	Prerequisites    []string
	Licensed         bool
	ReadOnly         bool
}

var roles = []role{
	{Key: "customer.user.pbx", Name: "Essential User", Group: "userAccess", Licensed: true},
	{Key: "customer.user.uc", Name: "UC User", Group: "userAccess", Licensed: true},
	{Key: "customer.user.uc.remote", Name: "Professional User", Group: "userAccess", Prerequisites: []string{"customer.user.uc"}, Licensed: true},
	{Key: "customer.user.pbx.realtime", Name: "Real-Time add-on", Group: "userAccess", Prerequisites: []string{"customer.user.pbx"}, Licensed: true},
	{Key: "customer.user.acd", Name: "Agent add-on", Group: "userAccess", Prerequisites: []string{"customer.user.pbx"}, Licensed: true},
	{Key: "customer.user.microsoftteams", Name: "Microsoft Teams User", Group: "userAccess", ReadOnly: true},
	{Key: "customer.supervisor.team", Name: "Team Supervisor", Group: "supervisorAccess"},
	{Key: "customer.supervisor.all", Name: "Supervisor", Group: "supervisorAccess"},
	{Key: "customer.website", Name: "Website User", Group: "admin"},
	{Key: "customer.admin", Name: "Administrator", Group: "admin", Prerequisites: []string{"customer.website"}},
}

func roleByKey(key string) *role {
	for i := range roles {
		if roles[i].Key == key {
			return &roles[i]
		}
	}
	return nil
}

// checkRoles applies the catalog's rules to a role list.
func checkRoles(keys []string) error {
	supervisors := 0
	for _, k := range keys {
		r := roleByKey(k)
		switch {
		case r == nil:
			return fail(400, "Unknown role %q.", k)
		case r.ReadOnly:
			return fail(400, "The role %s is set by the platform and cannot be requested.", k)
		}
		for _, p := range r.Prerequisites {
			if !slices.Contains(keys, p) {
				return fail(400, "The role %s needs the role %s.", k, p)
			}
		}
		if r.Group == "supervisorAccess" {
			supervisors++
		}
	}
	if supervisors > 1 {
		return fail(400, "A user holds at most one supervisor access role.")
	}
	return nil
}

func (c *call) tenantProfiles() error {
	var out []any
	for _, p := range profiles {
		out = append(out, map[string]any{"id": p.ID, "name": p.Name, "changeable": p.Changeable, "trialAllowed": p.TrialAllowed,
			"monthlyPrice": p.Monthly.String(), "currency": currency})
	}
	return c.list(out)
}

func (c *call) pbxTemplates() error {
	var out []any
	for _, t := range templates {
		out = append(out, map[string]any{"id": t.ID, "name": t.Name, "_type": t.Type, "default": t.Default})
	}
	return c.list(out)
}

func (c *call) roles() error {
	var out []any
	for _, r := range roles {
		out = append(out, map[string]any{"key": r.Key, "name": r.Name, "group": r.Group, "prerequisites": append([]string{}, r.Prerequisites...),
			"licensed": r.Licensed, "readOnly": r.ReadOnly})
	}
	return c.list(out)
}
