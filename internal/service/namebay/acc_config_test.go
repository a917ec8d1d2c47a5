package namebay_test

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
)

// contactHCL is a valid individual contact named label; extra adds
// attributes the base does not set.
func contactHCL(label, extra string) string {
	return fmt.Sprintf(`
resource "reseller_contact" %q {
  first_name  = "Camille"
  last_name   = "Martin"
  address     = "12 rue des Lilas"
  city        = "Lyon"
  postal_code = "69003"
  country     = "FR"
  email       = "camille.martin@example.net"
  phone       = "+33.472000000"
  %s
}
`, label, extra)
}

// emptyPlanAfterApply asserts that a step converged: the plan Terraform makes
// right after the apply has nothing to do.
var emptyPlanAfterApply = resource.ConfigPlanChecks{
	PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
}
