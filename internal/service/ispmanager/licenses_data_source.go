package ispmanager

import (
	"context"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

type licensesDataSource struct{ base.DataSource }

func newLicensesDataSource() datasource.DataSource {
	return &licensesDataSource{base.DataSource{Name: "ispmanager_licenses"}}
}

type licensesModel struct {
	ProductID types.Int64         `tfsdk:"product_id"`
	IP        types.String        `tfsdk:"ip"`
	Status    types.String        `tfsdk:"status"`
	Licenses  []licenseEntryModel `tfsdk:"licenses"`
}

type licenseEntryModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	IP          types.String `tfsdk:"ip"`
	ProductID   types.Int64  `tfsdk:"product_id"`
	ProductName types.String `tfsdk:"product_name"`
	ItemType    types.String `tfsdk:"item_type"`
	Period      types.Int64  `tfsdk:"period"`
	AutoRenew   types.Bool   `tfsdk:"auto_renew"`
	Status      types.String `tfsdk:"status"`
	CreatedDate types.String `tfsdk:"created_date"`
	ExpiryDate  types.String `tfsdk:"expiry_date"`
	RemoteID    types.String `tfsdk:"remote_id"`
}

func (d *licensesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The licences of the ispmanager partner account, for audits and to find what to import " +
			"(`terraform import reseller_ispmanager_license.<name> <id>`). Licence keys are not listed.",
		Attributes: map[string]schema.Attribute{
			"product_id": schema.Int64Attribute{Optional: true, MarkdownDescription: "Only licences of this product."},
			"ip":         schema.StringAttribute{Optional: true, MarkdownDescription: "Only licences bound to this IP address."},
			"status":     schema.StringAttribute{Optional: true, MarkdownDescription: "Only licences in this status (`active`, `suspended`, ...)."},
			"licenses": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The licences, by ID.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":           computed("Licence ID, the import ID of `reseller_ispmanager_license`."),
					"name":         computed("Licence name."),
					"ip":           computed("IP address the licence is bound to; empty for key-activated products."),
					"product_id":   schema.Int64Attribute{Computed: true, MarkdownDescription: "Product (tariff) ID."},
					"product_name": computed("Tariff name."),
					"item_type":    computed("`soft` or `platform`."),
					"period":       schema.Int64Attribute{Computed: true, MarkdownDescription: "Billing period in months (`-100` for a trial)."},
					"auto_renew":   schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether it renews automatically."},
					"status":       computed("`active`, `suspended`, `ordered` or `processing`."),
					"created_date": computed("Order date (`YYYY-MM-DD`)."),
					"expiry_date":  computed("End of the paid period (`YYYY-MM-DD`)."),
					"remote_id":    computed("The partner's own reference, if any."),
				}},
			},
		},
	}
}

func (d *licensesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg licensesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	isp := base.Ispmanager(d.Data, "data.reseller_ispmanager_licenses", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || isp == nil {
		return
	}
	all, err := isp.Client.Licenses(ctx)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Could not list the ispmanager licences", err)
		return
	}
	cfg.Licenses = []licenseEntryModel{}
	for _, l := range all {
		status := statusName(l.Status)
		if (!cfg.ProductID.IsNull() && l.ProductID != cfg.ProductID.ValueInt64()) ||
			(!cfg.IP.IsNull() && l.IP != cfg.IP.ValueString()) ||
			(!cfg.Status.IsNull() && status != cfg.Status.ValueString()) {
			continue
		}
		cfg.Licenses = append(cfg.Licenses, licenseEntryModel{
			ID: types.StringValue(strconv.FormatInt(l.ID, 10)), Name: types.StringValue(l.Name), IP: types.StringValue(l.IP),
			ProductID: types.Int64Value(l.ProductID), ProductName: types.StringValue(l.ProductName),
			ItemType: types.StringValue(l.ItemType), Period: types.Int64Value(int64(l.Period)),
			AutoRenew: types.BoolValue(l.AutoProlong != 0), Status: types.StringValue(status),
			CreatedDate: types.StringValue(l.Created), ExpiryDate: types.StringValue(l.Expires),
			RemoteID: types.StringValue(l.RemoteID),
		})
	}
	slices.SortFunc(cfg.Licenses, func(a, b licenseEntryModel) int {
		x, _ := strconv.ParseInt(a.ID.ValueString(), 10, 64)
		y, _ := strconv.ParseInt(b.ID.ValueString(), 10, 64)
		return int(x - y)
	})
	resp.Diagnostics.Append(resp.State.Set(ctx, cfg)...)
}
