// Package provider defines the reseller provider: its configuration blocks,
// one per partner family, and the list of resources and data sources.
package provider

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	namebayapi "github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
	"github.com/resellerkit/terraform-provider-reseller/internal/service/namebay"
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
		if b.name == "namebay" {
			nb, diags := p.configureNamebay(r, userAgent)
			resp.Diagnostics.Append(diags...)
			data.Namebay = nb
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

func (p *resellerProvider) configureNamebay(r resolved, userAgent string) (*providerdata.Namebay, diag.Diagnostics) {
	var diags diag.Diagnostics
	rate, err := r.float("max_requests_per_second", 10)
	if err != nil {
		diags.AddAttributeError(path.Root("namebay").AtName("max_requests_per_second"), "Invalid Namebay setting", err.Error())
	}
	retries, err := r.int("max_retries", 5)
	if err != nil {
		diags.AddAttributeError(path.Root("namebay").AtName("max_retries"), "Invalid Namebay setting", err.Error())
	}
	if diags.HasError() {
		return nil, diags
	}
	if retries == 0 {
		retries = -1 // the transport reads 0 as "default"
	}
	client, err := namebayapi.New(namebayapi.Config{
		Endpoint: r.string("endpoint", "https://rest.namebay.com"),
		Username: r.values["username"],
		Password: r.values["password"],
		HTTP: transport.Config{
			Subsystem:         "namebay",
			UserAgent:         userAgent,
			RequestsPerSecond: rate,
			MaxRetries:        retries,
		},
	})
	if err != nil {
		diags.AddAttributeError(path.Root("namebay").AtName("endpoint"), "Invalid Namebay endpoint", err.Error())
		return nil, diags
	}
	return providerdata.NewNamebay(client, r.values["client_account"]), diags
}

func (p *resellerProvider) Resources(context.Context) []func() resource.Resource {
	return namebay.Resources()
}

func (p *resellerProvider) DataSources(context.Context) []func() datasource.DataSource {
	return namebay.DataSources()
}
