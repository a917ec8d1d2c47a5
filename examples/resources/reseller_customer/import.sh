# A customer is imported by its tenant ID...
terraform import reseller_customer.bakery cus_0123456789abcdef0123

# ...or by its reference.
terraform import reseller_customer.bakery WHMCS-1042
