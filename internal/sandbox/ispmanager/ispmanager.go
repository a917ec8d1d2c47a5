// Package ispmanager emulates the ispmanager partner API, the BILLmanager
// endpoint through which partners buy and manage ispmanager, VMmanager and
// DCImanager licences, as the cmd/reseller-sandbox README describes it: one
// path, a func parameter, authinfo, answers in xml, json or bjson with
// errors inside an HTTP 200 answer. It keeps its own wire types and rules,
// written from that contract and not shared with the provider's client.
package ispmanager

import (
	"net/http"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// Family is the emulator's name, URL prefix and account family.
const Family = "ispmanager"

// SeedLogin is the partner account of a fresh store.
const SeedLogin = "reseller@example.com"

// openingBalance is what every account starts with.
const openingBalance = platform.Money(100000)

const currency = "EUR"

// Emulator is the ispmanager partner API of one sandbox. Its state is
// guarded by the world lock.
type Emulator struct {
	world *platform.World
	state
}

// New returns the emulator over world. Call Load before serving.
func New(world *platform.World) *Emulator {
	return &Emulator{world: world, state: newState()}
}

// Name is the family name, also the URL prefix.
func (e *Emulator) Name() string { return Family }

// Seed creates the partner account of a fresh store.
func (e *Emulator) Seed(tx *platform.Tx) error {
	_, err := e.world.Accounts.Create(tx, platform.Account{Family: Family, Login: SeedLogin, Password: platform.RandomSecret(20), Kind: platform.KindReseller})
	return err
}

// Env lists the provider settings that reach the emulator at baseURL as the
// seeded account. Call it under the world lock.
func (e *Emulator) Env(baseURL string) []platform.EnvVar {
	env := []platform.EnvVar{{Name: "RESELLER_ISPMANAGER_ENDPOINT", Value: baseURL + "/" + Family + "/billmgr"}}
	if acct := e.world.Accounts.ByLogin(Family, SeedLogin); acct != nil {
		env = append(env,
			platform.EnvVar{Name: "RESELLER_ISPMANAGER_USERNAME", Value: acct.Login},
			platform.EnvVar{Name: "RESELLER_ISPMANAGER_PASSWORD", Value: acct.Password})
	}
	return env
}

// WriteError answers a fault or an unknown route in BILLmanager's error
// document, keeping the HTTP status.
func (e *Emulator) WriteError(w http.ResponseWriter, status int, detail string) {
	typ := "fault"
	if status == http.StatusOK || status == http.StatusNotFound {
		typ = "unknown_func"
	}
	doc := newDoc()
	doc.add("error").attr("type", typ).attr("lang", "en").set("msg", detail)
	write(w, status, "json", doc)
}

// funcs maps each function to its handler.
func (e *Emulator) funcs() map[string]func(c *call) error {
	return map[string]func(c *call) error{
		"pricelist.export":        e.pricelistExport,
		"whoami":                  e.whoami,
		"soft.order.param":        e.order(itemSoft),
		"platform.order.param":    e.order(itemPlatform),
		"soft":                    e.list(itemSoft),
		"platform":                e.list(itemPlatform),
		"soft.edit":               e.edit(itemSoft),
		"platform.edit":           e.edit(itemPlatform),
		"service.prolong":         e.prolong,
		"service.changepricelist": e.changePricelist,
		"soft.suspend":            e.suspend(true),
		"soft.resume":             e.suspend(false),
		"soft.delete":             e.remove(itemSoft),
		"platform.delete":         e.remove(itemPlatform),
	}
}

// Routes registers every function on both paths the API answers.
func (e *Emulator) Routes(r platform.Router) {
	for _, path := range []string{"/billmgr", "/manager/billmgr"} {
		for name, h := range e.funcs() {
			e.handle(r, path+"?func="+name, h)
		}
		e.handle(r, path+"?func=", func(c *call) error {
			return newError("unknown_func", "func", "Unknown function %q.", c.param("func"))
		})
	}
}

// Settle runs the licences' lifecycle up to now.
func (e *Emulator) Settle(now time.Time, tx *platform.Tx) { e.settle(now, tx) }
