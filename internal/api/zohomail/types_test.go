package zohomail

import (
	"encoding/json"
	"testing"
)

func TestZOIDDecodesStringsAndNumbers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want ZOID
	}{
		{`"76006415"`, "76006415"},
		{`76006415`, "76006415"},
		{`9007199254740993`, "9007199254740993"}, // beyond float64's exact integers
		{`null`, ""},
	}
	for _, tt := range tests {
		var got struct {
			ZOID ZOID `json:"zoid"`
		}
		if err := json.Unmarshal([]byte(`{"zoid":`+tt.in+`}`), &got); err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if got.ZOID != tt.want {
			t.Errorf("%s: zoid = %q, want %q", tt.in, got.ZOID, tt.want)
		}
	}
	for _, bad := range []string{`true`, `{}`, `[1]`} {
		var z ZOID
		if err := json.Unmarshal([]byte(bad), &z); err == nil {
			t.Errorf("%s decoded as %q", bad, z)
		}
	}
}

func TestFlexInt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want flexInt
	}{
		{`17035`, 17035}, {`"17035"`, 17035}, {`""`, 0}, {`null`, 0}, {`3600.0`, 3600}, {`-2`, -2},
	}
	for _, tt := range tests {
		var n flexInt
		if err := json.Unmarshal([]byte(tt.in), &n); err != nil || n != tt.want {
			t.Errorf("%s: %d, %v; want %d", tt.in, n, err, tt.want)
		}
	}
	for _, bad := range []string{`"abc"`, `1.5`, `true`} {
		var n flexInt
		if err := json.Unmarshal([]byte(bad), &n); err == nil {
			t.Errorf("%s decoded as %d", bad, n)
		}
	}
}

func TestDomainNames(t *testing.T) {
	t.Parallel()
	var d domainNames
	if err := json.Unmarshal([]byte(`["a.example",{"domainName":"b.example"},""]`), &d); err != nil {
		t.Fatal(err)
	}
	if len(d) != 2 || d[0] != "a.example" || d[1] != "b.example" {
		t.Errorf("domains = %q", d)
	}
	if err := json.Unmarshal([]byte(`[1]`), &d); err == nil {
		t.Error("a number was taken for a domain")
	}
}
