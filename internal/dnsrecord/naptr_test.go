package dnsrecord_test

import (
	"strings"
	"testing"

	"github.com/resellerkit/terraform-provider-reseller/internal/dnsrecord"
)

func TestNAPTR(t *testing.T) {
	t.Parallel()
	cases := []struct {
		value    string
		priority *int64
		want     dnsrecord.RData
		err      string
		field    dnsrecord.Field
	}{
		{
			value: `10 "S" "SIP+D2U" "" _sip._udp.example.com`, priority: int64p(100),
			want: dnsrecord.RData{Data: "_sip._udp.example.com", Weight: int64p(100), NaptrPreference: int64p(10), NaptrFlag: "S", NaptrService: "SIP+D2U"},
		},
		{
			value: `10 s SIP+D2U "" _SIP._UDP.Example.com.`, priority: int64p(100),
			want: dnsrecord.RData{Data: "_sip._udp.example.com", Weight: int64p(100), NaptrPreference: int64p(10), NaptrFlag: "S", NaptrService: "SIP+D2U"},
		},
		{
			value: `  010  "u"  "E2U+sip"  "!^.*$!sip:info@example.com!"  .  `, priority: int64p(0),
			want: dnsrecord.RData{Data: ".", Weight: int64p(0), NaptrPreference: int64p(10), NaptrFlag: "U", NaptrService: "E2U+sip", NaptrRegExp: "!^.*$!sip:info@example.com!"},
		},
		{
			value: `65535 "" "" "!^\\+44(.*)$!sip:\\1@example.com!" .`, priority: int64p(65535),
			want: dnsrecord.RData{Data: ".", Weight: int64p(65535), NaptrPreference: int64p(65535), NaptrRegExp: `!^\+44(.*)$!sip:\1@example.com!`},
		},
		{
			value: `0 "a" "x-eduroam:radius.tls" "" radsec.münchen.de`, priority: int64p(1),
			want: dnsrecord.RData{Data: "radsec.xn--mnchen-3ya.de", Weight: int64p(1), NaptrPreference: int64p(0), NaptrFlag: "A", NaptrService: "x-eduroam:radius.tls"},
		},

		{
			value: `1 "abcdefgh" "` + strings.Repeat("s", 64) + `" "" .`, priority: int64p(2),
			want: dnsrecord.RData{Data: ".", Weight: int64p(2), NaptrPreference: int64p(1), NaptrFlag: "ABCDEFGH", NaptrService: strings.Repeat("s", 64)},
		},

		{value: `100 10 "S" "SIP+D2U" "" _sip._udp.example.com`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: "starts with two numbers; the value is `preference \"flags\" \"service\" \"regexp\" replacement` (e.g. 10 \"S\" \"SIP+D2U\" \"\" _sip._udp.example.com) and the order (100) goes in priority"},
		{value: `10 "S" "SIP+D2U" _sip._udp.example.com`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: "must be `preference \"flags\" \"service\" \"regexp\" replacement`"},
		{value: ``, priority: int64p(100), field: dnsrecord.FieldValue, err: "must be `preference"},
		{value: `x "S" "SIP+D2U" "" _sip._udp.example.com`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: `NAPTR preference "x" in value`},
		{value: `70000 "S" "SIP+D2U" "" _sip._udp.example.com`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: `NAPTR preference "70000"`},
		{value: `10 "S" "SIP+D2U" "" "_sip._udp.example.com"`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: `NAPTR replacement "_sip._udp.example.com" in value`},
		{value: `10 "S+" "SIP+D2U" "" _sip._udp.example.com`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: `NAPTR flags "S+" hold '+'; flags are letters and digits`},
		{value: `10 "ABCDEFGHI" "SIP+D2U" "" _sip._udp.example.com`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: `NAPTR flags "ABCDEFGHI" are 9 characters; the API stores at most 8`},
		{value: `10 "S" "E2U sip" "" _sip._udp.example.com`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: `NAPTR service "E2U sip" holds ' '; a service holds letters, digits and the characters +:._-`},
		{value: `10 "S" "E2U+sip!" "" _sip._udp.example.com`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: `NAPTR service "E2U+sip!" holds '!'`},
		{value: `10 "S" "` + strings.Repeat("s", 65) + `" "" .`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: "is 65 characters; the API stores at most 64"},
		{value: `10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" sip.example.com`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: `NAPTR record has both a regexp ("!^.*$!sip:info@example.com!") and a replacement ("sip.example.com"); they exclude each other`},
		{value: `10 "S" "SIP+D2U" "" 192.0.2.1`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: `NAPTR replacement "192.0.2.1" is an IP address`},
		{value: `10 "S" "SIP+D2U" "" sip`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: `NAPTR replacement "sip" is a single label`},
		{value: `10 "S" "` + strings.Repeat("s", 256) + `" "" .`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: "is 256 bytes; it holds at most 255"},
		{value: "10 \"S\" \"SIP\tD2U\" \"\" .", priority: int64p(100), field: dnsrecord.FieldValue,
			err: "NAPTR service \"SIP\\tD2U\" holds the control character U+0009"},
		{value: `10 "S" "SIP+D2U" "\d" .`, priority: int64p(100), field: dnsrecord.FieldValue,
			err: `has the escape \d`},
		{value: `10 "S" "SIP+D2U" "" _sip._udp.example.com`, field: dnsrecord.FieldPriority,
			err: "priority is required for NAPTR records: the order of the rule (lower is processed first), a number from 0 to 65535"},
		{value: `10 "S" "SIP+D2U" "" _sip._udp.example.com`, priority: int64p(65536), field: dnsrecord.FieldPriority,
			err: "priority 65536 is out of range"},
	}
	for _, tc := range cases {
		t.Run(tc.value, func(t *testing.T) {
			t.Parallel()
			got, err := dnsrecord.CanonicalData("NAPTR", tc.value, tc.priority)
			if tc.err != "" {
				assertError(t, err, tc.field, tc.err)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tc.want) {
				t.Errorf("CanonicalData = %s, want %s", describe(got), describe(tc.want))
			}
		})
	}
}

func TestNAPTRDisplayRoundTrip(t *testing.T) {
	t.Parallel()
	stored := dnsrecord.RData{
		Data: ".", Weight: int64p(100), NaptrPreference: int64p(10),
		NaptrFlag: "u", NaptrService: "E2U+sip", NaptrRegExp: `!^\+44(.*)$!sip:"\1"@example.com!`,
	}
	r, err := dnsrecord.FromAPI("example.com", "4.4", "NAPTR", stored)
	if err != nil {
		t.Fatal(err)
	}
	if r.NaptrFlag != "U" {
		t.Errorf("NaptrFlag = %q, want it in upper case", r.NaptrFlag)
	}
	d := r.Display()
	wantValue := `10 "U" "E2U+sip" "!^\\+44(.*)$!sip:\"\\1\"@example.com!" .`
	if d.Value != wantValue || d.Priority == nil || *d.Priority != 100 {
		t.Errorf("Display() = %q, %v; want %q, 100", d.Value, d.Priority, wantValue)
	}
	back, err := dnsrecord.Canonical("example.com", "NAPTR", d.Name, d.Value, d.Priority)
	if err != nil || !back.Equal(r) {
		t.Errorf("Canonical(Display()) = %s, %v; want %s", describe(back.RData), err, describe(r.RData))
	}
}

func TestNAPTRFromAPIRefusesMissingFields(t *testing.T) {
	t.Parallel()
	_, err := dnsrecord.FromAPI("example.com", "@", "NAPTR", dnsrecord.RData{Data: ".", Weight: int64p(1)})
	assertError(t, err, dnsrecord.FieldValue, "NAPTR preference is missing")
	_, err = dnsrecord.FromAPI("example.com", "@", "NAPTR", dnsrecord.RData{Data: ".", NaptrPreference: int64p(1)})
	assertError(t, err, dnsrecord.FieldPriority, "priority is required for NAPTR records")
}
