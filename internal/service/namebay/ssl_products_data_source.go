package namebay

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type sslProductsDataSource struct{ base.DataSource }

func newSSLProductsDataSource() datasource.DataSource {
	return &sslProductsDataSource{base.DataSource{Name: "ssl_products"}}
}

type sslProductsModel struct {
	ClientAccount types.String      `tfsdk:"client_account"`
	Products      []sslProductModel `tfsdk:"products"`
}

type sslProductModel struct {
	Name       types.String  `tfsdk:"name"`
	Validation types.String  `tfsdk:"validation"`
	Wildcard   types.Bool    `tfsdk:"wildcard"`
	MaxSAN     types.Int64   `tfsdk:"max_san"`
	Periods    []int64       `tfsdk:"periods"`
	Price      types.Float64 `tfsdk:"price"`
	Currency   types.String  `tfsdk:"currency"`
}

func (d *sslProductsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The GlobalSign certificates Namebay sells: validation level, wildcard support, how many names each covers, periods and price. " +
			"It lists what `reseller_ssl_certificate.product`, `period` and `subject_alternative_names` may be.",
		Attributes: map[string]schema.Attribute{
			"client_account": clientAccountDataSourceAttribute(),
			"products": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "One entry per product.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":       schema.StringAttribute{Computed: true, MarkdownDescription: "Product name, the value of `reseller_ssl_certificate.product`."},
					"validation": schema.StringAttribute{Computed: true, MarkdownDescription: "`DV` (domain), `OV` (organisation) or `EV` (extended)."},
					"wildcard":   schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether names such as `*.example.com` are allowed."},
					"max_san":    schema.Int64Attribute{Computed: true, MarkdownDescription: "Names covered besides the common name."},
					"periods":    schema.ListAttribute{ElementType: types.Int64Type, Computed: true, MarkdownDescription: "Periods sold, in years."},
					"price":      schema.Float64Attribute{Computed: true, MarkdownDescription: "Price of one year."},
					"currency":   schema.StringAttribute{Computed: true, MarkdownDescription: "ISO 4217 currency of the price."},
				}},
			},
		},
	}
}

func (d *sslProductsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg sslProductsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	nb := base.Namebay(d.Data, "data.reseller_ssl_products", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	all, err := certProducts(ctx, nb, base.ClientAccount(cfg.ClientAccount, nb))
	if err != nil {
		addAPIError(&resp.Diagnostics, "Could not read the certificate catalog", err, nil)
		return
	}
	cfg.Products = make([]sslProductModel, 0, len(all))
	for _, p := range all {
		cfg.Products = append(cfg.Products, sslProductModel{
			Name:       types.StringValue(p.ProductName),
			Validation: types.StringValue(p.Validation),
			Wildcard:   types.BoolValue(p.Wildcard),
			MaxSAN:     types.Int64Value(p.MaxSan),
			Periods:    append([]int64{}, p.Periods...),
			Price:      types.Float64Value(p.Price),
			Currency:   types.StringValue(p.Currency),
		})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, cfg)...)
}
