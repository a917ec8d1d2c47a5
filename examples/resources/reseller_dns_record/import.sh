# <zone>/<record id>
terraform import reseller_dns_record.www boulangerie-martin.fr/1042

# A record of a zone in a client account: <client_account>/<zone>/<record id>
terraform import reseller_dns_record.www CL-000001/boulangerie-martin.fr/1042
