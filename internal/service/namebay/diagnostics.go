package namebay

import (
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
)

// fieldPaths maps the API's PascalCase field names to a resource's attributes.
type fieldPaths map[string]path.Path

// addAPIError reports a failed call. When the API names the field it refused
// and the resource has an attribute for it, the error lands on that attribute.
func addAPIError(diags *diag.Diagnostics, summary string, err error, fields fieldPaths) {
	var apiErr *namebay.APIError
	if errors.As(err, &apiErr) {
		if p, ok := fields[apiErr.Field()]; ok {
			diags.AddAttributeError(p, summary, err.Error())
			return
		}
	}
	diags.AddError(summary, err.Error())
}

func objectSummary(action, kind, name string) string {
	return fmt.Sprintf("Could not %s %s %s", action, kind, name)
}
