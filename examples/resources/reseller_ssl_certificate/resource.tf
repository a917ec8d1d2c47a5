# The key stays with you: the tls provider makes it and the request, and only
# the request (public) reaches Namebay.
resource "tls_private_key" "shop" {
  algorithm   = "ECDSA"
  ecdsa_curve = "P256"
}

resource "tls_cert_request" "shop" {
  private_key_pem = tls_private_key.shop.private_key_pem
  subject {
    common_name = "boulangerie-martin.fr"
  }
  dns_names = ["boulangerie-martin.fr", "www.boulangerie-martin.fr"]
}

resource "reseller_ssl_certificate" "shop" {
  product                   = "DomainSSL"
  period                    = 1
  common_name               = "boulangerie-martin.fr"
  subject_alternative_names = ["www.boulangerie-martin.fr"]
  csr                       = tls_cert_request.shop.cert_request_pem
  admin_contact             = reseller_contact.owner.id

  # Renew (billed) once the certificate expires within 30 days.
  early_renewal_days = 30

  # A destroy fails while this is true. With it false, on_destroy decides:
  # "abandon" (stop auto-renew and forget) or "revoke".
  deletion_protection = true
}

# Without csr, the platform generates the key, returned once in
# private_key_pem (Sensitive).
resource "reseller_ssl_certificate" "wildcard" {
  product           = "WildcardSSL"
  common_name       = "*.martin-bakery.com"
  validation_method = "email"
  approver_email    = "admin@martin-bakery.com"
  admin_contact     = reseller_contact.owner.id
}
