package zohomail

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type plansDataSource struct{ base.DataSource }

func newPlansDataSource() datasource.DataSource {
	return &plansDataSource{base.DataSource{Name: "zoho_mail_plans"}}
}

type plansModel struct {
	Plans []planModel `tfsdk:"plans"`
}

type planModel struct {
	Name        types.String `tfsdk:"name"`
	Kind        types.String `tfsdk:"kind"`
	BasePlan    types.String `tfsdk:"base_plan"`
	PlanID      types.Int64  `tfsdk:"plan_id"`
	UserAddonID types.Int64  `tfsdk:"user_addon_id"`
	PayPeriods  []string     `tfsdk:"pay_periods"`
	Description types.String `tfsdk:"description"`
}

func (d *plansDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Zoho Mail plans an org can be on: the values of `reseller_zoho_mail_org.plan`, with the Zoho Store IDs " +
			"the provider uses for the paid ones (after the provider's `plan_ids` overrides) and their pay periods.",
		Attributes: map[string]schema.Attribute{
			"plans": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The plans: free, the trials, then the paid plans.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":          schema.StringAttribute{Computed: true, MarkdownDescription: "Value of `plan`."},
					"kind":          schema.StringAttribute{Computed: true, MarkdownDescription: "`free`, `trial` or `paid`."},
					"base_plan":     schema.StringAttribute{Computed: true, MarkdownDescription: "Zoho's name of the plan."},
					"plan_id":       schema.Int64Attribute{Computed: true, MarkdownDescription: "Zoho Store plan ID of a paid plan (0 otherwise)."},
					"user_addon_id": schema.Int64Attribute{Computed: true, MarkdownDescription: "Zoho Store add-on ID of the plan's user licences (0 unless paid)."},
					"pay_periods":   schema.ListAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "`monthly`, `yearly`: what a paid plan offers."},
					"description":   schema.StringAttribute{Computed: true, MarkdownDescription: "What the plan is."},
				}},
			},
		},
	}
}

func (d *plansDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	zm := base.ZohoMail(d.Data, "data.reseller_zoho_mail_plans", &resp.Diagnostics)
	if zm == nil {
		return
	}
	out := plansModel{Plans: []planModel{}}
	for _, p := range plans(zm) {
		out.Plans = append(out.Plans, planModel{
			Name: types.StringValue(p.Name), Kind: types.StringValue(p.Kind), BasePlan: types.StringValue(p.BasePlan),
			PlanID: types.Int64Value(p.PlanID), UserAddonID: types.Int64Value(p.UserAddonID),
			PayPeriods: append([]string{}, p.Periods...), Description: types.StringValue(p.Description),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, out)...)
}
