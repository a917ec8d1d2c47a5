package xarios

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/xarios"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

func (r *customerResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan customerModel
	var secret types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("pbx_secret_wo"), &secret)...)
	x := base.Xarios(r.Data, "reseller_customer", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || x == nil {
		return
	}
	ref := plan.Reference.ValueString()
	cust, err := r.create(ctx, x.Client, plan)
	if err != nil {
		resp.Diagnostics.AddError(describe("create", ref), err.Error())
		return
	}
	// The customer exists and is billed from here on: keep it in the state
	// before its user and PBX connection, so a failure there never leads to
	// a second customer.
	plan.ID = types.StringValue(cust.ID)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)
	wanted := plan
	if !r.syncUser(ctx, x.Client, cust.ID, "", plan, &resp.Diagnostics) ||
		!r.syncPBX(ctx, x.Client, cust.ID, "", plan, secret, true, &resp.Diagnostics) {
		r.saveAfterError(ctx, x, &plan, resp)
		return
	}
	r.readInto(ctx, x, &plan, &resp.Diagnostics)
	keepConfigured(&plan, wanted)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *customerResource) saveAfterError(ctx context.Context, x *providerdata.Xarios, plan *customerModel, resp *resource.CreateResponse) {
	var diags diag.Diagnostics
	wanted := *plan
	if r.readInto(ctx, x, plan, &diags) {
		keepConfigured(plan, wanted)
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

// keepConfigured restores what the API does not read back.
func keepConfigured(m *customerModel, wanted customerModel) {
	m.PBXSecretWOVersion, m.DeletionProtection = wanted.PBXSecretWOVersion, wanted.DeletionProtection
}

// create makes the customer unless the reseller has a live one with the
// reference; after a lost answer it looks the reference up before giving up.
func (r *customerResource) create(ctx context.Context, client *xarios.Client, plan customerModel) (*xarios.Customer, error) {
	ref := plan.Reference.ValueString()
	if existing, err := liveByReference(ctx, client, ref); err != nil {
		return nil, err
	} else if existing != nil {
		return nil, fmt.Errorf("the reseller already has a customer with the reference %q (%s, %q); import it with: terraform import <address> %s",
			ref, existing.ID, existing.Name, existing.ID)
	}
	cust, err := client.CreateCustomer(ctx, customerInput(plan, nil))
	if err == nil || !xarios.IsAmbiguous(err) {
		return cust, err
	}
	found, findErr := liveByReference(ctx, client, ref)
	if findErr != nil {
		return nil, fmt.Errorf("%w; checking whether the customer was created also failed: %v. Run apply again: the provider looks the reference up first", err, findErr)
	}
	if found == nil || found.Name != plan.Name.ValueString() {
		return nil, err
	}
	tflog.Info(ctx, "adopting the customer whose create answer was lost", map[string]any{"reference": ref, "id": found.ID})
	return found, nil
}

func liveByReference(ctx context.Context, client *xarios.Client, ref string) (*xarios.Customer, error) {
	all, err := client.Customers(ctx, ref)
	if err != nil {
		return nil, err
	}
	for i := range all {
		if all[i].Reference == ref && all[i].Status != "terminated" {
			return &all[i], nil
		}
	}
	return nil, nil
}

// customerInput is the body that brings the customer to plan; with state,
// only what changed.
func customerInput(plan customerModel, state *customerModel) xarios.CustomerInput {
	var in xarios.CustomerInput
	str := func(p, s types.String) *string {
		if p.IsUnknown() || (state != nil && p.Equal(s)) {
			return nil
		}
		return ptr(p.ValueString())
	}
	var s customerModel
	if state != nil {
		s = *state
	}
	in.Name = str(plan.Name, s.Name)
	in.Description = str(plan.Description, s.Description)
	in.Reference = str(plan.Reference, s.Reference)
	in.CountryCode = str(plan.CountryCode, s.CountryCode)
	if !plan.Timezone.IsNull() {
		in.Timezone = str(plan.Timezone, s.Timezone)
	}
	in.ProductType = str(plan.ProductType, s.ProductType)
	in.Notes = str(plan.Notes, s.Notes)
	if state == nil || !plan.InternalSystem.Equal(s.InternalSystem) {
		in.InternalSystem = ptr(plan.InternalSystem.ValueBool())
	}
	if state == nil || !plan.TrialDays.Equal(s.TrialDays) {
		in.TrialDuration = ptr(int(plan.TrialDays.ValueInt64()))
	}
	if state == nil || !plan.Enabled.Equal(s.Enabled) {
		in.Enabled = ptr(plan.Enabled.ValueBool())
	}
	if state == nil || !plan.AgentLicences.Equal(s.AgentLicences) || !plan.DeviceLicences.Equal(s.DeviceLicences) {
		in.Features = &xarios.Features{Agent: int(plan.AgentLicences.ValueInt64()), Device: int(plan.DeviceLicences.ValueInt64())}
	}
	return in
}

func userOf(m customerModel) *userModel {
	if m.PrimaryUser.IsNull() || m.PrimaryUser.IsUnknown() {
		return nil
	}
	var u userModel
	m.PrimaryUser.As(context.Background(), &u, basetypes.ObjectAsOptions{})
	return &u
}

func pbxOf(m customerModel) *pbxModel {
	if m.PBXConnection.IsNull() || m.PBXConnection.IsUnknown() {
		return nil
	}
	var p pbxModel
	m.PBXConnection.As(context.Background(), &p, basetypes.ObjectAsOptions{})
	return &p
}

func roleList(s types.Set) []string {
	var out []string
	for _, v := range s.Elements() {
		if str, ok := v.(types.String); ok {
			out = append(out, str.ValueString())
		}
	}
	slices.Sort(out)
	return out
}

// syncUser brings the primary user to plan: created (or, when the e-mail
// is already a user of the customer, taken over), changed, replaced when its
// e-mail changes, or deleted. It reports whether it succeeded.
func (r *customerResource) syncUser(ctx context.Context, client *xarios.Client, customerID, currentID string, plan customerModel, diags *diag.Diagnostics) bool {
	want := userOf(plan)
	users, err := client.Users(ctx, customerID)
	if err != nil {
		diags.AddError("Could not read the customer's users", err.Error())
		return false
	}
	var current *xarios.User
	for i := range users {
		if users[i].ID == currentID || (want != nil && strings.EqualFold(users[i].Email, want.Email.ValueString())) {
			current = &users[i]
			if users[i].ID == currentID {
				break
			}
		}
	}
	if current != nil && (want == nil || !strings.EqualFold(current.Email, want.Email.ValueString())) {
		if err := client.DeleteUser(ctx, customerID, current.ID); err != nil && !xarios.IsNotFound(err) {
			diags.AddError("Could not remove the customer's previous primary user", err.Error())
			return false
		}
		current = nil
	}
	if want == nil {
		return true
	}
	roles := roleList(want.Roles)
	if current == nil {
		_, err := client.CreateUser(ctx, customerID, xarios.UserInput{DisplayName: ptr(want.DisplayName.ValueString()), Email: ptr(want.Email.ValueString()), Roles: roles})
		if err != nil {
			diags.AddAttributeError(path.Root("primary_user"), "Could not create the customer's primary user", err.Error())
			return false
		}
		return true
	}
	have := slices.Clone(current.Roles)
	slices.Sort(have)
	if current.DisplayName == want.DisplayName.ValueString() && slices.Equal(have, roles) {
		return true
	}
	if _, err := client.UpdateUser(ctx, customerID, current.ID, xarios.UserInput{DisplayName: ptr(want.DisplayName.ValueString()), Roles: roles}); err != nil {
		diags.AddAttributeError(path.Root("primary_user"), "Could not update the customer's primary user", err.Error())
		return false
	}
	return true
}

// syncPBX brings the PBX connection to plan. sendSecret sends
// pbx_secret_wo (at creation, and when its version changed).
func (r *customerResource) syncPBX(ctx context.Context, client *xarios.Client, customerID, currentID string, plan customerModel, secret types.String, sendSecret bool, diags *diag.Diagnostics) bool {
	want := pbxOf(plan)
	pbxs, err := client.PBXs(ctx, customerID)
	if err != nil {
		diags.AddError("Could not read the customer's PBX connection", err.Error())
		return false
	}
	var current *xarios.PBX
	if len(pbxs) > 0 {
		current = &pbxs[0]
	}
	if current != nil && (want == nil || pbxKind(current.Type) != want.Type.ValueString()) {
		if err := client.DeletePBX(ctx, customerID, current.ID); err != nil && !xarios.IsNotFound(err) {
			diags.AddError("Could not remove the customer's PBX connection", err.Error())
			return false
		}
		current, sendSecret = nil, true
	}
	if want == nil {
		return true
	}
	in := xarios.PBXInput{
		Name: ptr(want.Name.ValueString()), TemplateID: ptr(want.TemplateID.ValueString()),
		Enabled: ptr(want.Enabled.ValueBool()), MonitorSubAccounts: ptr(want.MonitorSubAccounts.ValueBool()),
		HostRest: ptr(want.HostRest.ValueString()), HostWebsocket: ptr(want.HostWebsocket.ValueString()),
		AccountID: ptr(want.AccountID.ValueString()), Username: ptr(want.Username.ValueString()),
	}
	if sendSecret && !secret.IsNull() && !secret.IsUnknown() {
		switch want.Type.ValueString() {
		case "kazoo":
			in.APIKey = ptr(secret.ValueString())
		case "threecx":
			in.LicenseKey = ptr(secret.ValueString())
		}
	}
	if current == nil {
		in.Type = ptr(pbxTypes[want.Type.ValueString()])
		if _, err := client.CreatePBX(ctx, customerID, in); err != nil {
			diags.AddAttributeError(path.Root("pbx_connection"), "Could not create the customer's PBX connection", err.Error())
			return false
		}
		return true
	}
	if _, err := client.UpdatePBX(ctx, customerID, current.ID, in); err != nil {
		diags.AddAttributeError(path.Root("pbx_connection"), "Could not update the customer's PBX connection", err.Error())
		return false
	}
	return true
}

func (r *customerResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state customerModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	x := base.Xarios(r.Data, "reseller_customer", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || x == nil {
		return
	}
	if id := state.ID.ValueString(); !strings.HasPrefix(id, "cus_") {
		// Imported by reference.
		found, err := liveByReference(ctx, x.Client, id)
		if err != nil {
			resp.Diagnostics.AddError("Could not look the customer up", err.Error())
			return
		}
		if found == nil {
			resp.Diagnostics.AddError("Customer not found", fmt.Sprintf("No live customer of the reseller has the reference %q. Import by tenant ID or by reference.", id))
			return
		}
		state.ID = types.StringValue(found.ID)
	}
	if !r.readInto(ctx, x, &state, &resp.Diagnostics) {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// readInto refreshes m; false when the customer is gone.
func (r *customerResource) readInto(ctx context.Context, x *providerdata.Xarios, m *customerModel, diags *diag.Diagnostics) bool {
	cust, err := x.Client.Customer(ctx, m.ID.ValueString())
	if xarios.IsNotFound(err) {
		return false
	}
	if err != nil {
		diags.AddError("Could not read the customer", err.Error())
		return true
	}
	opt := func(s string) types.String {
		if s == "" {
			return types.StringNull()
		}
		return types.StringValue(s)
	}
	m.ID, m.Name, m.Description = types.StringValue(cust.ID), types.StringValue(cust.Name), opt(cust.Description)
	m.Reference, m.CountryCode, m.Timezone = types.StringValue(cust.Reference), types.StringValue(cust.CountryCode), types.StringValue(cust.Timezone)
	m.ProductType, m.Notes = types.StringValue(cust.ProductType), opt(cust.Notes)
	m.InternalSystem, m.TrialDays, m.Enabled = types.BoolValue(cust.InternalSystem), types.Int64Value(int64(cust.TrialDuration)), types.BoolValue(cust.Enabled)
	m.AgentLicences, m.DeviceLicences = types.Int64Value(int64(cust.Features.Agent)), types.Int64Value(int64(cust.Features.Device))
	m.Status, m.DateCreated, m.TrialEnds = types.StringValue(cust.Status), types.StringValue(cust.DateCreated), types.StringValue(cust.TrialEnds)
	if m.DeletionProtection.IsNull() || m.DeletionProtection.IsUnknown() {
		m.DeletionProtection = types.BoolValue(false)
	}
	if cust.Status == "terminated" {
		diags.AddWarning("Customer terminated",
			fmt.Sprintf("The customer %q (%s) was deleted out of band: the platform removes it 30 days after. Import another customer or remove this one from the configuration.", cust.Name, cust.ID))
	}
	r.readUser(ctx, x.Client, m, diags)
	r.readPBX(ctx, x.Client, m, diags)
	return true
}

func (r *customerResource) readUser(ctx context.Context, client *xarios.Client, m *customerModel, diags *diag.Diagnostics) {
	known := userOf(*m)
	users, err := client.Users(ctx, m.ID.ValueString())
	if err != nil {
		diags.AddError("Could not read the customer's users", err.Error())
		return
	}
	var u *xarios.User
	for i := range users {
		if known != nil && (users[i].ID == known.ID.ValueString() || strings.EqualFold(users[i].Email, known.Email.ValueString())) {
			u = &users[i]
			break
		}
	}
	if known == nil || u == nil {
		// None configured, or the primary user was deleted out of band.
		m.PrimaryUser = types.ObjectNull(userTypes)
		return
	}
	roles := make([]attr.Value, 0, len(u.Roles))
	for _, role := range u.Roles {
		roles = append(roles, types.StringValue(role))
	}
	m.PrimaryUser = types.ObjectValueMust(userTypes, map[string]attr.Value{
		"display_name": types.StringValue(u.DisplayName), "email": types.StringValue(u.Email),
		"roles": types.SetValueMust(types.StringType, roles), "id": types.StringValue(u.ID),
		"invitation_state": types.StringValue(u.InvitationState),
	})
}

func (r *customerResource) readPBX(ctx context.Context, client *xarios.Client, m *customerModel, diags *diag.Diagnostics) {
	pbxs, err := client.PBXs(ctx, m.ID.ValueString())
	if err != nil {
		diags.AddError("Could not read the customer's PBX connection", err.Error())
		return
	}
	if len(pbxs) == 0 {
		m.PBXConnection = types.ObjectNull(pbxAttrTypes)
		return
	}
	p := pbxs[0]
	opt := func(s string) types.String {
		if s == "" {
			return types.StringNull()
		}
		return types.StringValue(s)
	}
	m.PBXConnection = types.ObjectValueMust(pbxAttrTypes, map[string]attr.Value{
		"type": types.StringValue(pbxKind(p.Type)), "name": types.StringValue(p.Name), "template_id": opt(p.TemplateID),
		"enabled": types.BoolValue(p.Enabled), "monitor_sub_accounts": types.BoolValue(p.MonitorSubAccounts),
		"host_rest": opt(p.HostRest), "host_websocket": opt(p.HostWebsocket), "account_id": opt(p.AccountID),
		"username": opt(p.Username), "id": types.StringValue(p.ID),
	})
}

func (r *customerResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state customerModel
	var secret types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("pbx_secret_wo"), &secret)...)
	x := base.Xarios(r.Data, "reseller_customer", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || x == nil {
		return
	}
	id := state.ID.ValueString()
	ref := state.Reference.ValueString()
	if _, err := x.Client.UpdateCustomer(ctx, id, customerInput(plan, &state)); err != nil {
		resp.Diagnostics.AddError(describe("update", ref), err.Error())
		return
	}
	userID, pbxID := "", ""
	if u := userOf(state); u != nil {
		userID = u.ID.ValueString()
	}
	if p := pbxOf(state); p != nil {
		pbxID = p.ID.ValueString()
	}
	rotate := !plan.PBXSecretWOVersion.Equal(state.PBXSecretWOVersion)
	if !r.syncUser(ctx, x.Client, id, userID, plan, &resp.Diagnostics) ||
		!r.syncPBX(ctx, x.Client, id, pbxID, plan, secret, rotate, &resp.Diagnostics) {
		return
	}
	wanted := plan
	if !r.readInto(ctx, x, &plan, &resp.Diagnostics) {
		resp.Diagnostics.AddError("Customer disappeared", fmt.Sprintf("The customer %q was deleted while it was being updated.", ref))
		return
	}
	keepConfigured(&plan, wanted)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *customerResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state customerModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	x := base.Xarios(r.Data, "reseller_customer", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || x == nil {
		return
	}
	if state.DeletionProtection.ValueBool() {
		resp.Diagnostics.AddError("Customer is protected from deletion",
			fmt.Sprintf("The customer %q has deletion_protection = true. Set it to false and apply before destroying.", state.Reference.ValueString()))
		return
	}
	if err := x.Client.DeleteCustomer(ctx, state.ID.ValueString()); err != nil && !xarios.IsNotFound(err) {
		resp.Diagnostics.AddError(describe("delete", state.Reference.ValueString()), err.Error())
	}
}
