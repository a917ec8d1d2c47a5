// Package zohomail holds the resources and data sources of the Zoho Mail
// family: customer mail organisations provisioned through the partner API,
// and the catalog of plans.
package zohomail

import (
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
)

// Resources lists the family's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{newOrgResource}
}

// DataSources lists the family's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{newPlansDataSource}
}

// Pay periods as the configuration spells them, and as the store does.
const (
	monthly = "monthly"
	yearly  = "yearly"
)

var storePeriod = map[string]string{monthly: "MONT", yearly: "YEAR"}

// plan is one plan an org can be on.
type plan struct {
	Name string
	// Kind is "free", "trial" or "paid", Zoho's planType.
	Kind string
	// TrialName is the API's planName of a trial.
	TrialName string
	// BasePlan is how Zoho names the plan on the org.
	BasePlan string
	// PlanID and UserAddonID are the store IDs of a paid plan.
	PlanID, UserAddonID int64
	// Periods are the pay periods a paid plan offers.
	Periods []string
	// Description is shown by the plans data source.
	Description string
}

// catalog is the plans of Zoho's own WHMCS module: the store IDs of serviceid
// 1501 and the trials of the partner API.
var catalog = []plan{
	{Name: "free", Kind: "free", BasePlan: "Mail Free", Description: "Mail Free: up to 5 mailboxes, no licences to buy."},
	{Name: "standard_trial", Kind: "trial", TrialName: "basicTrial", BasePlan: "Workplace Standard Trial", Description: "15-day trial of Workplace Standard."},
	{Name: "professional_trial", Kind: "trial", TrialName: "professionalTrial", BasePlan: "Workplace Professional Trial", Description: "15-day trial of Workplace Professional."},
	{Name: "mail_premium_trial", Kind: "trial", TrialName: "mailPremiumTrial", BasePlan: "Mail Premium Trial", Description: "15-day trial of Mail Premium."},
	{Name: "standard", Kind: "paid", BasePlan: "Workplace Standard", PlanID: 10730, UserAddonID: 10779, Periods: []string{monthly, yearly}, Description: "Workplace Standard, per user."},
	{Name: "professional", Kind: "paid", BasePlan: "Workplace Professional", PlanID: 10731, UserAddonID: 10780, Periods: []string{monthly, yearly}, Description: "Workplace Professional, per user."},
	{Name: "mail_lite", Kind: "paid", BasePlan: "Mail Lite", PlanID: 17033, UserAddonID: 17083, Periods: []string{yearly}, Description: "Mail Lite, per user, yearly."},
	{Name: "mail_10gb", Kind: "paid", BasePlan: "Mail 10GB", PlanID: 17034, UserAddonID: 17084, Periods: []string{yearly}, Description: "Mail 10GB, per user, yearly."},
	{Name: "mail_premium", Kind: "paid", BasePlan: "Mail Premium", PlanID: 17035, UserAddonID: 10792, Periods: []string{yearly}, Description: "Mail Premium, per user, yearly."},
}

// plans returns the catalog with the provider's store ID overrides applied.
func plans(zm *providerdata.ZohoMail) []plan {
	out := make([]plan, len(catalog))
	copy(out, catalog)
	for i := range out {
		if ids, ok := zm.PlanIDs[out[i].Name]; ok && out[i].Kind == "paid" {
			if ids.PlanID != 0 {
				out[i].PlanID = ids.PlanID
			}
			if ids.UserAddonID != 0 {
				out[i].UserAddonID = ids.UserAddonID
			}
		}
	}
	return out
}

func planNamed(all []plan, name string) *plan {
	for i := range all {
		if all[i].Name == name {
			return &all[i]
		}
	}
	return nil
}

func planWithID(all []plan, id int64) *plan {
	for i := range all {
		if all[i].Kind == "paid" && all[i].PlanID == id {
			return &all[i]
		}
	}
	return nil
}

func trialWithBase(all []plan, basePlan string) *plan {
	for i := range all {
		if all[i].Kind == "trial" && all[i].BasePlan == basePlan {
			return &all[i]
		}
	}
	return nil
}

func planNames() []string {
	names := make([]string, 0, len(catalog))
	for _, p := range catalog {
		names = append(names, p.Name)
	}
	sort.Strings(names)
	return names
}
