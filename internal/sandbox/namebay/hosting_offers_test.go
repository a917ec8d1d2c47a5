package namebay

import (
	"errors"
	"strings"
	"testing"
)

func TestQuotaExceededNamesTheOfferThatRaisesIt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		productID string
		l         limit
		want      []string
		not       string
	}{
		{"HOSTING-START", ftpUsersLimit, []string{"HO-000007 (quota.com)", "Start offer", "at most 2 FTP users", "upgrade it to Pro (HOSTING-PRO, 10 FTP users)"}, "Business"},
		{"HOSTING-PRO", databasesLimit, []string{"Pro offer", "at most 10 databases", "upgrade it to Business (HOSTING-BUSINESS, 50 databases)"}, "Start"},
		{"HOSTING-BUSINESS", aliasesLimit, []string{"Business offer", "at most 50 aliases", "the most of any offer"}, "upgrade"},
	}
	for _, tt := range tests {
		p := &hostingPack{Handle: "HO-000007", Domain: "quota.com", ProductId: tt.productID}
		var apiErr *apiError
		if !errors.As(quotaExceeded(p, tt.l), &apiErr) || apiErr.status != 409 || apiErr.code != 513 {
			t.Fatalf("%s: %v, want 409/513", tt.productID, apiErr)
		}
		for _, w := range tt.want {
			if !strings.Contains(apiErr.detail, w) {
				t.Errorf("%s: %q does not say %q", tt.productID, apiErr.detail, w)
			}
		}
		if strings.Contains(apiErr.detail, tt.not) {
			t.Errorf("%s: %q mentions %q", tt.productID, apiErr.detail, tt.not)
		}
	}
}

func TestMisfits(t *testing.T) {
	t.Parallel()
	p := &hostingPack{ProductId: "HOSTING-PRO"}
	start, business := offerOf("HOSTING-START"), offerOf("hosting-business")
	if got := p.misfits(start); len(got) != 0 {
		t.Fatalf("an empty pack does not fit Start: %v", got)
	}
	for range 3 {
		p.ftpUsers = append(p.ftpUsers, &ftpUser{})
		p.aliases = append(p.aliases, &alias{})
	}
	p.databases = []*database{{Name: "small", Size: 1, MaxSize: 100}, {Name: "large", Size: 1200, MaxSize: 2000}}
	got := strings.Join(p.misfits(start), "; ")
	for _, want := range []string{"3 FTP users (Start allows 2)", "2 databases (Start allows 1)", "3 aliases (Start allows 1)",
		"1211 MB of disk used (Start allows 1024 MB)", "database large with MaxSize 2000 MB (Start allows 100 MB)"} {
		if !strings.Contains(got, want) {
			t.Errorf("misfits %q do not say %q", got, want)
		}
	}
	if strings.Contains(got, "database small") {
		t.Errorf("misfits %q name a database that fits", got)
	}
	if got := p.misfits(business); len(got) != 0 {
		t.Fatalf("the pack does not fit Business: %v", got)
	}
}
