package dnsrecord_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/resellerkit/terraform-provider-reseller/internal/dnsrecord"
)

func int64p(v int64) *int64 { return &v }

// assertError checks that err holds exactly one input error, on field, whose
// message contains every part.
func assertError(t *testing.T, err error, field dnsrecord.Field, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want a %s error containing %q", field, parts)
	}
	errs := dnsrecord.Errors(err)
	if len(errs) != 1 {
		t.Fatalf("got %d input errors (%v), want one %s error", len(errs), err, field)
	}
	if errs[0].Field != field {
		t.Errorf("error %q is on field %q, want %q", errs[0].Msg, errs[0].Field, field)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not contain %q", err.Error(), p)
		}
	}
}

// dataCase is one value of one record type and what it canonicalises to.
type dataCase struct {
	value    string
	priority *int64
	want     string // canonical Data; ignored when err is set
	err      string // substring of the expected value error
}

func runDataCases(t *testing.T, typ string, cases []dataCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.value, func(t *testing.T) {
			t.Parallel()
			d, err := dnsrecord.CanonicalData(typ, tc.value, tc.priority)
			if tc.err != "" {
				assertError(t, err, dnsrecord.FieldValue, tc.err)
				return
			}
			if err != nil {
				t.Fatalf("CanonicalData(%s, %q): %v", typ, tc.value, err)
			}
			if d.Data != tc.want {
				t.Errorf("CanonicalData(%s, %q).Data = %q, want %q", typ, tc.value, d.Data, tc.want)
			}
			again, err := dnsrecord.CanonicalData(typ, d.Data, tc.priority)
			if err != nil || !again.Equal(d) {
				t.Errorf("canonical Data %q is not a fixed point: %+v, %v", d.Data, again, err)
			}
		})
	}
}

// describe prints RData with its pointers followed.
func describe(d dnsrecord.RData) string {
	deref := func(p *int64) any {
		if p == nil {
			return nil
		}
		return *p
	}
	return fmt.Sprintf("{Data:%q Weight:%v NaptrPreference:%v NaptrFlag:%q NaptrService:%q NaptrRegExp:%q}",
		d.Data, deref(d.Weight), deref(d.NaptrPreference), d.NaptrFlag, d.NaptrService, d.NaptrRegExp)
}
