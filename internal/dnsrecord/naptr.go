package dnsrecord

import (
	"fmt"
	"strings"
)

const naptrExample = `10 "S" "SIP+D2U" "" _sip._udp.example.com`

// The API's limits on the NAPTR flags and service.
const (
	maxNaptrFlags     = 8
	maxNaptrService   = 64
	naptrServicePunct = "+:._-"
)

// parseNAPTR reads a NAPTR value, `preference "flags" "service" "regexp"
// replacement`; the order is the record's priority, not part of the value. The three strings may
// be written without quotes when they hold no space.
func parseNAPTR(value string) (RData, error) {
	ws, err := words(value)
	if err != nil {
		return RData{}, errorf(FieldValue, "NAPTR value %s %v", show(value), err)
	}
	if len(ws) == 6 && !ws[0].quoted && !ws[1].quoted && isUint16(ws[0].text) && isUint16(ws[1].text) {
		return RData{}, errorf(FieldValue, "NAPTR value %s starts with two numbers; the value is `preference \"flags\" \"service\" \"regexp\" replacement` (e.g. %s) and the order (%s) goes in priority",
			show(value), naptrExample, ws[0].text)
	}
	if len(ws) != 5 {
		return RData{}, errorf(FieldValue, "NAPTR value %s must be `preference \"flags\" \"service\" \"regexp\" replacement`, e.g. %s; the order goes in priority",
			show(value), naptrExample)
	}
	if ws[0].quoted || !isUint16(ws[0].text) {
		return RData{}, errorf(FieldValue, "NAPTR preference %s in value %s is not a number from 0 to 65535", show(ws[0].text), show(value))
	}
	if ws[4].quoted {
		return RData{}, errorf(FieldValue, "NAPTR replacement %s in value %s is quoted; write the domain name, or . for none, without quotes", show(ws[4].text), show(value))
	}
	pref, _ := parseUint16(ws[0].text)
	p := int64(pref)
	return canonicalNAPTR(&p, ws[1].text, ws[2].text, ws[3].text, ws[4].text)
}

// canonicalNAPTR checks the fields of a NAPTR record and returns them in
// canonical form: flags in upper case (RFC 3403 makes them case-insensitive),
// service and regexp as they are, the replacement as a canonical name or ".".
// The order is checked by the caller.
func canonicalNAPTR(preference *int64, flags, service, regexp, replacement string) (RData, error) {
	if preference == nil || *preference < 0 || *preference > 65535 {
		return RData{}, errorf(FieldValue, "NAPTR preference is missing or outside 0 to 65535; the value is `preference \"flags\" \"service\" \"regexp\" replacement`, e.g. %s", naptrExample)
	}
	for _, f := range []struct{ name, text string }{{"flags", flags}, {"service", service}, {"regexp", regexp}} {
		if r, bad := controlChar(f.text); bad {
			return RData{}, controlCharError(TypeNAPTR, f.name, f.text, r)
		}
		if len(f.text) > maxStringLen {
			return RData{}, errorf(FieldValue, "NAPTR %s %s is %d bytes; it holds at most %d", f.name, show(f.text), len(f.text), maxStringLen)
		}
	}
	for _, r := range flags {
		if !isAlnum(r) {
			return RData{}, errorf(FieldValue, `NAPTR flags %s hold %q; flags are letters and digits, such as "S", "A", "U" or "P"`, show(flags), r)
		}
	}
	if len(flags) > maxNaptrFlags {
		return RData{}, errorf(FieldValue, `NAPTR flags %s are %d characters; the API stores at most %d, such as "S", "A", "U" or "P"`, show(flags), len(flags), maxNaptrFlags)
	}
	for _, r := range service {
		if !isAlnum(r) && !strings.ContainsRune(naptrServicePunct, r) {
			return RData{}, errorf(FieldValue, `NAPTR service %s holds %q; a service holds letters, digits and the characters %s, such as "SIP+D2U" or "E2U+sip"`,
				show(service), r, naptrServicePunct)
		}
	}
	if len(service) > maxNaptrService {
		return RData{}, errorf(FieldValue, "NAPTR service %s is %d characters; the API stores at most %d", show(service), len(service), maxNaptrService)
	}
	target, err := canonicalTarget(TypeNAPTR, "replacement", replacement, targetRules{underscore: true, root: true})
	if err != nil {
		return RData{}, err
	}
	if regexp != "" && target != "." {
		return RData{}, errorf(FieldValue, `NAPTR record has both a regexp (%s) and a replacement (%s); they exclude each other, so make the replacement "." when the regexp is used`,
			show(regexp), show(replacement))
	}
	pref := *preference
	return RData{
		Data:            target,
		NaptrPreference: &pref,
		NaptrFlag:       strings.ToUpper(flags),
		NaptrService:    service,
		NaptrRegExp:     regexp,
	}, nil
}

// formatNAPTR writes NAPTR fields as the resource's value.
func formatNAPTR(d RData) string {
	var pref int64
	if d.NaptrPreference != nil {
		pref = *d.NaptrPreference
	}
	return fmt.Sprintf("%d %s %s %s %s", pref, quote(d.NaptrFlag), quote(d.NaptrService), quote(d.NaptrRegExp), d.Data)
}

func isAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}
