# The control panel of a customer's server.
resource "reseller_ispmanager_license" "web1" {
  product_id = 55227 # ispmanager 6 lite
  name       = "web1.boulangerie-martin.fr"
  ip         = "203.0.113.10"
  remote_id  = "whmcs-1042" # your billing system's service ID
}

# A hosting company's own server: ispmanager 6 business with two extra
# servers, paid a year at a time, never deleted by a stray destroy.
resource "reseller_ispmanager_license" "cluster" {
  product_id          = 55230 # ispmanager 6 business
  name                = "cluster.hebergeur.example"
  ip                  = "203.0.113.20"
  period              = 12
  addons              = { "55236" = 2 } # extra servers
  deletion_protection = true
}

# Renewed by hand: created with renewals = 0, then raised to 1, which renewed
# it once for 12 months (the plan said what it would cost).
resource "reseller_ispmanager_license" "annual" {
  product_id = 55228 # ispmanager 6 pro
  name       = "shop.boulangerie-martin.fr"
  ip         = "203.0.113.30"
  period     = 12
  auto_renew = false
  renewals   = 1
}

# VMmanager 6 is activated by key: no IP.
resource "reseller_ispmanager_license" "vm" {
  product_id = 55163 # VMmanager 6
  name       = "vm-cluster-paris"
  addons     = { "55165" = 3 } # nodes
}

output "panel_key" {
  value     = reseller_ispmanager_license.web1.license_key
  sensitive = true
}
