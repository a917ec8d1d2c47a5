data "reseller_zoho_mail_plans" "all" {}

# The paid plans that can be paid monthly.
output "monthly_plans" {
  value = [for p in data.reseller_zoho_mail_plans.all.plans : p.name if contains(p.pay_periods, "monthly")]
}
