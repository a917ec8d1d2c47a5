package xarios

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type productTypesDataSource struct{ base.DataSource }

func newProductTypesDataSource() datasource.DataSource {
	return &productTypesDataSource{base.DataSource{Name: "product_types"}}
}

type productTypeModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Changeable   types.Bool   `tfsdk:"changeable"`
	TrialAllowed types.Bool   `tfsdk:"trial_allowed"`
	MonthlyPrice types.String `tfsdk:"monthly_price"`
	Currency     types.String `tfsdk:"currency"`
}

func (d *productTypesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The product types (tenant profiles) a Xarios reseller can give its customers: the values of `reseller_customer.product_type`.",
		Attributes: map[string]schema.Attribute{
			"product_types": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The product types.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":            schema.StringAttribute{Computed: true, MarkdownDescription: "Value of `product_type`."},
					"name":          schema.StringAttribute{Computed: true, MarkdownDescription: "Name."},
					"changeable":    schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether a customer can move to or from it once created."},
					"trial_allowed": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it can be offered as a trial."},
					"monthly_price": schema.StringAttribute{Computed: true, MarkdownDescription: "Price per customer and month, billed to the reseller."},
					"currency":      schema.StringAttribute{Computed: true, MarkdownDescription: "Currency of the price."},
				}},
			},
		},
	}
}

func (d *productTypesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	x := base.Xarios(d.Data, "data.reseller_product_types", &resp.Diagnostics)
	if x == nil {
		return
	}
	all, err := profiles(ctx, x)
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Xarios product types", err.Error())
		return
	}
	out := []productTypeModel{}
	for _, p := range all {
		out = append(out, productTypeModel{ID: types.StringValue(p.ID), Name: types.StringValue(p.Name), Changeable: types.BoolValue(p.Changeable),
			TrialAllowed: types.BoolValue(p.TrialAllowed), MonthlyPrice: types.StringValue(p.MonthlyPrice), Currency: types.StringValue(p.Currency)})
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("product_types"), out)...)
}

type pbxTemplatesDataSource struct{ base.DataSource }

func newPBXTemplatesDataSource() datasource.DataSource {
	return &pbxTemplatesDataSource{base.DataSource{Name: "pbx_templates"}}
}

type pbxTemplateModel struct {
	ID      types.String `tfsdk:"id"`
	Name    types.String `tfsdk:"name"`
	Type    types.String `tfsdk:"type"`
	Default types.Bool   `tfsdk:"default"`
}

func (d *pbxTemplatesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The reseller's PBX templates: the values of `reseller_customer.pbx_connection.template_id`.",
		Attributes: map[string]schema.Attribute{
			"templates": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The templates.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":      schema.StringAttribute{Computed: true, MarkdownDescription: "Template id."},
					"name":    schema.StringAttribute{Computed: true, MarkdownDescription: "Name."},
					"type":    schema.StringAttribute{Computed: true, MarkdownDescription: "`kazoo`, `threecx` or `teams`."},
					"default": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is the reseller's default template."},
				}},
			},
		},
	}
}

func (d *pbxTemplatesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	x := base.Xarios(d.Data, "data.reseller_pbx_templates", &resp.Diagnostics)
	if x == nil {
		return
	}
	all, err := x.Client.PBXTemplates(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Xarios PBX templates", err.Error())
		return
	}
	out := []pbxTemplateModel{}
	for _, t := range all {
		out = append(out, pbxTemplateModel{ID: types.StringValue(t.ID), Name: types.StringValue(t.Name), Type: types.StringValue(pbxKind(t.Type)), Default: types.BoolValue(t.Default)})
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("templates"), out)...)
}

type userRolesDataSource struct{ base.DataSource }

func newUserRolesDataSource() datasource.DataSource {
	return &userRolesDataSource{base.DataSource{Name: "user_roles"}}
}

type roleModel struct {
	Key           types.String `tfsdk:"key"`
	Name          types.String `tfsdk:"name"`
	Group         types.String `tfsdk:"group"`
	Prerequisites []string     `tfsdk:"prerequisites"`
	Licensed      types.Bool   `tfsdk:"licensed"`
	ReadOnly      types.Bool   `tfsdk:"read_only"`
}

func (d *userRolesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The roles a customer's users can hold: the values of `reseller_customer.primary_user.roles`, with their prerequisites.",
		Attributes: map[string]schema.Attribute{
			"roles": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The roles.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"key":           schema.StringAttribute{Computed: true, MarkdownDescription: "Role key."},
					"name":          schema.StringAttribute{Computed: true, MarkdownDescription: "Name."},
					"group":         schema.StringAttribute{Computed: true, MarkdownDescription: "`userAccess`, `supervisorAccess` (at most one per user) or `admin`."},
					"prerequisites": schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Roles it needs."},
					"licensed":      schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it uses a paid licence."},
					"read_only":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether only the platform gives it."},
				}},
			},
		},
	}
}

func (d *userRolesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	x := base.Xarios(d.Data, "data.reseller_user_roles", &resp.Diagnostics)
	if x == nil {
		return
	}
	all, err := x.Client.Roles(ctx)
	if err != nil {
		resp.Diagnostics.AddError("Could not read the Xarios roles", err.Error())
		return
	}
	out := []roleModel{}
	for _, r := range all {
		out = append(out, roleModel{Key: types.StringValue(r.Key), Name: types.StringValue(r.Name), Group: types.StringValue(r.Group),
			Prerequisites: append([]string{}, r.Prerequisites...), Licensed: types.BoolValue(r.Licensed), ReadOnly: types.BoolValue(r.ReadOnly)})
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("roles"), out)...)
}
