package namebay

import (
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

var recordTypes = []string{"A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "CAA", "NAPTR"}

const (
	maxHost      = 200
	maxData      = 4096
	maxTxtString = 255
)

var (
	srvOwnerPattern = regexp.MustCompile(`^_[a-z0-9][a-z0-9-]*\._[a-z0-9][a-z0-9-]*(\.|$)`)
	caaPattern      = regexp.MustCompile(`^([0-9]{1,3})\s+([A-Za-z0-9]+)\s+(.*)$`)
	naptrFlags      = regexp.MustCompile(`^[A-Za-z0-9]{0,8}$`)
	naptrService    = regexp.MustCompile(`^[A-Za-z0-9+:._-]{0,64}$`)
)

// validateRecord checks a record body and returns the record to store
// (without id, zone or date), in the API's normal form.
func validateRecord(in newRecord) (record, error) {
	r := record{Type: strings.ToUpper(strings.TrimSpace(in.Type))}
	if !slices.Contains(recordTypes, r.Type) {
		return record{}, errInvalid("Type", "Type %q is not one of %s.", in.Type, strings.Join(recordTypes, ", "))
	}
	var err error
	if r.Host, err = normalizeOwner(in.Host); err != nil {
		return record{}, err
	}
	switch {
	case r.Type == "CNAME" && r.Host == "@":
		return record{}, errInvalid("Host", "A CNAME cannot be at the apex (@) of a zone.")
	case r.Type == "SRV" && !srvOwnerPattern.MatchString(r.Host):
		return record{}, errInvalid("Host", "The Host of an SRV record starts with _service._proto (for example _sip._tcp), not %q.", r.Host)
	}
	if r.Data, err = normalizeData(r.Type, in.Data); err != nil {
		return record{}, err
	}
	if len(r.Data) > maxData {
		return record{}, errInvalid("Data", "Data is longer than %d bytes.", maxData)
	}
	if r.Type == "MX" || r.Type == "SRV" || r.Type == "NAPTR" {
		if in.Weight == nil || *in.Weight < 0 || *in.Weight > 65535 {
			return record{}, errInvalid("Weight", "A %s record needs a Weight from 0 to 65535.", r.Type)
		}
		w := *in.Weight
		r.Weight = &w
	}
	if r.Type == "NAPTR" {
		if err := validateNaptr(in, &r); err != nil {
			return record{}, err
		}
	}
	return r, nil
}

// normalizeOwner lower-cases a Host and checks it: "@", a name relative to
// the zone, or a wildcard "*" / "*.label".
func normalizeOwner(host string) (string, error) {
	h := strings.ToLower(strings.TrimSpace(host))
	if h == "" || len(h) > maxHost {
		return "", errInvalid("Host", "Host must be 1 to %d characters (@ for the apex).", maxHost)
	}
	if h == "@" || h == "*" {
		return h, nil
	}
	for i, label := range strings.Split(h, ".") {
		wildcard := i == 0 && label == "*"
		if !wildcard && !labelPattern.MatchString(label) {
			return "", errInvalid("Host", "Host %q is not a name relative to the zone (labels of letters, digits, '-' and '_'; @ for the apex; * or *.label for a wildcard).", host)
		}
	}
	return h, nil
}

func normalizeData(typ, data string) (string, error) {
	switch typ {
	case "A", "AAAA":
		addr, err := netip.ParseAddr(strings.TrimSpace(data))
		if err != nil || (typ == "A") != addr.Is4() || addr.Zone() != "" {
			family := map[string]string{"A": "an IPv4", "AAAA": "an IPv6"}[typ]
			return "", errInvalid("Data", "Data %q of a %s record is not %s address.", data, typ, family)
		}
		return addr.String(), nil
	case "CNAME", "MX", "NS":
		return hostData(typ, data, false)
	case "NAPTR":
		return hostData(typ, data, true)
	case "TXT":
		return normalizeTXT(data)
	case "SRV":
		return normalizeSRV(data)
	default: // CAA
		return normalizeCAA(data)
	}
}

// hostData normalises a target host name; root allows "." (no target).
func hostData(typ, data string, root bool) (string, error) {
	if root && strings.TrimSpace(data) == "." {
		return ".", nil
	}
	name := normalizeHostName(data)
	if !isHostName(name) {
		return "", errInvalid("Data", "Data %q of a %s record is not a host name.", data, typ)
	}
	return name, nil
}

func normalizeSRV(data string) (string, error) {
	fields := strings.Fields(data)
	if len(fields) != 3 {
		return "", errInvalid("Data", "Data of an SRV record is \"weight port target\" (the priority goes in Weight), not %q.", data)
	}
	weight, err1 := strconv.ParseUint(fields[0], 10, 16)
	port, err2 := strconv.ParseUint(fields[1], 10, 16)
	if err1 != nil || err2 != nil {
		return "", errInvalid("Data", "The weight and port of an SRV record are integers from 0 to 65535, in %q.", data)
	}
	target, err := hostData("SRV", fields[2], true)
	if err != nil {
		return "", err
	}
	return strconv.FormatUint(weight, 10) + " " + strconv.FormatUint(port, 10) + " " + target, nil
}

func normalizeCAA(data string) (string, error) {
	m := caaPattern.FindStringSubmatch(strings.TrimSpace(data))
	if m == nil {
		return "", errInvalid("Data", "Data of a CAA record is `flags tag \"value\"`, not %q.", data)
	}
	flags, err := strconv.ParseUint(m[1], 10, 8)
	if err != nil {
		return "", errInvalid("Data", "The flags of a CAA record are an integer from 0 to 255, in %q.", data)
	}
	tag := strings.ToLower(m[2])
	if tag != "issue" && tag != "issuewild" && tag != "iodef" {
		return "", errInvalid("Data", "The tag of a CAA record is issue, issuewild or iodef, not %q.", m[2])
	}
	value := m[3]
	if strings.HasPrefix(value, `"`) {
		parts, err := parseQuoted(value)
		if err != nil || len(parts) != 1 {
			return "", errInvalid("Data", "The value of a CAA record is one quoted string, in %q.", data)
		}
		value = parts[0]
	} else if strings.ContainsAny(value, " \t") {
		return "", errInvalid("Data", "Quote the value of a CAA record that has spaces, in %q.", data)
	}
	if tag == "iodef" && !strings.HasPrefix(value, "mailto:") && !strings.HasPrefix(value, "https://") && !strings.HasPrefix(value, "http://") {
		return "", errInvalid("Data", "The value of a CAA iodef record is a mailto: or http(s):// URL, not %q.", value)
	}
	return strconv.FormatUint(flags, 10) + " " + tag + " " + quote(value), nil
}

func validateNaptr(in newRecord, r *record) error {
	if in.NaptrPreference == nil || *in.NaptrPreference < 0 || *in.NaptrPreference > 65535 {
		return errInvalid("NaptrPreference", "A NAPTR record needs a NaptrPreference from 0 to 65535.")
	}
	if !naptrFlags.MatchString(in.NaptrFlag) {
		return errInvalid("NaptrFlag", "NaptrFlag %q is not up to 8 letters or digits (S, A, U or P).", in.NaptrFlag)
	}
	if !naptrService.MatchString(in.NaptrService) {
		return errInvalid("NaptrService", "NaptrService %q is not a service such as E2U+sip.", in.NaptrService)
	}
	if len(in.NaptrRegExp) > 255 || strings.ContainsFunc(in.NaptrRegExp, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return errInvalid("NaptrRegExp", "NaptrRegExp is at most 255 printable characters.")
	}
	p := *in.NaptrPreference
	r.NaptrPreference = &p
	r.NaptrFlag, r.NaptrService, r.NaptrRegExp = strings.ToUpper(in.NaptrFlag), in.NaptrService, in.NaptrRegExp
	return nil
}

// normalizeTXT stores TXT data as quoted strings of at most 255 bytes:
// quoted input is checked and rewritten canonically, unquoted text is
// quoted and split (never inside a UTF-8 character).
func normalizeTXT(data string) (string, error) {
	var parts []string
	if strings.HasPrefix(strings.TrimSpace(data), `"`) {
		var err error
		if parts, err = parseQuoted(data); err != nil {
			return "", errInvalid("Data", "Data of a TXT record: %v.", err)
		}
		for _, p := range parts {
			if len(p) > maxTxtString {
				return "", errInvalid("Data", "Each quoted string of a TXT record is at most %d bytes; split the text into several strings.", maxTxtString)
			}
		}
	} else {
		if data == "" {
			return "", errInvalid("Data", "Data of a TXT record cannot be empty.")
		}
		parts = splitText(data)
	}
	quoted := make([]string, len(parts))
	for i, p := range parts {
		quoted[i] = quote(p)
	}
	return strings.Join(quoted, " "), nil
}

// parseQuoted reads a sequence of "quoted" strings separated by blanks,
// with \" , \\ and \DDD escapes.
func parseQuoted(s string) ([]string, error) {
	var parts []string
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i == len(s) {
			if len(parts) == 0 {
				return nil, errQuoted("no quoted string")
			}
			return parts, nil
		}
		if s[i] != '"' {
			return nil, errQuoted("text outside quotes")
		}
		i++
		var b strings.Builder
		for {
			if i == len(s) {
				return nil, errQuoted("unterminated quoted string")
			}
			ch := s[i]
			if ch == '"' {
				i++
				break
			}
			if ch == '\\' {
				if i+3 < len(s) && isDigits(s[i+1:i+4]) {
					n, _ := strconv.Atoi(s[i+1 : i+4])
					if n > 255 {
						return nil, errQuoted("escape \\" + s[i+1:i+4] + " is above 255")
					}
					b.WriteByte(byte(n))
					i += 4
					continue
				}
				if i+1 == len(s) {
					return nil, errQuoted("unterminated quoted string")
				}
				i++
				ch = s[i]
			}
			b.WriteByte(ch)
			i++
		}
		if i < len(s) && s[i] != ' ' && s[i] != '\t' {
			return nil, errQuoted("quoted strings must be separated by spaces")
		}
		parts = append(parts, b.String())
	}
}

type errQuoted string

func (e errQuoted) Error() string { return string(e) }

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// splitText cuts s into pieces of at most 255 bytes at character boundaries.
func splitText(s string) []string {
	var parts []string
	for len(s) > maxTxtString {
		cut := maxTxtString
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		parts = append(parts, s[:cut])
		s = s[cut:]
	}
	return append(parts, s)
}

// quote writes s as one quoted string, escaping '"' and '\\' with a
// backslash, and control bytes (and every non-ASCII byte when s is not
// UTF-8) as \DDD.
func quote(s string) string {
	utf8Text := utf8.ValidString(s)
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < ' ' || c == 0x7f || (c >= 0x80 && !utf8Text):
			fmt.Fprintf(&b, "\\%03d", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
