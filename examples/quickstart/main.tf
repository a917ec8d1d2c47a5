# A customer's estate: a contact, a domain with hosted DNS and the records of
# its website and mail, and a hosting pack with an FTP user and a database.
# `make demo` applies it against the sandbox.
terraform {
  # Write-only passwords (password_wo) need Terraform 1.11.
  required_version = ">= 1.11"
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

# Passwords are ephemeral: Terraform passes them to the provider and never
# writes them to the state or the plan. Set them with TF_VAR_ftp_password and
# TF_VAR_db_password (6-20 characters with a letter, a digit and a symbol).
variable "ftp_password" {
  description = "Password of the webmaster's FTP account."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "db_password" {
  description = "Password of the shop database's user."
  type        = string
  sensitive   = true
  ephemeral   = true
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

resource "reseller_hosting_pack" "site" {
  domain        = reseller_domain.site.name
  offer         = "HOSTING-START"
  admin_contact = reseller_contact.owner.id
  php_version   = "8.3"
  statistics    = true
  aliases = {
    "shop.${var.domain}" = "/shop"
  }
}

resource "reseller_ftp_user" "webmaster" {
  hosting_pack        = reseller_hosting_pack.site.id
  login               = "webmaster"
  directory           = "/"
  full_name           = "Camille Martin"
  password_wo         = var.ftp_password
  password_wo_version = 1
}

resource "reseller_database" "shop" {
  hosting_pack        = reseller_hosting_pack.site.id
  name                = "shop"
  user                = "shop_app"
  size_limit_mb       = 50
  password_wo         = var.db_password
  password_wo_version = 1
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

output "hosting_handle" {
  value = reseller_hosting_pack.site.handle
}

output "ftp" {
  value = "${reseller_ftp_user.webmaster.login}@${reseller_ftp_user.webmaster.host}"
}

output "database_server" {
  value = reseller_database.shop.server
}
