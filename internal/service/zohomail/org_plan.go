package zohomail

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

// ModifyPlan refuses what Zoho cannot change, checks the plan's licences and
// pay period, and marks what a change of plan recomputes.
func (r *orgResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	zm := base.ZohoMail(r.Data, "reseller_zoho_mail_org", &resp.Diagnostics)
	if zm == nil {
		return
	}
	var plan orgModel
	var cfgOrgName, cfgPayPeriod types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("org_name"), &cfgOrgName)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("pay_period"), &cfgPayPeriod)...)
	var state *orgModel
	if !req.State.Raw.IsNull() {
		state = &orgModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if cfgOrgName.IsNull() && !plan.Domain.IsUnknown() {
		// Unset, the name is the domain.
		plan.OrgName = plan.Domain
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("org_name"), plan.Domain)...)
	}
	all := plans(zm)
	p := planNamed(all, plan.Plan.ValueString())
	if p != nil && !plan.Plan.IsUnknown() {
		checkPlan(plan, *p, &resp.Diagnostics)
		if cfgPayPeriod.IsNull() {
			// Unset: yearly for a paid plan, nothing for the others.
			plan.PayPeriod = types.StringNull()
			if p.Kind == "paid" {
				plan.PayPeriod = types.StringValue(yearly)
			}
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("pay_period"), plan.PayPeriod)...)
		}
	}
	if state == nil {
		if p != nil && p.Kind == "paid" && plan.BillingAddress.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("billing_address"), "Billing address required",
				fmt.Sprintf("The first purchase of %s in the Zoho Store needs the customer's billing_address.", p.BasePlan))
		}
		return
	}
	refuseChange := func(attr string, before, after fmt.Stringer) {
		resp.Diagnostics.AddAttributeError(path.Root(attr), "Cannot change after creation",
			fmt.Sprintf("Zoho cannot change the %s of an organisation (from %s to %s). Keep it, or create a new org for the new one.", strings.ReplaceAll(attr, "_", " "), before, after))
	}
	if known(plan.Domain) && !plan.Domain.Equal(state.Domain) {
		refuseChange("domain", state.Domain, plan.Domain)
	}
	if known(plan.OrgName) && !plan.OrgName.Equal(state.OrgName) {
		refuseChange("org_name", state.OrgName, plan.OrgName)
	}
	if !plan.SuperAdmin.IsUnknown() && !plan.SuperAdmin.Equal(state.SuperAdmin) {
		refuseChange("super_admin", state.SuperAdmin, plan.SuperAdmin)
	}
	if p == nil || plan.Plan.IsUnknown() {
		return
	}
	from := planNamed(all, state.Plan.ValueString())
	if from != nil && from.Name != p.Name {
		checkMove(*from, *p, plan, *state, &resp.Diagnostics)
	}
	if p.Kind == "paid" && !plan.Licenses.IsUnknown() && plan.Licenses.ValueInt64() < state.UsersCount.ValueInt64() {
		resp.Diagnostics.AddAttributeError(path.Root("licenses"), "Fewer licences than mailboxes",
			fmt.Sprintf("The org of %s has %d mailboxes; licenses = %d would leave some without a licence. Remove mailboxes in its admin console first.",
				state.Domain.ValueString(), state.UsersCount.ValueInt64(), plan.Licenses.ValueInt64()))
	}
	if !plan.Plan.Equal(state.Plan) || !plan.Licenses.Equal(state.Licenses) || !plan.PayPeriod.Equal(state.PayPeriod) {
		for _, attr := range []string{"base_plan", "trial_expires_at", "store_profile_id"} {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(attr), types.StringUnknown())...)
		}
	}
	if !plan.VerificationMethod.Equal(state.VerificationMethod) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("verification_record"), types.ObjectUnknown(recordTypes))...)
	}
}

// checkPlan refuses licences and pay periods the plan does not take.
func checkPlan(plan orgModel, p plan, diags *diag.Diagnostics) {
	paid := p.Kind == "paid"
	switch {
	case paid && plan.Licenses.IsNull():
		diags.AddAttributeError(path.Root("licenses"), "Licences required",
			fmt.Sprintf("%s is sold per user: set licenses to the number of mailboxes to pay for.", p.BasePlan))
	case !paid && !plan.Licenses.IsNull() && !plan.Licenses.IsUnknown():
		diags.AddAttributeError(path.Root("licenses"), "Licences not used",
			fmt.Sprintf("The %s plan has no licences to buy: remove licenses.", p.Name))
	}
	switch {
	case !paid && !plan.PayPeriod.IsNull() && !plan.PayPeriod.IsUnknown():
		diags.AddAttributeError(path.Root("pay_period"), "Pay period not used", fmt.Sprintf("The %s plan is not paid: remove pay_period.", p.Name))
	case paid && known(plan.PayPeriod) && !slices.Contains(p.Periods, plan.PayPeriod.ValueString()):
		diags.AddAttributeError(path.Root("pay_period"), "Pay period not offered",
			fmt.Sprintf("%s is paid %s only.", p.BasePlan, strings.Join(p.Periods, " or ")))
	}
}

// checkMove refuses the plan changes Zoho does not make.
func checkMove(from, to plan, planned, state orgModel, diags *diag.Diagnostics) {
	refuse := func(why string) {
		diags.AddAttributeError(path.Root("plan"), "Plan change not possible",
			fmt.Sprintf("The org of %s cannot move from %s to %s: %s.", state.Domain.ValueString(), from.Name, to.Name, why))
	}
	switch {
	case to.Kind == "trial" && from.Kind != "free":
		refuse("a trial starts only from the free plan")
	case from.Kind == "trial" && to.Kind == "free":
		refuse(fmt.Sprintf("a trial cannot be ended early; the org falls back to free when it ends (%s)", state.TrialExpiresAt.ValueString()))
	case to.Kind == "paid":
		diags.AddAttributeWarning(path.Root("plan"), "Paid plan",
			fmt.Sprintf("Applying moves the org of %s to %s with %d licence(s), billed by Zoho to the partner account.", state.Domain.ValueString(), to.BasePlan, planned.Licenses.ValueInt64()))
	case from.Kind == "paid":
		diags.AddAttributeWarning(path.Root("plan"), "Paid plan cancelled",
			fmt.Sprintf("Applying cancels the %s subscription of %s; the org goes back to Mail Free and nothing is refunded.", from.BasePlan, state.Domain.ValueString()))
	}
}

func known(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }
