package dnsrecord

import (
	"net/netip"
	"strings"
)

// canonicalA accepts a dotted IPv4 address and nothing else: no IPv6, no
// leading zeros (some resolvers read 010 as octal), no shortened forms.
func canonicalA(value string) (string, error) {
	v := strings.TrimSpace(value)
	if v == "" {
		return "", errorf(FieldValue, "A value is empty; write an IPv4 address such as 192.0.2.1")
	}
	if strings.ContainsAny(v, " \t\r\n,") {
		return "", errorf(FieldValue, "A value %s holds more than one word; an A record holds one IPv4 address, so declare one record per address", show(value))
	}
	addr, err := netip.ParseAddr(v)
	switch {
	case err == nil && addr.Is4():
		return addr.String(), nil
	case err == nil && addr.Is4In6():
		return "", errorf(FieldValue, "value %s is an IPv6 address; A records hold IPv4 addresses (write %s, or use type AAAA)", show(value), addr.Unmap())
	case err == nil:
		return "", errorf(FieldValue, "value %s is an IPv6 address; A records hold IPv4 addresses (use type AAAA)", show(value))
	case hasLeadingZeroOctet(v):
		return "", errorf(FieldValue, "A value %s has an octet with a leading zero; write each octet in plain decimal, e.g. 192.0.2.1", show(value))
	}
	return "", errorf(FieldValue, "A value %s is not an IPv4 address; A records hold a dotted IPv4 address such as 192.0.2.1", show(value))
}

func hasLeadingZeroOctet(v string) bool {
	octets := strings.Split(v, ".")
	if len(octets) != 4 {
		return false
	}
	zero := false
	for _, o := range octets {
		if !allDigits(o) {
			return false
		}
		zero = zero || (len(o) > 1 && o[0] == '0')
	}
	return zero
}

// canonicalAAAA accepts any IPv6 spelling and returns its RFC 5952 form.
// IPv4-mapped addresses (::ffff:192.0.2.1) are refused: they belong in an A
// record, and implementations disagree on how to print them, so they would
// not round-trip reliably.
func canonicalAAAA(value string) (string, error) {
	v := strings.TrimSpace(value)
	if v == "" {
		return "", errorf(FieldValue, "AAAA value is empty; write an IPv6 address such as 2001:db8::1")
	}
	if strings.ContainsAny(v, " \t\r\n,") {
		return "", errorf(FieldValue, "AAAA value %s holds more than one word; an AAAA record holds one IPv6 address, so declare one record per address", show(value))
	}
	addr, err := netip.ParseAddr(v)
	switch {
	case err == nil && addr.Is4():
		return "", errorf(FieldValue, "value %s is an IPv4 address; AAAA records hold IPv6 addresses (use type A)", show(value))
	case err == nil && addr.Zone() != "":
		return "", errorf(FieldValue, "AAAA value %s has a zone index (%%%s); DNS holds the address alone, e.g. %s", show(value), addr.Zone(), addr.WithZone(""))
	case err == nil && addr.Is4In6():
		return "", errorf(FieldValue, "AAAA value %s is an IPv4-mapped address; put %s in an A record instead", show(value), addr.Unmap())
	case err == nil:
		return addr.String(), nil
	}
	return "", errorf(FieldValue, "AAAA value %s is not an IPv6 address; AAAA records hold an IPv6 address such as 2001:db8::1", show(value))
}
