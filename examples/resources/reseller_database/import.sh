# A database is imported by <hosting pack domain>/<name>.
terraform import reseller_database.shop boulangerie-martin.fr/shop

# In a client account: <client_account>/<hosting pack domain>/<name>.
terraform import reseller_database.shop CL-000001/boulangerie-martin.fr/shop
