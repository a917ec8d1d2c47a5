package zohomail

import (
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
)

var orgInput = NewOrg{
	DomainName: "example.com",
	EmailID:    "admin@example.com",
	FirstName:  "Ada",
	LastName:   "Lovelace",
	OrgName:    "Example Ltd",
	Password:   "Secr3t-pass",
	PlanName:   "basicTrial",
}

func TestCreateOrgSendsTheOrg(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   NewOrg
		want map[string]any
	}{
		{"every field", orgInput, map[string]any{
			"domainName": "example.com", "emailId": "admin@example.com", "firstName": "Ada", "lastName": "Lovelace",
			"orgName": "Example Ltd", "password": "Secr3t-pass", "planName": "basicTrial",
		}},
		{"no password, name or plan", NewOrg{DomainName: "example.com", EmailID: "admin@example.com", FirstName: "Ada", LastName: "Lovelace"},
			map[string]any{"domainName": "example.com", "emailId": "admin@example.com", "firstName": "Ada", "lastName": "Lovelace"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			var mu sync.Mutex
			var contentType string
			f.handle("POST /mail/api/organization", func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				contentType = r.Header.Get("Content-Type")
				mu.Unlock()
				writeJSON(w, http.StatusOK, orgCreatedSample)
			})
			if _, err := f.client().CreateOrg(t.Context(), tt.in); err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			if err := json.Unmarshal([]byte(f.lastBody()), &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("body = %v, want %v", got, tt.want)
			}
			mu.Lock()
			defer mu.Unlock()
			if !strings.HasPrefix(contentType, "application/json") {
				t.Errorf("Content-Type = %q", contentType)
			}
		})
	}
}

func TestCreateOrgAcceptsEitherSuccess(t *testing.T) {
	t.Parallel()
	created200 := strings.Replace(orgCreatedSample, `"code":201,"description":"Created"`, `"code":200,"description":"success"`, 1)
	tests := []struct {
		name   string
		status int
		body   string
	}{
		{"HTTP 200, status 201", http.StatusOK, orgCreatedSample},
		{"HTTP 201, status 201", http.StatusCreated, orgCreatedSample},
		{"HTTP 200, status 200", http.StatusOK, created200},
	}
	want := &Org{
		ZOID: "76006415", ZAID: "76006416", OrgName: "Example Ltd", EncryptedZOID: "ab12", SuperAdmin: "admin@example.com",
		PrimaryDomain: "example.com", Domains: []string{"example.com"}, BasePlan: "Mail Free", UsersCount: 1,
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.answer("POST /mail/api/organization", tt.status, tt.body)
			got, err := f.client().CreateOrg(t.Context(), orgInput)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("org = %+v\nwant  %+v", got, want)
			}
		})
	}
}

func TestCreateOrgRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, want string
		status, code     int
	}{
		{"domain taken", `{"status":{"code":400,"description":"Bad Request"},"data":{"moreInfo":"The domain is already associated with another organization"}}`,
			"zoho mail POST api/organization: 400 Bad Request: The domain is already associated with another organization", 400, 400},
		{"e-mail taken (HTTP 500)", `{"status":{"code":500,"description":"Internal Error"},"data":{"moreInfo":"This email address is already associated with a Zoho account. Ask the customer to tag you as their partner: https://store.zoho.com/html/store/tagyourpartner.html"}}`,
			"zoho mail POST api/organization: 500 Internal Server Error: This email address is already associated with a Zoho account", 500, 500},
		{"refusal with HTTP 200", `{"status":{"code":400,"description":"Bad Request"},"data":{"errorCode":"INVALID_INPUT","moreInfo":"firstName is too long"}}`,
			"zoho mail POST api/organization: 400 INVALID_INPUT: firstName is too long", 200, 400},
		{"password echoed", `{"status":{"code":400,"description":"Bad Request"},"data":{"moreInfo":"password Secr3t-pass needs a digit"}}`,
			"password *** needs a digit", 400, 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.answer("POST /mail/api/organization", tt.status, tt.body)
			_, err := f.client().CreateOrg(t.Context(), orgInput)
			apiErr, ok := errors.AsType[*APIError](err)
			if !ok || apiErr.Status != tt.status || apiErr.Code != tt.code {
				t.Fatalf("err = %#v, want an APIError %d/%d", err, tt.status, tt.code)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %q, want %q", err, tt.want)
			}
			if strings.Contains(err.Error(), orgInput.Password) {
				t.Errorf("err = %q shows the password", err)
			}
			if IsAmbiguous(err) {
				t.Error("a refusal is not ambiguous")
			}
		})
	}
}

func TestCreateOrgNeedsAZoid(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("POST /mail/api/organization", http.StatusOK, `{"status":{"code":201,"description":"Created"},"data":{"domainName":"example.com"}}`)
	if _, err := f.client().CreateOrg(t.Context(), orgInput); err == nil || !strings.Contains(err.Error(), "no zoid") {
		t.Errorf("err = %v, want a missing zoid", err)
	}
}

func TestOrgReadsEveryField(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, orgSample)
	got, err := f.client().Org(t.Context(), "76006415")
	if err != nil {
		t.Fatal(err)
	}
	want := &Org{
		ZOID: "76006415", ZAID: "76006416", OrgName: "Example Ltd", EncryptedZOID: "ab12",
		SuperAdmin: "admin@example.com", SuperAdminFullName: "Ada Lovelace", PrimaryDomain: "example.com",
		Domains: []string{"example.com", "example.org"}, BasePlan: "Workplace Standard Trial", PlanType: "trial",
		LicenseCount: 5, UsersCount: 2, MailboxCount: 3, Verified: true, CreatedMs: 1700000000000, TrialExpiryMs: 1701296000000,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("org = %+v\nwant  %+v", got, want)
	}
}

func TestOrgOfAnotherPartnerIsNotFound(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("GET /mail/api/organization/{zoid}", http.StatusNotFound,
		`{"status":{"code":404,"description":"Not Found"},"data":{"moreInfo":"Organization not found"}}`)
	_, err := f.client().Org(t.Context(), "99")
	if !IsNotFound(err) {
		t.Fatalf("IsNotFound(%v) = false", err)
	}
	if want := "zoho mail GET api/organization/99: 404 Not Found: Organization not found"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}

func TestOrgRefusesAnEmptyZoid(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	if _, err := f.client().Org(t.Context(), ""); err == nil {
		t.Fatal("no error")
	}
	if n := f.requestCount() + f.mintCount(); n != 0 {
		t.Errorf("requests = %d, want 0", n)
	}
}

func TestFindOrgs(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	var mu sync.Mutex
	var queries []string
	f.handle("GET /mail/api/organization", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		queries = append(queries, r.URL.RawQuery)
		mu.Unlock()
		writeJSON(w, http.StatusOK, orgListSample)
	})
	c := f.client()
	orgs, err := c.FindOrgs(t.Context(), "example.com")
	if err != nil {
		t.Fatal(err)
	}
	want := []OrgSummary{
		{ZOID: "11", DomainName: "shop.example.com", SuperAdmin: "a@shop.example.com", OrgName: "Shop", BasePlan: "Mail Free", TrialAllowed: true},
		{ZOID: "12", DomainName: "Example.com", SuperAdmin: "admin@example.com", OrgName: "Example", BasePlan: "Mail Premium Trial", Verified: true, ExtendTrial: true},
	}
	if !reflect.DeepEqual(orgs, want) {
		t.Errorf("orgs = %+v\nwant   %+v", orgs, want)
	}
	if _, err := c.FindOrgs(t.Context(), ""); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if want := []string{"mode=getCustomerOrgDetails&searchKey=example.com", "mode=getCustomerOrgDetails"}; !reflect.DeepEqual(queries, want) {
		t.Errorf("queries = %q, want %q", queries, want)
	}
}

func TestFindOrgsEmpty(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		`{"status":{"code":200,"description":"success"},"data":[]}`,
		`{"status":{"code":200,"description":"success"},"data":null}`,
		`{"status":{"code":200,"description":"success"}}`,
	} {
		f := newFakeZoho(t)
		f.answer("GET /mail/api/organization", http.StatusOK, body)
		orgs, err := f.client().FindOrgs(t.Context(), "nothing.test")
		if err != nil || len(orgs) != 0 {
			t.Errorf("%s: orgs = %v, err = %v; want none", body, orgs, err)
		}
	}
}

func TestFindOrgByDomain(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("GET /mail/api/organization", http.StatusOK, orgListSample)
	c := f.client()

	org, err := c.FindOrgByDomain(t.Context(), "example.com")
	if err != nil {
		t.Fatal(err)
	}
	if org == nil || org.ZOID != "12" {
		t.Errorf("org = %+v, want zoid 12: the exact match, not shop.example.com", org)
	}
	org, err = c.FindOrgByDomain(t.Context(), "ample.com")
	if err != nil || org != nil {
		t.Errorf("org = %+v, err = %v; want nil for a mere substring", org, err)
	}
}
