package ispmanager

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/ispmanager"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type licenseResource struct{ base.Resource }

func newLicenseResource() resource.Resource {
	return &licenseResource{base.Resource{Name: "ispmanager_license"}}
}

var (
	_ resource.ResourceWithImportState = (*licenseResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*licenseResource)(nil)
)

const (
	onDestroyAbandon = "abandon"
	onDestroyDelete  = "delete"
)

type licenseModel struct {
	ID                 types.String   `tfsdk:"id"`
	ProductID          types.Int64    `tfsdk:"product_id"`
	Name               types.String   `tfsdk:"name"`
	IP                 types.String   `tfsdk:"ip"`
	Period             types.Int64    `tfsdk:"period"`
	AutoRenew          types.Bool     `tfsdk:"auto_renew"`
	Renewals           types.Int64    `tfsdk:"renewals"`
	Addons             types.Map      `tfsdk:"addons"`
	Suspended          types.Bool     `tfsdk:"suspended"`
	RemoteID           types.String   `tfsdk:"remote_id"`
	DeletionProtection types.Bool     `tfsdk:"deletion_protection"`
	OnDestroy          types.String   `tfsdk:"on_destroy"`
	ProductName        types.String   `tfsdk:"product_name"`
	Kind               types.String   `tfsdk:"kind"`
	Status             types.String   `tfsdk:"status"`
	CreatedDate        types.String   `tfsdk:"created_date"`
	ExpiryDate         types.String   `tfsdk:"expiry_date"`
	LicenseKey         types.String   `tfsdk:"license_key"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// ipv4 accepts a dotted IPv4 address without leading zeros; the API takes
// nothing else. 0.0.0.0 is refused by the plan check.
var ipv4 = regexp.MustCompile(`^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$`)

// controlChars matches what a licence name may not hold.
var controlChars = regexp.MustCompile(`^[^\x00-\x1f\x7f]*$`)

func (r *licenseResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A server licence bought through the ispmanager partner API (BILLmanager): ispmanager 6 " +
			"(lite, pro, host, business with extra servers, and the trials), VMmanager 6 and DCImanager 6, by product ID " +
			"(see the `reseller_ispmanager_products` data source). The order is paid from the partner account's balance.\n\n" +
			"The provider finds licences by `name`: before ordering it makes sure no licence of the account has that name, " +
			"and when the answer to an order is lost it looks for the licence by name, product and IP instead of ordering again. " +
			"Keep names unique within the account.\n\n" +
			"`name`, `ip`, `auto_renew`, `addons` and `remote_id` change in place; `product_id` moves the licence to another tariff " +
			"of the same line in place (an upgrade is billed for the months left; nothing is refunded); `renewals` renews by hand; " +
			"`suspended` suspends or resumes it. Each of these also corrects drift: a licence whose IP or name was changed on the " +
			"partner's portal, or that was suspended, shows in the plan and is put back by apply.\n\n" +
			"**Destroying**: with `deletion_protection = true` a destroy fails. Otherwise `on_destroy` decides: `abandon` (the default) " +
			"turns auto-renewal off and forgets the licence, which keeps working until its expiry date, is then suspended and is deleted " +
			"by ispmanager 30 days later; `delete` deletes it at once (the unused time is not refunded).",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Licence ID in the partner account (the API's `elid`).", PlanModifiers: keep,
			},
			"product_id": schema.Int64Attribute{
				Required: true,
				MarkdownDescription: "Product (tariff) ID from the licence ID table, e.g. `55227` for ispmanager 6 lite. " +
					"Changing it to another tariff of the same line changes the licence in place; anything else is refused at plan.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Licence name (the API's `licname`, or `comment` for VMmanager 6 and DCImanager 6), 1-255 characters, " +
					"unique within the account: the provider finds the licence by it.",
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 255),
					stringvalidator.RegexMatches(controlChars, "must not contain control characters"),
				},
			},
			"ip": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "IPv4 address of the server the licence is bound to. Required for ispmanager products, " +
					"refused for VMmanager 6 and DCImanager 6 (activated by key). Changes in place.",
				Validators: []validator.String{stringvalidator.RegexMatches(ipv4, "must be a dotted IPv4 address such as 203.0.113.10")},
			},
			"period": schema.Int64Attribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Months ordered at creation, added by each manual renewal and by each automatic renewal: one the product " +
					"offers (`1` or `12`; trials have only `-100`). Default: `1`, or `-100` for a trial.",
			},
			"auto_renew": schema.BoolAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Renew for `period` months from the balance when the licence expires (each renewal is billed). " +
					"Not possible on trials. Default: `true`, or `false` for a trial.",
			},
			"renewals": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(0),
				MarkdownDescription: "Manual renewals made through Terraform. Raise it by one to renew the licence once for `period` months " +
					"(billed; an active licence is extended from its expiry date, a suspended one from today and becomes active). " +
					"It can never decrease; the value a licence is created with renews nothing. Default: `0`.",
				Validators: []validator.Int64{int64validator.AtLeast(0)},
			},
			"addons": schema.MapAttribute{
				ElementType: types.Int64Type, Optional: true, Computed: true,
				Default: mapdefault.StaticValue(types.MapValueMust(types.Int64Type, map[string]attr.Value{})),
				MarkdownDescription: "Add-on units by add-on ID, e.g. `{ \"55236\" = 2 }` for two extra servers on ispmanager 6 business. " +
					"Only add-ons of the product, within their range; omit an add-on to have none. Raising a count is billed for the months left. Default: none.",
				Validators: []validator.Map{
					mapvalidator.KeysAre(stringvalidator.RegexMatches(regexp.MustCompile(`^[1-9][0-9]*$`), "must be an add-on ID such as 55236")),
					mapvalidator.ValueInt64sAre(int64validator.AtLeast(1)),
				},
			},
			"suspended": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Whether the licence is suspended. A licence suspended out of band, or at expiry for want of payment, " +
					"shows as a change; an expired one comes back only by raising `renewals`. Default: `false`.",
			},
			"remote_id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Your own reference for the licence (the API's `remoteid`, e.g. a billing service ID).",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 255)},
				PlanModifiers:       keep,
			},
			"deletion_protection": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "When `true`, destroying the licence fails. Default: `false`.",
			},
			"on_destroy": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString(onDestroyAbandon),
				MarkdownDescription: "What destroying does: `abandon` (default) turns auto-renewal off and forgets the licence, which works until it expires; `delete` deletes it at once, without refund.",
				Validators:          []validator.String{stringvalidator.OneOf(onDestroyAbandon, onDestroyDelete)},
			},
			"product_name": schema.StringAttribute{Computed: true, MarkdownDescription: "Name of the tariff.", PlanModifiers: keep},
			"kind":         schema.StringAttribute{Computed: true, MarkdownDescription: "Product line, e.g. `ispmanager6` or `vmmanager6`.", PlanModifiers: keep},
			"status": schema.StringAttribute{
				Computed: true, MarkdownDescription: "`active`, `suspended`, `ordered` or `processing`.", PlanModifiers: keep,
			},
			"created_date": schema.StringAttribute{Computed: true, MarkdownDescription: "Order date (`YYYY-MM-DD`).", PlanModifiers: keep},
			"expiry_date":  schema.StringAttribute{Computed: true, MarkdownDescription: "End of the paid period (`YYYY-MM-DD`).", PlanModifiers: keep},
			"license_key": schema.StringAttribute{
				Computed: true, Sensitive: true, PlanModifiers: keep,
				MarkdownDescription: "Activation key to enter in the panel. ispmanager issues it shortly after the order; " +
					"the create waits for it within the create timeout, and a later refresh fills it in otherwise.",
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Update: true}),
		},
	}
}

// licenseID parses the state's ID.
func licenseID(m licenseModel) (int64, error) {
	id, err := strconv.ParseInt(m.ID.ValueString(), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("the licence ID %q in the state is not a number", m.ID.ValueString())
	}
	return id, nil
}

func (r *licenseResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	isp := base.Ispmanager(r.Data, "reseller_ispmanager_license", &resp.Diagnostics)
	if isp == nil {
		return
	}
	id := req.ID
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		// Not a number: a licence name, the key the provider finds licences by.
		all, err := isp.Client.Licenses(ctx)
		if err != nil {
			addAPIError(&resp.Diagnostics, "Could not list the licences", err)
			return
		}
		var found []string
		for _, l := range all {
			if l.Name == req.ID && l.Status != ispmanager.StatusDeleted {
				found = append(found, strconv.FormatInt(l.ID, 10))
			}
		}
		switch len(found) {
		case 0:
			resp.Diagnostics.AddError("Licence not found",
				fmt.Sprintf("No licence of the account is named %q. Import by licence ID or by name; the reseller_ispmanager_licenses data source lists them.", req.ID))
			return
		case 1:
			id = found[0]
		default:
			resp.Diagnostics.AddError("Licence name is ambiguous",
				fmt.Sprintf("Licences %v are all named %q; import one of them by ID.", found, req.ID))
			return
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}

// defaultTimeout bounds an apply that waits for the licence key.
const defaultTimeout = 10 * time.Minute
