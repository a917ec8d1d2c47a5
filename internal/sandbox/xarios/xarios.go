// Package xarios emulates the Xarios reseller API of the white-labelled
// call-analytics platform, as the cmd/reseller-sandbox README describes it:
// an OAuth2 token endpoint, customer tenants with their users and PBX
// connections, and the catalogs of product types, PBX templates and roles.
package xarios

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// Family is the emulator's URL prefix and account family.
const Family = "xarios"

// SeedLogin is the reseller account of a fresh store.
const SeedLogin = "xarios-reseller"

const currency = "EUR"

// Emulator is the Xarios reseller API of one sandbox, under the world lock.
type Emulator struct {
	world *platform.World
	state
}

// New returns the emulator over world. Call Load before serving.
func New(world *platform.World) *Emulator { return &Emulator{world: world, state: newState()} }

// Name is the family name, also the URL prefix.
func (e *Emulator) Name() string { return Family }

// Seed creates the reseller of a fresh store with its client and a
// refresh token.
func (e *Emulator) Seed(tx *platform.Tx) error {
	acct, err := e.world.Accounts.Create(tx, platform.Account{Family: Family, Login: SeedLogin, Password: platform.RandomSecret(32), Kind: platform.KindReseller})
	if err != nil {
		return err
	}
	e.saveGrant(tx, grant{ClientID: "xr-" + platform.RandomSecret(16), RefreshToken: platform.RandomSecret(40), Login: acct.Login})
	return nil
}

// Env lists the provider settings that reach the emulator at baseURL.
func (e *Emulator) Env(baseURL string) []platform.EnvVar {
	root := baseURL + "/" + Family
	env := []platform.EnvVar{
		{Name: "RESELLER_XARIOS_LOGIN_ENDPOINT", Value: root + "/login"},
		{Name: "RESELLER_XARIOS_API_ENDPOINT", Value: root + "/api"},
	}
	acct := e.world.Accounts.ByLogin(Family, SeedLogin)
	if acct == nil {
		return env
	}
	for _, g := range e.grants {
		if g.Login == acct.Login {
			return append(env,
				platform.EnvVar{Name: "RESELLER_XARIOS_CLIENT_ID", Value: g.ClientID},
				platform.EnvVar{Name: "RESELLER_XARIOS_CLIENT_SECRET", Value: acct.Password},
				platform.EnvVar{Name: "RESELLER_XARIOS_REFRESH_TOKEN", Value: g.RefreshToken})
		}
	}
	return env
}

// WriteError answers a fault or an unknown route in the API's envelope.
func (e *Emulator) WriteError(w http.ResponseWriter, status int, detail string) {
	writeError(w, status, detail)
}

// Routes registers every route.
func (e *Emulator) Routes(r platform.Router) {
	r.Handle("POST /login/connect/token", e.token)
	const v = "/api/v1.0/"
	e.handle(r, "GET "+v+"tenantprofiles", (*call).tenantProfiles)
	e.handle(r, "GET "+v+"pbxtemplates", (*call).pbxTemplates)
	e.handle(r, "GET "+v+"roles", (*call).roles)
	e.handle(r, "GET "+v+"customers", (*call).listCustomers)
	e.handle(r, "POST "+v+"customers", (*call).createCustomer)
	e.handle(r, "GET "+v+"customers/{id}", (*call).getCustomer)
	e.handle(r, "PATCH "+v+"customers/{id}", (*call).patchCustomer)
	e.handle(r, "DELETE "+v+"customers/{id}", (*call).deleteCustomer)
	e.handle(r, "GET "+v+"customers/{id}/users", (*call).listUsers)
	e.handle(r, "POST "+v+"customers/{id}/users", (*call).createUser)
	e.handle(r, "GET "+v+"customers/{id}/users/{user}", (*call).getUser)
	e.handle(r, "PATCH "+v+"customers/{id}/users/{user}", (*call).patchUser)
	e.handle(r, "DELETE "+v+"customers/{id}/users/{user}", (*call).deleteUser)
	e.handle(r, "GET "+v+"customers/{id}/pbxs", (*call).listPBXs)
	e.handle(r, "POST "+v+"customers/{id}/pbxs", (*call).createPBX)
	e.handle(r, "GET "+v+"customers/{id}/pbxs/{pbx}", (*call).getPBX)
	e.handle(r, "PATCH "+v+"customers/{id}/pbxs/{pbx}", (*call).patchPBX)
	e.handle(r, "DELETE "+v+"customers/{id}/pbxs/{pbx}", (*call).deletePBX)
}

// Settle forgets the customers terminated 30 days ago and ends trials.
func (e *Emulator) Settle(now time.Time, tx *platform.Tx) {
	for _, c := range e.customers {
		if !c.Terminated.IsZero() && !now.Before(c.Terminated.AddDate(0, 0, 30)) {
			e.dropCustomer(tx, c)
		}
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"status":"error","error":500,"message":"encoding the answer"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n')) // a client gone away is no one's error
}

func stamp() string { return time.Now().UTC().Format(time.RFC3339) }

func writeError(w http.ResponseWriter, status int, message string) {
	writeJSON(w, status, map[string]any{"data": nil, "error": status, "message": message, "status": "error", "timestamp": stamp()})
}

func writeData(w http.ResponseWriter, status int, data any) {
	writeJSON(w, status, map[string]any{"data": data, "error": 0, "message": "", "status": "success", "timestamp": stamp()})
}
