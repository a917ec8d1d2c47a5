# Publish the TXT records the order asks for, in the domain's hosted zone.
resource "reseller_dns_record" "shop_validation" {
  for_each = { for r in reseller_ssl_certificate.shop.validation_records : r.name => r }

  zone  = reseller_domain.shop.name
  name  = each.value.name
  type  = each.value.type
  value = each.value.value
}

# Then wait for the certificate: it validates once the records exist, and
# again whenever a renewal or reissue changes them.
resource "reseller_ssl_certificate_validation" "shop" {
  certificate_id     = reseller_ssl_certificate.shop.id
  validation_records = [for r in reseller_dns_record.shop_validation : r.value]

  timeouts = {
    create = "45m"
  }
}

output "certificate_pem" {
  value = reseller_ssl_certificate_validation.shop.certificate_pem
}
