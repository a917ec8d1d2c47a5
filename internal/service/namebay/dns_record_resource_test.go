package namebay_test

import (
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/resellerkit/terraform-provider-reseller/internal/acctest"
)

const (
	recordZone   = "boulangerie-martin.fr"
	recordClient = "CL-000001" // the client account the sandbox seeds
)

var (
	recordIDPattern         = regexp.MustCompile(`^[1-9][0-9]*$`)
	recordZoneHandlePattern = regexp.MustCompile(`^ZN-\d{6}$`)
)

// recordTest is one test's sandbox and the hosted zone its records live in.
type recordTest struct {
	t     *testing.T
	sb    *acctest.Sandbox
	login string // the account that owns the zone, for out-of-band calls
	zone  string // handle of the zone, captured by the first apply
}

func newRecordTest(t *testing.T) *recordTest {
	sb := acctest.NewSandbox(t)
	return &recordTest{t: t, sb: sb, login: sb.Env("RESELLER_NAMEBAY_USERNAME")}
}

// config is the sandbox's provider block, a contact, the hosted zone
// reseller_domain.zone (with domainExtra) and records.
func (rt *recordTest) config(domainExtra string, records ...string) string {
	return rt.sb.ProviderConfig() + contactHCL("owner", "") + recordDomainHCL("zone", recordZone, "reseller_contact.owner.id", domainExtra) +
		strings.Join(records, "")
}

// recordDomainHCL is a domain whose zone Namebay hosts, deleted on destroy so
// its contact can be destroyed too.
func recordDomainHCL(label, name, contact, extra string) string {
	return fmt.Sprintf(`
resource "reseller_domain" %q {
  name               = %q
  registrant_contact = %s
  admin_contact      = %s
  hosted_dns         = true
  on_destroy         = "delete"
  %s
}
`, label, name, contact, contact, extra)
}

// recordHCL is reseller_dns_record.<label> in reseller_domain.zone; attrs are
// HCL attribute lines.
func recordHCL(label string, attrs ...string) string {
	return fmt.Sprintf("\nresource \"reseller_dns_record\" %q {\n  zone = reseller_domain.zone.name\n  %s\n}\n",
		label, strings.Join(attrs, "\n  "))
}

// recordAttrs are the usual attribute lines of a record; priority < 0 leaves
// it out.
func recordAttrs(name, typ, value string, priority int) []string {
	attrs := []string{"name = " + strconv.Quote(name), "type = " + strconv.Quote(typ), "value = " + strconv.Quote(value)}
	if priority >= 0 {
		attrs = append(attrs, "priority = "+strconv.Itoa(priority))
	}
	return attrs
}

func recordAddr(label string) string { return "reseller_dns_record." + label }

// captureZone keeps the handle of reseller_domain.zone's zone.
func (rt *recordTest) captureZone() resource.TestCheckFunc {
	return resource.TestCheckResourceAttrWith("reseller_domain.zone", "zone_handle", func(v string) error {
		rt.zone = v
		return nil
	})
}

// recordCapture keeps the id of a record.
func recordCapture(label string, into *string) resource.TestCheckFunc {
	return resource.TestCheckResourceAttrWith(recordAddr(label), "id", func(v string) error {
		*into = v
		return nil
	})
}

// recordIDIs checks that a record still has, or no longer has, the id kept earlier.
func recordIDIs(label string, kept *string, same bool) resource.TestCheckFunc {
	return resource.TestCheckResourceAttrWith(recordAddr(label), "id", func(v string) error {
		if (v == *kept) != same {
			return fmt.Errorf("%s id is %s, earlier %s; want the same record: %t", recordAddr(label), v, *kept, same)
		}
		return nil
	})
}

// recordWire is a record as the API stores it; weight < 0 means none.
func recordWire(host, typ, data string, weight int64) acctest.Record {
	r := acctest.Record{Host: host, Type: typ, Data: data}
	if weight >= 0 {
		r.Weight = &weight
	}
	return r
}

// recordKey is a stored record without its Id, to compare zones by.
func recordKey(r acctest.Record) string {
	show := func(p *int64) string {
		if p == nil {
			return "-"
		}
		return strconv.FormatInt(*p, 10)
	}
	return fmt.Sprintf("%s %s %q w=%s naptr=%s/%q/%q/%q", r.Host, r.Type, r.Data, show(r.Weight),
		show(r.NaptrPreference), r.NaptrFlag, r.NaptrService, r.NaptrRegExp)
}

// zoneHolds checks that the zone holds exactly the records want, as the
// sandbox stores them, each once.
func (rt *recordTest) zoneHolds(want ...acctest.Record) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, err := rt.sb.Records(rt.login, rt.zone)
		if err != nil {
			return err
		}
		keys := func(rs []acctest.Record) []string {
			out := make([]string, len(rs))
			for i, r := range rs {
				out[i] = recordKey(r)
			}
			slices.Sort(out)
			return out
		}
		if g, w := keys(got), keys(want); !slices.Equal(g, w) {
			return fmt.Errorf("zone %s holds\n  %s\nwant\n  %s", rt.zone, strings.Join(g, "\n  "), strings.Join(w, "\n  "))
		}
		return nil
	}
}

// zoneGone checks, after the destroy, that the zone and its records are
// gone from the sandbox.
func (rt *recordTest) zoneGone(*terraform.State) error {
	status, err := rt.sb.TryOutOfBand(rt.login, http.MethodGet, "api/Zone/"+rt.zone+"/Record", nil, nil)
	if err == nil && status != http.StatusNotFound {
		err = fmt.Errorf("listing the records of zone %s after the destroy answers HTTP %d, want 404", rt.zone, status)
	}
	return err
}

// zoneRecord returns the stored record of an id, for out-of-band edits.
func (rt *recordTest) zoneRecord(id string) acctest.Record {
	rt.t.Helper()
	var r acctest.Record
	rt.sb.OutOfBand(rt.t, rt.login, http.MethodGet, "api/Zone/"+rt.zone+"/Record/"+id, nil, &r)
	return r
}

// changeOutOfBand replaces a record behind Terraform's back.
func (rt *recordTest) changeOutOfBand(id *string, edit func(*acctest.Record)) func() {
	return func() {
		r := rt.zoneRecord(*id)
		edit(&r)
		rt.sb.OutOfBand(rt.t, rt.login, http.MethodPut, "api/Zone/"+rt.zone+"/Record/"+*id, r, nil)
	}
}

// recordPlan asserts the action planned for each record, then that the
// apply converged.
func recordPlan(actions map[string]plancheck.ResourceActionType) resource.ConfigPlanChecks {
	var checks []plancheck.PlanCheck
	for _, label := range slices.Sorted(maps.Keys(actions)) {
		checks = append(checks, plancheck.ExpectResourceAction(recordAddr(label), actions[label]))
	}
	return resource.ConfigPlanChecks{PreApply: checks, PostApplyPostRefresh: emptyPlanAfterApply.PostApplyPostRefresh}
}

func recordStateIs(label, attr string, want knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(recordAddr(label), tfjsonpath.New(attr), want)
}

// recordStateChecks check the attributes of a record as written.
func recordStateChecks(label, name, typ, value string, priority int) []statecheck.StateCheck {
	var p knownvalue.Check = knownvalue.Null()
	if priority >= 0 {
		p = knownvalue.Int64Exact(int64(priority))
	}
	return []statecheck.StateCheck{
		recordStateIs(label, "id", knownvalue.StringRegexp(recordIDPattern)),
		recordStateIs(label, "zone_handle", knownvalue.StringRegexp(recordZoneHandlePattern)),
		recordStateIs(label, "zone", knownvalue.StringExact(recordZone)),
		recordStateIs(label, "client_account", knownvalue.Null()),
		recordStateIs(label, "name", knownvalue.StringExact(name)),
		recordStateIs(label, "type", knownvalue.StringExact(typ)),
		recordStateIs(label, "value", knownvalue.StringExact(value)),
		recordStateIs(label, "priority", p),
	}
}

// recordImportID is the import ID <prefix><zone>/<id> of a record in state.
func recordImportID(label, prefix string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[recordAddr(label)]
		if !ok {
			return "", fmt.Errorf("%s is not in the state", recordAddr(label))
		}
		return prefix + rs.Primary.Attributes["zone"] + "/" + rs.Primary.ID, nil
	}
}

func recordImportStep(label, prefix string) resource.TestStep {
	return resource.TestStep{
		ResourceName:      recordAddr(label),
		ImportState:       true,
		ImportStateIdFunc: recordImportID(label, prefix),
		ImportStateVerify: true,
	}
}

// recordError matches a diagnostic whose phrases appear in order, wherever
// Terraform wraps its lines.
func recordError(phrases ...string) *regexp.Regexp {
	quoted := make([]string, len(phrases))
	for i, p := range phrases {
		words := strings.Fields(p)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		quoted[i] = strings.Join(words, `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, ".*"))
}

// recordErrorsInAnyOrder matches output that holds both diagnostics, in
// either order.
func recordErrorsInAnyOrder(a, b *regexp.Regexp) *regexp.Regexp {
	x, y := strings.TrimPrefix(a.String(), "(?s)"), strings.TrimPrefix(b.String(), "(?s)")
	return regexp.MustCompile(`(?s)(` + x + `.*` + y + `|` + y + `.*` + x + `)`)
}

// recordTXTData is TXT strings in the API's stored form.
func recordTXTData(parts ...string) string {
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(p) + `"`
	}
	return strings.Join(quoted, " ")
}

// recordLongTXT is 300-odd bytes of text with quotes and a backslash, so it
// is stored as two strings.
var recordLongTXT = `v=DKIM1; k=rsa; n="selector \ 2026"; p=` + strings.Repeat("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A", 10)

// recordUTF8TXT has its 255th byte inside "é", which moves the cut before it.
var recordUTF8TXT = strings.Repeat("a", 254) + "été"

func TestAccDNSRecord_types(t *testing.T) {
	rt := newRecordTest(t)
	type rec struct {
		label, name, typ, value string
		priority                int
		wire                    acctest.Record
	}
	naptrWire := recordWire("@", "NAPTR", "_sip._udp."+recordZone, 10)
	naptrWire.NaptrPreference, naptrWire.NaptrFlag, naptrWire.NaptrService = new(int64(100)), "S", "SIP+D2U"
	records := []rec{
		{"a", "www", "A", "192.0.2.10", -1, recordWire("www", "A", "192.0.2.10", -1)},
		{"aaaa", "www", "AAAA", "2001:db8::10", -1, recordWire("www", "AAAA", "2001:db8::10", -1)},
		{"cname", "shop", "CNAME", "shops.example.net", -1, recordWire("shop", "CNAME", "shops.example.net", -1)},
		{"mx", "@", "MX", "mx1.mail.example.net", 10, recordWire("@", "MX", "mx1.mail.example.net", 10)},
		{"txt", "_domainkey", "TXT", recordLongTXT, -1, recordWire("_domainkey", "TXT", recordTXTData(recordLongTXT[:255], recordLongTXT[255:]), -1)},
		{"txt_utf8", "utf8", "TXT", recordUTF8TXT, -1, recordWire("utf8", "TXT", recordTXTData(recordUTF8TXT[:254], recordUTF8TXT[254:]), -1)},
		{"ns", "dev", "NS", "ns1.example.net", -1, recordWire("dev", "NS", "ns1.example.net", -1)},
		{"srv", "_sip._tcp", "SRV", "5 5060 sip.example.net", 20, recordWire("_sip._tcp", "SRV", "5 5060 sip.example.net", 20)},
		{"caa", "@", "CAA", `0 issue "letsencrypt.org"`, -1, recordWire("@", "CAA", `0 issue "letsencrypt.org"`, -1)},
		{"naptr", "@", "NAPTR", `100 "S" "SIP+D2U" "" _sip._udp.` + recordZone, 10, naptrWire},
	}
	var hcl []string
	var stateChecks []statecheck.StateCheck
	var wire []acctest.Record
	var imports []resource.TestStep
	for _, r := range records {
		hcl = append(hcl, recordHCL(r.label, recordAttrs(r.name, r.typ, r.value, r.priority)...))
		stateChecks = append(stateChecks, recordStateChecks(r.label, r.name, r.typ, r.value, r.priority)...)
		wire = append(wire, r.wire)
		imports = append(imports, recordImportStep(r.label, ""))
	}
	steps := []resource.TestStep{{
		Config:            rt.config("", hcl...),
		ConfigPlanChecks:  emptyPlanAfterApply,
		ConfigStateChecks: stateChecks,
		Check:             resource.ComposeAggregateTestCheckFunc(rt.captureZone(), rt.zoneHolds(wire...)),
	}}
	steps = append(steps, imports...)
	// Removing the records from the configuration deletes them from the zone.
	steps = append(steps, resource.TestStep{
		Config:           rt.config(""),
		ConfigPlanChecks: emptyPlanAfterApply,
		Check:            rt.zoneHolds(),
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             rt.zoneGone,
		Steps:                    steps,
	})
}

// recordSpelling is one record written two equivalent ways, and as the API
// stores it.
type recordSpelling struct {
	label              string
	typ                string
	written, canonical [2]string // name and value
	priority           int
	stored             acctest.Record
}

func TestAccDNSRecord_equivalentSpellings(t *testing.T) {
	rt := newRecordTest(t)
	naptr := recordWire("sip", "NAPTR", "_sip._udp."+recordZone, 10)
	naptr.NaptrPreference, naptr.NaptrFlag, naptr.NaptrService = new(int64(100)), "S", "SIP+D2U"
	spellings := []recordSpelling{
		{label: "upper", typ: "A", written: [2]string{"WWW", "192.0.2.10"}, canonical: [2]string{"www", "192.0.2.10"}, priority: -1,
			stored: recordWire("www", "A", "192.0.2.10", -1)},
		{label: "absolute", typ: "A", written: [2]string{"mail." + recordZone + ".", "192.0.2.25"}, canonical: [2]string{"mail", "192.0.2.25"}, priority: -1,
			stored: recordWire("mail", "A", "192.0.2.25", -1)},
		{label: "wildcard", typ: "A", written: [2]string{"*.Dev", "192.0.2.26"}, canonical: [2]string{"*.dev", "192.0.2.26"}, priority: -1,
			stored: recordWire("*.dev", "A", "192.0.2.26", -1)},
		{label: "apex_by_name", typ: "MX", written: [2]string{recordZone, "MX1.Mail.Example.NET."}, canonical: [2]string{"@", "mx1.mail.example.net"}, priority: 10,
			stored: recordWire("@", "MX", "mx1.mail.example.net", 10)},
		{label: "apex_empty", typ: "TXT", written: [2]string{"", "v=spf1 -all"}, canonical: [2]string{"@", `"v=spf1 -all"`}, priority: -1,
			stored: recordWire("@", "TXT", `"v=spf1 -all"`, -1)},
		{label: "target", typ: "CNAME", written: [2]string{"shop", "Shops.Example.NET"}, canonical: [2]string{"shop", "shops.example.net."}, priority: -1,
			stored: recordWire("shop", "CNAME", "shops.example.net", -1)},
		{label: "ipv6", typ: "AAAA", written: [2]string{"WWW", "2001:DB8:0::10"}, canonical: [2]string{"www", "2001:db8::10"}, priority: -1,
			stored: recordWire("www", "AAAA", "2001:db8::10", -1)},
		{label: "quoted", typ: "TXT", written: [2]string{"_dmarc", `"v=DMARC1; p=none"`}, canonical: [2]string{"_dmarc", "v=DMARC1; p=none"}, priority: -1,
			stored: recordWire("_dmarc", "TXT", `"v=DMARC1; p=none"`, -1)},
		{label: "unicode", typ: "A", written: [2]string{"café", "192.0.2.30"}, canonical: [2]string{"xn--caf-dma", "192.0.2.30"}, priority: -1,
			stored: recordWire("xn--caf-dma", "A", "192.0.2.30", -1)},
		{label: "srv", typ: "SRV", written: [2]string{"_SIP._TCP", "05 5060 SIP.Example.NET."}, canonical: [2]string{"_sip._tcp", "5 5060 sip.example.net"}, priority: 20,
			stored: recordWire("_sip._tcp", "SRV", "5 5060 sip.example.net", 20)},
		{label: "caa", typ: "CAA", written: [2]string{"@", "0 ISSUE letsencrypt.org"}, canonical: [2]string{"@", `0 issue "letsencrypt.org"`}, priority: -1,
			stored: recordWire("@", "CAA", `0 issue "letsencrypt.org"`, -1)},
		{label: "naptr", typ: "NAPTR", written: [2]string{"sip", "100 s SIP+D2U \"\" _SIP._UDP." + strings.ToUpper(recordZone) + "."},
			canonical: [2]string{"sip", `100 "S" "SIP+D2U" "" _sip._udp.` + recordZone}, priority: 10, stored: naptr},
	}
	// The zone itself may be spelled differently, in Unicode too.
	idn := recordDomainHCL("idn", "xn--caf-dma.fr", "reseller_contact.owner.id", "")
	writtenZones := `
resource "reseller_dns_record" "zone_upper" {
  zone  = "${upper(reseller_domain.zone.name)}."
  name  = "ftp"
  type  = "A"
  value = "192.0.2.40"
}

resource "reseller_dns_record" "idn_zone" {
  zone       = "café.fr"
  name       = "www"
  type       = "A"
  value      = "192.0.2.50"
  depends_on = [reseller_domain.idn]
}
`
	canonicalZones := `
resource "reseller_dns_record" "zone_upper" {
  zone  = reseller_domain.zone.name
  name  = "ftp"
  type  = "A"
  value = "192.0.2.40"
}

resource "reseller_dns_record" "idn_zone" {
  zone  = reseller_domain.idn.name
  name  = "www"
  type  = "A"
  value = "192.0.2.50"
}
`
	written, canonical := []string{idn, writtenZones}, []string{idn, canonicalZones}
	stored := []acctest.Record{recordWire("ftp", "A", "192.0.2.40", -1)}
	stateChecks := []statecheck.StateCheck{
		recordStateIs("zone_upper", "zone", knownvalue.StringExact("BOULANGERIE-MARTIN.FR.")),
		recordStateIs("idn_zone", "zone", knownvalue.StringExact("café.fr")),
	}
	ids := map[string]*string{}
	var captureIDs, sameIDs []resource.TestCheckFunc
	updates := map[string]plancheck.ResourceActionType{}
	for _, sp := range spellings {
		written = append(written, recordHCL(sp.label, recordAttrs(sp.written[0], sp.typ, sp.written[1], sp.priority)...))
		canonical = append(canonical, recordHCL(sp.label, recordAttrs(sp.canonical[0], sp.typ, sp.canonical[1], sp.priority)...))
		stored = append(stored, sp.stored)
		// The state keeps each spelling as written.
		stateChecks = append(stateChecks,
			recordStateIs(sp.label, "name", knownvalue.StringExact(sp.written[0])),
			recordStateIs(sp.label, "value", knownvalue.StringExact(sp.written[1])))
	}
	for _, sp := range append(spellings, recordSpelling{label: "zone_upper"}, recordSpelling{label: "idn_zone"}) {
		ids[sp.label] = new(string)
		captureIDs = append(captureIDs, recordCapture(sp.label, ids[sp.label]))
		sameIDs = append(sameIDs, recordIDIs(sp.label, ids[sp.label], true))
		updates[sp.label] = plancheck.ResourceActionUpdate
	}
	var idnZone string
	idnZoneHolds := func(*terraform.State) error {
		got, err := rt.sb.Records(rt.login, idnZone)
		if err == nil && (len(got) != 1 || recordKey(got[0]) != recordKey(recordWire("www", "A", "192.0.2.50", -1))) {
			err = fmt.Errorf("zone xn--caf-dma.fr holds %v, want the one A record www", got)
		}
		return err
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            rt.config("", written...),
				ConfigPlanChecks:  emptyPlanAfterApply,
				ConfigStateChecks: stateChecks,
				Check: resource.ComposeAggregateTestCheckFunc(append(captureIDs,
					rt.captureZone(),
					rt.zoneHolds(stored...),
					resource.TestCheckResourceAttrWith("reseller_domain.idn", "zone_handle", func(v string) error {
						idnZone = v
						return nil
					}),
					idnZoneHolds,
				)...),
			},
			{
				// Writing the same records another way updates the state
				// only: no record is replaced, nor even sent to the API.
				PreConfig:        func() { rt.sb.ResetCounters(t) },
				Config:           rt.config("", canonical...),
				ConfigPlanChecks: recordPlan(updates),
				Check: resource.ComposeAggregateTestCheckFunc(append(sameIDs,
					rt.zoneHolds(stored...),
					idnZoneHolds,
					recordNoWrites(t, rt.sb),
				)...),
			},
		},
	})
}

// recordNoWrites checks that no record was created, changed or deleted since
// the counters were reset.
func recordNoWrites(t *testing.T, sb *acctest.Sandbox) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for route, n := range sb.Counters(t) {
			if strings.Contains(route, "/Record") && !strings.HasPrefix(route, "GET ") && n > 0 {
				return fmt.Errorf("%s was called %d times, want no record writes", route, n)
			}
		}
		return nil
	}
}

func TestAccDNSRecord_clientAccount(t *testing.T) {
	rt := newRecordTest(t)
	rt.login = "client"
	inClient := `client_account = "` + recordClient + `"`
	config := rt.sb.ProviderConfig() + contactHCL("owner", inClient) +
		recordDomainHCL("zone", recordZone, "reseller_contact.owner.id", inClient) +
		recordHCL("www", append(recordAttrs("www", "A", "192.0.2.10", -1), inClient)...)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					recordStateIs("www", "client_account", knownvalue.StringExact(recordClient)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(rt.captureZone(), rt.zoneHolds(recordWire("www", "A", "192.0.2.10", -1))),
			},
			recordImportStep("www", recordClient+"/"),
			{
				ResourceName:  recordAddr("www"),
				ImportState:   true,
				ImportStateId: recordZone + "/www",
				ExpectError:   recordError(`record ID "www" in import ID "` + recordZone + `/www" is not a number`),
			},
			{
				ResourceName:  recordAddr("www"),
				ImportState:   true,
				ImportStateId: "1",
				ExpectError:   recordError(`import ID "1" does not match the expected format <zone>/<id> or <client_account>/<zone>/<id>`),
			},
			{
				ResourceName:  recordAddr("www"),
				ImportState:   true,
				ImportStateId: "localhost/1",
				ExpectError:   recordError(`import ID "localhost/1": zone "localhost" has a single label`),
			},
			{
				// Without the client account the zone is not the reseller's.
				ResourceName:      recordAddr("www"),
				ImportState:       true,
				ImportStateIdFunc: recordImportID("www", ""),
				ExpectError:       recordError("Cannot import non-existent remote object"),
			},
		},
	})
}

func TestAccDNSRecord_update(t *testing.T) {
	rt := newRecordTest(t)
	var a, mx, txt string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             rt.zoneGone,
		Steps: []resource.TestStep{
			{
				Config: rt.config("",
					recordHCL("a", recordAttrs("www", "A", "192.0.2.1", -1)...),
					recordHCL("mx", recordAttrs("@", "MX", "mx1.example.net", 10)...),
					recordHCL("txt", recordAttrs("_acme", "TXT", "token-1", -1)...),
				),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: resource.ComposeAggregateTestCheckFunc(
					rt.captureZone(), recordCapture("a", &a), recordCapture("mx", &mx), recordCapture("txt", &txt),
				),
			},
			{
				// Value, priority, name and the zone's TTL change in place.
				Config: rt.config("zone_ttl = 600",
					recordHCL("a", recordAttrs("www", "A", "192.0.2.2", -1)...),
					recordHCL("mx", recordAttrs("@", "MX", "mx2.example.net", 20)...),
					recordHCL("txt", recordAttrs("_acme-challenge", "TXT", "token-1", -1)...),
				),
				ConfigPlanChecks: recordPlan(map[string]plancheck.ResourceActionType{
					"a": plancheck.ResourceActionUpdate, "mx": plancheck.ResourceActionUpdate, "txt": plancheck.ResourceActionUpdate,
				}),
				ConfigStateChecks: []statecheck.StateCheck{
					recordStateIs("a", "value", knownvalue.StringExact("192.0.2.2")),
					recordStateIs("mx", "priority", knownvalue.Int64Exact(20)),
					recordStateIs("txt", "name", knownvalue.StringExact("_acme-challenge")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					recordIDIs("a", &a, true), recordIDIs("mx", &mx, true), recordIDIs("txt", &txt, true),
					resource.TestCheckResourceAttr("reseller_domain.zone", "zone_ttl", "600"),
					rt.zoneHolds(
						recordWire("www", "A", "192.0.2.2", -1),
						recordWire("@", "MX", "mx2.example.net", 20),
						recordWire("_acme-challenge", "TXT", `"token-1"`, -1),
					),
				),
			},
			{
				// A new type is a new record; the CNAME may take the name
				// the record it replaces frees.
				Config: rt.config("zone_ttl = 600",
					recordHCL("a", recordAttrs("www", "CNAME", "shops.example.net", -1)...),
					recordHCL("mx", recordAttrs("@", "MX", "mx2.example.net", 20)...),
					recordHCL("txt", recordAttrs("_acme-challenge", "TXT", "token-1", -1)...),
				),
				ConfigPlanChecks: recordPlan(map[string]plancheck.ResourceActionType{
					"a": plancheck.ResourceActionDestroyBeforeCreate, "mx": plancheck.ResourceActionNoop, "txt": plancheck.ResourceActionNoop,
				}),
				Check: resource.ComposeAggregateTestCheckFunc(
					recordIDIs("a", &a, false), recordIDIs("mx", &mx, true),
					rt.zoneHolds(
						recordWire("www", "CNAME", "shops.example.net", -1),
						recordWire("@", "MX", "mx2.example.net", 20),
						recordWire("_acme-challenge", "TXT", `"token-1"`, -1),
					),
				),
			},
		},
	})
}

func TestAccDNSRecord_drift(t *testing.T) {
	rt := newRecordTest(t)
	var a, mx, txt string
	config := rt.config("",
		recordHCL("a", recordAttrs("WWW", "A", "192.0.2.1", -1)...),
		recordHCL("mx", recordAttrs("@", "MX", "MX1.Example.NET.", 10)...),
		recordHCL("txt", recordAttrs("@", "TXT", "v=spf1 mx -all", -1)...),
	)
	want := []acctest.Record{
		recordWire("www", "A", "192.0.2.1", -1),
		recordWire("@", "MX", "mx1.example.net", 10),
		recordWire("@", "TXT", `"v=spf1 mx -all"`, -1),
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             rt.zoneGone,
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: resource.ComposeAggregateTestCheckFunc(
					rt.captureZone(), recordCapture("a", &a), recordCapture("mx", &mx), recordCapture("txt", &txt),
				),
			},
			{
				// Someone edits the records in the Namebay panel: new data, a
				// new priority, a new name, text the provider cannot read.
				PreConfig: func() {
					rt.changeOutOfBand(&a, func(r *acctest.Record) { r.Data = "198.51.100.7" })()
					rt.changeOutOfBand(&mx, func(r *acctest.Record) { r.Weight = new(int64(99)); r.Host = "mail" })()
					rt.changeOutOfBand(&txt, func(r *acctest.Record) { r.Data = "line one\nline two" })()
				},
				RefreshState: true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(recordAddr("a"), plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(recordAddr("mx"), plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(recordAddr("txt"), plancheck.ResourceActionUpdate),
				}},
				ExpectNonEmptyPlan: true,
				// The state shows what changed, and keeps the configuration's
				// spelling of what did not.
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(recordAddr("a"), "name", "WWW"),
					resource.TestCheckResourceAttr(recordAddr("a"), "value", "198.51.100.7"),
					resource.TestCheckResourceAttr(recordAddr("mx"), "name", "mail"),
					resource.TestCheckResourceAttr(recordAddr("mx"), "value", "MX1.Example.NET."),
					resource.TestCheckResourceAttr(recordAddr("mx"), "priority", "99"),
					resource.TestCheckResourceAttr(recordAddr("txt"), "name", "@"),
					resource.TestCheckResourceAttr(recordAddr("txt"), "value", `"line one\010line two"`),
				),
			},
			{
				Config: config,
				ConfigPlanChecks: recordPlan(map[string]plancheck.ResourceActionType{
					"a": plancheck.ResourceActionUpdate, "mx": plancheck.ResourceActionUpdate, "txt": plancheck.ResourceActionUpdate,
				}),
				Check: resource.ComposeAggregateTestCheckFunc(
					recordIDIs("a", &a, true), recordIDIs("mx", &mx, true), recordIDIs("txt", &txt, true),
					rt.zoneHolds(want...),
				),
			},
			{
				// A record deleted behind Terraform's back is created again.
				PreConfig: func() {
					rt.sb.OutOfBand(t, rt.login, http.MethodDelete, "api/Zone/"+rt.zone+"/Record/"+a, nil, nil)
				},
				Config:           config,
				ConfigPlanChecks: recordPlan(map[string]plancheck.ResourceActionType{"a": plancheck.ResourceActionCreate, "mx": plancheck.ResourceActionNoop}),
				Check:            resource.ComposeAggregateTestCheckFunc(recordIDIs("a", &a, false), rt.zoneHolds(want...)),
			},
		},
	})
}

func TestAccDNSRecord_invalidInput(t *testing.T) {
	rt := newRecordTest(t)
	bad := func(attrs []string, want *regexp.Regexp) resource.TestStep {
		return resource.TestStep{
			Config:      rt.config("", recordHCL("bad", attrs...)),
			PlanOnly:    true,
			ExpectError: want,
		}
	}
	longLabel := strings.Repeat("a", 64)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{
			bad(recordAttrs("www", "SPF", "v=spf1 -all", -1),
				recordError(`type "SPF" is not supported; use one of A, AAAA, CNAME, MX, TXT, NS, SRV, CAA, NAPTR`)),
			bad(recordAttrs("www", "a", "192.0.2.1", -1),
				recordError(`type "a" must be written in upper case: "A"`)),
			bad(recordAttrs("www", "A", "2001:db8::1", -1),
				recordError(`value = "2001:db8::1"`, `value "2001:db8::1" is an IPv6 address; A records hold IPv4 addresses (use type AAAA)`)),
			bad(recordAttrs("www", "AAAA", "192.0.2.1", -1),
				recordError(`value = "192.0.2.1"`, `value "192.0.2.1" is an IPv4 address; AAAA records hold IPv6 addresses (use type A)`)),
			bad(recordAttrs("@", "MX", "mx1.example.net", -1),
				recordError(`priority is required for MX records`, `a number from 0 to 65535`)),
			bad(recordAttrs("_sip._tcp", "SRV", "5 5060 sip.example.net", -1),
				recordError(`priority is required for SRV records`, `a number from 0 to 65535`)),
			bad(recordAttrs("www", "A", "192.0.2.1", 10),
				recordError(`priority = 10`, `priority is only used by MX, SRV and NAPTR records`)),
			bad(recordAttrs("@", "CNAME", "shops.example.net", -1),
				recordError(`name = "@"`, `a CNAME record cannot be at the zone apex ("@")`)),
			bad(recordAttrs(longLabel, "A", "192.0.2.1", -1),
				recordError(`name = "`+longLabel+`"`, `has a label of 64 characters`, `a label holds at most 63`)),
			bad(recordAttrs("sip", "SRV", "5 5060 sip.example.net", 10),
				recordError(`SRV records need a name that starts with _service._proto`)),
			bad(recordAttrs("@", "TXT", "v=spf1 -all\n", -1),
				recordError(`TXT value "v=spf1 -all\n" holds the control character U+000A`, `wrap it in chomp()`)),
			bad(recordAttrs("@", "TXT", `"`+strings.Repeat("x", 256)+`"`, -1),
				recordError(`has a quoted string (number 1) of 256 bytes; a quoted string holds at most 255 bytes`)),
			bad(recordAttrs("@", "TXT", strings.Repeat("x", 4097), -1),
				recordError(`holds 4097 bytes of text; a TXT record holds at most 4096`)),
			bad(recordAttrs("@", "MX", "mail", 10),
				recordError(`MX value "mail" is a single label; targets are absolute names`)),
			// What the API would refuse at apply is refused at plan.
			bad(recordAttrs("@", "MX", ".", 0),
				recordError(`MX value "." is a null MX (RFC 7505), which Namebay cannot store`)),
			bad(recordAttrs("@", "NAPTR", `10 "ABCDEFGHI" "E2U+sip" "" sip.example.net`, 10),
				recordError(`NAPTR flags "ABCDEFGHI" are 9 characters; the API stores at most 8`)),
			bad(recordAttrs("@", "NAPTR", `10 "U" "E2U sip" "!^.*$!sip:info@example.net!" .`, 10),
				recordError(`NAPTR service "E2U sip" holds ' '; a service holds letters, digits and the characters +:._-`)),
			{
				// A CNAME cannot share its name with another record of the
				// same configuration.
				Config: rt.config("",
					recordHCL("a", recordAttrs("ftp", "A", "192.0.2.1", -1)...),
					recordHCL("cname", recordAttrs("ftp", "CNAME", "files.example.net", -1)...),
				),
				PlanOnly:    true,
				ExpectError: recordError(`Conflicting DNS records`, `plans a CNAME record and A record(s) for the same name "ftp"`),
			},
			{
				Config:           rt.config(""),
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: resource.ComposeAggregateTestCheckFunc(rt.captureZone(), func(*terraform.State) error {
					rt.sb.AddRecords(t, rt.login, rt.zone, []acctest.Record{recordWire("ftp", "A", "192.0.2.1", -1)})
					return nil
				}),
			},
			{
				// ... nor with a record that exists only in the zone.
				Config:      rt.config("", recordHCL("cname", recordAttrs("FTP", "CNAME", "files.example.net", -1)...)),
				PlanOnly:    true,
				ExpectError: recordError(`Conflicting DNS records`, `already has a A record`, `at "ftp"; a CNAME cannot share its name with any other record`),
			},
			{
				// A record the zone already holds is imported, not created twice.
				Config:   rt.config("", recordHCL("twin", recordAttrs("ftp."+recordZone+".", "A", "192.0.2.1", -1)...)),
				PlanOnly: true,
				ExpectError: recordError(`DNS record already exists`, `already has this A record at "ftp"`,
					`Import it (import ID "`+recordZone+`/`),
			},
		},
	})
}

func TestAccDNSRecord_createFaults(t *testing.T) {
	rt := newRecordTest(t)
	config := rt.config("",
		recordHCL("a", recordAttrs("www", "A", "192.0.2.1", -1)...),
		recordHCL("mx", recordAttrs("@", "MX", "mx1.example.net", 10)...),
		recordHCL("txt", recordAttrs("@", "TXT", "v=spf1 mx -all", -1)...),
	)
	createRoute := "/namebay/api/Zone/*/Record"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		CheckDestroy:             rt.zoneGone,
		Steps: []resource.TestStep{
			{
				// The first three record creates meet a 503 (not carried
				// out), a connection reset before the request runs, and a
				// create whose answer is lost after it was carried out.
				PreConfig: func() {
					rt.sb.SetFaults(t, 7,
						acctest.FaultRule{Method: http.MethodPost, Path: createRoute, Kind: "error", Status: http.StatusServiceUnavailable, Count: 1},
						acctest.FaultRule{Method: http.MethodPost, Path: createRoute, Kind: "reset", Count: 1},
						acctest.FaultRule{Method: http.MethodPost, Path: createRoute, Kind: "drop", Count: 1},
					)
				},
				Config: config,
				ExpectError: recordErrorsInAnyOrder(
					recordError(`Could not create`, `503 code 500: The service is unavailable`),
					recordError(`Could not create`, `no answer, the request may have been carried out`,
						`the zone does not hold the record, so it was not created: apply again`),
				),
			},
			{
				Config:           config,
				ConfigPlanChecks: emptyPlanAfterApply,
				Check: resource.ComposeAggregateTestCheckFunc(
					rt.captureZone(),
					func(*terraform.State) error {
						if fired := rt.sb.FaultsFired(t); !slices.Equal(fired, []int{1, 1, 1}) {
							return fmt.Errorf("fault rules fired %v times, want once each", fired)
						}
						return nil
					},
					// Each record exactly once: the lost answer was adopted,
					// not created again.
					rt.zoneHolds(
						recordWire("www", "A", "192.0.2.1", -1),
						recordWire("@", "MX", "mx1.example.net", 10),
						recordWire("@", "TXT", `"v=spf1 mx -all"`, -1),
					),
					// Records are not billed: the ledger holds the domain alone.
					func(*terraform.State) error {
						ledger := rt.sb.Ledger(t)
						if len(ledger) != 1 || ledger[0].Operation != "domain.create" || ledger[0].Object != recordZone {
							return fmt.Errorf("ledger holds %+v, want the one domain.create of %s", ledger, recordZone)
						}
						return nil
					},
				),
			},
		},
	})
}
