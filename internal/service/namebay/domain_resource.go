package namebay

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

// hostedNameServers are the name servers of a domain whose DNS Namebay hosts.
var hostedNameServers = []string{"ns1.namebay.com", "ns2.namebay.com"}

const (
	onDestroyAbandon = "abandon"
	onDestroyKeep    = "keep"
	onDestroyDelete  = "delete"
	defaultZoneTTL   = 3600
)

type domainResource struct{ base.Resource }

func newDomainResource() resource.Resource {
	return &domainResource{base.Resource{Name: "domain"}}
}

var (
	_ resource.ResourceWithImportState      = (*domainResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*domainResource)(nil)
	_ resource.ResourceWithConfigValidators = (*domainResource)(nil)
)

type domainModel struct {
	ID                 types.String   `tfsdk:"id"`
	Name               types.String   `tfsdk:"name"`
	ClientAccount      types.String   `tfsdk:"client_account"`
	Period             types.Int64    `tfsdk:"period"`
	RegistrantContact  types.String   `tfsdk:"registrant_contact"`
	AdminContact       types.String   `tfsdk:"admin_contact"`
	TechContact        types.String   `tfsdk:"tech_contact"`
	BillingContact     types.String   `tfsdk:"billing_contact"`
	HostedDNS          types.Bool     `tfsdk:"hosted_dns"`
	NameServers        types.List     `tfsdk:"name_servers"`
	DNSSEC             types.Bool     `tfsdk:"dnssec"`
	ZoneTTL            types.Int64    `tfsdk:"zone_ttl"`
	AutoRenew          types.Bool     `tfsdk:"auto_renew"`
	TransferLock       types.Bool     `tfsdk:"transfer_lock"`
	WhoisPrivacy       types.Bool     `tfsdk:"whois_privacy"`
	DeletionProtection types.Bool     `tfsdk:"deletion_protection"`
	OnDestroy          types.String   `tfsdk:"on_destroy"`
	Handle             types.String   `tfsdk:"handle"`
	ZoneHandle         types.String   `tfsdk:"zone_handle"`
	Status             types.String   `tfsdk:"status"`
	CreatedAt          types.String   `tfsdk:"created_at"`
	ExpiresAt          types.String   `tfsdk:"expires_at"`
	AuthCode           types.String   `tfsdk:"auth_code"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

var domainFields = fieldPaths{
	"DomainName":          path.Root("name"),
	"Period":              path.Root("period"),
	"RegistrantContactId": path.Root("registrant_contact"),
	"AdminContactId":      path.Root("admin_contact"),
	"TechContactId":       path.Root("tech_contact"),
	"BillingContactId":    path.Root("billing_contact"),
	"NameServer":          path.Root("name_servers"),
	"Ttl":                 path.Root("zone_ttl"),
}

func (r *domainResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	contact := func(role, extra string) schema.StringAttribute {
		return schema.StringAttribute{
			Optional: true, Computed: true,
			MarkdownDescription: fmt.Sprintf("Handle of the %s contact (a `reseller_contact` id). Defaults to the administrative contact.%s", role, extra),
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			PlanModifiers:       keep,
		}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A domain name registered through Namebay. Registering is a paid order: the provider looks the " +
			"name up in the account before ordering, so a retried apply never orders it twice.\n\n" +
			"**Destroying** never loses a domain by accident. With `deletion_protection = true` a destroy fails. " +
			"Otherwise `on_destroy` decides: `abandon` (the default) turns auto-renew off and removes the domain from the state, " +
			"so it stays yours until its expiry date; `keep` only removes it from the state; `delete` deletes it at the registry.\n\n" +
			"Changing `registrant_contact` is a paid registrant change (a trade); the plan warns with its price. " +
			"The administrative contact of a registered domain never changes: a new `admin_contact` is refused at plan.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The domain name.", PlanModifiers: keep,
			},
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Domain name in lower-case ASCII; write an internationalised name in its `xn--` form. " +
					"Its TLD must be one the account sells (see the `reseller_tlds` data source).",
				Validators:    []validator.String{domainName()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"client_account": clientAccountAttribute("domain"),
			"period": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(1),
				MarkdownDescription: "Registration period in years, within the TLD's range (see `reseller_tlds`). It applies when the domain is registered; later changes are recorded without renewing.",
				Validators:          []validator.Int64{int64validator.Between(1, 10)},
			},
			"registrant_contact": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Handle of the registrant (owner). Changing it is a paid registrant change (trade) at the TLD's trade price.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"admin_contact": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Handle of the administrative contact. It cannot change once the domain is registered.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"tech_contact":    contact("technical", ""),
			"billing_contact": contact("billing", ""),
			"hosted_dns": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Let Namebay host the DNS zone (`reseller_dns_record` then manages its records). Exclusive with `name_servers`.",
			},
			"name_servers": schema.ListAttribute{
				ElementType: types.StringType, Optional: true, Computed: true,
				MarkdownDescription: "Two to six name servers, when the DNS is hosted elsewhere. With `hosted_dns` they are Namebay's, read back here.",
				Validators: []validator.List{
					listvalidator.SizeBetween(2, 6),
					listvalidator.ValueStringsAre(hostName()),
					listvalidator.UniqueValues(),
				},
			},
			"dnssec": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Sign the hosted zone with DNSSEC. Needs `hosted_dns`.",
			},
			"zone_ttl": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(defaultZoneTTL),
				MarkdownDescription: "TTL in seconds of the hosted zone's records (Namebay has no per-record TTL), 300 to 86400. Needs `hosted_dns`. Default: `3600`.",
				Validators:          []validator.Int64{int64validator.Between(300, 86400)},
			},
			"auto_renew": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Renew automatically before expiry (each renewal is billed). Default: `true`.",
			},
			"transfer_lock": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Refuse transfers to another registrar (the registry's `protected` status). Default: `true`.",
			},
			"whois_privacy": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Hide the contacts in the public whois (anonymous whois). Default: `false`.",
			},
			"deletion_protection": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "When `true`, destroying or replacing this resource fails at plan. Default: `false`.",
			},
			"on_destroy": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(onDestroyAbandon),
				MarkdownDescription: "What a destroy does: `abandon` (default: turn auto-renew off and forget the domain, which stays registered until it expires), " +
					"`keep` (forget it, auto-renew unchanged) or `delete` (delete it at the registry; not refundable).",
				Validators: []validator.String{stringvalidator.OneOf(onDestroyAbandon, onDestroyKeep, onDestroyDelete)},
			},
			"handle": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Namebay handle of the domain.", PlanModifiers: keep,
			},
			"zone_handle": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Handle of the hosted DNS zone; null without `hosted_dns`.",
			},
			"status": schema.StringAttribute{
				Computed: true, PlanModifiers: keep,
				MarkdownDescription: "Registry status: `pending` while the registration completes, then `ok`, `protected` (transfer lock on) or `expired`.",
			},
			"created_at": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Registration time (RFC 3339).", PlanModifiers: keep,
			},
			"expires_at": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Expiry time (RFC 3339).", PlanModifiers: keep,
			},
			"auth_code": schema.StringAttribute{
				Computed: true, Sensitive: true, PlanModifiers: keep,
				MarkdownDescription: "Transfer authorisation code (EPP auth-info). Sensitive.",
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

func (r *domainResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{domainDNSValidator{}}
}

// domainDNSValidator enforces the choice between hosted DNS and external name servers.
type domainDNSValidator struct{}

func (domainDNSValidator) Description(context.Context) string {
	return "exactly one of hosted_dns = true or name_servers; dnssec and zone_ttl need hosted_dns"
}
func (v domainDNSValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (domainDNSValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg domainModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || cfg.HostedDNS.IsUnknown() || cfg.NameServers.IsUnknown() {
		return
	}
	hosted := cfg.HostedDNS.ValueBool()
	switch {
	case hosted && !cfg.NameServers.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("name_servers"), "Conflicting DNS settings",
			"name_servers cannot be set with hosted_dns = true: Namebay's own name servers serve a hosted zone. Remove name_servers, or set hosted_dns = false.")
	case !hosted && cfg.NameServers.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root("name_servers"), "Missing DNS settings",
			"A domain needs either name_servers (2 to 6 host names) or hosted_dns = true.")
	}
	if !hosted {
		if cfg.DNSSEC.ValueBool() {
			resp.Diagnostics.AddAttributeError(path.Root("dnssec"), "DNSSEC needs hosted DNS",
				"dnssec = true signs the zone Namebay hosts; set hosted_dns = true, or sign the zone at your DNS host.")
		}
		if !cfg.ZoneTTL.IsNull() && !cfg.ZoneTTL.IsUnknown() {
			resp.Diagnostics.AddAttributeError(path.Root("zone_ttl"), "Zone TTL needs hosted DNS",
				"zone_ttl applies to the zone Namebay hosts; set hosted_dns = true or remove zone_ttl.")
		}
	}
}

func (r *domainResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		var state domainModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if state.DeletionProtection.ValueBool() {
			resp.Diagnostics.AddError("Domain is protected from deletion",
				fmt.Sprintf("%s has deletion_protection = true, so Terraform will not destroy it. Set deletion_protection = false and apply first if you mean it.", state.Name.ValueString()))
		}
		return
	}
	nb := base.Namebay(r.Data, "reseller_domain", &resp.Diagnostics)
	if nb == nil {
		return
	}
	var plan, state domainModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	creating := req.State.Raw.IsNull()
	if !creating {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	user := base.ClientAccount(plan.ClientAccount, nb)

	// An unset tech or billing contact follows the admin contact, as
	// documented, also when it is removed from a configuration that had it.
	for _, role := range []string{"tech_contact", "billing_contact"} {
		var configured types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(role), &configured)...)
		if configured.IsNull() {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(role), plan.AdminContact)...)
		}
	}
	if creating || !plan.Period.Equal(state.Period) || !plan.WhoisPrivacy.Equal(state.WhoisPrivacy) || !plan.DNSSEC.Equal(state.DNSSEC) {
		r.checkCatalog(ctx, nb, user, plan, &resp.Diagnostics)
	}
	if creating {
		return
	}
	// resp.RequiresReplace holds only what this method adds, so look at the
	// attributes that replace the domain themselves.
	if state.DeletionProtection.ValueBool() && (!plan.Name.Equal(state.Name) || !plan.ClientAccount.Equal(state.ClientAccount)) {
		resp.Diagnostics.AddError("Domain is protected from deletion",
			fmt.Sprintf("This plan replaces %s, which has deletion_protection = true. Keep its name and client_account, or set deletion_protection = false and apply first if you mean to replace it.", state.Name.ValueString()))
	}
	if known(plan.AdminContact) && plan.AdminContact.ValueString() != state.AdminContact.ValueString() {
		resp.Diagnostics.AddAttributeError(path.Root("admin_contact"), "The administrative contact cannot change",
			fmt.Sprintf("The registry keeps the administrative contact of %s (%s) for the life of the domain. Keep admin_contact = %q; to change who manages the domain, change tech_contact or billing_contact.",
				state.Name.ValueString(), state.AdminContact.ValueString(), state.AdminContact.ValueString()))
	}
	if known(plan.RegistrantContact) && plan.RegistrantContact.ValueString() != state.RegistrantContact.ValueString() {
		resp.Diagnostics.AddAttributeWarning(path.Root("registrant_contact"), "Registrant change is a paid trade",
			fmt.Sprintf("Changing the registrant of %s from %s to %s is a registrant change (trade), billed%s. Apply only if you mean to transfer ownership.",
				state.Name.ValueString(), state.RegistrantContact.ValueString(), plan.RegistrantContact.ValueString(), r.tradePrice(ctx, nb, user, plan.Name.ValueString())))
	}
	if !plan.Period.Equal(state.Period) {
		resp.Diagnostics.AddAttributeWarning(path.Root("period"), "Period applies at registration only",
			fmt.Sprintf("%s is already registered until %s; the new period is recorded but nothing is renewed.", state.Name.ValueString(), state.ExpiresAt.ValueString()))
	}
	// Name servers follow the DNS choice: unchanged hosting keeps them, a switch to hosted DNS learns them on apply.
	if plan.NameServers.IsUnknown() {
		if plan.HostedDNS.ValueBool() == state.HostedDNS.ValueBool() {
			plan.NameServers = state.NameServers
		}
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("name_servers"), plan.NameServers)...)
	}
	if plan.HostedDNS.ValueBool() == state.HostedDNS.ValueBool() {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("zone_handle"), state.ZoneHandle)...)
	}
	// The registry status follows the transfer lock (protected or ok).
	if !plan.TransferLock.Equal(state.TransferLock) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("status"), types.StringUnknown())...)
	}
}

func known(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }

// checkCatalog refuses, at plan, a TLD the account does not sell and a period outside the TLD's range.
func (r *domainResource) checkCatalog(ctx context.Context, nb *providerdata.Namebay, user string, plan domainModel, diags *diag.Diagnostics) {
	if !known(plan.Name) || plan.Period.IsUnknown() {
		return
	}
	tlds, err := catalog(ctx, nb, user)
	if err != nil {
		diags.AddWarning("Could not check the TLD catalogue", err.Error())
		return
	}
	name := plan.Name.ValueString()
	t := registryOf(tlds, name)
	if t == nil {
		diags.AddAttributeError(path.Root("name"), "Unsupported TLD",
			fmt.Sprintf("%s: the TLD .%s is not sold through this account. Supported TLDs: %s.", name, name[strings.LastIndex(name, ".")+1:], tldsWith(tlds, func(namebay.Tld) bool { return true })))
		return
	}
	tld := t.TldName
	if label := strings.TrimSuffix(name, "."+tld); strings.Contains(label, ".") {
		diags.AddAttributeError(path.Root("name"), "Not a registrable domain name",
			fmt.Sprintf("%s is a subdomain: only second-level names, one label before the TLD such as %s.%s, are registered. Register that name and manage %s with reseller_dns_record in its zone.",
				name, label[strings.LastIndex(label, ".")+1:], tld, name))
		return
	}
	if p := plan.Period.ValueInt64(); p < t.MinPeriod || p > t.MaxPeriod {
		diags.AddAttributeError(path.Root("period"), "Period out of range",
			fmt.Sprintf("%s: .%s domains are registered for %d to %d years; period = %d is outside that range.", name, tld, t.MinPeriod, t.MaxPeriod, p))
	}
	if plan.WhoisPrivacy.ValueBool() && !t.AnonymousWhois {
		diags.AddAttributeError(path.Root("whois_privacy"), "Whois privacy not offered for this TLD",
			fmt.Sprintf("%s: the .%s registry does not offer whois privacy (anonymous whois). Set whois_privacy = false; TLDs that offer it: %s.",
				name, tld, tldsWith(tlds, func(t namebay.Tld) bool { return t.AnonymousWhois })))
	}
	if plan.DNSSEC.ValueBool() && !t.Dnssec {
		diags.AddAttributeError(path.Root("dnssec"), "DNSSEC not offered for this TLD",
			fmt.Sprintf("%s: the .%s registry does not accept DNSSEC. Set dnssec = false; TLDs that accept it: %s.",
				name, tld, tldsWith(tlds, func(t namebay.Tld) bool { return t.Dnssec })))
	}
}

// tldsWith lists, as ".com, .net", the TLDs of the catalogue that have a feature.
func tldsWith(tlds []namebay.Tld, has func(namebay.Tld) bool) string {
	var names []string
	for _, t := range tlds {
		if has(t) {
			names = append(names, "."+t.TldName)
		}
	}
	return strings.Join(names, ", ")
}

func (r *domainResource) tradePrice(ctx context.Context, nb *providerdata.Namebay, user, name string) string {
	tlds, err := catalog(ctx, nb, user)
	if err != nil {
		return ""
	}
	if t := registryOf(tlds, name); t != nil {
		return fmt.Sprintf(" %.2f %s", t.TradePrice, t.Currency)
	}
	return ""
}

func catalog(ctx context.Context, nb *providerdata.Namebay, user string) ([]namebay.Tld, error) {
	return nb.Catalog.Get(ctx, user, func(ctx context.Context) ([]namebay.Tld, error) {
		return nb.Client.ListTlds(ctx, user)
	})
}

// registryOf returns the catalogue TLD that name ends with, the longest when
// several match (co.uk before uk), or nil.
func registryOf(tlds []namebay.Tld, name string) *namebay.Tld {
	var best *namebay.Tld
	for i := range tlds {
		suffix := "." + strings.ToLower(tlds[i].TldName)
		if strings.HasSuffix(name, suffix) && len(name) > len(suffix) && (best == nil || len(tlds[i].TldName) > len(best.TldName)) {
			best = &tlds[i]
		}
	}
	return best
}

func (r *domainResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan domainModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	nb := base.Namebay(r.Data, "reseller_domain", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, 15*time.Minute)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	user := base.ClientAccount(plan.ClientAccount, nb)
	name := plan.Name.ValueString()
	admin := plan.AdminContact.ValueString()
	if !known(plan.TechContact) {
		plan.TechContact = types.StringValue(admin)
	}
	if !known(plan.BillingContact) {
		plan.BillingContact = types.StringValue(admin)
	}

	domain, err := r.order(ctx, nb, user, plan)
	if err != nil {
		if retryable(err) {
			err = fmt.Errorf("%w\n\nRun apply again: the provider looks %s up by name before ordering, so a retry never registers it twice", err, name)
		}
		addAPIError(&resp.Diagnostics, objectSummary("register", "domain", name), err, domainFields)
		return
	}
	// The order exists from here on: keep its handle in state before waiting,
	// so an interrupted apply never loses (or re-orders) it.
	plan.ID = types.StringValue(name)
	plan.Handle = types.StringValue(domain.Handle)
	plan.Status = types.StringValue(domain.Status)
	plan.ZoneHandle = optionalString(domain.ZoneHandle)
	plan.CreatedAt = types.StringValue(domain.Created)
	plan.ExpiresAt = types.StringValue(domain.Expires)
	plan.AuthCode = types.StringValue(domain.AuthInfo)
	if plan.NameServers.IsUnknown() {
		plan.NameServers = types.ListNull(types.StringType)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)

	domain, err = waitWhilePending(ctx, nb.Client, user, domain)
	if err != nil {
		resp.Diagnostics.AddWarning("Domain registration still pending",
			fmt.Sprintf("%s was ordered (handle %s) but is still pending: %v. It is saved in the state; the next apply or refresh picks it up without ordering again.", name, domain.Handle, err))
		return
	}
	if plan.HostedDNS.ValueBool() {
		r.applyZoneSettings(ctx, nb, user, domain.ZoneHandle, name, plan, domainModel{DNSSEC: types.BoolValue(false), ZoneTTL: types.Int64Null()}, &resp.Diagnostics)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	r.readInto(ctx, nb, user, domain.Handle, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// order registers the domain unless this account already holds it. A domain
// already there with the planned registrant is this configuration's earlier
// order whose answer was lost: adopt it rather than order again.
func (r *domainResource) order(ctx context.Context, nb *providerdata.Namebay, user string, plan domainModel) (*namebay.Domain, error) {
	name := plan.Name.ValueString()
	adopt := func(d *namebay.Domain) (*namebay.Domain, error) {
		contacts, err := nb.Client.GetDomainContacts(ctx, user, d.Handle)
		if err != nil {
			return nil, err
		}
		if registrant := contactOfType(contacts, "O"); registrant != plan.RegistrantContact.ValueString() {
			return nil, fmt.Errorf("%s is already registered in this account (handle %s) with registrant %s; import it with: terraform import <address> %s", name, d.Handle, registrant, importID(plan.ClientAccount, name))
		}
		tflog.Info(ctx, "adopting a domain this configuration already ordered", map[string]any{"domain": name, "handle": d.Handle})
		return d, nil
	}

	if existing, err := nb.Client.FindDomain(ctx, user, name); err != nil {
		return nil, err
	} else if existing != nil {
		return adopt(existing)
	}

	order := namebay.CreateDomain{
		DomainName:          name,
		Period:              plan.Period.ValueInt64(),
		RegistrantContactId: plan.RegistrantContact.ValueString(),
		AdminContactId:      plan.AdminContact.ValueString(),
		TechContactId:       plan.TechContact.ValueString(),
		BillingContactId:    plan.BillingContact.ValueString(),
		UseNamebayDns:       plan.HostedDNS.ValueBool(),
		AutoRenew:           plan.AutoRenew.ValueBool(),
		HasAnonymousWhois:   plan.WhoisPrivacy.ValueBool(),
		Protect:             plan.TransferLock.ValueBool(),
	}
	if !plan.HostedDNS.ValueBool() {
		for _, ns := range stringList(plan.NameServers) {
			order.NameServer = append(order.NameServer, namebay.NameServer{Name: ns})
		}
	}
	domain, err := nb.Client.CreateDomain(ctx, user, order)
	if err == nil || !namebay.IsAmbiguous(err) {
		return domain, err
	}
	// No answer: the order may or may not have been taken. Look before anything else.
	existing, findErr := nb.Client.FindDomain(ctx, user, name)
	if findErr != nil {
		return nil, fmt.Errorf("%w; checking whether the order went through also failed: %v. Run apply again: the provider looks the domain up before ordering", err, findErr)
	}
	if existing == nil {
		return nil, err
	}
	return adopt(existing)
}

// retryable reports whether an order failed for a passing reason: no answer,
// or the partner busy or failing (5xx, 429).
func retryable(err error) bool {
	var apiErr *namebay.APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode >= 500 || apiErr.StatusCode == http.StatusTooManyRequests
	}
	return namebay.IsAmbiguous(err)
}

func importID(clientAccount types.String, name string) string {
	if known(clientAccount) {
		return clientAccount.ValueString() + "/" + name
	}
	return name
}

func contactOfType(contacts []namebay.DomainContact, typ string) string {
	for _, c := range contacts {
		if c.Type == typ {
			return c.Handle
		}
	}
	return ""
}

// waitWhilePending polls until the registration leaves the pending state.
func waitWhilePending(ctx context.Context, client *namebay.Client, user string, d *namebay.Domain) (*namebay.Domain, error) {
	delay := 100 * time.Millisecond
	for d.Status == "pending" {
		select {
		case <-ctx.Done():
			return d, fmt.Errorf("timed out waiting for the registry: %w", ctx.Err())
		case <-time.After(delay):
		}
		next, err := client.GetDomain(ctx, user, d.Handle)
		if err != nil {
			return d, err
		}
		d = next
		delay = min(delay*2, 5*time.Second)
	}
	return d, nil
}

// applyZoneSettings brings the hosted zone's DNSSEC and TTL to the plan.
func (r *domainResource) applyZoneSettings(ctx context.Context, nb *providerdata.Namebay, user, zoneHandle, name string, plan, state domainModel, diags *diag.Diagnostics) {
	if zoneHandle == "" {
		diags.AddError(objectSummary("configure", "the zone of", name), "The domain has hosted DNS but Namebay reports no zone for it.")
		return
	}
	if plan.DNSSEC.ValueBool() != state.DNSSEC.ValueBool() {
		if err := setDnssec(ctx, nb.Client, user, zoneHandle, plan.DNSSEC.ValueBool()); err != nil {
			addAPIError(diags, objectSummary("set DNSSEC on", "zone", name), err, nil)
		}
	}
	if ttl := plan.ZoneTTL.ValueInt64(); !state.ZoneTTL.Equal(plan.ZoneTTL) {
		if _, err := nb.Client.UpdateZoneTTL(ctx, user, zoneHandle, name, ttl); err != nil {
			addAPIError(diags, objectSummary("set the TTL of", "zone", name), err, domainFields)
		}
	}
}

// setDnssec asks for DNSSEC on or off. The registry refuses a change while
// the previous one is in progress, so it waits for that one first.
func setDnssec(ctx context.Context, client *namebay.Client, user, zoneHandle string, enabled bool) error {
	delay := 100 * time.Millisecond
	for {
		current, err := client.GetDnssec(ctx, user, zoneHandle)
		if err != nil {
			return err
		}
		if current.Status != namebay.DnssecEnableInProgress && current.Status != namebay.DnssecDisableInProgress {
			break
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("timed out waiting for the DNSSEC change in progress (%s) to finish: %w", current.Status, ctx.Err())
		case <-time.After(delay):
		}
		delay = min(delay*2, 5*time.Second)
	}
	_, err := client.SetDnssec(ctx, user, zoneHandle, enabled)
	return err
}

func (r *domainResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state domainModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_domain", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(state.ClientAccount, nb)
	handle := state.Handle.ValueString()
	if handle == "" { // just imported by name
		d, err := nb.Client.FindDomain(ctx, user, state.Name.ValueString())
		if err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("find", "domain", state.Name.ValueString()), err, nil)
			return
		}
		if d == nil {
			resp.Diagnostics.AddError("Domain not found",
				fmt.Sprintf("No domain %s in the account%s.", state.Name.ValueString(), forAccount(user)))
			return
		}
		handle = d.Handle
	}
	if !r.readInto(ctx, nb, user, handle, &state, &resp.Diagnostics) {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func forAccount(user string) string {
	if user == "" {
		return ""
	}
	return " of client " + user
}

// readInto refreshes m from the API. It reports false when the domain is gone.
func (r *domainResource) readInto(ctx context.Context, nb *providerdata.Namebay, user, handle string, m *domainModel, diags *diag.Diagnostics) bool {
	d, err := nb.Client.GetDomain(ctx, user, handle)
	if namebay.IsNotFound(err) {
		return false
	}
	if err != nil {
		addAPIError(diags, objectSummary("read", "domain", m.Name.ValueString()), err, nil)
		return true
	}
	m.ID = types.StringValue(d.Name)
	m.Name = types.StringValue(d.Name)
	m.Handle = types.StringValue(d.Handle)
	m.Status = types.StringValue(d.Status)
	m.CreatedAt = types.StringValue(d.Created)
	m.ExpiresAt = types.StringValue(d.Expires)
	m.AuthCode = types.StringValue(d.AuthInfo)
	m.AutoRenew = types.BoolValue(d.AutoRenew)
	m.WhoisPrivacy = types.BoolValue(d.HasAnonymousWhois)
	if d.Status != "pending" && d.Status != "expired" {
		m.TransferLock = types.BoolValue(d.Status == "protected")
	} else if m.TransferLock.IsNull() {
		m.TransferLock = types.BoolValue(true)
	}
	if d.Status == "expired" {
		diags.AddWarning("Domain expired",
			fmt.Sprintf("%s expired on %s and auto-renew is off. Renew it in the storefront (or set auto_renew = true before it is released) to keep it.", d.Name, d.Expires))
	}
	if m.Period.IsNull() || m.Period.IsUnknown() {
		m.Period = types.Int64Value(1)
	}
	if m.DeletionProtection.IsNull() {
		m.DeletionProtection = types.BoolValue(false)
	}
	if m.OnDestroy.IsNull() {
		m.OnDestroy = types.StringValue(onDestroyAbandon)
	}

	contacts, err := nb.Client.GetDomainContacts(ctx, user, d.Handle)
	if err != nil {
		addAPIError(diags, objectSummary("read the contacts of", "domain", d.Name), err, nil)
		return true
	}
	m.RegistrantContact = types.StringValue(contactOfType(contacts, "O"))
	m.AdminContact = types.StringValue(contactOfType(contacts, "A"))
	m.TechContact = types.StringValue(contactOfType(contacts, "T"))
	m.BillingContact = types.StringValue(contactOfType(contacts, "B"))

	servers, err := nb.Client.GetNameServers(ctx, user, d.Handle)
	if err != nil {
		addAPIError(diags, objectSummary("read the name servers of", "domain", d.Name), err, nil)
		return true
	}
	names := make([]string, 0, len(servers))
	for _, s := range servers {
		names = append(names, strings.TrimSuffix(strings.ToLower(s.Name), "."))
	}
	m.NameServers, _ = types.ListValueFrom(ctx, types.StringType, names)
	m.HostedDNS = types.BoolValue(d.UseNamebayDns)

	// A zone Namebay keeps for a domain served elsewhere is not this domain's DNS.
	m.ZoneHandle = types.StringNull()
	if d.UseNamebayDns {
		m.ZoneHandle = optionalString(d.ZoneHandle)
	}
	m.DNSSEC = types.BoolValue(false)
	m.ZoneTTL = types.Int64Value(defaultZoneTTL)
	if d.UseNamebayDns && d.ZoneHandle != "" {
		zone, err := nb.Client.GetZone(ctx, user, d.ZoneHandle)
		if err != nil {
			addAPIError(diags, objectSummary("read the zone of", "domain", d.Name), err, nil)
			return true
		}
		m.ZoneTTL = types.Int64Value(zone.Ttl)
		dnssec, err := nb.Client.GetDnssec(ctx, user, d.ZoneHandle)
		if err != nil {
			addAPIError(diags, objectSummary("read DNSSEC of", "domain", d.Name), err, nil)
			return true
		}
		m.DNSSEC = types.BoolValue(dnssec.Enabled)
	}
	return true
}

func (r *domainResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state domainModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_domain", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, 15*time.Minute)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	user := base.ClientAccount(plan.ClientAccount, nb)
	handle := state.Handle.ValueString()
	name := state.Name.ValueString()
	fail := func(what string, err error) bool {
		if err != nil {
			addAPIError(&resp.Diagnostics, objectSummary(what, "domain", name), err, domainFields)
		}
		return err != nil
	}

	if plan.RegistrantContact.ValueString() != state.RegistrantContact.ValueString() {
		err := writeErr(nb.Client.TradeDomain(ctx, user, handle, plan.RegistrantContact.ValueString()))
		if retryable(err) {
			err = fmt.Errorf("%w\n\nRun apply again: the refresh reads the registrant back first, so a trade that went through is not ordered twice", err)
		}
		if fail("change the registrant (trade) of", err) {
			return
		}
	}
	if !known(plan.TechContact) {
		plan.TechContact = state.TechContact
	}
	if !known(plan.BillingContact) {
		plan.BillingContact = state.BillingContact
	}
	var roles []namebay.DomainContact
	if plan.TechContact.ValueString() != state.TechContact.ValueString() {
		roles = append(roles, namebay.DomainContact{Handle: plan.TechContact.ValueString(), Type: "T"})
	}
	if plan.BillingContact.ValueString() != state.BillingContact.ValueString() {
		roles = append(roles, namebay.DomainContact{Handle: plan.BillingContact.ValueString(), Type: "B"})
	}
	if len(roles) > 0 && fail("change the contacts of", writeErr(nb.Client.SetDomainContacts(ctx, user, handle, roles))) {
		return
	}

	var upd namebay.UpdateDomain
	changed := false
	if !plan.TransferLock.Equal(state.TransferLock) {
		status := "unprotect"
		if plan.TransferLock.ValueBool() {
			status = "protect"
		}
		upd.Status, changed = &status, true
	}
	if !plan.AutoRenew.Equal(state.AutoRenew) {
		v := plan.AutoRenew.ValueBool()
		upd.AutoRenew, changed = &v, true
	}
	if !plan.WhoisPrivacy.Equal(state.WhoisPrivacy) {
		v := plan.WhoisPrivacy.ValueBool()
		upd.HasAnonymousWhois, changed = &v, true
	}
	if changed && fail("update", writeErr(nb.Client.UpdateDomain(ctx, user, handle, upd))) {
		return
	}

	zoneHandle := state.ZoneHandle.ValueString()
	hosted := plan.HostedDNS.ValueBool()
	switch {
	case hosted && !state.HostedDNS.ValueBool():
		if fail("move to hosted DNS", writeErr(nb.Client.SetNameServers(ctx, user, handle, nameServerList(hostedNameServers)))) {
			return
		}
		zone, err := nb.Client.FindZone(ctx, user, name)
		if err == nil && zone == nil {
			zone, err = nb.Client.CreateZone(ctx, user, name)
		}
		if fail("create the hosted zone of", err) {
			return
		}
		zoneHandle = zone.Handle
		state.DNSSEC, state.ZoneTTL = types.BoolValue(false), types.Int64Value(zone.Ttl)
	case !hosted:
		want := stringList(plan.NameServers)
		if !slices.Equal(want, stringList(state.NameServers)) || state.HostedDNS.ValueBool() {
			// A DS record left at the registry would point resolvers at keys
			// the new name servers do not serve: unsign before moving away.
			if state.HostedDNS.ValueBool() && state.DNSSEC.ValueBool() && zoneHandle != "" {
				if fail("turn DNSSEC off before moving the name servers of", setDnssec(ctx, nb.Client, user, zoneHandle, false)) {
					return
				}
			}
			if fail("set the name servers of", writeErr(nb.Client.SetNameServers(ctx, user, handle, nameServerList(want)))) {
				return
			}
		}
	}
	if hosted {
		r.applyZoneSettings(ctx, nb, user, zoneHandle, name, plan, state, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
	}

	if !r.readInto(ctx, nb, user, handle, &plan, &resp.Diagnostics) {
		resp.Diagnostics.AddError("Domain disappeared", fmt.Sprintf("%s was deleted while it was being updated.", name))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// writeErr keeps the error of a change call: Namebay applies it before
// answering, so the tickets it returns need no follow-up.
func writeErr(_ []namebay.Ticket, err error) error { return err }

func nameServerList(names []string) []namebay.NameServer {
	out := make([]namebay.NameServer, len(names))
	for i, n := range names {
		out[i] = namebay.NameServer{Name: n}
	}
	return out
}

func stringList(l types.List) []string {
	if l.IsNull() || l.IsUnknown() {
		return nil
	}
	out := make([]string, 0, len(l.Elements()))
	for _, e := range l.Elements() {
		if s, ok := e.(types.String); ok {
			out = append(out, s.ValueString())
		}
	}
	return out
}

func (r *domainResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state domainModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_domain", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	name := state.Name.ValueString()
	if state.DeletionProtection.ValueBool() {
		resp.Diagnostics.AddError("Domain is protected from deletion",
			fmt.Sprintf("%s has deletion_protection = true. Set it to false and apply before destroying.", name))
		return
	}
	user := base.ClientAccount(state.ClientAccount, nb)
	handle := state.Handle.ValueString()

	switch state.OnDestroy.ValueString() {
	case onDestroyKeep:
		resp.Diagnostics.AddWarning("Domain kept", fmt.Sprintf("%s is no longer managed by Terraform but stays registered, auto-renew unchanged (on_destroy = \"keep\").", name))
	case onDestroyDelete:
		if state.TransferLock.ValueBool() {
			status := "unprotect"
			_, err := nb.Client.UpdateDomain(ctx, user, handle, namebay.UpdateDomain{Status: &status})
			if err != nil && !namebay.IsNotFound(err) {
				addAPIError(&resp.Diagnostics, objectSummary("unlock before deleting", "domain", name), err, nil)
				return
			}
		}
		err := nb.Client.DeleteDomain(ctx, user, handle)
		if err != nil && !namebay.IsNotFound(err) {
			addAPIError(&resp.Diagnostics, objectSummary("delete", "domain", name), err, nil)
		}
	default:
		off := false
		_, err := nb.Client.UpdateDomain(ctx, user, handle, namebay.UpdateDomain{AutoRenew: &off})
		if err != nil && !namebay.IsNotFound(err) {
			addAPIError(&resp.Diagnostics, objectSummary("turn auto-renew off for", "domain", name), err, nil)
			return
		}
		resp.Diagnostics.AddWarning("Domain abandoned, not deleted",
			fmt.Sprintf("%s stays registered in the account until %s; auto-renew is now off and Terraform no longer manages it. Set on_destroy = \"delete\" to delete a domain at the registry.", name, state.ExpiresAt.ValueString()))
	}
}

func (r *domainResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := base.ParseImportID(req.ID, "name", "client_account/name")
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), parts["name"])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts["name"])...)
	if acct, ok := parts["client_account"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("client_account"), acct)...)
	}
}
