package ispmanager

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/ispmanager"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

// trialPeriod is the API's period of a trial licence.
const trialPeriod = -100

// ModifyPlan fills the defaults that depend on the product, checks the plan
// against the catalog (product, IP, period, add-ons, tariff moves), and says
// what an apply will bill.
func (r *licenseResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	isp := base.Ispmanager(r.Data, "reseller_ispmanager_license", &resp.Diagnostics)
	if isp == nil {
		return
	}
	var plan licenseModel
	var cfgPeriod types.Int64
	var cfgAutoRenew types.Bool
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("period"), &cfgPeriod)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("auto_renew"), &cfgAutoRenew)...)
	var state *licenseModel
	if !req.State.Raw.IsNull() {
		state = &licenseModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() || plan.ProductID.IsUnknown() {
		return
	}
	all, err := products(ctx, isp)
	if err != nil {
		// Nothing can be ordered or changed without it: say so at plan.
		addAPIError(&resp.Diagnostics, "Could not read the ispmanager catalog", err)
		return
	}
	product := findProduct(all, plan.ProductID.ValueInt64())
	if product == nil {
		resp.Diagnostics.AddAttributeError(path.Root("product_id"), "Unknown licence product",
			fmt.Sprintf("Product %d is not in the ispmanager catalog of this account. Orderable products: %s.", plan.ProductID.ValueInt64(), orderableIDs(all)))
		return
	}

	// Defaults that depend on the product: a trial has one period and
	// cannot renew.
	if cfgPeriod.IsNull() {
		plan.Period = types.Int64Value(1)
		switch {
		case product.Trial:
			plan.Period = types.Int64Value(trialPeriod)
		case state != nil && !state.Period.IsNull():
			plan.Period = state.Period
		}
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("period"), plan.Period)...)
	}
	if cfgAutoRenew.IsNull() {
		plan.AutoRenew = types.BoolValue(!product.Trial)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("auto_renew"), plan.AutoRenew)...)
	}

	checkProduct(plan, *product, state == nil, &resp.Diagnostics)
	if state == nil {
		return
	}
	moving := plan.ProductID.ValueInt64() != state.ProductID.ValueInt64()
	if moving {
		checkMove(plan, *state, all, *product, &resp.Diagnostics)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("product_name"), product.Name)...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("kind"), product.Kind)...)
	}
	checkAddonRaise(plan, *state, *product, &resp.Diagnostics)

	renewing := !plan.Renewals.IsUnknown() && plan.Renewals.ValueInt64() != state.Renewals.ValueInt64()
	if renewing {
		planRenewal(plan, *state, *product, &resp.Diagnostics)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("expiry_date"), types.StringUnknown())...)
	}
	if renewing || !plan.Suspended.Equal(state.Suspended) {
		status := "active"
		if plan.Suspended.ValueBool() {
			status = "suspended"
		}
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("status"), status)...)
	}
}

// checkProduct refuses, at plan, what the product does not allow.
func checkProduct(plan licenseModel, p ispmanager.Product, ordering bool, diags *diag.Diagnostics) {
	if ordering && !p.Orderable {
		diags.AddAttributeError(path.Root("product_id"), "Product no longer sold",
			fmt.Sprintf("%s (%d) can no longer be ordered. Import an existing licence of it, or pick an orderable product.", p.Name, p.ID))
	}
	switch {
	case plan.IP.IsUnknown():
	case p.NeedsIP && plan.IP.IsNull():
		diags.AddAttributeError(path.Root("ip"), "IP address required",
			fmt.Sprintf("%s licences are bound to the IPv4 address of the server: set ip.", p.Name))
	case !p.NeedsIP && !plan.IP.IsNull():
		diags.AddAttributeError(path.Root("ip"), "IP address not used",
			fmt.Sprintf("%s licences are activated by key and bound to no IP: remove ip.", p.Name))
	case plan.IP.ValueString() == "0.0.0.0":
		diags.AddAttributeError(path.Root("ip"), "Invalid IP address", "0.0.0.0 is not the address of a server.")
	}
	if !plan.Period.IsUnknown() && !p.OffersPeriod(int(plan.Period.ValueInt64())) {
		diags.AddAttributeError(path.Root("period"), "Period not offered",
			fmt.Sprintf("%s is sold for %s months; period = %d is not one of them.", p.Name, periodList(p), plan.Period.ValueInt64()))
	}
	if p.Trial && plan.AutoRenew.ValueBool() {
		diags.AddAttributeError(path.Root("auto_renew"), "Trials do not renew",
			fmt.Sprintf("%s is a trial: it cannot renew. Set auto_renew = false, or order a paid product.", p.Name))
	}
	if plan.Addons.IsUnknown() {
		return
	}
	for key, n := range addonCounts(plan.Addons) {
		id := strconv.FormatInt(key, 10)
		a, ok := p.Addon(key)
		switch {
		case len(p.Addons) == 0:
			diags.AddAttributeError(path.Root("addons").AtMapKey(id), "Product has no add-ons",
				fmt.Sprintf("%s takes no add-ons; remove addons.", p.Name))
			return
		case !ok:
			diags.AddAttributeError(path.Root("addons").AtMapKey(id), "Unknown add-on",
				fmt.Sprintf("%s is not an add-on of %s. Its add-ons: %s.", id, p.Name, sortedAddonIDs(p)))
		case n < a.Min || n > a.Max:
			diags.AddAttributeError(path.Root("addons").AtMapKey(id), "Add-on count out of range",
				fmt.Sprintf("%s of %s takes %d to %d units; %d is outside that range.", a.Name, p.Name, a.Min, a.Max, n))
		}
	}
}

// checkMove refuses a tariff change the API does not make, and warns of the
// price of an upgrade.
func checkMove(plan, state licenseModel, all []ispmanager.Product, to ispmanager.Product, diags *diag.Diagnostics) {
	from := findProduct(all, state.ProductID.ValueInt64())
	refuse := func(why string) {
		diags.AddAttributeError(path.Root("product_id"), "Tariff change not possible",
			fmt.Sprintf("The licence %q cannot move from %s to %s: %s. To buy a new licence instead, destroy this one or run terraform apply -replace on it.",
				state.Name.ValueString(), state.ProductName.ValueString(), to.Name, why))
	}
	switch {
	case from == nil:
		refuse("its current tariff is not in the catalog")
	case from.Trial || to.Trial:
		refuse("a trial neither becomes a paid licence nor comes back from one")
	case from.Kind != to.Kind || from.ItemType != to.ItemType:
		refuse(fmt.Sprintf("they are different product lines (%s and %s)", from.Kind, to.Kind))
	case !to.Orderable:
		refuse(to.Name + " is no longer sold")
	default:
		fromCost, _ := monthly(*from)
		toCost, ok := monthly(to)
		if ok && toCost > fromCost {
			diags.AddAttributeWarning(path.Root("product_id"), "Tariff upgrade is billed",
				fmt.Sprintf("Moving %q from %s to %s is billed %s %s for each whole month left until %s (at least one).",
					state.Name.ValueString(), from.Name, to.Name, formatCents(toCost-fromCost), to.Currency, state.ExpiryDate.ValueString()))
		} else {
			diags.AddAttributeWarning(path.Root("product_id"), "Tariff downgrade",
				fmt.Sprintf("Moving %q from %s down to %s is not refunded.", state.Name.ValueString(), from.Name, to.Name))
		}
	}
}

// checkAddonRaise warns of the price of added add-on units.
func checkAddonRaise(plan, state licenseModel, p ispmanager.Product, diags *diag.Diagnostics) {
	if plan.Addons.IsUnknown() {
		return
	}
	before := addonCounts(state.Addons)
	after := addonCounts(plan.Addons)
	ids := make([]int64, 0, len(after))
	for id := range after {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		added := after[id] - before[id]
		a, ok := p.Addon(id)
		if added <= 0 || !ok {
			continue
		}
		cost, ok := parseCents(a.MonthlyCost)
		if !ok {
			continue
		}
		diags.AddAttributeWarning(path.Root("addons").AtMapKey(strconv.FormatInt(id, 10)), "More add-on units are billed",
			fmt.Sprintf("Adding %d × %s to %q is billed %s %s for each whole month left until %s (at least one).",
				added, a.Name, state.Name.ValueString(), formatCents(cost*int64(added)), p.Currency, state.ExpiryDate.ValueString()))
	}
}

func planRenewal(plan, state licenseModel, p ispmanager.Product, diags *diag.Diagnostics) {
	delta := plan.Renewals.ValueInt64() - state.Renewals.ValueInt64()
	if delta < 0 {
		diags.AddAttributeError(path.Root("renewals"), "Renewals cannot decrease",
			fmt.Sprintf("renewals counts the renewals already made (%d); a renewal cannot be undone. Set it back to %d.", state.Renewals.ValueInt64(), state.Renewals.ValueInt64()))
		return
	}
	if p.Trial {
		diags.AddAttributeError(path.Root("renewals"), "Trials do not renew",
			fmt.Sprintf("%s is a trial: it cannot be renewed. Order a paid licence instead.", p.Name))
		return
	}
	months := int(plan.Period.ValueInt64())
	price := ""
	if cost, ok := p.Cost(months); ok {
		if c, ok := parseCents(cost); ok {
			price = fmt.Sprintf(", billed %s %s", formatCents(c*delta), p.Currency)
		}
	}
	diags.AddAttributeWarning(path.Root("renewals"), "Licence renewal is billed",
		fmt.Sprintf("Applying renews the licence %q %d time(s) for %d month(s)%s.", state.Name.ValueString(), delta, months, price))
}

// monthly is the product's price of one month, in cents.
func monthly(p ispmanager.Product) (int64, bool) {
	cost, ok := p.Cost(1)
	if !ok {
		return 0, false
	}
	return parseCents(cost)
}

// parseCents reads a decimal amount such as "48.00" or "0.5" into cents.
func parseCents(s string) (int64, bool) {
	whole, frac, _ := strings.Cut(strings.TrimSpace(s), ".")
	if len(frac) > 2 {
		return 0, false
	}
	frac += strings.Repeat("0", 2-len(frac))
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || w < 0 {
		return 0, false
	}
	return w*100 + f, true
}

func formatCents(c int64) string { return fmt.Sprintf("%d.%02d", c/100, c%100) }
