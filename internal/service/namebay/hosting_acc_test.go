package namebay_test

import (
	"fmt"

	"github.com/resellerkit/terraform-provider-reseller/internal/acctest"
)

// hostingLogin is the reseller account the acceptance tests act as.
func hostingLogin(sb *acctest.Sandbox) string { return sb.Env("RESELLER_NAMEBAY_USERNAME") }

// hostingPackHCL is a contact "owner" and a pack "site" for domain on offer,
// deleted on destroy; extra adds attributes to the pack.
func hostingPackHCL(sb *acctest.Sandbox, domain, offer, extra string) string {
	return sb.ProviderConfig() + contactHCL("owner", "") + fmt.Sprintf(`
resource "reseller_hosting_pack" "site" {
  domain        = %q
  offer         = %q
  admin_contact = reseller_contact.owner.id
  on_destroy    = "delete"
  %s
}
`, domain, offer, extra)
}
