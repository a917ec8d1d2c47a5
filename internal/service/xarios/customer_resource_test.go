package xarios_test

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/resellerkit/terraform-provider-reseller/internal/acctest"
)

const custAddr = "reseller_customer.acme"

var emptyPlanAfterApply = resource.ConfigPlanChecks{
	PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
}

func custPlan(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(custAddr, action)},
		PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
	}
}

func custStateIs(attr string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(custAddr, tfjsonpath.New(attr), want)
}

// customerHCL is the provider and one customer with the given body.
func customerHCL(sb *acctest.Sandbox, body string) string {
	return sb.ProviderConfig() + fmt.Sprintf(`
resource "reseller_customer" "acme" {
%s
}
`, body)
}

func basic(sb *acctest.Sandbox, ref, product, extra string) string {
	return customerHCL(sb, fmt.Sprintf(`
  name         = "Acme Bakery"
  reference    = %q
  country_code = "FR"
  product_type = %q
  %s`, ref, product, extra))
}

const admin = `
  primary_user = {
    display_name = "Camille Martin"
    email        = "camille@acme-bakery.example"
    roles        = ["customer.website", "customer.admin"]
  }`

// billed checks the ledger holds exactly the amounts listed for operation
// on object, in order.
func billed(t *testing.T, sb *acctest.Sandbox, operation, object string, amounts ...float64) resource.TestCheckFunc {
	return sb.CheckBilled(t, "xarios", operation, object, amounts...)
}

func TestAccCustomer_basic(t *testing.T) {
	sb := acctest.NewSandbox(t)
	var id string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if status, c := sb.XariosOutOfBand(t, http.MethodGet, "customers/"+id, nil); status != 200 || c["status"] != "terminated" {
				return fmt.Errorf("after destroy the customer is %d %v, want terminated", status, c)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config:           basic(sb, "ACME-001", "essentials", `trial_days = 14`+admin),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					custStateIs("id", knownvalue.StringRegexp(regexp.MustCompile(`^cus_[0-9a-f]{20}$`))),
					custStateIs("status", knownvalue.StringExact("active")),
					custStateIs("timezone", knownvalue.StringExact("Europe/London")),
					custStateIs("trial_ends", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-`))),
					custStateIs("primary_user", knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"invitation_state": knownvalue.StringExact("sent"),
						"id":               knownvalue.StringRegexp(regexp.MustCompile(`^usr_`)),
					})),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrWith(custAddr, "id", func(v string) error { id = v; return nil }),
					billed(t, sb, "xarios.customer.create", "ACME-001", 25),
				),
			},
			{ResourceName: custAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"primary_user", "deletion_protection"}},
			{ResourceName: custAddr, ImportState: true, ImportStateId: "ACME-001", ImportStateVerify: true, ImportStateVerifyIgnore: []string{"primary_user", "deletion_protection"}},
			{
				// Up to a changeable dearer product type, in place; the user's roles change too.
				Config: basic(sb, "ACME-001", "professional", `trial_days = 14
  notes = "Moved to Professional for the call centre"
  primary_user = {
    display_name = "Camille Martin"
    email        = "camille@acme-bakery.example"
    roles        = ["customer.website", "customer.admin", "customer.supervisor.all"]
  }`),
				ConfigPlanChecks: custPlan(plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrPtr(custAddr, "id", &id),
					billed(t, sb, "xarios.customer.producttype", "ACME-001", 35),
				),
			},
			{
				Config:      basic(sb, "ACME-001", "contact-centre", admin),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Product type cannot change.*cannot be changed once set`),
			},
		},
	})
}

func TestAccCustomer_driftAndPBX(t *testing.T) {
	sb := acctest.NewSandbox(t)
	config := basic(sb, "ACME-002", "essentials", admin+`
  pbx_connection = {
    type        = "kazoo"
    name        = "Acme Kazoo"
    template_id = "tpl_kazoo_master"
    enabled     = true
  }`)
	var id, pbxID string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					custStateIs("pbx_connection", knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"type": knownvalue.StringExact("kazoo"), "enabled": knownvalue.Bool(true), "id": knownvalue.StringRegexp(regexp.MustCompile(`^pbx_`)),
					})),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrWith(custAddr, "id", func(v string) error { id = v; return nil }),
					resource.TestCheckResourceAttrWith(custAddr, "pbx_connection.id", func(v string) error { pbxID = v; return nil }),
				),
			},
			{
				// Disabled and renamed on the portal: the plan shows both.
				PreConfig: func() {
					if status, _ := sb.XariosOutOfBand(t, http.MethodPatch, "customers/"+id, map[string]any{"enabled": false, "name": "Acme (old)"}); status != 200 {
						t.Fatalf("out-of-band patch: %d", status)
					}
				},
				Config:             config,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config:            config,
				ConfigPlanChecks:  custPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{custStateIs("name", knownvalue.StringExact("Acme Bakery")), custStateIs("status", knownvalue.StringExact("active"))},
			},
			{
				// The PBX connection deleted out of band: the plan brings it back.
				PreConfig: func() {
					if status, _ := sb.XariosOutOfBand(t, http.MethodDelete, "customers/"+id+"/pbxs/"+pbxID, nil); status != http.StatusNoContent {
						t.Fatalf("out-of-band delete: %d", status)
					}
				},
				Config:           config,
				ConfigPlanChecks: custPlan(plancheck.ResourceActionUpdate),
				Check: resource.TestCheckResourceAttrWith(custAddr, "pbx_connection.id", func(v string) error {
					if v == pbxID || v == "" {
						return fmt.Errorf("pbx_connection.id is %q, want a new connection", v)
					}
					return nil
				}),
			},
		},
	})
}

func TestAccCustomer_invalidInput(t *testing.T) {
	sb := acctest.NewSandbox(t)
	step := func(body, want string) resource.TestStep {
		return resource.TestStep{Config: customerHCL(sb, body), PlanOnly: true, ExpectError: regexp.MustCompile(want)}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			step(`name = "A"
  reference = "R"
  country_code = "FR"
  product_type = "gold"`, `(?s)Unknown product type.*essentials`),
			step(`name = "A"
  reference = "R"
  country_code = "fr"
  product_type = "essentials"`, `ISO 3166-1 alpha-2`),
			step(`name = "A"
  reference = "R"
  country_code = "FR"
  product_type = "contact-centre"
  trial_days = 7`, `No trial for this product type`),
			step(`name = "A"
  reference = "R"
  country_code = "FR"
  product_type = "essentials"
  primary_user = {
    display_name = "X"
    email = "not-an-email"
    roles = ["customer.website"]
  }`, `not an e-mail address`),
			step(`name = "A"
  reference = "R"
  country_code = "FR"
  product_type = "essentials"
  primary_user = {
    display_name = "X"
    email = "x@example.com"
    roles = ["customer.admin"]
  }`, `(?s)Role needs another.*customer.website`),
		},
	})
	if n := len(sb.Ledger(t)); n != 0 {
		t.Errorf("%d billable operations after plans only", n)
	}
}

func TestAccCustomer_createAnswerLost(t *testing.T) {
	sb := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				sb.SetFaults(t, 1, acctest.FaultRule{Method: http.MethodPost, Path: "/xarios/api/v1.0/customers", Kind: "drop", Count: 1})
			},
			Config:           basic(sb, "ACME-003", "essentials", admin),
			ConfigPlanChecks: emptyPlanAfterApply,
			Check: resource.ComposeAggregateTestCheckFunc(
				billed(t, sb, "xarios.customer.create", "ACME-003", 25),
				func(*terraform.State) error {
					if got := sb.FaultsFired(t); len(got) != 1 || got[0] != 1 {
						return fmt.Errorf("fault rules fired %v times, want [1]", got)
					}
					return nil
				},
			),
		}},
	})
}

func TestAccCustomer_existingReferenceNotAdopted(t *testing.T) {
	sb := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: func() {
				if status, _ := sb.XariosOutOfBand(t, http.MethodPost, "customers", map[string]any{"name": "Someone", "reference": "ACME-004", "productType": "essentials"}); status != 201 {
					t.Fatalf("out-of-band create: %d", status)
				}
			},
			Config:      basic(sb, "ACME-004", "essentials", ""),
			ExpectError: regexp.MustCompile(`(?s)already has a customer with the reference "ACME-004".*terraform import`),
		}},
	})
}

func TestAccCustomer_internalSystemNotBilled(t *testing.T) {
	sb := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:           basic(sb, "DEMO-1", "professional", `internal_system = true`),
			ConfigPlanChecks: emptyPlanAfterApply,
			Check:            billed(t, sb, "xarios.customer.create", "DEMO-1", 0),
		}},
	})
}

func TestAccCustomer_catalogs(t *testing.T) {
	sb := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config: sb.ProviderConfig() + `
data "reseller_product_types" "all" {}
data "reseller_pbx_templates" "all" {}
data "reseller_user_roles" "all" {}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.reseller_product_types.all", tfjsonpath.New("product_types").AtSliceIndex(2), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id": knownvalue.StringExact("contact-centre"), "name": knownvalue.StringExact("Contact Centre"), "changeable": knownvalue.Bool(false),
					"trial_allowed": knownvalue.Bool(false), "monthly_price": knownvalue.StringExact("150.00"), "currency": knownvalue.StringExact("EUR"),
				})),
				statecheck.ExpectKnownValue("data.reseller_pbx_templates.all", tfjsonpath.New("templates").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"type": knownvalue.StringExact("kazoo"), "default": knownvalue.Bool(true),
				})),
				statecheck.ExpectKnownValue("data.reseller_user_roles.all", tfjsonpath.New("roles"), knownvalue.ListSizeExact(10)),
			},
		}},
	})
}
