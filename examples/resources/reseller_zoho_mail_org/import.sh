# An org is imported by its ZOID...
terraform import reseller_zoho_mail_org.bakery 76006415

# ...or by its domain.
terraform import reseller_zoho_mail_org.bakery boulangerie-martin.fr
