// Package namebay holds the resources and data sources of the Namebay family:
// contacts, domains, DNS records, availability, the TLD catalogue, the
// hosting packs with their FTP users and databases, and SSL certificates.
package namebay

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Resources lists the family's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		newContactResource,
		newDomainResource,
		newDNSRecordResource,
		newHostingPackResource,
		newFtpUserResource,
		newDatabaseResource,
		newSSLCertificateResource,
		newSSLValidationResource,
	}
}

// DataSources lists the family's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newDomainAvailabilityDataSource,
		newTldsDataSource,
		newHostingOffersDataSource,
		newSSLProductsDataSource,
	}
}

const clientAccountHelp = "Client account handle (the API's `?user=`) that owns the %s, so a reseller can place it in its customer's account. " +
	"Defaults to the provider's `namebay.client_account`, otherwise the reseller account itself. Changing it replaces the %s. " +
	"When set, it is the first part of the import ID."

func clientAccountAttribute(kind string) schema.StringAttribute {
	return schema.StringAttribute{
		Optional:            true,
		MarkdownDescription: fmt.Sprintf(clientAccountHelp, kind, kind),
		Validators:          []validator.String{stringvalidator.LengthBetween(1, 64)},
		PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
	}
}

func clientAccountDataSourceAttribute() dsschema.StringAttribute {
	return dsschema.StringAttribute{
		Optional: true,
		MarkdownDescription: "Client account handle (the API's `?user=`) to act for. Defaults to the provider's " +
			"`namebay.client_account`, otherwise the reseller account itself.",
		Validators: []validator.String{stringvalidator.LengthBetween(1, 64)},
	}
}

// optionalString maps the API's empty string to null, so an unset optional
// attribute never shows a diff against "".
func optionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
