package namebay

import (
	"context"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/base"
)

// tldPattern is one TLD label, with or without its leading dot.
var tldPattern = regexp.MustCompile(`^\.?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

type domainAvailabilityDataSource struct{ base.DataSource }

func newDomainAvailabilityDataSource() datasource.DataSource {
	return &domainAvailabilityDataSource{base.DataSource{Name: "domain_availability"}}
}

type domainAvailabilityModel struct {
	ClientAccount  types.String       `tfsdk:"client_account"`
	Names          []types.String     `tfsdk:"names"`
	SuggestionTlds []types.String     `tfsdk:"suggestion_tlds"`
	Results        []availabilityItem `tfsdk:"results"`
	Suggestions    []availabilityItem `tfsdk:"suggestions"`
}

type availabilityItem struct {
	Name      types.String  `tfsdk:"name"`
	Available types.Bool    `tfsdk:"available"`
	Reason    types.String  `tfsdk:"reason"`
	Price     types.Float64 `tfsdk:"price"`
	Currency  types.String  `tfsdk:"currency"`
	MinPeriod types.Int64   `tfsdk:"min_period"`
	MaxPeriod types.Int64   `tfsdk:"max_period"`
}

func availabilityAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"name":       schema.StringAttribute{Computed: true, MarkdownDescription: "The name as the registry normalises it (lower-case ASCII)."},
		"available":  schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the name can be registered now."},
		"reason":     schema.StringAttribute{Computed: true, MarkdownDescription: "Why not, when it cannot: `registered`, `reserved: …`, `forbidden: …` or the registry's notice."},
		"price":      schema.Float64Attribute{Computed: true, MarkdownDescription: "Price of one year of registration; null when the TLD is not on sale or the name is malformed."},
		"currency":   schema.StringAttribute{Computed: true, MarkdownDescription: "ISO 4217 currency of the price; null without a price."},
		"min_period": schema.Int64Attribute{Computed: true, MarkdownDescription: "Shortest registration period, in years; null without a price."},
		"max_period": schema.Int64Attribute{Computed: true, MarkdownDescription: "Longest registration period, in years; null without a price."},
	}
}

func (d *domainAvailabilityDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Checks whether domain names can be registered, many names in one request, with their price; " +
			"optionally suggests related names in other TLDs, as the storefront's search does.",
		Attributes: map[string]schema.Attribute{
			"client_account": clientAccountDataSourceAttribute(),
			"names": schema.ListAttribute{
				ElementType: types.StringType, Required: true,
				MarkdownDescription: "Domain names to check (1 to 50), e.g. `[\"example.com\", \"example.fr\"]`.",
				Validators: []validator.List{
					listvalidator.SizeBetween(1, 50),
					listvalidator.ValueStringsAre(domainName()),
				},
			},
			"suggestion_tlds": schema.ListAttribute{
				ElementType: types.StringType, Optional: true,
				MarkdownDescription: "When set, also suggest names related to the first label of the first name in these TLDs (without the dot, e.g. `[\"com\", \"fr\"]`).",
				Validators: []validator.List{
					listvalidator.SizeBetween(1, 20),
					listvalidator.ValueStringsAre(stringvalidator.RegexMatches(tldPattern,
						"must be a TLD in lower case without the dot, such as com or fr (internationalised TLDs in their xn-- form)")),
				},
			},
			"results": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "One result per name, in the order of `names`.",
				NestedObject: schema.NestedAttributeObject{Attributes: availabilityAttributes()},
			},
			"suggestions": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "Suggested related names, when `suggestion_tlds` is set.",
				NestedObject: schema.NestedAttributeObject{Attributes: availabilityAttributes()},
			},
		},
	}
}

func (d *domainAvailabilityDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg domainAvailabilityModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	nb := base.Namebay(d.Data, "data.reseller_domain_availability", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || nb == nil {
		return
	}
	user := base.ClientAccount(cfg.ClientAccount, nb)
	names := make([]string, len(cfg.Names))
	for i, n := range cfg.Names {
		names[i] = n.ValueString()
	}
	results, err := nb.Client.CheckAvailability(ctx, user, names)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Could not check domain availability", err, nil)
		return
	}
	cfg.Results = toAvailabilityItems(results)

	cfg.Suggestions = nil
	if len(cfg.SuggestionTlds) > 0 {
		tlds := make([]string, len(cfg.SuggestionTlds))
		for i, t := range cfg.SuggestionTlds {
			tlds[i] = strings.TrimPrefix(t.ValueString(), ".")
		}
		label := names[0][:strings.Index(names[0]+".", ".")]
		suggestions, err := nb.Client.Suggest(ctx, user, label, tlds)
		if err != nil {
			addAPIError(&resp.Diagnostics, "Could not suggest domain names", err, nil)
			return
		}
		cfg.Suggestions = toAvailabilityItems(suggestions)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, cfg)...)
}

func toAvailabilityItems(in []namebay.DomainAvailability) []availabilityItem {
	out := make([]availabilityItem, 0, len(in))
	for _, a := range in {
		item := availabilityItem{
			Name:      types.StringValue(a.Name),
			Available: types.BoolValue(strings.EqualFold(a.Status, namebay.AvailabilityAvailable)),
			Reason:    types.StringValue(availabilityReason(a)),
			Price:     types.Float64Null(),
			Currency:  types.StringNull(),
			MinPeriod: types.Int64Null(),
			MaxPeriod: types.Int64Null(),
		}
		// A name no TLD on sale covers has no price (the API answers null,
		// which decodes as 0): leave it null rather than report it free.
		if a.Currency != "" {
			item.Price = types.Float64Value(a.Price)
			item.Currency = types.StringValue(a.Currency)
			item.MinPeriod = types.Int64Value(a.MinPeriod)
			item.MaxPeriod = types.Int64Value(a.MaxPeriod)
		}
		out = append(out, item)
	}
	return out
}

func availabilityReason(a namebay.DomainAvailability) string {
	switch {
	case strings.EqualFold(a.Status, "available"):
		return ""
	case a.Forbidden:
		return strings.TrimSpace("forbidden: " + a.ForbiddenReason)
	case a.Reserved:
		return strings.TrimSpace("reserved: " + a.ReservedReason)
	case a.Error != "":
		return a.Error
	case a.Notices != "":
		return a.Notices
	default:
		return "registered"
	}
}
