// Package namebay emulates the Namebay REST API (contacts, domains, DNS
// zones and records, hosting packs, SSL certificates) as the
// cmd/reseller-sandbox README describes it. It keeps its own wire types and
// validation, written from that contract and not shared with the
// provider's client.
package namebay

import (
	"net/http"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// Family is the name of the emulator, its URL prefix and the family of its
// accounts.
const Family = "namebay"

// The accounts of a fresh store.
const (
	SeedReseller = "reseller"
	SeedClient   = "client"
)

// Emulator is the Namebay partner API of one sandbox. All of its state is
// guarded by the world lock: handlers run inside platform.World.Do.
type Emulator struct {
	world  *platform.World
	tokens map[string]token
	state
}

// New returns the emulator over world. Call Load before serving.
func New(world *platform.World) *Emulator {
	return &Emulator{world: world, tokens: map[string]token{}, state: newState()}
}

// Name is the family name, also the URL prefix ("/namebay").
func (e *Emulator) Name() string { return Family }

// Seed creates the accounts of a fresh store: a reseller with a random
// password and one client account of it.
func (e *Emulator) Seed(tx *platform.Tx) error {
	reseller := platform.Account{Family: Family, Login: SeedReseller, Password: platform.RandomSecret(20), Kind: platform.KindReseller}
	if _, err := e.world.Accounts.Create(tx, reseller); err != nil {
		return err
	}
	client := platform.Account{Family: Family, Login: SeedClient, Password: platform.RandomSecret(20), Kind: platform.KindClient, Reseller: SeedReseller}
	_, err := e.world.Accounts.Create(tx, client)
	return err
}

// Env lists the provider settings that reach this emulator at baseURL as
// the seeded reseller. Call it under the world lock.
func (e *Emulator) Env(baseURL string) []platform.EnvVar {
	env := []platform.EnvVar{{Name: "RESELLER_NAMEBAY_ENDPOINT", Value: baseURL + "/" + Family}}
	if acct := e.world.Accounts.ByLogin(Family, SeedReseller); acct != nil {
		env = append(env,
			platform.EnvVar{Name: "RESELLER_NAMEBAY_USERNAME", Value: acct.Login},
			platform.EnvVar{Name: "RESELLER_NAMEBAY_PASSWORD", Value: acct.Password})
	}
	return env
}

// WriteError answers status in Namebay's error list, for faults and unknown
// routes.
func (e *Emulator) WriteError(w http.ResponseWriter, status int, detail string) {
	code := status
	if status >= 500 {
		code = 500
	}
	writeJSON(w, status, []wireError{{Code: code, Detail: detail}})
}

// Settle brings time-driven states up to now: a domain, hosting pack or
// certificate whose expiry date has passed is renewed for a year when it
// auto-renews (and billed), and expires otherwise. Pending registrations,
// packs being set up and DNSSEC changes need nothing here: their state is
// computed from the time they complete.
func (e *Emulator) Settle(now time.Time, tx *platform.Tx) {
	for _, d := range e.dueDomains(now) {
		for !d.Expires.After(now) {
			if !d.AutoRenew {
				d.Expired = true
				break
			}
			d.Expires = d.Expires.AddDate(1, 0, 0)
			e.bill(tx, d.Account, d.Name, "domain.autorenew", 1, tldOf(d.Tld).Price)
		}
		e.saveDomain(tx, d)
	}
	e.settleHosting(now, tx)
	e.settleCertificates(now, tx)
}

// Routes registers every route of the API.
func (e *Emulator) Routes(r platform.Router) {
	r.Handle("POST /api/Token", e.issueToken)

	e.handle(r, "GET /api/Contact", e.listContacts)
	e.handle(r, "POST /api/Contact", e.createContact)
	e.handle(r, "GET /api/Contact/{handle}", e.getContact)
	e.handle(r, "PUT /api/Contact/{handle}", e.updateContact)
	e.handle(r, "DELETE /api/Contact/{handle}", e.deleteContact)

	e.handle(r, "GET /api/Tld", e.listTlds)
	e.handle(r, "GET /api/Domain/Availability", e.availabilityList)
	e.handle(r, "GET /api/Domain/{domain}/Availability", e.availabilityOne)
	e.handle(r, "GET /api/Domain/Suggest", e.suggest)

	e.handle(r, "GET /api/Domain", e.listDomains)
	e.handle(r, "POST /api/Domain", e.createDomain)
	e.handle(r, "GET /api/Domain/{handle}", e.getDomain)
	e.handle(r, "PUT /api/Domain/{handle}", e.updateDomain)
	e.handle(r, "DELETE /api/Domain/{handle}", e.deleteDomain)
	e.handle(r, "GET /api/Domain/{handle}/NameServer", e.getNameServers)
	e.handle(r, "PUT /api/Domain/{handle}/NameServer", e.putNameServers)
	e.handle(r, "GET /api/Domain/{handle}/Contact", e.getDomainContacts)
	e.handle(r, "PUT /api/Domain/{handle}/Contact", e.putDomainContacts)
	e.handle(r, "POST /api/Domain/{handle}/Trade", e.trade)
	e.handle(r, "POST /api/Domain/{handle}/Renew", e.renew)
	e.handle(r, "GET /api/Domain/{handle}/AuthInfo", e.getAuthInfo)

	e.handle(r, "GET /api/Zone", e.listZones)
	e.handle(r, "POST /api/Zone", e.createZone)
	e.handle(r, "GET /api/Zone/{zone}", e.getZone)
	e.handle(r, "PUT /api/Zone/{zone}", e.updateZone)
	e.handle(r, "GET /api/Zone/{zone}/Dnssec", e.getDnssec)
	e.handle(r, "PUT /api/Zone/{zone}/Dnssec", e.putDnssec)

	e.handle(r, "GET /api/Zone/{zone}/Record", e.listRecords)
	e.handle(r, "POST /api/Zone/{zone}/Record", e.createRecord)
	e.handle(r, "GET /api/Zone/{zone}/Record/{id}", e.getRecord)
	e.handle(r, "PUT /api/Zone/{zone}/Record/{id}", e.updateRecord)
	e.handle(r, "DELETE /api/Zone/{zone}/Record/{id}", e.deleteRecord)

	e.handle(r, "GET /api/Hosting/Offer", e.listHostingOffers)
	e.handle(r, "GET /api/Hosting", e.listHostings)
	e.handle(r, "POST /api/Hosting", e.createHosting)
	e.handle(r, "GET /api/Hosting/{hosting}", e.getHosting)
	e.handle(r, "PUT /api/Hosting/{hosting}", e.editHosting)
	e.handle(r, "DELETE /api/Hosting/{hosting}", e.deleteHosting)
	e.handle(r, "POST /api/Hosting/{hosting}/Upgrade", e.upgradeHosting)
	e.handle(r, "POST /api/Hosting/{hosting}/Renew", e.renewHosting)

	e.handle(r, "GET /api/Hosting/{hosting}/Alias", e.listAliases)
	e.handle(r, "POST /api/Hosting/{hosting}/Alias", e.createAlias)
	e.handle(r, "DELETE /api/Hosting/{hosting}/Alias/{domain}", e.deleteAlias)

	e.handle(r, "GET /api/Hosting/{hosting}/User", e.listFtpUsers)
	e.handle(r, "POST /api/Hosting/{hosting}/User", e.createFtpUser)
	e.handle(r, "GET /api/Hosting/{hosting}/User/{id}", e.getFtpUser)
	e.handle(r, "PUT /api/Hosting/{hosting}/User/{id}", e.updateFtpUser)
	e.handle(r, "DELETE /api/Hosting/{hosting}/User/{id}", e.deleteFtpUser)
	e.handle(r, "POST /api/Hosting/{hosting}/User/{id}/Password", e.setFtpPassword)

	e.handle(r, "GET /api/Hosting/{hosting}/Db", e.listDatabases)
	e.handle(r, "POST /api/Hosting/{hosting}/Db", e.createDatabase)
	e.handle(r, "GET /api/Hosting/{hosting}/Db/{name}", e.getDatabase)
	e.handle(r, "PUT /api/Hosting/{hosting}/Db/{name}", e.updateDatabase)
	e.handle(r, "DELETE /api/Hosting/{hosting}/Db/{name}", e.deleteDatabase)
	e.handle(r, "POST /api/Hosting/{hosting}/Db/{name}/Password", e.setDatabasePassword)

	e.handle(r, "GET /api/Certificate/Product", e.listCertProducts)
	e.handle(r, "POST /api/Certificate/Csr", e.generateCsr)
	e.handle(r, "GET /api/Certificate", e.listCertificates)
	e.handle(r, "POST /api/Certificate", e.orderCertificate)
	e.handle(r, "GET /api/Certificate/{certificate}", e.getCertificate)
	e.handle(r, "PUT /api/Certificate/{certificate}", e.editCertificate)
	e.handle(r, "DELETE /api/Certificate/{certificate}", e.revokeCertificate)
	e.handle(r, "PUT /api/Certificate/{certificate}/Validate", e.validateCertificate)
	e.handle(r, "GET /api/Certificate/{certificate}/Certificate", e.downloadCertificate)
	e.handle(r, "GET /api/Certificate/{certificate}/csr", e.getCertificateCsr)
	e.handle(r, "POST /api/Certificate/{certificate}/Renew", e.renewCertificate)
	e.handle(r, "POST /api/Certificate/{certificate}/Reissue", e.reissueCertificate)
}
