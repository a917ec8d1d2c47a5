# Mail for a customer's domain: Workplace Standard for five people, paid
# monthly, with the verification and MX records published in the domain's
# hosted zone.
resource "reseller_zoho_mail_org" "bakery" {
  domain = "boulangerie-martin.fr"
  super_admin = {
    first_name = "Camille"
    last_name  = "Martin"
    email      = "camille@boulangerie-martin.fr"
  }
  initial_password_wo = var.zoho_admin_password # sent once, never stored

  plan       = "standard"
  licenses   = 5
  pay_period = "monthly"
  billing_address = {
    company_name = "Boulangerie Martin"
    street       = "12 rue des Lilas"
    city         = "Lyon"
    state        = "Auvergne-Rhone-Alpes"
    country      = "France"
    zip_code     = "69003"
    phone        = "+33 4 72 00 00 00"
  }
}

resource "reseller_dns_record" "zoho_verification" {
  zone  = "boulangerie-martin.fr"
  name  = reseller_zoho_mail_org.bakery.verification_record.name
  type  = reseller_zoho_mail_org.bakery.verification_record.type
  value = reseller_zoho_mail_org.bakery.verification_record.value
}

resource "reseller_dns_record" "zoho_mx" {
  count    = length(reseller_zoho_mail_org.bakery.mx_records)
  zone     = "boulangerie-martin.fr"
  name     = "@"
  type     = "MX"
  priority = reseller_zoho_mail_org.bakery.mx_records[count.index].priority
  value    = trimsuffix(reseller_zoho_mail_org.bakery.mx_records[count.index].value, ".")
}

resource "reseller_dns_record" "zoho_spf" {
  zone  = "boulangerie-martin.fr"
  name  = "@"
  type  = "TXT"
  value = reseller_zoho_mail_org.bakery.spf_value
}

variable "zoho_admin_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

output "admin_console" {
  value = reseller_zoho_mail_org.bakery.admin_console_url
}
