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
