# An FTP user is imported by <hosting pack domain>/<login>.
terraform import reseller_ftp_user.webmaster boulangerie-martin.fr/webmaster

# In a client account: <client_account>/<hosting pack domain>/<login>.
terraform import reseller_ftp_user.webmaster CL-000001/boulangerie-martin.fr/webmaster
