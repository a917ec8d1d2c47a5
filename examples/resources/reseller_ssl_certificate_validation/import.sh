# A validation is imported by the handle of its certificate.
terraform import reseller_ssl_certificate_validation.shop SSL-000001
