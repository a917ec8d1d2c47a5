package ispmanager_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/resellerkit/terraform-provider-reseller/internal/acctest"
)

const licAddr = "reseller_ispmanager_license.panel"

// The products of the sandbox's catalog the tests use.
const (
	productLite     = 55227
	productPro      = 55228
	productBusiness = 55230
	productTrial    = 55239
	productVM6      = 55163
	productISP5     = 3541
	addonServers    = "55236"
)

// licNotReadBack live only in the configuration: the API keeps no count of
// renewals and knows nothing of what a destroy should do.
var licNotReadBack = []string{"renewals", "deletion_protection", "on_destroy", "timeouts"}

var (
	licKeyPattern  = regexp.MustCompile(`^\d+-[0-9a-f]{32}$`)
	licDatePattern = regexp.MustCompile(`^\d{4}-\d\d-\d\d$`)
)

// licenseHCL is the sandbox's provider and one licence with the given body.
func licenseHCL(sb *acctest.Sandbox, body string) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "reseller_ispmanager_license" "panel" {
%s
}
`, body)
}

func liteHCL(sb *acctest.Sandbox, name, ip, extra string) string {
	return licenseHCL(sb, fmt.Sprintf(`
  product_id = %d
  name       = %q
  ip         = %q
  %s`, productLite, name, ip, extra))
}

func licStateIs(attr string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(licAddr, tfjsonpath.New(attr), want)
}

var emptyPlanAfterApply = resource.ConfigPlanChecks{
	PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
}

// licPlan asserts the action the step plans for the licence, then that the
// apply converged.
func licPlan(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(licAddr, action)},
		PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
	}
}

// capture stores the value of a state attribute for later steps.
func capture(attr string, into *string) resource.TestCheckFunc {
	return resource.TestCheckResourceAttrWith(licAddr, attr, func(v string) error {
		*into = v
		return nil
	})
}

// inSandbox checks fields of the licence *id as the sandbox holds it.
func inSandbox(t *testing.T, sb *acctest.Sandbox, id *string, want map[string]string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := sb.IspLicense(t, *id)
		for field, value := range want {
			if got[field] != value {
				return fmt.Errorf("sandbox licence %s: %s = %q, want %q", *id, field, got[field], value)
			}
		}
		return nil
	}
}

// billed checks the ledger holds exactly the amounts listed for operation
// on object, in order.
func billed(t *testing.T, sb *acctest.Sandbox, operation, object string, amounts ...float64) resource.TestCheckFunc {
	return sb.CheckBilled(t, "ispmanager", operation, object, amounts...)
}

// licenseListed reports whether the account still lists the licence id.
func licenseListed(t *testing.T, sb *acctest.Sandbox, id string) bool {
	doc := sb.IspCall(t, "soft", nil)
	elems, _ := doc["elem"].([]any)
	if one, ok := doc["elem"].(map[string]any); ok {
		elems = []any{one}
	}
	for _, e := range elems {
		if m, ok := e.(map[string]any); ok {
			if v, ok := m["id"].(map[string]any); ok && v["$"] == id {
				return true
			}
		}
	}
	return false
}

func TestAccIspLicense_basic(t *testing.T) {
	sb := acctest.NewSandbox(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		// Abandoned by default: the licence stays, with auto-renewal off.
		CheckDestroy: func(*terraform.State) error {
			got := sb.IspLicense(t, id)
			if got["status"] != "2" || got["autoprolong"] != "null" {
				return fmt.Errorf("after destroy the licence has status %q and autoprolong %q, want 2 and null", got["status"], got["autoprolong"])
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config:           liteHCL(sb, "web1.martin.example", "203.0.113.10", ""),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					licStateIs("id", knownvalue.StringRegexp(regexp.MustCompile(`^40\d\d$`))),
					licStateIs("status", knownvalue.StringExact("active")),
					licStateIs("kind", knownvalue.StringExact("ispmanager6")),
					licStateIs("product_name", knownvalue.StringExact("ispmanager 6 lite")),
					licStateIs("period", knownvalue.Int64Exact(1)),
					licStateIs("auto_renew", knownvalue.Bool(true)),
					licStateIs("suspended", knownvalue.Bool(false)),
					licStateIs("addons", knownvalue.MapExact(map[string]knownvalue.Check{})),
					licStateIs("license_key", knownvalue.StringRegexp(licKeyPattern)),
					licStateIs("created_date", knownvalue.StringRegexp(licDatePattern)),
					licStateIs("expiry_date", knownvalue.StringRegexp(licDatePattern)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					capture("id", &id),
					inSandbox(t, sb, &id, map[string]string{"licname": "web1.martin.example", "ip": "203.0.113.10", "autoprolong": "1", "pricelist": strconv.Itoa(productLite)}),
					billed(t, sb, "license.order", "web1.martin.example", 6),
				),
			},
			{
				ResourceName:            licAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: licNotReadBack,
			},
			{
				// By name too: the key the provider finds licences by.
				ResourceName:            licAddr,
				ImportState:             true,
				ImportStateId:           "web1.martin.example",
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: licNotReadBack,
			},
			{
				ResourceName:  licAddr,
				ImportState:   true,
				ImportStateId: "no-such-licence",
				ExpectError:   regexp.MustCompile(`Licence not found`),
			},
			{
				// Name and IP change in place: the same licence, nothing billed.
				Config:           liteHCL(sb, "web2.martin.example", "203.0.113.20", `remote_id = "svc-1042"`),
				ConfigPlanChecks: licPlan(plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(licAddr, "id", &id),
					inSandbox(t, sb, &id, map[string]string{"licname": "web2.martin.example", "ip": "203.0.113.20", "remoteid": "svc-1042"}),
					billed(t, sb, "license.order", "web2.martin.example"),
				),
			},
		},
	})
}

func TestAccIspLicense_drift(t *testing.T) {
	sb := acctest.NewSandbox(t)
	config := liteHCL(sb, "drift.martin.example", "203.0.113.30", "")
	var id string
	restored := inSandbox(t, sb, &id, map[string]string{"licname": "drift.martin.example", "ip": "203.0.113.30", "status": "2"})
	outOfBand := func(fn string, params map[string]string) func() {
		return func() {
			params["elid"] = id
			sb.IspCall(t, fn, params)
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, ConfigPlanChecks: emptyPlanAfterApply, Check: capture("id", &id)},
			{
				// The IP changed on the partner's portal: the plan shows it.
				PreConfig:          outOfBand("soft.edit", map[string]string{"ip": "198.51.100.9", "sok": "ok"}),
				Config:             config,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{Config: config, ConfigPlanChecks: licPlan(plancheck.ResourceActionUpdate), Check: restored},
			{
				PreConfig:        outOfBand("soft.edit", map[string]string{"licname": "renamed-on-portal", "sok": "ok"}),
				Config:           config,
				ConfigPlanChecks: licPlan(plancheck.ResourceActionUpdate),
				Check:            restored,
			},
			{
				// Suspended out of band: the plan resumes it.
				PreConfig: outOfBand("soft.suspend", map[string]string{}),
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(licAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(licAddr, tfjsonpath.New("suspended"), knownvalue.Bool(false)),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				Check: restored,
			},
			{
				// Deleted behind Terraform's back: the plan orders a new one.
				PreConfig:        outOfBand("soft.delete", map[string]string{"sok": "ok"}),
				Config:           config,
				ConfigPlanChecks: licPlan(plancheck.ResourceActionCreate),
				Check:            billed(t, sb, "license.order", "drift.martin.example", 6, 6),
			},
		},
	})
}

func TestAccIspLicense_invalidInput(t *testing.T) {
	sb := acctest.NewSandbox(t)
	step := func(body, want string) resource.TestStep {
		return resource.TestStep{Config: licenseHCL(sb, body), PlanOnly: true, ExpectError: regexp.MustCompile(want)}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			step(`product_id = 99999
  name = "x"
  ip = "203.0.113.1"`, `(?s)Unknown licence product.*55227`),
			step(fmt.Sprintf(`product_id = %d
  name = "x"
  ip = "300.1.1.1"`, productLite), `must be a dotted IPv4 address`),
			step(fmt.Sprintf(`product_id = %d
  name = "x"
  ip = "0.0.0.0"`, productLite), `0\.0\.0\.0 is not the address of a server`),
			step(fmt.Sprintf(`product_id = %d
  name = "x"`, productLite), `IP address required`),
			step(fmt.Sprintf(`product_id = %d
  name = "x"
  ip = "203.0.113.1"`, productVM6), `IP address not used`),
			step(fmt.Sprintf(`product_id = %d
  name = "x"
  ip = "203.0.113.1"
  addons = { "55236" = 1 }`, productLite), `(?s)Product has no add-ons.*ispmanager 6 lite`),
			step(fmt.Sprintf(`product_id = %d
  name = "x"
  ip = "203.0.113.1"
  addons = { "55236" = 51 }`, productBusiness), `(?s)Add-on count out of range.*0 to 50`),
			step(fmt.Sprintf(`product_id = %d
  name = "x"
  ip = "203.0.113.1"
  addons = { "4602" = 1 }`, productBusiness), `(?s)Unknown add-on.*55236`),
			step(fmt.Sprintf(`product_id = %d
  name = "x"
  ip = "203.0.113.1"
  period = 6`, productLite), `(?s)Period not offered.*1, 12 months`),
			step(fmt.Sprintf(`product_id = %d
  name = "x"
  ip = "203.0.113.1"
  auto_renew = true`, productTrial), `Trials do not renew`),
			step(fmt.Sprintf(`product_id = %d
  name = "x"
  ip = "203.0.113.1"`, productISP5), `Product no longer sold`),
			step(fmt.Sprintf(`product_id = %d
  name = "bad\u0001name"
  ip = "203.0.113.1"`, productLite), `must not contain control characters`),
		},
	})
	if n := len(sb.Ledger(t)); n != 0 {
		t.Errorf("the ledger has %d entries after plans only, want none", n)
	}
}

func TestAccIspLicense_orderAnswerLost(t *testing.T) {
	sb := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			// The order is paid, then the connection drops before the answer.
			PreConfig: func() {
				sb.SetFaults(t, 1, acctest.FaultRule{Path: "/ispmanager/billmgr", Func: "soft.order.param", Kind: "drop", Count: 1})
			},
			Config:           liteHCL(sb, "lost.martin.example", "203.0.113.40", ""),
			ConfigPlanChecks: emptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				licStateIs("status", knownvalue.StringExact("active")),
				licStateIs("license_key", knownvalue.StringRegexp(licKeyPattern)),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				billed(t, sb, "license.order", "lost.martin.example", 6),
				func(*terraform.State) error {
					if got := sb.FaultsFired(t); len(got) != 1 || got[0] != 1 {
						return fmt.Errorf("fault rules fired %v times, want [1]", got)
					}
					if n := sb.Counters(t)["POST /ispmanager/billmgr?func=soft.order.param"]; n != 1 {
						return fmt.Errorf("the order was sent %d times, want once", n)
					}
					return nil
				},
			),
		}},
	})
}

func TestAccIspLicense_existingNameNotAdopted(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "taken.martin.example"
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				// A licence bought on the portal holds the name.
				PreConfig: func() {
					doc := sb.IspCall(t, "soft.order.param", map[string]string{
						"pricelist": strconv.Itoa(productLite), "period": "1", "ip": "203.0.113.50", "licname": name,
						"skipbasket": "on", "clicked_button": "finish", "sok": "ok",
					})
					id = doc["id"].(map[string]any)["$"].(string)
				},
				Config:      liteHCL(sb, name, "203.0.113.50", ""),
				ExpectError: regexp.MustCompile(`(?s)already has a licence named "taken\.martin\.example".*terraform import`),
			},
			{
				Config:             liteHCL(sb, name, "203.0.113.50", ""),
				ResourceName:       licAddr,
				ImportState:        true,
				ImportStateIdFunc:  func(*terraform.State) (string, error) { return id, nil },
				ImportStatePersist: true,
			},
			{
				Config:           liteHCL(sb, name, "203.0.113.50", ""),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            billed(t, sb, "license.order", name, 6),
			},
		},
	})
}

func TestAccIspLicense_tariffAndAddons(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "biz.martin.example"
	hcl := func(product int, extra string) string {
		return licenseHCL(sb, fmt.Sprintf(`
  product_id = %d
  name       = %q
  ip         = "203.0.113.60"
  %s`, product, name, extra))
	}
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           hcl(productPro, ""),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            resource.ComposeAggregateTestCheckFunc(capture("id", &id), billed(t, sb, "license.order", name, 12)),
			},
			{
				// Up to business with two extra servers, in place.
				Config:           hcl(productBusiness, `addons = { "55236" = 2 }`),
				ConfigPlanChecks: licPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					licStateIs("product_name", knownvalue.StringExact("ispmanager 6 business")),
					licStateIs("addons", knownvalue.MapExact(map[string]knownvalue.Check{addonServers: knownvalue.Int64Exact(2)})),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(licAddr, "id", &id),
					inSandbox(t, sb, &id, map[string]string{"pricelist": strconv.Itoa(productBusiness), "addon_55236": "2"}),
					billed(t, sb, "license.changepricelist", name, 36),
					billed(t, sb, "license.addon", name, 16),
				),
			},
			{
				// Back to none: nothing refunded, nothing billed.
				Config:           hcl(productBusiness, ""),
				ConfigPlanChecks: licPlan(plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					inSandbox(t, sb, &id, map[string]string{"addon_55236": "0"}),
					billed(t, sb, "license.addon", name, 16),
				),
			},
			{
				Config:      hcl(productVM6, ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Tariff change not possible.*different product lines`),
			},
			{
				Config:      hcl(productTrial, ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Tariff change not possible.*trial`),
			},
		},
	})
}

func TestAccIspLicense_renewalsAndExpiry(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "renew.martin.example"
	hcl := func(extra string) string {
		return liteHCL(sb, name, "203.0.113.70", "auto_renew = false\n  "+extra)
	}
	var expiry, id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           hcl(""),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            resource.ComposeAggregateTestCheckFunc(capture("expiry_date", &expiry), capture("id", &id)),
			},
			{
				Config:           hcl("renewals = 1"),
				ConfigPlanChecks: licPlan(plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					billed(t, sb, "license.renew", name, 6),
					resource.TestCheckResourceAttrWith(licAddr, "expiry_date", func(v string) error {
						before, _ := time.Parse(time.DateOnly, expiry)
						if want := before.AddDate(0, 1, 0).Format(time.DateOnly); v != want {
							return fmt.Errorf("expiry_date = %s after renewing from %s, want %s", v, expiry, want)
						}
						return nil
					}),
				),
			},
			{
				Config:      hcl("renewals = 0"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Renewals cannot decrease`),
			},
			{
				// Not paid: suspended at expiry. The plan shows it.
				PreConfig:          func() { sb.AdvanceClock(t, 70*24*time.Hour) },
				Config:             hcl("renewals = 1"),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				// Resuming an expired licence needs a renewal, and says so.
				Config:      hcl("renewals = 1"),
				ExpectError: regexp.MustCompile(`(?s)expired on .*raise\s+renewals`),
			},
			{
				Config:           hcl("renewals = 2"),
				ConfigPlanChecks: licPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					licStateIs("status", knownvalue.StringExact("active")),
					licStateIs("suspended", knownvalue.Bool(false)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					billed(t, sb, "license.renew", name, 6, 6),
					inSandbox(t, sb, &id, map[string]string{"status": "2"}),
				),
			},
		},
	})
}

func TestAccIspLicense_platformProduct(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "cluster.martin.example"
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			doc := sb.IspCall(t, "platform", nil)
			if _, ok := doc["elem"]; ok {
				return fmt.Errorf("platform licences remain after destroy with on_destroy = delete: %v", doc["elem"])
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: licenseHCL(sb, fmt.Sprintf(`
  product_id = %d
  name       = %q
  period     = 12
  addons     = { "55165" = 3 }
  on_destroy = "delete"`, productVM6, name)),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					licStateIs("kind", knownvalue.StringExact("vmmanager6")),
					licStateIs("ip", knownvalue.Null()),
					licStateIs("license_key", knownvalue.StringRegexp(licKeyPattern)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					capture("id", &id),
					// Twelve months cost ten, and three nodes for a year.
					billed(t, sb, "license.order", name, 200+3*10*12),
				),
			},
		},
	})
}

func TestAccIspLicense_insufficientBalance(t *testing.T) {
	sb := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig:   func() { sb.SetIspBalance(t, "5.00") },
			Config:      liteHCL(sb, "poor.martin.example", "203.0.113.80", ""),
			ExpectError: regexp.MustCompile(`(?s)Could not order the licence.*balance is 5\.00 EUR`),
		}},
	})
	if n := len(sb.Ledger(t)); n != 0 {
		t.Errorf("the ledger has %d entries after a refused order, want none", n)
	}
}

func TestAccIspLicense_deletionProtection(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "guarded.martin.example"
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if licenseListed(t, sb, id) {
				return fmt.Errorf("licence %s is still listed after destroy with on_destroy = delete", id)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: liteHCL(sb, name, "203.0.113.90", `deletion_protection = true
  on_destroy = "delete"`),
				Check: capture("id", &id),
			},
			{
				Config: liteHCL(sb, name, "203.0.113.90", `deletion_protection = true
  on_destroy = "delete"`),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`Licence is protected from deletion`),
			},
			{
				Config: liteHCL(sb, name, "203.0.113.90", `on_destroy = "delete"`),
				Check:  func(*terraform.State) error { return nil },
			},
		},
	})
}

func TestAccIspLicense_sandboxRefusesSecondLicenceOnIP(t *testing.T) {
	sb := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: liteHCL(sb, "first.martin.example", "203.0.113.99", "") + `
resource "reseller_ispmanager_license" "second" {
  product_id = 55228
  name       = "second.martin.example"
  ip         = "203.0.113.99"
  depends_on = [reseller_ispmanager_license.panel]
}
`,
			ExpectError: regexp.MustCompile(`(?s)Could not order the licence "second\.martin\.example".*ip`),
		}},
	})
}
