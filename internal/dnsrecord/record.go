package dnsrecord

import (
	"errors"
	"strings"
)

// maxDataLen is the API's limit on a record's Data.
const maxDataLen = 4096

// RData is a record's data in the API's fields.
type RData struct {
	// Data is the API's Data: the address, target, TXT strings, SRV or CAA
	// fields, or the NAPTR replacement.
	Data string
	// Weight is the API's Weight: the MX preference, the SRV priority or
	// the NAPTR order; nil for the other types.
	Weight *int64
	// The NAPTR fields; empty for the other types.
	NaptrPreference *int64
	NaptrFlag       string
	NaptrService    string
	NaptrRegExp     string
}

// Equal reports whether d and o hold the same data.
func (d RData) Equal(o RData) bool {
	return d.Data == o.Data &&
		sameInt(d.Weight, o.Weight) &&
		sameInt(d.NaptrPreference, o.NaptrPreference) &&
		d.NaptrFlag == o.NaptrFlag &&
		d.NaptrService == o.NaptrService &&
		d.NaptrRegExp == o.NaptrRegExp
}

func sameInt(a, b *int64) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// Record is one DNS record in canonical form: Zone as CanonicalZone returns
// it, Host as the API stores it, and the data in the API's fields.
type Record struct {
	Zone string
	Host string
	Type string
	RData
}

// Equal reports whether r and o are the same record. Both must be in
// canonical form, as Canonical and FromAPI return them.
func (r Record) Equal(o Record) bool {
	return r.Zone == o.Zone && r.Host == o.Host && r.Type == o.Type && r.RData.Equal(o.RData)
}

// Canonical returns the record a resource's attributes describe, in the
// form the API stores it. It reports every attribute it finds wrong; use
// Errors to list them with their fields.
func Canonical(zone, typ, name, value string, priority *int64) (Record, error) {
	if err := checkType(typ); err != nil {
		return Record{}, err
	}
	var errs []error
	r := Record{Type: typ}
	if z, err := CanonicalZone(zone); err != nil {
		errs = append(errs, err)
	} else if host, err := relativeHost(z, name); err != nil {
		errs = append(errs, err)
	} else if err := ValidateOwner(typ, host); err != nil {
		errs = append(errs, err)
	} else {
		r.Zone, r.Host = z, host
	}
	d, err := CanonicalData(typ, value, priority)
	if err != nil {
		errs = append(errs, err)
	}
	r.RData = d
	if err := join(errs); err != nil {
		return Record{}, err
	}
	return r, nil
}

// CanonicalData returns the API's fields for a record's type, value and
// priority, without the owner name (so it can run before the zone is known).
func CanonicalData(typ, value string, priority *int64) (RData, error) {
	if err := checkType(typ); err != nil {
		return RData{}, err
	}
	var errs []error
	weight, err := canonicalPriority(typ, priority)
	if err != nil {
		errs = append(errs, err)
	}
	d, err := canonicalValue(typ, value)
	if err != nil {
		errs = append(errs, err)
	}
	if err := join(errs); err != nil {
		return RData{}, err
	}
	d.Weight = weight
	return d, nil
}

// canonicalValue reads the value attribute of a record of type typ.
func canonicalValue(typ, value string) (RData, error) {
	var d RData
	var err error
	switch typ {
	case TypeA:
		d.Data, err = canonicalA(value)
	case TypeAAAA:
		d.Data, err = canonicalAAAA(value)
	case TypeCNAME, TypeMX, TypeNS:
		d.Data, err = canonicalHostValue(typ, value)
	case TypeTXT:
		d.Data, err = canonicalTXT(value)
	case TypeSRV:
		d.Data, err = canonicalSRV(value)
	case TypeCAA:
		d.Data, err = canonicalCAA(value)
	case TypeNAPTR:
		d, err = parseNAPTR(value)
	}
	if err == nil && len(d.Data) > maxDataLen {
		err = errorf(FieldValue, "%s value %s is %d bytes in the API's form (%s); the API stores at most %d",
			typ, show(value), len(d.Data), show(d.Data), maxDataLen)
	}
	return d, err
}

// priorityMeaning says what the priority is, per type, for error messages.
var priorityMeaning = map[string]string{
	TypeMX:    "the preference of the mail server (lower is tried first)",
	TypeSRV:   "the priority of the target (lower is tried first)",
	TypeNAPTR: "the order of the rule (lower is processed first)",
}

// canonicalPriority checks the priority against the type: required from 0
// to 65535 for MX, SRV and NAPTR, refused for the others.
func canonicalPriority(typ string, priority *int64) (*int64, error) {
	if !TakesPriority(typ) {
		if priority != nil {
			return nil, errorf(FieldPriority, "priority is only used by MX, SRV and NAPTR records; remove it from this %s record", typ)
		}
		return nil, nil
	}
	meaning := priorityMeaning[typ]
	if priority == nil {
		return nil, errorf(FieldPriority, "priority is required for %s records: %s, a number from 0 to 65535", typ, meaning)
	}
	if *priority < 0 || *priority > 65535 {
		return nil, errorf(FieldPriority, "priority %d is out of range; the %s priority is %s, a number from 0 to 65535", *priority, typ, meaning)
	}
	p := *priority
	return &p, nil
}

// FromAPI returns a record as the API stored it, in canonical form, so it
// can be compared with what a resource's attributes describe. host is the
// API's Host, always relative to the zone. The API's Weight is ignored for
// types without a priority, since the API reports 0 there.
//
// When the stored record has no canonical form (an out-of-band edit this
// package cannot read), FromAPI returns the stored fields as they are, with
// the error, so the resource can still show them as drift.
func FromAPI(zone, host, typ string, stored RData) (Record, error) {
	raw := Record{Zone: zone, Host: host, Type: typ, RData: stored}
	if err := checkType(typ); err != nil {
		return raw, err
	}
	z, err := CanonicalZone(zone)
	if err != nil {
		return raw, err
	}
	raw.Zone = z
	h, err := storedHost(z, host)
	if err != nil {
		return raw, err
	}
	var d RData
	if typ == TypeNAPTR {
		d, err = canonicalNAPTR(stored.NaptrPreference, stored.NaptrFlag, stored.NaptrService, stored.NaptrRegExp, stored.Data)
	} else {
		d, err = canonicalValue(typ, stored.Data)
	}
	if err != nil {
		return raw, err
	}
	var weight *int64
	if TakesPriority(typ) {
		if weight, err = canonicalPriority(typ, stored.Weight); err != nil {
			return raw, err
		}
	}
	d.Weight = weight
	return Record{Zone: z, Host: h, Type: typ, RData: d}, nil
}

// Display is a record written as the resource's attributes: what goes into
// state when there is no earlier spelling to keep (import, drift).
type Display struct {
	// Name is the Host: "@" for the apex, labels relative to the zone
	// otherwise, or the absolute name with its final dot when the relative
	// one would read as absolute ("www.example.com.example.com.").
	Name string
	// Value is the value attribute; Canonical reads it back as the record.
	Value string
	// Priority is the MX preference, SRV priority or NAPTR order; nil for
	// the other types.
	Priority *int64
}

// Display returns the attributes that describe r. For a canonical r,
// Canonical(r.Zone, r.Type, d.Name, d.Value, d.Priority) returns r again.
func (r Record) Display() Display {
	d := Display{Name: r.Host, Value: r.Data}
	if r.Zone != "" && (r.Host == r.Zone || strings.HasSuffix(r.Host, "."+r.Zone)) {
		d.Name = r.Host + "." + r.Zone + "."
	}
	if TakesPriority(r.Type) && r.Weight != nil {
		p := *r.Weight
		d.Priority = &p
	}
	switch r.Type {
	case TypeTXT:
		d.Value = displayTXT(r.Data)
	case TypeNAPTR:
		d.Value = formatNAPTR(r.RData)
	}
	return d
}

// join returns nil, the one error, or all of them joined.
func join(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}
