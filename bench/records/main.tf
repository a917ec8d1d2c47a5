# What `make bench` plans: one contact, one domain with hosted DNS, and
# var.record_count A records in its zone. scripts/bench.sh applies it once,
# then times `terraform plan` with and without refresh.
terraform {
  required_version = ">= 1.5"
  required_providers {
    reseller = {
      source = "resellerkit/reseller"
    }
  }
}

# Endpoint, credentials and max_requests_per_second come from RESELLER_NAMEBAY_*.
provider "reseller" {}

variable "record_count" {
  description = "How many records the zone holds."
  type        = number
  default     = 1000
}

variable "domain" {
  description = "Domain whose zone holds the records."
  type        = string
  default     = "bench-records.com"
}

resource "reseller_contact" "owner" {
  first_name  = "Bench"
  last_name   = "Mark"
  address     = "1 rue du Test"
  city        = "Paris"
  postal_code = "75001"
  country     = "FR"
  email       = "bench@example.net"
}

resource "reseller_domain" "bench" {
  name               = var.domain
  period             = 1
  registrant_contact = reseller_contact.owner.id
  admin_contact      = reseller_contact.owner.id
  hosted_dns         = true
}

resource "reseller_dns_record" "host" {
  for_each = { for i in range(var.record_count) : "h${i}" => i }

  zone  = reseller_domain.bench.name
  name  = each.key
  type  = "A"
  value = "10.${floor(each.value / 65536) % 256}.${floor(each.value / 256) % 256}.${each.value % 256}"
}
