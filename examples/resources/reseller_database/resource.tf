variable "shop_db_password" {
  description = "Password of the shop database user (6-20 characters: a letter, a digit and a symbol)."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "reseller_database" "shop" {
  hosting_pack  = reseller_hosting_pack.site.id
  name          = "shop"
  user          = "shop_app"
  size_limit_mb = 512

  # Write-only: sent to Namebay, never stored in the state.
  password_wo         = var.shop_db_password
  password_wo_version = 1

  lifecycle {
    prevent_destroy = true
  }
}
