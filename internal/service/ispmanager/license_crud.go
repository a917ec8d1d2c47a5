package ispmanager

import (
	"context"
	"fmt"
	"maps"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/ispmanager"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

func (r *licenseResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan licenseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	isp := base.Ispmanager(r.Data, "reseller_ispmanager_license", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || isp == nil {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	name := plan.Name.ValueString()
	summary := fmt.Sprintf("Could not order the licence %q", name)

	all, err := products(ctx, isp)
	if err != nil {
		addAPIError(&resp.Diagnostics, summary, err)
		return
	}
	product := findProduct(all, plan.ProductID.ValueInt64())
	if product == nil {
		resp.Diagnostics.AddAttributeError(path.Root("product_id"), summary,
			fmt.Sprintf("Product %d is not in the catalog. Orderable products: %s.", plan.ProductID.ValueInt64(), orderableIDs(all)))
		return
	}
	order := ispmanager.Order{
		ProductID:   product.ID,
		ItemType:    product.ItemType,
		Name:        name,
		IP:          plan.IP.ValueString(),
		RemoteID:    plan.RemoteID.ValueString(),
		Period:      int(plan.Period.ValueInt64()),
		AutoProlong: autoProlong(plan),
		Addons:      addonCounts(plan.Addons),
	}
	id, err := r.order(ctx, isp, order)
	if err != nil {
		addAPIError(&resp.Diagnostics, summary, explainBalance(ctx, isp, err))
		return
	}
	// The licence exists from here on: keep its ID in the state before
	// waiting for the key, so a failed wait never loses (or buys again) it.
	plan.ID = types.StringValue(strconv.FormatInt(id, 10))
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)

	waitCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	lic, err := waitForKey(waitCtx, isp.Client, product.ItemType, id)
	if err != nil && lic == nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Could not read the new licence %q (ID %d)", name, id), err)
		return
	}
	if err != nil {
		resp.Diagnostics.AddWarning("Licence key not issued yet",
			fmt.Sprintf("The licence %q (ID %d) is ordered and saved in the state, but ispmanager has not issued its key yet (%v). A later refresh fills license_key in.", name, id, err))
	}
	setFromLicense(&plan, lic, all)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// order buys the licence. A licence of the account with the same name is
// someone's earlier order, to be imported, never bought again. When the
// answer to the order is lost, the licences are listed: one with this name,
// product and IP is this order, adopted instead of ordering a second.
func (r *licenseResource) order(ctx context.Context, isp *providerdata.Ispmanager, o ispmanager.Order) (int64, error) {
	if existing, err := findByName(ctx, isp.Client, o.Name); err != nil {
		return 0, err
	} else if existing != nil {
		return 0, fmt.Errorf("the account already has a licence named %q (ID %d, %s, IP %q); import it with: terraform import <address> %d",
			o.Name, existing.ID, existing.ProductName, existing.IP, existing.ID)
	}
	id, err := isp.Client.Order(ctx, o)
	if err == nil || !ispmanager.IsAmbiguous(err) {
		return id, err
	}
	found, findErr := findByName(ctx, isp.Client, o.Name)
	if findErr != nil {
		return 0, fmt.Errorf("%w; checking whether the order went through also failed: %v. Run apply again: the provider looks for the licence by name before ordering, and asks you to import one it finds", err, findErr)
	}
	if found == nil || found.ProductID != o.ProductID || found.IP != o.IP {
		return 0, err
	}
	tflog.Info(ctx, "adopting the licence whose order answer was lost", map[string]any{"name": o.Name, "id": found.ID})
	return found.ID, nil
}

// findByName returns the account's licence named name, if any.
func findByName(ctx context.Context, client *ispmanager.Client, name string) (*ispmanager.License, error) {
	all, err := client.Licenses(ctx)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].Name == name && all[i].Status != ispmanager.StatusDeleted {
			return &all[i], nil
		}
	}
	return nil, nil
}

// explainBalance adds the account's balance to an insufficient-balance
// error, so the message says how much is missing.
func explainBalance(ctx context.Context, isp *providerdata.Ispmanager, err error) error {
	if !ispmanager.HasType(err, "balance") {
		return err
	}
	if b, balanceErr := isp.Client.Balance(ctx); balanceErr == nil {
		return fmt.Errorf("%w (the partner account's balance is %s %s: top it up in the ispmanager client area and apply again)", err, b.Amount, b.Currency)
	}
	return err
}

// waitForKey polls the licence until ispmanager has issued its key. On a
// timeout it returns the licence as last read with the error.
func waitForKey(ctx context.Context, client *ispmanager.Client, itemType string, id int64) (*ispmanager.License, error) {
	delay := 100 * time.Millisecond
	var last *ispmanager.License
	for {
		lic, err := client.License(ctx, itemType, id)
		if err != nil {
			return last, err
		}
		last = lic
		if lic.Key != "" {
			return lic, nil
		}
		select {
		case <-ctx.Done():
			return last, fmt.Errorf("timed out waiting for the licence key: %w", ctx.Err())
		case <-time.After(delay):
		}
		delay = min(delay*2, 5*time.Second)
	}
}

func (r *licenseResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state licenseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	isp := base.Ispmanager(r.Data, "reseller_ispmanager_license", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || isp == nil {
		return
	}
	if !r.readInto(ctx, isp, &state, &resp.Diagnostics) {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// readInto refreshes m from the API. It reports false when the licence is
// gone (deleted, or never existed in this account).
func (r *licenseResource) readInto(ctx context.Context, isp *providerdata.Ispmanager, m *licenseModel, diags *diag.Diagnostics) bool {
	id, err := licenseID(*m)
	if err != nil {
		diags.AddError("Invalid licence ID", err.Error())
		return true
	}
	all, err := products(ctx, isp)
	if err != nil {
		addAPIError(diags, fmt.Sprintf("Could not read the licence %d", id), err)
		return true
	}
	lic, err := fetchLicense(ctx, isp.Client, itemTypeOf(all, m.ProductID), id)
	if ispmanager.IsNotFound(err) {
		return false
	}
	if err != nil {
		addAPIError(diags, fmt.Sprintf("Could not read the licence %d", id), err)
		return true
	}
	setFromLicense(m, lic, all)
	return true
}

// itemTypeOf finds whether a product is a soft or a platform one; "" when
// the product is not known (an import).
func itemTypeOf(all []ispmanager.Product, productID types.Int64) string {
	if productID.IsNull() || productID.IsUnknown() {
		return ""
	}
	if p := findProduct(all, productID.ValueInt64()); p != nil {
		return p.ItemType
	}
	return ""
}

// fetchLicense reads one licence, trying both item types when the type is
// not known.
func fetchLicense(ctx context.Context, client *ispmanager.Client, itemType string, id int64) (*ispmanager.License, error) {
	if itemType != "" {
		return client.License(ctx, itemType, id)
	}
	lic, err := client.License(ctx, "soft", id)
	if ispmanager.IsNotFound(err) {
		return client.License(ctx, "platform", id)
	}
	return lic, err
}

// setFromLicense copies what the API says into m, keeping the settings the
// API does not carry (period, renewals, destroy behaviour) from m.
func setFromLicense(m *licenseModel, l *ispmanager.License, all []ispmanager.Product) {
	m.ID = types.StringValue(strconv.FormatInt(l.ID, 10))
	m.ProductID = types.Int64Value(l.ProductID)
	m.Name = types.StringValue(l.Name)
	m.IP = optionalString(l.IP)
	m.RemoteID = optionalString(l.RemoteID)
	m.AutoRenew = types.BoolValue(l.AutoProlong != 0)
	if m.Period.IsNull() || m.Period.IsUnknown() {
		m.Period = types.Int64Value(int64(l.Period))
	}
	addons := map[string]attr.Value{}
	for id, n := range l.Addons {
		if n > 0 {
			addons[strconv.FormatInt(id, 10)] = types.Int64Value(int64(n))
		}
	}
	m.Addons = types.MapValueMust(types.Int64Type, addons)
	m.Suspended = types.BoolValue(l.Status == ispmanager.StatusSuspended)
	m.ProductName = types.StringValue(l.ProductName)
	m.Kind = types.StringValue("")
	if p := findProduct(all, l.ProductID); p != nil {
		m.Kind = types.StringValue(p.Kind)
		if l.ProductName == "" {
			m.ProductName = types.StringValue(p.Name)
		}
	}
	m.Status = types.StringValue(statusName(l.Status))
	m.CreatedDate = types.StringValue(l.Created)
	m.ExpiryDate = types.StringValue(l.Expires)
	m.LicenseKey = optionalString(l.Key)
	if m.Renewals.IsNull() || m.Renewals.IsUnknown() {
		m.Renewals = types.Int64Value(0)
	}
	if m.DeletionProtection.IsNull() || m.DeletionProtection.IsUnknown() {
		m.DeletionProtection = types.BoolValue(false)
	}
	if m.OnDestroy.IsNull() || m.OnDestroy.IsUnknown() {
		m.OnDestroy = types.StringValue(onDestroyAbandon)
	}
}

func optionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// autoProlong is the API's autoprolong for m: the period, or 0 for off.
func autoProlong(m licenseModel) int {
	if !m.AutoRenew.ValueBool() {
		return 0
	}
	return int(m.Period.ValueInt64())
}

// addonCounts reads the addons map; unknown or null is none.
func addonCounts(m types.Map) map[int64]int {
	out := map[int64]int{}
	if m.IsNull() || m.IsUnknown() {
		return out
	}
	for k, v := range m.Elements() {
		id, err := strconv.ParseInt(k, 10, 64)
		n, ok := v.(types.Int64)
		if err == nil && ok && !n.IsUnknown() {
			out[id] = int(n.ValueInt64())
		}
	}
	return out
}

func (r *licenseResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state licenseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	isp := base.Ispmanager(r.Data, "reseller_ispmanager_license", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || isp == nil {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id, err := licenseID(state)
	if err != nil {
		resp.Diagnostics.AddError("Invalid licence ID", err.Error())
		return
	}
	name := state.Name.ValueString()
	all, err := products(ctx, isp)
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Could not update the licence %q", name), err)
		return
	}
	itemType := itemTypeOf(all, state.ProductID)
	lic, err := fetchLicense(ctx, isp.Client, itemType, id)
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Could not read the licence %q", name), err)
		return
	}
	itemType = lic.ItemType
	months := int(plan.Period.ValueInt64())

	// Renewals first: they bring a licence suspended at expiry back.
	for n := state.Renewals.ValueInt64(); n < plan.Renewals.ValueInt64(); n++ {
		if lic, err = renew(ctx, isp.Client, lic, months); err != nil {
			addAPIError(&resp.Diagnostics, fmt.Sprintf("Could not renew the licence %q", name), explainBalance(ctx, isp, err))
			// Keep the renewals that went through, so none is bought twice.
			resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("renewals"), types.Int64Value(n))...)
			return
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("renewals"), types.Int64Value(n+1))...)
	}
	if to := plan.ProductID.ValueInt64(); to != lic.ProductID {
		if lic, err = changeProduct(ctx, isp.Client, lic, to, months); err != nil {
			addAPIError(&resp.Diagnostics, fmt.Sprintf("Could not change the tariff of the licence %q", name), explainBalance(ctx, isp, err))
			return
		}
	}
	if edit, changed := licenseEdit(plan, lic); changed {
		if err := isp.Client.Edit(ctx, itemType, id, edit); err != nil {
			addAPIError(&resp.Diagnostics, fmt.Sprintf("Could not update the licence %q", name), explainBalance(ctx, isp, err))
			return
		}
	}
	if !r.setSuspended(ctx, isp.Client, lic, plan.Suspended.ValueBool(), &resp.Diagnostics) {
		return
	}
	if !r.readInto(ctx, isp, &plan, &resp.Diagnostics) {
		resp.Diagnostics.AddError("Licence disappeared", fmt.Sprintf("The licence %q (ID %d) was deleted while it was being updated.", name, id))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// licenseEdit lists what soft.edit must change to bring lic to plan.
func licenseEdit(plan licenseModel, lic *ispmanager.License) (ispmanager.Edit, bool) {
	var edit ispmanager.Edit
	changed := false
	if v := plan.Name.ValueString(); v != lic.Name {
		edit.Name, changed = &v, true
	}
	if v := plan.IP.ValueString(); !plan.IP.IsNull() && v != lic.IP {
		edit.IP, changed = &v, true
	}
	if v := plan.RemoteID.ValueString(); !plan.RemoteID.IsNull() && !plan.RemoteID.IsUnknown() && v != lic.RemoteID {
		edit.RemoteID, changed = &v, true
	}
	if v := autoProlong(plan); v != lic.AutoProlong {
		edit.AutoProlong, changed = &v, true
	}
	want, have := addonCounts(plan.Addons), map[int64]int{}
	for id, n := range lic.Addons {
		if n != 0 {
			have[id] = n
		}
	}
	if !maps.Equal(want, have) {
		for id := range have {
			if _, kept := want[id]; !kept {
				want[id] = 0 // an addon left out of the plan goes back to none
			}
		}
		edit.Addons, changed = want, true
	}
	return edit, changed
}

// renew adds months to the licence. The call is paid and never repeated:
// after a lost answer the licence is read to learn whether its expiry moved.
func renew(ctx context.Context, client *ispmanager.Client, lic *ispmanager.License, months int) (*ispmanager.License, error) {
	_, err := client.Renew(ctx, lic.ID, months)
	if err != nil && !ispmanager.IsAmbiguous(err) {
		return nil, err
	}
	now, readErr := client.License(ctx, lic.ItemType, lic.ID)
	switch {
	case err == nil && readErr == nil:
		return now, nil
	case err == nil:
		return nil, readErr
	case readErr != nil:
		return nil, fmt.Errorf("%w; whether the renewal went through is unknown (%v): check the licence's expiry date before applying again", err, readErr)
	case now.Expires != lic.Expires:
		return now, nil
	}
	return nil, err
}

// changeProduct moves the licence to another tariff. The call may be paid
// and is never repeated: after a lost answer the licence is read to learn
// whether it moved.
func changeProduct(ctx context.Context, client *ispmanager.Client, lic *ispmanager.License, productID int64, months int) (*ispmanager.License, error) {
	err := client.ChangeProduct(ctx, lic.ID, productID, months)
	if err != nil && !ispmanager.IsAmbiguous(err) {
		return nil, err
	}
	now, readErr := client.License(ctx, lic.ItemType, lic.ID)
	switch {
	case readErr != nil && err != nil:
		return nil, fmt.Errorf("%w; the licence could not be read to learn whether it moved (%v): run apply again", err, readErr)
	case readErr != nil:
		return nil, readErr
	case err != nil && now.ProductID != productID:
		return nil, fmt.Errorf("%w; the licence is still on %s: run apply again", err, lic.ProductName)
	}
	return now, nil
}

// setSuspended suspends or resumes the licence. It reports whether it
// succeeded.
func (r *licenseResource) setSuspended(ctx context.Context, client *ispmanager.Client, lic *ispmanager.License, suspended bool, diags *diag.Diagnostics) bool {
	is := lic.Status == ispmanager.StatusSuspended
	switch {
	case suspended && !is:
		if err := client.Suspend(ctx, lic.ID); err != nil {
			addAPIError(diags, fmt.Sprintf("Could not suspend the licence %q", lic.Name), err)
			return false
		}
	case !suspended && is:
		if err := client.Resume(ctx, lic.ID); err != nil {
			if ispmanager.HasType(err, "status") {
				err = fmt.Errorf("%w\n\nThe licence expired on %s: raise renewals by one to renew it for period months (billed), which makes it active again", err, lic.Expires)
			}
			addAPIError(diags, fmt.Sprintf("Could not resume the licence %q", lic.Name), err)
			return false
		}
	}
	return true
}

func (r *licenseResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state licenseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	isp := base.Ispmanager(r.Data, "reseller_ispmanager_license", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || isp == nil {
		return
	}
	name := state.Name.ValueString()
	if state.DeletionProtection.ValueBool() {
		resp.Diagnostics.AddError("Licence is protected from deletion",
			fmt.Sprintf("The licence %q has deletion_protection = true. Set it to false and apply before destroying.", name))
		return
	}
	id, err := licenseID(state)
	if err != nil {
		resp.Diagnostics.AddError("Invalid licence ID", err.Error())
		return
	}
	all, err := products(ctx, isp)
	if err != nil {
		addAPIError(&resp.Diagnostics, fmt.Sprintf("Could not delete the licence %q", name), err)
		return
	}
	itemType := itemTypeOf(all, state.ProductID)
	if itemType == "" {
		itemType = "soft"
	}
	if state.OnDestroy.ValueString() == onDestroyDelete {
		if err := isp.Client.Delete(ctx, itemType, id); err != nil && !ispmanager.IsNotFound(err) {
			addAPIError(&resp.Diagnostics, fmt.Sprintf("Could not delete the licence %q", name), err)
		}
		return
	}
	off := 0
	if err := isp.Client.Edit(ctx, itemType, id, ispmanager.Edit{AutoProlong: &off}); err != nil {
		if !ispmanager.IsNotFound(err) {
			addAPIError(&resp.Diagnostics, fmt.Sprintf("Could not turn auto-renewal off for the licence %q", name), err)
		}
		return
	}
	resp.Diagnostics.AddWarning("Licence abandoned, not deleted",
		fmt.Sprintf("The licence %q (ID %d) keeps working until %s; auto-renewal is now off and Terraform no longer manages it. ispmanager suspends it then and deletes it 30 days later. Set on_destroy = \"delete\" to delete a licence at once.",
			name, id, state.ExpiryDate.ValueString()))
}
