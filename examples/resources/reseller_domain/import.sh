# A domain of the reseller account, by name:
terraform import reseller_domain.brand martin-bakery.com

# A domain in a client account: <client_account>/<name>
terraform import reseller_domain.shop CL-000001/boulangerie-martin.fr
