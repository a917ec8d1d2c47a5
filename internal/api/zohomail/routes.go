package zohomail

import "net/url"

// Every path the client calls, relative to its host's base URL, with the
// scope a refresh token needs for it. Routes marked "documented" are in
// Zoho's public Mail API pages; routes marked "undocumented" are the ones
// Zoho's own WHMCS module calls and are the first to check against a real
// partner account.

// Zoho Accounts.
const (
	// routeToken: POST (documented).
	routeToken = "oauth/v2/token"
)

// Zoho Mail (the mail host).
const (
	// routeOrganizations: POST creates a child org (documented); GET with
	// mode=getCustomerOrgDetails lists them (undocumented).
	routeOrganizations = "api/organization"
	// modeCustomerOrgs is the listing mode of GET routeOrganizations.
	modeCustomerOrgs = "getCustomerOrgDetails"
)

// orgRoute: GET (documented).
func orgRoute(zoid ZOID) string { return routeOrganizations + "/" + url.PathEscape(string(zoid)) }

// domainRoute: GET (documented); PUT verifies, the older documented path.
func domainRoute(zoid ZOID, domain string) string {
	return orgRoute(zoid) + "/domains/" + url.PathEscape(domain)
}

// verifyDomainRoute: PUT, the newer documented path.
func verifyDomainRoute(zoid ZOID, domain string) string {
	return domainRoute(zoid, domain) + "/verifyDomain"
}

// Zoho Mail admin (the mailadmin host).

// enableTrialRoute: PUT with ?planName= (undocumented).
func enableTrialRoute(zoid ZOID) string { return orgRoute(zoid) + "/enableTrial" }

// extendTrialRoute: PUT (undocumented).
func extendTrialRoute(zoid ZOID) string { return orgRoute(zoid) + "/extendTrial" }

// Zoho Store (the store host).
const (
	// routeSubscription: POST, PUT, GET, DELETE with one JSONString
	// parameter (undocumented).
	routeSubscription = "restapi/partner/v1/json/subscription"
	// storeServiceID is Zoho Mail (Workplace) in the store.
	storeServiceID = 1501
)

// Scopes a refresh token needs, per group of routes. The .ALL scope of a
// group covers its .CREATE, .READ and .UPDATE.
const (
	scopeOrgCreate    = "ZohoMail.partner.organization.CREATE"
	scopeOrgRead      = "ZohoMail.partner.organization.READ"
	scopeOrgUpdate    = "ZohoMail.partner.organization.UPDATE"
	scopeDomainRead   = "ZohoMail.organization.domains.READ"
	scopeDomainUpdate = "ZohoMail.organization.domains.UPDATE"
	scopeStore        = "ZohoPayments.partnersubscription.all"
)

// requiredScopes are the scopes to grant a refresh token for every call of
// this client.
const requiredScopes = "ZohoMail.partner.organization.ALL,ZohoMail.organization.domains.ALL,ZohoPayments.partnersubscription.all"
