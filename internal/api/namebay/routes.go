package namebay

import (
	"net/url"
	"strconv"
)

// Every path the client calls, relative to the endpoint. Routes marked
// "proposal" were not seen in the public Namebay pages; they follow the
// sandbox's wire contract and are the ones to check against a real account.

const (
	// routeToken: POST (proposal).
	routeToken = "api/Token"
	// routeContacts: POST; GET (proposal).
	routeContacts = "api/Contact"
	// routeTlds: GET (proposal).
	routeTlds = "api/Tld"
	// routeAvailability: GET with one or more ?domain= (repeating it is a proposal).
	routeAvailability = "api/Domain/Availability"
	// routeSuggest: GET ?name=&tlds= (proposal).
	routeSuggest = "api/Domain/Suggest"
	// routeDomains: GET ?name=; POST (proposal).
	routeDomains = "api/Domain"
	// routeZones: GET ?name=; POST.
	routeZones = "api/Zone"
)

// contactRoute: GET; PUT and DELETE (proposal).
func contactRoute(handle string) string { return routeContacts + "/" + url.PathEscape(handle) }

// domainRoute: GET, PUT; DELETE (proposal).
func domainRoute(handle string) string { return routeDomains + "/" + url.PathEscape(handle) }

// nameServerRoute: GET, PUT.
func nameServerRoute(domain string) string { return domainRoute(domain) + "/NameServer" }

// domainContactRoute: GET, PUT.
func domainContactRoute(domain string) string { return domainRoute(domain) + "/Contact" }

// tradeRoute: POST (proposal).
func tradeRoute(domain string) string { return domainRoute(domain) + "/Trade" }

// renewRoute: POST (proposal).
func renewRoute(domain string) string { return domainRoute(domain) + "/Renew" }

// authInfoRoute: GET (proposal).
func authInfoRoute(domain string) string { return domainRoute(domain) + "/AuthInfo" }

// zoneRoute: GET, PUT.
func zoneRoute(handle string) string { return routeZones + "/" + url.PathEscape(handle) }

// dnssecRoute: GET, PUT (proposal).
func dnssecRoute(zone string) string { return zoneRoute(zone) + "/Dnssec" }

// recordsRoute: GET, POST. Paging with page and pageSize is a proposal.
func recordsRoute(zone string) string { return zoneRoute(zone) + "/Record" }

// recordRoute: PUT; GET and DELETE (proposal).
func recordRoute(zone string, id int64) string {
	return recordsRoute(zone) + "/" + strconv.FormatInt(id, 10)
}

// Hosting routes. PUT on a pack, POST of an FTP user and POST of a database
// are public; the others are proposals.
const (
	// routeHostings: GET ?domain=, POST (proposal).
	routeHostings = "api/Hosting"
	// routeHostingOffers: GET (proposal).
	routeHostingOffers = routeHostings + "/Offer"
)

// hostingRoute: PUT; GET and DELETE (proposal).
func hostingRoute(handle string) string { return routeHostings + "/" + url.PathEscape(handle) }

// hostingUpgradeRoute: POST (proposal).
func hostingUpgradeRoute(handle string) string { return hostingRoute(handle) + "/Upgrade" }

// hostingRenewRoute: POST (proposal).
func hostingRenewRoute(handle string) string { return hostingRoute(handle) + "/Renew" }

// hostingAliasesRoute: GET, POST (proposal).
func hostingAliasesRoute(handle string) string { return hostingRoute(handle) + "/Alias" }

// hostingAliasRoute: DELETE (proposal).
func hostingAliasRoute(handle, domain string) string {
	return hostingAliasesRoute(handle) + "/" + url.PathEscape(domain)
}

// ftpUsersRoute: POST; GET (proposal).
func ftpUsersRoute(handle string) string { return hostingRoute(handle) + "/User" }

// ftpUserRoute: GET, PUT, DELETE (proposal).
func ftpUserRoute(handle string, id int64) string {
	return ftpUsersRoute(handle) + "/" + strconv.FormatInt(id, 10)
}

// ftpUserPasswordRoute: POST (proposal).
func ftpUserPasswordRoute(handle string, id int64) string {
	return ftpUserRoute(handle, id) + "/Password"
}

// databasesRoute: POST; GET (proposal).
func databasesRoute(handle string) string { return hostingRoute(handle) + "/Db" }

// databaseRoute: GET, PUT, DELETE (proposal).
func databaseRoute(handle, name string) string {
	return databasesRoute(handle) + "/" + url.PathEscape(name)
}

// databasePasswordRoute: POST (proposal).
func databasePasswordRoute(handle, name string) string {
	return databaseRoute(handle, name) + "/Password"
}

// Certificate routes. GET of a certificate, Validate, Certificate and csr
// are public; the others are proposals modelled on the XML ssl_order and
// ssl_renew.
const (
	// routeCertificates: GET ?commonName= (paged), POST (proposal).
	routeCertificates = "api/Certificate"
	// routeCertProducts: GET (proposal).
	routeCertProducts = routeCertificates + "/Product"
	// routeCSR: POST (proposal).
	routeCSR = routeCertificates + "/Csr"
)

// certificateRoute: GET; PUT and DELETE (proposal).
func certificateRoute(handle string) string {
	return routeCertificates + "/" + url.PathEscape(handle)
}

// certificateValidateRoute: PUT.
func certificateValidateRoute(handle string) string { return certificateRoute(handle) + "/Validate" }

// issuedCertificateRoute: GET.
func issuedCertificateRoute(handle string) string { return certificateRoute(handle) + "/Certificate" }

// certificateCSRRoute: GET.
func certificateCSRRoute(handle string) string { return certificateRoute(handle) + "/csr" }

// certificateRenewRoute: POST (proposal).
func certificateRenewRoute(handle string) string { return certificateRoute(handle) + "/Renew" }

// certificateReissueRoute: POST (proposal).
func certificateReissueRoute(handle string) string { return certificateRoute(handle) + "/Reissue" }
