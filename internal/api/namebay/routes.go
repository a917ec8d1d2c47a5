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
