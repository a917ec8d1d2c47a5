# A licence is imported by its ID (the data source reseller_ispmanager_licenses lists them)...
terraform import reseller_ispmanager_license.web1 4001

# ...or by its name, when no other licence of the account has it.
terraform import reseller_ispmanager_license.web1 web1.boulangerie-martin.fr
