package sandbox_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox"
)

func TestEnv(t *testing.T) {
	t.Parallel()
	s, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	env := s.Env("http://127.0.0.1:1234")
	if len(env) != 18 || env[0] != (sandbox.EnvVar{Name: "RESELLER_NAMEBAY_ENDPOINT", Value: "http://127.0.0.1:1234/namebay"}) ||
		env[1] != (sandbox.EnvVar{Name: "RESELLER_NAMEBAY_USERNAME", Value: "reseller"}) ||
		env[2].Name != "RESELLER_NAMEBAY_PASSWORD" || len(env[2].Value) < 16 ||
		env[3] != (sandbox.EnvVar{Name: "RESELLER_ISPMANAGER_ENDPOINT", Value: "http://127.0.0.1:1234/ispmanager/billmgr"}) ||
		env[4] != (sandbox.EnvVar{Name: "RESELLER_ISPMANAGER_USERNAME", Value: "reseller@example.com"}) ||
		env[5].Name != "RESELLER_ISPMANAGER_PASSWORD" || len(env[5].Value) < 16 {
		t.Fatalf("Env = %+v", env)
	}
}

func TestAdminAccounts(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	e.admin("GET", "health", nil, http.StatusOK, nil)

	type account struct{ Family, Login, Password, Kind, Reseller, Handle string }
	var accounts []account
	e.admin("GET", "accounts", nil, http.StatusOK, &accounts)
	if len(accounts) < 3 || accounts[0] != (account{"namebay", "reseller", "", "reseller", "", "RS-000001"}) ||
		accounts[1] != (account{"namebay", "client", "", "client", "reseller", "CL-000001"}) ||
		accounts[2] != (account{"ispmanager", "reseller@example.com", "", "reseller", "", "RS-000001"}) {
		t.Fatalf("seeded accounts %+v", accounts)
	}

	var created account
	e.admin("POST", "accounts", map[string]string{"Family": "namebay", "Login": "shop", "Password": "s3cret", "Kind": "reseller"}, http.StatusCreated, &created)
	if created.Handle != "RS-000002" || created.Password != "" {
		t.Fatalf("created %+v", created)
	}
	e.admin("POST", "accounts", map[string]string{"Family": "namebay", "Login": "shop-client", "Password": "pw", "Kind": "client", "Reseller": "shop"}, http.StatusCreated, &created)
	if created.Handle != "CL-000002" || created.Reseller != "shop" {
		t.Fatalf("created %+v", created)
	}
	for _, bad := range []map[string]string{
		{"Family": "nowhere", "Login": "x", "Password": "pw", "Kind": "reseller"},
		{"Family": "namebay", "Login": "x", "Password": "", "Kind": "reseller"},
		{"Family": "namebay", "Login": "x", "Password": "pw", "Kind": "boss"},
		{"Family": "namebay", "Login": "x", "Password": "pw", "Kind": "client", "Reseller": "nobody"},
		{"Family": "namebay", "Login": "x", "Password": "pw", "Kind": "client", "Reseller": "client"},
		{"Family": "namebay", "Login": "bad login", "Password": "pw", "Kind": "reseller"},
	} {
		e.admin("POST", "accounts", bad, http.StatusBadRequest, nil)
	}
	e.admin("POST", "accounts", map[string]string{"Family": "namebay", "Login": "shop", "Password": "pw", "Kind": "reseller"}, http.StatusConflict, nil)

	// The new reseller logs in with its password.
	res, err := e.try("GET", "/namebay/api/Tld", nil, false)
	if err != nil || res.Status != http.StatusUnauthorized {
		t.Fatalf("anonymous call: %v %v", res, err)
	}
	req, _ := http.NewRequest("GET", e.url+"/namebay/api/Tld", nil)
	req.SetBasicAuth("shop", "s3cret")
	got, err := http.DefaultClient.Do(req)
	if err != nil || got.StatusCode != http.StatusOK {
		t.Fatalf("new reseller's call: %v %v", got, err)
	}
	if err := got.Body.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestAdminActsAsAccountWithoutCounting(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	var ct struct{ Handle, Account string }
	e.admin("POST", "as/client/namebay/api/Contact", contactBody(), http.StatusCreated, &ct)
	if ct.Account != "CL-000001" {
		t.Fatalf("contact made as the client belongs to %s", ct.Account)
	}
	e.namebay("GET", "Contact/"+ct.Handle, nil, http.StatusOK, nil)
	e.admin("GET", "as/reseller/namebay/api/Contact?user=CL-000001", nil, http.StatusOK, nil)
	e.admin("GET", "as/client/namebay/api/Contact?user=RS-000001", nil, http.StatusForbidden, nil)
	e.admin("GET", "as/nobody/namebay/api/Contact", nil, http.StatusNotFound, nil)
	e.admin("GET", "as/reseller/nofamily/api/Contact", nil, http.StatusNotFound, nil)

	if got := e.counters(); len(got) != 1 || got["GET /namebay/api/Contact/{handle}"] != 1 {
		t.Fatalf("counters %v: only the partner request counts", got)
	}
	e.admin("DELETE", "counters", nil, http.StatusOK, nil)
	if got := e.counters(); len(got) != 0 {
		t.Fatalf("counters after reset: %v", got)
	}
	e.admin("GET", "nothing", nil, http.StatusNotFound, nil)
}

func TestAdminClockAndSettings(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{Settings: sandbox.Settings{DomainPendingSeconds: 0.2, DnssecPendingSeconds: 3, HostingPendingSeconds: 4}})
	var clock struct{ Now time.Time }
	e.admin("GET", "clock", nil, http.StatusOK, &clock)
	if d := time.Since(clock.Now); d < -time.Minute || d > time.Minute {
		t.Fatalf("sandbox clock %s is not now", clock.Now)
	}
	e.admin("POST", "clock", map[string]string{"Advance": "720h"}, http.StatusOK, &clock)
	if d := time.Until(clock.Now); d < 719*time.Hour || d > 721*time.Hour {
		t.Fatalf("clock after 720h: %s", clock.Now)
	}
	e.admin("POST", "clock", map[string]string{"Advance": "-1h"}, http.StatusBadRequest, nil)
	e.admin("POST", "clock", map[string]string{"Advance": "soon"}, http.StatusBadRequest, nil)

	var settings sandbox.Settings
	e.admin("GET", "settings", nil, http.StatusOK, &settings)
	if settings != (sandbox.Settings{DomainPendingSeconds: 0.2, DnssecPendingSeconds: 3, HostingPendingSeconds: 4}) {
		t.Fatalf("settings %+v", settings)
	}
	e.admin("PUT", "settings", map[string]float64{"DnssecPendingSeconds": 0}, http.StatusOK, &settings)
	if settings != (sandbox.Settings{DomainPendingSeconds: 0.2, DnssecPendingSeconds: 0, HostingPendingSeconds: 4}) {
		t.Fatalf("settings after a partial PUT %+v", settings)
	}
	e.admin("PUT", "settings", map[string]float64{"HostingPendingSeconds": 0.2}, http.StatusOK, &settings)
	if settings != (sandbox.Settings{DomainPendingSeconds: 0.2, DnssecPendingSeconds: 0, HostingPendingSeconds: 0.2}) {
		t.Fatalf("settings after setting the hosting delay %+v", settings)
	}
	e.admin("PUT", "settings", map[string]float64{"DomainPendingSeconds": -1}, http.StatusBadRequest, nil)
	e.admin("PUT", "settings", map[string]float64{"HostingPendingSeconds": -1}, http.StatusBadRequest, nil)
	e.admin("GET", "settings", nil, http.StatusOK, &settings)
	if settings.HostingPendingSeconds != 0.2 {
		t.Fatalf("a refused PUT changed the settings: %+v", settings)
	}

	// A registration completes after the real delay too.
	var d struct{ Handle, Status string }
	e.namebay("POST", "Domain", domainBody("quick.com", e.createContact()), http.StatusAccepted, &d)
	if d.Status != "pending" {
		t.Fatalf("new domain is %q", d.Status)
	}
	var p struct{ Handle, Status string }
	e.namebay("POST", "Hosting", map[string]any{
		"ProductId": "HOSTING-START", "Domain": "quick.com", "Period": 1,
		"AdminContact": map[string]string{"Handle": "CT-000001"}, "BillingContact": map[string]string{"Handle": "CT-000001"},
	}, http.StatusAccepted, &p)
	if p.Status != "pending" {
		t.Fatalf("new pack is %q", p.Status)
	}
	time.Sleep(300 * time.Millisecond)
	e.namebay("GET", "Domain/"+d.Handle, nil, http.StatusOK, &d)
	if d.Status != "ok" {
		t.Fatalf("domain after its 0.2 s delay is %q", d.Status)
	}
	e.namebay("GET", "Hosting/"+p.Handle, nil, http.StatusOK, &p)
	if p.Status != "active" {
		t.Fatalf("pack after its 0.2 s delay is %q", p.Status)
	}
}

func TestCountersUseRouteTemplates(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	ct := e.createContact()
	e.namebay("GET", "Contact/"+ct, nil, http.StatusOK, nil)
	e.namebay("GET", "Contact/CT-000999", nil, http.StatusNotFound, nil)
	e.expect("POST", "/namebay/api/Token", map[string]string{"Login": "reseller", "Password": e.password}, false, http.StatusOK, nil)
	want := map[string]int{
		"POST /namebay/api/Contact":         1,
		"GET /namebay/api/Contact/{handle}": 2,
		"POST /namebay/api/Token":           1,
	}
	got := e.counters()
	if len(got) != len(want) {
		t.Fatalf("counters %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Fatalf("counters %v, want %v", got, want)
		}
	}
}

func TestAdminCertificateSwitches(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{Settings: sandbox.Settings{DomainPendingSeconds: 1}})
	type switches struct {
		DomainPendingSeconds                    float64
		CertHttpValidation, CertEmailValidation *bool
	}
	check := func(what string, got switches, httpOn, emailOn bool) {
		t.Helper()
		if got.CertHttpValidation == nil || got.CertEmailValidation == nil || *got.CertHttpValidation != httpOn ||
			*got.CertEmailValidation != emailOn || got.DomainPendingSeconds != 1 {
			t.Fatalf("%s: %+v, want HTTP %v and e-mail %v", what, got, httpOn, emailOn)
		}
	}
	var got switches
	e.admin("GET", "settings", nil, http.StatusOK, &got)
	check("defaults", got, true, true)
	e.admin("PUT", "settings", map[string]bool{"CertHttpValidation": false}, http.StatusOK, &got)
	check("HTTP off", got, false, true)
	e.admin("PUT", "settings", map[string]float64{"HostingPendingSeconds": 3}, http.StatusOK, &got)
	check("after a PUT of a delay", got, false, true)
	e.admin("PUT", "settings", map[string]any{"CertEmailValidation": false, "CertHttpValidation": true}, http.StatusOK, &got)
	check("e-mail off, HTTP on", got, true, false)
	e.admin("PUT", "settings", map[string]string{"CertHttpValidation": "false"}, http.StatusBadRequest, nil)
	e.admin("PUT", "settings", map[string]any{"CertHttpValidation": false, "DnssecPendingSeconds": -1}, http.StatusBadRequest, nil)
	e.admin("GET", "settings", nil, http.StatusOK, &got)
	check("after refused PUTs", got, true, false)
	var settings sandbox.Settings
	e.admin("GET", "settings", nil, http.StatusOK, &settings)
	if settings != (sandbox.Settings{DomainPendingSeconds: 1, HostingPendingSeconds: 3, CertEmailValidationFails: true}) {
		t.Fatalf("settings in Go %+v", settings)
	}
}
