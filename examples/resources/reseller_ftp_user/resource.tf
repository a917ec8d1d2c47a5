variable "webmaster_password" {
  description = "FTP password of the webmaster (6-20 characters: a letter, a digit and a symbol)."
  type        = string
  sensitive   = true
  ephemeral   = true
}

resource "reseller_ftp_user" "webmaster" {
  hosting_pack = reseller_hosting_pack.site.id
  login        = "webmaster"
  directory    = "/www"
  full_name    = "Camille Martin"
  description  = "Site updates"

  # Write-only: sent to Namebay, never stored in the state.
  password_wo = var.webmaster_password
  # Bump after changing the password to send it again.
  password_wo_version = 1
}
