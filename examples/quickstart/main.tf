# A customer's domain with hosted DNS: a contact, the domain, and the records
# of its website and mail. `make demo` applies it against the sandbox.
terraform {
  required_version = ">= 1.5"
  required_providers {
    reseller = {
      source = "resellerkit/reseller"
    }
  }
}

# Credentials and endpoint come from RESELLER_NAMEBAY_* (the sandbox prints them).
provider "reseller" {}

variable "domain" {
  description = "Domain to register for the customer."
  type        = string
  default     = "acme-bakery.com"
}

resource "reseller_contact" "owner" {
  first_name  = "Camille"
  last_name   = "Martin"
  address     = "12 rue des Lilas"
  city        = "Lyon"
  postal_code = "69003"
  country     = "FR"
  email       = "camille.martin@example.net"
  phone       = "+33.472000000"
}

resource "reseller_domain" "site" {
  name               = var.domain
  period             = 1
  registrant_contact = reseller_contact.owner.id
  admin_contact      = reseller_contact.owner.id
  hosted_dns         = true
  zone_ttl           = 3600
}

locals {
  records = {
    apex  = { name = "@", type = "A", value = "203.0.113.10" }
    www   = { name = "www", type = "A", value = "203.0.113.10" }
    www6  = { name = "www", type = "AAAA", value = "2001:db8::10" }
    blog  = { name = "blog", type = "CNAME", value = "www.${var.domain}." }
    spf   = { name = "@", type = "TXT", value = "v=spf1 mx -all" }
    dmarc = { name = "_dmarc", type = "TXT", value = "v=DMARC1; p=quarantine" }
  }
}

resource "reseller_dns_record" "site" {
  for_each = local.records

  zone  = reseller_domain.site.name
  name  = each.value.name
  type  = each.value.type
  value = each.value.value
}

resource "reseller_dns_record" "mail" {
  zone     = reseller_domain.site.name
  name     = "@"
  type     = "MX"
  value    = "mx1.mail.example.net"
  priority = 10
}

output "zone_handle" {
  value = reseller_domain.site.zone_handle
}

output "www_record_id" {
  value = reseller_dns_record.site["www"].id
}

output "expires_at" {
  value = reseller_domain.site.expires_at
}
