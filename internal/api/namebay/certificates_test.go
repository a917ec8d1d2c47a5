package namebay

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// Answers written from the wire contract, each with a field the client does
// not know, to check that unknown fields are ignored.
const (
	certProductsSample = `[{"ProductName":"AlphaSSL","Validation":"DV","Wildcard":false,"MaxSan":1,"Periods":[1,2,3],
		"Price":39.00,"Currency":"EUR","Brand":"GlobalSign"},
		{"ProductName":"WildcardSSL","Validation":"DV","Wildcard":true,"MaxSan":10,"Periods":[1,2,3],
		"Price":199.00,"Currency":"EUR"}]`
	// pendingCertSample is an order waiting for DNS validation: no dates yet.
	pendingCertSample = `{"Handle":"SSL-000001","CommonName":"example.com","San":["www.example.com"],
		"ProductName":"DomainSSL","Period":2,"AdminContact":"CT-000001","BillingContact":"CT-000002",
		"ValidationMethod":"Dns","ApproverEmail":"","OrderId":"OR-000001","TicketId":"TK-000001",
		"DnsTxt":"globalsign-domain-verification=tok3n","MetaTag":"",
		"VerificationFQDNList":["example.com","www.example.com"],"VerificationUrlList":[],"WellknownUrlList":[],
		"ApproverMailList":[],"PossiblePhishingDetected":false,"RegDate":null,"ExpDate":null,"Status":"PENDING",
		"AutoRenew":true,"TicketState":"open","Error":"no TXT record at www.example.com","Account":"CL-000001",
		"Brand":"GlobalSign"}`
	// issuedCertSample is an issued HTTP-validated order, with the numeric
	// identifiers the public API documents.
	issuedCertSample = `{"Handle":"SSL-000002","CommonName":"shop.example.org","San":[],
		"ProductName":"AlphaSSL","Period":1,"AdminContact":"CT-000001","BillingContact":"CT-000001",
		"ValidationMethod":"Http","ApproverEmail":"","OrderId":4711,"TicketId":12,"DnsTxt":"","MetaTag":"m3ta",
		"VerificationFQDNList":["shop.example.org"],"VerificationUrlList":["http://shop.example.org/"],
		"WellknownUrlList":["http://shop.example.org/.well-known/pki-validation/gsdv.txt"],
		"ApproverMailList":[],"PossiblePhishingDetected":false,"RegDate":"2025-01-02T03:04:05Z",
		"ExpDate":"2026-01-02T03:04:05Z","Status":"ISSUED","AutoRenew":false,"TicketState":"closed","Error":"",
		"Account":"CL-000001"}`
	issuedTextSample = `{"Handle":"SSL-000002","CommonName":"shop.example.org",
		"Certificate":"-----BEGIN CERTIFICATE-----\nMIIleaf\n-----END CERTIFICATE-----\n",
		"Chain":"-----BEGIN CERTIFICATE-----\nMIIinter\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIIroot\n-----END CERTIFICATE-----\n",
		"RegistrationDate":"2025-01-02T03:04:05Z","RevocationDate":null,"Revoked":false,"SerialNumber":"01"}`
	csrSample     = "-----BEGIN CERTIFICATE REQUEST-----\nMIIcsr\n-----END CERTIFICATE REQUEST-----\n"
	newCSRSample  = "-----BEGIN CERTIFICATE REQUEST-----\nMIInew\n-----END CERTIFICATE REQUEST-----\n"
	keySample     = "-----BEGIN PRIVATE KEY-----\nMIIkey\n-----END PRIVATE KEY-----\n"
	csrTextSample = `{"CSR":"-----BEGIN CERTIFICATE REQUEST-----\nMIIcsr\n-----END CERTIFICATE REQUEST-----\n","CommonName":"example.com","KeyType":"RSA"}`
	certTicket    = `[{"Code":200,"Detail":"Certificate create ticket created.","Data":{"TicketId":"TK-000001"}}]`
)

var (
	certProductsWant = []CertProduct{
		{ProductName: "AlphaSSL", Validation: "DV", MaxSan: 1, Periods: []int64{1, 2, 3}, Price: 39, Currency: "EUR"},
		{ProductName: "WildcardSSL", Validation: "DV", Wildcard: true, MaxSan: 10, Periods: []int64{1, 2, 3}, Price: 199, Currency: "EUR"},
	}
	pendingCertWant = &Certificate{Handle: "SSL-000001", CommonName: "example.com", San: []string{"www.example.com"},
		ProductName: "DomainSSL", Period: 2, AdminContact: "CT-000001", BillingContact: "CT-000002",
		ValidationMethod: ValidationDNS, OrderId: "OR-000001", TicketId: "TK-000001",
		DnsTxt: "globalsign-domain-verification=tok3n", VerificationFQDNList: []string{"example.com", "www.example.com"},
		VerificationUrlList: []string{}, WellknownUrlList: []string{}, ApproverMailList: []string{},
		Status: CertPending, AutoRenew: true, TicketState: "open", Error: "no TXT record at www.example.com",
		Account: "CL-000001"}
	issuedCertWant = &Certificate{Handle: "SSL-000002", CommonName: "shop.example.org", San: []string{},
		ProductName: "AlphaSSL", Period: 1, AdminContact: "CT-000001", BillingContact: "CT-000001",
		ValidationMethod: ValidationHTTP, OrderId: "4711", TicketId: "12", MetaTag: "m3ta",
		VerificationFQDNList: []string{"shop.example.org"}, VerificationUrlList: []string{"http://shop.example.org/"},
		WellknownUrlList: []string{"http://shop.example.org/.well-known/pki-validation/gsdv.txt"},
		ApproverMailList: []string{}, RegDate: "2025-01-02T03:04:05Z", ExpDate: "2026-01-02T03:04:05Z",
		Status: CertIssued, TicketState: "closed", Account: "CL-000001"}
	issuedTextWant = &IssuedCertificate{Handle: "SSL-000002", CommonName: "shop.example.org",
		Certificate:      "-----BEGIN CERTIFICATE-----\nMIIleaf\n-----END CERTIFICATE-----\n",
		Chain:            "-----BEGIN CERTIFICATE-----\nMIIinter\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nMIIroot\n-----END CERTIFICATE-----\n",
		RegistrationDate: "2025-01-02T03:04:05Z"}
)

// certCall is one call of a certificate method and what it must send.
type certCall struct {
	name    string
	pattern string // route of the fake
	status  int
	answer  string
	call    func(ctx context.Context, c *Client, user string) (any, error)
	method  string
	path    string     // relative to the prefix, unescaped
	query   url.Values // besides user
	body    string     // JSON; "" for no body
	want    any        // the decoded answer; nil for none
}

var certCalls = []certCall{
	{
		name: "ListCertProducts", pattern: "GET /api/Certificate/Product", status: 200, answer: certProductsSample,
		call:   func(ctx context.Context, c *Client, u string) (any, error) { return c.ListCertProducts(ctx, u) },
		method: "GET", path: "/api/Certificate/Product", want: certProductsWant,
	},
	{
		name: "GenerateCSR", pattern: "POST /api/Certificate/Csr", status: 200,
		answer: `{"CSR":` + jsonString(csrSample) + `,"PrivateKey":` + jsonString(keySample) + `}`,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.GenerateCSR(ctx, u, CSRRequest{CommonName: "example.com", San: []string{"www.example.com"},
				Organization: "Example SARL", Unit: "IT", City: "Paris", State: "IDF", Country: "FR",
				Email: "it@example.com", KeySize: 4096})
		},
		method: "POST", path: "/api/Certificate/Csr",
		body: `{"CommonName":"example.com","San":["www.example.com"],"Organization":"Example SARL","Unit":"IT",
			"City":"Paris","State":"IDF","Country":"FR","Email":"it@example.com","KeySize":4096}`,
		want: &GeneratedCSR{CSR: csrSample, PrivateKey: keySample},
	},
	{
		name: "GenerateCSR leaves defaults to the API", pattern: "POST /api/Certificate/Csr", status: 200,
		answer: `{"CSR":` + jsonString(csrSample) + `,"PrivateKey":` + jsonString(keySample) + `}`,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.GenerateCSR(ctx, u, CSRRequest{CommonName: "example.com"})
		},
		method: "POST", path: "/api/Certificate/Csr", body: `{"CommonName":"example.com","San":[]}`,
		want: &GeneratedCSR{CSR: csrSample, PrivateKey: keySample},
	},
	{
		name: "CreateCertificate", pattern: "POST /api/Certificate", status: 202, answer: pendingCertSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.CreateCertificate(ctx, u, NewCertificate{ProductName: "DomainSSL", Period: 2, CSR: csrSample,
				San: []string{"www.example.com"}, ValidationMethod: ValidationDNS, AdminContact: "CT-000001",
				BillingContact: "CT-000002", AutoRenew: true})
		},
		method: "POST", path: "/api/Certificate",
		body: `{"ProductName":"DomainSSL","Period":2,"CSR":` + jsonString(csrSample) + `,"San":["www.example.com"],
			"ValidationMethod":"Dns","AdminContact":"CT-000001","BillingContact":"CT-000002","AutoRenew":true}`,
		want: pendingCertWant,
	},
	{
		name: "CreateCertificate by email without names", pattern: "POST /api/Certificate", status: 202, answer: pendingCertSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.CreateCertificate(ctx, u, NewCertificate{ProductName: "AlphaSSL", Period: 1, CSR: csrSample,
				ValidationMethod: ValidationEmail, ApproverEmail: "admin@example.com", AdminContact: "CT-000001",
				BillingContact: "CT-000001"})
		},
		method: "POST", path: "/api/Certificate",
		body: `{"ProductName":"AlphaSSL","Period":1,"CSR":` + jsonString(csrSample) + `,"San":[],
			"ValidationMethod":"Email","ApproverEmail":"admin@example.com","AdminContact":"CT-000001",
			"BillingContact":"CT-000001","AutoRenew":false}`,
		want: pendingCertWant,
	},
	{
		name: "FindCertificates by common name", pattern: "GET /api/Certificate", status: 200,
		answer: `[` + pendingCertSample + `]`,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.FindCertificates(ctx, u, "example.com")
		},
		method: "GET", path: "/api/Certificate",
		query: url.Values{"commonName": {"example.com"}, "page": {"1"}, "pageSize": {"500"}},
		want:  []Certificate{*pendingCertWant},
	},
	{
		name: "FindCertificates of the whole account", pattern: "GET /api/Certificate", status: 200,
		answer: `[` + pendingCertSample + `,` + issuedCertSample + `]`,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.FindCertificates(ctx, u, "")
		},
		method: "GET", path: "/api/Certificate", query: url.Values{"page": {"1"}, "pageSize": {"500"}},
		want: []Certificate{*pendingCertWant, *issuedCertWant},
	},
	{
		name: "GetCertificate", pattern: "GET /api/Certificate/{h}", status: 200, answer: issuedCertSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.GetCertificate(ctx, u, "SSL-000002")
		},
		method: "GET", path: "/api/Certificate/SSL-000002", want: issuedCertWant,
	},
	{
		name: "UpdateCertificate", pattern: "PUT /api/Certificate/{h}", status: 200, answer: issuedCertSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.UpdateCertificate(ctx, u, "SSL-000002", false)
		},
		method: "PUT", path: "/api/Certificate/SSL-000002", body: `{"AutoRenew":false}`, want: issuedCertWant,
	},
	{
		name: "ValidateCertificate", pattern: "PUT /api/Certificate/{h}/Validate", status: 200, answer: issuedCertSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.ValidateCertificate(ctx, u, "SSL-000002")
		},
		method: "PUT", path: "/api/Certificate/SSL-000002/Validate", want: issuedCertWant,
	},
	{
		name: "ValidateCertificate still pending", pattern: "PUT /api/Certificate/{h}/Validate", status: 200, answer: pendingCertSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.ValidateCertificate(ctx, u, "SSL-000001")
		},
		method: "PUT", path: "/api/Certificate/SSL-000001/Validate", want: pendingCertWant,
	},
	{
		name: "DownloadCertificate", pattern: "GET /api/Certificate/{h}/Certificate", status: 200, answer: issuedTextSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.DownloadCertificate(ctx, u, "SSL-000002")
		},
		method: "GET", path: "/api/Certificate/SSL-000002/Certificate", want: issuedTextWant,
	},
	{
		name: "GetCertificateCSR", pattern: "GET /api/Certificate/{h}/csr", status: 200, answer: csrTextSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.GetCertificateCSR(ctx, u, "SSL-000001")
		},
		method: "GET", path: "/api/Certificate/SSL-000001/csr", want: &CertificateCSR{CSR: csrSample, CommonName: "example.com"},
	},
	{
		name: "RenewCertificate with a new CSR", pattern: "POST /api/Certificate/{h}/Renew", status: 202, answer: pendingCertSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.RenewCertificate(ctx, u, "SSL-000001", 3, newCSRSample)
		},
		method: "POST", path: "/api/Certificate/SSL-000001/Renew",
		body: `{"Period":3,"CSR":` + jsonString(newCSRSample) + `}`, want: pendingCertWant,
	},
	{
		name: "RenewCertificate keeping the CSR", pattern: "POST /api/Certificate/{h}/Renew", status: 202, answer: pendingCertSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.RenewCertificate(ctx, u, "SSL-000001", 1, "")
		},
		method: "POST", path: "/api/Certificate/SSL-000001/Renew", body: `{"Period":1}`, want: pendingCertWant,
	},
	{
		name: "ReissueCertificate", pattern: "POST /api/Certificate/{h}/Reissue", status: 202, answer: pendingCertSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.ReissueCertificate(ctx, u, "SSL-000001", newCSRSample, []string{"www.example.com", "api.example.com"})
		},
		method: "POST", path: "/api/Certificate/SSL-000001/Reissue",
		body: `{"CSR":` + jsonString(newCSRSample) + `,"San":["www.example.com","api.example.com"]}`, want: pendingCertWant,
	},
	{
		name: "ReissueCertificate down to the common name", pattern: "POST /api/Certificate/{h}/Reissue", status: 202, answer: pendingCertSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.ReissueCertificate(ctx, u, "SSL-000001", newCSRSample, nil)
		},
		method: "POST", path: "/api/Certificate/SSL-000001/Reissue",
		body: `{"CSR":` + jsonString(newCSRSample) + `,"San":[]}`, want: pendingCertWant,
	},
	{
		name: "RevokeCertificate", pattern: "DELETE /api/Certificate/{h}", status: 204,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return nil, c.RevokeCertificate(ctx, u, "SSL-000001")
		},
		method: "DELETE", path: "/api/Certificate/SSL-000001",
	},
}

// jsonString quotes s as a JSON string.
func jsonString(s string) string { return fmt.Sprintf("%q", s) }

// Every certificate method sends one request with the method, path, query
// and body of the wire contract, passes the client account as ?user= (none
// for the logged-in account), and decodes the contract's answer.
func TestCertificateRoutes(t *testing.T) {
	t.Parallel()
	for _, tt := range certCalls {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer(tt.pattern, tt.status, tt.answer)
			c := f.client()
			for _, user := range []string{"CL-000001", ""} {
				f.mu.Lock()
				f.requests, f.bodies = nil, nil
				f.mu.Unlock()

				got, err := tt.call(t.Context(), c, user)
				if err != nil {
					t.Fatalf("user %q: %v", user, err)
				}
				if tt.want != nil && !reflect.DeepEqual(got, tt.want) {
					t.Errorf("got  %#v\nwant %#v", got, tt.want)
				}

				f.mu.Lock()
				reqs, bodies := f.requests, f.bodies
				f.mu.Unlock()
				if len(reqs) != 1 {
					t.Fatalf("user %q: %d requests, want 1", user, len(reqs))
				}
				r := reqs[0]
				if r.Method != tt.method || r.URL.Path != tt.path {
					t.Errorf("request = %s %s, want %s %s", r.Method, r.URL.Path, tt.method, tt.path)
				}
				q := r.URL.Query()
				gotUser, hasUser := q["user"]
				switch {
				case user == "" && hasUser:
					t.Errorf("user=%q sent for the logged-in account", gotUser)
				case user != "" && !reflect.DeepEqual(gotUser, []string{user}):
					t.Errorf("user = %q, want %q", gotUser, user)
				}
				q.Del("user")
				if (len(q) > 0 || len(tt.query) > 0) && !reflect.DeepEqual(q, tt.query) {
					t.Errorf("query = %v, want %v", q, tt.query)
				}
				assertJSONBody(t, bodies[0], tt.body)
			}
		})
	}
}

func TestGenerateCSRWantsBothHalves(t *testing.T) {
	t.Parallel()
	for name, answer := range map[string]string{
		"no private key": `{"CSR":` + jsonString(csrSample) + `}`,
		"no CSR":         `{"PrivateKey":` + jsonString(keySample) + `}`,
		"null":           `null`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer("POST /api/Certificate/Csr", http.StatusOK, answer)
			got, err := f.client().GenerateCSR(t.Context(), "", CSRRequest{CommonName: "example.com"})
			if err == nil {
				t.Fatalf("no error for the answer %s, got %+v", answer, got)
			}
			if strings.Contains(err.Error(), "MIIkey") {
				t.Errorf("the error %q shows the private key", err)
			}
		})
	}
}

func TestFindCertificates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		status      int
		body        string
		wantHandles []string
		wantErr     bool
	}{
		{"exact matches only", 200, `[{"Handle":"SSL-1","CommonName":"www.example.com"},{"Handle":"SSL-2","CommonName":"Example.COM."},
			{"Handle":"SSL-3","CommonName":"example.com"},{"Handle":"SSL-4","CommonName":"*.example.com"}]`, []string{"SSL-2", "SSL-3"}, false},
		{"empty list", 200, `[]`, nil, false},
		{"null list", 200, `null`, nil, false},
		{"object does not exist", 404, `[{"Code":510,"Detail":"Object does not exist"}]`, nil, false},
		{"bare 404 (wrong endpoint)", 404, `not found`, nil, true},
		{"permission denied", 403, `[{"Code":712,"Detail":"permission denied"}]`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer("GET /api/Certificate", tt.status, tt.body)
			got, err := f.client().FindCertificates(t.Context(), "CL-000001", "example.com")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			var handles []string
			for _, c := range got {
				handles = append(handles, c.Handle)
			}
			if !reflect.DeepEqual(handles, tt.wantHandles) {
				t.Errorf("found %v, want %v", handles, tt.wantHandles)
			}
		})
	}
}

// Each page is fetched once, with the filter on every page; an order that
// moved onto the next page between two requests is kept once.
func TestFindCertificatesFetchesEveryPage(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.handle("GET /api/Certificate", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Total-Count", "501")
		w.Header().Set("X-Page-Size", "500")
		if r.URL.Query().Get("page") == "2" {
			writeJSON(w, http.StatusOK, `[{"Handle":"SSL-000500","CommonName":"example.com"},{"Handle":"SSL-000501","CommonName":"example.com"}]`)
			return
		}
		items := make([]string, 500)
		for i := range items {
			items[i] = fmt.Sprintf(`{"Handle":"SSL-%06d","CommonName":"example.com"}`, i+1)
		}
		writeJSON(w, http.StatusOK, "["+strings.Join(items, ",")+"]")
	})
	got, err := f.client().FindCertificates(t.Context(), "CL-000001", "example.com")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 501 || got[500].Handle != "SSL-000501" {
		t.Errorf("certificates = %d, last %+v; want 501 ending with SSL-000501", len(got), got[len(got)-1])
	}
	pages := f.calls("GET", "/api/Certificate")
	if len(pages) != 2 {
		t.Fatalf("pages fetched = %d, want 2", len(pages))
	}
	for i, r := range pages {
		q := r.URL.Query()
		if q.Get("commonName") != "example.com" || q.Get("user") != "CL-000001" || q.Get("page") != fmt.Sprint(i+1) {
			t.Errorf("page %d query = %v", i+1, q)
		}
	}
}

// When a write answers without the order (no body, or a ticket list), the
// client reads it back: by handle, or for a new order by its ticket.
func TestCertificateWritesReadBack(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		routes  map[string]string // pattern: answer (status 2xx chosen by method)
		call    func(context.Context, *Client) (any, error)
		want    any
		readBy  string // the path read back; "" for none
		wantErr bool
	}{
		{
			name: "order answered with a ticket",
			routes: map[string]string{"POST /api/Certificate": certTicket,
				"GET /api/Certificate": `[` + issuedCertSample + `,` + pendingCertSample + `]`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateCertificate(ctx, "CL-000001", NewCertificate{ProductName: "DomainSSL", Period: 2, CSR: csrSample})
			},
			want: pendingCertWant, readBy: "/api/Certificate",
		},
		{
			name:   "order answered with a ticket no certificate lists",
			routes: map[string]string{"POST /api/Certificate": certTicket, "GET /api/Certificate": `[` + issuedCertSample + `]`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateCertificate(ctx, "CL-000001", NewCertificate{ProductName: "DomainSSL", Period: 2, CSR: csrSample})
			},
			readBy: "/api/Certificate", wantErr: true,
		},
		{
			name:   "order answered without body",
			routes: map[string]string{"POST /api/Certificate": ``},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateCertificate(ctx, "CL-000001", NewCertificate{ProductName: "DomainSSL", Period: 2, CSR: csrSample})
			},
			wantErr: true,
		},
		{
			name:   "renewal answered with a ticket",
			routes: map[string]string{"POST /api/Certificate/{h}/Renew": certTicket, "GET /api/Certificate/{h}": pendingCertSample},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.RenewCertificate(ctx, "CL-000001", "SSL-000001", 1, "")
			},
			want: pendingCertWant, readBy: "/api/Certificate/SSL-000001",
		},
		{
			name:   "reissue answered without body",
			routes: map[string]string{"POST /api/Certificate/{h}/Reissue": ``, "GET /api/Certificate/{h}": pendingCertSample},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ReissueCertificate(ctx, "CL-000001", "SSL-000001", newCSRSample, nil)
			},
			want: pendingCertWant, readBy: "/api/Certificate/SSL-000001",
		},
		{
			name:   "validation answered without body",
			routes: map[string]string{"PUT /api/Certificate/{h}/Validate": ``, "GET /api/Certificate/{h}": issuedCertSample},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ValidateCertificate(ctx, "CL-000001", "SSL-000002")
			},
			want: issuedCertWant, readBy: "/api/Certificate/SSL-000002",
		},
		{
			name:   "update answered without body",
			routes: map[string]string{"PUT /api/Certificate/{h}": ``, "GET /api/Certificate/{h}": issuedCertSample},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateCertificate(ctx, "CL-000001", "SSL-000002", true)
			},
			want: issuedCertWant, readBy: "/api/Certificate/SSL-000002",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			for pattern, body := range tt.routes {
				status := http.StatusOK
				if strings.HasPrefix(pattern, "POST") {
					status = http.StatusAccepted
				}
				f.answer(pattern, status, body)
			}
			got, err := tt.call(t.Context(), f.client())
			if tt.wantErr {
				if err == nil {
					t.Fatalf("no error for an order that cannot be found, got %+v", got)
				}
			} else if err != nil {
				t.Fatal(err)
			} else if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
			f.mu.Lock()
			var reads []*http.Request
			for _, r := range f.requests {
				if r.Method == http.MethodGet {
					reads = append(reads, r)
				}
			}
			f.mu.Unlock()
			switch {
			case tt.readBy == "" && len(reads) > 0:
				t.Errorf("read back %s, want no read", reads[0].URL)
			case tt.readBy != "" && (len(reads) != 1 || reads[0].URL.Path != tt.readBy || reads[0].URL.Query().Get("user") != "CL-000001"):
				t.Errorf("read back %d times, want once %s as CL-000001", len(reads), tt.readBy)
			}
		})
	}
}

func TestCertificateErrors(t *testing.T) {
	t.Parallel()
	const notFound = `[{"Code":510,"Detail":"Object does not exist"}]`
	tests := []struct {
		name     string
		pattern  string
		status   int
		body     string
		call     func(context.Context, *Client) error
		notFound bool
		code     int
		field    string
	}{
		{"GetCertificate missing", "GET /api/Certificate/{h}", 404, notFound, func(ctx context.Context, c *Client) error {
			_, err := c.GetCertificate(ctx, "", "SSL-000009")
			return err
		}, true, CodeNotFound, ""},
		{"ValidateCertificate missing", "PUT /api/Certificate/{h}/Validate", 404, notFound, func(ctx context.Context, c *Client) error {
			_, err := c.ValidateCertificate(ctx, "", "SSL-000009")
			return err
		}, true, CodeNotFound, ""},
		{"RevokeCertificate missing", "DELETE /api/Certificate/{h}", 404, notFound, func(ctx context.Context, c *Client) error {
			return c.RevokeCertificate(ctx, "", "SSL-000009")
		}, true, CodeNotFound, ""},
		{"GetCertificateCSR missing", "GET /api/Certificate/{h}/csr", 404, notFound, func(ctx context.Context, c *Client) error {
			_, err := c.GetCertificateCSR(ctx, "", "SSL-000009")
			return err
		}, true, CodeNotFound, ""},
		{"DownloadCertificate before issuance", "GET /api/Certificate/{h}/Certificate", 404,
			`[{"Code":570,"Detail":"the certificate has not been issued yet"}]`, func(ctx context.Context, c *Client) error {
				_, err := c.DownloadCertificate(ctx, "", "SSL-000001")
				return err
			}, true, CodeStatus, ""},
		{"RenewCertificate too early", "POST /api/Certificate/{h}/Renew", 422,
			`[{"Code":726,"Detail":"too early to renew: SSL-000002 expires on 2026-01-02"}]`, func(ctx context.Context, c *Client) error {
				_, err := c.RenewCertificate(ctx, "", "SSL-000002", 1, "")
				return err
			}, false, CodeTooEarlyToRenew, ""},
		{"RenewCertificate revoked", "POST /api/Certificate/{h}/Renew", 409, `[{"Code":570,"Detail":"the certificate is revoked"}]`,
			func(ctx context.Context, c *Client) error {
				_, err := c.RenewCertificate(ctx, "", "SSL-000002", 1, "")
				return err
			}, false, CodeStatus, ""},
		{"ValidateCertificate revoked", "PUT /api/Certificate/{h}/Validate", 409, `[{"Code":570,"Detail":"the certificate is revoked"}]`,
			func(ctx context.Context, c *Client) error {
				_, err := c.ValidateCertificate(ctx, "", "SSL-000002")
				return err
			}, false, CodeStatus, ""},
		{"UpdateCertificate revoked", "PUT /api/Certificate/{h}", 409, `[{"Code":570,"Detail":"the certificate is revoked"}]`,
			func(ctx context.Context, c *Client) error {
				_, err := c.UpdateCertificate(ctx, "", "SSL-000002", true)
				return err
			}, false, CodeStatus, ""},
		{"CreateCertificate with a CSR for other names", "POST /api/Certificate", 422,
			`[{"Code":530,"Detail":"the CSR lacks www.example.com","Data":{"Field":"CSR"}}]`, func(ctx context.Context, c *Client) error {
				_, err := c.CreateCertificate(ctx, "", NewCertificate{ProductName: "DomainSSL", Period: 1, CSR: csrSample, San: []string{"www.example.com"}})
				return err
			}, false, CodeInvalidValue, "CSR"},
		{"CreateCertificate with too many names", "POST /api/Certificate", 422,
			`[{"Code":550,"Detail":"AlphaSSL covers at most 1 name besides the common name","Data":{"Field":"San"}}]`, func(ctx context.Context, c *Client) error {
				_, err := c.CreateCertificate(ctx, "", NewCertificate{ProductName: "AlphaSSL", Period: 1, CSR: csrSample, San: []string{"a.example.com", "b.example.com"}})
				return err
			}, false, CodePolicy, "San"},
		{"CreateCertificate with an unknown contact", "POST /api/Certificate", 404,
			`[{"Code":510,"Detail":"contact CT-000009 does not exist","Data":{"Field":"AdminContact"}}]`, func(ctx context.Context, c *Client) error {
				_, err := c.CreateCertificate(ctx, "", NewCertificate{ProductName: "AlphaSSL", Period: 1, CSR: csrSample, AdminContact: "CT-000009"})
				return err
			}, true, CodeNotFound, "AdminContact"},
		{"ReissueCertificate with a wildcard on a plain product", "POST /api/Certificate/{h}/Reissue", 422,
			`[{"Code":530,"Detail":"*.example.com needs a wildcard product","Data":{"Field":"San"}}]`, func(ctx context.Context, c *Client) error {
				_, err := c.ReissueCertificate(ctx, "", "SSL-000001", newCSRSample, []string{"*.example.com"})
				return err
			}, false, CodeInvalidValue, "San"},
		{"GenerateCSR with a bad key size", "POST /api/Certificate/Csr", 422,
			`[{"Code":530,"Detail":"KeySize must be 2048, 3072 or 4096","Data":{"Field":"KeySize"}}]`, func(ctx context.Context, c *Client) error {
				_, err := c.GenerateCSR(ctx, "", CSRRequest{CommonName: "example.com", KeySize: 512})
				return err
			}, false, CodeInvalidValue, "KeySize"},
		{"FindCertificates for another reseller's client", "GET /api/Certificate", 403,
			`[{"Code":712,"Detail":"user CL-000009 is not yours"}]`, func(ctx context.Context, c *Client) error {
				_, err := c.FindCertificates(ctx, "CL-000009", "example.com")
				return err
			}, false, CodeNotPermitted, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer(tt.pattern, tt.status, tt.body)
			err := tt.call(t.Context(), f.client())
			if err == nil {
				t.Fatal("no error")
			}
			if IsNotFound(err) != tt.notFound {
				t.Errorf("IsNotFound(%v) = %v, want %v", err, !tt.notFound, tt.notFound)
			}
			if !HasCode(err, tt.code) {
				t.Errorf("HasCode(%v, %d) = false", err, tt.code)
			}
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.Field() != tt.field {
				t.Errorf("Field of %v is not %q", err, tt.field)
			}
			if IsAmbiguous(err) {
				t.Errorf("IsAmbiguous(%v) = true for a refusal", err)
			}
			if n := len(f.calls(http.MethodGet, "/api/Certificate")); n != 0 && !strings.HasPrefix(tt.pattern, "GET") {
				t.Errorf("a refused change was followed by %d look-ups", n)
			}
		})
	}
}
