# Hosted DNS: Namebay serves the zone and reseller_dns_record manages its records.
resource "reseller_domain" "shop" {
  name               = "boulangerie-martin.fr"
  period             = 2
  registrant_contact = reseller_contact.company.id
  admin_contact      = reseller_contact.owner.id
  hosted_dns         = true
  dnssec             = true
  zone_ttl           = 3600

  # A destroy fails while this is true. With it false, on_destroy decides:
  # "abandon" (turn auto-renew off and forget), "keep" or "delete".
  deletion_protection = true
}

# DNS hosted elsewhere.
resource "reseller_domain" "brand" {
  name               = "martin-bakery.com"
  registrant_contact = reseller_contact.company.id
  admin_contact      = reseller_contact.owner.id
  name_servers       = ["ns1.example-dns.net", "ns2.example-dns.net"]
  auto_renew         = true
  transfer_lock      = true
  whois_privacy      = true
}
