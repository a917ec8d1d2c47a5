data "reseller_user_roles" "all" {}

# Roles that use a paid licence.
output "licensed_roles" {
  value = [for r in data.reseller_user_roles.all.roles : r.key if r.licensed]
}
