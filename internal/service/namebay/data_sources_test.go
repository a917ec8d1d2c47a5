package namebay_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/resellerkit/terraform-provider-reseller/internal/acctest"
)

const (
	dataSourceTlds         = "data.reseller_tlds.test"
	dataSourceAvailability = "data.reseller_domain_availability.test"
)

// dataSourceTld is one seeded TLD as reseller_tlds reports it: one price for
// creation, renewal, transfer and trade.
func dataSourceTld(name string, price float64, maxPeriod int64, dnssec, whoisPrivacy bool) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"name":           knownvalue.StringExact(name),
		"min_period":     knownvalue.Int64Exact(1),
		"max_period":     knownvalue.Int64Exact(maxPeriod),
		"create_price":   knownvalue.Float64Exact(price),
		"renew_price":    knownvalue.Float64Exact(price),
		"transfer_price": knownvalue.Float64Exact(price),
		"trade_price":    knownvalue.Float64Exact(price),
		"currency":       knownvalue.StringExact("EUR"),
		"dnssec":         knownvalue.Bool(dnssec),
		"whois_privacy":  knownvalue.Bool(whoisPrivacy),
	})
}

// dataSourceSeededTlds is the sandbox's catalogue, sorted by name.
var dataSourceSeededTlds = knownvalue.ListExact([]knownvalue.Check{
	dataSourceTld("com", 10.99, 10, true, true),
	dataSourceTld("de", 6.99, 1, true, false),
	dataSourceTld("eu", 7.99, 10, true, true),
	dataSourceTld("fr", 8.99, 10, true, false),
	dataSourceTld("io", 39.99, 5, true, true),
	dataSourceTld("mc", 59.00, 2, false, false),
	dataSourceTld("net", 12.99, 10, true, true),
	dataSourceTld("org", 11.99, 10, true, true),
})

func TestAccDataSource_tlds(t *testing.T) {
	sb := acctest.NewSandbox(t)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           sb.ProviderConfig() + `data "reseller_tlds" "test" {}`,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dataSourceTlds, tfjsonpath.New("tlds"), dataSourceSeededTlds),
				},
			},
			{
				// A client account sees the same catalogue.
				Config:           sb.ProviderConfig() + `data "reseller_tlds" "test" { client_account = "CL-000001" }`,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dataSourceTlds, tfjsonpath.New("client_account"), knownvalue.StringExact("CL-000001")),
					statecheck.ExpectKnownValue(dataSourceTlds, tfjsonpath.New("tlds"), dataSourceSeededTlds),
				},
			},
			{
				// An account that is not the reseller's own fails the read.
				Config:      sb.ProviderConfig() + `data "reseller_tlds" "test" { client_account = "CL-999999" }`,
				ExpectError: regexp.MustCompile(`Could not read the TLD list`),
			},
		},
	})
}

// dataSourceRegister registers name in the reseller's account behind the
// provider's back.
func dataSourceRegister(t *testing.T, sb *acctest.Sandbox, name string) {
	t.Helper()
	login := sb.Env("RESELLER_NAMEBAY_USERNAME")
	contact := sb.CreateContact(t, login)
	sb.OutOfBand(t, login, http.MethodPost, "api/Domain", map[string]any{
		"DomainName": name, "Period": 1, "UseNamebayDns": true,
		"RegistrantContactId": contact, "AdminContactId": contact,
		"TechContactId": contact, "BillingContactId": contact,
	}, nil)
}

// dataSourceAvailable is the result for a name the sandbox offers.
func dataSourceAvailable(name string, price float64, maxPeriod int64, available bool, reason string) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"name":       knownvalue.StringExact(name),
		"available":  knownvalue.Bool(available),
		"reason":     knownvalue.StringExact(reason),
		"price":      knownvalue.Float64Exact(price),
		"currency":   knownvalue.StringExact("EUR"),
		"min_period": knownvalue.Int64Exact(1),
		"max_period": knownvalue.Int64Exact(maxPeriod),
	})
}

// dataSourceRequests checks how many requests each route got since the
// counters were last reset.
func dataSourceRequests(t *testing.T, sb *acctest.Sandbox, want map[string]int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := sb.Counters(t)
		for route, n := range want {
			if got[route] != n {
				return fmt.Errorf("%d requests to %s, want %d (all counters: %v)", got[route], route, n, got)
			}
		}
		return nil
	}
}

func TestAccDataSource_domainAvailability(t *testing.T) {
	sb := acctest.NewSandbox(t)
	config := sb.ProviderConfig() + `
data "reseller_domain_availability" "test" {
  names           = ["dejapris.fr", "libre-et-dispo.com", "nic.net", "example.xyz", "a.b.com"]
  suggestion_tlds = ["com", ".fr"]
}`
	suggestion := func(i int, want knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(dataSourceAvailability, tfjsonpath.New("suggestions").AtSliceIndex(i), want)
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					dataSourceRegister(t, sb, "dejapris.fr")
					sb.ResetCounters(t)
				},
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dataSourceAvailability, tfjsonpath.New("results"), knownvalue.ListExact([]knownvalue.Check{
						dataSourceAvailable("dejapris.fr", 8.99, 10, false, "registered"),
						dataSourceAvailable("libre-et-dispo.com", 10.99, 10, true, ""),
						dataSourceAvailable("nic.net", 12.99, 10, false, "reserved: The name is reserved by the registry."),
						// The sandbox does not sell .xyz: no price, no periods.
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"name":       knownvalue.StringExact("example.xyz"),
							"available":  knownvalue.Bool(false),
							"reason":     knownvalue.StringExact("forbidden: The extension .xyz is not offered."),
							"price":      knownvalue.Null(),
							"currency":   knownvalue.Null(),
							"min_period": knownvalue.Null(),
							"max_period": knownvalue.Null(),
						}),
						// Only second-level names are registered.
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"name":      knownvalue.StringExact("a.b.com"),
							"available": knownvalue.Bool(false),
							"reason":    knownvalue.StringRegexp(regexp.MustCompile(`^Only second-level names`)),
							"price":     knownvalue.Null(),
						}),
					})),
					// Four variants of the first name's label in each TLD asked.
					statecheck.ExpectKnownValue(dataSourceAvailability, tfjsonpath.New("suggestions"), knownvalue.ListSizeExact(8)),
					suggestion(0, dataSourceAvailable("dejapris.com", 10.99, 10, true, "")),
					suggestion(1, knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("getdejapris.com")})),
					suggestion(3, knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("dejapris-online.com")})),
					suggestion(4, dataSourceAvailable("dejapris.fr", 8.99, 10, false, "registered")),
					suggestion(7, dataSourceAvailable("dejapris-online.fr", 8.99, 10, true, "")),
				},
				// Five names cost one availability request, never one per name.
				Check: dataSourceRequests(t, sb, map[string]int{
					"GET /namebay/api/Domain/Availability":          1,
					"GET /namebay/api/Domain/{domain}/Availability": 0,
					"GET /namebay/api/Domain/Suggest":               1,
				}),
			},
			{
				// Without suggestion_tlds there are no suggestions and no
				// suggestion request.
				PreConfig: func() { sb.ResetCounters(t) },
				Config: sb.ProviderConfig() + `
data "reseller_domain_availability" "test" {
  names = ["libre-et-dispo.com"]
}`,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dataSourceAvailability, tfjsonpath.New("results"), knownvalue.ListExact([]knownvalue.Check{
						dataSourceAvailable("libre-et-dispo.com", 10.99, 10, true, ""),
					})),
					statecheck.ExpectKnownValue(dataSourceAvailability, tfjsonpath.New("suggestions"), knownvalue.Null()),
				},
				Check: dataSourceRequests(t, sb, map[string]int{
					"GET /namebay/api/Domain/Availability": 1,
					"GET /namebay/api/Domain/Suggest":      0,
				}),
			},
		},
	})
}

func TestAccDataSource_domainAvailabilityInvalid(t *testing.T) {
	sb := acctest.NewSandbox(t)
	planFails := func(attrs, message string) resource.TestStep {
		return resource.TestStep{
			Config:   sb.ProviderConfig() + "\ndata \"reseller_domain_availability\" \"test\" {\n" + attrs + "\n}\n",
			PlanOnly: true,
			// Terraform wraps long messages: any space may become a line break.
			ExpectError: regexp.MustCompile(strings.ReplaceAll(message, " ", `\s+`)),
		}
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			planFails(`names = ["example.com", "boutique en ligne.fr"]`, `(?s)names = \["example.com", "boutique en ligne.fr"\].*"boutique en ligne.fr" has a label "boutique en ligne" with the character ' '`),
			planFails(`names = ["Example.COM"]`, `(?s)names = \["Example.COM"\].*write the domain name as "example.com"`),
			planFails(`names = ["localhost"]`, `(?s)names = \["localhost"\].*"localhost" has a single label`),
			planFails(`names = []`, `(?s)names.*at least 1`),
			planFails(`
  names           = ["example.com"]
  suggestion_tlds = ["c o m"]`, `(?s)suggestion_tlds = \["c o m"\].*must be a TLD in lower case without the dot`),
		},
	})
}
