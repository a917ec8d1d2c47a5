data "reseller_pbx_templates" "all" {}

# The reseller's default template, for new customers' PBX connections.
output "default_template" {
  value = one([for t in data.reseller_pbx_templates.all.templates : t.id if t.default])
}
