# A hosting pack is imported by its domain.
terraform import reseller_hosting_pack.site boulangerie-martin.fr

# A pack in a client account: <client_account>/<domain>.
terraform import reseller_hosting_pack.site CL-000001/boulangerie-martin.fr
