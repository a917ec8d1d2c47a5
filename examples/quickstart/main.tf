# A customer's whole estate: its account on the call-analytics platform, a
# contact, a domain with hosted DNS and the records of its website and mail, a
# hosting pack with an FTP user and a database, a certificate for the site
# validated through DNS, the ispmanager licence of the customer's own server,
# and Zoho Mail for the domain with its verification and MX records.
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

# Credentials and endpoints come from RESELLER_NAMEBAY_*, RESELLER_ISPMANAGER_*,
# RESELLER_ZOHO_MAIL_* and RESELLER_XARIOS_* (the sandbox prints them).
provider "reseller" {}

variable "domain" {
  description = "Domain to register for the customer."
  type        = string
  default     = "acme-bakery.com"
}

variable "server_ip" {
  description = "IPv4 address of the customer's server: the site's A records and the panel licence point at it."
  type        = string
  default     = "203.0.113.10"
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

# The customer account, at the top of the estate: a tenant on the
# call-analytics platform with its administrator, who gets the invitation, and
# its PBX connection from the reseller's Kazoo template.
resource "reseller_customer" "acme" {
  name         = "Acme Bakery"
  reference    = "CRM-${var.domain}" # your CRM or billing ID for the customer
  country_code = "FR"
  timezone     = "Europe/Paris"
  product_type = "essentials"
  primary_user = {
    display_name = "Camille Martin"
    email        = "camille@${var.domain}"
    roles        = ["customer.website", "customer.admin"]
  }
  pbx_connection = {
    type        = "kazoo"
    name        = "Acme Kazoo"
    template_id = "tpl_kazoo_master"
    enabled     = true
  }
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
    apex  = { name = "@", type = "A", value = var.server_ip }
    www   = { name = "www", type = "A", value = var.server_ip }
    www6  = { name = "www", type = "AAAA", value = "2001:db8::10" }
    blog  = { name = "blog", type = "CNAME", value = "www.${var.domain}." }
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

# Mail: a Zoho Mail organisation for the domain on Workplace Standard, with
# the records Zoho asks for published in the hosted zone. The domain is
# verified as soon as Zoho sees the CNAME: at the latest on the next refresh.
resource "reseller_zoho_mail_org" "mail" {
  domain = reseller_domain.site.name
  super_admin = {
    first_name = reseller_contact.owner.first_name
    last_name  = reseller_contact.owner.last_name
    email      = "camille@${var.domain}"
  }
  plan       = "standard"
  licenses   = 3
  pay_period = "monthly"
  billing_address = {
    company_name = "Acme Bakery"
    street       = reseller_contact.owner.address
    city         = reseller_contact.owner.city
    state        = "Auvergne-Rhone-Alpes"
    country      = "France"
    zip_code     = reseller_contact.owner.postal_code
    phone        = "+33 4 72 00 00 00"
  }
}

resource "reseller_dns_record" "mail_verification" {
  zone  = reseller_domain.site.name
  name  = reseller_zoho_mail_org.mail.verification_record.name
  type  = reseller_zoho_mail_org.mail.verification_record.type
  value = reseller_zoho_mail_org.mail.verification_record.value
}

resource "reseller_dns_record" "mail" {
  count = 3

  zone     = reseller_domain.site.name
  name     = "@"
  type     = "MX"
  priority = reseller_zoho_mail_org.mail.mx_records[count.index].priority
  value    = trimsuffix(reseller_zoho_mail_org.mail.mx_records[count.index].value, ".")
}

resource "reseller_dns_record" "spf" {
  zone  = reseller_domain.site.name
  name  = "@"
  type  = "TXT"
  value = reseller_zoho_mail_org.mail.spf_value
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

# A DV certificate for the site. The platform generates the key (returned once,
# Sensitive); give `csr` instead to keep the key out of this state.
resource "reseller_ssl_certificate" "site" {
  product                   = "AlphaSSL"
  common_name               = var.domain
  subject_alternative_names = ["www.${var.domain}"]
  admin_contact             = reseller_contact.owner.id
}

# The TXT records that prove control of the names. Their names are known at
# plan, so for_each can key on them.
resource "reseller_dns_record" "certificate_validation" {
  for_each = { for r in reseller_ssl_certificate.site.validation_records : r.name => r }

  zone  = reseller_domain.site.name
  name  = each.value.name
  type  = each.value.type
  value = each.value.value
}

# Waits until the certificate is issued (and again after each renewal).
resource "reseller_ssl_certificate_validation" "site" {
  certificate_id     = reseller_ssl_certificate.site.id
  validation_records = [for r in reseller_dns_record.certificate_validation : r.value]
}

# The server's control panel: an ispmanager 6 lite licence bound to its IP,
# paid from the ispmanager partner balance and renewed monthly.
resource "reseller_ispmanager_license" "panel" {
  product_id = 55227 # ispmanager 6 lite (see data.reseller_ispmanager_products)
  name       = "web1.${var.domain}"
  ip         = var.server_ip
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

output "certificate_not_after" {
  value = reseller_ssl_certificate_validation.site.not_after
}

output "license_id" {
  value = reseller_ispmanager_license.panel.id
}

output "license_expiry_date" {
  value = reseller_ispmanager_license.panel.expiry_date
}

output "mail_admin_console" {
  value = reseller_zoho_mail_org.mail.admin_console_url
}

output "customer_id" {
  value = reseller_customer.acme.id
}
