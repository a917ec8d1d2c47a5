package dnsrecord

import (
	"fmt"
	"strconv"
	"strings"
)

// canonicalHostValue is the value of a CNAME, MX or NS record: one name.
// The API stores MX data as a host name, so it has no null MX (RFC 7505).
func canonicalHostValue(typ, value string) (string, error) {
	fields := strings.Fields(value)
	switch {
	case len(fields) == 1 && fields[0] == "." && typ == TypeMX:
		return "", errorf(FieldValue, `MX value "." is a null MX (RFC 7505), which Namebay cannot store: an MX record names a mail server, e.g. %q. To say the domain takes no mail, declare no MX record and publish the SPF record "v=spf1 -all"`,
			targetExample[TypeMX])
	case len(fields) == 2 && typ == TypeMX && isUint16(fields[0]):
		return "", errorf(FieldValue, "MX value %s starts with a preference; write only the mail server's host name and put %s in priority", show(value), fields[0])
	case len(fields) > 1:
		return "", errorf(FieldValue, "%s value %s holds more than one word; write one host name, e.g. %q", typ, show(value), targetExample[typ])
	case len(fields) == 0:
		return canonicalTarget(typ, "value", "", targetRules{})
	}
	return canonicalTarget(typ, "value", fields[0], targetRules{underscore: typ == TypeCNAME})
}

const srvExample = "5 5060 sip.example.com"

// canonicalSRV reads `weight port target` and returns it with plain decimal
// numbers and the target in canonical form ("." for "no service here").
func canonicalSRV(value string) (string, error) {
	fields := strings.Fields(value)
	if len(fields) == 4 && isUint16(fields[0]) && isUint16(fields[1]) && isUint16(fields[2]) {
		return "", errorf(FieldValue, "SRV value %s has four fields; the value is \"weight port target\" (e.g. %q) and the priority (%s) goes in priority",
			show(value), srvExample, fields[0])
	}
	if len(fields) != 3 {
		return "", errorf(FieldValue, "SRV value %s must be \"weight port target\", e.g. %q; the priority goes in priority", show(value), srvExample)
	}
	weight, err := parseUint16(fields[0])
	if err != nil {
		return "", errorf(FieldValue, "SRV weight %s in value %s is not a number from 0 to 65535", show(fields[0]), show(value))
	}
	port, err := parseUint16(fields[1])
	if err != nil {
		return "", errorf(FieldValue, "SRV port %s in value %s is not a number from 0 to 65535", show(fields[1]), show(value))
	}
	target, err := canonicalTarget(TypeSRV, "target", fields[2], targetRules{root: true})
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d %d %s", weight, port, target), nil
}

func parseUint16(s string) (uint64, error) { return strconv.ParseUint(s, 10, 16) }

func isUint16(s string) bool {
	_, err := parseUint16(s)
	return err == nil
}
