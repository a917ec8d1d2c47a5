resource "reseller_hosting_pack" "site" {
  domain          = reseller_domain.shop.name
  offer           = "HOSTING-PRO"
  period          = 1
  admin_contact   = reseller_contact.owner.id
  billing_contact = reseller_contact.company.id
  php_version     = "8.3"
  statistics      = true

  # Other domains served by the pack, each with the directory it serves.
  aliases = {
    "boulangerie-martin.com" = "/"
    "shop.martin-bakery.com" = "/shop"
  }

  # Raise by one to renew the pack once for `period` years (billed).
  renewals = 0

  # A destroy fails while this is true. With it false, on_destroy decides:
  # "abandon" (turn auto-renew off and forget) or "delete" (files included).
  deletion_protection = true
}
