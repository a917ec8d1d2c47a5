package zohomail

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/zohomail"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

func (r *orgResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan orgModel
	var password types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("initial_password_wo"), &password)...)
	zm := base.ZohoMail(r.Data, "reseller_zoho_mail_org", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || zm == nil {
		return
	}
	domain := plan.Domain.ValueString()
	admin := superAdminOf(plan)
	chosen := planNamed(plans(zm), plan.Plan.ValueString())
	if chosen == nil {
		resp.Diagnostics.AddAttributeError(path.Root("plan"), "Unknown plan", plan.Plan.ValueString())
		return
	}
	trial := ""
	if chosen.Kind == "trial" {
		trial = chosen.TrialName
	}
	zoid, err := r.createOrg(ctx, zm.Client, zohomail.NewOrg{
		DomainName: domain,
		EmailID:    admin.Email.ValueString(),
		FirstName:  admin.FirstName.ValueString(),
		LastName:   admin.LastName.ValueString(),
		OrgName:    plan.OrgName.ValueString(),
		Password:   password.ValueString(),
		PlanName:   trial,
	})
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Could not create the Zoho Mail org of %s", domain), err.Error())
		return
	}
	// The org exists from here on: keep it in the state before anything
	// else can fail, so a retried apply never creates a second one.
	plan.ID = types.StringValue(string(zoid))
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), plan.ID)...)

	if chosen.Kind == "paid" {
		if err := subscribe(ctx, zm.Client, admin.Email.ValueString(), plan, *chosen); err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Could not buy %s for the Zoho Mail org of %s", chosen.BasePlan, domain),
				fmt.Sprintf("%v. The org exists (ZOID %s) and is saved in the state on the free plan; the next apply buys the plan.", err, zoid))
			r.saveAfterError(ctx, zm, &plan, resp)
			return
		}
	}
	wanted := plan
	if !r.readInto(ctx, zm, &plan, &resp.Diagnostics) {
		resp.Diagnostics.AddError("Zoho Mail org disappeared", fmt.Sprintf("The org of %s (ZOID %s) could not be found right after it was created.", domain, zoid))
		return
	}
	// What the API does not read back keeps its planned value.
	plan.VerificationMethod, plan.DeletionProtection = wanted.VerificationMethod, wanted.DeletionProtection
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// saveAfterError keeps a created org in the state with what the API says,
// after a later step of the create failed.
func (r *orgResource) saveAfterError(ctx context.Context, zm *providerdata.ZohoMail, plan *orgModel, resp *resource.CreateResponse) {
	var diags diag.Diagnostics
	if r.readInto(ctx, zm, plan, &diags) {
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

// createOrg creates the org unless the partner already has one for the
// domain: one with the same super admin is this configuration's earlier
// create whose answer was lost, adopted; any other is someone else's, to be
// imported. After a lost answer it looks again before giving up.
func (r *orgResource) createOrg(ctx context.Context, client *zohomail.Client, o zohomail.NewOrg) (zohomail.ZOID, error) {
	adopt := func(found *zohomail.OrgSummary) (zohomail.ZOID, error) {
		if !strings.EqualFold(found.SuperAdmin, o.EmailID) {
			return "", fmt.Errorf("%s already has a Zoho Mail org of this partner (ZOID %s, super admin %s); import it with: terraform import <address> %s",
				o.DomainName, found.ZOID, found.SuperAdmin, found.ZOID)
		}
		tflog.Info(ctx, "adopting the Zoho Mail org this configuration already created", map[string]any{"domain": o.DomainName, "zoid": string(found.ZOID)})
		return found.ZOID, nil
	}
	if found, err := client.FindOrgByDomain(ctx, o.DomainName); err != nil {
		return "", err
	} else if found != nil {
		return adopt(found)
	}
	org, err := client.CreateOrg(ctx, o)
	if err == nil {
		return org.ZOID, nil
	}
	if !zohomail.IsAmbiguous(err) {
		return "", err
	}
	found, findErr := client.FindOrgByDomain(ctx, o.DomainName)
	if findErr != nil {
		return "", fmt.Errorf("%w; checking whether the org was created also failed: %v. Run apply again: the provider looks the org up by domain first", err, findErr)
	}
	if found == nil {
		return "", err
	}
	return adopt(found)
}

// subscribe buys the plan, or changes the subscription the org already
// has. A lost answer is settled by reading the subscription back, never by
// buying again.
func subscribe(ctx context.Context, client *zohomail.Client, email string, m orgModel, p plan) error {
	sub := zohomail.Subscription{
		PlanID:    p.PlanID,
		PayPeriod: storePeriod[payPeriodOf(m)],
		Addons:    []zohomail.AddonCount{{ID: p.UserAddonID, Count: int(m.Licenses.ValueInt64())}},
	}
	current, err := client.SubscriptionOf(ctx, email)
	if err != nil {
		return err
	}
	if current.Paid && matches(current, sub) {
		return nil
	}
	if current.Paid {
		_, err = client.ChangeSubscription(ctx, email, sub)
	} else {
		_, err = client.Subscribe(ctx, email, customerOf(m), sub)
	}
	if err == nil || !zohomail.IsAmbiguous(err) {
		return err
	}
	now, readErr := client.SubscriptionOf(ctx, email)
	if readErr == nil && now.Paid && matches(now, sub) {
		return nil
	}
	return fmt.Errorf("%w; the subscription does not show the change: run apply again", err)
}

// matches reports whether the store's subscription is sub.
func matches(d *zohomail.LicenseDetails, sub zohomail.Subscription) bool {
	if d.PlanID != sub.PlanID || d.PayPeriod != sub.PayPeriod {
		return false
	}
	for _, want := range sub.Addons {
		if licencesOf(d, want.ID) != want.Count {
			return false
		}
	}
	return true
}

func licencesOf(d *zohomail.LicenseDetails, addonID int64) int {
	for _, a := range d.Addons {
		if a.ID == addonID {
			return a.Value
		}
	}
	return 0
}

func payPeriodOf(m orgModel) string {
	if known(m.PayPeriod) {
		return m.PayPeriod.ValueString()
	}
	return yearly
}

func superAdminOf(m orgModel) superAdminModel {
	var admin superAdminModel
	if !m.SuperAdmin.IsNull() && !m.SuperAdmin.IsUnknown() {
		m.SuperAdmin.As(context.Background(), &admin, basetypes.ObjectAsOptions{})
	}
	return admin
}

func customerOf(m orgModel) zohomail.Customer {
	var b billingModel
	if !m.BillingAddress.IsNull() && !m.BillingAddress.IsUnknown() {
		m.BillingAddress.As(context.Background(), &b, basetypes.ObjectAsOptions{})
	}
	return zohomail.Customer{
		CompanyName: b.CompanyName.ValueString(), Street: b.Street.ValueString(), City: b.City.ValueString(),
		State: b.State.ValueString(), Country: b.Country.ValueString(), ZipCode: b.ZipCode.ValueString(), Phone: b.Phone.ValueString(),
	}
}

func (r *orgResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state orgModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	zm := base.ZohoMail(r.Data, "reseller_zoho_mail_org", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || zm == nil {
		return
	}
	if id := state.ID.ValueString(); !isZOID(id) {
		// Imported by domain.
		found, err := zm.Client.FindOrgByDomain(ctx, id)
		if err != nil {
			resp.Diagnostics.AddError("Could not look up the Zoho Mail org", err.Error())
			return
		}
		if found == nil {
			resp.Diagnostics.AddError("Zoho Mail org not found", fmt.Sprintf("The partner has no org for the domain %s. Import by ZOID or by domain.", id))
			return
		}
		state.ID = types.StringValue(string(found.ZOID))
	}
	if !r.readInto(ctx, zm, &state, &resp.Diagnostics) {
		resp.Diagnostics.AddWarning("Zoho Mail org gone",
			fmt.Sprintf("The org %s is no longer among the partner's customers (deleted, or the customer revoked the partner's access). It is removed from the state.", state.ID.ValueString()))
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// isZOID reports whether an ID is a ZOID (digits) rather than a domain.
func isZOID(id string) bool {
	return id != "" && !strings.ContainsFunc(id, func(r rune) bool { return r < '0' || r > '9' })
}

// readInto refreshes m from the API, retrying the domain's verification
// while it is pending. It reports false when the org is gone.
func (r *orgResource) readInto(ctx context.Context, zm *providerdata.ZohoMail, m *orgModel, diags *diag.Diagnostics) bool {
	zoid := zohomail.ZOID(m.ID.ValueString())
	org, err := zm.Client.Org(ctx, zoid)
	if zohomail.IsNotFound(err) || zohomail.HasErrorCode(err, "OPERATION_NOT_PERMITTED") {
		return false
	}
	if err != nil {
		diags.AddError("Could not read the Zoho Mail org", err.Error())
		return true
	}
	domain := org.PrimaryDomain
	m.ID = types.StringValue(string(org.ZOID))
	m.ZOID = m.ID
	m.Domain = types.StringValue(domain)
	m.OrgName = types.StringValue(org.OrgName)
	if m.SuperAdmin.IsNull() || m.SuperAdmin.IsUnknown() {
		// Imported: the API keeps the full name only.
		first, last, _ := strings.Cut(org.SuperAdminFullName, " ")
		m.SuperAdmin = types.ObjectValueMust(superAdminTypes, map[string]attr.Value{
			"first_name": types.StringValue(first), "last_name": types.StringValue(last), "email": types.StringValue(org.SuperAdmin),
		})
	} else {
		admin := superAdminOf(*m)
		m.SuperAdmin = types.ObjectValueMust(superAdminTypes, map[string]attr.Value{
			"first_name": admin.FirstName, "last_name": admin.LastName, "email": types.StringValue(org.SuperAdmin),
		})
	}
	r.readPlan(ctx, zm, org, m, diags)
	m.BasePlan = types.StringValue(org.BasePlan)
	m.UsersCount = types.Int64Value(int64(org.UsersCount))
	m.TrialExpiresAt = types.StringValue("")
	if org.TrialExpiryMs > 0 && org.PlanType == "trial" {
		m.TrialExpiresAt = types.StringValue(time.UnixMilli(org.TrialExpiryMs).UTC().Format(time.RFC3339))
	}
	if m.VerificationMethod.IsNull() || m.VerificationMethod.IsUnknown() {
		m.VerificationMethod = types.StringValue("cname")
	}
	if m.DeletionProtection.IsNull() || m.DeletionProtection.IsUnknown() {
		m.DeletionProtection = types.BoolValue(false)
	}
	r.readDomain(ctx, zm, org, m, diags)
	m.MXRecords, m.SPFValue = mailRecords(zm.Region)
	base := strings.TrimRight(zm.MailAdminURL, "/")
	m.PartnerConsoleURL = types.StringValue(base + "/cpanel/index.do#managecustomers")
	m.AdminConsoleURL = types.StringValue(base + "/cpanel/home.do?zaaid=" + string(org.ZOID) + "#dashboard")
	return true
}

// readPlan sets plan, licences, pay period and store profile from the org
// and, on a paid plan, from its store subscription.
func (r *orgResource) readPlan(ctx context.Context, zm *providerdata.ZohoMail, org *zohomail.Org, m *orgModel, diags *diag.Diagnostics) {
	all := plans(zm)
	m.StoreProfileID = types.StringValue("")
	switch org.PlanType {
	case "trial":
		if p := trialWithBase(all, org.BasePlan); p != nil {
			m.Plan = types.StringValue(p.Name)
		}
		m.Licenses, m.PayPeriod = types.Int64Null(), types.StringNull()
	case "paid":
		details, err := zm.Client.SubscriptionOf(ctx, org.SuperAdmin)
		if err != nil {
			diags.AddError("Could not read the Zoho Store subscription", err.Error())
			return
		}
		p := planWithID(all, details.PlanID)
		if p == nil {
			diags.AddWarning("Unknown Zoho plan",
				fmt.Sprintf("The org of %s is on store plan %d (%s), which this provider does not know; set the provider's plan_ids if your data centre uses other IDs.", org.PrimaryDomain, details.PlanID, details.PlanName))
			return
		}
		m.Plan = types.StringValue(p.Name)
		m.Licenses = types.Int64Value(int64(licencesOf(details, p.UserAddonID)))
		m.PayPeriod = types.StringValue(monthly)
		if details.PayPeriod == "YEAR" {
			m.PayPeriod = types.StringValue(yearly)
		}
		m.StoreProfileID = types.StringValue(details.ProfileID)
	default:
		m.Plan = types.StringValue("free")
		m.Licenses, m.PayPeriod = types.Int64Null(), types.StringNull()
	}
}

// readDomain reads the verification code of the primary domain and, while
// it is not verified, asks Zoho to verify it: the record may have been
// published since. A failed verification is a status, not an error.
func (r *orgResource) readDomain(ctx context.Context, zm *providerdata.ZohoMail, org *zohomail.Org, m *orgModel, diags *diag.Diagnostics) {
	domain := org.PrimaryDomain
	d, err := zm.Client.Domain(ctx, org.ZOID, domain)
	if err != nil {
		diags.AddError("Could not read the Zoho Mail domain "+domain, err.Error())
		return
	}
	m.VerificationCode = types.StringValue(d.CNAMECode)
	m.VerificationRecord = verificationRecord(domain, d.CNAMECode, m.VerificationMethod.ValueString())
	verified := d.Verified || org.Verified
	if !verified && d.CNAMECode != "" {
		result, err := zm.Client.VerifyDomain(ctx, org.ZOID, domain, m.VerificationMethod.ValueString())
		switch {
		case err != nil:
			tflog.Warn(ctx, "verifying the Zoho Mail domain failed", map[string]any{"domain": domain, "error": err.Error()})
		case result.Verified:
			verified = true
		default:
			tflog.Info(ctx, "the Zoho Mail domain is not verified yet", map[string]any{"domain": domain, "error": result.Error, "message": result.Message})
		}
	}
	m.VerificationStatus = types.StringValue(statusPending)
	if verified {
		m.VerificationStatus = types.StringValue(statusVerified)
	}
}

// verificationRecord is the record that proves the domain by method.
func verificationRecord(domain, code, method string) types.Object {
	name, fqdn, typ, value := code, code+"."+domain, "CNAME", "business.zoho.com."
	if method == "txt" {
		name, fqdn, typ, value = "@", domain, "TXT", "zoho-verification="+code+".zmverify.zoho.com"
	}
	return types.ObjectValueMust(recordTypes, map[string]attr.Value{
		"name": types.StringValue(name), "fqdn": types.StringValue(fqdn), "type": types.StringValue(typ), "value": types.StringValue(value),
	})
}

// mailDomains are the Zoho mail domains of each data centre, which its MX
// hosts and SPF include are named after.
var mailDomains = map[string]string{
	"us": "zoho.com", "eu": "zoho.eu", "in": "zoho.in", "au": "zoho.com.au", "jp": "zoho.jp",
	"ca": "zohocloud.ca", "sa": "zoho.sa", "uk": "zoho.uk", "cn": "zoho.com.cn", "ae": "zoho.ae",
}

func mailRecords(region string) (types.List, types.String) {
	d := mailDomains[region]
	if d == "" {
		d = mailDomains["us"]
	}
	var mx []attr.Value
	for _, r := range []struct {
		priority int64
		host     string
	}{{10, "mx." + d + "."}, {20, "mx2." + d + "."}, {50, "mx3." + d + "."}} {
		mx = append(mx, types.ObjectValueMust(mxTypes, map[string]attr.Value{"priority": types.Int64Value(r.priority), "value": types.StringValue(r.host)}))
	}
	return types.ListValueMust(types.ObjectType{AttrTypes: mxTypes}, mx), types.StringValue("v=spf1 include:" + d + " ~all")
}

func (r *orgResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state orgModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	zm := base.ZohoMail(r.Data, "reseller_zoho_mail_org", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || zm == nil {
		return
	}
	all := plans(zm)
	from, to := planNamed(all, state.Plan.ValueString()), planNamed(all, plan.Plan.ValueString())
	domain := state.Domain.ValueString()
	email := superAdminOf(state).Email.ValueString()
	zoid := zohomail.ZOID(state.ID.ValueString())
	if to == nil {
		resp.Diagnostics.AddAttributeError(path.Root("plan"), "Unknown plan", plan.Plan.ValueString())
		return
	}
	changed := from == nil || from.Name != to.Name || !plan.Licenses.Equal(state.Licenses) || !plan.PayPeriod.Equal(state.PayPeriod)
	if changed {
		var err error
		switch to.Kind {
		case "paid":
			err = subscribe(ctx, zm.Client, email, plan, *to)
		case "trial":
			err = zm.Client.EnableTrial(ctx, zoid, to.TrialName)
		case "free":
			if from != nil && from.Kind == "paid" {
				err = zm.Client.CancelSubscription(ctx, email, "Plan set to free in Terraform")
			}
		}
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Could not change the plan of the Zoho Mail org of %s", domain), err.Error())
			return
		}
	}
	wanted := plan
	if !r.readInto(ctx, zm, &plan, &resp.Diagnostics) {
		resp.Diagnostics.AddError("Zoho Mail org disappeared", fmt.Sprintf("The org of %s is no longer among the partner's customers.", domain))
		return
	}
	plan.VerificationMethod, plan.DeletionProtection = wanted.VerificationMethod, wanted.DeletionProtection
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *orgResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state orgModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	zm := base.ZohoMail(r.Data, "reseller_zoho_mail_org", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || zm == nil {
		return
	}
	domain := state.Domain.ValueString()
	if state.DeletionProtection.ValueBool() {
		resp.Diagnostics.AddError("Zoho Mail org is protected from deletion",
			fmt.Sprintf("The org of %s has deletion_protection = true. Set it to false and apply before destroying.", domain))
		return
	}
	email := superAdminOf(state).Email.ValueString()
	details, err := zm.Client.SubscriptionOf(ctx, email)
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Zoho Store subscription of "+domain, err.Error())
		return
	}
	cancelled := ""
	if details.Paid {
		if err := zm.Client.CancelSubscription(ctx, email, "Organisation destroyed in Terraform"); err != nil {
			resp.Diagnostics.AddError("Could not cancel the Zoho Store subscription of "+domain, err.Error())
			return
		}
		cancelled = " Its paid subscription was cancelled: it is on Mail Free now."
	}
	resp.Diagnostics.AddWarning("Zoho Mail org kept, not deleted",
		fmt.Sprintf("Zoho has no partner API to delete an organisation: the org of %s (ZOID %s) still exists and Terraform no longer manages it.%s Its super admin can delete it from the Zoho admin console.",
			domain, state.ID.ValueString(), cancelled))
}
