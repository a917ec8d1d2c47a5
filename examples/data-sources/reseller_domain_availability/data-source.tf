data "reseller_domain_availability" "search" {
  names           = ["boulangerie-martin.fr", "boulangerie-martin.com"]
  suggestion_tlds = ["com", "fr", "eu"]
}

output "available" {
  value = { for r in data.reseller_domain_availability.search.results : r.name => r.available }
}
