package namebay_test

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
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

const (
	packAddr   = "reseller_hosting_pack.site"
	packClient = "CL-000001" // the client account the sandbox seeds, login "client"
)

// packNotReadBack are the attributes that live only in the configuration:
// the API keeps no order period nor count of renewals (only the expiry date
// they led to), and knows nothing of what a destroy should do.
var packNotReadBack = []string{"period", "renewals", "deletion_protection", "on_destroy", "timeouts"}

var (
	packHandlePattern = regexp.MustCompile(`^HO-\d{6}$`)
	packTimePattern   = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)
)

func packStateIs(attr string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(packAddr, tfjsonpath.New(attr), want)
}

// packAliasesAre checks the aliases attribute against domain → directory pairs.
func packAliasesAre(pairs map[string]string) statecheck.StateCheck {
	checks := make(map[string]knownvalue.Check, len(pairs))
	for alias, dir := range pairs {
		checks[alias] = knownvalue.StringExact(dir)
	}
	return packStateIs("aliases", knownvalue.MapExact(checks))
}

// packPlan asserts the action the step plans for the pack, then that the
// apply converged.
func packPlan(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(packAddr, action)},
		PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
	}
}

// packCapture stores the value of a state attribute for later steps.
func packCapture(attr string, into *string) resource.TestCheckFunc {
	return resource.TestCheckResourceAttrWith(packAddr, attr, func(v string) error {
		*into = v
		return nil
	})
}

// packDetail is the pack as the sandbox holds it, with what acctest.Hosting
// leaves out.
type packDetail struct {
	acctest.Hosting
	AdminContact   struct{ Handle string }
	BillingContact struct{ Handle string }
	Account        string
	Aliases        map[string]string
}

// packInSandbox checks the pack of domain as login's account holds it.
func packInSandbox(sb *acctest.Sandbox, login, domain string, check func(*packDetail) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		h, err := sb.FindHosting(login, domain)
		if err != nil {
			return err
		}
		if h == nil {
			return fmt.Errorf("the sandbox account %s holds no hosting pack for %s", login, domain)
		}
		var d packDetail
		status, err := sb.TryOutOfBand(login, http.MethodGet, "api/Hosting/"+h.Handle, nil, &d)
		if err == nil && status != http.StatusOK {
			err = fmt.Errorf("read hosting pack %s as %s: HTTP %d", h.Handle, login, status)
		}
		if err != nil {
			return err
		}
		d.Aliases = map[string]string{}
		if d.Status != "pending" {
			var aliases []struct{ Domain, Path string }
			status, err := sb.TryOutOfBand(login, http.MethodGet, "api/Hosting/"+h.Handle+"/Alias", nil, &aliases)
			if err == nil && status != http.StatusOK {
				err = fmt.Errorf("list the aliases of %s as %s: HTTP %d", h.Handle, login, status)
			}
			if err != nil {
				return err
			}
			for _, a := range aliases {
				d.Aliases[a.Domain] = a.Path
			}
		}
		return check(&d)
	}
}

// packHas checks the sandbox's pack with a list of field comparisons: each
// entry names a field, the value read and the value wanted.
func packHas(fields ...packField) func(*packDetail) error {
	return func(d *packDetail) error {
		var wrong []string
		for _, f := range fields {
			if got := f.get(d); got != f.want {
				wrong = append(wrong, fmt.Sprintf("%s = %v, want %v", f.name, got, f.want))
			}
		}
		if len(wrong) > 0 {
			return fmt.Errorf("sandbox pack %s (%s): %s", d.Handle, d.Domain, strings.Join(wrong, "; "))
		}
		return nil
	}
}

type packField struct {
	name string
	get  func(*packDetail) any
	want any
}

func packPHP(v string) packField {
	return packField{"FrameWork.Version", func(d *packDetail) any { return d.FrameWork.Version }, v}
}

func packOffer(v string) packField {
	return packField{"ProductId", func(d *packDetail) any { return d.ProductId }, v}
}

func packStats(v bool) packField {
	return packField{"HasStats", func(d *packDetail) any { return d.HasStats }, v}
}

func packAutoRenew(v bool) packField {
	return packField{"AutoRenew", func(d *packDetail) any { return d.AutoRenew }, v}
}

func packStatus(v string) packField {
	return packField{"Status", func(d *packDetail) any { return d.Status }, v}
}

// packAliases compares the sandbox's aliases, written as "domain=dir".
func packAliases(pairs ...string) packField {
	want := slices.Sorted(slices.Values(pairs))
	return packField{"aliases", func(d *packDetail) any {
		got := make([]string, 0, len(d.Aliases))
		for alias, dir := range d.Aliases {
			got = append(got, alias+"="+dir)
		}
		slices.Sort(got)
		return strings.Join(got, ",")
	}, strings.Join(want, ",")}
}

// packOrders checks how many times operation was billed for domain.
func packOrders(t *testing.T, sb *acctest.Sandbox, operation, domain string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := sb.CountOrders(t, operation, domain); got != want {
			return fmt.Errorf("ledger has %d %s for %s, want %d", got, operation, domain, want)
		}
		return nil
	}
}

// packBilled checks the amount of every ledger entry of operation for domain.
func packBilled(t *testing.T, sb *acctest.Sandbox, operation, domain string, amount float64) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, e := range sb.Ledger(t) {
			if e.Operation == operation && e.Object == domain && (e.Amount != amount || e.Currency != "EUR") {
				return fmt.Errorf("%s of %s billed %.2f %s, want %.2f EUR", operation, domain, e.Amount, e.Currency, amount)
			}
		}
		return nil
	}
}

// packExpiresAfter checks that expires_at is created_at plus years.
func packExpiresAfter(years int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[packAddr]
		if !ok {
			return fmt.Errorf("%s is not in the state", packAddr)
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

// packHandleIs checks that the pack kept the handle captured earlier: it
// was changed in place, not replaced.
func packHandleIs(handle *string) resource.TestCheckFunc {
	return resource.TestCheckResourceAttrPtr(packAddr, "handle", handle)
}

// packGone checks that login's account holds no pack for domain.
func packGone(sb *acctest.Sandbox, login, domain string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		h, err := sb.FindHosting(login, domain)
		if err == nil && h != nil {
			err = fmt.Errorf("the sandbox account %s still holds the hosting pack %s of %s", login, h.Handle, domain)
		}
		return err
	}
}

// packOutOfBand calls route, whose %s is the pack's handle, behind
// Terraform's back.
func packOutOfBand(t *testing.T, sb *acctest.Sandbox, handle *string, method, route string, body any) {
	t.Helper()
	sb.OutOfBand(t, hostingLogin(sb), method, fmt.Sprintf(route, *handle), body, nil)
}

func TestAccHostingPack_basic(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "atelier-martin.fr"
	var handle string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, hostingLogin(sb), domain),
		Steps: []resource.TestStep{
			{
				Config:           hostingPackHCL(sb, domain, "HOSTING-START", ""),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					packStateIs("id", knownvalue.StringExact(domain)),
					packStateIs("domain", knownvalue.StringExact(domain)),
					packStateIs("handle", knownvalue.StringRegexp(packHandlePattern)),
					packStateIs("status", knownvalue.StringExact("active")),
					packStateIs("offer", knownvalue.StringExact("HOSTING-START")),
					packStateIs("period", knownvalue.Int64Exact(1)),
					packStateIs("renewals", knownvalue.Int64Exact(0)),
					packStateIs("auto_renew", knownvalue.Bool(true)),
					packStateIs("statistics", knownvalue.Bool(false)),
					// A new pack runs the offer's newest PHP.
					packStateIs("php_version", knownvalue.StringExact("8.3")),
					packAliasesAre(nil),
					packStateIs("ftp_host", knownvalue.StringExact("ftp."+domain)),
					packStateIs("disk_quota_mb", knownvalue.Int64Exact(1024)),
					packStateIs("disk_used_mb", knownvalue.Int64Exact(10)),
					packStateIs("created_at", knownvalue.StringRegexp(packTimePattern)),
					packStateIs("client_account", knownvalue.Null()),
					packStateIs("deletion_protection", knownvalue.Bool(false)),
					// The billing contact defaults to the administrative one.
					statecheck.CompareValuePairs(packAddr, tfjsonpath.New("admin_contact"), "reseller_contact.owner", tfjsonpath.New("id"), compare.ValuesSame()),
					statecheck.CompareValuePairs(packAddr, tfjsonpath.New("billing_contact"), "reseller_contact.owner", tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					packCapture("handle", &handle),
					packExpiresAfter(1),
					packOrders(t, sb, "hosting.create", domain, 1),
					packBilled(t, sb, "hosting.create", domain, 29),
					packInSandbox(sb, hostingLogin(sb), domain, func(d *packDetail) error {
						if d.BillingContact.Handle != d.AdminContact.Handle || d.AdminContact.Handle == "" {
							return fmt.Errorf("sandbox pack has admin %q and billing %q, want the same contact", d.AdminContact.Handle, d.BillingContact.Handle)
						}
						return packHas(packStatus("active"), packPHP("8.3"), packAutoRenew(true), packStats(false), packAliases())(d)
					}),
				),
			},
			{
				ResourceName:            packAddr,
				ImportState:             true,
				ImportStateId:           domain,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: packNotReadBack,
			},
			{
				ResourceName:  packAddr,
				ImportState:   true,
				ImportStateId: "martin-absent.fr",
				ExpectError:   regexp.MustCompile(`(?s)Hosting pack not found.*martin-absent\.fr`),
			},
			{
				ResourceName:  packAddr,
				ImportState:   true,
				ImportStateId: packClient + "/" + domain + "/extra",
				ExpectError:   regexp.MustCompile(`<domain> or\s+<client_account>/<domain>`),
			},
		},
	})
}

func TestAccHostingPack_clientAccount(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "fleurs-martin.fr"
	inClient := `client_account = "` + packClient + `"`
	config := sb.ProviderConfig() + contactHCL("owner", inClient) + `
resource "reseller_hosting_pack" "site" {
  ` + inClient + `
  domain        = "` + domain + `"
  offer         = "HOSTING-PRO"
  admin_contact = reseller_contact.owner.id
  aliases       = { "www.` + domain + `" = "/" }
  on_destroy    = "delete"
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, "client", domain),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					packStateIs("client_account", knownvalue.StringExact(packClient)),
					packStateIs("php_version", knownvalue.StringExact("8.4")),
					packAliasesAre(map[string]string{"www." + domain: "/"}),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					packInSandbox(sb, "client", domain, func(d *packDetail) error {
						if d.Account != packClient {
							return fmt.Errorf("pack is in account %q, want %s", d.Account, packClient)
						}
						return packHas(packOffer("HOSTING-PRO"), packAliases("www."+domain+"=/"))(d)
					}),
					packGone(sb, hostingLogin(sb), domain),
					packOrders(t, sb, "hosting.create", domain, 1),
					func(*terraform.State) error {
						for _, e := range sb.Ledger(t) {
							if e.Operation == "hosting.create" && e.Account != packClient {
								return fmt.Errorf("hosting.create of %s billed to %s, want %s", e.Object, e.Account, packClient)
							}
						}
						return nil
					},
				),
			},
			{
				ResourceName:            packAddr,
				ImportState:             true,
				ImportStateId:           packClient + "/" + domain,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: packNotReadBack,
			},
			{
				// The reseller's own account has no pack for the domain.
				ResourceName:  packAddr,
				ImportState:   true,
				ImportStateId: domain,
				ExpectError:   regexp.MustCompile(`(?s)Hosting pack not found.*` + regexp.QuoteMeta(domain)),
			},
		},
	})
}

func TestAccHostingPack_update(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-menuiserie.com"
	login := hostingLogin(sb)
	config := func(extra string) string {
		return hostingPackHCL(sb, domain, "HOSTING-PRO", extra) + contactHCL("billing", "")
	}
	var handle string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, login, domain),
		Steps: []resource.TestStep{
			{
				Config:            config(""),
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{packStateIs("php_version", knownvalue.StringExact("8.4"))},
				Check:             packCapture("handle", &handle),
			},
			{
				Config: config(`
  php_version     = "8.2"
  statistics      = true
  auto_renew      = false
  billing_contact = reseller_contact.billing.id
  aliases = {
    "www.martin-menuiserie.com" = "/"
    "shop.martin-menuiserie.net" = "/shop"
  }`),
				ConfigPlanChecks: packPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					packStateIs("php_version", knownvalue.StringExact("8.2")),
					packStateIs("statistics", knownvalue.Bool(true)),
					packStateIs("auto_renew", knownvalue.Bool(false)),
					packAliasesAre(map[string]string{"www.martin-menuiserie.com": "/", "shop.martin-menuiserie.net": "/shop"}),
					statecheck.CompareValuePairs(packAddr, tfjsonpath.New("billing_contact"), "reseller_contact.billing", tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					packHandleIs(&handle),
					packInSandbox(sb, login, domain, func(d *packDetail) error {
						if d.BillingContact.Handle == d.AdminContact.Handle {
							return fmt.Errorf("sandbox billing contact is still the admin contact %s", d.AdminContact.Handle)
						}
						return packHas(packPHP("8.2"), packStats(true), packAutoRenew(false),
							packAliases("www.martin-menuiserie.com=/", "shop.martin-menuiserie.net=/shop"))(d)
					}),
				),
			},
			{
				// One alias serves another directory, one goes, one comes.
				Config: config(`
  php_version     = "8.2"
  statistics      = true
  auto_renew      = false
  billing_contact = reseller_contact.billing.id
  aliases = {
    "shop.martin-menuiserie.net" = "/boutique/fr"
    "blog.martin-menuiserie.com" = "/blog"
  }`),
				ConfigPlanChecks: packPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					packAliasesAre(map[string]string{"shop.martin-menuiserie.net": "/boutique/fr", "blog.martin-menuiserie.com": "/blog"}),
				},
				Check: packInSandbox(sb, login, domain, packHas(
					packAliases("shop.martin-menuiserie.net=/boutique/fr", "blog.martin-menuiserie.com=/blog"))),
			},
			{
				// Back to the defaults: the PHP version stays what the pack
				// runs, and the billing contact follows the admin contact.
				Config:           config(""),
				ConfigPlanChecks: packPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					packStateIs("php_version", knownvalue.StringExact("8.2")),
					packStateIs("statistics", knownvalue.Bool(false)),
					packStateIs("auto_renew", knownvalue.Bool(true)),
					packAliasesAre(nil),
					statecheck.CompareValuePairs(packAddr, tfjsonpath.New("billing_contact"), "reseller_contact.owner", tfjsonpath.New("id"), compare.ValuesSame()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					packHandleIs(&handle),
					packInSandbox(sb, login, domain, func(d *packDetail) error {
						if d.BillingContact.Handle != d.AdminContact.Handle {
							return fmt.Errorf("sandbox billing contact is %s, want the admin contact %s", d.BillingContact.Handle, d.AdminContact.Handle)
						}
						return packHas(packPHP("8.2"), packStats(false), packAutoRenew(true), packAliases())(d)
					}),
					// Settings are free: only the order is billed.
					func(*terraform.State) error {
						if n := len(sb.Ledger(t)); n != 1 {
							return fmt.Errorf("ledger has %d entries, want only the hosting.create", n)
						}
						return nil
					},
				),
			},
			{
				// A new domain replaces the pack: what the old pack holds (three
				// FTP users, more than Start allows) does not hold the new one back.
				PreConfig: func() {
					for _, name := range []string{"atelier", "compta", "stagiaire"} {
						packOutOfBand(t, sb, &handle, http.MethodPost, "api/Hosting/%s/User", map[string]string{"UserName": name, "Pwd": "S3cret!pw"})
					}
				},
				Config:           hostingPackHCL(sb, "martin-menuiserie.net", "HOSTING-START", "") + contactHCL("billing", ""),
				ConfigPlanChecks: packPlan(plancheck.ResourceActionDestroyBeforeCreate),
				Check: resource.ComposeAggregateTestCheckFunc(
					packGone(sb, login, domain),
					packInSandbox(sb, login, "martin-menuiserie.net", packHas(packOffer("HOSTING-START"))),
					packOrders(t, sb, "hosting.create", "martin-menuiserie.net", 1),
				),
			},
		},
	})
}

func TestAccHostingPack_drift(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-ebenisterie.com"
	login := hostingLogin(sb)
	config := hostingPackHCL(sb, domain, "HOSTING-PRO", `
  php_version = "8.2"
  aliases     = { "www.martin-ebenisterie.com" = "/" }`)
	var handle string
	outOfBand := func(method, route string, body any) { packOutOfBand(t, sb, &handle, method, route, body) }
	configured := packInSandbox(sb, login, domain, packHas(packPHP("8.2"), packStats(false), packAutoRenew(true), packAliases("www.martin-ebenisterie.com=/")))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, login, domain),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            resource.ComposeAggregateTestCheckFunc(packCapture("handle", &handle), configured),
			},
			{
				PreConfig: func() {
					outOfBand(http.MethodPut, "api/Hosting/%s", map[string]any{"FrameWork": map[string]string{"Type": "PHP", "Version": "8.1"}})
				},
				Config:           config,
				ConfigPlanChecks: packPlan(plancheck.ResourceActionUpdate),
				Check:            configured,
			},
			{
				PreConfig:        func() { outOfBand(http.MethodDelete, "api/Hosting/%s/Alias/www.martin-ebenisterie.com", nil) },
				Config:           config,
				ConfigPlanChecks: packPlan(plancheck.ResourceActionUpdate),
				Check:            configured,
			},
			{
				PreConfig: func() {
					outOfBand(http.MethodPost, "api/Hosting/%s/Alias", map[string]string{"Domain": "old.martin-ebenisterie.com", "Path": "/old"})
				},
				Config:           config,
				ConfigPlanChecks: packPlan(plancheck.ResourceActionUpdate),
				Check:            configured,
			},
			{
				PreConfig: func() {
					outOfBand(http.MethodPut, "api/Hosting/%s", map[string]any{"HasStats": true, "AutoRenew": false})
				},
				Config:           config,
				ConfigPlanChecks: packPlan(plancheck.ResourceActionUpdate),
				Check:            configured,
			},
			{
				// Deleted behind Terraform's back: the refresh forgets it and the plan orders it again.
				PreConfig:        func() { outOfBand(http.MethodDelete, "api/Hosting/%s", nil) },
				Config:           config,
				ConfigPlanChecks: packPlan(plancheck.ResourceActionCreate),
				Check: resource.ComposeAggregateTestCheckFunc(
					packOrders(t, sb, "hosting.create", domain, 2),
					configured,
					resource.TestCheckResourceAttrWith(packAddr, "handle", func(v string) error {
						if v == handle {
							return fmt.Errorf("handle is still %s, the deleted pack's", v)
						}
						return nil
					}),
				),
			},
		},
	})
}

func TestAccHostingPack_offerChange(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-ferronnerie.com"
	login := hostingLogin(sb)
	const www = `"www.martin-ferronnerie.com" = "/"`
	const shop = `"shop.martin-ferronnerie.com" = "/shop"`
	config := func(offer, extra string, aliases ...string) string {
		return hostingPackHCL(sb, domain, offer, extra+"\n  aliases = { "+strings.Join(aliases, ", ")+" }")
	}
	var handle string
	var ftpUsers []int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, login, domain),
		Steps: []resource.TestStep{
			{
				Config:           config("HOSTING-START", "", www),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					packStateIs("php_version", knownvalue.StringExact("8.3")),
					packStateIs("disk_quota_mb", knownvalue.Int64Exact(1024)),
				},
				Check: packCapture("handle", &handle),
			},
			{
				// Up to Pro in place: the difference of the yearly prices is billed once.
				Config: config("HOSTING-PRO", "", www),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(packAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(packAddr, tfjsonpath.New("disk_quota_mb")),
						plancheck.ExpectKnownValue(packAddr, tfjsonpath.New("php_version"), knownvalue.StringExact("8.3")),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{
					packStateIs("offer", knownvalue.StringExact("HOSTING-PRO")),
					packStateIs("disk_quota_mb", knownvalue.Int64Exact(10240)),
					packStateIs("php_version", knownvalue.StringExact("8.3")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					packHandleIs(&handle),
					packOrders(t, sb, "hosting.upgrade", domain, 1),
					packBilled(t, sb, "hosting.upgrade", domain, 50),
					packOrders(t, sb, "hosting.create", domain, 1),
					packInSandbox(sb, login, domain, packHas(packOffer("HOSTING-PRO"), packPHP("8.3"))),
				),
			},
			{
				Config:           config("HOSTING-PRO", `php_version = "8.4"`, www, shop),
				ConfigPlanChecks: packPlan(plancheck.ResourceActionUpdate),
				Check:            packInSandbox(sb, login, domain, packHas(packPHP("8.4"), packAliases("www.martin-ferronnerie.com=/", "shop.martin-ferronnerie.com=/shop"))),
			},
			{
				Config:      config("HOSTING-START", "", www, shop),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Too many aliases.*Start offer serves at most 1 aliases; 2 are configured`),
			},
			{
				// Three FTP users and a database of Pro's size, made behind
				// Terraform's back, do not fit Start.
				PreConfig: func() {
					for _, name := range []string{"atelier", "compta", "stagiaire"} {
						var created acctest.FtpUser
						sb.OutOfBand(t, login, http.MethodPost, "api/Hosting/"+handle+"/User",
							map[string]string{"UserName": name, "Pwd": "S3cret!pw", "Dir": "/"}, &created)
						ftpUsers = append(ftpUsers, created.Id)
					}
					sb.OutOfBand(t, login, http.MethodPost, "api/Hosting/"+handle+"/Db",
						map[string]string{"Name": "catalogue", "User": "catalogue", "Pwd": "S3cret!pw"}, nil)
				},
				Config:   config("HOSTING-START", "", www),
				PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)Downgrade not possible.*cannot\s+move\s+from\s+Pro\s+down\s+to\s+Start.*` +
					`3\s+FTP\s+users\s+\(the\s+Start\s+offer\s+allows\s+2\),\s+database\s+catalogue\s+with\s+size_limit_mb\s+1024\s+\(the\s+Start\s+offer\s+allows\s+100\)` +
					`.*keep\s+offer\s+=\s+"HOSTING-PRO"`),
			},
			{
				// Without the third user, with a smaller database, and
				// without the alias this plan removes, the pack fits Start:
				// it moves down in place to Start's newest PHP, and nothing
				// is billed or refunded.
				PreConfig: func() {
					sb.OutOfBand(t, login, http.MethodDelete, fmt.Sprintf("api/Hosting/%s/User/%d", handle, ftpUsers[2]), nil, nil)
					sb.OutOfBand(t, login, http.MethodPut, "api/Hosting/"+handle+"/Db/catalogue", map[string]int{"MaxSize": 100}, nil)
				},
				Config: config("HOSTING-START", "", www),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(packAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(packAddr, tfjsonpath.New("php_version")),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{
					packStateIs("offer", knownvalue.StringExact("HOSTING-START")),
					packStateIs("php_version", knownvalue.StringExact("8.3")),
					packStateIs("disk_quota_mb", knownvalue.Int64Exact(1024)),
					packAliasesAre(map[string]string{"www.martin-ferronnerie.com": "/"}),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					packHandleIs(&handle),
					packInSandbox(sb, login, domain, packHas(packOffer("HOSTING-START"), packPHP("8.3"), packAliases("www.martin-ferronnerie.com=/"))),
					packOrders(t, sb, "hosting.upgrade", domain, 1),
					func(*terraform.State) error {
						if n := len(sb.Ledger(t)); n != 2 {
							return fmt.Errorf("ledger has %d entries, want the hosting.create and one hosting.upgrade", n)
						}
						return nil
					},
				),
			},
		},
	})
}

func TestAccHostingPack_renewals(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-serrurerie.com"
	config := func(renewals int) string {
		return hostingPackHCL(sb, domain, "HOSTING-START", fmt.Sprintf("period = 2\n  renewals = %d", renewals))
	}
	var created string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config(0),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: resource.ComposeAggregateTestCheckFunc(
					packCapture("created_at", &created),
					packExpiresAfter(2),
					packOrders(t, sb, "hosting.create", domain, 1),
					packBilled(t, sb, "hosting.create", domain, 58),
				),
			},
			{
				// One more renewal: period years more, billed once.
				Config: config(1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(packAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(packAddr, tfjsonpath.New("expires_at")),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{packStateIs("renewals", knownvalue.Int64Exact(1))},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(packAddr, "created_at", &created),
					packExpiresAfter(4),
					packOrders(t, sb, "hosting.renew", domain, 1),
					packBilled(t, sb, "hosting.renew", domain, 58),
					packOrders(t, sb, "hosting.create", domain, 1),
				),
			},
			{
				Config:      config(0),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Renewals cannot decrease.*Set it back to 1`),
			},
			{
				// The refused plan changed nothing.
				Config:           config(1),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: resource.ComposeAggregateTestCheckFunc(
					packExpiresAfter(4),
					packOrders(t, sb, "hosting.renew", domain, 1),
				),
			},
		},
	})
}

func TestAccHostingPack_invalidInput(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-vitrerie.com"
	pack := func(offer, extra string) string { return hostingPackHCL(sb, domain, offer, extra) }
	cases := []struct {
		config string
		want   string
	}{
		{pack("HOSTING-MEGA", ""), `Unknown hosting offer.*"HOSTING-MEGA" is not in the hosting catalog.*Offers:\s+HOSTING-START,\s+HOSTING-PRO,\s+HOSTING-BUSINESS`},
		{pack("HOSTING-PRO", "period = 4"), `Period out of range.*Pro offer is ordered and renewed for 1\s+to\s+3\s+years;\s+period\s+=\s+4`},
		{pack("HOSTING-PRO", "period = 0"), `Attribute\s+period\s+value\s+must\s+be\s+between\s+1\s+and\s+10,\s+got:\s+0`},
		{pack("HOSTING-PRO", `php_version = "7.4"`), `PHP version not offered.*Pro offer runs PHP 8\.1,\s+8\.2,\s+8\.3,\s+8\.4;\s+"7\.4"`},
		{pack("HOSTING-START", `aliases = { "www.martin-vitrerie.com" = "/", "shop.martin-vitrerie.com" = "/shop" }`),
			`Too many aliases.*Start offer serves at most 1 aliases; 2 are configured.*HOSTING-PRO`},
		{pack("HOSTING-PRO", `aliases = { "www.martin-vitrerie.com" = "www" }`), `alias directory "www" must start with /`},
		{pack("HOSTING-PRO", `aliases = { "www.martin-vitrerie.com" = "/site/../../etc" }`), `must\s+stay\s+inside\s+the\s+pack's\s+root:\s+\.\.\s+is\s+not\s+allowed`},
		{pack("HOSTING-PRO", `aliases = { "www.martin-vitrerie.com" = "/a//b" }`), `alias directory "/a//b" must not contain //`},
		{pack("HOSTING-PRO", `aliases = { "www_martin.com" = "/" }`), `"www_martin".*'_';\s+labels\s+hold\s+letters,\s+digits\s+and\s+hyphens`},
		{hostingPackHCL(sb, "martin_vitrerie.com", "HOSTING-PRO", ""), `"martin_vitrerie".*'_';\s+labels\s+hold\s+letters,\s+digits\s+and\s+hyphens`},
		{hostingPackHCL(sb, "Martin-Vitrerie.com", "HOSTING-PRO", ""), `write\s+the\s+domain\s+name\s+as\s+"martin-vitrerie\.com"`},
		{pack("HOSTING-PRO", "renewals = -1"), `Attribute\s+renewals\s+value\s+must\s+be\s+at\s+least\s+0,\s+got:\s+-1`},
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

func TestAccHostingPack_answerLostAfterOrder(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-plomberie.com"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			// The order is taken, then the connection drops before the answer.
			PreConfig: func() {
				sb.SetFaults(t, 1, acctest.FaultRule{Method: http.MethodPost, Path: "/namebay/api/Hosting", Kind: "drop", Count: 1})
			},
			Config:           hostingPackHCL(sb, domain, "HOSTING-START", `statistics = true`),
			ConfigPlanChecks: emptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				packStateIs("handle", knownvalue.StringRegexp(packHandlePattern)),
				packStateIs("status", knownvalue.StringExact("active")),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				packOrders(t, sb, "hosting.create", domain, 1),
				func(*terraform.State) error {
					if got := sb.FaultsFired(t); len(got) != 1 || got[0] != 1 {
						return fmt.Errorf("fault rules fired %v times, want [1]", got)
					}
					if n := sb.Counters(t)["POST /namebay/api/Hosting"]; n != 1 {
						return fmt.Errorf("the order was sent %d times, want once", n)
					}
					return nil
				},
				packInSandbox(sb, hostingLogin(sb), domain, packHas(packStatus("active"), packStats(true))),
			),
		}},
	})
}

func TestAccHostingPack_existingPackNotAdopted(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-carrelage.com"
	login := hostingLogin(sb)
	owner := sb.CreateContact(t, login)
	config := func(offer string) string {
		return sb.ProviderConfig() + fmt.Sprintf(`
resource "reseller_hosting_pack" "site" {
  domain        = %q
  offer         = %q
  admin_contact = %q
  on_destroy    = "delete"
}
`, domain, offer, owner)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, login, domain),
		Steps: []resource.TestStep{
			{
				// Someone ordered a Pro pack for the domain behind Terraform's back.
				PreConfig: func() {
					sb.OutOfBand(t, login, http.MethodPost, "api/Hosting", map[string]any{
						"ProductId": "HOSTING-PRO", "Domain": domain, "Period": 1, "AutoRenew": true,
						"AdminContact": map[string]string{"Handle": owner}, "BillingContact": map[string]string{"Handle": owner},
					}, nil)
				},
				Config:      config("HOSTING-START"),
				ExpectError: regexp.MustCompile(`(?s)already\s+has\s+a\s+hosting\s+pack.*offer\s+HOSTING-PRO.*terraform\s+import\s+<address>\s+` + regexp.QuoteMeta(domain)),
			},
			{
				// Nothing was ordered; the pack is imported as the message says.
				PreConfig: func() {
					if n := sb.CountOrders(t, "hosting.create", domain); n != 1 {
						t.Errorf("ledger has %d hosting.create for %s, want only the one made out of band", n, domain)
					}
				},
				Config:             config("HOSTING-PRO"),
				ResourceName:       packAddr,
				ImportState:        true,
				ImportStateId:      domain,
				ImportStatePersist: true,
			},
			{
				Config:           config("HOSTING-PRO"),
				ConfigPlanChecks: packPlan(plancheck.ResourceActionUpdate),
				Check:            packOrders(t, sb, "hosting.create", domain, 1),
			},
		},
	})
}

func TestAccHostingPack_deletionProtection(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-toiture.com"
	login := hostingLogin(sb)
	config := func(protected bool) string {
		return hostingPackHCL(sb, domain, "HOSTING-START", fmt.Sprintf("deletion_protection = %t", protected))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, login, domain),
		Steps: []resource.TestStep{
			{
				Config:            config(true),
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{packStateIs("deletion_protection", knownvalue.Bool(true))},
			},
			{
				// A new domain replaces the pack, which protection forbids too.
				Config:      hostingPackHCL(sb, "martin-couverture.com", "HOSTING-START", "deletion_protection = true"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Hosting pack is protected from deletion.*replaces the hosting pack of\s+` + regexp.QuoteMeta(domain)),
			},
			{
				Config:      config(true),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)Hosting pack is protected from deletion.*deletion_protection\s+=\s+true.*Set\s+it\s+to\s+false\s+and\s+apply`),
			},
			{
				// The refused destroy left the pack in place.
				Config:           config(true),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            packInSandbox(sb, login, domain, packHas(packStatus("active"), packAutoRenew(true))),
			},
			{
				Config:           config(false),
				ConfigPlanChecks: packPlan(plancheck.ResourceActionUpdate),
			},
		},
	})
}

func TestAccHostingPack_abandonOnDestroy(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-maconnerie.com"
	login := hostingLogin(sb)
	// The abandoned pack keeps naming its contact, so the contact lives
	// outside the configuration: Terraform could not destroy it.
	owner := sb.CreateContact(t, login)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packInSandbox(sb, login, domain, packHas(packStatus("active"), packAutoRenew(false))),
		Steps: []resource.TestStep{
			{
				Config: sb.ProviderConfig() + `
resource "reseller_hosting_pack" "site" {
  domain        = "` + domain + `"
  offer         = "HOSTING-START"
  admin_contact = "` + owner + `"
}
`,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					packStateIs("on_destroy", knownvalue.StringExact("abandon")),
					packStateIs("deletion_protection", knownvalue.Bool(false)),
					packStateIs("billing_contact", knownvalue.StringExact(owner)),
				},
			},
			{
				// With every setting at its default, every attribute reads back.
				ResourceName:      packAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccHostingPack_pendingAtTimeout(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-charpente.com"
	login := hostingLogin(sb)
	config := hostingPackHCL(sb, domain, "HOSTING-START", `
  statistics = true
  timeouts   = { create = "1s" }`)
	var handle string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packGone(sb, login, domain),
		Steps: []resource.TestStep{
			{
				// The set-up outlasts the create timeout: the apply warns and
				// keeps the ordered pack; its settings are still to be made.
				PreConfig:          func() { sb.SetHostingPendingDelay(t, time.Hour) },
				Config:             config,
				ExpectNonEmptyPlan: true,
				ConfigStateChecks: []statecheck.StateCheck{
					packStateIs("handle", knownvalue.StringRegexp(packHandlePattern)),
					packStateIs("status", knownvalue.StringExact("pending")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					packCapture("handle", &handle),
					packOrders(t, sb, "hosting.create", domain, 1),
					packInSandbox(sb, login, domain, packHas(packStatus("pending"), packStats(false))),
				),
			},
			{
				// Set up now: the next apply makes the settings without ordering again.
				PreConfig:        func() { sb.AdvanceClock(t, 2*time.Hour) },
				Config:           config,
				ConfigPlanChecks: packPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					packStateIs("status", knownvalue.StringExact("active")),
					packStateIs("statistics", knownvalue.Bool(true)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					packHandleIs(&handle),
					packOrders(t, sb, "hosting.create", domain, 1),
					packInSandbox(sb, login, domain, packHas(packStatus("active"), packStats(true))),
				),
			},
		},
	})
}

func TestAccHostingPack_updateWhilePending(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-couverture.com"
	login := hostingLogin(sb)
	// The abandoned pack keeps naming its contact, so the contact lives
	// outside the configuration: Terraform could not destroy it.
	owner := sb.CreateContact(t, login)
	config := func(extra string) string {
		return sb.ProviderConfig() + `
resource "reseller_hosting_pack" "site" {
  domain        = "` + domain + `"
  offer         = "HOSTING-PRO"
  admin_contact = "` + owner + `"
  timeouts      = { create = "1s" }
  ` + extra + `
}
`
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		// Abandoned while still pending, once set up.
		CheckDestroy: packInSandbox(sb, login, domain, packHas(packStatus("active"), packAutoRenew(false))),
		Steps: []resource.TestStep{
			{
				// Nothing is left to set after the create timeout: the plan is empty.
				PreConfig:         func() { sb.SetHostingPendingDelay(t, 6*time.Second) },
				Config:            config(""),
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{packStateIs("status", knownvalue.StringExact("pending"))},
			},
			{
				// The update waits for the set-up, then makes the change.
				Config: config(`php_version = "8.2"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(packAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(packAddr, tfjsonpath.New("status")),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{packStateIs("status", knownvalue.StringExact("active"))},
				Check:             packInSandbox(sb, login, domain, packHas(packStatus("active"), packPHP("8.2"))),
			},
		},
	})
}

func TestAccHostingPack_abandonWhilePending(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-zinguerie.com"
	login := hostingLogin(sb)
	owner := sb.CreateContact(t, login)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             packInSandbox(sb, login, domain, packHas(packStatus("active"), packAutoRenew(false))),
		Steps: []resource.TestStep{{
			// Destroyed while still pending: auto-renew goes off once the
			// pack is set up.
			PreConfig: func() { sb.SetHostingPendingDelay(t, 3*time.Second) },
			Config: sb.ProviderConfig() + `
resource "reseller_hosting_pack" "site" {
  domain        = "` + domain + `"
  offer         = "HOSTING-START"
  admin_contact = "` + owner + `"
  timeouts      = { create = "1s" }
}
`,
			ConfigPlanChecks:  emptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{packStateIs("status", knownvalue.StringExact("pending"))},
		}},
	})
}

func TestAccHostingPack_expired(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-vitrail.com"
	config := func(renewals int) string {
		return hostingPackHCL(sb, domain, "HOSTING-START", fmt.Sprintf("auto_renew = false\n  renewals = %d", renewals))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config(0),
				ConfigPlanChecks: emptyPlanAfterApply,
			},
			{
				// Past its expiry without auto-renew: the refresh reports it, it does not fail.
				PreConfig:    func() { sb.AdvanceClock(t, 400*24*time.Hour) },
				RefreshState: true,
				Check:        resource.TestCheckResourceAttr(packAddr, "status", "expired"),
			},
			{
				// A renewal past today brings it back.
				Config: config(1),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(packAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(packAddr, tfjsonpath.New("status")),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
				ConfigStateChecks: []statecheck.StateCheck{packStateIs("status", knownvalue.StringExact("active"))},
				Check: resource.ComposeAggregateTestCheckFunc(
					packExpiresAfter(2),
					packOrders(t, sb, "hosting.renew", domain, 1),
					packOrders(t, sb, "hosting.autorenew", domain, 0),
				),
			},
		},
	})
}

func TestAccHostingPack_databaseDestroyedInSameApply(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-parqueterie.com"
	database := `
resource "reseller_database" "shop" {
  hosting_pack        = reseller_hosting_pack.site.domain
  name                = "shop"
  user                = "shopuser"
  password_wo         = "S3cret!pw"
  password_wo_version = 1
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            hostingPackHCL(sb, domain, "HOSTING-PRO", "") + database,
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{packStateIs("disk_used_mb", knownvalue.Int64Exact(10))},
			},
			{
				// The refresh sees the database's megabyte.
				RefreshState: true,
				Check:        resource.TestCheckResourceAttr(packAddr, "disk_used_mb", "11"),
			},
			{
				// The database goes before the pack changes: the pack's
				// update keeps the figure of the last refresh rather than
				// contradict its plan, and no diff shows for it.
				Config: hostingPackHCL(sb, domain, "HOSTING-PRO", "statistics = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(packAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction("reseller_database.shop", plancheck.ResourceActionDestroy),
						plancheck.ExpectKnownValue(packAddr, tfjsonpath.New("disk_used_mb"), knownvalue.Int64Exact(11)),
					},
					PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
				},
			},
			{
				// The next refresh sees the space freed.
				RefreshState: true,
				Check:        resource.TestCheckResourceAttr(packAddr, "disk_used_mb", "10"),
			},
		},
	})
}
