// Package zohomail emulates the Zoho Mail partner API as the
// cmd/reseller-sandbox README describes it: the Zoho Accounts token
// endpoint, the partner's organisation and domain routes on the mail host,
// the trials on the mailadmin host and the reseller subscriptions of the
// Zoho Store, under the prefix /zoho. Domain verification looks for the
// records in the sandbox's own hosted zones.
package zohomail

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// Family is the emulator's URL prefix and account family.
const Family = "zoho"

// SeedLogin is the partner account of a fresh store.
const SeedLogin = "zoho-partner"

// takenEmail is a Zoho user that exists from the start: it cannot become
// the super admin of a new org.
const takenEmail = "taken@example.com"

const currency = "EUR"

// DNS finds records in the sandbox's hosted zones.
type DNS interface {
	RecordsAt(fqdn, typ string) []string
}

// Emulator is the Zoho Mail partner API of one sandbox. Its state is
// guarded by the world lock.
type Emulator struct {
	world *platform.World
	dns   DNS
	// TokenLifetime is how long an access token lives, in sandbox time.
	TokenLifetime time.Duration
	// MintCap is how many access tokens a refresh token may mint in 10
	// minutes; it lives in memory, like the tokens.
	MintCap int
	state
}

// New returns the emulator over world, verifying domains against dns. Call
// Load before serving.
func New(world *platform.World, dns DNS) *Emulator {
	return &Emulator{world: world, dns: dns, TokenLifetime: time.Hour, MintCap: defaultMintCap, state: newState()}
}

// Name is the family name, also the URL prefix.
func (e *Emulator) Name() string { return Family }

// Seed creates the partner account of a fresh store, its OAuth client and
// a refresh token with every scope.
func (e *Emulator) Seed(tx *platform.Tx) error {
	acct, err := e.world.Accounts.Create(tx, platform.Account{Family: Family, Login: SeedLogin, Password: platform.RandomSecret(32), Kind: platform.KindReseller})
	if err != nil {
		return err
	}
	e.saveClient(tx, client{ID: "1000." + platform.RandomSecret(30), Login: acct.Login})
	e.mintRefresh(tx, acct.Login, allScopes)
	return nil
}

// Env lists the provider settings that reach the emulator at baseURL as the
// seeded partner. Call it under the world lock.
func (e *Emulator) Env(baseURL string) []platform.EnvVar {
	root := baseURL + "/" + Family
	env := []platform.EnvVar{
		{Name: "RESELLER_ZOHO_MAIL_ACCOUNTS_ENDPOINT", Value: root + "/accounts"},
		{Name: "RESELLER_ZOHO_MAIL_MAIL_ENDPOINT", Value: root + "/mail"},
		{Name: "RESELLER_ZOHO_MAIL_MAILADMIN_ENDPOINT", Value: root + "/mailadmin"},
		{Name: "RESELLER_ZOHO_MAIL_STORE_ENDPOINT", Value: root + "/store"},
	}
	acct := e.world.Accounts.ByLogin(Family, SeedLogin)
	if acct == nil {
		return env
	}
	for _, c := range e.clients {
		if c.Login == acct.Login {
			env = append(env, platform.EnvVar{Name: "RESELLER_ZOHO_MAIL_CLIENT_ID", Value: c.ID})
			break
		}
	}
	env = append(env, platform.EnvVar{Name: "RESELLER_ZOHO_MAIL_CLIENT_SECRET", Value: acct.Password})
	if r := e.firstRefresh(acct.Login); r != nil {
		env = append(env, platform.EnvVar{Name: "RESELLER_ZOHO_MAIL_REFRESH_TOKEN", Value: r.Token})
	}
	return env
}

// WriteError answers a fault or an unknown route in the Mail envelope.
func (e *Emulator) WriteError(w http.ResponseWriter, status int, detail string) {
	writeEnvelope(w, status, status, map[string]any{"moreInfo": detail})
}

// Routes registers every route of the four hosts.
func (e *Emulator) Routes(r platform.Router) {
	r.Handle("POST /accounts/oauth/v2/token", e.token)
	r.Handle("POST /accounts/oauth/v2/token/revoke", e.revoke)

	e.handle(r, "POST /mail/api/organization", scopeOrgCreate, (*call).createOrg)
	e.handle(r, "GET /mail/api/organization", scopeOrgRead, (*call).listOrgs)
	e.handle(r, "GET /mail/api/organization/{zoid}", scopeOrgRead, (*call).getOrg)
	e.handle(r, "POST /mail/api/organization/{zoid}/accounts", scopeAccounts, (*call).addMailbox)
	e.handle(r, "POST /mail/api/organization/{zoid}/domains", scopeDomainCreate, (*call).addDomain)
	e.handle(r, "GET /mail/api/organization/{zoid}/domains/{domain}", scopeDomainRead, (*call).getDomain)
	e.handle(r, "PUT /mail/api/organization/{zoid}/domains/{domain}", scopeDomainUpdate, (*call).verifyDomain)
	e.handle(r, "PUT /mail/api/organization/{zoid}/domains/{domain}/verifyDomain", scopeDomainUpdate, (*call).verifyDomain)

	e.handle(r, "PUT /mailadmin/api/organization/{zoid}/enableTrial", scopeOrgUpdate, (*call).enableTrial)
	e.handle(r, "PUT /mailadmin/api/organization/{zoid}/extendTrial", scopeOrgUpdate, (*call).extendTrial)

	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodGet, http.MethodDelete} {
		e.handle(r, method+" /store/restapi/partner/v1/json/subscription", scopeStore, (*call).subscription)
	}
	e.handle(r, "GET /store/api/v1/partner/subscriptions", scopeStore, (*call).partnerSubscriptions)
}

// AdminRoutes serves /_sandbox/zoho/refresh_tokens and /_sandbox/zoho/tokens.
func (e *Emulator) AdminRoutes(r platform.Router) {
	r.Handle("POST /refresh_tokens", e.adminMintRefresh)
	r.Handle("DELETE /refresh_tokens/{token}", e.adminRevoke)
	r.Handle("GET /tokens", e.adminTokens)
	r.Handle("PUT /limits", e.adminLimits)
}

// Settle ends the trials that ran out and renews the paid subscriptions
// whose period ended, billing them.
func (e *Emulator) Settle(now time.Time, tx *platform.Tx) { e.settle(now, tx) }

// writeEnvelope answers {"status": {"code", "description"}, "data"} with an
// HTTP status that may differ from the envelope's code.
func writeEnvelope(w http.ResponseWriter, httpStatus, code int, data any) {
	desc := http.StatusText(code)
	switch code {
	case http.StatusOK:
		desc = "success"
	case http.StatusCreated:
		desc = "Created"
	}
	writeJSON(w, httpStatus, map[string]any{"status": map[string]any{"code": code, "description": desc}, "data": data})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"status":{"code":500,"description":"Internal Server Error"}}`)
	}
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n')) // a client gone away is no one's error
}
