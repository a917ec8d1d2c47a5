package namebay

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type tldsDataSource struct{ base.DataSource }

func newTldsDataSource() datasource.DataSource {
	return &tldsDataSource{base.DataSource{Name: "tlds"}}
}

type tldsModel struct {
	ClientAccount types.String `tfsdk:"client_account"`
	Tlds          []tldModel   `tfsdk:"tlds"`
}

type tldModel struct {
	Name           types.String  `tfsdk:"name"`
	MinPeriod      types.Int64   `tfsdk:"min_period"`
	MaxPeriod      types.Int64   `tfsdk:"max_period"`
	CreatePrice    types.Float64 `tfsdk:"create_price"`
	RenewPrice     types.Float64 `tfsdk:"renew_price"`
	TransferPrice  types.Float64 `tfsdk:"transfer_price"`
	TradePrice     types.Float64 `tfsdk:"trade_price"`
	Currency       types.String  `tfsdk:"currency"`
	DNSSEC         types.Bool    `tfsdk:"dnssec"`
	AnonymousWhois types.Bool    `tfsdk:"whois_privacy"`
}

func (d *tldsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The TLDs the Namebay account sells, with their registration periods and prices: " +
			"the place to look up what `reseller_domain` accepts and what an order, renewal or registrant change costs.",
		Attributes: map[string]schema.Attribute{
			"client_account": clientAccountDataSourceAttribute(),
			"tlds": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "One entry per TLD, sorted by name.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":           schema.StringAttribute{Computed: true, MarkdownDescription: "TLD without the leading dot (`com`, `fr`)."},
					"min_period":     schema.Int64Attribute{Computed: true, MarkdownDescription: "Shortest registration period, in years."},
					"max_period":     schema.Int64Attribute{Computed: true, MarkdownDescription: "Longest registration period, in years."},
					"create_price":   schema.Float64Attribute{Computed: true, MarkdownDescription: "Price of one year of registration."},
					"renew_price":    schema.Float64Attribute{Computed: true, MarkdownDescription: "Price of one year of renewal."},
					"transfer_price": schema.Float64Attribute{Computed: true, MarkdownDescription: "Price of a transfer in."},
					"trade_price":    schema.Float64Attribute{Computed: true, MarkdownDescription: "Price of a registrant change (trade)."},
					"currency":       schema.StringAttribute{Computed: true, MarkdownDescription: "ISO 4217 currency of the prices."},
					"dnssec":         schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the registry accepts DNSSEC."},
					"whois_privacy":  schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether anonymous whois is offered."},
				}},
			},
		},
	}
}

func (d *tldsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg tldsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	nb := base.Namebay(d.Data, "data.reseller_tlds", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	tlds, err := catalog(ctx, nb, base.ClientAccount(cfg.ClientAccount, nb))
	if err != nil {
		addAPIError(&resp.Diagnostics, "Could not read the TLD list", err, nil)
		return
	}
	cfg.Tlds = make([]tldModel, 0, len(tlds))
	for _, t := range tlds {
		cfg.Tlds = append(cfg.Tlds, tldModel{
			Name:           types.StringValue(t.TldName),
			MinPeriod:      types.Int64Value(t.MinPeriod),
			MaxPeriod:      types.Int64Value(t.MaxPeriod),
			CreatePrice:    types.Float64Value(t.CreatePrice),
			RenewPrice:     types.Float64Value(t.RenewPrice),
			TransferPrice:  types.Float64Value(t.TransferPrice),
			TradePrice:     types.Float64Value(t.TradePrice),
			Currency:       types.StringValue(t.Currency),
			DNSSEC:         types.BoolValue(t.Dnssec),
			AnonymousWhois: types.BoolValue(t.AnonymousWhois),
		})
	}
	sort.Slice(cfg.Tlds, func(i, j int) bool { return cfg.Tlds[i].Name.ValueString() < cfg.Tlds[j].Name.ValueString() })
	resp.Diagnostics.Append(resp.State.Set(ctx, cfg)...)
}
