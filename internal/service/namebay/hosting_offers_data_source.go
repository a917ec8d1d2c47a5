package namebay

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type hostingOffersDataSource struct{ base.DataSource }

func newHostingOffersDataSource() datasource.DataSource {
	return &hostingOffersDataSource{base.DataSource{Name: "hosting_offers"}}
}

type hostingOffersModel struct {
	ClientAccount types.String        `tfsdk:"client_account"`
	Offers        []hostingOfferModel `tfsdk:"offers"`
}

type hostingOfferModel struct {
	ProductID         types.String  `tfsdk:"product_id"`
	Name              types.String  `tfsdk:"name"`
	Rank              types.Int64   `tfsdk:"rank"`
	DiskQuotaMB       types.Int64   `tfsdk:"disk_quota_mb"`
	MaxFTPUsers       types.Int64   `tfsdk:"max_ftp_users"`
	MaxDatabases      types.Int64   `tfsdk:"max_databases"`
	MaxAliases        types.Int64   `tfsdk:"max_aliases"`
	DatabaseMaxSizeMB types.Int64   `tfsdk:"database_max_size_mb"`
	DatabaseTypes     []string      `tfsdk:"database_types"`
	PHPVersions       []string      `tfsdk:"php_versions"`
	MinPeriod         types.Int64   `tfsdk:"min_period"`
	MaxPeriod         types.Int64   `tfsdk:"max_period"`
	Price             types.Float64 `tfsdk:"price"`
	Currency          types.String  `tfsdk:"currency"`
}

func (d *hostingOffersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computedInt := func(desc string) schema.Int64Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Namebay hosting catalog: each offer's quotas, PHP versions, periods and price. " +
			"It lists what `reseller_hosting_pack.offer`, `php_version`, `aliases` and the FTP user and database counts may be.",
		Attributes: map[string]schema.Attribute{
			"client_account": clientAccountDataSourceAttribute(),
			"offers": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "One entry per offer, from the smallest to the largest.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"product_id":           schema.StringAttribute{Computed: true, MarkdownDescription: "Product ID, the value of `reseller_hosting_pack.offer`."},
					"name":                 schema.StringAttribute{Computed: true, MarkdownDescription: "Commercial name."},
					"rank":                 computedInt("Position in the range, 1 being the smallest; moving to a lower rank is a downgrade."),
					"disk_quota_mb":        computedInt("Disk space, in MB."),
					"max_ftp_users":        computedInt("FTP users allowed."),
					"max_databases":        computedInt("Databases allowed."),
					"max_aliases":          computedInt("Alias domains allowed."),
					"database_max_size_mb": computedInt("Largest size of one database, in MB."),
					"database_types": schema.ListAttribute{
						ElementType: types.StringType, Computed: true, MarkdownDescription: "Database engines offered.",
					},
					"php_versions": schema.ListAttribute{
						ElementType: types.StringType, Computed: true, MarkdownDescription: "PHP versions offered, oldest first.",
					},
					"min_period": computedInt("Shortest period, in years."),
					"max_period": computedInt("Longest period, in years."),
					"price":      schema.Float64Attribute{Computed: true, MarkdownDescription: "Price of one year."},
					"currency":   schema.StringAttribute{Computed: true, MarkdownDescription: "ISO 4217 currency of the price."},
				}},
			},
		},
	}
}

func (d *hostingOffersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg hostingOffersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	nb := base.Namebay(d.Data, "data.reseller_hosting_offers", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	all, err := offers(ctx, nb, base.ClientAccount(cfg.ClientAccount, nb))
	if err != nil {
		addAPIError(&resp.Diagnostics, "Could not read the hosting catalog", err, nil)
		return
	}
	cfg.Offers = make([]hostingOfferModel, 0, len(all))
	for _, o := range all {
		cfg.Offers = append(cfg.Offers, hostingOfferModel{
			ProductID:         types.StringValue(o.ProductId),
			Name:              types.StringValue(o.Name),
			Rank:              types.Int64Value(o.Rank),
			DiskQuotaMB:       types.Int64Value(o.DiskQuotaMb),
			MaxFTPUsers:       types.Int64Value(o.MaxFtpUsers),
			MaxDatabases:      types.Int64Value(o.MaxDatabases),
			MaxAliases:        types.Int64Value(o.MaxAliases),
			DatabaseMaxSizeMB: types.Int64Value(o.DatabaseMaxSizeMb),
			DatabaseTypes:     append([]string{}, o.DatabaseTypes...),
			PHPVersions:       append([]string{}, o.Php...),
			MinPeriod:         types.Int64Value(o.MinPeriod),
			MaxPeriod:         types.Int64Value(o.MaxPeriod),
			Price:             types.Float64Value(o.Price),
			Currency:          types.StringValue(o.Currency),
		})
	}
	sort.SliceStable(cfg.Offers, func(i, j int) bool { return cfg.Offers[i].Rank.ValueInt64() < cfg.Offers[j].Rank.ValueInt64() })
	resp.Diagnostics.Append(resp.State.Set(ctx, cfg)...)
}
