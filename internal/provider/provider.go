// Package provider defines the reseller provider: its configuration blocks,
// one per partner family, and the list of resources and data sources.
package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	ispmanagerapi "github.com/resellerkit/terraform-provider-reseller/internal/api/ispmanager"
	namebayapi "github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
	xariosapi "github.com/resellerkit/terraform-provider-reseller/internal/api/xarios"
	"github.com/resellerkit/terraform-provider-reseller/internal/api/zohomail"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/ispmanager"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/namebay"
	xariossvc "github.com/resellerkit/terraform-provider-reseller/internal/service/xarios"
	zohomailsvc "github.com/resellerkit/terraform-provider-reseller/internal/service/zohomail"
	"github.com/resellerkit/terraform-provider-reseller/internal/transport"
)

// New returns a constructor of the provider at version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &resellerProvider{version: version, getenv: os.Getenv}
	}
}

type resellerProvider struct {
	version string
	getenv  func(string) string
}

var _ provider.Provider = (*resellerProvider)(nil)

func (p *resellerProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "reseller"
	resp.Version = p.version
}

func (p *resellerProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	blockSchemas := make(map[string]schema.Block, len(blocks))
	for _, b := range blocks {
		blockSchemas[b.name] = b.schema()
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manage a hosting reseller's customer estate (domains, DNS, contacts, mail, " +
			"certificates, hosting and server licences) across four partner APIs. Each partner has its own " +
			"optional block; a resource whose partner is not configured fails at plan and says what to set.",
		Blocks: blockSchemas,
	}
}

func (p *resellerProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	data := &providerdata.Data{Unconfigured: map[string]string{}}
	userAgent := fmt.Sprintf("terraform-provider-reseller/%s (+https://registry.terraform.io/providers/resellerkit/reseller) Terraform/%s",
		p.version, req.TerraformVersion)

	for _, b := range blocks {
		var obj types.Object
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(b.name), &obj)...)
		if resp.Diagnostics.HasError() {
			return
		}
		r := resolve(b, obj, p.getenv)
		if r.unknown {
			// Part of this block is known only after apply; resources will be
			// planned again once it is.
			return
		}
		if !r.configured() {
			data.Unconfigured[b.name] = unconfiguredMessage(r, !obj.IsNull())
			continue
		}
		switch b.name {
		case "namebay":
			nb, diags := p.configureNamebay(r, userAgent)
			resp.Diagnostics.Append(diags...)
			data.Namebay = nb
		case "ispmanager":
			isp, diags := p.configureIspmanager(r, userAgent)
			resp.Diagnostics.Append(diags...)
			data.Ispmanager = isp
		case "zoho_mail":
			zm, diags := p.configureZohoMail(r, userAgent)
			resp.Diagnostics.Append(diags...)
			data.ZohoMail = zm
		case "xarios":
			x, diags := p.configureXarios(r, userAgent)
			resp.Diagnostics.Append(diags...)
			data.Xarios = x
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.DataSourceData = data
	resp.ResourceData = data
}

func unconfiguredMessage(r resolved, blockPresent bool) string {
	var fields, envs []string
	for _, name := range r.missing() {
		fields = append(fields, name)
		envs = append(envs, r.block.envName(setting{name: name}))
	}
	if blockPresent {
		return fmt.Sprintf("The %q block of the provider is missing %s: set it in the block or through %s.",
			r.block.name, strings.Join(fields, " and "), strings.Join(envs, " and "))
	}
	return fmt.Sprintf("Add a %q block to the provider \"reseller\" configuration with %s, or set the environment variables %s.",
		r.block.name, strings.Join(fields, " and "), strings.Join(envs, " and "))
}

// httpConfig reads the rate limit and retry settings of a block.
func httpConfig(r resolved, userAgent string, diags *diag.Diagnostics) transport.Config {
	block := r.block.name
	rate, err := r.float("max_requests_per_second", 10)
	if err != nil {
		diags.AddAttributeError(path.Root(block).AtName("max_requests_per_second"), "Invalid "+block+" setting", err.Error())
	}
	retries, err := r.int("max_retries", 5)
	if err != nil {
		diags.AddAttributeError(path.Root(block).AtName("max_retries"), "Invalid "+block+" setting", err.Error())
	}
	if retries == 0 {
		retries = -1 // the transport reads 0 as "default"
	}
	return transport.Config{Subsystem: block, UserAgent: userAgent, RequestsPerSecond: rate, MaxRetries: retries}
}

func (p *resellerProvider) configureNamebay(r resolved, userAgent string) (*providerdata.Namebay, diag.Diagnostics) {
	var diags diag.Diagnostics
	httpCfg := httpConfig(r, userAgent, &diags)
	if diags.HasError() {
		return nil, diags
	}
	client, err := namebayapi.New(namebayapi.Config{
		Endpoint: r.string("endpoint", "https://rest.namebay.com"),
		Username: r.values["username"],
		Password: r.values["password"],
		HTTP:     httpCfg,
	})
	if err != nil {
		diags.AddAttributeError(path.Root("namebay").AtName("endpoint"), "Invalid Namebay endpoint", err.Error())
		return nil, diags
	}
	return providerdata.NewNamebay(client, r.values["client_account"]), diags
}

// ispmanagerEndpoints are the partner areas' API URLs.
var ispmanagerEndpoints = map[string]string{
	"eu":     "https://api-eu.ispmanager.com/billmgr",
	"global": "https://api.ispmanager.com/billmgr",
}

func (p *resellerProvider) configureIspmanager(r resolved, userAgent string) (*providerdata.Ispmanager, diag.Diagnostics) {
	var diags diag.Diagnostics
	httpCfg := httpConfig(r, userAgent, &diags)
	if diags.HasError() {
		return nil, diags
	}
	client, err := ispmanagerapi.New(ispmanagerapi.Config{
		Endpoint: r.string("endpoint", ispmanagerEndpoints[r.string("region", "eu")]),
		Username: r.values["username"],
		Password: r.values["password"],
		HTTP:     httpCfg,
	})
	if err != nil {
		diags.AddAttributeError(path.Root("ispmanager").AtName("endpoint"), "Invalid ispmanager endpoint", err.Error())
		return nil, diags
	}
	return providerdata.NewIspmanager(client), diags
}

func (p *resellerProvider) configureZohoMail(r resolved, userAgent string) (*providerdata.ZohoMail, diag.Diagnostics) {
	var diags diag.Diagnostics
	attr := func(name string) path.Path { return path.Root("zoho_mail").AtName(name) }
	httpCfg := httpConfig(r, userAgent, &diags)
	region := r.string("region", "us")
	accounts, mail, mailadmin, store, ok := zohomail.RegionURLs(region)
	if !ok {
		diags.AddAttributeError(attr("region"), "Invalid Zoho Mail region", fmt.Sprintf("%q is not a Zoho data centre.", region))
	}
	var planIDs map[string]providerdata.ZohoPlanIDs
	if raw := r.values["plan_ids"]; raw != "" {
		if err := json.Unmarshal([]byte(raw), &planIDs); err != nil {
			diags.AddAttributeError(attr("plan_ids"), "Invalid Zoho Mail plan IDs",
				fmt.Sprintf("plan_ids must be a JSON object such as {\"standard\": {\"plan_id\": 10730, \"user_addon_id\": 10779}}: %v", err))
		}
	}
	if diags.HasError() {
		return nil, diags
	}
	cfg := zohomail.Config{
		AccountsURL:  r.string("accounts_endpoint", accounts),
		MailURL:      r.string("mail_endpoint", mail),
		MailAdminURL: r.string("mailadmin_endpoint", mailadmin),
		StoreURL:     r.string("store_endpoint", store),
		ClientID:     r.values["client_id"],
		ClientSecret: r.values["client_secret"],
		RefreshToken: r.values["refresh_token"],
		HTTP:         httpCfg,
	}
	client, err := zohomail.New(cfg)
	if err != nil {
		diags.AddAttributeError(path.Root("zoho_mail"), "Invalid Zoho Mail settings", err.Error())
		return nil, diags
	}
	return &providerdata.ZohoMail{Client: client, Region: region, MailAdminURL: cfg.MailAdminURL, PlanIDs: planIDs}, diags
}

func (p *resellerProvider) configureXarios(r resolved, userAgent string) (*providerdata.Xarios, diag.Diagnostics) {
	var diags diag.Diagnostics
	httpCfg := httpConfig(r, userAgent, &diags)
	region := r.string("region", "eu")
	apiURL, ok := xariosapi.RegionAPIURL(region)
	if !ok {
		diags.AddAttributeError(path.Root("xarios").AtName("region"), "Invalid Xarios region", fmt.Sprintf("%q is not a Xarios region (au, eu, na, uk).", region))
	}
	if diags.HasError() {
		return nil, diags
	}
	client, err := xariosapi.New(xariosapi.Config{
		LoginURL:     r.string("login_endpoint", xariosapi.DefaultLoginURL),
		APIURL:       r.string("api_endpoint", apiURL),
		ClientID:     r.values["client_id"],
		ClientSecret: r.values["client_secret"],
		RefreshToken: r.values["refresh_token"],
		HTTP:         httpCfg,
	})
	if err != nil {
		diags.AddAttributeError(path.Root("xarios"), "Invalid Xarios settings", err.Error())
		return nil, diags
	}
	return providerdata.NewXarios(client), diags
}

func (p *resellerProvider) Resources(context.Context) []func() resource.Resource {
	return slices.Concat(namebay.Resources(), ispmanager.Resources(), zohomailsvc.Resources(), xariossvc.Resources())
}

func (p *resellerProvider) DataSources(context.Context) []func() datasource.DataSource {
	return slices.Concat(namebay.DataSources(), ispmanager.DataSources(), zohomailsvc.DataSources(), xariossvc.DataSources())
}
