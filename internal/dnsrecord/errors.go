package dnsrecord

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Field names the resource attribute an error belongs to.
type Field string

// The attributes of a reseller_dns_record that input errors point at.
const (
	FieldZone     Field = "zone"
	FieldName     Field = "name"
	FieldType     Field = "type"
	FieldValue    Field = "value"
	FieldPriority Field = "priority"
)

// Error is an input that has no canonical form. Msg says what is wrong and
// what is allowed; Field says which attribute holds the bad input.
type Error struct {
	Field Field
	Msg   string
}

func (e *Error) Error() string { return e.Msg }

func errorf(field Field, format string, args ...any) *Error {
	return &Error{Field: field, Msg: fmt.Sprintf(format, args...)}
}

// Errors lists the input errors inside err, which may join several of them
// (Canonical reports every attribute it finds wrong, not just the first).
func Errors(err error) []*Error {
	if err == nil {
		return nil
	}
	if e, ok := err.(*Error); ok {
		return []*Error{e}
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*Error
		for _, inner := range joined.Unwrap() {
			out = append(out, Errors(inner)...)
		}
		return out
	}
	if e := (*Error)(nil); errors.As(err, &e) {
		return []*Error{e}
	}
	return nil
}

// maxShown bounds how much of a long input an error message repeats.
const maxShown = 64

// show quotes s for an error message, shortened when it is long so a 4 KB
// TXT value does not flood the diagnostic.
func show(s string) string {
	if len(s) <= maxShown {
		return fmt.Sprintf("%q", s)
	}
	cut := maxShown
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%q… (%d bytes)", s[:cut], len(s))
}
