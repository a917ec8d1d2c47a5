package zohomail_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
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

const orgAddr = "reseller_zoho_mail_org.mail"

var emptyPlanAfterApply = resource.ConfigPlanChecks{
	PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
}

func orgPlan(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(orgAddr, action)},
		PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
	}
}

func orgStateIs(attr string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(orgAddr, tfjsonpath.New(attr), want)
}

const billing = `
  billing_address = {
    company_name = "Boulangerie Martin"
    street       = "12 rue des Lilas"
    city         = "Lyon"
    state        = "Rhone"
    country      = "France"
    zip_code     = "69003"
    phone        = "+33 4 72 00 00 00"
  }`

// orgHCL is the provider and one org of domain with the given plan lines.
func orgHCL(sb *acctest.Sandbox, domain, planLines string) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "reseller_zoho_mail_org" "mail" {
  domain = %q
  super_admin = {
    first_name = "Camille"
    last_name  = "Martin"
    email      = "camille@%s"
  }
  %s
}
`, domain, domain, planLines)
}

// withDNS adds the domain with hosted DNS and the verification and MX
// records the org asks for.
func withDNS(domain string) string {
	return fmt.Sprintf(`
resource "reseller_contact" "owner" {
  first_name  = "Camille"
  last_name   = "Martin"
  address     = "12 rue des Lilas"
  city        = "Lyon"
  postal_code = "69003"
  country     = "FR"
  email       = "camille.martin@example.net"
  phone       = "+33.472000000"
}

resource "reseller_domain" "site" {
  name               = %q
  registrant_contact = reseller_contact.owner.id
  admin_contact      = reseller_contact.owner.id
  hosted_dns         = true
}

resource "reseller_dns_record" "zoho_verification" {
  zone  = reseller_domain.site.name
  name  = reseller_zoho_mail_org.mail.verification_record.name
  type  = reseller_zoho_mail_org.mail.verification_record.type
  value = reseller_zoho_mail_org.mail.verification_record.value
}

resource "reseller_dns_record" "zoho_mx" {
  count    = 3
  zone     = reseller_domain.site.name
  name     = "@"
  type     = "MX"
  priority = reseller_zoho_mail_org.mail.mx_records[count.index].priority
  value    = trimsuffix(reseller_zoho_mail_org.mail.mx_records[count.index].value, ".")
}
`, domain)
}

// ledgerAmounts lists the amounts of the ledger entries of operation for object.
func ledgerAmounts(t *testing.T, sb *acctest.Sandbox, operation, object string) []float64 {
	var out []float64
	for _, e := range sb.Ledger(t) {
		if e.Family == "zoho" && e.Operation == operation && e.Object == object {
			out = append(out, e.Amount)
		}
	}
	return out
}

// billed checks the ledger holds exactly the amounts listed for operation
// on object, in order.
func billed(t *testing.T, sb *acctest.Sandbox, operation, object string, amounts ...float64) resource.TestCheckFunc {
	return sb.CheckBilled(t, "zoho", operation, object, amounts...)
}

// storePut changes the store subscription of email behind Terraform's back.
func storePut(t *testing.T, sb *acctest.Sandbox, email string, plan, addon int64, licences int, period string) {
	t.Helper()
	js := acctest.JSON(t, map[string]any{"serviceid": 1501, "email": email, "subscription": map[string]any{
		"plan": plan, "addons": []map[string]any{{"id": addon, "count": licences}}, "payperiod": period,
	}})
	status, body := sb.ZohoOutOfBand(t, http.MethodPut, "store/restapi/partner/v1/json/subscription",
		[]byte(url.Values{"JSONString": {string(js)}}.Encode()), "application/x-www-form-urlencoded")
	if status != http.StatusOK || !regexp.MustCompile(`"result"\s*:\s*"success"`).Match(body) {
		t.Fatalf("out-of-band store PUT: %d %s", status, body)
	}
}

func TestAccZohoMailOrg_freeWithVerification(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "boulangerie-martin.fr"
	config := orgHCL(sb, domain, `plan = "free"`) + withDNS(domain)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					orgStateIs("zoid", knownvalue.StringRegexp(regexp.MustCompile(`^\d+$`))),
					orgStateIs("org_name", knownvalue.StringExact(domain)),
					orgStateIs("plan", knownvalue.StringExact("free")),
					orgStateIs("base_plan", knownvalue.StringExact("Mail Free")),
					orgStateIs("verification_code", knownvalue.StringRegexp(regexp.MustCompile(`^zb\d{8}$`))),
					orgStateIs("verification_record", knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"type": knownvalue.StringExact("CNAME"), "value": knownvalue.StringExact("business.zoho.com."),
					})),
					orgStateIs("mx_records", knownvalue.ListSizeExact(3)),
					orgStateIs("spf_value", knownvalue.StringExact("v=spf1 include:zoho.com ~all")),
				},
				Check: billed(t, sb, "zoho.org.create", domain, 0),
			},
			{
				// The record was published after the org: the refresh verifies
				// the domain, and there is nothing to change.
				Config:            config,
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{orgStateIs("verification_status", knownvalue.StringExact("verified"))},
			},
			{
				ResourceName:            orgAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"super_admin", "deletion_protection", "verification_method", "billing_address"},
			},
			{
				ResourceName:            orgAddr,
				ImportState:             true,
				ImportStateId:           domain,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"super_admin", "deletion_protection", "verification_method", "billing_address"},
			},
			{
				Config:      orgHCL(sb, "other-"+domain, `plan = "free"`) + withDNS(domain),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Cannot change after creation.*domain`),
			},
		},
	})
}

func TestAccZohoMailOrg_paidPlanAndDrift(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-traiteur.fr"
	email := "camille@" + domain
	paid := func(licences int, period string) string {
		return orgHCL(sb, domain, fmt.Sprintf(`plan = "standard"
  licenses = %d
  pay_period = %q
%s`, licences, period, billing))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           paid(5, "monthly"),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					orgStateIs("base_plan", knownvalue.StringExact("Workplace Standard")),
					orgStateIs("licenses", knownvalue.Int64Exact(5)),
					orgStateIs("store_profile_id", knownvalue.StringRegexp(regexp.MustCompile(`.+`))),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					billed(t, sb, "zoho.org.create", domain, 0),
					billed(t, sb, "zoho.subscription.create", domain, 15),
				),
			},
			{
				// More licences: the subscription changes in place.
				Config:            paid(8, "monthly"),
				ConfigPlanChecks:  orgPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{orgStateIs("licenses", knownvalue.Int64Exact(8))},
				Check:             billed(t, sb, "zoho.subscription.change", domain, 9),
			},
			{
				// Licences lowered on the partner portal: the plan shows it.
				PreConfig:          func() { storePut(t, sb, email, 10730, 10779, 3, "MONT") },
				Config:             paid(8, "monthly"),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            paid(8, "monthly"),
				ConfigPlanChecks:  orgPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{orgStateIs("licenses", knownvalue.Int64Exact(8))},
			},
			{
				// Moved to another plan out of band: the plan shows it too.
				PreConfig:          func() { storePut(t, sb, email, 10731, 10780, 8, "MONT") },
				Config:             paid(8, "monthly"),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            paid(8, "monthly"),
				ConfigPlanChecks:  orgPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{orgStateIs("plan", knownvalue.StringExact("standard"))},
			},
		},
	})
	// Destroy cancelled the paid plan: the org is free again.
	if got := ledgerAmounts(t, sb, "zoho.org.create", domain); len(got) != 1 {
		t.Errorf("orgs created: %v, want exactly one", got)
	}
}

func TestAccZohoMailOrg_invalidInput(t *testing.T) {
	sb := acctest.NewSandbox(t)
	step := func(domain, lines, want string) resource.TestStep {
		return resource.TestStep{Config: orgHCL(sb, domain, lines), PlanOnly: true, ExpectError: regexp.MustCompile(want)}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			step("Bad_Domain.fr", `plan = "free"`, `label "bad_domain"`),
			{
				Config: sb.ProviderConfig() + `
resource "reseller_zoho_mail_org" "mail" {
  domain = "martin.fr"
  super_admin = {
    first_name = "Camille"
    last_name  = "Martin"
    email      = "camille at martin.fr"
  }
  plan = "free"
}
`,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`not an e-mail address`),
			},
			step("martin.fr", `plan = "gold"`, `value must be one of`),
			step("martin.fr", `plan = "free"
  licenses = 3`, `Licences not used`),
			step("martin.fr", `plan = "standard"`+billing, `Licences required`),
			step("martin.fr", `plan = "mail_premium"
  licenses = 3
  pay_period = "monthly"`+billing, `(?s)Pay period not offered.*yearly only`),
			step("martin.fr", `plan = "standard"
  licenses = 3`, `Billing address required`),
			step("martin.fr", `plan = "free"
  initial_password_wo = "short"`, `8-100 printable`),
		},
	})
}

func TestAccZohoMailOrg_licencesBelowMailboxes(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-fromagerie.fr"
	paid := func(licences int) string {
		return orgHCL(sb, domain, fmt.Sprintf(`plan = "standard"
  licenses = %d
%s`, licences, billing))
	}
	var zoid string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: paid(4),
				Check:  resource.TestCheckResourceAttrWith(orgAddr, "zoid", func(v string) error { zoid = v; return nil }),
			},
			{
				// Three more mailboxes made in the org's console: four in use.
				RefreshState: true,
				PreConfig: func() {
					for i := 1; i <= 3; i++ {
						status, body := sb.ZohoOutOfBand(t, http.MethodPost, "mail/api/organization/"+zoid+"/accounts",
							acctest.JSON(t, map[string]string{"primaryEmailAddress": fmt.Sprintf("staff%d@%s", i, domain), "displayName": "Staff", "password": "Staff-pass-1"}),
							"application/json")
						if status != http.StatusCreated {
							t.Fatalf("add mailbox: %d %s", status, body)
						}
					}
				},
			},
			{
				Config:      paid(2),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Fewer licences than mailboxes.*4 mailboxes`),
			},
		},
	})
}

func TestAccZohoMailOrg_trial(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-patisserie.fr"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           orgHCL(sb, domain, `plan = "professional_trial"`),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					orgStateIs("base_plan", knownvalue.StringExact("Workplace Professional Trial")),
					orgStateIs("trial_expires_at", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-`))),
				},
			},
			{
				Config:      orgHCL(sb, domain, `plan = "free"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Plan change not possible.*cannot be ended early`),
			},
			{
				// The trial ends: the org is back on free, which the plan shows.
				PreConfig:          func() { sb.AdvanceClock(t, 16*24*time.Hour) },
				Config:             orgHCL(sb, domain, `plan = "professional_trial"`),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config:           orgHCL(sb, domain, `plan = "free"`),
				ConfigPlanChecks: emptyPlanAfterApply,
			},
		},
	})
}

func TestAccZohoMailOrg_answersLost(t *testing.T) {
	sb := acctest.NewSandbox(t)
	const domain = "martin-chocolatier.fr"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			// Both the org and the subscription are made, then their answers are lost.
			PreConfig: func() {
				sb.SetFaults(t, 1,
					acctest.FaultRule{Method: http.MethodPost, Path: "/zoho/mail/api/organization", Kind: "drop", Count: 1},
					acctest.FaultRule{Method: http.MethodPost, Path: "/zoho/store/restapi/partner/v1/json/subscription", Kind: "drop", Count: 1})
			},
			Config: orgHCL(sb, domain, `plan = "standard"
  licenses = 2
  pay_period = "yearly"
`+billing),
			ConfigPlanChecks: emptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				orgStateIs("licenses", knownvalue.Int64Exact(2)),
			},
			Check: resource.ComposeAggregateTestCheckFunc(
				billed(t, sb, "zoho.org.create", domain, 0),
				billed(t, sb, "zoho.subscription.create", domain, 60),
				func(*terraform.State) error {
					if got := sb.FaultsFired(t); len(got) != 2 || got[0] != 1 || got[1] != 1 {
						return fmt.Errorf("fault rules fired %v times, want [1 1]", got)
					}
					return nil
				},
			),
		}},
	})
}

func TestAccZohoMailOrg_takenEmailAndForeignOrg(t *testing.T) {
	sb := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: sb.ProviderConfig() + `
resource "reseller_zoho_mail_org" "mail" {
  domain = "martin-vins.fr"
  super_admin = {
    first_name = "Camille"
    last_name  = "Martin"
    email      = "taken@example.com"
  }
  plan = "free"
}
`,
				ExpectError: regexp.MustCompile(`(?s)already associated with a Zoho account.*tagyourpartner`),
			},
			{
				// An org the partner made by hand for the domain is not adopted.
				PreConfig: func() {
					status, body := sb.ZohoOutOfBand(t, http.MethodPost, "mail/api/organization", acctest.JSON(t, map[string]string{
						"domainName": "martin-cidre.fr", "emailId": "someone@martin-cidre.fr", "firstName": "Someone", "lastName": "Else",
					}), "application/json")
					if status != http.StatusOK {
						t.Fatalf("out-of-band create: %d %s", status, body)
					}
				},
				Config:      orgHCL(sb, "martin-cidre.fr", `plan = "free"`),
				ExpectError: regexp.MustCompile(`(?s)already has a Zoho Mail org.*terraform import`),
			},
		},
	})
}

func TestAccZohoMailOrg_tokensAreReused(t *testing.T) {
	sb := acctest.NewSandbox(t)
	var config string
	for i := range 4 {
		config += fmt.Sprintf(`
resource "reseller_zoho_mail_org" "org%d" {
  domain = "martin-%d.fr"
  super_admin = {
    first_name = "Camille"
    last_name  = "Martin"
    email      = "camille@martin-%d.fr"
  }
  plan = "free"
}
`, i, i, i)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + config,
			Check: func(*terraform.State) error {
				requests := 0
				for route, n := range sb.Counters(t) {
					if regexp.MustCompile(`^\w+ /zoho/(mail|mailadmin|store)/`).MatchString(route) {
						requests += n
					}
				}
				minted := 0
				for _, tok := range sb.ZohoTokens(t) {
					minted += tok.Minted
				}
				// One token per provider process (plan, apply, refresh...),
				// never one per request.
				if minted == 0 || minted*4 > requests {
					return fmt.Errorf("%d access tokens minted for %d API requests", minted, requests)
				}
				return nil
			},
		}},
	})
}

func TestAccZohoMailOrg_misScopedToken(t *testing.T) {
	sb := acctest.NewSandbox(t)
	readOnly := sb.ZohoRefreshToken(t, "ZohoMail.partner.organization.READ")
	config := orgHCL(sb, "martin-miel.fr", `plan = "free"`)
	config = regexp.MustCompile(`refresh_token\s*=\s*"[^"]*"`).ReplaceAllString(config, fmt.Sprintf("refresh_token = %q", readOnly))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      config,
			ExpectError: regexp.MustCompile(`ZohoMail\.partner\.organization\.CREATE`),
		}},
	})
}
