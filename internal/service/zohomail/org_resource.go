package zohomail

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/validate"
)

type orgResource struct{ base.Resource }

func newOrgResource() resource.Resource {
	return &orgResource{base.Resource{Name: "zoho_mail_org"}}
}

var (
	_ resource.ResourceWithImportState = (*orgResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*orgResource)(nil)
)

type orgModel struct {
	ID                 types.String `tfsdk:"id"`
	Domain             types.String `tfsdk:"domain"`
	OrgName            types.String `tfsdk:"org_name"`
	SuperAdmin         types.Object `tfsdk:"super_admin"`
	InitialPasswordWO  types.String `tfsdk:"initial_password_wo"`
	Plan               types.String `tfsdk:"plan"`
	Licenses           types.Int64  `tfsdk:"licenses"`
	PayPeriod          types.String `tfsdk:"pay_period"`
	BillingAddress     types.Object `tfsdk:"billing_address"`
	VerificationMethod types.String `tfsdk:"verification_method"`
	DeletionProtection types.Bool   `tfsdk:"deletion_protection"`
	ZOID               types.String `tfsdk:"zoid"`
	VerificationCode   types.String `tfsdk:"verification_code"`
	VerificationRecord types.Object `tfsdk:"verification_record"`
	VerificationStatus types.String `tfsdk:"verification_status"`
	MXRecords          types.List   `tfsdk:"mx_records"`
	SPFValue           types.String `tfsdk:"spf_value"`
	BasePlan           types.String `tfsdk:"base_plan"`
	UsersCount         types.Int64  `tfsdk:"users_count"`
	TrialExpiresAt     types.String `tfsdk:"trial_expires_at"`
	StoreProfileID     types.String `tfsdk:"store_profile_id"`
	PartnerConsoleURL  types.String `tfsdk:"partner_console_url"`
	AdminConsoleURL    types.String `tfsdk:"admin_console_url"`
}

type superAdminModel struct {
	FirstName types.String `tfsdk:"first_name"`
	LastName  types.String `tfsdk:"last_name"`
	Email     types.String `tfsdk:"email"`
}

var superAdminTypes = map[string]attr.Type{"first_name": types.StringType, "last_name": types.StringType, "email": types.StringType}

type billingModel struct {
	CompanyName types.String `tfsdk:"company_name"`
	Street      types.String `tfsdk:"street"`
	City        types.String `tfsdk:"city"`
	State       types.String `tfsdk:"state"`
	Country     types.String `tfsdk:"country"`
	ZipCode     types.String `tfsdk:"zip_code"`
	Phone       types.String `tfsdk:"phone"`
}

var recordTypes = map[string]attr.Type{"name": types.StringType, "fqdn": types.StringType, "type": types.StringType, "value": types.StringType}

var mxTypes = map[string]attr.Type{"priority": types.Int64Type, "value": types.StringType}

// Verification statuses.
const (
	statusPending  = "pending"
	statusVerified = "verified"
)

var passwordPattern = regexp.MustCompile(`^[\x21-\x7e]{8,100}$`)

func (r *orgResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc, PlanModifiers: keep}
	}
	required := func(desc string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Required: true, MarkdownDescription: desc, Validators: append(v, stringvalidator.LengthBetween(1, 100))}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A customer's Zoho Mail organisation, provisioned through the Zoho Mail partner API: its domain, super admin, " +
			"plan (free, a trial, or a paid plan with a number of mailbox licences) and domain verification.\n\n" +
			"Publish `verification_record` (and `mx_records`, `spf_value`) with `reseller_dns_record`: the provider verifies the " +
			"domain when it creates the org and again on every refresh until Zoho accepts it, and `verification_status` shows where it stands.\n\n" +
			"Changing `plan`, `licenses` or `pay_period` changes the Zoho Store subscription in place (billed by Zoho from the partner's account). " +
			"The domain, super admin and organisation name cannot change once created.\n\n" +
			"**Destroying**: Zoho has no partner API to delete an organisation. With `deletion_protection = true` a destroy fails; otherwise it " +
			"cancels a paid subscription (the org goes back to Mail Free) and removes the org from the state with a warning. The customer's " +
			"super admin can delete the organisation from the Zoho admin console.",
		Attributes: map[string]schema.Attribute{
			"id": computed("The organisation's ZOID."),
			"domain": schema.StringAttribute{
				Required: true, MarkdownDescription: "The customer's domain, the org's primary domain, in lower-case ASCII.",
				Validators: []validator.String{validate.DomainName()},
			},
			"org_name": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: "Organisation name. Default: the domain.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 100)}, PlanModifiers: keep,
			},
			"super_admin": schema.SingleNestedAttribute{
				Required: true, MarkdownDescription: "The customer's super admin, who signs in to the org's admin console.",
				Attributes: map[string]schema.Attribute{
					"first_name": required("First name."),
					"last_name":  required("Last name."),
					"email": schema.StringAttribute{
						Required: true, MarkdownDescription: "Login e-mail, not yet used by any Zoho account (otherwise the customer must tag you as their partner in the Zoho Store).",
						Validators: []validator.String{validate.EmailAddress()},
					},
				},
			},
			"initial_password_wo": schema.StringAttribute{
				Optional: true, WriteOnly: true, Sensitive: true,
				MarkdownDescription: "Initial password of the super admin, 8-100 printable characters with a letter and a digit, sent once at creation and never stored. " +
					"Unset: Zoho invites the super admin to choose one.",
				Validators: []validator.String{
					stringvalidator.RegexMatches(passwordPattern, "must be 8-100 printable characters without spaces"),
					stringvalidator.RegexMatches(regexp.MustCompile(`[A-Za-z]`), "must contain a letter"),
					stringvalidator.RegexMatches(regexp.MustCompile(`[0-9]`), "must contain a digit"),
				},
			},
			"plan": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "`free`, a trial (`standard_trial`, `professional_trial`, `mail_premium_trial`: 15 days, once per org) or a paid plan " +
					"(`standard`, `professional`, `mail_lite`, `mail_10gb`, `mail_premium`); see the `reseller_zoho_mail_plans` data source.",
				Validators: []validator.String{stringvalidator.OneOf(planNames()...)},
			},
			"licenses": schema.Int64Attribute{
				Optional: true, MarkdownDescription: "Mailbox licences of a paid plan (required then, refused otherwise); never below the org's mailboxes.",
				Validators: []validator.Int64{int64validator.Between(1, 100000)},
			},
			"pay_period": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: "`monthly` or `yearly` for a paid plan (Mail Lite, 10GB and Premium are yearly only). Default for a paid plan: `yearly`.",
				Validators: []validator.String{stringvalidator.OneOf(monthly, yearly)},
			},
			"billing_address": schema.SingleNestedAttribute{
				Optional:            true,
				MarkdownDescription: "The customer's billing address, which the Zoho Store needs for the first purchase of a paid plan.",
				Attributes: map[string]schema.Attribute{
					"company_name": required("Company name."),
					"street":       required("Street address."),
					"city":         required("City."),
					"state":        required("State or region."),
					"country":      required("Country, in full (e.g. `France`)."),
					"zip_code":     required("Postal code."),
					"phone":        required("Phone number."),
				},
			},
			"verification_method": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("cname"),
				MarkdownDescription: "How Zoho checks the domain: `cname` (default) or `txt`; `verification_record` follows it.",
				Validators:          []validator.String{stringvalidator.OneOf("cname", "txt")},
			},
			"deletion_protection": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "When `true`, destroying fails. Default: `false`.",
			},
			"zoid":              computed("Zoho organisation ID."),
			"verification_code": computed("Zoho's verification code of the domain (`zb` and 8 digits)."),
			"verification_record": schema.SingleNestedAttribute{
				Computed: true, PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}, MarkdownDescription: "The DNS record that proves the domain: `name` relative to the domain (for `reseller_dns_record`), `fqdn`, `type` and `value`.",
				Attributes: map[string]schema.Attribute{
					"name":  schema.StringAttribute{Computed: true, MarkdownDescription: "Owner name relative to the domain (`@` for the apex)."},
					"fqdn":  schema.StringAttribute{Computed: true, MarkdownDescription: "Fully qualified owner name."},
					"type":  schema.StringAttribute{Computed: true, MarkdownDescription: "`CNAME` or `TXT`."},
					"value": schema.StringAttribute{Computed: true, MarkdownDescription: "Record data."},
				},
			},
			"verification_status": schema.StringAttribute{
				Computed: true, MarkdownDescription: "`pending` until Zoho has verified the domain (retried on every refresh), then `verified`.",
			},
			"mx_records": schema.ListNestedAttribute{
				Computed: true, PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()}, MarkdownDescription: "The MX records that deliver the domain's mail to Zoho, for the partner account's data centre.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"priority": schema.Int64Attribute{Computed: true, MarkdownDescription: "Preference."},
					"value":    schema.StringAttribute{Computed: true, MarkdownDescription: "Mail server."},
				}},
			},
			"spf_value":           computed("An SPF TXT value that lets Zoho send for the domain."),
			"base_plan":           computed("Zoho's name of the current plan, e.g. `Mail Free` or `Workplace Standard`."),
			"users_count":         schema.Int64Attribute{Computed: true, MarkdownDescription: "Mailboxes in use, as of the last refresh.", PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}},
			"trial_expires_at":    computed("End of the running trial (RFC 3339), empty without one."),
			"store_profile_id":    computed("Zoho Store subscription of a paid plan, empty otherwise."),
			"partner_console_url": computed("The partner's customer management page."),
			"admin_console_url":   computed("The org's admin console."),
		},
	}
}

func (r *orgResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	// By ZOID, or by domain: Read resolves a domain to its org.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
}
