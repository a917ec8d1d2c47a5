data "reseller_hosting_offers" "all" {}

# The smallest offer that runs PHP 8.4 with at least 5 databases.
locals {
  fitting = [
    for o in data.reseller_hosting_offers.all.offers : o
    if contains(o.php_versions, "8.4") && o.max_databases >= 5
  ]
}

output "offer_for_the_shop" {
  value = local.fitting[0].product_id
}
