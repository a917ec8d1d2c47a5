package ispmanager_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox"
)

// env is one sandbox served over HTTP for one test.
type env struct {
	t        *testing.T
	url      string
	password string
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
	e := &env{t: t, url: srv.URL}
	for _, v := range s.Env(srv.URL) {
		if v.Name == "RESELLER_ISPMANAGER_PASSWORD" {
			e.password = v.Value
		}
	}
	return e
}

// call posts fn with params as the seeded account and returns the raw body.
func (e *env) raw(out, fn string, params map[string]string) (int, string) {
	e.t.Helper()
	form := url.Values{"func": {fn}, "out": {out}, "authinfo": {"reseller@example.com:" + e.password}}
	for k, v := range params {
		form.Set(k, v)
	}
	resp, err := http.PostForm(e.url+"/ispmanager/billmgr", form)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// call answers the doc of a json call.
func (e *env) call(fn string, params map[string]string) map[string]any {
	e.t.Helper()
	status, body := e.raw("json", fn, params)
	var answer struct{ Doc map[string]any }
	if err := json.Unmarshal([]byte(body), &answer); err != nil || status != http.StatusOK {
		e.t.Fatalf("%s: %d %s", fn, status, body)
	}
	return answer.Doc
}

// ok fails unless the call succeeded.
func (e *env) ok(fn string, params map[string]string) map[string]any {
	e.t.Helper()
	doc := e.call(fn, params)
	if errDoc, bad := doc["error"]; bad {
		e.t.Fatalf("%s %v: error %v", fn, params, errDoc)
	}
	return doc
}

// fails checks the call failed with the error type and object.
func (e *env) fails(fn string, params map[string]string, typ, object string) {
	e.t.Helper()
	doc := e.call(fn, params)
	errDoc, bad := doc["error"].(map[string]any)
	if !bad || errDoc["$type"] != typ || (object != "" && errDoc["$object"] != object) {
		e.t.Fatalf("%s %v: got %v, want error %s of %s", fn, params, doc, typ, object)
	}
}

func text(v any) string {
	if m, ok := v.(map[string]any); ok {
		s, _ := m["$"].(string)
		return s
	}
	return ""
}

func (e *env) order(params map[string]string) string {
	e.t.Helper()
	full := map[string]string{"pricelist": "55227", "period": "1", "ip": "203.0.113.1", "licname": "web1", "skipbasket": "on", "clicked_button": "finish", "sok": "ok"}
	for k, v := range params {
		full[k] = v
	}
	return text(e.ok("soft.order.param", full)["id"])
}

func (e *env) ledger() []struct {
	Operation, Object string
	Amount            float64
	Period            int
} {
	e.t.Helper()
	resp, err := http.Get(e.url + "/_sandbox/ledger")
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out []struct {
		Operation, Object string
		Amount            float64
		Period            int
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		e.t.Fatal(err)
	}
	return out
}

func (e *env) admin(method, path, body string) int {
	e.t.Helper()
	req, _ := http.NewRequest(method, e.url+path, strings.NewReader(body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestAuthinfoIsRequired(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	resp, err := http.PostForm(e.url+"/ispmanager/billmgr", url.Values{"func": {"soft"}, "out": {"json"}, "authinfo": {"reseller@example.com:wrong"}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"$type":"auth"`) {
		t.Fatalf("wrong password: %d %s", resp.StatusCode, body)
	}
}

func TestOrderLifecycleAndLedger(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{Settings: sandbox.Settings{LicenseKeySeconds: 3600}})
	// Without sok the form answers and nothing is ordered.
	e.ok("soft.order.param", map[string]string{"pricelist": "55230"})
	id := e.order(map[string]string{"pricelist": "55230", "addon_55236": "2", "autoprolong": "1"})
	if id != "4001" {
		t.Fatalf("first licence id %q, want 4001", id)
	}
	form := e.ok("soft.edit", map[string]string{"elid": id})
	if text(form["lickey"]) != "" || text(form["addon_55236"]) != "2" || text(form["status"]) != "2" || text(form["autoprolong"]) != "1" {
		t.Fatalf("new licence form %v", form)
	}
	// Renewed from the expiry date; one more extra server is billed for the one
	// whole month left after that (a few instants short of two); a tariff
	// without the add-on is refused while the servers exist.
	before := text(form["expiredate"])
	renewed := e.ok("service.prolong", map[string]string{"elid": id, "period": "1"})
	next := text(renewed["doc"].(map[string]any)["newexpiredate"])
	if b, _ := time.Parse(time.DateOnly, before); b.AddDate(0, 1, 0).Format(time.DateOnly) != next {
		t.Errorf("renewed from %s to %s", before, next)
	}
	e.ok("soft.edit", map[string]string{"elid": id, "addon_55236": "3", "sok": "ok"})
	e.fails("service.changepricelist", map[string]string{"elid": id, "pricelist": "55228", "period": "1", "sok": "ok"}, "value", "pricelist")
	var ops []string
	var total float64
	for _, l := range e.ledger() {
		ops = append(ops, l.Operation)
		total += l.Amount
	}
	if strings.Join(ops, ",") != "license.order,license.renew,license.addon" || total != 64+64+8 {
		t.Errorf("ledger %v totalling %.2f", ops, total)
	}
}

func TestOrderRules(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	base := map[string]string{"pricelist": "55227", "period": "1", "ip": "203.0.113.1", "licname": "web1", "skipbasket": "on", "sok": "ok"}
	with := func(k, v string) map[string]string {
		m := map[string]string{}
		for a, b := range base {
			m[a] = b
		}
		if v == "" {
			delete(m, k)
		} else {
			m[k] = v
		}
		return m
	}
	e.fails("soft.order.param", with("pricelist", "99999"), "value", "pricelist")
	e.fails("soft.order.param", with("pricelist", "3541"), "value", "pricelist")
	e.fails("soft.order.param", with("period", "6"), "value", "period")
	e.fails("soft.order.param", with("ip", "300.1.1.1"), "value", "ip")
	e.fails("soft.order.param", with("ip", "0.0.0.0"), "value", "ip")
	e.fails("soft.order.param", with("ip", "2001:db8::1"), "value", "ip")
	e.fails("soft.order.param", with("licname", ""), "value", "licname")
	e.fails("soft.order.param", with("addon_55236", "1"), "value", "addon_55236")
	e.fails("soft.order.param", with("skipbasket", ""), "value", "skipbasket")
	e.fails("platform.order.param", map[string]string{"pricelist": "55163", "period": "1", "comment": "vm", "ip": "203.0.113.9", "skipbasket": "on", "sok": "ok"}, "value", "ip")
	e.order(nil)
	e.fails("soft.order.param", with("pricelist", "55228"), "exists", "ip")
	// One trial per IP, ever.
	e.order(map[string]string{"pricelist": "55239", "period": "-100", "ip": "203.0.113.7", "licname": "trial"})
	e.fails("soft.order.param", map[string]string{"pricelist": "55239", "period": "-100", "ip": "203.0.113.7", "licname": "again", "skipbasket": "on", "sok": "ok"}, "exists", "")
	if n := len(e.ledger()); n != 1 {
		t.Errorf("%d billable operations, want the one paid order", n)
	}
}

func TestBalanceIsEnforced(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	if s := e.admin(http.MethodPut, "/_sandbox/ispmanager/balance", `{"Login": "reseller@example.com", "Balance": "5.00"}`); s != http.StatusOK {
		t.Fatalf("set balance: %d", s)
	}
	e.fails("soft.order.param", map[string]string{"pricelist": "55227", "period": "1", "ip": "203.0.113.1", "licname": "web1", "skipbasket": "on", "sok": "ok"}, "balance", "account")
	if user := e.ok("whoami", nil)["user"].(map[string]any); user["$balance"] != "5.00" {
		t.Errorf("whoami %v", user)
	}
}

func TestExpiryIsolationAndFormats(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	id := e.order(nil)
	// The key shows once LicenseKeySeconds (0) has passed.
	if text(e.ok("soft.edit", map[string]string{"elid": id})["lickey"]) == "" {
		t.Error("no key")
	}
	// xml is the default; bjson answers the form as a model.
	if status, body := e.raw("", "soft.edit", map[string]string{"elid": id}); status != 200 || !strings.Contains(body, "<licname>web1</licname>") {
		t.Errorf("xml: %s", body)
	}
	if _, body := e.raw("bjson", "soft.edit", map[string]string{"elid": id}); !strings.Contains(body, `"model":{`) || !strings.Contains(body, `"licname":"web1"`) {
		t.Errorf("bjson: %s", body)
	}
	if _, body := e.raw("bjson", "soft", nil); !strings.Contains(body, `"list":[{`) {
		t.Errorf("bjson list: %s", body)
	}
	// Another account does not see the licence.
	if s := e.admin(http.MethodPost, "/_sandbox/accounts", `{"Family": "ispmanager", "Login": "other@example.com", "Password": "pw-other", "Kind": "reseller"}`); s != http.StatusCreated {
		t.Fatalf("create account: %d", s)
	}
	resp, _ := http.PostForm(e.url+"/ispmanager/billmgr", url.Values{"func": {"soft.edit"}, "elid": {id}, "out": {"json"}, "authinfo": {"other@example.com:pw-other"}})
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `"$type":"missed"`) {
		t.Errorf("another account reads the licence: %s", body)
	}
	// Not renewed: suspended at expiry, deleted 30 days later.
	e.admin(http.MethodPost, "/_sandbox/clock", `{"Advance": "768h"}`)
	if status := text(e.ok("soft.edit", map[string]string{"elid": id})["status"]); status != "3" {
		t.Errorf("status after expiry %s, want 3", status)
	}
	e.fails("soft.resume", map[string]string{"elid": id}, "status", "elid")
	e.admin(http.MethodPost, "/_sandbox/clock", `{"Advance": "744h"}`)
	e.fails("soft.edit", map[string]string{"elid": id}, "missed", "elid")
}

func TestAutoRenewalFromTheBalance(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	id := e.order(map[string]string{"autoprolong": "1"})
	e.admin(http.MethodPost, "/_sandbox/clock", `{"Advance": "1500h"}`)
	form := e.ok("soft.edit", map[string]string{"elid": id})
	if text(form["status"]) != "2" {
		t.Errorf("status %s after auto-renewals, want 2", text(form["status"]))
	}
	renewals := 0
	for _, l := range e.ledger() {
		if l.Operation == "license.autorenew" {
			renewals++
		}
	}
	if renewals < 2 {
		t.Errorf("%d auto-renewals billed over two months, want 2", renewals)
	}
}

func TestCountersAndFaultsNameTheFunction(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	if s := e.admin(http.MethodPut, "/_sandbox/faults", `{"Rules": [{"Path": "/ispmanager/billmgr", "Func": "soft.order.param", "Kind": "error", "Status": 503}]}`); s != http.StatusOK {
		t.Fatalf("faults: %d", s)
	}
	if status, _ := e.raw("json", "soft.order.param", map[string]string{"pricelist": "55227"}); status != http.StatusServiceUnavailable {
		t.Errorf("faulted order answered %d", status)
	}
	e.ok("soft", nil)
	resp, _ := http.Get(e.url + "/_sandbox/counters")
	var counts map[string]int
	if err := json.NewDecoder(resp.Body).Decode(&counts); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if counts["POST /ispmanager/billmgr?func=soft.order.param"] != 1 || counts["POST /ispmanager/billmgr?func=soft"] != 1 {
		t.Errorf("counters %v", counts)
	}
}

func TestLicencesSurviveARestart(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "sandbox.db")
	s, err := sandbox.New(sandbox.Options{DataFile: file})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	e := &env{t: t, url: srv.URL}
	for _, v := range s.Env(srv.URL) {
		if v.Name == "RESELLER_ISPMANAGER_PASSWORD" {
			e.password = v.Value
		}
	}
	id := e.order(nil)
	e.admin(http.MethodPut, "/_sandbox/ispmanager/balance", `{"Login": "reseller@example.com", "Balance": "77.00"}`)
	srv.Close()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	again := start(t, sandbox.Options{DataFile: file})
	again.password = e.password
	if name := text(again.ok("soft.edit", map[string]string{"elid": id})["licname"]); name != "web1" {
		t.Errorf("licence after restart named %q", name)
	}
	if user := again.ok("whoami", nil)["user"].(map[string]any); user["$balance"] != "77.00" {
		t.Errorf("balance after restart %v", user)
	}
	if next := again.order(map[string]string{"ip": "203.0.113.2", "licname": "web2"}); next != "4002" {
		t.Errorf("next licence id %s, want 4002", next)
	}
}
