package namebay_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/resellerkit/terraform-provider-reseller/internal/acctest"
)

// The routes a refresh of records may use, as the sandbox counts them.
const (
	recordListRoute = "GET /namebay/api/Zone/{zone}/Record"
	recordReadRoute = "GET /namebay/api/Zone/{zone}/Record/{id}"
	recordZoneRoute = "GET /namebay/api/Zone"
)

// recordListPageSize is the page size the client lists records with: the
// largest the API serves.
const recordListPageSize = 500

// recordCounters is a plan check on the sandbox's request counters. Plan
// checks run between the plans of a step, so each sees exactly the requests
// of the plans before it.
type recordCounters func() error

func (c recordCounters) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = c()
}

// recordRequests checks how many requests the sandbox counted per route
// since the counters were last reset, then resets them.
func recordRequests(t *testing.T, sb *acctest.Sandbox, want map[string]int) recordCounters {
	return func() error {
		got := sb.Counters(t)
		sb.ResetCounters(t)
		for route, n := range want {
			if got[route] != n {
				return fmt.Errorf("%s was called %d times, want %d (all requests: %v)", route, got[route], n, got)
			}
		}
		return nil
	}
}

func TestAccDNSRecord_refreshCostsOneListing(t *testing.T) {
	rt := newRecordTest(t)
	const count = 1000
	records := `
variable "ids" {
  type = map(string)
}

resource "reseller_dns_record" "r" {
  for_each = var.ids
  zone     = reseller_domain.zone.name
  name     = each.key
  type     = "A"
  value    = "192.0.2.1"
}
`
	imports := `
import {
  for_each = var.ids
  to       = reseller_dns_record.r[each.key]
  id       = "` + recordZone + `/${each.value}"
}
`
	// The record IDs exist once the first step has created the records; the
	// later steps read them through this map, filled in by then.
	vars := config.Variables{}
	var added []int64
	addRecords := func(*terraform.State) error {
		want := make([]acctest.Record, count)
		for i := range want {
			want[i] = recordWire(fmt.Sprintf("host%04d", i), "A", "192.0.2.1", -1)
		}
		ids := make(map[string]config.Variable, count)
		for _, r := range rt.sb.AddRecords(t, rt.login, rt.zone, want) {
			ids[r.Host] = config.StringVariable(strconv.FormatInt(r.Id, 10))
			added = append(added, r.Id)
		}
		vars["ids"] = config.MapVariable(ids)
		return nil
	}
	pages := (count + recordListPageSize - 1) / recordListPageSize

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				// The zone, then its records made behind Terraform's back,
				// which is much faster than creating them one by one.
				Config:           rt.config(""),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            resource.ComposeAggregateTestCheckFunc(rt.captureZone(), addRecords),
			},
			{
				ConfigVariables:  vars,
				Config:           rt.config("", records, imports),
				ConfigPlanChecks: emptyPlanAfterApply,
			},
			{
				PreConfig:       func() { rt.sb.ResetCounters(t) },
				ConfigVariables: vars,
				Config:          rt.config("", records),
				PlanOnly:        true,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					// A plan without refresh reads nothing.
					PostApplyPreRefresh: []plancheck.PlanCheck{
						recordRequests(t, rt.sb, map[string]int{recordListRoute: 0, recordReadRoute: 0}),
					},
					// A plan with refresh lists the zone once, each page
					// once, and reads no record by itself.
					PostApplyPostRefresh: []plancheck.PlanCheck{
						recordRequests(t, rt.sb, map[string]int{recordListRoute: pages, recordReadRoute: 0, recordZoneRoute: 0}),
					},
				},
			},
			{
				// Records deleted behind Terraform's back leave the state in
				// the refresh, all at once: a destroy, or a removed block,
				// would rewrite the state once per record.
				PreConfig:        func() { rt.sb.DeleteRecords(t, rt.login, rt.zone, added) },
				Config:           rt.config(""),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            rt.zoneHolds(),
			},
		},
	})
}

func TestAccDNSRecord_applyListsZoneOncePerOperation(t *testing.T) {
	rt := newRecordTest(t)
	const count = 50
	records := fmt.Sprintf(`
resource "reseller_dns_record" "r" {
  count = %d
  zone  = reseller_domain.zone.name
  name  = format("host%%02d", count.index)
  type  = "A"
  value = "192.0.2.1"
}
`, count)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           rt.config(""),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check:            rt.captureZone(),
			},
			{
				// The plan and the apply each check the new records against
				// one listing of the zone, not one listing per record created.
				PreConfig:        func() { rt.sb.ResetCounters(t) },
				Config:           rt.config("", records),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: func(*terraform.State) error {
					return recordRequests(t, rt.sb, map[string]int{
						recordListRoute: 2, recordReadRoute: 0, "POST /namebay/api/Zone/{zone}/Record": count,
					})()
				},
			},
		},
	})
}
