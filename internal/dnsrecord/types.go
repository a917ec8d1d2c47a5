package dnsrecord

import (
	"slices"
	"strings"
)

// The record types the API stores.
const (
	TypeA     = "A"
	TypeAAAA  = "AAAA"
	TypeCNAME = "CNAME"
	TypeMX    = "MX"
	TypeTXT   = "TXT"
	TypeNS    = "NS"
	TypeSRV   = "SRV"
	TypeCAA   = "CAA"
	TypeNAPTR = "NAPTR"
)

var supportedTypes = []string{TypeA, TypeAAAA, TypeCNAME, TypeMX, TypeTXT, TypeNS, TypeSRV, TypeCAA, TypeNAPTR}

// Types returns the supported record types in the order the documentation
// lists them.
func Types() []string {
	return append([]string(nil), supportedTypes...)
}

// IsSupportedType reports whether typ is a supported type, spelled in upper
// case as the API and the resource require.
func IsSupportedType(typ string) bool {
	return slices.Contains(supportedTypes, typ)
}

// TakesPriority reports whether records of type typ have a priority: the
// preference of MX, the priority of SRV and the order of NAPTR. It is
// required for those types and refused for the others.
func TakesPriority(typ string) bool {
	return typ == TypeMX || typ == TypeSRV || typ == TypeNAPTR
}

// checkType refuses an unsupported type, with a hint when only the case is
// wrong: type is case-sensitive so that state never holds two spellings.
func checkType(typ string) error {
	if IsSupportedType(typ) {
		return nil
	}
	if upper := strings.ToUpper(typ); IsSupportedType(upper) {
		return errorf(FieldType, "type %q must be written in upper case: %q", typ, upper)
	}
	return errorf(FieldType, "type %q is not supported; use one of %s", typ, strings.Join(supportedTypes, ", "))
}
