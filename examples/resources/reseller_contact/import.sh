# A contact of the reseller account, by handle:
terraform import reseller_contact.owner CT-000001

# A contact in a client account: <client_account>/<handle>
terraform import reseller_contact.company CL-000001/CT-000002
