package dnsrecord

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

const (
	maxNameLen  = 253 // a domain name, without its final dot
	maxLabelLen = 63
	maxHostLen  = 200 // the API's limit on Host
)

// apex is the Host of records at the zone apex.
const apex = "@"

// IsApex reports whether a canonical Host names the zone apex.
func IsApex(host string) bool { return host == apex }

// labelRules are the characters a name may hold besides letters, digits and
// hyphens.
type labelRules struct {
	underscore bool // owner names (_dmarc, _sip._tcp) and CNAME/NAPTR targets
	wildcard   bool // owner names: "*" as the whole leftmost label
}

// CanonicalZone returns the zone as the API names it: lower-case ASCII, with
// internationalised labels in punycode and without the final dot. It refuses
// anything that is not a domain name of at least two LDH labels.
func CanonicalZone(zone string) (string, error) {
	if zone == "" {
		return "", errorf(FieldZone, `zone is empty; write the domain name, e.g. "example.com"`)
	}
	name := strings.TrimSuffix(zone, ".")
	if isIPAddress(name) {
		return "", errorf(FieldZone, `zone %s is an IP address; write the domain name, e.g. "example.com"`, show(zone))
	}
	labels, err := asciiLabels(name, labelRules{})
	if err != nil {
		return "", errorf(FieldZone, "zone %s %v", show(zone), err)
	}
	if len(labels) < 2 {
		return "", errorf(FieldZone, `zone %s has a single label; write the whole domain name, e.g. "example.com"`, show(zone))
	}
	if allDigits(labels[len(labels)-1]) {
		return "", errorf(FieldZone, "zone %s ends with an all-numeric label; top-level domains hold letters", show(zone))
	}
	return strings.Join(labels, "."), nil
}

// RelativeHost returns the API's Host for the owner name written in a
// resource: "@" for the apex ("", "@", or the zone itself), otherwise the
// lower-case punycode labels relative to the zone.
//
// A name that ends with a dot is absolute and must end with the zone. A name
// without the final dot that ends with the zone is taken as absolute too, so
// "www.example.com" in zone "example.com" is "www"; any other name is
// relative. Underscores are allowed in any label; "*" only as the whole
// leftmost label.
func RelativeHost(zone, name string) (string, error) {
	z, err := CanonicalZone(zone)
	if err != nil {
		return "", err
	}
	return relativeHost(z, name)
}

// relativeHost is RelativeHost for a zone already in canonical form.
func relativeHost(zone, name string) (string, error) {
	if name == "" || name == apex {
		return apex, nil
	}
	absolute := strings.HasSuffix(name, ".")
	outside := func() error {
		return errorf(FieldName, `name %s is outside zone %q; write it relative to the zone ("www", "@" for the apex) or ending with the zone ("www.%s.")`,
			show(name), zone, zone)
	}
	if name == "." {
		return "", outside()
	}
	labels, err := asciiLabels(strings.TrimSuffix(name, "."), labelRules{underscore: true, wildcard: true})
	if err != nil {
		return "", errorf(FieldName, "name %s %v", show(name), err)
	}
	host := strings.Join(labels, ".")
	switch {
	case host == zone:
		return apex, nil
	case strings.HasSuffix(host, "."+zone):
		host = strings.TrimSuffix(host, "."+zone)
	case absolute:
		return "", outside()
	}
	if err := checkHostLength(zone, host); err != nil {
		return "", errorf(FieldName, "name %s %v", show(name), err)
	}
	return host, nil
}

// storedHost canonicalises a Host read from the API, which is always
// relative to the zone, even when it happens to end with the zone's name.
func storedHost(zone, host string) (string, error) {
	if host == "" || host == apex {
		return apex, nil
	}
	labels, err := asciiLabels(host, labelRules{underscore: true, wildcard: true})
	if err == nil {
		host = strings.Join(labels, ".")
		err = checkHostLength(zone, host)
	}
	if err != nil {
		return "", errorf(FieldName, "host %s %v", show(host), err)
	}
	return host, nil
}

func checkHostLength(zone, host string) error {
	if len(host) > maxHostLen {
		return fmt.Errorf("is %d characters relative to the zone; the API stores at most %d", len(host), maxHostLen)
	}
	if n := len(host) + 1 + len(zone); n > maxNameLen {
		return fmt.Errorf("makes a full name of %d characters; a domain name holds at most %d", n, maxNameLen)
	}
	return nil
}

// ValidateOwner refuses a canonical Host that records of type typ cannot
// have: SRV records live under _service._proto, and a CNAME cannot sit at
// the apex beside the zone's SOA and NS records.
func ValidateOwner(typ, host string) error {
	switch typ {
	case TypeSRV:
		labels := strings.Split(host, ".")
		if len(labels) < 2 || !isUnderscoreLabel(labels[0]) || !isUnderscoreLabel(labels[1]) {
			return errorf(FieldName, `SRV records need a name that starts with _service._proto, such as "_sip._tcp" or "_imaps._tcp.mail"; got %q`, host)
		}
	case TypeCNAME:
		if IsApex(host) {
			return errorf(FieldName, `a CNAME record cannot be at the zone apex ("@"): the apex holds the zone's SOA and NS records`)
		}
	}
	return nil
}

func isUnderscoreLabel(label string) bool {
	return len(label) > 1 && label[0] == '_'
}

// targetRules say what a record's target name may be besides a host name.
type targetRules struct {
	underscore bool // CNAME and NAPTR replacements may point at _service names
	root       bool // "." means "no target": SRV "no service", NAPTR without replacement
}

// targetExample is the example each type's error messages give.
var targetExample = map[string]string{
	TypeCNAME: "target.example.net",
	TypeMX:    "mail.example.com",
	TypeNS:    "ns1.example.net",
	TypeSRV:   "sip.example.com",
	TypeNAPTR: "_sip._udp.example.com",
}

// canonicalTarget returns the name a record points to in canonical form:
// lower-case punycode without the final dot, or "." where rules allow it.
// Targets are always absolute names, whether or not they end with a dot.
func canonicalTarget(typ, what, target string, rules targetRules) (string, error) {
	example := targetExample[typ]
	if target == "" {
		return "", errorf(FieldValue, "%s %s is empty; write a host name, e.g. %q", typ, what, example)
	}
	if target == "." {
		if rules.root {
			return ".", nil
		}
		return "", errorf(FieldValue, "%s %s %q is the DNS root; write a host name, e.g. %q", typ, what, target, example)
	}
	name := strings.TrimSuffix(target, ".")
	if isIPAddress(name) {
		return "", errorf(FieldValue, "%s %s %s is an IP address; %s records point to a host name, so give the address an A or AAAA record and use its name, e.g. %q",
			typ, what, show(target), typ, example)
	}
	labels, err := asciiLabels(name, labelRules{underscore: rules.underscore})
	if err != nil {
		return "", errorf(FieldValue, "%s %s %s %v", typ, what, show(target), err)
	}
	if len(labels) < 2 {
		return "", errorf(FieldValue, "%s %s %s is a single label; targets are absolute names, e.g. %q", typ, what, show(target), example)
	}
	if allDigits(labels[len(labels)-1]) {
		return "", errorf(FieldValue, "%s %s %s ends with an all-numeric label; top-level domains hold letters", typ, what, show(target))
	}
	return strings.Join(labels, "."), nil
}

// asciiLabels splits a name without its final dot into lower-case ASCII
// labels, internationalised labels converted to punycode. Its errors are
// phrased to follow the name in a message.
func asciiLabels(name string, rules labelRules) ([]string, error) {
	if !utf8.ValidString(name) {
		return nil, errors.New("is not valid UTF-8")
	}
	labels := strings.Split(mapDots(name), ".")
	for i, label := range labels {
		ascii, err := asciiLabel(label, rules)
		if err != nil {
			return nil, err
		}
		if ascii == "*" && i > 0 {
			return nil, errors.New(`has "*" after its first label; a wildcard is only allowed as the whole leftmost label, as in "*" or "*.dev"`)
		}
		labels[i] = ascii
	}
	if n := len(strings.Join(labels, ".")); n > maxNameLen {
		return nil, fmt.Errorf("is %d characters long; a domain name holds at most %d", n, maxNameLen)
	}
	return labels, nil
}

// mapDots turns the full stops IDNA treats as label separators into ".".
func mapDots(name string) string {
	if isASCII(name) {
		return name
	}
	return strings.NewReplacer("\u3002", ".", "\uff0e", ".", "\uff61", ".").Replace(name)
}

func asciiLabel(label string, rules labelRules) (string, error) {
	if label == "" {
		return "", errors.New("has an empty label (a dot at the start, or two dots in a row)")
	}
	if label == "*" && rules.wildcard {
		return label, nil
	}
	if isASCII(label) {
		label = strings.ToLower(label)
	}
	if !isASCII(label) || strings.HasPrefix(label, "xn--") {
		// Lookup maps (lower-cases, normalises) and validates a Unicode
		// label, and decodes, checks and re-encodes a punycode one, so both
		// spellings of a label end in the same ASCII form.
		converted, err := idna.Lookup.ToASCII(label)
		if err != nil || converted == "" || strings.Contains(converted, ".") {
			return "", fmt.Errorf("has a label %q that is not a valid internationalised label", label)
		}
		label = converted
	}
	if len(label) > maxLabelLen {
		return "", fmt.Errorf("has a label of %d characters (%s); a label holds at most %d", len(label), show(label), maxLabelLen)
	}
	allowed := "letters, digits and hyphens"
	if rules.underscore {
		allowed = "letters, digits, hyphens and underscores"
	}
	for _, r := range label {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '-':
		case r == '_' && rules.underscore:
		case r == '*' && rules.wildcard:
			return "", errors.New(`has "*" inside a label; a wildcard is only allowed as the whole leftmost label, as in "*" or "*.dev"`)
		default:
			return "", fmt.Errorf("has a label %q with the character %q; labels hold %s", label, r, allowed)
		}
	}
	if label[0] == '-' || label[len(label)-1] == '-' {
		ends := "a letter or digit"
		if rules.underscore {
			ends = "a letter, digit or underscore"
		}
		return "", fmt.Errorf("has a label %q that starts or ends with a hyphen; labels start and end with %s", label, ends)
	}
	return label, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isIPAddress(s string) bool {
	_, err := netip.ParseAddr(s)
	return err == nil
}
