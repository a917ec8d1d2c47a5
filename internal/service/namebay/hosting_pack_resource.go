package namebay

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapdefault"
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

type hostingPackResource struct{ base.Resource }

func newHostingPackResource() resource.Resource {
	return &hostingPackResource{base.Resource{Name: "hosting_pack"}}
}

var (
	_ resource.ResourceWithImportState = (*hostingPackResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*hostingPackResource)(nil)
)

type hostingPackModel struct {
	ID                 types.String   `tfsdk:"id"`
	ClientAccount      types.String   `tfsdk:"client_account"`
	Domain             types.String   `tfsdk:"domain"`
	Offer              types.String   `tfsdk:"offer"`
	Period             types.Int64    `tfsdk:"period"`
	Renewals           types.Int64    `tfsdk:"renewals"`
	AutoRenew          types.Bool     `tfsdk:"auto_renew"`
	AdminContact       types.String   `tfsdk:"admin_contact"`
	BillingContact     types.String   `tfsdk:"billing_contact"`
	PHPVersion         types.String   `tfsdk:"php_version"`
	Statistics         types.Bool     `tfsdk:"statistics"`
	Aliases            types.Map      `tfsdk:"aliases"`
	DeletionProtection types.Bool     `tfsdk:"deletion_protection"`
	OnDestroy          types.String   `tfsdk:"on_destroy"`
	Handle             types.String   `tfsdk:"handle"`
	Status             types.String   `tfsdk:"status"`
	CreatedAt          types.String   `tfsdk:"created_at"`
	ExpiresAt          types.String   `tfsdk:"expires_at"`
	FTPHost            types.String   `tfsdk:"ftp_host"`
	DiskQuotaMB        types.Int64    `tfsdk:"disk_quota_mb"`
	DiskUsedMB         types.Int64    `tfsdk:"disk_used_mb"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

var hostingPackFields = fieldPaths{
	"ProductId":      path.Root("offer"),
	"Domain":         path.Root("domain"),
	"Period":         path.Root("period"),
	"AdminContact":   path.Root("admin_contact"),
	"BillingContact": path.Root("billing_contact"),
	"FrameWork":      path.Root("php_version"),
	"Path":           path.Root("aliases"),
}

func (r *hostingPackResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Namebay web hosting pack for a domain, with its PHP version, statistics and aliases. " +
			"Ordering, upgrading and renewing are paid: the provider looks the pack up by domain before ordering, so a retried " +
			"apply never orders it twice, and the plan warns with the price of an upgrade or a renewal.\n\n" +
			"A new `offer` moves the pack in place: up to a larger offer at any time (the difference of the yearly prices is billed), " +
			"down to a smaller one only when the pack's FTP users, databases, aliases and disk use fit it (refused at plan otherwise; nothing is refunded).\n\n" +
			"**Destroying** never loses a website by accident. With `deletion_protection = true` a destroy fails. " +
			"Otherwise `on_destroy` decides: `abandon` (the default) turns auto-renew off and removes the pack from the state, so it keeps " +
			"serving until its expiry date; `delete` deletes the pack with its files, FTP users and databases.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The pack's domain, which identifies it.", PlanModifiers: keep,
			},
			"client_account": clientAccountAttribute("hosting pack"),
			"domain": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Domain the pack serves, in lower-case ASCII. It need not be registered through Namebay; a domain has at most one pack.",
				Validators:          []validator.String{domainName()},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"offer": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Product ID of the hosting offer (see the `reseller_hosting_offers` data source), e.g. `HOSTING-PRO`. " +
					"Changing it upgrades or downgrades the pack in place.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 64)},
			},
			"period": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(1),
				MarkdownDescription: "Years ordered at creation, and added by each renewal (see `renewals`). Within the offer's range. Default: `1`.",
				Validators:          []validator.Int64{int64validator.Between(1, 10)},
			},
			"renewals": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(0),
				MarkdownDescription: "Manual renewals made through Terraform. Raise it by one to renew the pack once for `period` years (billed); it can never decrease. Default: `0`.",
				Validators:          []validator.Int64{int64validator.AtLeast(0)},
			},
			"auto_renew": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Renew automatically for a year at expiry (each renewal is billed). Default: `true`.",
			},
			"admin_contact": schema.StringAttribute{
				Required: true, MarkdownDescription: "Handle of the administrative contact (a `reseller_contact` id).",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"billing_contact": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Handle of the billing contact. Defaults to the administrative contact.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers:       keep,
			},
			"php_version": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "PHP version the site runs, one the offer lists (e.g. `8.3`). Unset: the offer's newest at creation, then whatever the pack runs.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 16)},
				PlanModifiers:       keep,
			},
			"statistics": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Whether visit statistics are collected. Default: `false`.",
			},
			"aliases": schema.MapAttribute{
				ElementType: types.StringType, Optional: true, Computed: true,
				Default: mapdefault.StaticValue(types.MapValueMust(types.StringType, map[string]attr.Value{})),
				MarkdownDescription: "Other domains this pack serves, each mapped to the directory it serves (`/` for the site's root), e.g. " +
					"`{ \"www.example.org\" = \"/\" }`. At most the offer's alias count. Default: none.",
				Validators: []validator.Map{
					mapvalidator.KeysAre(domainName()),
					mapvalidator.ValueStringsAre(packPath("alias directory")),
				},
			},
			"deletion_protection": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "When `true`, destroying the pack fails. Default: `false`.",
			},
			"on_destroy": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(onDestroyAbandon),
				MarkdownDescription: "What destroying does: `abandon` (default) turns auto-renew off and forgets the pack, which serves until it expires; `delete` deletes it with its files, FTP users and databases.",
				Validators:          []validator.String{stringvalidator.OneOf(onDestroyAbandon, onDestroyDelete)},
			},
			"handle":     schema.StringAttribute{Computed: true, MarkdownDescription: "Namebay handle of the pack (`HO-…`).", PlanModifiers: keep},
			"status":     schema.StringAttribute{Computed: true, MarkdownDescription: "`pending` while the pack is set up, then `active`; `expired` past its expiry without auto-renew.", PlanModifiers: keep},
			"created_at": schema.StringAttribute{Computed: true, MarkdownDescription: "Order time (RFC 3339).", PlanModifiers: keep},
			"expires_at": schema.StringAttribute{Computed: true, MarkdownDescription: "End of the paid period (RFC 3339)."},
			"ftp_host":   schema.StringAttribute{Computed: true, MarkdownDescription: "FTP server of the pack.", PlanModifiers: keep},
			"disk_quota_mb": schema.Int64Attribute{
				Computed: true, MarkdownDescription: "Disk space of the offer, in MB.",
			},
			"disk_used_mb": schema.Int64Attribute{
				Computed: true, MarkdownDescription: "Disk space in use, in MB, as of the last refresh.",
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true}),
		},
	}
}

func (r *hostingPackResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	nb := base.Namebay(r.Data, "reseller_hosting_pack", &resp.Diagnostics)
	if nb == nil {
		return
	}
	var plan hostingPackModel
	var billing, php types.String
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("billing_contact"), &billing)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("php_version"), &php)...)
	var state *hostingPackModel
	if !req.State.Raw.IsNull() {
		state = &hostingPackModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if known(plan.Offer) && known(plan.Domain) {
		nb.PlannedOffers.Set(providerdata.SnapshotKey(base.ClientAccount(plan.ClientAccount, nb), plan.Domain.ValueString()), plan.Offer.ValueString())
	}
	// An unset billing contact follows the admin contact, as documented,
	// also when it is removed from a configuration that had it.
	if billing.IsNull() {
		plan.BillingContact = plan.AdminContact
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("billing_contact"), plan.AdminContact)...)
	}
	if state != nil && (!plan.Domain.Equal(state.Domain) || !plan.ClientAccount.Equal(state.ClientAccount)) {
		if state.DeletionProtection.ValueBool() {
			resp.Diagnostics.AddError("Hosting pack is protected from deletion",
				fmt.Sprintf("This plan replaces the hosting pack of %s, which has deletion_protection = true. Keep its domain and client_account, or set deletion_protection = false and apply first if you mean to replace it.", state.Domain.ValueString()))
			return
		}
		// A replacement orders a new pack: the old one's use is no concern.
		state = nil
	}

	user := base.ClientAccount(plan.ClientAccount, nb)
	all, offer := r.plannedOffer(ctx, nb, user, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	moving := state != nil && !plan.Offer.Equal(state.Offer)
	if moving && php.IsNull() && (offer == nil || !slices.Contains(offer.Php, plan.PHPVersion.ValueString())) {
		// Unset, the version is whatever the pack runs, and the API moves a
		// pack to the new offer's newest when that offer lacks its version.
		plan.PHPVersion = types.StringUnknown()
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("php_version"), plan.PHPVersion)...)
	}
	if offer != nil {
		r.checkOffer(plan, *offer, all, &resp.Diagnostics)
		if moving {
			r.checkMove(ctx, nb, user, plan, *state, all, *offer, &resp.Diagnostics)
		}
	}
	if state == nil {
		return
	}
	quota := state.DiskQuotaMB
	if moving {
		quota = types.Int64Unknown()
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("disk_quota_mb"), quota)...)
	switch {
	case plan.Renewals.IsUnknown():
	case plan.Renewals.Equal(state.Renewals):
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("expires_at"), state.ExpiresAt)...)
	default:
		r.planRenewal(plan, *state, offer, &resp.Diagnostics)
		// A renewal may bring an expired pack back.
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("status"), types.StringUnknown())...)
	}
	if !req.State.Raw.Equal(resp.Plan.Raw) && state.Status.ValueString() == namebay.HostingPending {
		// A pending pack finishes its set-up before it can change.
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("status"), types.StringUnknown())...)
	}
}

// plannedOffer reads the catalog and finds the planned offer in it. It
// refuses an offer the catalog lacks, and returns nil when the offer is not
// known yet or the catalog cannot be read (the API then judges at apply).
func (r *hostingPackResource) plannedOffer(ctx context.Context, nb *providerdata.Namebay, user string, plan hostingPackModel, diags *diag.Diagnostics) ([]namebay.HostingOffer, *namebay.HostingOffer) {
	if !known(plan.Offer) {
		return nil, nil
	}
	all, err := offers(ctx, nb, user)
	if err != nil {
		diags.AddWarning("Could not check the hosting catalog", err.Error())
		return nil, nil
	}
	offer := findOffer(all, plan.Offer.ValueString())
	if offer == nil {
		diags.AddAttributeError(path.Root("offer"), "Unknown hosting offer",
			fmt.Sprintf("%q is not in the hosting catalog of this account. Offers: %s.", plan.Offer.ValueString(), offerIDs(all)))
	}
	return all, offer
}

// checkOffer refuses, at plan, a period, PHP version or alias count the
// offer does not allow.
func (r *hostingPackResource) checkOffer(plan hostingPackModel, offer namebay.HostingOffer, all []namebay.HostingOffer, diags *diag.Diagnostics) {
	if p := plan.Period.ValueInt64(); !plan.Period.IsUnknown() && (p < offer.MinPeriod || p > offer.MaxPeriod) {
		diags.AddAttributeError(path.Root("period"), "Period out of range",
			fmt.Sprintf("The %s offer is ordered and renewed for %d to %d years; period = %d is outside that range.", offer.Name, offer.MinPeriod, offer.MaxPeriod, p))
	}
	if known(plan.PHPVersion) && !slices.Contains(offer.Php, plan.PHPVersion.ValueString()) {
		diags.AddAttributeError(path.Root("php_version"), "PHP version not offered",
			fmt.Sprintf("The %s offer runs PHP %s; %q is not one of them.", offer.Name, strings.Join(offer.Php, ", "), plan.PHPVersion.ValueString()))
	}
	if n := int64(len(plan.Aliases.Elements())); !plan.Aliases.IsUnknown() && n > offer.MaxAliases {
		hint := ""
		if up := smallestOfferAbove(all, n-1, func(o namebay.HostingOffer) int64 { return o.MaxAliases }); up != "" {
			hint = fmt.Sprintf(" The smallest offer with enough aliases is %s.", up)
		}
		diags.AddAttributeError(path.Root("aliases"), "Too many aliases",
			fmt.Sprintf("The %s offer serves at most %d aliases; %d are configured.%s", offer.Name, offer.MaxAliases, n, hint))
	}
}

// checkMove warns of the price of an upgrade, and refuses a move to a
// smaller offer the pack will not fit once this plan's aliases are made.
func (r *hostingPackResource) checkMove(ctx context.Context, nb *providerdata.Namebay, user string, plan, state hostingPackModel, all []namebay.HostingOffer, to namebay.HostingOffer, diags *diag.Diagnostics) {
	domain := state.Domain.ValueString()
	from := findOffer(all, state.Offer.ValueString())
	if from == nil || to.Rank > from.Rank {
		price := to.Price
		if from != nil {
			price -= from.Price
		}
		diags.AddAttributeWarning(path.Root("offer"), "Hosting upgrade is billed",
			fmt.Sprintf("Moving %s to the %s offer is billed %.2f %s.", domain, to.Name, price, to.Currency))
		return
	}
	handle := state.Handle.ValueString()
	pack, err := nb.Client.GetHosting(ctx, user, handle)
	if err != nil {
		diags.AddWarning("Could not check the pack's use before a downgrade", err.Error())
		return
	}
	var misfits []string
	check := func(what string, used, limit int64) {
		if used > limit {
			misfits = append(misfits, fmt.Sprintf("%d %s (the %s offer allows %d)", used, what, to.Name, limit))
		}
	}
	aliases := pack.AliasCount
	if !plan.Aliases.IsUnknown() {
		// The aliases this plan removes go before the pack moves.
		aliases = int64(len(plan.Aliases.Elements()))
	}
	check("FTP users", pack.FtpUserCount, to.MaxFtpUsers)
	check("databases", pack.DatabaseCount, to.MaxDatabases)
	check("aliases", aliases, to.MaxAliases)
	check("MB of disk in use", pack.DiskUsedMb, to.DiskQuotaMb)
	if pack.DatabaseCount > 0 {
		dbs, err := nb.Client.ListDatabases(ctx, user, handle)
		if err != nil {
			diags.AddWarning("Could not check the pack's databases before a downgrade", err.Error())
		}
		for _, db := range dbs {
			if db.MaxSize > to.DatabaseMaxSizeMb {
				misfits = append(misfits, fmt.Sprintf("database %s with size_limit_mb %d (the %s offer allows %d)", db.Name, db.MaxSize, to.Name, to.DatabaseMaxSizeMb))
			}
		}
	}
	if len(misfits) > 0 {
		diags.AddAttributeError(path.Root("offer"), "Downgrade not possible",
			fmt.Sprintf("The pack of %s cannot move from %s down to %s: it has %s. Remove what does not fit first, or keep offer = %q.",
				domain, from.Name, to.Name, strings.Join(misfits, ", "), from.ProductId))
		return
	}
	diags.AddAttributeWarning(path.Root("offer"), "Hosting downgrade",
		fmt.Sprintf("Moving %s down from %s to %s is not refunded.", domain, from.Name, to.Name))
}

func (r *hostingPackResource) planRenewal(plan, state hostingPackModel, offer *namebay.HostingOffer, diags *diag.Diagnostics) {
	delta := plan.Renewals.ValueInt64() - state.Renewals.ValueInt64()
	if delta < 0 {
		diags.AddAttributeError(path.Root("renewals"), "Renewals cannot decrease",
			fmt.Sprintf("renewals counts the renewals already made (%d); a renewal cannot be undone. Set it back to %d.", state.Renewals.ValueInt64(), state.Renewals.ValueInt64()))
		return
	}
	price := ""
	if offer != nil {
		price = fmt.Sprintf(", billed %.2f %s", offer.Price*float64(plan.Period.ValueInt64()*delta), offer.Currency)
	}
	diags.AddAttributeWarning(path.Root("renewals"), "Hosting renewal is billed",
		fmt.Sprintf("Applying renews the pack of %s %d time(s) for %d year(s)%s.", plan.Domain.ValueString(), delta, plan.Period.ValueInt64(), price))
}

func (r *hostingPackResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan hostingPackModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	nb := base.Namebay(r.Data, "reseller_hosting_pack", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, 15*time.Minute)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	user := base.ClientAccount(plan.ClientAccount, nb)
	domain := plan.Domain.ValueString()
	if !known(plan.BillingContact) {
		plan.BillingContact = plan.AdminContact
	}
	pack, err := r.order(ctx, nb, user, plan)
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("order", "the hosting pack of", domain), err, hostingPackFields)
		return
	}
	defer nb.Packs.Invalidate(providerdata.SnapshotKey(user, domain))
	// The order exists from here on: keep it in state before waiting, so an
	// interrupted apply never loses (or orders again) the pack.
	wanted := plan
	setHostingComputed(&plan, pack)
	if plan.PHPVersion.IsUnknown() {
		plan.PHPVersion = types.StringValue(pack.FrameWork.Version)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)

	pack, err = waitWhileHostingPending(ctx, nb.Client, user, pack)
	if err != nil {
		resp.Diagnostics.AddWarning("Hosting pack still being set up",
			fmt.Sprintf("The pack of %s was ordered (handle %s) but is still pending: %v. It is saved in the state; the next apply finishes its settings without ordering again.", domain, pack.Handle, err))
		return
	}
	// Make the settings the order does not carry, from what the pack has
	// now: an adopted order may have some of them already.
	current := plan
	if !r.readInto(ctx, nb, user, pack.Handle, &current, &resp.Diagnostics) {
		resp.Diagnostics.AddError("Hosting pack disappeared", fmt.Sprintf("The hosting pack of %s was deleted while it was being set up.", domain))
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	want, have := stringMap(wanted.Aliases), stringMap(current.Aliases)
	if !r.editSettings(ctx, nb, user, pack, wanted, current, &resp.Diagnostics) ||
		!r.dropAliases(ctx, nb, user, pack, want, have, &resp.Diagnostics) ||
		!r.addAliases(ctx, nb, user, pack, want, have, &resp.Diagnostics) {
		return
	}
	r.readInto(ctx, nb, user, pack.Handle, &plan, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// order buys the pack unless this account already has one for the domain. A
// pack already there with the planned offer and administrative contact is
// this configuration's earlier order whose answer was lost: adopt it rather
// than buy again. Any other is someone else's, to be imported.
func (r *hostingPackResource) order(ctx context.Context, nb *providerdata.Namebay, user string, plan hostingPackModel) (*namebay.Hosting, error) {
	domain := plan.Domain.ValueString()
	adopt := func(h *namebay.Hosting) (*namebay.Hosting, error) {
		if h.ProductId != plan.Offer.ValueString() || h.AdminContact.Handle != plan.AdminContact.ValueString() {
			return nil, fmt.Errorf("%s already has a hosting pack in this account (handle %s, offer %s, admin contact %s); import it with: terraform import <address> %s",
				domain, h.Handle, h.ProductId, h.AdminContact.Handle, importID(plan.ClientAccount, domain))
		}
		tflog.Info(ctx, "adopting a hosting pack this configuration already ordered", map[string]any{"domain": domain, "handle": h.Handle})
		return h, nil
	}
	if existing, err := nb.Client.FindHosting(ctx, user, domain); err != nil {
		return nil, err
	} else if existing != nil {
		return adopt(existing)
	}
	pack, err := nb.Client.CreateHosting(ctx, user, namebay.NewHosting{
		ProductId:      plan.Offer.ValueString(),
		Domain:         domain,
		Period:         plan.Period.ValueInt64(),
		AutoRenew:      plan.AutoRenew.ValueBool(),
		AdminContact:   namebay.HandleRef{Handle: plan.AdminContact.ValueString()},
		BillingContact: namebay.HandleRef{Handle: plan.BillingContact.ValueString()},
	})
	if err == nil || !namebay.IsAmbiguous(err) {
		return pack, err
	}
	// No answer: the order may or may not have been taken. Look before anything else.
	existing, findErr := nb.Client.FindHosting(ctx, user, domain)
	if findErr != nil {
		return nil, fmt.Errorf("%w; checking whether the order went through also failed: %v. Run apply again: the provider looks the pack up before ordering", err, findErr)
	}
	if existing == nil {
		return nil, err
	}
	return adopt(existing)
}

// waitWhileHostingPending polls until the pack is set up.
func waitWhileHostingPending(ctx context.Context, client *namebay.Client, user string, h *namebay.Hosting) (*namebay.Hosting, error) {
	delay := 100 * time.Millisecond
	for h.Status == namebay.HostingPending {
		select {
		case <-ctx.Done():
			return h, fmt.Errorf("timed out waiting for the set-up: %w", ctx.Err())
		case <-time.After(delay):
		}
		next, err := client.GetHosting(ctx, user, h.Handle)
		if err != nil {
			return h, err
		}
		h = next
		delay = min(delay*2, 5*time.Second)
	}
	return h, nil
}

// editSettings brings contacts, PHP, statistics and auto-renew from current
// to plan in one call. It reports whether it succeeded.
func (r *hostingPackResource) editSettings(ctx context.Context, nb *providerdata.Namebay, user string, pack *namebay.Hosting, plan, current hostingPackModel, diags *diag.Diagnostics) bool {
	var edit namebay.EditHosting
	changed := false
	if known(plan.AdminContact) && plan.AdminContact.ValueString() != current.AdminContact.ValueString() {
		edit.AdminContact, changed = &namebay.HandleRef{Handle: plan.AdminContact.ValueString()}, true
	}
	if known(plan.BillingContact) && plan.BillingContact.ValueString() != current.BillingContact.ValueString() {
		edit.BillingContact, changed = &namebay.HandleRef{Handle: plan.BillingContact.ValueString()}, true
	}
	if known(plan.PHPVersion) && plan.PHPVersion.ValueString() != pack.FrameWork.Version {
		edit.FrameWork, changed = &namebay.FrameWork{Type: "PHP", Version: plan.PHPVersion.ValueString()}, true
	}
	if plan.Statistics.ValueBool() != pack.HasStats {
		v := plan.Statistics.ValueBool()
		edit.HasStats, changed = &v, true
	}
	if plan.AutoRenew.ValueBool() != pack.AutoRenew {
		v := plan.AutoRenew.ValueBool()
		edit.AutoRenew, changed = &v, true
	}
	if !changed {
		return true
	}
	if _, err := nb.Client.UpdateHosting(ctx, user, pack.Handle, edit); err != nil {
		addAPIError(diags, objectSummary("update", "the hosting pack of", pack.Domain), err, hostingPackFields)
		return false
	}
	return true
}

// dropAliases removes the aliases of have that want lacks or serves from
// another directory. It reports whether it succeeded.
func (r *hostingPackResource) dropAliases(ctx context.Context, nb *providerdata.Namebay, user string, pack *namebay.Hosting, want, have map[string]string, diags *diag.Diagnostics) bool {
	for _, alias := range sortedKeys(have) {
		if dir, ok := want[alias]; ok && dir == have[alias] {
			continue
		}
		if err := nb.Client.DeleteHostingAlias(ctx, user, pack.Handle, alias); err != nil && !namebay.IsNotFound(err) {
			addAPIError(diags, objectSummary("remove the alias "+alias+" from", "the hosting pack of", pack.Domain), err, nil)
			return false
		}
	}
	return true
}

// addAliases adds the aliases of want that have lacks or serves from
// another directory (dropAliases removed those first). It reports whether
// it succeeded.
func (r *hostingPackResource) addAliases(ctx context.Context, nb *providerdata.Namebay, user string, pack *namebay.Hosting, want, have map[string]string, diags *diag.Diagnostics) bool {
	for _, alias := range sortedKeys(want) {
		if dir, ok := have[alias]; ok && dir == want[alias] {
			continue
		}
		_, err := nb.Client.AddHostingAlias(ctx, user, pack.Handle, namebay.HostingAlias{Domain: alias, Path: want[alias]})
		if err != nil {
			err = quotaError(ctx, nb, user, pack, "aliases", func(o namebay.HostingOffer) int64 { return o.MaxAliases }, err)
			addAPIError(diags, objectSummary("add the alias "+alias+" to", "the hosting pack of", pack.Domain), err, hostingPackFields)
			return false
		}
	}
	return true
}

func stringMap(m types.Map) map[string]string {
	out := map[string]string{}
	if m.IsNull() || m.IsUnknown() {
		return out
	}
	for k, v := range m.Elements() {
		if s, ok := v.(types.String); ok {
			out[k] = s.ValueString()
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func setHostingComputed(m *hostingPackModel, h *namebay.Hosting) {
	m.ID = types.StringValue(h.Domain)
	m.Domain = types.StringValue(h.Domain)
	m.Handle = types.StringValue(h.Handle)
	m.Status = types.StringValue(h.Status)
	m.CreatedAt = types.StringValue(h.Created)
	m.ExpiresAt = types.StringValue(h.Expires)
	m.FTPHost = types.StringValue(h.FtpHost)
	m.DiskQuotaMB = types.Int64Value(h.DiskQuotaMb)
	m.DiskUsedMB = types.Int64Value(h.DiskUsedMb)
}

func (r *hostingPackResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state hostingPackModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_hosting_pack", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(state.ClientAccount, nb)
	handle := state.Handle.ValueString()
	if handle == "" { // just imported by domain
		h, err := nb.Client.FindHosting(ctx, user, state.Domain.ValueString())
		if err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("find", "the hosting pack of", state.Domain.ValueString()), err, nil)
			return
		}
		if h == nil {
			resp.Diagnostics.AddError("Hosting pack not found",
				fmt.Sprintf("No hosting pack for %s in the account%s.", state.Domain.ValueString(), forAccount(user)))
			return
		}
		handle = h.Handle
	}
	if !r.readInto(ctx, nb, user, handle, &state, &resp.Diagnostics) {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// readInto refreshes m from the API. It reports false when the pack is gone.
func (r *hostingPackResource) readInto(ctx context.Context, nb *providerdata.Namebay, user, handle string, m *hostingPackModel, diags *diag.Diagnostics) bool {
	h, err := nb.Client.GetHosting(ctx, user, handle)
	if namebay.IsNotFound(err) {
		return false
	}
	if err != nil {
		addAPIError(diags, objectSummary("read", "the hosting pack of", m.Domain.ValueString()), err, nil)
		return true
	}
	setHostingComputed(m, h)
	m.Offer = types.StringValue(h.ProductId)
	m.AutoRenew = types.BoolValue(h.AutoRenew)
	m.Statistics = types.BoolValue(h.HasStats)
	m.PHPVersion = types.StringValue(h.FrameWork.Version)
	m.AdminContact = types.StringValue(h.AdminContact.Handle)
	m.BillingContact = types.StringValue(h.BillingContact.Handle)
	if m.Period.IsNull() || m.Period.IsUnknown() {
		m.Period = types.Int64Value(1)
	}
	if m.Renewals.IsNull() || m.Renewals.IsUnknown() {
		m.Renewals = types.Int64Value(0)
	}
	if m.DeletionProtection.IsNull() {
		m.DeletionProtection = types.BoolValue(false)
	}
	if m.OnDestroy.IsNull() {
		m.OnDestroy = types.StringValue(onDestroyAbandon)
	}
	if h.Status == namebay.HostingExpired {
		diags.AddWarning("Hosting pack expired",
			fmt.Sprintf("The hosting pack of %s expired on %s and auto-renew was off. Raise renewals by one to renew it for period years (billed); auto-renew alone does not bring it back.", h.Domain, h.Expires))
	}
	if h.Status == namebay.HostingPending {
		// Nothing can be added to a pack being set up, and the API refuses
		// to list its aliases until it is active.
		m.Aliases = types.MapValueMust(types.StringType, map[string]attr.Value{})
		return true
	}
	aliases, err := nb.Client.ListHostingAliases(ctx, user, h.Handle)
	if err != nil {
		addAPIError(diags, objectSummary("read the aliases of", "the hosting pack of", h.Domain), err, nil)
		return true
	}
	elems := make(map[string]attr.Value, len(aliases))
	for _, a := range aliases {
		elems[a.Domain] = types.StringValue(a.Path)
	}
	m.Aliases = types.MapValueMust(types.StringType, elems)
	return true
}

func (r *hostingPackResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state hostingPackModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_hosting_pack", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, 15*time.Minute)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	user := base.ClientAccount(plan.ClientAccount, nb)
	handle := state.Handle.ValueString()
	domain := state.Domain.ValueString()
	pack, err := nb.Client.GetHosting(ctx, user, handle)
	if err == nil {
		pack, err = waitWhileHostingPending(ctx, nb.Client, user, pack)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("read", "the hosting pack of", domain), err, nil)
		return
	}

	// Aliases go before the offer changes, so a pack moving down fits the
	// smaller offer; they come after, so a pack moving up has room for them.
	want, have := stringMap(plan.Aliases), stringMap(state.Aliases)
	if !r.dropAliases(ctx, nb, user, pack, want, have, &resp.Diagnostics) {
		return
	}
	if plan.Offer.ValueString() != pack.ProductId {
		if pack, err = r.changeOffer(ctx, nb, user, pack, plan.Offer.ValueString()); err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("change the offer of", "the hosting pack of", domain), err, hostingPackFields)
			return
		}
	}
	for n := state.Renewals.ValueInt64(); n < plan.Renewals.ValueInt64(); n++ {
		if pack, err = r.renew(ctx, nb, user, pack, plan.Period.ValueInt64()); err != nil {
			addAPIError(&resp.Diagnostics, objectSummary("renew", "the hosting pack of", domain), err, hostingPackFields)
			// Keep the renewals that went through, so none is bought twice.
			resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("renewals"), types.Int64Value(n))...)
			return
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("renewals"), types.Int64Value(n+1))...)
	}
	if !r.editSettings(ctx, nb, user, pack, plan, state, &resp.Diagnostics) ||
		!r.addAliases(ctx, nb, user, pack, want, have, &resp.Diagnostics) {
		return
	}
	if !r.readInto(ctx, nb, user, handle, &plan, &resp.Diagnostics) {
		resp.Diagnostics.AddError("Hosting pack disappeared", fmt.Sprintf("The hosting pack of %s was deleted while it was being updated.", domain))
		return
	}
	// Disk use is the figure of the last refresh: databases destroyed earlier
	// in the same apply may have changed it, and the next refresh shows that.
	plan.DiskUsedMB = state.DiskUsedMB
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// changeOffer moves the pack to productID. The call is paid and never
// repeated: after a lost answer the pack is read to learn whether it moved.
func (r *hostingPackResource) changeOffer(ctx context.Context, nb *providerdata.Namebay, user string, pack *namebay.Hosting, productID string) (*namebay.Hosting, error) {
	moved, err := nb.Client.UpgradeHosting(ctx, user, pack.Handle, productID)
	if err == nil || !namebay.IsAmbiguous(err) {
		return moved, err
	}
	now, readErr := nb.Client.GetHosting(ctx, user, pack.Handle)
	if readErr != nil || now.ProductId != productID {
		return nil, fmt.Errorf("%w; the pack is still on %s: run apply again", err, pack.ProductId)
	}
	return now, nil
}

// renew adds period years. The call is paid and never repeated: after a lost
// answer the pack is read to learn whether its expiry moved.
func (r *hostingPackResource) renew(ctx context.Context, nb *providerdata.Namebay, user string, pack *namebay.Hosting, period int64) (*namebay.Hosting, error) {
	renewed, err := nb.Client.RenewHosting(ctx, user, pack.Handle, period)
	if err == nil || !namebay.IsAmbiguous(err) {
		return renewed, err
	}
	now, readErr := nb.Client.GetHosting(ctx, user, pack.Handle)
	if readErr != nil {
		return nil, fmt.Errorf("%w; whether the renewal went through is unknown (%v): check the pack's expiry before applying again", err, readErr)
	}
	if now.Expires != pack.Expires {
		return now, nil
	}
	return nil, err
}

func (r *hostingPackResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state hostingPackModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_hosting_pack", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	domain := state.Domain.ValueString()
	if state.DeletionProtection.ValueBool() {
		resp.Diagnostics.AddError("Hosting pack is protected from deletion",
			fmt.Sprintf("The hosting pack of %s has deletion_protection = true. Set it to false and apply before destroying.", domain))
		return
	}
	user := base.ClientAccount(state.ClientAccount, nb)
	handle := state.Handle.ValueString()
	defer nb.Packs.Invalidate(providerdata.SnapshotKey(user, domain))
	if state.OnDestroy.ValueString() == onDestroyDelete {
		if err := nb.Client.DeleteHosting(ctx, user, handle); err != nil && !namebay.IsNotFound(err) {
			addAPIError(&resp.Diagnostics, objectSummary("delete", "the hosting pack of", domain), err, nil)
		}
		return
	}
	// A pack still being set up refuses changes: wait for it as long as
	// an update may.
	timeout, diags := state.Timeouts.Update(ctx, 15*time.Minute)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	pack, err := nb.Client.GetHosting(ctx, user, handle)
	if namebay.IsNotFound(err) {
		return
	}
	if err == nil {
		_, err = waitWhileHostingPending(ctx, nb.Client, user, pack)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("turn auto-renew off for", "the hosting pack of", domain), err, nil)
		return
	}
	off := false
	if _, err := nb.Client.UpdateHosting(ctx, user, handle, namebay.EditHosting{AutoRenew: &off}); err != nil && !namebay.IsNotFound(err) {
		addAPIError(&resp.Diagnostics, objectSummary("turn auto-renew off for", "the hosting pack of", domain), err, nil)
		return
	}
	resp.Diagnostics.AddWarning("Hosting pack abandoned, not deleted",
		fmt.Sprintf("The hosting pack of %s keeps serving until %s; auto-renew is now off and Terraform no longer manages it. Set on_destroy = \"delete\" to delete a pack with its files.", domain, state.ExpiresAt.ValueString()))
}

func (r *hostingPackResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := base.ParseImportID(req.ID, "domain", "client_account/domain")
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("domain"), parts["domain"])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts["domain"])...)
	if acct, ok := parts["client_account"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("client_account"), acct)...)
	}
}
