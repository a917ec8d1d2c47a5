package zohomail

// regionDomains are the Zoho domains of each data centre.
var regionDomains = map[string]string{
	"us": "zoho.com",
	"eu": "zoho.eu",
	"in": "zoho.in",
	"au": "zoho.com.au",
	"jp": "zoho.jp",
	"sa": "zoho.sa",
	"uk": "zoho.uk",
	"cn": "zoho.com.cn",
	"ae": "zoho.ae",
	"ca": "zoho.ca",
}

// RegionURLs returns the base URLs of the Zoho hosts of a data centre: us,
// eu, in, au, jp, ca, sa, uk, cn or ae. Each host is <name>.<region's
// domain>, as Zoho's own modules build them.
//
// Canada is the exception: Zoho Accounts runs on accounts.zohocloud.ca,
// while Zoho's newer Mail pages (and the only public Terraform client) put
// Mail on mail.zoho.ca rather than the older mail.zohocloud.ca; mailadmin
// and store follow Mail on zoho.ca. The hosts of ca, sa, uk and ae are the
// least certain: the provider's endpoint settings override them.
func RegionURLs(region string) (accounts, mail, mailadmin, store string, ok bool) {
	domain, ok := regionDomains[region]
	if !ok {
		return "", "", "", "", false
	}
	accounts = "https://accounts." + domain
	if region == "ca" {
		accounts = "https://accounts.zohocloud.ca"
	}
	return accounts, "https://mail." + domain, "https://mailadmin." + domain, "https://store." + domain, true
}
