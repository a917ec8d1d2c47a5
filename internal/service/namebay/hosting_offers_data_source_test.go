package namebay_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/resellerkit/terraform-provider-reseller/internal/acctest"
)

const packOffersAddr = "data.reseller_hosting_offers.all"

// packStrings is an exact list of strings.
func packStrings(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.ListExact(checks)
}

// packSeededOffers is the sandbox's hosting catalog, smallest offer first.
var packSeededOffers = knownvalue.ListExact([]knownvalue.Check{
	knownvalue.ObjectExact(map[string]knownvalue.Check{
		"product_id":           knownvalue.StringExact("HOSTING-START"),
		"name":                 knownvalue.StringExact("Start"),
		"rank":                 knownvalue.Int64Exact(1),
		"disk_quota_mb":        knownvalue.Int64Exact(1024),
		"max_ftp_users":        knownvalue.Int64Exact(2),
		"max_databases":        knownvalue.Int64Exact(1),
		"max_aliases":          knownvalue.Int64Exact(1),
		"database_max_size_mb": knownvalue.Int64Exact(100),
		"database_types":       packStrings("mysql5"),
		"php_versions":         packStrings("7.4", "8.1", "8.2", "8.3"),
		"min_period":           knownvalue.Int64Exact(1),
		"max_period":           knownvalue.Int64Exact(3),
		"price":                knownvalue.Float64Exact(29),
		"currency":             knownvalue.StringExact("EUR"),
	}),
	knownvalue.ObjectExact(map[string]knownvalue.Check{
		"product_id":           knownvalue.StringExact("HOSTING-PRO"),
		"name":                 knownvalue.StringExact("Pro"),
		"rank":                 knownvalue.Int64Exact(2),
		"disk_quota_mb":        knownvalue.Int64Exact(10240),
		"max_ftp_users":        knownvalue.Int64Exact(10),
		"max_databases":        knownvalue.Int64Exact(10),
		"max_aliases":          knownvalue.Int64Exact(10),
		"database_max_size_mb": knownvalue.Int64Exact(1024),
		"database_types":       packStrings("mysql5"),
		"php_versions":         packStrings("8.1", "8.2", "8.3", "8.4"),
		"min_period":           knownvalue.Int64Exact(1),
		"max_period":           knownvalue.Int64Exact(3),
		"price":                knownvalue.Float64Exact(79),
		"currency":             knownvalue.StringExact("EUR"),
	}),
	knownvalue.ObjectExact(map[string]knownvalue.Check{
		"product_id":           knownvalue.StringExact("HOSTING-BUSINESS"),
		"name":                 knownvalue.StringExact("Business"),
		"rank":                 knownvalue.Int64Exact(3),
		"disk_quota_mb":        knownvalue.Int64Exact(51200),
		"max_ftp_users":        knownvalue.Int64Exact(50),
		"max_databases":        knownvalue.Int64Exact(50),
		"max_aliases":          knownvalue.Int64Exact(50),
		"database_max_size_mb": knownvalue.Int64Exact(4096),
		"database_types":       packStrings("mysql5"),
		"php_versions":         packStrings("8.1", "8.2", "8.3", "8.4"),
		"min_period":           knownvalue.Int64Exact(1),
		"max_period":           knownvalue.Int64Exact(3),
		"price":                knownvalue.Float64Exact(149),
		"currency":             knownvalue.StringExact("EUR"),
	}),
})

func TestAccHostingOffers_catalog(t *testing.T) {
	sb := acctest.NewSandbox(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           sb.ProviderConfig() + `data "reseller_hosting_offers" "all" {}`,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(packOffersAddr, tfjsonpath.New("client_account"), knownvalue.Null()),
					statecheck.ExpectKnownValue(packOffersAddr, tfjsonpath.New("offers"), packSeededOffers),
				},
			},
			{
				// A client account is offered the same catalog.
				Config:           sb.ProviderConfig() + `data "reseller_hosting_offers" "all" { client_account = "CL-000001" }`,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(packOffersAddr, tfjsonpath.New("client_account"), knownvalue.StringExact("CL-000001")),
					statecheck.ExpectKnownValue(packOffersAddr, tfjsonpath.New("offers"), packSeededOffers),
				},
			},
			{
				// An account that is not one of the reseller's fails the read.
				Config:      sb.ProviderConfig() + `data "reseller_hosting_offers" "all" { client_account = "CL-999999" }`,
				ExpectError: regexp.MustCompile(`Could not read the hosting catalog`),
			},
		},
	})
}
