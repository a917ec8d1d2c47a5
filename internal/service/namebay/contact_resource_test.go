package namebay_test

import (
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

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
	contactAddr   = "reseller_contact.test"
	contactClient = "CL-000001" // the client account the sandbox seeds
)

var contactHandlePattern = regexp.MustCompile(`^CT-\d{6}$`)

// contactDefaults are the attributes of contactHCL, in its order.
var contactDefaults = [][2]string{
	{"first_name", `"Camille"`},
	{"last_name", `"Martin"`},
	{"address", `"12 rue des Lilas"`},
	{"city", `"Lyon"`},
	{"postal_code", `"69003"`},
	{"country", `"FR"`},
	{"email", `"camille.martin@example.net"`},
	{"phone", `"+33.472000000"`},
}

// contactTest is reseller_contact.test as contactHCL declares it, with attrs
// (HCL expressions by attribute name) replacing or adding attributes: HCL
// refuses an attribute set twice, so contactHCL's extra cannot override.
func contactTest(attrs map[string]string) string {
	var b strings.Builder
	b.WriteString("\nresource \"reseller_contact\" \"test\" {\n")
	seen := map[string]bool{}
	for _, kv := range contactDefaults {
		value := kv[1]
		if v, ok := attrs[kv[0]]; ok {
			value = v
		}
		seen[kv[0]] = true
		fmt.Fprintf(&b, "  %s = %s\n", kv[0], value)
	}
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		if !seen[name] {
			fmt.Fprintf(&b, "  %s = %s\n", name, attrs[name])
		}
	}
	b.WriteString("}\n")
	return b.String()
}

// contactLogin is the reseller login the sandbox prints, for out-of-band calls.
func contactLogin(sb *acctest.Sandbox) string { return sb.Env("RESELLER_NAMEBAY_USERNAME") }

func contactStateIs(attr string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(contactAddr, tfjsonpath.New(attr), want)
}

// contactPlan asserts the action the step plans for reseller_contact.test,
// then that the apply converged.
func contactPlan(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{
			plancheck.ExpectNonEmptyPlan(),
			plancheck.ExpectResourceAction(contactAddr, action),
		},
		PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh,
	}
}

// contactStateID reads the handle of reseller_contact.test from the state.
func contactStateID(s *terraform.State) (string, error) {
	rs, ok := s.RootModule().Resources[contactAddr]
	if !ok {
		return "", fmt.Errorf("%s is not in the state", contactAddr)
	}
	return rs.Primary.ID, nil
}

// contactCapture stores the handle of reseller_contact.test for later steps.
func contactCapture(into *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := contactStateID(s)
		*into = id
		return err
	}
}

// contactInSandbox checks reseller_contact.test as the reseller sees it in
// the sandbox.
func contactInSandbox(sb *acctest.Sandbox, check func(*acctest.Contact) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := contactStateID(s)
		if err != nil {
			return err
		}
		c, err := sb.FindContact(contactLogin(sb), id)
		if err != nil {
			return err
		}
		if c == nil {
			return fmt.Errorf("the sandbox has no contact %s", id)
		}
		return check(c)
	}
}

// contactHas checks one field of the sandbox's contact.
func contactHas(field string, got func(*acctest.Contact) string, want string) func(*acctest.Contact) error {
	return func(c *acctest.Contact) error {
		if g := got(c); g != want {
			return fmt.Errorf("sandbox contact %s has %s %q, want %q", c.Handle, field, g, want)
		}
		return nil
	}
}

// contactDestroyed checks that no contact of the state is left in the sandbox.
func contactDestroyed(sb *acctest.Sandbox) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for addr, rs := range s.RootModule().Resources {
			if rs.Type != "reseller_contact" {
				continue
			}
			c, err := sb.FindContact(contactLogin(sb), rs.Primary.ID)
			if err != nil {
				return err
			}
			if c != nil {
				return fmt.Errorf("%s (%s) still exists in the sandbox", addr, rs.Primary.ID)
			}
		}
		return nil
	}
}

func TestAccContact_lifecycle(t *testing.T) {
	sb := acctest.NewSandbox(t)
	initial := sb.ProviderConfig() + contactHCL("test", "")
	moved := map[string]string{
		"address": `"8 quai Saint-Vincent"`,
		"email":   `"c.martin@example.org"`,
		"phone":   `"+33.478000000"`,
	}
	organisation := maps.Clone(moved)
	organisation["phone"] = "null"
	organisation["is_individual"] = "false"
	organisation["organization"] = `"Boulangerie Martin SARL"`
	abroad := maps.Clone(organisation)
	abroad["country"] = `"BE"`
	abroad["city"] = `"Bruxelles"`
	abroad["postal_code"] = `"1000"`
	sameHandle := statecheck.CompareValue(compare.ValuesSame())
	newHandle := statecheck.CompareValue(compare.ValuesDiffer())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             contactDestroyed(sb),
		Steps: []resource.TestStep{
			{
				Config:           initial,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					contactStateIs("id", knownvalue.StringRegexp(contactHandlePattern)),
					contactStateIs("client_account", knownvalue.Null()),
					contactStateIs("first_name", knownvalue.StringExact("Camille")),
					contactStateIs("last_name", knownvalue.StringExact("Martin")),
					contactStateIs("is_individual", knownvalue.Bool(true)),
					contactStateIs("organization", knownvalue.Null()),
					contactStateIs("address", knownvalue.StringExact("12 rue des Lilas")),
					contactStateIs("city", knownvalue.StringExact("Lyon")),
					contactStateIs("postal_code", knownvalue.StringExact("69003")),
					contactStateIs("country", knownvalue.StringExact("FR")),
					contactStateIs("email", knownvalue.StringExact("camille.martin@example.net")),
					contactStateIs("phone", knownvalue.StringExact("+33.472000000")),
					sameHandle.AddStateValue(contactAddr, tfjsonpath.New("id")),
					newHandle.AddStateValue(contactAddr, tfjsonpath.New("id")),
				},
				Check: contactInSandbox(sb, func(c *acctest.Contact) error {
					want := acctest.Contact{
						Handle: c.Handle, FirstName: "Camille", LastName: "Martin", Address: "12 rue des Lilas",
						City: "Lyon", Pc: "69003", Cc: "FR", MailAddress: "camille.martin@example.net",
						Phone: "+33.472000000", IsIndividual: true, Account: "RS-000001",
					}
					if *c != want {
						return fmt.Errorf("sandbox contact is %+v, want %+v", *c, want)
					}
					return nil
				}),
			},
			{
				ResourceName:      contactAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				Config:           sb.ProviderConfig() + contactTest(moved),
				ConfigPlanChecks: contactPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					sameHandle.AddStateValue(contactAddr, tfjsonpath.New("id")),
					contactStateIs("address", knownvalue.StringExact("8 quai Saint-Vincent")),
					contactStateIs("email", knownvalue.StringExact("c.martin@example.org")),
					contactStateIs("phone", knownvalue.StringExact("+33.478000000")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					contactInSandbox(sb, contactHas("Address", func(c *acctest.Contact) string { return c.Address }, "8 quai Saint-Vincent")),
					contactInSandbox(sb, contactHas("MailAddress", func(c *acctest.Contact) string { return c.MailAddress }, "c.martin@example.org")),
					contactInSandbox(sb, contactHas("Phone", func(c *acctest.Contact) string { return c.Phone }, "+33.478000000")),
				),
			},
			{
				// Removing the phone and becoming an organisation are updates too.
				Config:           sb.ProviderConfig() + contactTest(organisation),
				ConfigPlanChecks: contactPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					sameHandle.AddStateValue(contactAddr, tfjsonpath.New("id")),
					contactStateIs("phone", knownvalue.Null()),
					contactStateIs("is_individual", knownvalue.Bool(false)),
					contactStateIs("organization", knownvalue.StringExact("Boulangerie Martin SARL")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					contactInSandbox(sb, contactHas("Phone", func(c *acctest.Contact) string { return c.Phone }, "")),
					contactInSandbox(sb, contactHas("OrgName", func(c *acctest.Contact) string { return c.OrgName }, "Boulangerie Martin SARL")),
					contactInSandbox(sb, func(c *acctest.Contact) error {
						if c.IsIndividual {
							return fmt.Errorf("sandbox contact %s is still an individual", c.Handle)
						}
						return nil
					}),
				),
			},
			{
				ResourceName:      contactAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// The API never changes a contact's country: a new contact replaces it.
				Config:           sb.ProviderConfig() + contactTest(abroad),
				ConfigPlanChecks: contactPlan(plancheck.ResourceActionReplace),
				ConfigStateChecks: []statecheck.StateCheck{
					newHandle.AddStateValue(contactAddr, tfjsonpath.New("id")),
					contactStateIs("country", knownvalue.StringExact("BE")),
					contactStateIs("city", knownvalue.StringExact("Bruxelles")),
				},
				Check: contactInSandbox(sb, contactHas("Cc", func(c *acctest.Contact) string { return c.Cc }, "BE")),
			},
		},
	})
}

func TestAccContact_clientAccount(t *testing.T) {
	sb := acctest.NewSandbox(t)
	config := sb.ProviderConfig() + contactHCL("test", `client_account = "`+contactClient+`"`)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             contactDestroyed(sb),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					contactStateIs("id", knownvalue.StringRegexp(contactHandlePattern)),
					contactStateIs("client_account", knownvalue.StringExact(contactClient)),
				},
				Check: contactInSandbox(sb, contactHas("Account", func(c *acctest.Contact) string { return c.Account }, contactClient)),
			},
			{
				ResourceName:      contactAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					id, err := contactStateID(s)
					return contactClient + "/" + id, err
				},
			},
			{
				ResourceName:  contactAddr,
				ImportState:   true,
				ImportStateId: contactClient + "/",
				ExpectError:   regexp.MustCompile(`import ID "CL-000001/" does not match the expected format\s+<id> or\s+<client_account>/<id>`),
			},
		},
	})
}

// With the provider's client_account, a contact lands in the client account
// and imports by its plain handle.
func TestAccContact_providerClientAccount(t *testing.T) {
	sb := acctest.NewSandbox(t)
	config := sb.ProviderConfigWith(`client_account = "`+contactClient+`"`) + contactHCL("test", "")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             contactDestroyed(sb),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					contactStateIs("client_account", knownvalue.Null()),
				},
				Check: contactInSandbox(sb, contactHas("Account", func(c *acctest.Contact) string { return c.Account }, contactClient)),
			},
			{
				ResourceName:      contactAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccContact_drift(t *testing.T) {
	sb := acctest.NewSandbox(t)
	config := sb.ProviderConfig() + contactHCL("test", "")
	var handle string
	sameHandle := statecheck.CompareValue(compare.ValuesSame())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             contactDestroyed(sb),
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{sameHandle.AddStateValue(contactAddr, tfjsonpath.New("id"))},
				Check:             contactCapture(&handle),
			},
			{
				// Someone edits the contact in the storefront.
				PreConfig: func() {
					sb.EditContact(t, contactLogin(sb), handle, func(c *acctest.Contact) {
						c.MailAddress = "someone.else@example.com"
						c.City = "Villeurbanne"
						c.Phone = ""
					})
				},
				Config:            config,
				ConfigPlanChecks:  contactPlan(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{sameHandle.AddStateValue(contactAddr, tfjsonpath.New("id"))},
				Check: resource.ComposeAggregateTestCheckFunc(
					contactInSandbox(sb, contactHas("MailAddress", func(c *acctest.Contact) string { return c.MailAddress }, "camille.martin@example.net")),
					contactInSandbox(sb, contactHas("City", func(c *acctest.Contact) string { return c.City }, "Lyon")),
					contactInSandbox(sb, contactHas("Phone", func(c *acctest.Contact) string { return c.Phone }, "+33.472000000")),
				),
			},
			{
				// Someone deletes it: the next apply creates it again.
				PreConfig: func() {
					sb.OutOfBand(t, contactLogin(sb), http.MethodDelete, "api/Contact/"+handle, nil, nil)
				},
				Config:           config,
				ConfigPlanChecks: contactPlan(plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					contactStateIs("id", knownvalue.StringRegexp(contactHandlePattern)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					contactInSandbox(sb, contactHas("MailAddress", func(c *acctest.Contact) string { return c.MailAddress }, "camille.martin@example.net")),
					func(s *terraform.State) error {
						if id, _ := contactStateID(s); id == handle {
							return fmt.Errorf("the contact kept the deleted handle %s", handle)
						}
						return nil
					},
				),
			},
		},
	})
}

// A contact a domain still names (say, one abandoned on destroy) cannot be
// deleted: the destroy succeeds, leaving the contact in the account.
func TestAccContact_linkedToDomain(t *testing.T) {
	sb := acctest.NewSandbox(t)
	withContact := sb.ProviderConfig() + contactHCL("test", "")
	without := sb.ProviderConfig()
	const name = "contact-en-usage.fr"
	var handle string

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             contactDestroyed(sb),
		Steps: []resource.TestStep{
			{
				Config:           withContact,
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            contactCapture(&handle),
			},
			{
				PreConfig: func() {
					sb.OutOfBand(t, contactLogin(sb), http.MethodPost, "api/Domain", map[string]any{
						"DomainName": name, "Period": 1, "UseNamebayDns": true,
						"RegistrantContactId": handle, "AdminContactId": handle,
						"TechContactId": handle, "BillingContactId": handle,
					}, nil)
				},
				Config:           without,
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: func(*terraform.State) error {
					c, err := sb.FindContact(contactLogin(sb), handle)
					if err == nil && c == nil {
						err = fmt.Errorf("contact %s was deleted although %s names it", handle, name)
					}
					return err
				},
			},
		},
	})
}

func TestAccContact_invalidInput(t *testing.T) {
	sb := acctest.NewSandbox(t)
	planFails := func(attr, value, message string) resource.TestStep {
		return resource.TestStep{
			Config:   sb.ProviderConfig() + contactTest(map[string]string{attr: value}),
			PlanOnly: true,
			// Terraform wraps long messages: any space may become a line break.
			ExpectError: regexp.MustCompile(strings.ReplaceAll(message, " ", `\s+`)),
		}
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			planFails("country", `"ZZ"`, `(?s)country\s+= "ZZ".*country "ZZ" is not an ISO 3166-1 alpha-2 code`),
			planFails("country", `"fr"`, `(?s)country\s+= "fr".*must be written in upper case: "FR"`),
			planFails("email", `"camille.martin"`, `(?s)email\s+= "camille.martin".*"camille.martin" is not an e-mail address`),
			planFails("email", `"Camille <camille@example.net>"`, `(?s)email\s+= "Camille <camille@example.net>".*write a bare address such as name@example.com`),
			planFails("phone", `"04 72 00 00 00"`, `(?s)phone\s+= "04 72 00 00 00".*phone "04 72 00 00 00" must be in the registry form \+CC\.NUMBER`),
			planFails("city", `" Lyon "`, `(?s)city\s+= " Lyon ".*" Lyon " starts or ends with white space, which the registry removes: write "Lyon"`),
			planFails("first_name", `"  "`, `(?s)first_name\s+= "  ".*the value is blank`),
			planFails("is_individual", `false`, `(?s)Missing organization.*is_individual = false.*set organization`),
			planFails("client_account", `""`, `(?s)client_account\s+= "".*length must be between 1 and 64`),
		},
	})
}

// When the answer to the creation is lost, the provider adopts the contact
// the sandbox created instead of leaving a twin behind.
func TestAccContact_createAnswerLost(t *testing.T) {
	sb := acctest.NewSandbox(t)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             contactDestroyed(sb),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					sb.SetFaults(t, 1, acctest.FaultRule{Method: http.MethodPost, Path: "/namebay/api/Contact", Kind: "drop", Count: 1})
				},
				Config:           sb.ProviderConfig() + contactHCL("test", ""),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: func(s *terraform.State) error {
					if fired := sb.FaultsFired(t); len(fired) != 1 || fired[0] != 1 {
						return fmt.Errorf("the drop fault fired %v times, want [1]", fired)
					}
					var contacts []acctest.Contact
					sb.OutOfBand(t, contactLogin(sb), http.MethodGet, "api/Contact", nil, &contacts)
					id, err := contactStateID(s)
					if err != nil {
						return err
					}
					if len(contacts) != 1 || contacts[0].Handle != id {
						return fmt.Errorf("the sandbox holds %d contacts (%+v), want only %s", len(contacts), contacts, id)
					}
					return nil
				},
			},
		},
	})
}
