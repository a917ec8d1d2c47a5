package dnsrecord_test

import "testing"

func TestA(t *testing.T) {
	t.Parallel()
	runDataCases(t, "A", []dataCase{
		{value: "192.0.2.1", want: "192.0.2.1"},
		{value: "0.0.0.0", want: "0.0.0.0"},
		{value: "255.255.255.255", want: "255.255.255.255"},
		{value: " 192.0.2.1\n", want: "192.0.2.1"},
		{value: "2001:db8::1", err: `value "2001:db8::1" is an IPv6 address; A records hold IPv4 addresses (use type AAAA)`},
		{value: "::ffff:192.0.2.1", err: `is an IPv6 address; A records hold IPv4 addresses (write 192.0.2.1, or use type AAAA)`},
		{value: "192.0.2.01", err: `A value "192.0.2.01" has an octet with a leading zero; write each octet in plain decimal`},
		{value: "010.0.0.1", err: "leading zero"},
		{value: "192.0.2", err: `A value "192.0.2" is not an IPv4 address; A records hold a dotted IPv4 address such as 192.0.2.1`},
		{value: "192.0.2.256", err: "is not an IPv4 address"},
		{value: "3221225985", err: "is not an IPv4 address"},
		{value: "0x7f.0.0.1", err: "is not an IPv4 address"},
		{value: "www.example.com", err: "is not an IPv4 address"},
		{value: "192.0.2.1 192.0.2.2", err: "holds more than one word; an A record holds one IPv4 address"},
		{value: "192.0.2.1,192.0.2.2", err: "holds more than one word"},
		{value: "", err: "A value is empty"},
	})
}

func TestAAAA(t *testing.T) {
	t.Parallel()
	runDataCases(t, "AAAA", []dataCase{
		{value: "2001:db8::1", want: "2001:db8::1"},
		{value: "2001:DB8::1", want: "2001:db8::1"},
		{value: "2001:0db8:0000:0000:0000:0000:0000:0001", want: "2001:db8::1"},
		{value: "2001:db8:0:0:1:0:0:1", want: "2001:db8::1:0:0:1"},
		{value: "2001:db8:0:1:1:1:1:1", want: "2001:db8:0:1:1:1:1:1"},
		{value: "2001:0:0:1:0:0:0:1", want: "2001:0:0:1::1"},
		{value: "::", want: "::"},
		{value: "::1", want: "::1"},
		{value: "fe80::", want: "fe80::"},
		{value: "::192.0.2.1", want: "::c000:201"},
		{value: "  2001:db8::1 ", want: "2001:db8::1"},
		{value: "192.0.2.1", err: `value "192.0.2.1" is an IPv4 address; AAAA records hold IPv6 addresses (use type A)`},
		{value: "::ffff:192.0.2.1", err: `AAAA value "::ffff:192.0.2.1" is an IPv4-mapped address; put 192.0.2.1 in an A record instead`},
		{value: "::ffff:c000:201", err: "is an IPv4-mapped address"},
		{value: "fe80::1%eth0", err: `has a zone index (%eth0); DNS holds the address alone, e.g. fe80::1`},
		{value: "[2001:db8::1]", err: "is not an IPv6 address; AAAA records hold an IPv6 address such as 2001:db8::1"},
		{value: "2001:db8::g", err: "is not an IPv6 address"},
		{value: "2001:db8:::1", err: "is not an IPv6 address"},
		{value: "2001:db8::1 2001:db8::2", err: "holds more than one word"},
		{value: "", err: "AAAA value is empty"},
	})
}
