// Package ispmanager holds the resources and data sources of the ispmanager
// family: server licences bought through the BILLmanager partner API, and the
// catalog of licence products.
package ispmanager

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/ispmanager"
	"github.com/resellerkit/terraform-provider-reseller/internal/providerdata"
)

// Resources lists the family's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{newLicenseResource}
}

// DataSources lists the family's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{newProductsDataSource, newLicensesDataSource}
}

// products reads the catalog once per operation.
func products(ctx context.Context, isp *providerdata.Ispmanager) ([]ispmanager.Product, error) {
	return isp.Products.Get(ctx, "", func(ctx context.Context) ([]ispmanager.Product, error) {
		return isp.Client.Products(ctx, false)
	})
}

func findProduct(all []ispmanager.Product, id int64) *ispmanager.Product {
	for i := range all {
		if all[i].ID == id {
			return &all[i]
		}
	}
	return nil
}

// orderableIDs lists the products that can be ordered, for error messages.
func orderableIDs(all []ispmanager.Product) string {
	var ids []string
	for _, p := range all {
		if p.Orderable {
			ids = append(ids, fmt.Sprintf("%d (%s)", p.ID, p.Name))
		}
	}
	return strings.Join(ids, ", ")
}

func periodList(p ispmanager.Product) string {
	var months []string
	for _, price := range p.Prices {
		months = append(months, strconv.Itoa(price.Months))
	}
	return strings.Join(months, ", ")
}

// statusName is the lower-case word the resources show for a status code.
func statusName(status int) string {
	switch status {
	case ispmanager.StatusOrdered:
		return "ordered"
	case ispmanager.StatusActive:
		return "active"
	case ispmanager.StatusSuspended:
		return "suspended"
	case ispmanager.StatusDeleted:
		return "deleted"
	case ispmanager.StatusProcessing:
		return "processing"
	}
	return "unknown"
}

// licenseFields maps the API's field names to the licence's attributes.
var licenseFields = map[string]path.Path{
	"pricelist":   path.Root("product_id"),
	"period":      path.Root("period"),
	"ip":          path.Root("ip"),
	"licname":     path.Root("name"),
	"comment":     path.Root("name"),
	"autoprolong": path.Root("auto_renew"),
	"remoteid":    path.Root("remote_id"),
}

// addAPIError reports a failed call, on the attribute the API named when
// there is one.
func addAPIError(diags *diag.Diagnostics, summary string, err error) {
	var apiErr *ispmanager.APIError
	if errors.As(err, &apiErr) {
		if p, ok := licenseFields[apiErr.Object]; ok {
			diags.AddAttributeError(p, summary, err.Error())
			return
		}
		if strings.HasPrefix(apiErr.Object, "addon_") {
			diags.AddAttributeError(path.Root("addons").AtMapKey(strings.TrimPrefix(apiErr.Object, "addon_")), summary, err.Error())
			return
		}
	}
	diags.AddError(summary, err.Error())
}

// sortedAddonIDs lists a product's addon IDs, for error messages.
func sortedAddonIDs(p ispmanager.Product) string {
	if len(p.Addons) == 0 {
		return "none"
	}
	var ids []string
	for _, a := range p.Addons {
		ids = append(ids, fmt.Sprintf("%d (%s, %d-%d)", a.ID, a.Name, a.Min, a.Max))
	}
	slices.Sort(ids)
	return strings.Join(ids, ", ")
}
