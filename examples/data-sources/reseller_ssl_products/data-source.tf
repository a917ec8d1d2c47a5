data "reseller_ssl_products" "all" {}

# The cheapest DV product that covers a wildcard name.
locals {
  wildcard = [
    for p in data.reseller_ssl_products.all.products : p
    if p.wildcard && p.validation == "DV"
  ]
}

output "wildcard_product" {
  value = local.wildcard[0].name
}
