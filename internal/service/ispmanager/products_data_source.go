package ispmanager

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type productsDataSource struct{ base.DataSource }

func newProductsDataSource() datasource.DataSource {
	return &productsDataSource{base.DataSource{Name: "ispmanager_products"}}
}

type productsModel struct {
	Kind          types.String   `tfsdk:"kind"`
	OrderableOnly types.Bool     `tfsdk:"orderable_only"`
	Products      []productModel `tfsdk:"products"`
}

type productModel struct {
	ID        types.Int64  `tfsdk:"id"`
	Name      types.String `tfsdk:"name"`
	ItemType  types.String `tfsdk:"item_type"`
	Kind      types.String `tfsdk:"kind"`
	Orderable types.Bool   `tfsdk:"orderable"`
	Trial     types.Bool   `tfsdk:"trial"`
	NeedsIP   types.Bool   `tfsdk:"needs_ip"`
	Currency  types.String `tfsdk:"currency"`
	Prices    []priceModel `tfsdk:"prices"`
	Addons    []addonModel `tfsdk:"addons"`
}

type priceModel struct {
	Months types.Int64  `tfsdk:"months"`
	Cost   types.String `tfsdk:"cost"`
}

type addonModel struct {
	ID          types.Int64  `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Min         types.Int64  `tfsdk:"min"`
	Max         types.Int64  `tfsdk:"max"`
	MonthlyCost types.String `tfsdk:"monthly_cost"`
}

func (d *productsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The ispmanager licence ID table: every product (tariff) the partner account can see, with its periods, " +
			"prices and add-ons. `id` is the value of `reseller_ispmanager_license.product_id`; add-on IDs are the keys of its `addons`.",
		Attributes: map[string]schema.Attribute{
			"kind": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only products of this line, e.g. `ispmanager6`, `vmmanager6`, `dcimanager6`, `ispmanager5`.",
			},
			"orderable_only": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Only products that can still be ordered. Default: `false` (legacy products too, for existing licences).",
			},
			"products": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The products, by ID.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":        schema.Int64Attribute{Computed: true, MarkdownDescription: "Product (tariff) ID."},
					"name":      computed("Tariff name."),
					"item_type": computed("`soft` (bound to an IP) or `platform` (activated by key)."),
					"kind":      computed("Product line."),
					"orderable": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it can still be ordered."},
					"trial":     schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it is a free trial (period `-100`, 30 days, no renewal)."},
					"needs_ip":  schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether a licence is bound to an IP address."},
					"currency":  computed("ISO 4217 currency of the prices."),
					"prices": schema.ListNestedAttribute{
						Computed: true, MarkdownDescription: "Price of each period offered.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"months": schema.Int64Attribute{Computed: true, MarkdownDescription: "Period in months (`-100` for a trial)."},
							"cost":   computed("Price of the period, a decimal string such as `48.00`."),
						}},
					},
					"addons": schema.ListNestedAttribute{
						Computed: true, MarkdownDescription: "Add-ons of the product, such as extra servers.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"id":           schema.Int64Attribute{Computed: true, MarkdownDescription: "Add-on ID, a key of `addons` on the licence."},
							"name":         computed("Add-on name."),
							"min":          schema.Int64Attribute{Computed: true, MarkdownDescription: "Fewest units."},
							"max":          schema.Int64Attribute{Computed: true, MarkdownDescription: "Most units."},
							"monthly_cost": computed("Price of one unit for a month."),
						}},
					},
				}},
			},
		},
	}
}

func (d *productsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg productsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	isp := base.Ispmanager(d.Data, "data.reseller_ispmanager_products", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || isp == nil {
		return
	}
	all, err := products(ctx, isp)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Could not read the ispmanager catalog", err)
		return
	}
	cfg.Products = []productModel{}
	for _, p := range all {
		if (!cfg.Kind.IsNull() && p.Kind != cfg.Kind.ValueString()) || (cfg.OrderableOnly.ValueBool() && !p.Orderable) {
			continue
		}
		m := productModel{
			ID: types.Int64Value(p.ID), Name: types.StringValue(p.Name), ItemType: types.StringValue(p.ItemType),
			Kind: types.StringValue(p.Kind), Orderable: types.BoolValue(p.Orderable), Trial: types.BoolValue(p.Trial),
			NeedsIP: types.BoolValue(p.NeedsIP), Currency: types.StringValue(p.Currency),
			Prices: []priceModel{}, Addons: []addonModel{},
		}
		for _, price := range p.Prices {
			m.Prices = append(m.Prices, priceModel{Months: types.Int64Value(int64(price.Months)), Cost: types.StringValue(price.Cost)})
		}
		for _, a := range p.Addons {
			m.Addons = append(m.Addons, addonModel{
				ID: types.Int64Value(a.ID), Name: types.StringValue(a.Name), Min: types.Int64Value(int64(a.Min)),
				Max: types.Int64Value(int64(a.Max)), MonthlyCost: types.StringValue(a.MonthlyCost),
			})
		}
		cfg.Products = append(cfg.Products, m)
	}
	slices.SortFunc(cfg.Products, func(a, b productModel) int { return int(a.ID.ValueInt64() - b.ID.ValueInt64()) })
	resp.Diagnostics.Append(resp.State.Set(ctx, cfg)...)
}
