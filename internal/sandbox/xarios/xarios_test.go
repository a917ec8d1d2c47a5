package xarios_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox"
)

type env struct {
	t     *testing.T
	url   string
	env   map[string]string
	token string
}

func serve(t *testing.T, s *sandbox.Server) *env {
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	e := &env{t: t, url: srv.URL, env: map[string]string{}}
	for _, v := range s.Env(srv.URL) {
		e.env[v.Name] = v.Value
	}
	return e
}

func start(t *testing.T) *env {
	t.Helper()
	s, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	e := serve(t, s)
	e.token = e.mint(nil)["access_token"].(string)
	return e
}

// mint posts to the token route, with the seeded grant changed by change.
func (e *env) mint(change map[string]string) map[string]any {
	e.t.Helper()
	form := url.Values{"grant_type": {"refresh_token"}, "client_id": {e.env["RESELLER_XARIOS_CLIENT_ID"]},
		"client_secret": {e.env["RESELLER_XARIOS_CLIENT_SECRET"]}, "refresh_token": {e.env["RESELLER_XARIOS_REFRESH_TOKEN"]}}
	for k, v := range change {
		form.Set(k, v)
	}
	resp, err := http.PostForm(e.env["RESELLER_XARIOS_LOGIN_ENDPOINT"]+"/connect/token", form)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	out["http"] = float64(resp.StatusCode)
	return out
}

// call sends a request with the bearer token (and accept-charges when
// charges) and returns the status and the decoded envelope.
func (e *env) call(method, path string, body any, charges bool) (int, map[string]any) {
	e.t.Helper()
	var reader io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		reader = strings.NewReader(string(b))
	}
	req, _ := http.NewRequest(method, e.env["RESELLER_XARIOS_API_ENDPOINT"]+"/v1.0/"+path, reader)
	req.Header.Set("Authorization", "Bearer "+e.token)
	req.Header.Set("Content-Type", "application/json")
	if charges {
		req.Header.Set("accept-charges", "true")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func data(env map[string]any) map[string]any {
	d, _ := env["data"].(map[string]any)
	return d
}

func (e *env) customer(body map[string]any) string {
	e.t.Helper()
	status, out := e.call(http.MethodPost, "customers", body, true)
	if status != http.StatusCreated {
		e.t.Fatalf("create customer: %d %v", status, out)
	}
	return data(out)["id"].(string)
}

func (e *env) ledger() []map[string]any {
	e.t.Helper()
	resp, err := http.Get(e.url + "/_sandbox/ledger")
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out []map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return out
}

func TestTokenErrors(t *testing.T) {
	t.Parallel()
	e := start(t)
	if got := e.mint(map[string]string{"client_secret": "nope"}); got["http"] != float64(401) || got["error"] != "invalid_client" {
		t.Errorf("wrong secret: %v", got)
	}
	if got := e.mint(map[string]string{"refresh_token": "nope"}); got["http"] != float64(400) || got["error"] != "invalid_grant" {
		t.Errorf("wrong refresh token: %v", got)
	}
	if got := e.mint(map[string]string{"grant_type": "password"}); got["error"] != "unsupported_grant_type" {
		t.Errorf("password grant: %v", got)
	}
	e.token = "nope"
	if status, out := e.call(http.MethodGet, "customers", nil, false); status != 401 || out["status"] != "error" {
		t.Errorf("bad bearer: %d %v", status, out)
	}
}

func TestCustomerRules(t *testing.T) {
	t.Parallel()
	e := start(t)
	base := map[string]any{"name": "Boulangerie Martin", "reference": "ACME-001", "countryCode": "FR", "productType": "essentials", "trialDuration": 14}
	if status, out := e.call(http.MethodPost, "customers", base, false); status != 400 || !strings.Contains(out["message"].(string), "accept-charges") {
		t.Fatalf("without accept-charges: %d %v", status, out)
	}
	id := e.customer(base)
	if status, _ := e.call(http.MethodPost, "customers", base, true); status != http.StatusConflict {
		t.Errorf("second customer with the reference: %d", status)
	}
	for name, bad := range map[string]map[string]any{
		"unknown product type":              {"name": "X", "productType": "gold"},
		"lower-case country":                {"name": "X", "productType": "essentials", "countryCode": "fr"},
		"trial of a profile without trials": {"name": "X", "productType": "contact-centre", "trialDuration": 7},
		"no name":                           {"productType": "essentials"},
	} {
		if status, out := e.call(http.MethodPost, "customers", bad, true); status != 400 {
			t.Errorf("%s: %d %v", name, status, out)
		}
	}
	_, list := e.call(http.MethodGet, "customers?reference=ACME-001", nil, false)
	if items := list["data"].([]any); len(items) != 1 || items[0].(map[string]any)["id"] != id || list["total"] != float64(1) {
		t.Fatalf("by reference: %v", list)
	}
	_, got := e.call(http.MethodGet, "customers/"+id, nil, false)
	if c := data(got); c["status"] != "disabled" || c["timezone"] != "Europe/London" || c["trialEnds"] == "" || c["enabled"] != false {
		t.Fatalf("customer %v", c)
	}
	// Product type: changeable ones move, with accept-charges; others never.
	if status, _ := e.call(http.MethodPatch, "customers/"+id, map[string]any{"productType": "professional"}, false); status != 400 {
		t.Errorf("product type change without accept-charges: %d", status)
	}
	if status, out := e.call(http.MethodPatch, "customers/"+id, map[string]any{"productType": "professional", "enabled": true}, true); status != 200 || data(out)["status"] != "active" {
		t.Fatalf("to professional: %d %v", status, out)
	}
	if status, out := e.call(http.MethodPatch, "customers/"+id, map[string]any{"productType": "contact-centre"}, true); status != 400 || !strings.Contains(out["message"].(string), "cannot be changed") {
		t.Errorf("to contact-centre: %d %v", status, out)
	}
	// Renaming needs no charges.
	if status, _ := e.call(http.MethodPatch, "customers/"+id, map[string]any{"name": "Martin & Fils"}, false); status != 200 {
		t.Errorf("rename: %d", status)
	}
	var ops []string
	var total float64
	for _, l := range e.ledger() {
		ops = append(ops, l["Operation"].(string))
		total += l["Amount"].(float64)
	}
	if strings.Join(ops, ",") != "xarios.customer.create,xarios.customer.producttype" || total != 60 {
		t.Errorf("ledger %v totalling %.2f", ops, total)
	}
	// Delete: terminated, then gone 30 days later.
	if status, out := e.call(http.MethodDelete, "customers/"+id, nil, false); status != 200 || data(out)["status"] != "terminated" {
		t.Fatalf("delete: %d %v", status, out)
	}
	if status, _ := e.call(http.MethodPatch, "customers/"+id, map[string]any{"name": "Back"}, false); status != 400 {
		t.Errorf("patch of a terminated customer: %d", status)
	}
	req, _ := http.NewRequest(http.MethodPost, e.url+"/_sandbox/clock", strings.NewReader(`{"Advance": "721h"}`))
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
	}
	e.token = e.mint(nil)["access_token"].(string)
	if status, _ := e.call(http.MethodGet, "customers/"+id, nil, false); status != 404 {
		t.Errorf("30 days after termination: %d", status)
	}
}

func TestUsersAndRoles(t *testing.T) {
	t.Parallel()
	e := start(t)
	id := e.customer(map[string]any{"name": "C", "productType": "essentials", "enabled": true})
	path := "customers/" + id + "/users"
	admin := map[string]any{"displayName": "Camille Martin", "email": "camille@martin.fr", "roles": []string{"customer.website", "customer.admin"}}
	status, out := e.call(http.MethodPost, path, admin, false)
	if status != 201 || data(out)["invitationState"] != "sent" {
		t.Fatalf("admin: %d %v", status, out)
	}
	userID := data(out)["id"].(string)
	if status, _ := e.call(http.MethodPost, path, admin, false); status != 409 {
		t.Errorf("same e-mail again: %d", status)
	}
	for name, roles := range map[string][]string{
		"admin without website": {"customer.admin"},
		"two supervisor roles":  {"customer.supervisor.team", "customer.supervisor.all"},
		"realtime without pbx":  {"customer.user.pbx.realtime"},
		"a platform-set role":   {"customer.user.microsoftteams"},
		"an unknown role":       {"customer.user.gold"},
	} {
		if status, out := e.call(http.MethodPatch, path+"/"+userID, map[string]any{"roles": roles}, false); status != 400 {
			t.Errorf("%s: %d %v", name, status, out)
		}
	}
	if status, out := e.call(http.MethodPatch, path+"/"+userID, map[string]any{"roles": []string{"customer.user.pbx"}}, false); status != 200 || data(out)["invitationState"] != "none" {
		t.Errorf("roles without website: %d %v", status, out)
	}
	if status, _ := e.call(http.MethodPatch, path+"/"+userID, map[string]any{"email": "other@martin.fr"}, false); status != 400 {
		t.Errorf("e-mail change: %d", status)
	}
	if status, _ := e.call(http.MethodDelete, path+"/"+userID, nil, false); status != 204 {
		t.Errorf("delete user: %d", status)
	}
}

func TestPBXConnections(t *testing.T) {
	t.Parallel()
	e := start(t)
	id := e.customer(map[string]any{"name": "C", "productType": "essentials", "countryCode": "GB"})
	path := "customers/" + id + "/pbxs"
	if status, _ := e.call(http.MethodPost, path, map[string]any{"_type": "KazooPbxConnectionProfile", "name": "Kazoo"}, false); status != 400 {
		t.Errorf("Kazoo without key nor template: %d", status)
	}
	if status, _ := e.call(http.MethodPost, path, map[string]any{"_type": "KazooPbxConnectionProfile", "name": "Kazoo", "templateId": "tpl_3cx"}, false); status != 400 {
		t.Errorf("Kazoo with a 3CX template: %d", status)
	}
	status, out := e.call(http.MethodPost, path, map[string]any{"_type": "KazooPbxConnectionProfile", "name": "Kazoo", "hostRest": "https://kazoo.example:8443", "accountId": "abc", "apiKey": "super-secret-key"}, false)
	if status != 201 || data(out)["apiKey"] != "********" || data(out)["enabled"] != false || data(out)["countryCode"] != "GB" {
		t.Fatalf("Kazoo: %d %v", status, out)
	}
	pbxID := data(out)["id"].(string)
	if status, _ := e.call(http.MethodPost, path, map[string]any{"_type": "TeamsConnectionProfile", "name": "Teams"}, false); status != 409 {
		t.Errorf("a second connection: %d", status)
	}
	if status, out := e.call(http.MethodPatch, path+"/"+pbxID, map[string]any{"enabled": true, "monitorSubAccounts": true}, false); status != 200 || data(out)["enabled"] != true {
		t.Errorf("enable: %d %v", status, out)
	}
	if status, _ := e.call(http.MethodPatch, path+"/"+pbxID, map[string]any{"_type": "ThreeCxConnectionProfile"}, false); status != 400 {
		t.Errorf("type change: %d", status)
	}
	_, list := e.call(http.MethodGet, path, nil, false)
	raw, _ := json.Marshal(list)
	if strings.Contains(string(raw), "super-secret-key") {
		t.Errorf("the API key is readable: %s", raw)
	}
}

func TestIsolationAndRestart(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "sandbox.db")
	s, err := sandbox.New(sandbox.Options{DataFile: file})
	if err != nil {
		t.Fatal(err)
	}
	e := serve(t, s)
	e.token = e.mint(nil)["access_token"].(string)
	id := e.customer(map[string]any{"name": "Durable", "productType": "essentials", "reference": "D-1"})
	// Another reseller does not see it.
	req, _ := http.NewRequest(http.MethodPost, e.url+"/_sandbox/accounts", strings.NewReader(`{"Family": "xarios", "Login": "other", "Password": "pw", "Kind": "reseller"}`))
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
	}
	resp, err := http.Get(e.url + "/_sandbox/as/other/xarios/api/v1.0/customers/" + id)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("another reseller reads the customer: %d", resp.StatusCode)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := sandbox.New(sandbox.Options{DataFile: file})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = again.Close() })
	e2 := serve(t, again)
	if e2.env["RESELLER_XARIOS_REFRESH_TOKEN"] != e.env["RESELLER_XARIOS_REFRESH_TOKEN"] {
		t.Fatal("the refresh token changed across the restart")
	}
	e2.token = e2.mint(nil)["access_token"].(string)
	if status, out := e2.call(http.MethodGet, "customers/"+id, nil, false); status != 200 || data(out)["reference"] != "D-1" {
		t.Fatalf("after restart: %d %v", status, out)
	}
}
