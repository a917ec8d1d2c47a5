package ispmanager_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/resellerkit/terraform-provider-reseller/internal/acctest"
)

func TestAccIspProductsAndLicenses(t *testing.T) {
	sb := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: liteHCL(sb, "listed.martin.example", "203.0.113.11", "") + fmt.Sprintf(`
data "reseller_ispmanager_products" "isp6" {
  kind           = "ispmanager6"
  orderable_only = true
}

data "reseller_ispmanager_products" "all" {}

data "reseller_ispmanager_licenses" "lite" {
  product_id = %d
  depends_on = [reseller_ispmanager_license.panel]
}

data "reseller_ispmanager_licenses" "suspended" {
  status     = "suspended"
  depends_on = [reseller_ispmanager_license.panel]
}
`, productLite),
			ConfigStateChecks: []statecheck.StateCheck{
				// The six ispmanager 6 tariffs, by ID: the two trials last.
				statecheck.ExpectKnownValue("data.reseller_ispmanager_products.isp6", tfjsonpath.New("products"), knownvalue.ListSizeExact(6)),
				statecheck.ExpectKnownValue("data.reseller_ispmanager_products.isp6", tfjsonpath.New("products").AtSliceIndex(3), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id":       knownvalue.Int64Exact(productBusiness),
					"needs_ip": knownvalue.Bool(true),
					"prices": knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{"months": knownvalue.Int64Exact(1), "cost": knownvalue.StringExact("48.00")}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{"months": knownvalue.Int64Exact(12), "cost": knownvalue.StringExact("480.00")}),
					}),
					"addons": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"id": knownvalue.Int64Exact(55236), "max": knownvalue.Int64Exact(50), "monthly_cost": knownvalue.StringExact("8.00"),
					})}),
				})),
				statecheck.ExpectKnownValue("data.reseller_ispmanager_products.isp6", tfjsonpath.New("products").AtSliceIndex(4), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id": knownvalue.Int64Exact(productTrial), "trial": knownvalue.Bool(true),
				})),
				// Without filters the legacy products are there too.
				statecheck.ExpectKnownValue("data.reseller_ispmanager_products.all", tfjsonpath.New("products"), knownvalue.ListSizeExact(12)),
				statecheck.ExpectKnownValue("data.reseller_ispmanager_licenses.lite", tfjsonpath.New("licenses"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"name": knownvalue.StringExact("listed.martin.example"), "ip": knownvalue.StringExact("203.0.113.11"),
						"status": knownvalue.StringExact("active"), "auto_renew": knownvalue.Bool(true), "item_type": knownvalue.StringExact("soft"),
					}),
				})),
				statecheck.ExpectKnownValue("data.reseller_ispmanager_licenses.suspended", tfjsonpath.New("licenses"), knownvalue.ListSizeExact(0)),
			},
		}},
	})
}
