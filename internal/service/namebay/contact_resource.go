package namebay

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type contactResource struct{ base.Resource }

func newContactResource() resource.Resource {
	return &contactResource{base.Resource{Name: "contact"}}
}

var (
	_ resource.ResourceWithImportState      = (*contactResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*contactResource)(nil)
	_ resource.ResourceWithConfigValidators = (*contactResource)(nil)
)

type contactModel struct {
	ID            types.String `tfsdk:"id"`
	ClientAccount types.String `tfsdk:"client_account"`
	FirstName     types.String `tfsdk:"first_name"`
	LastName      types.String `tfsdk:"last_name"`
	IsIndividual  types.Bool   `tfsdk:"is_individual"`
	Organization  types.String `tfsdk:"organization"`
	Address       types.String `tfsdk:"address"`
	City          types.String `tfsdk:"city"`
	PostalCode    types.String `tfsdk:"postal_code"`
	Country       types.String `tfsdk:"country"`
	Email         types.String `tfsdk:"email"`
	Phone         types.String `tfsdk:"phone"`
}

var contactFields = fieldPaths{
	"FirstName":    path.Root("first_name"),
	"LastName":     path.Root("last_name"),
	"OrgName":      path.Root("organization"),
	"Address":      path.Root("address"),
	"City":         path.Root("city"),
	"Pc":           path.Root("postal_code"),
	"Cc":           path.Root("country"),
	"MailAddress":  path.Root("email"),
	"Phone":        path.Root("phone"),
	"IsIndividual": path.Root("is_individual"),
}

func (r *contactResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	nonEmpty := []validator.String{stringvalidator.LengthBetween(1, 255), trimmed()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Namebay contact: the person or organisation a domain names as its registrant, " +
			"administrative, technical or billing contact.\n\n" +
			"The registry never lets a contact change country, so a new `country` replaces the contact. " +
			"A contact that a domain or hosting pack still names (for example one abandoned on destroy) cannot be deleted: " +
			"destroying it leaves it in the account, with a warning, and removes it from the state.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Contact handle, as domains reference it.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"client_account": clientAccountAttribute("contact"),
			"first_name": schema.StringAttribute{
				Required: true, MarkdownDescription: "Given name.", Validators: nonEmpty,
			},
			"last_name": schema.StringAttribute{
				Required: true, MarkdownDescription: "Family name.", Validators: nonEmpty,
			},
			"is_individual": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				MarkdownDescription: "Whether the contact is a private person (`true`, the default) or an organisation (`false`, which needs `organization`).",
			},
			"organization": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Organisation name; required when `is_individual` is `false`.", Validators: nonEmpty,
			},
			"address": schema.StringAttribute{
				Required: true, MarkdownDescription: "Street address.", Validators: nonEmpty,
			},
			"city": schema.StringAttribute{
				Required: true, MarkdownDescription: "City.", Validators: nonEmpty,
			},
			"postal_code": schema.StringAttribute{
				Required: true, MarkdownDescription: "Postal code.", Validators: []validator.String{stringvalidator.LengthBetween(1, 16), trimmed()},
			},
			"country": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ISO 3166-1 alpha-2 country code in upper case (`FR`, `MC`, `US`). The registry never changes a contact's country: a new value replaces the contact.",
				Validators:          []validator.String{countryCode()},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"email": schema.StringAttribute{
				Required: true, MarkdownDescription: "E-mail address.", Validators: []validator.String{emailAddress()},
			},
			"phone": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Phone number in the registry form `+CC.NUMBER`, e.g. `+33.123456789`.", Validators: []validator.String{phoneNumber()},
			},
		},
	}
}

// trimmed refuses white space around a value: the API strips it, and the
// contact it answers would then differ from the configuration.
func trimmed() validator.String {
	return stringCheck{
		Text: "text without leading or trailing white space",
		Test: func(s string) string {
			switch t := strings.TrimSpace(s); {
			case t == "":
				return "the value is blank: write some text"
			case t != s:
				return fmt.Sprintf("%q starts or ends with white space, which the registry removes: write %q", s, t)
			}
			return ""
		},
	}
}

func (r *contactResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{organizationRequired{}}
}

// organizationRequired refuses an organisation contact without a name.
type organizationRequired struct{}

func (organizationRequired) Description(context.Context) string {
	return "organization is required when is_individual is false"
}
func (v organizationRequired) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}
func (organizationRequired) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var individual types.Bool
	var org types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("is_individual"), &individual)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("organization"), &org)...)
	if !individual.IsNull() && !individual.IsUnknown() && !individual.ValueBool() && org.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("organization"), "Missing organization",
			"A contact with is_individual = false is an organisation: set organization to its registered name.")
	}
}

var _ resource.ConfigValidator = organizationRequired{}

func (r *contactResource) ModifyPlan(_ context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	base.Namebay(r.Data, "reseller_contact", &resp.Diagnostics)
}

func (m contactModel) toAPI() namebay.NewContact {
	return namebay.NewContact{
		FirstName:    m.FirstName.ValueString(),
		LastName:     m.LastName.ValueString(),
		OrgName:      m.Organization.ValueString(),
		Address:      m.Address.ValueString(),
		City:         m.City.ValueString(),
		Pc:           m.PostalCode.ValueString(),
		Cc:           m.Country.ValueString(),
		MailAddress:  m.Email.ValueString(),
		Phone:        m.Phone.ValueString(),
		IsIndividual: m.IsIndividual.ValueBool(),
	}
}

func (m *contactModel) fromAPI(c *namebay.Contact) {
	m.ID = types.StringValue(c.Handle)
	m.FirstName = types.StringValue(c.FirstName)
	m.LastName = types.StringValue(c.LastName)
	m.IsIndividual = types.BoolValue(c.IsIndividual)
	m.Organization = optionalString(c.OrgName)
	m.Address = types.StringValue(c.Address)
	m.City = types.StringValue(c.City)
	m.PostalCode = types.StringValue(c.Pc)
	m.Country = types.StringValue(c.Cc)
	m.Email = types.StringValue(c.MailAddress)
	m.Phone = optionalString(c.Phone)
}

func (r *contactResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan contactModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	nb := base.Namebay(r.Data, "reseller_contact", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(plan.ClientAccount, nb)
	want := plan.toAPI()

	created, err := nb.Client.CreateContact(ctx, user, want)
	if err != nil && namebay.IsAmbiguous(err) {
		// The answer was lost; the contact may exist. Adopt an identical one
		// rather than leave a twin behind.
		created, err = findIdenticalContact(ctx, nb.Client, user, want, err)
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("create", "contact", want.FirstName+" "+want.LastName), err, contactFields)
		return
	}
	plan.fromAPI(created)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func findIdenticalContact(ctx context.Context, client *namebay.Client, user string, want namebay.NewContact, cause error) (*namebay.Contact, error) {
	contacts, err := client.ListContacts(ctx, user)
	if err != nil {
		return nil, fmt.Errorf("%w (and listing contacts to check whether it was created failed: %v)", cause, err)
	}
	for i := range contacts {
		c := &contacts[i]
		if c.FirstName == want.FirstName && c.LastName == want.LastName && c.MailAddress == want.MailAddress &&
			c.Address == want.Address && c.City == want.City && c.Pc == want.Pc && c.Cc == want.Cc && c.OrgName == want.OrgName &&
			c.Phone == want.Phone && c.IsIndividual == want.IsIndividual {
			return c, nil
		}
	}
	return nil, cause
}

func (r *contactResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state contactModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_contact", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	c, err := nb.Client.GetContact(ctx, base.ClientAccount(state.ClientAccount, nb), state.ID.ValueString())
	if namebay.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("read", "contact", state.ID.ValueString()), err, nil)
		return
	}
	state.fromAPI(c)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *contactResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state contactModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_contact", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	updated, err := nb.Client.UpdateContact(ctx, base.ClientAccount(plan.ClientAccount, nb), state.ID.ValueString(), plan.toAPI())
	if err != nil {
		addAPIError(&resp.Diagnostics, objectSummary("update", "contact", state.ID.ValueString()), err, contactFields)
		return
	}
	plan.fromAPI(updated)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *contactResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state contactModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	nb := base.Namebay(r.Data, "reseller_contact", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	err := nb.Client.DeleteContact(ctx, base.ClientAccount(state.ClientAccount, nb), state.ID.ValueString())
	switch {
	case err == nil, namebay.IsNotFound(err):
	case namebay.HasCode(err, 570):
		// Typically a domain or hosting pack abandoned on destroy still names
		// the contact: failing here would make every such destroy fail.
		resp.Diagnostics.AddWarning("Contact kept: still in use",
			fmt.Sprintf("Contact %s is still named by a domain or hosting pack (one abandoned on destroy keeps its contacts), so it stays in the account; "+
				"Terraform no longer manages it. Import it again to manage it.\n\n%s", state.ID.ValueString(), err))
	default:
		addAPIError(&resp.Diagnostics, objectSummary("delete", "contact", state.ID.ValueString()), err, nil)
	}
}

func (r *contactResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts, err := base.ParseImportID(req.ID, "id", "client_account/id")
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), parts["id"])...)
	if acct, ok := parts["client_account"]; ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("client_account"), acct)...)
	}
}
