package zohomail

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

const domainSample = `{"status":{"code":200,"description":"success"},"data":{"domainName":"example.com","domainId":"123",` +
	`"zoid":76006415,"primary":true,"verificationStatus":false,"CNAMEVerificationCode":"zb12345678",` +
	`"HTMLVerificationCode":"87654321","mailHostingEnabled":true,"mxstatus":"notConfigured","spfstatus":false,` +
	`"createdTime":1700000000000,"verifiedDate":0}}`

func TestDomain(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("GET /mail/api/organization/{zoid}/domains/{d}", http.StatusOK, domainSample)
	got, err := f.client().Domain(t.Context(), "76006415", "example.com")
	if err != nil {
		t.Fatal(err)
	}
	want := &Domain{DomainName: "example.com", Primary: true, CNAMECode: "zb12345678", HTMLCode: "87654321", MailHosting: true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("domain = %+v, want %+v", got, want)
	}
	if n := len(f.calls("GET", "/zoho/mail/api/organization/76006415/domains/example.com")); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}

const (
	verifyPath    = "/zoho/mail/api/organization/76006415/domains/example.com/verifyDomain"
	oldVerifyPath = "/zoho/mail/api/organization/76006415/domains/example.com"
)

func TestVerifyDomain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		want   VerifyResult
	}{
		{"verified", 200, `{"status":{"code":200,"description":"success"},"data":{"status":true}}`, VerifyResult{Verified: true}},
		{"record missing (HTTP 200)", 200,
			`{"status":{"code":200,"description":"success"},"data":{"status":false,"error":"CNAME_RECORD_NOT_FOUND","message":"The CNAME record was not found"}}`,
			VerifyResult{Error: "CNAME_RECORD_NOT_FOUND", Message: "The CNAME record was not found"}},
		{"already verified", 400,
			`{"status":{"code":400,"description":"Bad Request"},"data":{"errorCode":"DOMAIN_ALREADY_VERIFIED","moreInfo":"Domain already verified"}}`,
			VerifyResult{Verified: true, Message: "Domain already verified"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.answer("PUT /mail/api/organization/{zoid}/domains/{d}/verifyDomain", tt.status, tt.body)
			got, err := f.client().VerifyDomain(t.Context(), "76006415", "example.com", "cname")
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("result = %+v, want %+v", got, tt.want)
			}
			if n := len(f.calls("PUT", verifyPath)); n != 1 {
				t.Errorf("requests = %d, want 1", n)
			}
			if n := len(f.calls("PUT", oldVerifyPath)); n != 0 {
				t.Errorf("the older path was tried %d times", n)
			}
		})
	}
}

func TestVerifyDomainSendsTheMode(t *testing.T) {
	t.Parallel()
	for mode, want := range map[string]string{"cname": "verifyDomainByCName", "txt": "verifyDomainByTXT", "html": "verifyDomainByHTML"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.answer("PUT /mail/api/organization/{zoid}/domains/{d}/verifyDomain", 200, `{"status":{"code":200,"description":"success"},"data":{"status":true}}`)
			if _, err := f.client().VerifyDomain(t.Context(), "76006415", "example.com", mode); err != nil {
				t.Fatal(err)
			}
			var body map[string]string
			if err := json.Unmarshal([]byte(f.lastBody()), &body); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(body, map[string]string{"mode": want}) {
				t.Errorf("body = %v, want mode %s", body, want)
			}
		})
	}
}

func TestVerifyDomainFallsBackToTheOlderPath(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	// Only the older route exists: the newer one answers the mux's 404.
	f.answer("PUT /mail/api/organization/{zoid}/domains/{d}", 200,
		`{"status":{"code":200,"description":"success"},"data":{"status":false,"error":"TXT_RECORD_NOT_FOUND","message":"no TXT"}}`)
	got, err := f.client().VerifyDomain(t.Context(), "76006415", "example.com", "txt")
	if err != nil {
		t.Fatal(err)
	}
	if want := (VerifyResult{Error: "TXT_RECORD_NOT_FOUND", Message: "no TXT"}); got != want {
		t.Errorf("result = %+v, want %+v", got, want)
	}
	if a, b := len(f.calls("PUT", verifyPath)), len(f.calls("PUT", oldVerifyPath)); a != 1 || b != 1 {
		t.Errorf("requests = %d to verifyDomain, %d to the older path; want 1 and 1", a, b)
	}
	if !strings.Contains(f.lastBody(), "verifyDomainByTXT") {
		t.Errorf("the fallback sent %q", f.lastBody())
	}
}

func TestVerifyDomainErrors(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("PUT /mail/api/organization/{zoid}/domains/{d}/verifyDomain", 500,
		`{"status":{"code":500,"description":"Internal Error"},"data":{"moreInfo":"try later"}}`)
	c := f.client()
	if _, err := c.VerifyDomain(t.Context(), "76006415", "example.com", "cname"); err == nil || !strings.Contains(err.Error(), "try later") {
		t.Errorf("err = %v, want the 500 refusal", err)
	}
	if n := len(f.calls("PUT", oldVerifyPath)); n != 0 {
		t.Errorf("a 500 fell back to the older path")
	}
	for _, bad := range []struct {
		zoid         ZOID
		domain, mode string
	}{{"1", "example.com", "dns"}, {"1", "example.com", "CNAME"}, {"", "example.com", "txt"}, {"1", "", "txt"}} {
		if _, err := c.VerifyDomain(context.Background(), bad.zoid, bad.domain, bad.mode); err == nil {
			t.Errorf("VerifyDomain(%+v) succeeded", bad)
		}
	}
	if n := f.requestCount(); n != 1 {
		t.Errorf("requests = %d, want 1: bad input is refused before sending", n)
	}
}
