package sandbox_test

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
	server   *sandbox.Server
	url      string
	password string // of the seeded reseller
}

func start(t *testing.T, opts sandbox.Options) *env {
	t.Helper()
	s, err := sandbox.New(opts)
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
	return serve(t, s, srv.URL)
}

func serve(t *testing.T, s *sandbox.Server, url string) *env {
	e := &env{t: t, server: s, url: url}
	for _, v := range s.Env(url) {
		if v.Name == "RESELLER_NAMEBAY_PASSWORD" {
			e.password = v.Value
		}
	}
	return e
}

type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// try sends a request and returns the transport error, if any.
func (e *env) try(method, path string, body any, basicAuth bool) (*response, error) {
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
	req, err := http.NewRequest(method, e.url+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if basicAuth {
		req.SetBasicAuth("reseller", e.password)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(res.Body)
	if closeErr := res.Body.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return nil, err
	}
	return &response{Status: res.StatusCode, Header: res.Header, Body: raw}, nil
}

// namebay calls the Namebay API as the seeded reseller.
func (e *env) namebay(method, path string, body any, status int, into any) *response {
	e.t.Helper()
	return e.expect(method, "/namebay/api/"+path, body, true, status, into)
}

// admin calls the admin API.
func (e *env) admin(method, path string, body any, status int, into any) *response {
	e.t.Helper()
	return e.expect(method, "/_sandbox/"+path, body, false, status, into)
}

func (e *env) expect(method, path string, body any, basicAuth bool, status int, into any) *response {
	e.t.Helper()
	res, err := e.try(method, path, body, basicAuth)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	if res.Status != status {
		e.t.Fatalf("%s %s: status %d, want %d; body %s", method, path, res.Status, status, res.Body)
	}
	if into != nil {
		if err := json.Unmarshal(res.Body, into); err != nil {
			e.t.Fatalf("%s %s: decoding %s: %v", method, path, res.Body, err)
		}
	}
	return res
}

func contactBody() map[string]any {
	return map[string]any{
		"FirstName": "Ada", "LastName": "Lovelace", "Address": "1 rue de Rivoli", "City": "Paris",
		"Pc": "75001", "Cc": "FR", "MailAddress": "ada@example.com", "IsIndividual": true,
	}
}

// createContact creates a contact as the reseller and returns its handle.
func (e *env) createContact() string {
	e.t.Helper()
	var ct struct{ Handle string }
	e.namebay("POST", "Contact", contactBody(), http.StatusCreated, &ct)
	return ct.Handle
}

func domainBody(name, contact string) map[string]any {
	return map[string]any{
		"DomainName": name, "Period": 2, "RegistrantContactId": contact, "AdminContactId": contact,
		"TechContactId": contact, "BillingContactId": contact, "UseNamebayDns": true,
	}
}

type ledgerEntry struct {
	Id        int64
	Operation string
	Object    string
	Amount    float64
}

func (e *env) ledger() []ledgerEntry {
	e.t.Helper()
	var out []ledgerEntry
	e.admin("GET", "ledger", nil, http.StatusOK, &out)
	return out
}

func (e *env) counters() map[string]int {
	e.t.Helper()
	var out map[string]int
	e.admin("GET", "counters", nil, http.StatusOK, &out)
	return out
}
