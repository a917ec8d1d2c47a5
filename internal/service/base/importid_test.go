package base

import (
	"strings"
	"testing"
)

func TestParseImportID(t *testing.T) {
	t.Parallel()
	formats := []string{"zone/id", "client_account/zone/id"}
	tests := []struct {
		id      string
		want    map[string]string
		wantErr string
	}{
		{id: "example.com/42", want: map[string]string{"zone": "example.com", "id": "42"}},
		{id: "CL-000001/example.com/42", want: map[string]string{"client_account": "CL-000001", "zone": "example.com", "id": "42"}},
		{id: "42", wantErr: `import ID "42" does not match the expected format <zone>/<id> or <client_account>/<zone>/<id>`},
		{id: "example.com//", wantErr: "does not match"},
		{id: "/42", wantErr: "does not match"},
		{id: "a/b/c/d", wantErr: "does not match"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			t.Parallel()
			got, err := ParseImportID(tt.id, formats...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %v", got)
			}
		})
	}
}
