# A certificate is imported by its Namebay handle.
terraform import reseller_ssl_certificate.shop SSL-000001

# A certificate in a client account: <client_account>/<handle>.
terraform import reseller_ssl_certificate.shop CL-000001/SSL-000001
