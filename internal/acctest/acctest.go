// Package acctest is the acceptance-test harness: an in-process sandbox per
// test, the provider factories, and helpers to read the sandbox's ledger and
// counters, inject faults and make out-of-band changes.
package acctest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/resellerkit/terraform-provider-reseller/internal/provider"
	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox"
)

// ProviderFactories serve the provider in-process to the Terraform CLI.
var ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"reseller": providerserver.NewProtocol6WithError(provider.New("test")()),
}

// Sandbox is one in-process partner-API emulator, private to a test.
type Sandbox struct {
	URL    string
	server *sandbox.Server
	env    map[string]string
}

// NewSandbox starts a sandbox with short asynchronous delays and stops it when
// the test ends.
func NewSandbox(t testing.TB) *Sandbox {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{
		Seed:     1,
		Settings: sandbox.Settings{DomainPendingSeconds: 0.3, DnssecPendingSeconds: 0.3, HostingPendingSeconds: 0.3, LicenseKeySeconds: 0.3},
	})
	if err != nil {
		t.Fatalf("start sandbox: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		ts.Close()
		_ = srv.Close()
	})
	env := map[string]string{}
	for _, v := range srv.Env(ts.URL) {
		env[v.Name] = v.Value
	}
	sb := &Sandbox{URL: ts.URL, server: srv, env: env}
	// Every Terraform command of a test is a provider process of its own,
	// which mints its own Zoho token: lift Zoho's cap of 10 in 10 minutes.
	sb.admin(t, http.MethodPut, "/_sandbox/zoho/limits", map[string]int{"MintCap": 1000}, nil)
	return sb
}

// Env returns the value of one of the variables the sandbox prints at start.
func (s *Sandbox) Env(name string) string { return s.env[name] }

// ProviderConfig is a provider block pointing the namebay and ispmanager
// families at this sandbox, with no client-side rate limit so tests run at
// full speed.
func (s *Sandbox) ProviderConfig() string {
	return s.ProviderConfigWith("")
}

// ProviderConfigWith adds extra lines to the namebay block.
func (s *Sandbox) ProviderConfigWith(extra string) string {
	return fmt.Sprintf(`
provider "reseller" {
  namebay {
    endpoint                = %q
    username                = %q
    password                = %q
    max_requests_per_second = 0
    %s
  }
  ispmanager {
    endpoint                = %q
    username                = %q
    password                = %q
    max_requests_per_second = 0
  }
%s}
`, s.env["RESELLER_NAMEBAY_ENDPOINT"], s.env["RESELLER_NAMEBAY_USERNAME"], s.env["RESELLER_NAMEBAY_PASSWORD"], extra,
		s.env["RESELLER_ISPMANAGER_ENDPOINT"], s.env["RESELLER_ISPMANAGER_USERNAME"], s.env["RESELLER_ISPMANAGER_PASSWORD"],
		s.ZohoBlock(s.env["RESELLER_ZOHO_MAIL_REFRESH_TOKEN"])+s.xariosBlock())
}

// xariosBlock is the xarios block of the provider for this sandbox.
func (s *Sandbox) xariosBlock() string {
	if s.env["RESELLER_XARIOS_CLIENT_ID"] == "" {
		return ""
	}
	return fmt.Sprintf(`  xarios {
    login_endpoint          = %q
    api_endpoint            = %q
    client_id               = %q
    client_secret           = %q
    refresh_token           = %q
    max_requests_per_second = 0
  }
`, s.env["RESELLER_XARIOS_LOGIN_ENDPOINT"], s.env["RESELLER_XARIOS_API_ENDPOINT"], s.env["RESELLER_XARIOS_CLIENT_ID"],
		s.env["RESELLER_XARIOS_CLIENT_SECRET"], s.env["RESELLER_XARIOS_REFRESH_TOKEN"])
}

// ZohoBlock is the zoho_mail block of the provider for this sandbox, with
// the given refresh token.
func (s *Sandbox) ZohoBlock(refreshToken string) string {
	if s.env["RESELLER_ZOHO_MAIL_CLIENT_ID"] == "" {
		return ""
	}
	return fmt.Sprintf(`  zoho_mail {
    accounts_endpoint       = %q
    mail_endpoint           = %q
    mailadmin_endpoint      = %q
    store_endpoint          = %q
    client_id               = %q
    client_secret           = %q
    refresh_token           = %q
    max_requests_per_second = 0
  }
`, s.env["RESELLER_ZOHO_MAIL_ACCOUNTS_ENDPOINT"], s.env["RESELLER_ZOHO_MAIL_MAIL_ENDPOINT"], s.env["RESELLER_ZOHO_MAIL_MAILADMIN_ENDPOINT"],
		s.env["RESELLER_ZOHO_MAIL_STORE_ENDPOINT"], s.env["RESELLER_ZOHO_MAIL_CLIENT_ID"], s.env["RESELLER_ZOHO_MAIL_CLIENT_SECRET"], refreshToken)
}

// LedgerEntry is one billable operation recorded by the sandbox.
type LedgerEntry struct {
	ID        int64   `json:"Id"`
	Family    string  `json:"Family"`
	Account   string  `json:"Account"`
	Operation string  `json:"Operation"`
	Object    string  `json:"Object"`
	Period    int     `json:"Period"`
	Amount    float64 `json:"Amount"`
	Currency  string  `json:"Currency"`
}

// Ledger reads every billable operation.
func (s *Sandbox) Ledger(t testing.TB) []LedgerEntry {
	t.Helper()
	var entries []LedgerEntry
	s.admin(t, http.MethodGet, "/_sandbox/ledger", nil, &entries)
	return entries
}

// CountOrders counts the ledger entries of operation for object.
func (s *Sandbox) CountOrders(t testing.TB, operation, object string) int {
	t.Helper()
	n := 0
	for _, e := range s.Ledger(t) {
		if e.Operation == operation && e.Object == object {
			n++
		}
	}
	return n
}

// Counters reads the per-route request counters.
func (s *Sandbox) Counters(t testing.TB) map[string]int {
	t.Helper()
	counts := map[string]int{}
	s.admin(t, http.MethodGet, "/_sandbox/counters", nil, &counts)
	return counts
}

// ResetCounters sets every request counter back to zero.
func (s *Sandbox) ResetCounters(t testing.TB) {
	t.Helper()
	s.admin(t, http.MethodDelete, "/_sandbox/counters", nil, nil)
}

// FaultRule is one sandbox fault rule (see cmd/reseller-sandbox/README.md).
type FaultRule struct {
	Method            string  `json:"Method,omitempty"`
	Path              string  `json:"Path"`
	Func              string  `json:"Func,omitempty"` // the func of a BILLmanager call
	Kind              string  `json:"Kind"`
	Probability       float64 `json:"Probability,omitempty"`
	Count             int     `json:"Count,omitempty"`
	LatencyMs         int     `json:"LatencyMs,omitempty"`
	Status            int     `json:"Status,omitempty"`
	RatePerSecond     float64 `json:"RatePerSecond,omitempty"`
	Burst             int     `json:"Burst,omitempty"`
	RetryAfterSeconds int     `json:"RetryAfterSeconds,omitempty"`
}

// SetFaults replaces the sandbox's fault rules.
func (s *Sandbox) SetFaults(t testing.TB, seed int64, rules ...FaultRule) {
	t.Helper()
	s.admin(t, http.MethodPut, "/_sandbox/faults", map[string]any{"Seed": seed, "Rules": rules}, nil)
}

// AdvanceClock moves the sandbox clock forward.
func (s *Sandbox) AdvanceClock(t testing.TB, d time.Duration) {
	t.Helper()
	s.admin(t, http.MethodPost, "/_sandbox/clock", map[string]string{"Advance": d.String()}, nil)
}

// OutOfBand calls the Namebay API as login, behind the provider's back, and
// decodes the answer into out when it is not nil.
func (s *Sandbox) OutOfBand(t testing.TB, login, method, apiPath string, body, out any) {
	t.Helper()
	s.admin(t, method, "/_sandbox/as/"+login+"/namebay/"+strings.TrimPrefix(apiPath, "/"), body, out)
}

func (s *Sandbox) admin(t testing.TB, method, path string, body, out any) {
	t.Helper()
	var reader io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		reader = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.URL+path, reader)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		t.Fatalf("%s %s: %s: %s", method, path, resp.Status, data)
	}
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: decode %s: %v", method, path, data, err)
		}
	}
}

// CheckBilled checks the ledger holds exactly the amounts listed, in order,
// for operation on object in the partner family.
func (s *Sandbox) CheckBilled(t testing.TB, family, operation, object string, amounts ...float64) func(*terraform.State) error {
	return func(*terraform.State) error {
		var got []float64
		for _, e := range s.Ledger(t) {
			if e.Family == family && e.Operation == operation && e.Object == object {
				got = append(got, e.Amount)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(amounts) {
			return fmt.Errorf("ledger %s of %s: %v, want %v", operation, object, got, amounts)
		}
		return nil
	}
}
