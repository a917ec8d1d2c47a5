data "reseller_tlds" "all" {}

output "com_price" {
  value = one([for t in data.reseller_tlds.all.tlds : t.create_price if t.name == "com"])
}
