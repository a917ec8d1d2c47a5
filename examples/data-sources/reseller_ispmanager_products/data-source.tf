data "reseller_ispmanager_products" "panels" {
  kind           = "ispmanager6"
  orderable_only = true
}

# Product IDs by tariff name, e.g. local.panel_ids["ispmanager 6 pro"].
locals {
  panel_ids = { for p in data.reseller_ispmanager_products.panels.products : p.name => p.id }
}

output "monthly_prices" {
  value = {
    for p in data.reseller_ispmanager_products.panels.products :
    p.name => one([for price in p.prices : price.cost if price.months == 1])
    if !p.trial
  }
}
