// Package xarios holds the resources and data sources of the Xarios
// family: customer tenants of the white-labelled call-analytics platform,
// with their primary user and PBX connection, and the catalogs of product
// types, PBX templates and user roles.
package xarios

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/xarios"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
)

// Resources lists the family's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{newCustomerResource}
}

// DataSources lists the family's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{newProductTypesDataSource, newPBXTemplatesDataSource, newUserRolesDataSource}
}

// profiles reads the product types once per operation.
func profiles(ctx context.Context, x *providerdata.Xarios) ([]xarios.TenantProfile, error) {
	return x.Profiles.Get(ctx, "", x.Client.TenantProfiles)
}

func findProfile(all []xarios.TenantProfile, id string) *xarios.TenantProfile {
	for i := range all {
		if all[i].ID == id {
			return &all[i]
		}
	}
	return nil
}

func profileIDs(all []xarios.TenantProfile) string {
	ids := make([]string, 0, len(all))
	for _, p := range all {
		ids = append(ids, p.ID)
	}
	return strings.Join(ids, ", ")
}

// PBX kinds as the configuration names them, and as the API does.
var pbxTypes = map[string]string{
	"kazoo":   "KazooPbxConnectionProfile",
	"threecx": "ThreeCxConnectionProfile",
	"teams":   "TeamsConnectionProfile",
}

func pbxKind(apiType string) string {
	for kind, t := range pbxTypes {
		if t == apiType {
			return kind
		}
	}
	return apiType
}

func ptr[T any](v T) *T { return &v }

func describe(action, reference string) string {
	return fmt.Sprintf("Could not %s the customer %q", action, reference)
}
