package dnsrecord_test

import (
	"strings"
	"testing"

	"github.com/resellerkit/terraform-provider-reseller/internal/dnsrecord"
)

// checkFixedPoint asserts the round trips the resource relies on for a
// canonical record r: the API's stored fields read back as r, and the
// display spelling written into state reads back as r.
func checkFixedPoint(t *testing.T, r dnsrecord.Record) {
	t.Helper()
	stored, err := dnsrecord.FromAPI(r.Zone, r.Host, r.Type, r.RData)
	if err != nil || !stored.Equal(r) {
		t.Fatalf("FromAPI(canonical %+v %s) = %+v %s, %v", r, describe(r.RData), stored, describe(stored.RData), err)
	}
	d := r.Display()
	back, err := dnsrecord.Canonical(r.Zone, r.Type, d.Name, d.Value, d.Priority)
	if err != nil || !back.Equal(r) {
		t.Fatalf("Canonical(Display() = %+v) = %+v %s, %v; want %+v %s", d, back, describe(back.RData), err, r, describe(r.RData))
	}
	if len(r.Data) == 0 || len(r.Data) > 4096 {
		t.Fatalf("Data of %d bytes is outside the API's 1 to 4096", len(r.Data))
	}
}

func FuzzTXTRoundTrip(f *testing.F) {
	for _, seed := range []string{
		"v=spf1 include:_spf.example.net ~all",
		`"v=DKIM1; k=rsa; " "p=MIIBIjANBgkq"`,
		`""`,
		`"" ""`,
		`say "hi" \ there`,
		`"say \"hi\" \\ there"`,
		"  leading and trailing  ",
		`  "x"`,
		`"\"" "\\"`,
		strings.Repeat("0123456789", 60),
		strings.Repeat("a", 254) + "é" + strings.Repeat("b", 300),
		strings.Repeat("€", 400),
		strings.Repeat("a", 253) + "😀",
		"\"" + strings.Repeat("x", 255) + "\" \"y\"",
		strings.Repeat("z", 4046),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, value string) {
		r, err := dnsrecord.Canonical("example.com", "TXT", "@", value, nil)
		if err != nil {
			if len(dnsrecord.Errors(err)) == 0 {
				t.Fatalf("error %v has no field", err)
			}
			return
		}
		checkFixedPoint(t, r)
		again, err := dnsrecord.CanonicalData("TXT", r.Data, nil)
		if err != nil || again.Data != r.Data {
			t.Fatalf("canonical Data %q reads back as %q, %v", r.Data, again.Data, err)
		}
	})
}

func FuzzCanonicalRoundTrip(f *testing.F) {
	seeds := []struct {
		typ, name, value string
		priority         int64
	}{
		{"A", "www", "192.0.2.1", -1},
		{"A", "WWW.Example.COM.", " 192.0.2.1 ", -1},
		{"AAAA", "@", "2001:0DB8:0:0:0:0:0:1", -1},
		{"CNAME", "*.dev", "Target.Example.NET.", -1},
		{"CNAME", "www.example.com.example.com.", "münchen.de", -1},
		{"MX", "", "Mail.Example.com.", 10},
		{"MX", "@", "mx.example.com", 0},
		{"NS", "dev", "ns1.example.net", -1},
		{"TXT", "_dmarc", "v=DMARC1; p=none", -1},
		{"TXT", "bücher", `"a" "b"`, -1},
		{"SRV", "_sip._tcp", "5 5060 sip.example.com.", 10},
		{"SRV", "_imaps._tcp.mail", "0 0 .", 0},
		{"CAA", "@", "0 ISSUE letsencrypt.org", -1},
		{"CAA", "@", `128 iodef "mailto:a@example.com"`, -1},
		{"NAPTR", "@", `10 "S" "SIP+D2U" "" _sip._udp.example.com`, 100},
		{"NAPTR", "4.4", `10 u E2U+sip "!^\\+44(.*)$!sip:\\1@example.com!" .`, 0},
		{"A", "Bücher.ＷＷＷ", "192.0.2.1", -1},
		{"CNAME", "straße", "Ⅻ.例え。jp.", -1},
	}
	for _, s := range seeds {
		f.Add(s.typ, s.name, s.value, s.priority)
	}
	f.Fuzz(func(t *testing.T, typ, name, value string, priority int64) {
		var p *int64
		if priority >= 0 {
			p = &priority
		}
		r, err := dnsrecord.Canonical("example.com", typ, name, value, p)
		if err != nil {
			if len(dnsrecord.Errors(err)) == 0 {
				t.Fatalf("error %v has no field", err)
			}
			return
		}
		checkFixedPoint(t, r)
	})
}

func FuzzCanonicalZone(f *testing.F) {
	for _, seed := range []string{"example.com", "Example.COM.", "café.fr", "xn--caf-dma.fr", "例え。jp", "a.\u00ad.com", "ＥＸＡＭＰＬＥ.com"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, zone string) {
		z, err := dnsrecord.CanonicalZone(zone)
		if err != nil {
			assertError(t, err, dnsrecord.FieldZone)
			return
		}
		again, err := dnsrecord.CanonicalZone(z)
		if err != nil || again != z {
			t.Fatalf("CanonicalZone(%q) = %q, %v; want the fixed point %q", z, again, err, z)
		}
		if host, err := dnsrecord.RelativeHost(zone, z+"."); err != nil || host != "@" {
			t.Fatalf("RelativeHost(%q, %q) = %q, %v; want @", zone, z+".", host, err)
		}
	})
}
