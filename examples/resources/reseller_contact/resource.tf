resource "reseller_contact" "owner" {
  first_name  = "Camille"
  last_name   = "Martin"
  address     = "12 rue des Lilas"
  city        = "Lyon"
  postal_code = "69003"
  country     = "FR"
  email       = "camille.martin@example.net"
  phone       = "+33.472000000"
}

# An organisation, in a customer's client account.
resource "reseller_contact" "company" {
  client_account = "CL-000001"
  is_individual  = false
  organization   = "Boulangerie Martin SARL"
  first_name     = "Camille"
  last_name      = "Martin"
  address        = "12 rue des Lilas"
  city           = "Lyon"
  postal_code    = "69003"
  country        = "FR"
  email          = "admin@boulangerie-martin.example"
}
