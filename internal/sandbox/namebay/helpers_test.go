package namebay_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox"
)

// env is one sandbox served over HTTP for one test.
type env struct {
	t        *testing.T
	url      string
	password string // of the seeded reseller
}

func start(t *testing.T) *env {
	t.Helper()
	return startWith(t, sandbox.Settings{DomainPendingSeconds: 60, DnssecPendingSeconds: 60, HostingPendingSeconds: 60})
}

// startWith serves a sandbox with the given delays.
func startWith(t *testing.T, settings sandbox.Settings) *env {
	t.Helper()
	s, err := sandbox.New(sandbox.Options{Seed: 1, Settings: settings})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		srv.Close()
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	e := &env{t: t, url: srv.URL}
	for _, v := range s.Env(srv.URL) {
		if v.Name == "RESELLER_NAMEBAY_PASSWORD" {
			e.password = v.Value
		}
	}
	return e
}

// reseller is the seeded reseller, by HTTP Basic.
func (e *env) reseller() *client {
	return &client{e: e, auth: func(r *http.Request) { r.SetBasicAuth("reseller", e.password) }}
}

// account creates an account through the admin API and returns its client.
func (e *env) account(login, kind, reseller string) (*client, string) {
	e.t.Helper()
	res := e.admin("POST", "/_sandbox/accounts", map[string]string{
		"Family": "namebay", "Login": login, "Password": login + "-pw", "Kind": kind, "Reseller": reseller,
	})
	res.want(http.StatusCreated)
	var acct struct{ Handle string }
	res.decode(&acct)
	return &client{e: e, auth: func(r *http.Request) { r.SetBasicAuth(login, login+"-pw") }}, acct.Handle
}

// admin calls the admin API; path starts with /_sandbox/.
func (e *env) admin(method, path string, body any) *response {
	return e.send(method, e.url+path, body, nil)
}

// advance moves the sandbox clock.
func (e *env) advance(d string) {
	e.t.Helper()
	e.admin("POST", "/_sandbox/clock", map[string]string{"Advance": d}).want(http.StatusOK)
}

func (e *env) send(method, url string, body any, auth func(*http.Request)) *response {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if auth != nil {
		auth(req)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, url, err)
	}
	raw, err := io.ReadAll(res.Body)
	if closeErr := res.Body.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return &response{t: e.t, what: method + " " + url, Status: res.StatusCode, Header: res.Header, Body: raw}
}

// client calls the Namebay API as one account.
type client struct {
	e    *env
	auth func(*http.Request)
}

// do calls path, relative to /namebay/api/ ("Contact", "Domain?name=x").
func (c *client) do(method, path string, body any) *response {
	c.e.t.Helper()
	return c.e.send(method, c.e.url+"/namebay/api/"+path, body, c.auth)
}

type response struct {
	t      *testing.T
	what   string
	Status int
	Header http.Header
	Body   []byte
}

// want fails the test unless the status is status.
func (r *response) want(status int) *response {
	r.t.Helper()
	if r.Status != status {
		r.t.Fatalf("%s: status %d, want %d; body %s", r.what, r.Status, status, r.Body)
	}
	return r
}

func (r *response) decode(v any) {
	r.t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		r.t.Fatalf("%s: decoding %s: %v", r.what, r.Body, err)
	}
}

// wantError fails unless the answer is status with one error of code (and
// field, when not "").
func (r *response) wantError(status, code int, field string) {
	r.t.Helper()
	r.want(status)
	var errs []struct {
		Code   int
		Detail string
		Data   *struct{ Field string }
	}
	r.decode(&errs)
	if len(errs) != 1 || errs[0].Code != code || errs[0].Detail == "" {
		r.t.Fatalf("%s: errors %s, want one with code %d", r.what, r.Body, code)
	}
	got := ""
	if errs[0].Data != nil {
		got = errs[0].Data.Field
	}
	if got != field {
		r.t.Fatalf("%s: error field %q, want %q (%s)", r.what, got, field, r.Body)
	}
}

// Fixtures.

func contactBody(first string) map[string]any {
	return map[string]any{
		"FirstName": first, "LastName": "Lovelace", "Address": "1 rue de Rivoli", "City": "Paris",
		"Pc": "75001", "Cc": "FR", "MailAddress": strings.ToLower(first) + "@example.com", "IsIndividual": true,
	}
}

func (c *client) createContact(query string) string {
	c.e.t.Helper()
	var ct struct{ Handle string }
	c.do("POST", "Contact"+query, contactBody("Ada")).want(http.StatusCreated).decode(&ct)
	return ct.Handle
}

func domainBody(name, contact string) map[string]any {
	return map[string]any{
		"DomainName": name, "Period": 1, "RegistrantContactId": contact, "AdminContactId": contact,
		"TechContactId": contact, "BillingContactId": contact, "UseNamebayDns": true,
	}
}

type domainAnswer struct {
	Id         int64
	Handle     string
	Name       string
	Status     string
	Expires    string
	AutoRenew  bool
	ZoneHandle *string
	AuthInfo   string
}

// createDomain registers name with Namebay DNS and returns it.
func (c *client) createDomain(query, name, contact string) domainAnswer {
	c.e.t.Helper()
	var d domainAnswer
	c.do("POST", "Domain"+query, domainBody(name, contact)).want(http.StatusAccepted).decode(&d)
	return d
}

type ledgerEntry struct {
	Id        int64
	Family    string
	Account   string
	Operation string
	Object    string
	Period    int
	Amount    float64
	Currency  string
}

func (e *env) ledger() []ledgerEntry {
	e.t.Helper()
	var out []ledgerEntry
	e.admin("GET", "/_sandbox/ledger", nil).want(http.StatusOK).decode(&out)
	return out
}

func hostingBody(domain, productID, contact string) map[string]any {
	return map[string]any{
		"ProductId": productID, "Domain": domain, "Period": 1,
		"AdminContact": map[string]string{"Handle": contact}, "BillingContact": map[string]string{"Handle": contact},
	}
}

type hostingAnswer struct {
	Handle, Domain, ProductId, OfferName, Status, Created, Expires, FtpHost, Account string
	AutoRenew, HasStats                                                              bool
	FrameWork                                                                        struct{ Type, Version string }
	DiskQuotaMb, DiskUsedMb, FtpUserCount, DatabaseCount, AliasCount                 int
	AdminContact, BillingContact                                                     struct{ Handle string }
}

// orderPack orders a pack (pending until the sandbox's delay passes).
func (c *client) orderPack(query, domain, productID, contact string) hostingAnswer {
	c.e.t.Helper()
	var p hostingAnswer
	c.do("POST", "Hosting"+query, hostingBody(domain, productID, contact)).want(http.StatusAccepted).decode(&p)
	return p
}

// createPack orders a pack and moves the clock past the set-up delay of
// start.
func (c *client) createPack(query, domain, productID, contact string) hostingAnswer {
	c.e.t.Helper()
	p := c.orderPack(query, domain, productID, contact)
	c.e.advance("61s")
	return p
}

func (c *client) getPack(handle string) hostingAnswer {
	c.e.t.Helper()
	var p hostingAnswer
	c.do("GET", "Hosting/"+handle, nil).want(http.StatusOK).decode(&p)
	return p
}

func ftpUserBody(name string) map[string]any {
	return map[string]any{"UserName": name, "Pwd": "s3cret-pw", "FullName": "Ada Lovelace", "Description": "site uploads", "Dir": "/www"}
}

func dbBody(name string) map[string]any {
	return map[string]any{"Name": name, "User": name + "_u", "Pwd": "s3cret-pw", "Type": "mysql5"}
}

type ftpUserAnswer struct {
	Id                                                        int64
	HostingHandle, Host, UserName, FullName, Description, Dir string
}

type dbAnswer struct {
	Name, HostingHandle, User, Type, Server, DateCre, Etat string
	Size, MaxSize                                          int
}
