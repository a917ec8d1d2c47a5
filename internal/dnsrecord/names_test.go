package dnsrecord_test

import (
	"strings"
	"testing"

	"github.com/resellerkit/terraform-provider-reseller/internal/dnsrecord"
)

func TestCanonicalZone(t *testing.T) {
	t.Parallel()
	cases := []struct {
		zone, want, err string
	}{
		{zone: "example.com", want: "example.com"},
		{zone: "Example.COM.", want: "example.com"},
		{zone: "sub.example.co.uk", want: "sub.example.co.uk"},
		{zone: "café.fr", want: "xn--caf-dma.fr"},
		{zone: "CAFÉ.FR", want: "xn--caf-dma.fr"},
		{zone: "xn--caf-dma.fr", want: "xn--caf-dma.fr"},
		{zone: "XN--CAF-DMA.FR.", want: "xn--caf-dma.fr"},
		{zone: "münchen.de", want: "xn--mnchen-3ya.de"},
		{zone: "xn--mnchen-3ya.de", want: "xn--mnchen-3ya.de"},
		{zone: "straße.de", want: "xn--strae-oqa.de"},
		{zone: "例え。jp", want: "xn--r8jz45g.jp"},
		{zone: "ＥＸＡＭＰＬＥ.com", want: "example.com"},
		{zone: "soft\u00adhyphen.com", want: "softhyphen.com"},
		{zone: "r3---sn-abc.example.com", want: "r3---sn-abc.example.com"},
		{zone: strings.Repeat("a", 63) + ".com", want: strings.Repeat("a", 63) + ".com"},
		{zone: "", err: `zone is empty; write the domain name, e.g. "example.com"`},
		{zone: ".", err: `zone "." has an empty label`},
		{zone: "example..com", err: `zone "example..com" has an empty label`},
		{zone: "example.com..", err: "has an empty label"},
		{zone: "com", err: `zone "com" has a single label; write the whole domain name`},
		{zone: "192.0.2.1", err: `zone "192.0.2.1" is an IP address`},
		{zone: "example.123", err: "ends with an all-numeric label"},
		{zone: "ex_ample.com", err: `has a label "ex_ample" with the character '_'; labels hold letters, digits and hyphens`},
		{zone: "*.example.com", err: `with the character '*'`},
		{zone: "-example.com", err: `label "-example" that starts or ends with a hyphen; labels start and end with a letter or digit`},
		{zone: "example .com", err: `with the character ' '`},
		{zone: strings.Repeat("a", 64) + ".com", err: "has a label of 64 characters"},
		{zone: strings.Repeat("abcdefghi.", 26) + "com", err: "is 263 characters long; a domain name holds at most 253"},
		{zone: "xn--zz.com", err: `has a label "xn--zz" that is not a valid internationalised label`},
		{zone: "xn--abc-.com", err: "not a valid internationalised label"},
		{zone: "a.\u00ad.com", err: `has a label "\u00ad" that is not a valid internationalised label`},
		{zone: "a\u200db.com", err: "not a valid internationalised label"},
	}
	for _, tc := range cases {
		t.Run(tc.zone, func(t *testing.T) {
			t.Parallel()
			got, err := dnsrecord.CanonicalZone(tc.zone)
			if tc.err != "" {
				assertError(t, err, dnsrecord.FieldZone, tc.err)
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("CanonicalZone(%q) = %q, %v; want %q", tc.zone, got, err, tc.want)
			}
		})
	}
}

func TestRelativeHost(t *testing.T) {
	t.Parallel()
	cases := []struct {
		zone, name, want, err string
	}{
		// The apex.
		{zone: "example.com", name: "", want: "@"},
		{zone: "example.com", name: "@", want: "@"},
		{zone: "example.com", name: "example.com", want: "@"},
		{zone: "example.com", name: "example.com.", want: "@"},
		{zone: "example.com", name: "EXAMPLE.COM.", want: "@"},
		{zone: "Example.COM.", name: "example.com", want: "@"},
		// Relative names, any case.
		{zone: "example.com", name: "www", want: "www"},
		{zone: "example.com", name: "WWW", want: "www"},
		{zone: "example.com", name: "a.B.c", want: "a.b.c"},
		{zone: "example.com", name: "com", want: "com"},
		{zone: "example.com", name: "example.com.evil", want: "example.com.evil"},
		// Absolute names, with or without the final dot.
		{zone: "example.com", name: "www.example.com.", want: "www"},
		{zone: "example.com", name: "www.example.com", want: "www"},
		{zone: "example.com", name: "WWW.Example.Com", want: "www"},
		{zone: "example.com.", name: "dev.www.example.com.", want: "dev.www"},
		{zone: "example.com", name: "www.example.com.example.com.", want: "www.example.com"},
		// Wildcards and underscores.
		{zone: "example.com", name: "*", want: "*"},
		{zone: "example.com", name: "*.dev", want: "*.dev"},
		{zone: "example.com", name: "*.example.com.", want: "*"},
		{zone: "example.com", name: "_dmarc", want: "_dmarc"},
		{zone: "example.com", name: "_sip._TCP", want: "_sip._tcp"},
		{zone: "example.com", name: "selector1._domainkey", want: "selector1._domainkey"},
		{zone: "example.com", name: "_acme-challenge.www.example.com.", want: "_acme-challenge.www"},
		// Internationalised labels, zone and name in either form.
		{zone: "café.fr", name: "www", want: "www"},
		{zone: "café.fr", name: "www.xn--caf-dma.fr.", want: "www"},
		{zone: "xn--caf-dma.fr", name: "www.café.fr", want: "www"},
		{zone: "münchen.de", name: "Bücher", want: "xn--bcher-kva"},
		{zone: "münchen.de", name: "xn--bcher-kva.münchen.de.", want: "xn--bcher-kva"},
		{zone: "münchen.de", name: "münchen.de", want: "@"},
		// Limits.
		{zone: "example.com", name: strings.Repeat("a", 63), want: strings.Repeat("a", 63)},
		{zone: "example.com", name: strings.Repeat("abcdefgh.", 22) + "ab", want: strings.Repeat("abcdefgh.", 22) + "ab"}, // 200 characters

		{zone: "example.com", name: "www.other.com.", err: `name "www.other.com." is outside zone "example.com"; write it relative to the zone ("www", "@" for the apex) or ending with the zone ("www.example.com.")`},
		{zone: "example.com", name: "www.", err: `name "www." is outside zone "example.com"`},
		{zone: "example.com", name: "www.xample.com.", err: "is outside zone"},
		{zone: "example.com", name: ".", err: `name "." is outside zone`},
		{zone: "example.com", name: "a..b", err: `name "a..b" has an empty label`},
		{zone: "example.com", name: ".www", err: "has an empty label"},
		{zone: "example.com", name: "www..", err: "has an empty label"},
		{zone: "example.com", name: "dev.*", err: `name "dev.*" has "*" after its first label; a wildcard is only allowed as the whole leftmost label`},
		{zone: "example.com", name: "w*w", err: `name "w*w" has "*" inside a label`},
		{zone: "example.com", name: "*dev", err: `has "*" inside a label`},
		{zone: "example.com", name: "@.www", err: `with the character '@'`},
		{zone: "example.com", name: " www", err: `with the character ' '`},
		{zone: "example.com", name: "-www", err: `starts or ends with a hyphen; labels start and end with a letter, digit or underscore`},
		{zone: "example.com", name: "w/w", err: `labels hold letters, digits, hyphens and underscores`},
		{zone: "example.com", name: strings.Repeat("a", 64), err: "has a label of 64 characters"},
		{zone: "example.com", name: strings.Repeat("abcdefgh.", 22) + "abc", err: "is 201 characters relative to the zone; the API stores at most 200"},
		// 61 + 1 + 192 characters.
		{zone: "a-long-zone-name-" + strings.Repeat("x", 40) + ".com", name: strings.Repeat("abcdefgh.", 21) + "abc", err: "makes a full name of 254 characters; a domain name holds at most 253"},
	}
	for _, tc := range cases {
		t.Run(tc.zone+"/"+tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := dnsrecord.RelativeHost(tc.zone, tc.name)
			if tc.err != "" {
				assertError(t, err, dnsrecord.FieldName, tc.err)
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("RelativeHost(%q, %q) = %q, %v; want %q", tc.zone, tc.name, got, err, tc.want)
			}
		})
	}
}

func TestRelativeHostReportsTheZone(t *testing.T) {
	t.Parallel()
	_, err := dnsrecord.RelativeHost("example..com", "www")
	assertError(t, err, dnsrecord.FieldZone, "has an empty label")
}

func TestValidateOwner(t *testing.T) {
	t.Parallel()
	cases := []struct {
		typ, host, err string
	}{
		{typ: "SRV", host: "_sip._tcp"},
		{typ: "SRV", host: "_imaps._tcp.mail"},
		{typ: "SRV", host: "_xmpp-server._tcp"},
		{typ: "CNAME", host: "www"},
		{typ: "A", host: "@"},
		{typ: "NS", host: "dev"},
		{typ: "TXT", host: "_dmarc"},
		{typ: "SRV", host: "@", err: `SRV records need a name that starts with _service._proto, such as "_sip._tcp"`},
		{typ: "SRV", host: "sip._tcp", err: `got "sip._tcp"`},
		{typ: "SRV", host: "_sip", err: "_service._proto"},
		{typ: "SRV", host: "_sip.tcp", err: "_service._proto"},
		{typ: "SRV", host: "_._tcp", err: "_service._proto"},
		{typ: "SRV", host: "*._tcp", err: "_service._proto"},
		{typ: "CNAME", host: "@", err: `a CNAME record cannot be at the zone apex ("@")`},
	}
	for _, tc := range cases {
		t.Run(tc.typ+"/"+tc.host, func(t *testing.T) {
			t.Parallel()
			err := dnsrecord.ValidateOwner(tc.typ, tc.host)
			if tc.err != "" {
				assertError(t, err, dnsrecord.FieldName, tc.err)
			} else if err != nil {
				t.Errorf("ValidateOwner(%s, %q): %v", tc.typ, tc.host, err)
			}
		})
	}
}

func TestIsApex(t *testing.T) {
	t.Parallel()
	if !dnsrecord.IsApex("@") {
		t.Error(`IsApex("@") = false`)
	}
	for _, host := range []string{"", "www", "*", "@.www"} {
		if dnsrecord.IsApex(host) {
			t.Errorf("IsApex(%q) = true", host)
		}
	}
}
