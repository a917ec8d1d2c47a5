# A customer on the call-analytics platform: Professional, a 14-day trial,
# its administrator (invited once the customer is enabled) and a Kazoo PBX
# connection with its own account and API key.
resource "reseller_customer" "bakery" {
  name         = "Boulangerie Martin"
  reference    = "WHMCS-1042" # shown on invoices; the provider finds the customer by it
  country_code = "FR"
  timezone     = "Europe/Paris"
  product_type = "professional"
  trial_days   = 14
  notes        = "Two shops, one call queue"

  primary_user = {
    display_name = "Camille Martin"
    email        = "camille@boulangerie-martin.fr"
    roles        = ["customer.website", "customer.admin", "customer.supervisor.all"]
  }

  pbx_connection = {
    type       = "kazoo"
    name       = "Martin Kazoo"
    host_rest  = "https://kazoo.example.net:8443/v2"
    account_id = "5e1c0b5e4d1f4a2bb1c2d3e4f5a6b7c8"
    enabled    = false # check it in the portal first
  }
  pbx_secret_wo         = var.kazoo_api_key # never stored
  pbx_secret_wo_version = 1                 # raise it after rotating the key

  deletion_protection = true
}

# An internal demo tenant, never billed.
resource "reseller_customer" "demo" {
  name            = "Sales demo"
  reference       = "DEMO-01"
  country_code    = "GB"
  product_type    = "essentials"
  internal_system = true
}

variable "kazoo_api_key" {
  type      = string
  sensitive = true
  ephemeral = true
}
