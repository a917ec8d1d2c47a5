package dnsrecord_test

import (
	"strings"
	"testing"
)

func TestCNAME(t *testing.T) {
	t.Parallel()
	runDataCases(t, "CNAME", []dataCase{
		{value: "target.example.net", want: "target.example.net"},
		{value: "target.example.net.", want: "target.example.net"},
		{value: "Target.Example.NET.", want: "target.example.net"},
		{value: " target.example.net ", want: "target.example.net"},
		{value: "münchen.de", want: "xn--mnchen-3ya.de"},
		{value: "xn--mnchen-3ya.de.", want: "xn--mnchen-3ya.de"},
		{value: "MÜNCHEN.DE.", want: "xn--mnchen-3ya.de"},
		{value: "s1._domainkey.mail.example.net", want: "s1._domainkey.mail.example.net"},
		{value: "_acme-challenge.example.org.", want: "_acme-challenge.example.org"},
		{value: "www", err: `CNAME value "www" is a single label; targets are absolute names, e.g. "target.example.net"`},
		{value: "www.", err: "is a single label"},
		{value: ".", err: `CNAME value "." is the DNS root; write a host name`},
		{value: "192.0.2.1", err: `CNAME value "192.0.2.1" is an IP address; CNAME records point to a host name`},
		{value: "2001:db8::1", err: "is an IP address"},
		{value: "192.0.2.1.", err: "is an IP address"},
		{value: "a..example.com", err: "has an empty label"},
		{value: "*.example.com", err: `with the character '*'`},
		{value: "example.123", err: "ends with an all-numeric label"},
		{value: "a.example.com b.example.com", err: "holds more than one word; write one host name"},
		{value: "", err: "CNAME value is empty"},
	})
}

func TestMX(t *testing.T) {
	t.Parallel()
	runDataCases(t, "MX", []dataCase{
		{value: "mail.example.com", priority: int64p(10), want: "mail.example.com"},
		{value: "MAIL.Example.com.", priority: int64p(0), want: "mail.example.com"},
		{value: "mx.münchen.de", priority: int64p(65535), want: "mx.xn--mnchen-3ya.de"},
		{value: ".", priority: int64p(0), err: `MX value "." is a null MX (RFC 7505), which Namebay cannot store`},
		{value: " . ", priority: int64p(0), err: "is a null MX"},
		{value: "10 mail.example.com", priority: int64p(10), err: `MX value "10 mail.example.com" starts with a preference; write only the mail server's host name and put 10 in priority`},
		{value: "192.0.2.25", priority: int64p(10), err: "is an IP address; MX records point to a host name"},
		{value: "mail", priority: int64p(10), err: `MX value "mail" is a single label; targets are absolute names, e.g. "mail.example.com"`},
		{value: "_mail.example.com", priority: int64p(10), err: `has a label "_mail" with the character '_'; labels hold letters, digits and hyphens`},
	})
}

func TestNS(t *testing.T) {
	t.Parallel()
	runDataCases(t, "NS", []dataCase{
		{value: "ns1.example.net", want: "ns1.example.net"},
		{value: "NS1.Example.Net.", want: "ns1.example.net"},
		{value: ".", err: `NS value "." is the DNS root`},
		{value: "192.0.2.53", err: "NS value \"192.0.2.53\" is an IP address"},
		{value: "ns1", err: `is a single label; targets are absolute names, e.g. "ns1.example.net"`},
		{value: "ns1.example.net ns2.example.net", err: "holds more than one word"},
	})
}

func TestSRV(t *testing.T) {
	t.Parallel()
	runDataCases(t, "SRV", []dataCase{
		{value: "5 5060 sip.example.com", priority: int64p(10), want: "5 5060 sip.example.com"},
		{value: "5 5060 SIP.Example.COM.", priority: int64p(10), want: "5 5060 sip.example.com"},
		{value: "  05\t05060   sip.example.com.  ", priority: int64p(10), want: "5 5060 sip.example.com"},
		{value: "0 0 .", priority: int64p(0), want: "0 0 ."},
		{value: "65535 65535 xmpp.münchen.de", priority: int64p(1), want: "65535 65535 xmpp.xn--mnchen-3ya.de"},
		{value: "10 5 5060 sip.example.com", priority: int64p(10), err: `SRV value "10 5 5060 sip.example.com" has four fields; the value is "weight port target" (e.g. "5 5060 sip.example.com") and the priority (10) goes in priority`},
		{value: "5060 sip.example.com", priority: int64p(10), err: `must be "weight port target"`},
		{value: "", priority: int64p(10), err: `must be "weight port target"`},
		{value: "x 5060 sip.example.com", priority: int64p(10), err: `SRV weight "x" in value "x 5060 sip.example.com" is not a number from 0 to 65535`},
		{value: "5 65536 sip.example.com", priority: int64p(10), err: `SRV port "65536"`},
		{value: "5 -1 sip.example.com", priority: int64p(10), err: `SRV port "-1"`},
		{value: "5 5060 sip", priority: int64p(10), err: `SRV target "sip" is a single label`},
		{value: "5 5060 192.0.2.1", priority: int64p(10), err: `SRV target "192.0.2.1" is an IP address`},
		{value: "5 5060 _sip.example.com", priority: int64p(10), err: `with the character '_'`},
	})
}

func TestTargetLength(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("abcdefghi.", 25) + "com" // 253 characters
	runDataCases(t, "CNAME", []dataCase{
		{value: long + ".", want: long},
		{value: "a" + long, err: "is 254 characters long; a domain name holds at most 253"},
	})
}
