package namebay_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/resellerkit/terraform-provider-reseller/internal/acctest"
)

const domainAddr = "reseller_domain.test"

// domainOwners names the owner as registrant and the admin contact as admin,
// and deletes the domain on destroy: an abandoned domain would still name
// the contacts, which then could not be destroyed after the test.
const domainOwners = `
  registrant_contact = reseller_contact.owner.id
  admin_contact      = reseller_contact.admin.id
  on_destroy         = "delete"`

// domainNotReadBack are the attributes that live only in the configuration:
// the API keeps no registration period (only the expiry date it led to) and
// knows nothing of what a destroy should do.
var domainNotReadBack = []string{"period", "on_destroy", "deletion_protection"}

var (
	domainTimePattern    = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)
	domainHandlePattern  = regexp.MustCompile(`^DOM-\d{6}$`)
	domainZonePattern    = regexp.MustCompile(`^ZN-\d{6}$`)
	domainContactPattern = regexp.MustCompile(`^CT-\d{6}$`)
)

// domainHCL is the sandbox's provider block, three contacts (owner, admin,
// other) and reseller_domain.test with attrs.
func domainHCL(sb *acctest.Sandbox, attrs string) string {
	return sb.ProviderConfig() + contactHCL("owner", "") + contactHCL("admin", "") + contactHCL("other", "") +
		fmt.Sprintf("\nresource \"reseller_domain\" \"test\" {\n%s\n}\n", attrs)
}

// domainLogin is the reseller login the sandbox prints, for out-of-band calls.
func domainLogin(sb *acctest.Sandbox) string { return sb.Env("RESELLER_NAMEBAY_USERNAME") }

// domainCapture stores the value of a state attribute for later steps.
func domainCapture(attr string, into *string) resource.TestCheckFunc {
	return resource.TestCheckResourceAttrWith(domainAddr, attr, func(v string) error {
		*into = v
		return nil
	})
}

// domainInSandbox checks the domain as login's account holds it.
func domainInSandbox(sb *acctest.Sandbox, login, name string, check func(*acctest.Domain) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		d, err := sb.FindDomain(login, name)
		if err != nil {
			return err
		}
		if d == nil {
			return fmt.Errorf("the sandbox account %s holds no domain %s", login, name)
		}
		return check(d)
	}
}

// domainExists is the check of domainInSandbox that only needs the domain there.
func domainExists(*acctest.Domain) error { return nil }

// domainOrders checks how many times operation was billed for name.
func domainOrders(t *testing.T, sb *acctest.Sandbox, operation, name string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := sb.CountOrders(t, operation, name); got != want {
			return fmt.Errorf("ledger has %d %s for %s, want %d", got, operation, name, want)
		}
		return nil
	}
}

// domainExpiresAfter checks that expires_at is created_at plus years.
func domainExpiresAfter(years int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[domainAddr]
		if !ok {
			return fmt.Errorf("%s is not in the state", domainAddr)
		}
		created, err := time.Parse(time.RFC3339, rs.Primary.Attributes["created_at"])
		if err != nil {
			return fmt.Errorf("created_at: %w", err)
		}
		expires, err := time.Parse(time.RFC3339, rs.Primary.Attributes["expires_at"])
		if err != nil {
			return fmt.Errorf("expires_at: %w", err)
		}
		if want := created.AddDate(years, 0, 0); !expires.Equal(want) {
			return fmt.Errorf("expires_at = %s, want created_at + %d years = %s", expires.Format(time.RFC3339), years, want.Format(time.RFC3339))
		}
		return nil
	}
}

func domainPlanUpdates() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(domainAddr, plancheck.ResourceActionUpdate)},
		PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
	}
}

func domainPlanCreates() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(domainAddr, plancheck.ResourceActionCreate)},
		PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
	}
}

func domainStateIs(attr string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(domainAddr, tfjsonpath.New(attr), want)
}

func TestAccDomain_hostedDNS(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "boulangerie-martin.com"
	hosted := domainHCL(sb, domainOwners+`
  name       = "`+name+`"
  hosted_dns = true`)
	signed := domainHCL(sb, domainOwners+`
  name       = "`+name+`"
  hosted_dns = true
  dnssec     = true
  zone_ttl   = 600`)

	var zone string

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           hosted,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("id", knownvalue.StringExact(name)),
					domainStateIs("handle", knownvalue.StringRegexp(domainHandlePattern)),
					domainStateIs("status", knownvalue.StringExact("protected")),
					domainStateIs("created_at", knownvalue.StringRegexp(domainTimePattern)),
					domainStateIs("expires_at", knownvalue.StringRegexp(domainTimePattern)),
					domainStateIs("zone_handle", knownvalue.StringRegexp(domainZonePattern)),
					domainStateIs("name_servers", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("ns1.namebay.com"), knownvalue.StringExact("ns2.namebay.com"),
					})),
					domainStateIs("tech_contact", knownvalue.StringRegexp(domainContactPattern)),
					domainStateIs("billing_contact", knownvalue.StringRegexp(domainContactPattern)),
					domainStateIs("auth_code", knownvalue.StringRegexp(regexp.MustCompile(`^.{8,}$`))),
					domainStateIs("dnssec", knownvalue.Bool(false)),
					domainStateIs("zone_ttl", knownvalue.Int64Exact(3600)),
					domainStateIs("auto_renew", knownvalue.Bool(true)),
					domainStateIs("transfer_lock", knownvalue.Bool(true)),
					domainStateIs("period", knownvalue.Int64Exact(1)),
					statecheck.ExpectSensitiveValue(domainAddr, tfjsonpath.New("auth_code")),
					// Tech and billing default to the admin contact.
					statecheck.CompareValuePairs(domainAddr, tfjsonpath.New("tech_contact"), "reseller_contact.admin", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(domainAddr, tfjsonpath.New("billing_contact"), "reseller_contact.admin", tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					domainCapture("zone_handle", &zone),
					domainExpiresAfter(1),
					domainOrders(t, sb, "domain.create", name, 1),
					func(s *terraform.State) error {
						attrs := s.RootModule().Resources[domainAddr].Primary.Attributes
						var want struct{ AuthInfo string }
						sb.OutOfBand(t, domainLogin(sb), http.MethodGet, "api/Domain/"+attrs["handle"]+"/AuthInfo", nil, &want)
						if attrs["auth_code"] != want.AuthInfo {
							return fmt.Errorf("auth_code is not the sandbox's transfer code")
						}
						return nil
					},
					domainInSandbox(sb, domainLogin(sb), name, func(d *acctest.Domain) error {
						if !d.UseNamebayDns || d.ZoneHandle == nil {
							return fmt.Errorf("sandbox domain has UseNamebayDns %t, zone %v; want hosted DNS with a zone", d.UseNamebayDns, d.ZoneHandle)
						}
						return nil
					}),
				),
			},
			{
				ResourceName:            domainAddr,
				ImportState:             true,
				ImportStateId:           name,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: domainNotReadBack,
			},
			{
				ResourceName:  domainAddr,
				ImportState:   true,
				ImportStateId: "CL-000001/" + name + "/extra",
				ExpectError:   regexp.MustCompile(`<name> or\s+<client_account>/<name>`),
			},
			{
				// DNSSEC changes now stay in progress for a while after each step.
				PreConfig:        func() { sb.SetPendingDelays(t, 0, 2*time.Second) },
				Config:           signed,
				ConfigPlanChecks: domainPlanUpdates(),
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("dnssec", knownvalue.Bool(true)),
					domainStateIs("zone_ttl", knownvalue.Int64Exact(600)),
				},
				Check: domainDnssecInSandbox(sb, &zone, true),
			},
			{
				// Signing is still in progress: the change waits for it instead of failing.
				Config:           hosted,
				ConfigPlanChecks: domainPlanUpdates(),
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("dnssec", knownvalue.Bool(false)),
					domainStateIs("zone_ttl", knownvalue.Int64Exact(3600)),
				},
				Check: domainDnssecInSandbox(sb, &zone, false),
			},
			{
				Config:           signed,
				ConfigPlanChecks: domainPlanUpdates(),
				Check:            domainDnssecInSandbox(sb, &zone, true),
			},
			{
				// Leaving hosted DNS unsigns the zone first: a DS record left at
				// the registry would break resolution at the new name servers.
				Config: domainHCL(sb, domainOwners+`
  name         = "`+name+`"
  name_servers = ["ns1.example-dns.net", "ns2.example-dns.net"]`),
				ConfigPlanChecks: domainPlanUpdates(),
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("hosted_dns", knownvalue.Bool(false)),
					domainStateIs("dnssec", knownvalue.Bool(false)),
					domainStateIs("zone_handle", knownvalue.Null()),
				},
				Check: domainDnssecInSandbox(sb, &zone, false),
			},
			{
				// Back to hosted DNS: the zone Namebay kept serves again.
				Config:           hosted,
				ConfigPlanChecks: domainPlanUpdates(),
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("dnssec", knownvalue.Bool(false)),
					domainStateIs("zone_ttl", knownvalue.Int64Exact(3600)),
				},
				Check: resource.TestCheckResourceAttrPtr(domainAddr, "zone_handle", &zone),
			},
		},
	})
}

// domainDnssecInSandbox checks the DNSSEC state the sandbox's zone was last asked for.
func domainDnssecInSandbox(sb *acctest.Sandbox, zone *string, enabled bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var got struct{ Enabled bool }
		status, err := sb.TryOutOfBand(domainLogin(sb), http.MethodGet, "api/Zone/"+*zone+"/Dnssec", nil, &got)
		if err != nil {
			return err
		}
		if status != http.StatusOK || got.Enabled != enabled {
			return fmt.Errorf("zone %s: DNSSEC answered %d, Enabled %t; want Enabled %t", *zone, status, got.Enabled, enabled)
		}
		return nil
	}
}

func TestAccDomain_externalNameServers(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "martin-bakery.net"
	config := func(period int, extra string) string {
		return domainHCL(sb, domainOwners+fmt.Sprintf(`
  name   = %q
  period = %d
  `, name, period)+extra)
	}
	external := config(3, `name_servers = ["ns1.example-dns.net", "ns2.example-dns.net"]`)
	// A new period is recorded without renewing: nothing more is billed.
	changed := config(2, `
  name_servers    = ["ns3.example-dns.net", "ns1.example-dns.net", "ns4.example-dns.org"]
  auto_renew      = false
  transfer_lock   = false
  whois_privacy   = true
  tech_contact    = reseller_contact.other.id
  billing_contact = reseller_contact.owner.id`)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           external,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("name_servers", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("ns1.example-dns.net"), knownvalue.StringExact("ns2.example-dns.net"),
					})),
					domainStateIs("hosted_dns", knownvalue.Bool(false)),
					domainStateIs("zone_handle", knownvalue.Null()),
					domainStateIs("status", knownvalue.StringExact("protected")),
					domainStateIs("period", knownvalue.Int64Exact(3)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					domainExpiresAfter(3),
					domainOrders(t, sb, "domain.create", name, 1),
				),
			},
			{
				ResourceName:            domainAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: domainNotReadBack,
			},
			{
				Config:           changed,
				ConfigPlanChecks: domainPlanUpdates(),
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("name_servers", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("ns3.example-dns.net"), knownvalue.StringExact("ns1.example-dns.net"), knownvalue.StringExact("ns4.example-dns.org"),
					})),
					domainStateIs("auto_renew", knownvalue.Bool(false)),
					domainStateIs("transfer_lock", knownvalue.Bool(false)),
					domainStateIs("status", knownvalue.StringExact("ok")),
					domainStateIs("whois_privacy", knownvalue.Bool(true)),
					statecheck.CompareValuePairs(domainAddr, tfjsonpath.New("tech_contact"), "reseller_contact.other", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(domainAddr, tfjsonpath.New("billing_contact"), "reseller_contact.owner", tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: domainInSandbox(sb, domainLogin(sb), name, func(d *acctest.Domain) error {
					if d.AutoRenew || !d.HasAnonymousWhois || d.Status != "ok" {
						return fmt.Errorf("sandbox domain has AutoRenew %t, HasAnonymousWhois %t, Status %s; want false, true, ok", d.AutoRenew, d.HasAnonymousWhois, d.Status)
					}
					return nil
				}),
			},
			{
				Config:           external,
				ConfigPlanChecks: domainPlanUpdates(),
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("status", knownvalue.StringExact("protected")),
					domainStateIs("auto_renew", knownvalue.Bool(true)),
					domainStateIs("whois_privacy", knownvalue.Bool(false)),
					// Unset again, tech and billing follow the admin contact.
					statecheck.CompareValuePairs(domainAddr, tfjsonpath.New("tech_contact"), "reseller_contact.admin", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(domainAddr, tfjsonpath.New("billing_contact"), "reseller_contact.admin", tfjsonpath.New("id"), compare.ValuesSame()),
				},
				// Nothing paid besides the registration.
				Check: func(*terraform.State) error {
					if n := len(sb.Ledger(t)); n != 1 {
						return fmt.Errorf("ledger has %d entries, want only the domain.create", n)
					}
					return nil
				},
			},
			{
				// Switching to hosted DNS creates the zone and reads Namebay's name servers back.
				Config: config(3, `hosted_dns = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(domainAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(domainAddr, tfjsonpath.New("name_servers")),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("zone_handle", knownvalue.StringRegexp(domainZonePattern)),
					domainStateIs("name_servers", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("ns1.namebay.com"), knownvalue.StringExact("ns2.namebay.com"),
					})),
				},
			},
		},
	})
}

func TestAccDomain_contacts(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "martin-traiteur.org"
	withOwner := func(registrant, admin string) string {
		return domainHCL(sb, `
  name               = "`+name+`"
  name_servers       = ["ns1.example-dns.net", "ns2.example-dns.net"]
  registrant_contact = reseller_contact.`+registrant+`.id
  admin_contact      = reseller_contact.`+admin+`.id
  transfer_lock      = false
  on_destroy         = "delete"`)
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            withOwner("owner", "admin"),
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{domainStateIs("status", knownvalue.StringExact("ok"))},
			},
			{
				// A new registrant is a paid trade, made in place.
				Config:           withOwner("other", "admin"),
				ConfigPlanChecks: domainPlanUpdates(),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(domainAddr, tfjsonpath.New("registrant_contact"), "reseller_contact.other", tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					domainOrders(t, sb, "domain.trade", name, 1),
					domainOrders(t, sb, "domain.create", name, 1),
					func(*terraform.State) error {
						for _, e := range sb.Ledger(t) {
							if e.Operation == "domain.trade" && (e.Amount != 11.99 || e.Currency != "EUR") {
								return fmt.Errorf("trade billed %.2f %s, want the .org trade price 11.99 EUR", e.Amount, e.Currency)
							}
						}
						return nil
					},
				),
			},
			{
				// The trade back is taken, then its answer is lost.
				PreConfig: func() {
					sb.SetFaults(t, 1, acctest.FaultRule{Method: http.MethodPost, Path: "/namebay/api/Domain/*/Trade", Kind: "drop", Count: 1})
				},
				Config:      withOwner("owner", "admin"),
				ExpectError: regexp.MustCompile(`(?s)Could not change the registrant \(trade\).*may\s+have\s+been\s+carried\s+out.*Run\s+apply\s+again`),
			},
			{
				// The refresh finds the trade done: nothing is left to order.
				Config: withOwner("owner", "admin"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs(domainAddr, tfjsonpath.New("registrant_contact"), "reseller_contact.owner", tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: domainOrders(t, sb, "domain.trade", name, 2),
			},
			{
				Config:      withOwner("owner", "other"),
				ExpectError: regexp.MustCompile(`(?s)administrative contact cannot change.*Keep\s+admin_contact\s+=\s+"CT-\d+"`),
			},
			{
				// The refused plan changed nothing.
				Config:           withOwner("owner", "admin"),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            domainOrders(t, sb, "domain.trade", name, 2),
			},
		},
	})
}

func TestAccDomain_drift(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "martin-patisserie.com"
	login := domainLogin(sb)
	config := domainHCL(sb, domainOwners+`
  name       = "`+name+`"
  hosted_dns = true`)
	var handle string
	// outOfBand calls route, whose %s is the domain's handle, behind Terraform's back.
	outOfBand := func(method, route string, body any) {
		sb.OutOfBand(t, login, method, fmt.Sprintf(route, handle), body, nil)
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            domainCapture("handle", &handle),
			},
			{
				PreConfig:        func() { outOfBand(http.MethodPut, "api/Domain/%s", map[string]any{"AutoRenew": false}) },
				Config:           config,
				ConfigPlanChecks: domainPlanUpdates(),
				Check: domainInSandbox(sb, login, name, func(d *acctest.Domain) error {
					if !d.AutoRenew {
						return fmt.Errorf("auto-renew is still off in the sandbox")
					}
					return nil
				}),
			},
			{
				PreConfig:        func() { outOfBand(http.MethodPut, "api/Domain/%s", map[string]any{"Status": "unprotect"}) },
				Config:           config,
				ConfigPlanChecks: domainPlanUpdates(),
				Check: domainInSandbox(sb, login, name, func(d *acctest.Domain) error {
					if d.Status != "protected" {
						return fmt.Errorf("sandbox status is %s, want protected again", d.Status)
					}
					return nil
				}),
			},
			{
				// Moved to other name servers behind Terraform's back: back to hosted DNS.
				PreConfig: func() {
					outOfBand(http.MethodPut, "api/Domain/%s/NameServer", []map[string]string{{"Name": "ns1.elsewhere.net"}, {"Name": "ns2.elsewhere.net"}})
				},
				Config:           config,
				ConfigPlanChecks: domainPlanUpdates(),
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("name_servers", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("ns1.namebay.com"), knownvalue.StringExact("ns2.namebay.com"),
					})),
					domainStateIs("zone_handle", knownvalue.StringRegexp(domainZonePattern)),
				},
				Check: domainInSandbox(sb, login, name, func(d *acctest.Domain) error {
					if !d.UseNamebayDns {
						return fmt.Errorf("the sandbox domain is still off Namebay's name servers")
					}
					return nil
				}),
			},
			{
				// Deleted behind Terraform's back: the refresh forgets it and the plan registers it again.
				PreConfig: func() {
					outOfBand(http.MethodPut, "api/Domain/%s", map[string]any{"Status": "unprotect"})
					outOfBand(http.MethodDelete, "api/Domain/%s", nil)
				},
				Config:           config,
				ConfigPlanChecks: domainPlanCreates(),
				Check: resource.ComposeAggregateTestCheckFunc(
					domainOrders(t, sb, "domain.create", name, 2),
					resource.TestCheckResourceAttrWith(domainAddr, "handle", func(v string) error {
						if v == handle {
							return fmt.Errorf("handle is still %s, the deleted domain's", v)
						}
						return nil
					}),
				),
			},
		},
	})
}

func TestAccDomain_expired(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "martin-glacier.net"
	config := domainHCL(sb, domainOwners+`
  name         = "`+name+`"
  name_servers = ["ns1.example-dns.net", "ns2.example-dns.net"]
  auto_renew   = false`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
			},
			{
				// Past its expiry without auto-renew: the refresh reports it, it does not fail.
				PreConfig:    func() { sb.AdvanceClock(t, 400*24*time.Hour) },
				RefreshState: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(domainAddr, "status", "expired"),
					resource.TestCheckResourceAttr(domainAddr, "transfer_lock", "true"),
				),
			},
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            domainOrders(t, sb, "domain.autorenew", name, 0),
			},
		},
	})
}

func TestAccDomain_abandonOnDestroy(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "martin-epicerie.eu"
	// The abandoned domain keeps naming its contacts, so they live outside
	// the configuration: Terraform could not destroy them.
	owner, admin := domainSandboxContact(t, sb), domainSandboxContact(t, sb)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: domainInSandbox(sb, domainLogin(sb), name, func(d *acctest.Domain) error {
			if d.AutoRenew {
				return fmt.Errorf("abandoned domain %s still renews automatically", d.Name)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config: sb.ProviderConfig() + `
resource "reseller_domain" "test" {
  name               = "` + name + `"
  registrant_contact = "` + owner + `"
  admin_contact      = "` + admin + `"
  name_servers       = ["ns1.example-dns.net", "ns2.example-dns.net"]
}
`,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("on_destroy", knownvalue.StringExact("abandon")),
					domainStateIs("deletion_protection", knownvalue.Bool(false)),
				},
			},
			{
				// With every setting at its default, every attribute reads back.
				ResourceName:      domainAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

// domainSandboxContact creates a contact behind Terraform's back and returns its handle.
func domainSandboxContact(t *testing.T, sb *acctest.Sandbox) string {
	t.Helper()
	var created struct{ Handle string }
	sb.OutOfBand(t, domainLogin(sb), http.MethodPost, "api/Contact", map[string]any{
		"FirstName": "Camille", "LastName": "Martin", "Address": "12 rue des Lilas", "City": "Lyon",
		"Pc": "69003", "Cc": "FR", "MailAddress": "camille.martin@example.net", "IsIndividual": true,
	}, &created)
	if created.Handle == "" {
		t.Fatal("the sandbox answered no contact handle")
	}
	return created.Handle
}

func TestAccDomain_deleteOnDestroy(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "martin-fromagerie.fr"
	var handle string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			status, err := sb.TryOutOfBand(domainLogin(sb), http.MethodGet, "api/Domain/"+handle, nil, nil)
			if err != nil {
				return err
			}
			if status != http.StatusNotFound {
				return fmt.Errorf("GET api/Domain/%s after destroy answered %d, want 404", handle, status)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			// Transfer-locked by default: the delete unlocks it first.
			Config: domainHCL(sb, domainOwners+`
  name       = "`+name+`"
  hosted_dns = true`),
			ConfigPlanChecks: emptyPlanAfterApply,
			Check:            domainCapture("handle", &handle),
		}},
	})
}

func TestAccDomain_deletionProtection(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "martin-chocolatier.io"
	configNamed := func(name string, protected bool) string {
		return domainHCL(sb, domainOwners+fmt.Sprintf(`
  name                = %q
  hosted_dns          = true
  dnssec              = true
  zone_ttl            = 7200
  deletion_protection = %t`, name, protected))
	}
	config := func(protected bool) string { return configNamed(name, protected) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			d, err := sb.FindDomain(domainLogin(sb), name)
			if err == nil && d != nil {
				err = fmt.Errorf("%s is still registered after the destroy", name)
			}
			return err
		},
		Steps: []resource.TestStep{
			{
				// DNSSEC and the zone TTL are set right after the registration.
				Config:           config(true),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("dnssec", knownvalue.Bool(true)),
					domainStateIs("zone_ttl", knownvalue.Int64Exact(7200)),
					domainStateIs("deletion_protection", knownvalue.Bool(true)),
				},
			},
			{
				// A new name replaces the domain, which protection forbids too.
				Config:      configNamed("martin-confiserie.io", true),
				ExpectError: regexp.MustCompile(`(?s)Domain is protected from deletion.*replaces\s+` + regexp.QuoteMeta(name)),
			},
			{
				// deletion_protection and on_destroy live only in the
				// configuration: the API has nothing to read them back from.
				ResourceName:            domainAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: domainNotReadBack,
			},
			{
				Config:      config(true),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)Domain is protected from deletion.*deletion_protection\s+=\s+false`),
			},
			{
				// The refused destroy left the domain in place.
				Config:           config(true),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            domainInSandbox(sb, domainLogin(sb), name, domainExists),
			},
			{
				Config:           config(false),
				ConfigPlanChecks: domainPlanUpdates(),
			},
		},
	})
}

func TestAccDomain_invalidInput(t *testing.T) {
	sb := acctest.NewSandbox(t)
	withName := func(name, extra string) string {
		return domainHCL(sb, `
  registrant_contact = reseller_contact.owner.id
  admin_contact      = reseller_contact.admin.id
  name               = "`+name+`"
  `+extra)
	}
	const external = `name_servers = ["ns1.example-dns.net", "ns2.example-dns.net"]`
	longLabel := strings.Repeat("a", 64)
	longName := strings.Repeat(strings.Repeat("b", 60)+".", 5) + "com"

	cases := []struct {
		config string
		want   string
	}{
		{withName("bad_name.com", external), `"bad_name".*'_';\s+labels\s+hold\s+letters,\s+digits\s+and\s+hyphens`},
		{withName("Martin.com", external), `write\s+the\s+domain\s+name\s+as\s+"martin\.com":\s+lower-case`},
		{withName(longLabel+".com", external), `label\s+of\s+64\s+characters.*a\s+label\s+holds\s+at\s+most\s+63`},
		{withName(longName, external), `308\s+characters\s+long;\s+a\s+domain\s+name\s+holds\s+at\s+most\s+253`},
		{withName("www.martin.com", external), `Not a registrable domain name.*subdomain:\s+only\s+second-level\s+names.*\s+martin\.com,`},
		{withName("martin.xyz", external), `Unsupported TLD.*TLD\s+\.xyz\s+is\s+not\s+sold.*Supported\s+TLDs:\s+\.com,\s+\.net`},
		{withName("martin.com", "period = 11\n"+external), `Attribute\s+period\s+value\s+must\s+be\s+between\s+1\s+and\s+10,\s+got:\s+11`},
		{withName("martin.de", "period = 2\n"+external), `Period out of range.*\.de\s+domains\s+are\s+registered\s+for\s+1\s+to\s+1\s+years;\s+period\s+=\s+2`},
		{withName("martin.io", "period = 6\n"+external), `Period out of range.*\.io\s+domains\s+are\s+registered\s+for\s+1\s+to\s+5\s+years;\s+period\s+=\s+6`},
		{withName("martin.com", `name_servers = ["ns1..example.net", "ns2.example.net"]`), `"ns1\.\.example\.net"\s+has\s+an\s+empty\s+label`},
		{withName("martin.com", `name_servers = ["ns1.example.net"]`), `Attribute\s+name_servers\s+list\s+must\s+contain\s+at\s+least\s+2\s+elements\s+and\s+at\s+most\s+6`},
		{withName("martin.com", `name_servers = ["ns1.example.net", "ns1.example.net"]`), `Duplicate List Value.*"ns1\.example\.net"`},
		{withName("martin.com", ""), `Missing DNS settings.*either\s+name_servers\s+\(2\s+to\s+6\s+host\s+names\)\s+or\s+hosted_dns\s+=\s+true`},
		{withName("martin.com", "hosted_dns = true\n"+external), `Conflicting DNS settings.*Remove\s+name_servers,\s+or\s+set\s+hosted_dns\s+=\s+false`},
		{withName("martin.com", "dnssec = true\n"+external), `DNSSEC needs hosted DNS.*set\s+hosted_dns\s+=\s+true`},
		{withName("martin.com", "zone_ttl = 300\n"+external), `Zone TTL needs hosted DNS.*set\s+hosted_dns\s+=\s+true\s+or\s+remove\s+zone_ttl`},
		{withName("martin.com", "hosted_dns = true\nzone_ttl = 60"), `Attribute\s+zone_ttl\s+value\s+must\s+be\s+between\s+300\s+and\s+86400,\s+got:\s+60`},
		{withName("martin.com", `on_destroy = "forget"`+"\n"+external), `Attribute\s+on_destroy\s+value\s+must\s+be\s+one\s+of:\s+\["abandon"\s+"keep"\s+"delete"\]`},
		{withName("martin.fr", "whois_privacy = true\n"+external), `Whois privacy not offered.*\.fr\s+registry.*Set\s+whois_privacy\s+=\s+false;\s+TLDs\s+that\s+offer\s+it:\s+\.com,`},
		{withName("martin.mc", "hosted_dns = true\ndnssec = true"), `DNSSEC not offered.*\.mc\s+registry.*Set\s+dnssec\s+=\s+false;\s+TLDs\s+that\s+accept\s+it:\s+\.com,`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{Config: c.config, PlanOnly: true, ExpectError: regexp.MustCompile(`(?s)` + c.want)})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps:                    steps,
	})
}

func TestAccDomain_answerLostAfterOrder(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "martin-boucherie.com"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			// The order is taken, then the connection drops before the answer.
			PreConfig: func() {
				sb.SetFaults(t, 1, acctest.FaultRule{Method: http.MethodPost, Path: "/namebay/api/Domain", Kind: "drop", Count: 1})
			},
			Config: domainHCL(sb, domainOwners+`
  name       = "`+name+`"
  hosted_dns = true`),
			ConfigPlanChecks: emptyPlanAfterApply,
			Check: resource.ComposeAggregateTestCheckFunc(
				domainOrders(t, sb, "domain.create", name, 1),
				domainFaultFired(t, sb),
				func(*terraform.State) error {
					if n := sb.Counters(t)["POST /namebay/api/Domain"]; n != 1 {
						return fmt.Errorf("the order was sent %d times, want once", n)
					}
					return nil
				},
				resource.TestMatchResourceAttr(domainAddr, "handle", domainHandlePattern),
				resource.TestCheckResourceAttr(domainAddr, "status", "protected"),
			),
		}},
	})
}

func TestAccDomain_unavailableOnOrder(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "martin-primeur.com"
	config := domainHCL(sb, domainOwners+`
  name       = "`+name+`"
  hosted_dns = true`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				// A 503 means the order was not run; a POST is never retried blindly.
				PreConfig: func() {
					sb.SetFaults(t, 1, acctest.FaultRule{Method: http.MethodPost, Path: "/namebay/api/Domain", Kind: "error", Status: http.StatusServiceUnavailable, Count: 1})
				},
				Config:      config,
				ExpectError: regexp.MustCompile(`(?s)Could not register domain\s+` + regexp.QuoteMeta(name) + `.*503.*Run\s+apply\s+again`),
			},
			{
				PreConfig: func() {
					if n := sb.CountOrders(t, "domain.create", name); n != 0 {
						t.Errorf("after the 503 the ledger has %d domain.create, want 0", n)
					}
					if n := sb.Counters(t)["POST /namebay/api/Domain"]; n != 1 {
						t.Errorf("the order was sent %d times, want once (no blind retry)", n)
					}
				},
				Config:           config,
				ConfigPlanChecks: domainPlanCreates(),
				Check:            domainOrders(t, sb, "domain.create", name, 1),
			},
		},
	})
}

func TestAccDomain_clientAccount(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const (
		name   = "boulangerie-martin.fr"
		client = "CL-000001"
	)
	inClient := `client_account = "` + client + `"`
	config := sb.ProviderConfig() + contactHCL("owner", inClient) + contactHCL("admin", inClient) + `
resource "reseller_domain" "test" {
  client_account     = "` + client + `"
  name               = "` + name + `"
  period             = 2
  registrant_contact = reseller_contact.owner.id
  admin_contact      = reseller_contact.admin.id
  hosted_dns         = true
  on_destroy         = "delete"
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					domainStateIs("client_account", knownvalue.StringExact(client)),
					domainStateIs("zone_handle", knownvalue.StringRegexp(domainZonePattern)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					domainInSandbox(sb, "client", name, domainExists),
					func(*terraform.State) error {
						d, err := sb.FindDomain(domainLogin(sb), name)
						if err == nil && d != nil {
							err = fmt.Errorf("%s is listed in the reseller's own account, want only in %s", name, client)
						}
						return err
					},
					func(*terraform.State) error {
						for _, e := range sb.Ledger(t) {
							if e.Operation == "domain.create" && e.Object == name && e.Account != client {
								return fmt.Errorf("domain.create of %s billed to %s, want %s", name, e.Account, client)
							}
						}
						return nil
					},
					domainOrders(t, sb, "domain.create", name, 1),
				),
			},
			{
				ResourceName:            domainAddr,
				ImportState:             true,
				ImportStateId:           client + "/" + name,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: domainNotReadBack,
			},
			{
				// Under the reseller's own account there is no such domain.
				ResourceName:  domainAddr,
				ImportState:   true,
				ImportStateId: name,
				ExpectError:   regexp.MustCompile(`(?s)Domain not found.*` + regexp.QuoteMeta(name)),
			},
		},
	})
}

// domainFaultFired checks that the only fault rule fired exactly once.
func domainFaultFired(t *testing.T, sb *acctest.Sandbox) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := sb.FaultsFired(t); len(got) != 1 || got[0] != 1 {
			return fmt.Errorf("fault rules fired %v times, want [1]", got)
		}
		return nil
	}
}

func TestAccDomain_providerClientAccount(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const name = "martin-fleuriste.eu"
	config := strings.Replace(domainHCL(sb, domainOwners+`
  name       = "`+name+`"
  hosted_dns = true`), sb.ProviderConfig(), sb.ProviderConfigWith(`client_account = "CL-000001"`), 1)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{domainStateIs("client_account", knownvalue.Null())},
				Check:             domainInSandbox(sb, "client", name, domainExists),
			},
			{
				// The provider's default account is where the plain name is looked up.
				ResourceName:            domainAddr,
				ImportState:             true,
				ImportStateId:           name,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: domainNotReadBack,
			},
		},
	})
}
