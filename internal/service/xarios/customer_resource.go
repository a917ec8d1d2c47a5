package xarios

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/validate"
)

type customerResource struct{ base.Resource }

func newCustomerResource() resource.Resource {
	return &customerResource{base.Resource{Name: "customer"}}
}

var (
	_ resource.ResourceWithImportState = (*customerResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*customerResource)(nil)
)

type customerModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	Description        types.String `tfsdk:"description"`
	Reference          types.String `tfsdk:"reference"`
	CountryCode        types.String `tfsdk:"country_code"`
	Timezone           types.String `tfsdk:"timezone"`
	ProductType        types.String `tfsdk:"product_type"`
	Notes              types.String `tfsdk:"notes"`
	InternalSystem     types.Bool   `tfsdk:"internal_system"`
	TrialDays          types.Int64  `tfsdk:"trial_days"`
	Enabled            types.Bool   `tfsdk:"enabled"`
	AgentLicences      types.Int64  `tfsdk:"agent_licenses"`
	DeviceLicences     types.Int64  `tfsdk:"device_licenses"`
	PrimaryUser        types.Object `tfsdk:"primary_user"`
	PBXConnection      types.Object `tfsdk:"pbx_connection"`
	PBXSecretWO        types.String `tfsdk:"pbx_secret_wo"`
	PBXSecretWOVersion types.Int64  `tfsdk:"pbx_secret_wo_version"`
	DeletionProtection types.Bool   `tfsdk:"deletion_protection"`
	Status             types.String `tfsdk:"status"`
	DateCreated        types.String `tfsdk:"date_created"`
	TrialEnds          types.String `tfsdk:"trial_ends"`
}

type userModel struct {
	DisplayName     types.String `tfsdk:"display_name"`
	Email           types.String `tfsdk:"email"`
	Roles           types.Set    `tfsdk:"roles"`
	ID              types.String `tfsdk:"id"`
	InvitationState types.String `tfsdk:"invitation_state"`
}

var userTypes = map[string]attr.Type{
	"display_name": types.StringType, "email": types.StringType, "roles": types.SetType{ElemType: types.StringType},
	"id": types.StringType, "invitation_state": types.StringType,
}

type pbxModel struct {
	Type               types.String `tfsdk:"type"`
	Name               types.String `tfsdk:"name"`
	TemplateID         types.String `tfsdk:"template_id"`
	Enabled            types.Bool   `tfsdk:"enabled"`
	MonitorSubAccounts types.Bool   `tfsdk:"monitor_sub_accounts"`
	HostRest           types.String `tfsdk:"host_rest"`
	HostWebsocket      types.String `tfsdk:"host_websocket"`
	AccountID          types.String `tfsdk:"account_id"`
	Username           types.String `tfsdk:"username"`
	ID                 types.String `tfsdk:"id"`
}

var pbxAttrTypes = map[string]attr.Type{
	"type": types.StringType, "name": types.StringType, "template_id": types.StringType, "enabled": types.BoolType,
	"monitor_sub_accounts": types.BoolType, "host_rest": types.StringType, "host_websocket": types.StringType,
	"account_id": types.StringType, "username": types.StringType, "id": types.StringType,
}

var countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)

func (r *customerResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	optional := func(desc string, maxLen int) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, MarkdownDescription: desc, Validators: []validator.String{stringvalidator.LengthBetween(1, maxLen)}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A customer tenant on the white-labelled call-analytics platform (the Xarios reseller API): its product type, " +
			"reference, country and trial, its primary administrator, who receives the invitation, and its PBX connection.\n\n" +
			"The primary user and the PBX connection are nested attributes rather than resources of their own: a customer has one of each " +
			"in the onboarding flow, they are created in its apply, and they go with it.\n\n" +
			"The provider finds customers by `reference`: before creating one it makes sure no live customer of the reseller has that " +
			"reference, and when the answer to a create is lost it looks the reference up instead of creating (and billing) a second one. " +
			"Creating a customer, and moving it to a dearer product type, are billed: the provider sends `accept-charges: true` for them.\n\n" +
			"`product_type` changes in place between product types that allow it; the others cannot change once set, and the plan says so.\n\n" +
			"**Destroying** deactivates the customer and flags it for deletion, as the API's delete does (the platform removes it 30 days " +
			"later; until then it shows as `terminated`). `deletion_protection = true` makes a destroy fail.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "Tenant ID of the customer.", PlanModifiers: keep},
			"name": schema.StringAttribute{
				Required: true, MarkdownDescription: "Display name, 1-100 characters.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 100)},
			},
			"description": optional("Long name, up to 200 characters.", 200),
			"reference": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Your reference for the customer, shown on invoices and billing outputs, up to 200 characters; unique " +
					"among the reseller's customers: the provider finds the customer by it.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 200)},
			},
			"country_code": schema.StringAttribute{
				Required: true, MarkdownDescription: "ISO 3166-1 alpha-2 country (number formats, localisation), e.g. `FR`.",
				Validators: []validator.String{stringvalidator.RegexMatches(countryPattern, "must be an ISO 3166-1 alpha-2 code in upper case, such as FR")},
			},
			"timezone": schema.StringAttribute{
				Optional: true, Computed: true, PlanModifiers: keep,
				MarkdownDescription: "IANA time zone, e.g. `Europe/Paris`. Unset: the platform's default.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 40)},
			},
			"product_type": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Product type (tenant profile) id, see the `reseller_product_types` data source. Some product types " +
					"cannot be changed once set; changing between the others is done in place and may be billed.",
				Validators: []validator.String{stringvalidator.LengthBetween(1, 64)},
			},
			"notes":           optional("Free notes about the customer, up to 2000 characters.", 2000),
			"internal_system": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false), MarkdownDescription: "A demo or internal tenant, never billed. Default: `false`."},
			"trial_days": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(0),
				MarkdownDescription: "Length of the trial in days (0-90), when the product type allows trials. Default: `0`, no trial.",
				Validators:          []validator.Int64{int64validator.Between(0, 90)},
			},
			"enabled": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Whether the customer is active: users can sign in, the PBX connection runs and invitations go out. Default: `true`.",
			},
			"agent_licenses":  schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(0), MarkdownDescription: "ACD agent add-on licences. Default: `0`.", Validators: []validator.Int64{int64validator.AtLeast(0)}},
			"device_licenses": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(0), MarkdownDescription: "Real-time device licences. Default: `0`.", Validators: []validator.Int64{int64validator.AtLeast(0)}},
			"primary_user": schema.SingleNestedAttribute{
				Optional: true, MarkdownDescription: "The customer's primary user, usually its administrator; invited by e-mail once the customer is enabled and the user has `customer.website`.",
				Attributes: map[string]schema.Attribute{
					"display_name": schema.StringAttribute{Required: true, MarkdownDescription: "Name, 1-100 characters.", Validators: []validator.String{stringvalidator.LengthBetween(1, 100)}},
					"email": schema.StringAttribute{
						Required: true, MarkdownDescription: "E-mail address and login. Changing it replaces the user.",
						Validators: []validator.String{validate.EmailAddress()},
					},
					"roles": schema.SetAttribute{
						ElementType: types.StringType, Required: true,
						MarkdownDescription: "Role keys, see the `reseller_user_roles` data source, e.g. `[\"customer.website\", \"customer.admin\"]`.",
						Validators:          []validator.Set{setvalidator.SizeAtLeast(1)},
					},
					"id":               schema.StringAttribute{Computed: true, MarkdownDescription: "User ID.", PlanModifiers: keep},
					"invitation_state": schema.StringAttribute{Computed: true, MarkdownDescription: "`none`, or `sent` once the invitation went out."},
				},
			},
			"pbx_connection": schema.SingleNestedAttribute{
				Optional: true, MarkdownDescription: "The customer's PBX connection: from a template (whose master key it uses) or with its own host and account.",
				Attributes: map[string]schema.Attribute{
					"type": schema.StringAttribute{
						Required: true, MarkdownDescription: "`kazoo`, `threecx` or `teams`. Changing it replaces the connection.",
						Validators: []validator.String{stringvalidator.OneOf("kazoo", "threecx", "teams")},
					},
					"name":                 schema.StringAttribute{Required: true, MarkdownDescription: "Name, 1-100 characters.", Validators: []validator.String{stringvalidator.LengthBetween(1, 100)}},
					"template_id":          schema.StringAttribute{Optional: true, MarkdownDescription: "PBX template id, see the `reseller_pbx_templates` data source."},
					"enabled":              schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false), MarkdownDescription: "Whether the connection runs (it starts disabled, so it can be checked first). Default: `false`."},
					"monitor_sub_accounts": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false), MarkdownDescription: "Kazoo: provision the branch sub-accounts too. Default: `false`."},
					"host_rest":            schema.StringAttribute{Optional: true, MarkdownDescription: "Kazoo: Crossbar REST URI."},
					"host_websocket":       schema.StringAttribute{Optional: true, MarkdownDescription: "Kazoo: Blackhole websocket URI."},
					"account_id":           schema.StringAttribute{Optional: true, MarkdownDescription: "Kazoo: account ID."},
					"username":             schema.StringAttribute{Optional: true, MarkdownDescription: "3CX: user name."},
					"id":                   schema.StringAttribute{Computed: true, MarkdownDescription: "PBX connection ID.", PlanModifiers: keep},
				},
			},
			"pbx_secret_wo": schema.StringAttribute{
				Optional: true, WriteOnly: true, Sensitive: true,
				MarkdownDescription: "The PBX connection's secret, never stored: the Kazoo API key or the 3CX licence key. Sent when the connection is " +
					"created and whenever `pbx_secret_wo_version` changes.",
			},
			"pbx_secret_wo_version": schema.Int64Attribute{
				Optional: true, MarkdownDescription: "Change it to send `pbx_secret_wo` again (a rotated key).",
			},
			"deletion_protection": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "When `true`, destroying the customer fails. Default: `false`.",
			},
			"status":       schema.StringAttribute{Computed: true, MarkdownDescription: "`active`, `disabled` or `terminated`."},
			"date_created": schema.StringAttribute{Computed: true, MarkdownDescription: "Creation time (RFC 3339).", PlanModifiers: keep},
			"trial_ends":   schema.StringAttribute{Computed: true, MarkdownDescription: "End of the trial (RFC 3339), empty without one.", PlanModifiers: keep},
		},
	}
}

func (r *customerResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	// A tenant ID, or a reference: Read resolves the latter.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
}
