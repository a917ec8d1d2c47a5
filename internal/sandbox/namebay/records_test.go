package namebay_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

type recordAnswer struct {
	Id, ZoneId      int64
	Host, Type      string
	Data            string
	Weight          *int
	DateCreated     string
	NaptrPreference *int
	NaptrFlag       string
	NaptrService    string
	NaptrRegExp     string
}

func weight(n int) *int { return &n }

func recordBody(host, typ, data string, w *int) map[string]any {
	body := map[string]any{"Host": host, "Type": typ, "Data": data}
	if w != nil {
		body["Weight"] = *w
	}
	return body
}

func TestRecordValidation(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	zone := *c.createDomain("", "records.com", c.createContact("")).ZoneHandle
	path := "Zone/" + zone + "/Record"
	long := strings.Repeat("a", 63)
	tests := []struct {
		name  string
		body  map[string]any
		field string
	}{
		{"unknown type", recordBody("www", "SPF", "v=spf1", nil), "Type"},
		{"empty host", recordBody("", "A", "192.0.2.1", nil), "Host"},
		{"host too long", recordBody(strings.Join([]string{long, long, long, long}, "."), "A", "192.0.2.1", nil), "Host"},
		{"host with a space", recordBody("w w", "A", "192.0.2.1", nil), "Host"},
		{"host ending with a dot", recordBody("www.", "A", "192.0.2.1", nil), "Host"},
		{"wildcard inside", recordBody("a.*", "A", "192.0.2.1", nil), "Host"},
		{"A with IPv6", recordBody("www", "A", "2001:db8::1", nil), "Data"},
		{"A with leading zeros", recordBody("www", "A", "192.0.2.01", nil), "Data"},
		{"A not an address", recordBody("www", "A", "example.com", nil), "Data"},
		{"AAAA with IPv4", recordBody("www", "AAAA", "192.0.2.1", nil), "Data"},
		{"AAAA with a zone", recordBody("www", "AAAA", "fe80::1%eth0", nil), "Data"},
		{"CNAME not a host", recordBody("www", "CNAME", "exa mple.com", nil), "Data"},
		{"CNAME at the apex", recordBody("@", "CNAME", "example.net", nil), "Host"},
		{"MX without weight", recordBody("@", "MX", "mx.example.net", nil), "Weight"},
		{"MX weight too big", recordBody("@", "MX", "mx.example.net", weight(65536)), "Weight"},
		{"MX weight negative", recordBody("@", "MX", "mx.example.net", weight(-1)), "Weight"},
		{"NS not a host", recordBody("sub", "NS", "ns_1..example.net", nil), "Data"},
		{"TXT empty", recordBody("@", "TXT", "", nil), "Data"},
		{"TXT unterminated", recordBody("@", "TXT", `"abc`, nil), "Data"},
		{"TXT text between strings", recordBody("@", "TXT", `"abc" x "def"`, nil), "Data"},
		{"TXT string of 256 bytes", recordBody("@", "TXT", `"`+strings.Repeat("x", 256)+`"`, nil), "Data"},
		{"TXT above 4096 bytes", recordBody("@", "TXT", strings.Repeat("x", 4100), nil), "Data"},
		{"SRV without weight", recordBody("_sip._tcp", "SRV", "5 5060 sip.example.com", nil), "Weight"},
		{"SRV host without service", recordBody("sip", "SRV", "5 5060 sip.example.com", weight(10)), "Host"},
		{"SRV host without proto", recordBody("_sip.tcp", "SRV", "5 5060 sip.example.com", weight(10)), "Host"},
		{"SRV two fields", recordBody("_sip._tcp", "SRV", "5060 sip.example.com", weight(10)), "Data"},
		{"SRV port too big", recordBody("_sip._tcp", "SRV", "5 65536 sip.example.com", weight(10)), "Data"},
		{"CAA flags too big", recordBody("@", "CAA", `256 issue "ca.example"`, nil), "Data"},
		{"CAA unknown tag", recordBody("@", "CAA", `0 policy "ca.example"`, nil), "Data"},
		{"CAA no value", recordBody("@", "CAA", `0 issue`, nil), "Data"},
		{"CAA iodef not a URL", recordBody("@", "CAA", `0 iodef "security"`, nil), "Data"},
		{"NAPTR without order", map[string]any{"Host": "@", "Type": "NAPTR", "Data": ".", "NaptrPreference": 10}, "Weight"},
		{"NAPTR without preference", map[string]any{"Host": "@", "Type": "NAPTR", "Data": ".", "Weight": 100}, "NaptrPreference"},
		{"NAPTR bad flag", map[string]any{"Host": "@", "Type": "NAPTR", "Data": ".", "Weight": 100, "NaptrPreference": 10, "NaptrFlag": "u!"}, "NaptrFlag"},
		{"NAPTR bad service", map[string]any{"Host": "@", "Type": "NAPTR", "Data": ".", "Weight": 100, "NaptrPreference": 10, "NaptrService": "E2U sip"}, "NaptrService"},
		{"NAPTR bad replacement", map[string]any{"Host": "@", "Type": "NAPTR", "Data": "not a host", "Weight": 100, "NaptrPreference": 10}, "Data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.do("POST", path, tt.body).wantError(http.StatusUnprocessableEntity, 530, tt.field)
		})
	}
	var all []recordAnswer
	c.do("GET", path, nil).want(http.StatusOK).decode(&all)
	if len(all) != 0 {
		t.Fatalf("refused records were stored: %+v", all)
	}
}

func TestRecordNormalisation(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	zone := *c.createDomain("", "normal.com", c.createContact("")).ZoneHandle
	long := strings.Repeat("a", 300)
	euro := strings.Repeat("€", 100) // 300 bytes, 3 per character
	tests := []struct {
		body       map[string]any
		host, data string
		weight     *int
	}{
		{recordBody("WWW", "a", " 192.0.2.1 ", nil), "www", "192.0.2.1", nil},
		{recordBody("v6", "AAAA", "2001:DB8:0:0:0:0:0:1", nil), "v6", "2001:db8::1", nil},
		{recordBody("mapped", "AAAA", "::FFFF:192.0.2.1", nil), "mapped", "::ffff:192.0.2.1", nil},
		{recordBody("alias", "CNAME", "Target.Example.NET.", nil), "alias", "target.example.net", nil},
		{recordBody("*", "A", "192.0.2.2", nil), "*", "192.0.2.2", nil},
		{recordBody("*.Dev", "A", "192.0.2.3", nil), "*.dev", "192.0.2.3", nil},
		{recordBody("@", "MX", "MX1.Example.net.", weight(10)), "@", "mx1.example.net", weight(10)},
		{recordBody("@", "MX", "mx2.example.net", weight(0)), "@", "mx2.example.net", weight(0)},
		{recordBody("sub", "NS", "NS1.Example.net.", weight(5)), "sub", "ns1.example.net", nil},
		{recordBody("@", "TXT", "v=spf1 -all", nil), "@", `"v=spf1 -all"`, nil},
		{recordBody("quoted", "TXT", `  "a b"   "c\"d"  `, nil), "quoted", `"a b" "c\"d"`, nil},
		{recordBody("escaped", "TXT", `say "hi" \o/`, nil), "escaped", `"say \"hi\" \\o/"`, nil},
		{recordBody("long", "TXT", long, nil), "long", `"` + long[:255] + `" "` + long[255:] + `"`, nil},
		{recordBody("euro", "TXT", euro, nil), "euro", `"` + euro[:255] + `" "` + euro[255:] + `"`, nil},
		{recordBody("_dmarc", "TXT", "v=DMARC1; p=none", nil), "_dmarc", `"v=DMARC1; p=none"`, nil},
		{recordBody("_SIP._TCP", "SRV", "5  5060 SIP.Example.com.", weight(10)), "_sip._tcp", "5 5060 sip.example.com", weight(10)},
		{recordBody("@", "CAA", `0 ISSUE "LetsEncrypt.org"`, nil), "@", `0 issue "LetsEncrypt.org"`, nil},
		{recordBody("@", "CAA", `128 issuewild ;`, nil), "@", `128 issuewild ";"`, nil},
		{recordBody("@", "CAA", `0 iodef "mailto:security@normal.com"`, nil), "@", `0 iodef "mailto:security@normal.com"`, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %s", tt.body["Type"], tt.body["Data"]), func(t *testing.T) {
			var got recordAnswer
			c.do("POST", "Zone/"+zone+"/Record", tt.body).want(http.StatusCreated).decode(&got)
			if got.Host != tt.host || got.Data != tt.data || got.Type != strings.ToUpper(tt.body["Type"].(string)) {
				t.Fatalf("stored %s %s %q, want %s %q", got.Host, got.Type, got.Data, tt.host, tt.data)
			}
			if (got.Weight == nil) != (tt.weight == nil) || (got.Weight != nil && *got.Weight != *tt.weight) {
				t.Fatalf("stored Weight %v, want %v", got.Weight, tt.weight)
			}
			if got.Id == 0 || got.ZoneId == 0 || got.DateCreated == "" {
				t.Fatalf("stored record lacks its identity: %+v", got)
			}
		})
	}

	var naptr recordAnswer
	c.do("POST", "Zone/"+zone+"/Record", map[string]any{
		"Host": "@", "Type": "NAPTR", "Data": "SIP.Normal.com.", "Weight": 100, "NaptrPreference": 10,
		"NaptrFlag": "s", "NaptrService": "SIP+D2U", "NaptrRegExp": "",
	}).want(http.StatusCreated).decode(&naptr)
	if naptr.Data != "sip.normal.com" || *naptr.Weight != 100 || *naptr.NaptrPreference != 10 || naptr.NaptrFlag != "S" || naptr.NaptrService != "SIP+D2U" {
		t.Fatalf("NAPTR stored as %+v", naptr)
	}
}

func TestRecordConflicts(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	path := "Zone/" + *c.createDomain("", "conflicts.com", c.createContact("")).ZoneHandle + "/Record"

	c.do("POST", path, recordBody("www", "A", "192.0.2.1", nil)).want(http.StatusCreated)
	c.do("POST", path, recordBody("WWW", "A", "192.0.2.1", nil)).wantError(http.StatusUnprocessableEntity, 551, "")
	c.do("POST", path, recordBody("www", "A", "192.0.2.2", nil)).want(http.StatusCreated)
	c.do("POST", path, recordBody("@", "TXT", "hello", nil)).want(http.StatusCreated)
	c.do("POST", path, recordBody("@", "TXT", `"hello"`, nil)).wantError(http.StatusUnprocessableEntity, 551, "")

	// A CNAME beside another record, either way round.
	c.do("POST", path, recordBody("www", "CNAME", "example.net", nil)).wantError(http.StatusUnprocessableEntity, 530, "Host")
	var alias recordAnswer
	c.do("POST", path, recordBody("alias", "CNAME", "example.net", nil)).want(http.StatusCreated).decode(&alias)
	c.do("POST", path, recordBody("alias", "TXT", "x", nil)).wantError(http.StatusUnprocessableEntity, 530, "Host")
	c.do("POST", path, recordBody("alias", "CNAME", "example.org", nil)).wantError(http.StatusUnprocessableEntity, 530, "Host")

	// Replacing a record is checked against the others, not itself.
	c.do("PUT", fmt.Sprintf("%s/%d", path, alias.Id), recordBody("alias", "CNAME", "example.org", nil)).want(http.StatusOK)
	c.do("PUT", fmt.Sprintf("%s/%d", path, alias.Id), recordBody("www", "A", "192.0.2.1", nil)).wantError(http.StatusUnprocessableEntity, 551, "")
}

func TestRecordLifecycleBumpsSerial(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	zone := *c.createDomain("", "serial.com", c.createContact("")).ZoneHandle
	path := "Zone/" + zone + "/Record"
	serial := func() int64 {
		var z zoneAnswer
		c.do("GET", "Zone/"+zone, nil).want(http.StatusOK).decode(&z)
		return z.SoaSerial
	}
	s0 := serial()
	var created recordAnswer
	c.do("POST", path, recordBody("www", "A", "192.0.2.1", nil)).want(http.StatusCreated).decode(&created)
	s1 := serial()
	one := fmt.Sprintf("%s/%d", path, created.Id)

	var got recordAnswer
	c.do("GET", one, nil).want(http.StatusOK).decode(&got)
	if got != created {
		t.Fatalf("read %+v, created %+v", got, created)
	}
	c.do("PUT", one, recordBody("web", "AAAA", "2001:db8::2", nil)).want(http.StatusOK).decode(&got)
	if got.Id != created.Id || got.Host != "web" || got.Type != "AAAA" || got.DateCreated != created.DateCreated {
		t.Fatalf("updated %+v", got)
	}
	s2 := serial()
	c.do("DELETE", one, nil).want(http.StatusNoContent)
	s3 := serial()
	if s0 >= s1 || s1 >= s2 || s2 >= s3 {
		t.Fatalf("serials %d %d %d %d do not grow with every change", s0, s1, s2, s3)
	}
	c.do("GET", one, nil).wantError(http.StatusNotFound, 510, "")
	c.do("DELETE", one, nil).wantError(http.StatusNotFound, 510, "")
	c.do("GET", path+"/abc", nil).wantError(http.StatusNotFound, 510, "")
	// A record is only reachable through its own zone.
	other := *c.createDomain("", "other.com", c.createContact("")).ZoneHandle
	c.do("POST", path, recordBody("www", "A", "192.0.2.1", nil)).want(http.StatusCreated).decode(&created)
	c.do("GET", fmt.Sprintf("Zone/%s/Record/%d", other, created.Id), nil).wantError(http.StatusNotFound, 510, "")
}

func TestRecordPaging(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	path := "Zone/" + *c.createDomain("", "paging.com", c.createContact("")).ZoneHandle + "/Record"
	const total = 1000
	for i := range total {
		c.do("POST", path, recordBody(fmt.Sprintf("h%d", i), "A", "192.0.2.1", nil)).want(http.StatusCreated)
	}
	e.admin("DELETE", "/_sandbox/counters", nil).want(http.StatusOK)

	var ids []int64
	for page := 1; ; page++ {
		res := c.do("GET", fmt.Sprintf("%s?page=%d&pageSize=500", path, page), nil).want(http.StatusOK)
		if res.Header.Get("X-Total-Count") != "1000" || res.Header.Get("X-Page") != fmt.Sprint(page) || res.Header.Get("X-Page-Size") != "500" {
			t.Fatalf("page %d headers %v", page, res.Header)
		}
		var records []recordAnswer
		res.decode(&records)
		for _, r := range records {
			ids = append(ids, r.Id)
		}
		if len(ids) >= total || len(records) == 0 {
			break
		}
	}
	if len(ids) != total {
		t.Fatalf("%d records listed, want %d", len(ids), total)
	}
	for i := 1; i < len(ids); i++ {
		if ids[i] <= ids[i-1] {
			t.Fatalf("records are not in id order at %d: %d after %d", i, ids[i], ids[i-1])
		}
	}
	var counters map[string]int
	e.admin("GET", "/_sandbox/counters", nil).want(http.StatusOK).decode(&counters)
	if counters["GET /namebay/api/Zone/{zone}/Record"] != 2 || len(counters) != 1 {
		t.Fatalf("counters after listing 1,000 records by 500: %v", counters)
	}

	var records []recordAnswer
	res := c.do("GET", path, nil).want(http.StatusOK)
	res.decode(&records)
	if len(records) != 100 || res.Header.Get("X-Page-Size") != "100" || res.Header.Get("X-Page") != "1" {
		t.Fatalf("default page: %d records, headers %v", len(records), res.Header)
	}
	c.do("GET", path+"?page=3&pageSize=500", nil).want(http.StatusOK).decode(&records)
	if len(records) != 0 {
		t.Fatalf("a page past the end has %d records", len(records))
	}
	c.do("GET", path+"?pageSize=501", nil).wantError(http.StatusUnprocessableEntity, 530, "PageSize")
	c.do("GET", path+"?page=0", nil).wantError(http.StatusUnprocessableEntity, 530, "Page")
}
