data "reseller_product_types" "all" {}

# The product types a customer can later move away from.
output "changeable" {
  value = [for p in data.reseller_product_types.all.product_types : p.id if p.changeable]
}
