package dnsrecord_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/resellerkit/terraform-provider-reseller/internal/dnsrecord"
)

func TestTypes(t *testing.T) {
	t.Parallel()
	want := []string{"A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "CAA", "NAPTR"}
	got := dnsrecord.Types()
	if !slices.Equal(got, want) {
		t.Fatalf("Types() = %v, want %v", got, want)
	}
	got[0] = "changed"
	if dnsrecord.Types()[0] != "A" {
		t.Error("Types() returns a slice that aliases the package's list")
	}
	for _, typ := range want {
		if !dnsrecord.IsSupportedType(typ) {
			t.Errorf("IsSupportedType(%q) = false", typ)
		}
	}
	for _, typ := range []string{"", "a", "Mx", "SPF", "SOA", "PTR", "ALIAS"} {
		if dnsrecord.IsSupportedType(typ) {
			t.Errorf("IsSupportedType(%q) = true", typ)
		}
	}
	for _, typ := range want {
		if got, want := dnsrecord.TakesPriority(typ), typ == "MX" || typ == "SRV" || typ == "NAPTR"; got != want {
			t.Errorf("TakesPriority(%q) = %v, want %v", typ, got, want)
		}
	}
}

func TestCanonical(t *testing.T) {
	t.Parallel()
	cases := []struct {
		zone, typ, name, value string
		priority               *int64
		want                   dnsrecord.Record
	}{
		{
			zone: "Example.COM.", typ: "A", name: "WWW.example.com.", value: "192.0.2.1",
			want: dnsrecord.Record{Zone: "example.com", Host: "www", Type: "A", RData: dnsrecord.RData{Data: "192.0.2.1"}},
		},
		{
			zone: "café.fr", typ: "MX", name: "", value: "MX.Café.FR.", priority: int64p(10),
			want: dnsrecord.Record{Zone: "xn--caf-dma.fr", Host: "@", Type: "MX", RData: dnsrecord.RData{Data: "mx.xn--caf-dma.fr", Weight: int64p(10)}},
		},
		{
			zone: "example.com", typ: "SRV", name: "_sip._tcp.example.com.", value: "5 5060 sip.example.com.", priority: int64p(0),
			want: dnsrecord.Record{Zone: "example.com", Host: "_sip._tcp", Type: "SRV", RData: dnsrecord.RData{Data: "5 5060 sip.example.com", Weight: int64p(0)}},
		},
		{
			zone: "example.com", typ: "TXT", name: "*.dev", value: "hello",
			want: dnsrecord.Record{Zone: "example.com", Host: "*.dev", Type: "TXT", RData: dnsrecord.RData{Data: `"hello"`}},
		},
		{
			zone: "example.com", typ: "CAA", name: "@", value: "0 issuewild ;",
			want: dnsrecord.Record{Zone: "example.com", Host: "@", Type: "CAA", RData: dnsrecord.RData{Data: `0 issuewild ";"`}},
		},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s %s %s", tc.typ, tc.name, tc.value), func(t *testing.T) {
			t.Parallel()
			got, err := dnsrecord.Canonical(tc.zone, tc.typ, tc.name, tc.value, tc.priority)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tc.want) {
				t.Errorf("Canonical = %+v %s, want %+v %s", got, describe(got.RData), tc.want, describe(tc.want.RData))
			}
		})
	}
}

func TestCanonicalErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		zone, typ, name, value string
		priority               *int64
		want                   map[dnsrecord.Field]string
	}{
		{
			zone: "example.com", typ: "SPF", name: "@", value: "v=spf1 -all",
			want: map[dnsrecord.Field]string{dnsrecord.FieldType: `type "SPF" is not supported; use one of A, AAAA, CNAME, MX, TXT, NS, SRV, CAA, NAPTR`},
		},
		{
			zone: "example.com", typ: "cname", name: "www", value: "x.example.net",
			want: map[dnsrecord.Field]string{dnsrecord.FieldType: `type "cname" must be written in upper case: "CNAME"`},
		},
		{
			zone: "example.com", typ: "A", name: "www.other.com.", value: "2001:db8::1", priority: int64p(5),
			want: map[dnsrecord.Field]string{
				dnsrecord.FieldName:     `name "www.other.com." is outside zone "example.com"`,
				dnsrecord.FieldValue:    `value "2001:db8::1" is an IPv6 address; A records hold IPv4 addresses (use type AAAA)`,
				dnsrecord.FieldPriority: "priority is only used by MX, SRV and NAPTR records; remove it from this A record",
			},
		},
		{
			zone: "com", typ: "TXT", name: "x", value: `"open`,
			want: map[dnsrecord.Field]string{
				dnsrecord.FieldZone:  `zone "com" has a single label`,
				dnsrecord.FieldValue: "without its closing quote",
			},
		},
		{
			zone: "example.com", typ: "MX", name: "@", value: "mail.example.com",
			want: map[dnsrecord.Field]string{dnsrecord.FieldPriority: "priority is required for MX records: the preference of the mail server (lower is tried first), a number from 0 to 65535"},
		},
		{
			zone: "example.com", typ: "SRV", name: "_sip._tcp", value: "5 5060 sip.example.com", priority: int64p(-1),
			want: map[dnsrecord.Field]string{dnsrecord.FieldPriority: "priority -1 is out of range; the SRV priority is the priority of the target (lower is tried first), a number from 0 to 65535"},
		},
		{
			zone: "example.com", typ: "SRV", name: "sip", value: "5 5060 sip.example.com", priority: int64p(1),
			want: map[dnsrecord.Field]string{dnsrecord.FieldName: `SRV records need a name that starts with _service._proto`},
		},
		{
			zone: "example.com", typ: "CNAME", name: "example.com.", value: "other.example.net",
			want: map[dnsrecord.Field]string{dnsrecord.FieldName: "a CNAME record cannot be at the zone apex"},
		},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s %s %s", tc.typ, tc.name, tc.value), func(t *testing.T) {
			t.Parallel()
			got, err := dnsrecord.Canonical(tc.zone, tc.typ, tc.name, tc.value, tc.priority)
			if err == nil {
				t.Fatalf("Canonical = %+v, want errors", got)
			}
			if !got.Equal(dnsrecord.Record{}) {
				t.Errorf("Canonical returned %+v beside its error", got)
			}
			errs := dnsrecord.Errors(err)
			if len(errs) != len(tc.want) {
				t.Fatalf("got errors %v, want %d", err, len(tc.want))
			}
			for _, e := range errs {
				want, ok := tc.want[e.Field]
				if !ok {
					t.Errorf("unexpected error on %s: %s", e.Field, e.Msg)
					continue
				}
				if !strings.Contains(e.Msg, want) {
					t.Errorf("%s error %q does not contain %q", e.Field, e.Msg, want)
				}
			}
		})
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	if dnsrecord.Errors(nil) != nil {
		t.Error("Errors(nil) is not nil")
	}
	if got := dnsrecord.Errors(errors.New("plain")); got != nil {
		t.Errorf("Errors(plain error) = %v", got)
	}
	_, err := dnsrecord.CanonicalZone("")
	wrapped := fmt.Errorf("reading zone: %w", err)
	if got := dnsrecord.Errors(wrapped); len(got) != 1 || got[0].Field != dnsrecord.FieldZone {
		t.Errorf("Errors(wrapped) = %v", got)
	}
	var e *dnsrecord.Error
	if !errors.As(wrapped, &e) || e.Error() != e.Msg {
		t.Errorf("errors.As(%v) = %v", wrapped, e)
	}
}

func TestFromAPI(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name       string
		zone, host string
		typ        string
		stored     dnsrecord.RData
		want       dnsrecord.Record
		display    dnsrecord.Display
	}{
		{
			name: "A with the API's zero weight", zone: "example.com", host: "www", typ: "A",
			stored:  dnsrecord.RData{Data: "192.0.2.1", Weight: int64p(0)},
			want:    dnsrecord.Record{Zone: "example.com", Host: "www", Type: "A", RData: dnsrecord.RData{Data: "192.0.2.1"}},
			display: dnsrecord.Display{Name: "www", Value: "192.0.2.1"},
		},
		{
			name: "MX written loosely", zone: "EXAMPLE.com", host: "@", typ: "MX",
			stored:  dnsrecord.RData{Data: "Mail.Example.COM.", Weight: int64p(10)},
			want:    dnsrecord.Record{Zone: "example.com", Host: "@", Type: "MX", RData: dnsrecord.RData{Data: "mail.example.com", Weight: int64p(10)}},
			display: dnsrecord.Display{Name: "@", Value: "mail.example.com", Priority: int64p(10)},
		},
		{
			name: "empty host is the apex", zone: "example.com", host: "", typ: "AAAA",
			stored:  dnsrecord.RData{Data: "2001:DB8:0::1"},
			want:    dnsrecord.Record{Zone: "example.com", Host: "@", Type: "AAAA", RData: dnsrecord.RData{Data: "2001:db8::1"}},
			display: dnsrecord.Display{Name: "@", Value: "2001:db8::1"},
		},
		{
			name: "stored host is relative even when it ends with the zone", zone: "example.com", host: "www.example.com", typ: "CNAME",
			stored:  dnsrecord.RData{Data: "target.example.net"},
			want:    dnsrecord.Record{Zone: "example.com", Host: "www.example.com", Type: "CNAME", RData: dnsrecord.RData{Data: "target.example.net"}},
			display: dnsrecord.Display{Name: "www.example.com.example.com.", Value: "target.example.net"},
		},
		{
			name: "host equal to the zone's name", zone: "example.com", host: "Example.Com", typ: "TXT",
			stored:  dnsrecord.RData{Data: `"x"`},
			want:    dnsrecord.Record{Zone: "example.com", Host: "example.com", Type: "TXT", RData: dnsrecord.RData{Data: `"x"`}},
			display: dnsrecord.Display{Name: "example.com.example.com.", Value: "x"},
		},
		{
			name: "IDN host", zone: "xn--mnchen-3ya.de", host: "Bücher", typ: "A",
			stored:  dnsrecord.RData{Data: "192.0.2.7"},
			want:    dnsrecord.Record{Zone: "xn--mnchen-3ya.de", Host: "xn--bcher-kva", Type: "A", RData: dnsrecord.RData{Data: "192.0.2.7"}},
			display: dnsrecord.Display{Name: "xn--bcher-kva", Value: "192.0.2.7"},
		},
		{
			name: "SRV", zone: "example.com", host: "_sip._tcp", typ: "SRV",
			stored:  dnsrecord.RData{Data: "5 5060 sip.example.com", Weight: int64p(20)},
			want:    dnsrecord.Record{Zone: "example.com", Host: "_sip._tcp", Type: "SRV", RData: dnsrecord.RData{Data: "5 5060 sip.example.com", Weight: int64p(20)}},
			display: dnsrecord.Display{Name: "_sip._tcp", Value: "5 5060 sip.example.com", Priority: int64p(20)},
		},
		{
			name: "wildcard CAA", zone: "example.com", host: "*", typ: "CAA",
			stored:  dnsrecord.RData{Data: `0 issue "letsencrypt.org"`},
			want:    dnsrecord.Record{Zone: "example.com", Host: "*", Type: "CAA", RData: dnsrecord.RData{Data: `0 issue "letsencrypt.org"`}},
			display: dnsrecord.Display{Name: "*", Value: `0 issue "letsencrypt.org"`},
		},
		{
			name: "NAPTR", zone: "example.com", host: "@", typ: "NAPTR",
			stored: dnsrecord.RData{Data: "_SIP._UDP.example.com.", Weight: int64p(100), NaptrPreference: int64p(10), NaptrFlag: "s", NaptrService: "SIP+D2U"},
			want: dnsrecord.Record{Zone: "example.com", Host: "@", Type: "NAPTR", RData: dnsrecord.RData{
				Data: "_sip._udp.example.com", Weight: int64p(100), NaptrPreference: int64p(10), NaptrFlag: "S", NaptrService: "SIP+D2U"}},
			display: dnsrecord.Display{Name: "@", Value: `10 "S" "SIP+D2U" "" _sip._udp.example.com`, Priority: int64p(100)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := dnsrecord.FromAPI(tc.zone, tc.host, tc.typ, tc.stored)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tc.want) {
				t.Errorf("FromAPI = %+v %s, want %+v %s", got, describe(got.RData), tc.want, describe(tc.want.RData))
			}
			d := got.Display()
			if d.Name != tc.display.Name || d.Value != tc.display.Value || !sameInt(d.Priority, tc.display.Priority) {
				t.Errorf("Display() = %+v, want %+v", d, tc.display)
			}
			back, err := dnsrecord.Canonical(tc.zone, tc.typ, d.Name, d.Value, d.Priority)
			if err != nil || !back.Equal(got) {
				t.Errorf("Canonical(Display()) = %+v, %v; want %+v", back, err, got)
			}
		})
	}
}

func TestFromAPIKeepsWhatItCannotRead(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, zone, host, typ string
		stored                dnsrecord.RData
		field                 dnsrecord.Field
		err                   string
	}{
		{name: "unsupported type", zone: "example.com", host: "@", typ: "SPF", stored: dnsrecord.RData{Data: "v=spf1"}, field: dnsrecord.FieldType, err: `type "SPF" is not supported`},
		{name: "bad zone", zone: "", host: "@", typ: "A", stored: dnsrecord.RData{Data: "192.0.2.1"}, field: dnsrecord.FieldZone, err: "zone is empty"},
		{name: "bad host", zone: "example.com", host: "a..b", typ: "A", stored: dnsrecord.RData{Data: "192.0.2.1"}, field: dnsrecord.FieldName, err: `host "a..b" has an empty label`},
		{name: "bad data", zone: "example.com", host: "www", typ: "A", stored: dnsrecord.RData{Data: "not an address"}, field: dnsrecord.FieldValue, err: "holds more than one word"},
		{name: "MX without weight", zone: "example.com", host: "@", typ: "MX", stored: dnsrecord.RData{Data: "mail.example.com"}, field: dnsrecord.FieldPriority, err: "priority is required for MX records"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := dnsrecord.FromAPI(tc.zone, tc.host, tc.typ, tc.stored)
			assertError(t, err, tc.field, tc.err)
			if got.Host != tc.host || got.Type != tc.typ || !got.RData.Equal(tc.stored) {
				t.Errorf("FromAPI = %+v, want the stored fields as they are", got)
			}
			if d := got.Display(); d.Value != tc.stored.Data {
				t.Errorf("Display().Value = %q, want the stored %q", d.Value, tc.stored.Data)
			}
		})
	}
}

// TestReadRule walks the rule the resource follows on Read: keep the state's
// spelling while it describes the API's record, show the API's otherwise.
func TestReadRule(t *testing.T) {
	t.Parallel()
	stored, err := dnsrecord.FromAPI("example.com", "www", "CNAME", dnsrecord.RData{Data: "target.example.net"})
	if err != nil {
		t.Fatal(err)
	}
	for _, spelling := range []struct{ zone, name, value string }{
		{"example.com", "www", "target.example.net"},
		{"EXAMPLE.COM.", "WWW.example.com.", "Target.Example.NET."},
		{"example.com", "www.example.com", "target.example.net."},
	} {
		mine, err := dnsrecord.Canonical(spelling.zone, "CNAME", spelling.name, spelling.value, nil)
		if err != nil || !mine.Equal(stored) {
			t.Errorf("state spelling %+v does not match the stored record: %+v, %v", spelling, mine, err)
		}
	}
	changed, err := dnsrecord.FromAPI("example.com", "www", "CNAME", dnsrecord.RData{Data: "elsewhere.example.net"})
	if err != nil {
		t.Fatal(err)
	}
	mine, _ := dnsrecord.Canonical("example.com", "CNAME", "www", "target.example.net", nil)
	if mine.Equal(changed) {
		t.Error("a changed target compares equal")
	}
	if got := changed.Display().Value; got != "elsewhere.example.net" {
		t.Errorf("drift shows %q", got)
	}
}

func TestRecordEqual(t *testing.T) {
	t.Parallel()
	base := dnsrecord.Record{Zone: "example.com", Host: "@", Type: "MX", RData: dnsrecord.RData{Data: "mail.example.com", Weight: int64p(10)}}
	same := base
	same.Weight = int64p(10)
	if !base.Equal(same) {
		t.Error("records with equal weights behind different pointers differ")
	}
	for name, change := range map[string]func(*dnsrecord.Record){
		"zone":       func(r *dnsrecord.Record) { r.Zone = "example.net" },
		"host":       func(r *dnsrecord.Record) { r.Host = "www" },
		"type":       func(r *dnsrecord.Record) { r.Type = "NS" },
		"data":       func(r *dnsrecord.Record) { r.Data = "mx.example.com" },
		"weight":     func(r *dnsrecord.Record) { r.Weight = int64p(20) },
		"no weight":  func(r *dnsrecord.Record) { r.Weight = nil },
		"preference": func(r *dnsrecord.Record) { r.NaptrPreference = int64p(1) },
		"flag":       func(r *dnsrecord.Record) { r.NaptrFlag = "S" },
		"service":    func(r *dnsrecord.Record) { r.NaptrService = "SIP+D2U" },
		"regexp":     func(r *dnsrecord.Record) { r.NaptrRegExp = "!x!y!" },
	} {
		other := base
		change(&other)
		if base.Equal(other) || other.Equal(base) {
			t.Errorf("records that differ in %s compare equal", name)
		}
	}
}

func sameInt(a, b *int64) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}
