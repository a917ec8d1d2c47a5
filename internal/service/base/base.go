// Package base holds what every resource and data source shares: the
// Configure type check, the partner-family check, and import ID parsing, so a
// resource file holds its schema, its model and its CRUD.
package base

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
)

// Resource is embedded by every resource. Name is the type name without the
// provider prefix ("domain" for reseller_domain).
type Resource struct {
	Name string
	Data *providerdata.Data
}

// Metadata sets the resource type name.
func (r *Resource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.Name
}

// Configure keeps the provider data. It is called before the provider is
// configured too, with nil data, which is not an error.
func (r *Resource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.Data = configure(req.ProviderData, &resp.Diagnostics)
}

// DataSource is embedded by every data source.
type DataSource struct {
	Name string
	Data *providerdata.Data
}

// Metadata sets the data source type name.
func (d *DataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.Name
}

// Configure keeps the provider data.
func (d *DataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.Data = configure(req.ProviderData, &resp.Diagnostics)
}

func configure(providerData any, diags *diag.Diagnostics) *providerdata.Data {
	if providerData == nil {
		return nil
	}
	data, ok := providerData.(*providerdata.Data)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerdata.Data, got %T. This is a bug in the provider; please report it.", providerData))
		return nil
	}
	return data
}

// Namebay returns the configured Namebay family, or adds an error naming the
// block and the environment variables to set. It returns nil without an
// error while the provider itself is not configured yet (its configuration
// depends on values known only after apply).
func Namebay(data *providerdata.Data, typeName string, diags *diag.Diagnostics) *providerdata.Namebay {
	if data == nil {
		return nil
	}
	if data.Namebay == nil {
		diags.AddError("Namebay is not configured",
			fmt.Sprintf("%s needs the Namebay partner API. %s", typeName, data.Unconfigured["namebay"]))
		return nil
	}
	return data.Namebay
}

// Ispmanager returns the configured ispmanager family, or adds an error
// naming the block and the environment variables to set; nil without an
// error while the provider itself is not configured yet.
func Ispmanager(data *providerdata.Data, typeName string, diags *diag.Diagnostics) *providerdata.Ispmanager {
	if data == nil {
		return nil
	}
	if data.Ispmanager == nil {
		diags.AddError("ispmanager is not configured",
			fmt.Sprintf("%s needs the ispmanager partner API. %s", typeName, data.Unconfigured["ispmanager"]))
		return nil
	}
	return data.Ispmanager
}

// ZohoMail returns the configured Zoho Mail family, or adds an error naming
// the block and the environment variables to set; nil without an error while
// the provider itself is not configured yet.
func ZohoMail(data *providerdata.Data, typeName string, diags *diag.Diagnostics) *providerdata.ZohoMail {
	if data == nil {
		return nil
	}
	if data.ZohoMail == nil {
		diags.AddError("Zoho Mail is not configured",
			fmt.Sprintf("%s needs the Zoho Mail partner API. %s", typeName, data.Unconfigured["zoho_mail"]))
		return nil
	}
	return data.ZohoMail
}

// Xarios returns the configured Xarios family, or adds an error naming the
// block and the environment variables to set; nil without an error while
// the provider itself is not configured yet.
func Xarios(data *providerdata.Data, typeName string, diags *diag.Diagnostics) *providerdata.Xarios {
	if data == nil {
		return nil
	}
	if data.Xarios == nil {
		diags.AddError("Xarios is not configured",
			fmt.Sprintf("%s needs the Xarios reseller API. %s", typeName, data.Unconfigured["xarios"]))
		return nil
	}
	return data.Xarios
}

// ClientAccount picks the `?user=` handle of an object: the resource's own
// client_account when set, else the provider default.
func ClientAccount(own types.String, nb *providerdata.Namebay) string {
	if !own.IsNull() && !own.IsUnknown() && own.ValueString() != "" {
		return own.ValueString()
	}
	if nb == nil {
		return ""
	}
	return nb.ClientAccount
}
