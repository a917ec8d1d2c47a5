package providerdata

import (
	"strings"
	"testing"
)

func TestPlannedNamesRefusesCNAMEBesideOtherRecords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		claims  [][2]string // host, type
		wantErr string
	}{
		{name: "distinct names", claims: [][2]string{{"www", "CNAME"}, {"mail", "A"}}},
		{name: "several A at one name", claims: [][2]string{{"www", "A"}, {"www", "A"}, {"www", "AAAA"}}},
		{name: "CNAME then A", claims: [][2]string{{"www", "CNAME"}, {"www", "A"}}, wantErr: `CNAME record and A record(s) for the same name "www"`},
		{name: "TXT then CNAME", claims: [][2]string{{"www", "TXT"}, {"www", "CNAME"}}, wantErr: `CNAME record and TXT record(s)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := NewPlannedNames()
			var err error
			for _, c := range tt.claims {
				if e := p.Claim("zone", c[0], c[1]); e != nil {
					err = e
				}
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestPlannedNamesAreScopedByZone(t *testing.T) {
	t.Parallel()
	p := NewPlannedNames()
	if err := p.Claim("a.com", "www", "CNAME"); err != nil {
		t.Fatal(err)
	}
	if err := p.Claim("b.com", "www", "A"); err != nil {
		t.Fatalf("zones leaked into each other: %v", err)
	}
}
