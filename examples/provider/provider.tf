# Every block is optional and every attribute falls back to RESELLER_<BLOCK>_<ATTR>,
# so a pipeline can configure the provider from its secret store alone.
provider "reseller" {
  namebay {
    username       = "my-reseller-login"
    password       = var.namebay_password
    client_account = "CL-000001" # default ?user= for Namebay objects; omit to act as the reseller
  }

  ispmanager {
    region   = "eu"
    username = "partner@example.com"
    password = var.ispmanager_password
  }

  zoho_mail {
    region        = "eu"
    client_id     = var.zoho_client_id
    client_secret = var.zoho_client_secret
    refresh_token = var.zoho_refresh_token
  }

  xarios {
    region        = "uk"
    client_id     = var.xarios_client_id
    client_secret = var.xarios_client_secret
    refresh_token = var.xarios_refresh_token
  }
}

variable "namebay_password" {
  type      = string
  sensitive = true
}
variable "ispmanager_password" {
  type      = string
  sensitive = true
}
variable "zoho_client_id" { type = string }
variable "zoho_client_secret" {
  type      = string
  sensitive = true
}
variable "zoho_refresh_token" {
  type      = string
  sensitive = true
}
variable "xarios_client_id" { type = string }
variable "xarios_client_secret" {
  type      = string
  sensitive = true
}
variable "xarios_refresh_token" {
  type      = string
  sensitive = true
}
