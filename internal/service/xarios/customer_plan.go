package xarios

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/xarios"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

// ModifyPlan checks the product type, trial and roles against the
// catalogs, refuses a product type the customer cannot move to, and says
// what an apply bills.
func (r *customerResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	x := base.Xarios(r.Data, "reseller_customer", &resp.Diagnostics)
	if x == nil {
		return
	}
	var plan customerModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var state *customerModel
	if !req.State.Raw.IsNull() {
		state = &customerModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	all, err := profiles(ctx, x)
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Xarios product types", err.Error())
		return
	}
	if !plan.ProductType.IsUnknown() {
		to := findProfile(all, plan.ProductType.ValueString())
		if to == nil {
			resp.Diagnostics.AddAttributeError(path.Root("product_type"), "Unknown product type",
				fmt.Sprintf("%q is not a product type of this reseller. Product types: %s.", plan.ProductType.ValueString(), profileIDs(all)))
			return
		}
		if !plan.TrialDays.IsUnknown() && plan.TrialDays.ValueInt64() > 0 && !to.TrialAllowed {
			resp.Diagnostics.AddAttributeError(path.Root("trial_days"), "No trial for this product type",
				fmt.Sprintf("%s cannot be offered as a trial: set trial_days = 0.", to.Name))
		}
		charged := !plan.InternalSystem.ValueBool()
		switch {
		case state == nil && charged:
			resp.Diagnostics.AddWarning("Customer is billed",
				fmt.Sprintf("Creating the customer %q on %s is billed %s %s a month to the reseller.", plan.Reference.ValueString(), to.Name, to.MonthlyPrice, to.Currency))
		case state != nil && state.ProductType.ValueString() != to.ID:
			r.checkMove(all, *state, *to, charged, &resp.Diagnostics)
		}
	}
	if u := userOf(plan); u != nil && !u.Roles.IsUnknown() {
		roles, err := x.Client.Roles(ctx)
		if err != nil {
			resp.Diagnostics.AddError("Could not read the Xarios roles", err.Error())
			return
		}
		checkRoles(roleList(u.Roles), roles, &resp.Diagnostics)
	}
	// The computed parts of a nested object the configuration brings back
	// (after it was deleted out of band) are known only after apply.
	if u := userOf(plan); u != nil {
		if u.ID.IsNull() {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("primary_user").AtName("id"), types.StringUnknown())...)
		}
		if state == nil || u.InvitationState.IsNull() || !plan.Enabled.Equal(state.Enabled) || !plan.PrimaryUser.Equal(state.PrimaryUser) {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("primary_user").AtName("invitation_state"), types.StringUnknown())...)
		}
	}
	if p := pbxOf(plan); p != nil && p.ID.IsNull() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("pbx_connection").AtName("id"), types.StringUnknown())...)
	}
	if p := pbxOf(plan); p != nil && state == nil && p.Type.ValueString() == "kazoo" && p.TemplateID.IsNull() && (p.HostRest.IsNull() || p.AccountID.IsNull()) {
		resp.Diagnostics.AddAttributeError(path.Root("pbx_connection"), "Kazoo connection incomplete",
			"A Kazoo connection needs a template_id, or host_rest, account_id and pbx_secret_wo (its API key).")
	}
}

// checkMove refuses a product type change the platform does not make and
// warns of the price of the others.
func (r *customerResource) checkMove(all []xarios.TenantProfile, state customerModel, to xarios.TenantProfile, charged bool, diags *diag.Diagnostics) {
	from := findProfile(all, state.ProductType.ValueString())
	if from == nil || !from.Changeable || !to.Changeable {
		fixed := to.Name
		if from != nil && !from.Changeable {
			fixed = from.Name
		}
		diags.AddAttributeError(path.Root("product_type"), "Product type cannot change",
			fmt.Sprintf("The customer %q cannot move from %s to %s: %s cannot be changed once set. Keep product_type = %q, or create a new customer with another reference.",
				state.Reference.ValueString(), state.ProductType.ValueString(), to.ID, fixed, state.ProductType.ValueString()))
		return
	}
	if charged {
		diags.AddAttributeWarning(path.Root("product_type"), "Product type change",
			fmt.Sprintf("Moving the customer %q from %s (%s %s a month) to %s (%s %s a month) changes what the reseller is billed.",
				state.Reference.ValueString(), from.Name, from.MonthlyPrice, from.Currency, to.Name, to.MonthlyPrice, to.Currency))
	}
}

// checkRoles applies the role catalog's rules at plan.
func checkRoles(keys []string, catalog []xarios.Role, diags *diag.Diagnostics) {
	at := path.Root("primary_user").AtName("roles")
	supervisors := 0
	for _, k := range keys {
		i := slices.IndexFunc(catalog, func(r xarios.Role) bool { return r.Key == k })
		if i < 0 {
			known := make([]string, 0, len(catalog))
			for _, r := range catalog {
				if !r.ReadOnly {
					known = append(known, r.Key)
				}
			}
			diags.AddAttributeError(at, "Unknown role", fmt.Sprintf("%q is not a role. Roles: %s.", k, strings.Join(known, ", ")))
			continue
		}
		role := catalog[i]
		if role.ReadOnly {
			diags.AddAttributeError(at, "Role set by the platform", fmt.Sprintf("%s is given by the platform and cannot be requested.", k))
		}
		for _, p := range role.Prerequisites {
			if !slices.Contains(keys, p) {
				diags.AddAttributeError(at, "Role needs another", fmt.Sprintf("%s (%s) needs the role %s too.", k, role.Name, p))
			}
		}
		if role.Group == "supervisorAccess" {
			supervisors++
		}
	}
	if supervisors > 1 {
		diags.AddAttributeError(at, "Too many supervisor roles", "A user holds at most one supervisor access role.")
	}
}
