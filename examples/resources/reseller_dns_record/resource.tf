resource "reseller_dns_record" "www" {
  zone  = reseller_domain.shop.name
  name  = "www"
  type  = "A"
  value = "203.0.113.10"
}

resource "reseller_dns_record" "mx" {
  zone     = reseller_domain.shop.name
  name     = "@"
  type     = "MX"
  value    = "mx1.mail.example.net"
  priority = 10
}

# Long TXT values are split into 255-byte strings for you.
resource "reseller_dns_record" "spf" {
  zone  = reseller_domain.shop.name
  name  = "@"
  type  = "TXT"
  value = "v=spf1 include:_spf.mail.example.net -all"
}

resource "reseller_dns_record" "sip" {
  zone     = reseller_domain.shop.name
  name     = "_sip._tcp"
  type     = "SRV"
  priority = 10
  value    = "5 5060 sip.example.net"
}

resource "reseller_dns_record" "caa" {
  zone  = reseller_domain.shop.name
  name  = "@"
  type  = "CAA"
  value = "0 issue \"letsencrypt.org\""
}
