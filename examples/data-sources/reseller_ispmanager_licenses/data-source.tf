# Every licence of the partner account that is suspended: unpaid, or stopped by hand.
data "reseller_ispmanager_licenses" "suspended" {
  status = "suspended"
}

output "to_look_at" {
  value = [for l in data.reseller_ispmanager_licenses.suspended.licenses : "${l.id} ${l.name} (${l.product_name}, expired ${l.expiry_date})"]
}
