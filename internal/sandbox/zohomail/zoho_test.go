package zohomail_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox"
)

// env is one sandbox served over HTTP, with the Zoho settings it printed.
type env struct {
	t   *testing.T
	url string
	env map[string]string
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
	e := &env{t: t, url: srv.URL, env: map[string]string{}}
	for _, v := range s.Env(srv.URL) {
		e.env[v.Name] = v.Value
	}
	return e
}

// api calls the partner routes with a token of refreshToken (the seeded
// one when empty), as a client would.
type api struct {
	e     *env
	token string
}

func (e *env) api(refreshToken string) *api {
	e.t.Helper()
	form := e.grant()
	if refreshToken != "" {
		form.Set("refresh_token", refreshToken)
	}
	tok, _ := e.token(form)["access_token"].(string)
	if tok == "" {
		e.t.Fatal("no access token")
	}
	return &api{e: e, token: tok}
}

// call sends a JSON body (nil for none) and answers the HTTP status and
// the decoded envelope.
func (a *api) call(method, path string, body any) (int, map[string]any) {
	a.e.t.Helper()
	var reader io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		reader = strings.NewReader(string(b))
	}
	req, _ := http.NewRequest(method, a.e.url+"/zoho/"+path, reader)
	req.Header.Set("Authorization", "Zoho-oauthtoken "+a.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		a.e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// data is the envelope's data object.
func data(env map[string]any) map[string]any {
	d, _ := env["data"].(map[string]any)
	return d
}

// store sends one store call with JSONString.
func (a *api) store(method string, params map[string]any) map[string]any {
	a.e.t.Helper()
	params["serviceid"] = 1501
	js, _ := json.Marshal(params)
	form := url.Values{"JSONString": {string(js)}}
	target, body := a.e.url+"/zoho/store/restapi/partner/v1/json/subscription", ""
	if method == http.MethodGet || method == http.MethodDelete {
		target += "?" + form.Encode()
	} else {
		body = form.Encode()
	}
	req, _ := http.NewRequest(method, target, strings.NewReader(body))
	req.Header.Set("Authorization", "Zoho-oauthtoken "+a.token)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		a.e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return out
}

func (a *api) createOrg(domain, email string, extra map[string]string) string {
	a.e.t.Helper()
	body := map[string]string{"domainName": domain, "emailId": email, "firstName": "Camille", "lastName": "Martin"}
	for k, v := range extra {
		body[k] = v
	}
	status, env := a.call(http.MethodPost, "mail/api/organization", body)
	zoid, _ := data(env)["zoid"].(string)
	if status != http.StatusOK || env["status"].(map[string]any)["code"] != float64(201) || zoid == "" {
		a.e.t.Fatalf("create org: %d %v", status, env)
	}
	return zoid
}

// do sends a request and decodes the JSON answer.
func (e *env) do(method, path, contentType, body string, out any) int {
	e.t.Helper()
	req, _ := http.NewRequest(method, e.url+path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			e.t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, raw)
		}
	}
	return resp.StatusCode
}

// token asks the token route with the given form.
func (e *env) token(form url.Values) map[string]any {
	e.t.Helper()
	var out map[string]any
	if status := e.do(http.MethodPost, "/zoho/accounts/oauth/v2/token", "application/x-www-form-urlencoded", form.Encode(), &out); status != http.StatusOK {
		e.t.Fatalf("token route answered %d", status)
	}
	return out
}

func (e *env) grant() url.Values {
	return url.Values{"grant_type": {"refresh_token"}, "client_id": {e.env["RESELLER_ZOHO_MAIL_CLIENT_ID"]},
		"client_secret": {e.env["RESELLER_ZOHO_MAIL_CLIENT_SECRET"]}, "refresh_token": {e.env["RESELLER_ZOHO_MAIL_REFRESH_TOKEN"]}}
}

// hostZone registers the domain at Namebay with hosted DNS, so records can
// be published in its zone, and returns the zone's handle.
func (e *env) hostZone(domain string) string {
	e.t.Helper()
	var contact struct{ Handle string }
	body := `{"FirstName": "Ada", "LastName": "Lovelace", "Address": "1 rue de Rivoli", "City": "Paris", "Pc": "75001", "Cc": "FR", "MailAddress": "ada@example.com", "IsIndividual": true}`
	if s := e.do(http.MethodPost, "/_sandbox/as/reseller/namebay/api/Contact", "application/json", body, &contact); s != http.StatusCreated {
		e.t.Fatalf("create contact: %d", s)
	}
	order, _ := json.Marshal(map[string]any{"DomainName": domain, "Period": 1, "RegistrantContactId": contact.Handle, "AdminContactId": contact.Handle,
		"TechContactId": contact.Handle, "BillingContactId": contact.Handle, "UseNamebayDns": true})
	var out struct{ ZoneHandle *string }
	if s := e.do(http.MethodPost, "/_sandbox/as/reseller/namebay/api/Domain", "application/json", string(order), &out); s >= 300 || out.ZoneHandle == nil {
		e.t.Fatalf("register %s: %d %v", domain, s, out)
	}
	return *out.ZoneHandle
}

func (e *env) record(zone, host, typ, data string) {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"Host": host, "Type": typ, "Data": data, "Ttl": 3600})
	var out any
	if s := e.do(http.MethodPost, "/_sandbox/as/reseller/namebay/api/Zone/"+zone+"/Record", "application/json", string(body), &out); s != http.StatusCreated && s != http.StatusOK {
		e.t.Fatalf("create record: %d %v", s, out)
	}
}

func (e *env) ledger(op string) []float64 {
	e.t.Helper()
	var entries []struct {
		Operation string
		Amount    float64
	}
	e.do(http.MethodGet, "/_sandbox/ledger", "", "", &entries)
	var out []float64
	for _, l := range entries {
		if l.Operation == op {
			out = append(out, l.Amount)
		}
	}
	return out
}

func TestTokenErrorsAnswerHTTP200(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	if tok := e.token(e.grant()); tok["access_token"] == nil || tok["expires_in"] != float64(3600) || tok["token_type"] != "Bearer" {
		t.Errorf("token answer %v", tok)
	}
	wrongSecret := e.grant()
	wrongSecret.Set("client_secret", "nope")
	if got := e.token(wrongSecret)["error"]; got != "invalid_client" {
		t.Errorf("wrong secret: %v", got)
	}
	unknown := e.grant()
	unknown.Set("refresh_token", "1000.unknown")
	if got := e.token(unknown)["error"]; got != "invalid_code" {
		t.Errorf("unknown refresh token: %v", got)
	}
	badGrant := e.grant()
	badGrant.Set("grant_type", "password")
	if got := e.token(badGrant)["error"]; got != "unsupported_grant_type" {
		t.Errorf("password grant: %v", got)
	}
}

func TestMintCap(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	for i := range 10 {
		if tok := e.token(e.grant()); tok["access_token"] == nil {
			t.Fatalf("token %d refused: %v", i+1, tok)
		}
	}
	if got := e.token(e.grant()); got["error"] != "Access Denied" {
		t.Fatalf("the 11th token in 10 minutes: %v", got)
	}
	// Ten minutes later the refresh token mints again.
	e.do(http.MethodPost, "/_sandbox/clock", "application/json", `{"Advance": "11m"}`, nil)
	if tok := e.token(e.grant()); tok["access_token"] == nil {
		t.Fatalf("after the window: %v", tok)
	}
}

func TestAccessTokensAndScopes(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	tok := e.token(e.grant())["access_token"].(string)
	var out map[string]any
	req := func(header string) int {
		r, _ := http.NewRequest(http.MethodGet, e.url+"/zoho/mail/api/organization?mode=getCustomerOrgDetails", nil)
		r.Header.Set("Authorization", header)
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		out = nil
		_ = json.NewDecoder(resp.Body).Decode(&out)
		return resp.StatusCode
	}
	if s := req("Zoho-oauthtoken " + tok); s != http.StatusOK {
		t.Errorf("good token: %d %v", s, out)
	}
	if s := req("Bearer " + tok); s != http.StatusUnauthorized || out["data"].(map[string]any)["errorCode"] != "INVALID_OAUTHTOKEN" {
		t.Errorf("Bearer scheme: %d %v", s, out)
	}
	// A token outlives no hour of sandbox time.
	e.do(http.MethodPost, "/_sandbox/clock", "application/json", `{"Advance": "61m"}`, nil)
	if s := req("Zoho-oauthtoken " + tok); s != http.StatusUnauthorized {
		t.Errorf("expired token: %d", s)
	}
	// A refresh token without the create scope.
	var minted struct{ RefreshToken string }
	e.do(http.MethodPost, "/_sandbox/zoho/refresh_tokens", "application/json", `{"Login": "zoho-partner", "Scopes": ["ZohoMail.partner.organization.READ"]}`, &minted)
	readOnly := e.api(minted.RefreshToken)
	if status, env := readOnly.call(http.MethodGet, "mail/api/organization?mode=getCustomerOrgDetails", nil); status != http.StatusOK {
		t.Errorf("listing with the read scope: %d %v", status, env)
	}
	status, env := readOnly.call(http.MethodPost, "mail/api/organization", map[string]string{"domainName": "martin.fr", "emailId": "a@martin.fr", "firstName": "A", "lastName": "B"})
	if status != http.StatusForbidden || data(env)["errorCode"] != "INVALID_OAUTHSCOPE" || !strings.Contains(data(env)["moreInfo"].(string), "ZohoMail.partner.organization.CREATE") {
		t.Errorf("create with a read-only token: %d %v", status, env)
	}
}

func TestOrgLifecycle(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	a := e.api("")
	zoid := a.createOrg("martin-bio.fr", "camille@martin-bio.fr", map[string]string{"password": "Secret-pass-1"})
	if got := e.ledger("zoho.org.create"); len(got) != 1 || got[0] != 0 {
		t.Errorf("ledger of org creation %v", got)
	}
	// Refusals: the domain taken, an e-mail already at Zoho, a bad domain, a weak password.
	for _, body := range []map[string]string{
		{"domainName": "martin-bio.fr", "emailId": "x@martin-bio.fr", "firstName": "X", "lastName": "Y"},
		{"domainName": "other.fr", "emailId": "taken@example.com", "firstName": "X", "lastName": "Y"},
		{"domainName": "Not A Domain", "emailId": "x@other.fr", "firstName": "X", "lastName": "Y"},
		{"domainName": "other.fr", "emailId": "x@other.fr", "firstName": "X", "lastName": "Y", "password": "short"},
	} {
		if status, env := a.call(http.MethodPost, "mail/api/organization", body); status < 400 || data(env)["moreInfo"] == "" {
			t.Errorf("create %v: %d %v", body, status, env)
		}
	}
	if status, env := a.call(http.MethodPost, "mail/api/organization", map[string]string{"domainName": "other.fr", "emailId": "taken@example.com", "firstName": "X", "lastName": "Y"}); status != http.StatusInternalServerError || !strings.Contains(data(env)["moreInfo"].(string), "tagyourpartner") {
		t.Errorf("taken e-mail: %d %v", status, env)
	}
	_, list := a.call(http.MethodGet, "mail/api/organization?mode=getCustomerOrgDetails&searchKey=BIO", nil)
	if orgs, _ := list["data"].([]any); len(orgs) != 1 || orgs[0].(map[string]any)["zoid"] != json.Number(zoid) && orgs[0].(map[string]any)["zoid"] != mustFloat(zoid) {
		t.Fatalf("search: %v", list)
	}
	// The zoid is a number outside the create answer.
	_, org := a.call(http.MethodGet, "mail/api/organization/"+zoid, nil)
	if data(org)["zoid"] != mustFloat(zoid) || data(org)["planType"] != "free" || data(org)["isVerified"] != false {
		t.Fatalf("org %v", org)
	}
	// Verification fails until the CNAME is in the hosted zone.
	_, dom := a.call(http.MethodGet, "mail/api/organization/"+zoid+"/domains/martin-bio.fr", nil)
	code, _ := data(dom)["CNAMEVerificationCode"].(string)
	if !strings.HasPrefix(code, "zb") || len(code) != 10 {
		t.Fatalf("domain %v", dom)
	}
	verify := func() (int, map[string]any) {
		return a.call(http.MethodPut, "mail/api/organization/"+zoid+"/domains/martin-bio.fr/verifyDomain", map[string]string{"mode": "verifyDomainByCName"})
	}
	if status, env := verify(); status != http.StatusOK || data(env)["status"] != false || data(env)["error"] != "CNAME_RECORD_NOT_FOUND" {
		t.Fatalf("early verification: %d %v", status, env)
	}
	e.record(e.hostZone("martin-bio.fr"), code, "CNAME", "business.zoho.com.")
	if status, env := verify(); status != http.StatusOK || data(env)["status"] != true {
		t.Fatalf("verification: %d %v", status, env)
	}
	if status, env := verify(); status != http.StatusBadRequest || data(env)["errorCode"] != "DOMAIN_ALREADY_VERIFIED" {
		t.Fatalf("verifying again: %d %v", status, env)
	}
	// A paid plan, more licences, a cancellation.
	sub := func(plan, addon int64, n int, period string) map[string]any {
		return map[string]any{"plan": plan, "addons": []map[string]any{{"id": addon, "count": n}}, "payperiod": period}
	}
	email := "camille@martin-bio.fr"
	if got := a.store(http.MethodPost, map[string]any{"email": email, "subscription": sub(10730, 10779, 5, "MONT")}); got["result"] != "failure" {
		t.Errorf("a first purchase without a billing address: %v", got)
	}
	customer := map[string]any{"companyname": "Martin Bio", "country": "France"}
	if got := a.store(http.MethodPost, map[string]any{"email": email, "customer": customer, "subscription": sub(10730, 10779, 5, "MONT")}); got["result"] != "success" {
		t.Fatalf("subscribe: %v", got)
	}
	if got := a.store(http.MethodPut, map[string]any{"email": email, "subscription": sub(10730, 10779, 8, "MONT")}); got["result"] != "success" {
		t.Fatalf("more licences: %v", got)
	}
	for name, bad := range map[string]map[string]any{
		"Mail Premium monthly": sub(17035, 10792, 8, "MONT"),
		"another plan's addon": sub(10730, 10780, 8, "MONT"),
		"no licence":           sub(10730, 10779, 0, "MONT"),
		"an unknown plan":      sub(1, 10779, 8, "MONT"),
	} {
		if got := a.store(http.MethodPut, map[string]any{"email": email, "subscription": bad}); got["result"] != "failure" || got["ERRORMSG"] == "" {
			t.Errorf("%s accepted: %v", name, got)
		}
	}
	if got := a.store(http.MethodGet, map[string]any{"email": "nobody@example.com"}); got["ERRORMSG"] != "Customer not found" {
		t.Errorf("unknown e-mail: %v", got)
	}
	details := a.store(http.MethodGet, map[string]any{"email": email})["licensedetails"].(map[string]any)
	if details["paiduser"] != true || details["planid"] != float64(10730) || details["addondetails"].([]any)[0].(map[string]any)["addonvalue"] != float64(8) {
		t.Fatalf("licence details %v", details)
	}
	_, org = a.call(http.MethodGet, "mail/api/organization/"+zoid, nil)
	if data(org)["planType"] != "paid" || data(org)["basePlan"] != "Workplace Standard" || data(org)["licenseCount"] != float64(8) || data(org)["isVerified"] != true {
		t.Fatalf("paid org %v", org)
	}
	if got := a.store(http.MethodDelete, map[string]any{"email": email, "comment": "test"}); got["result"] != "success" {
		t.Fatalf("cancel: %v", got)
	}
	if details := a.store(http.MethodGet, map[string]any{"email": email})["licensedetails"].(map[string]any); details["paiduser"] != false {
		t.Fatalf("after cancelling: %v", details)
	}
	if got := e.ledger("zoho.subscription.create"); len(got) != 1 || got[0] != 15 {
		t.Errorf("subscription billed %v, want [15]", got)
	}
	if got := e.ledger("zoho.subscription.change"); len(got) != 1 || got[0] != 9 {
		t.Errorf("licences added billed %v, want [9]", got)
	}
}

func mustFloat(s string) float64 {
	var f float64
	_, _ = fmt.Sscan(s, &f)
	return f
}

func TestLicencesNeverBelowMailboxes(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	a := e.api("")
	zoid := a.createOrg("martin-equipe.fr", "c@martin-equipe.fr", nil)
	a.store(http.MethodPost, map[string]any{"email": "c@martin-equipe.fr", "customer": map[string]any{"companyname": "M", "country": "France"},
		"subscription": map[string]any{"plan": 10730, "addons": []map[string]any{{"id": 10779, "count": 3}}, "payperiod": "YEAR"}})
	for i := range 3 {
		status, env := a.call(http.MethodPost, "mail/api/organization/"+zoid+"/accounts", map[string]string{"primaryEmailAddress": fmt.Sprintf("s%d@martin-equipe.fr", i), "displayName": "S", "password": "Pass-word-1"})
		want := http.StatusCreated
		if i == 2 { // the super admin and two more fill the three licences
			want = http.StatusBadRequest
		}
		if status != want {
			t.Fatalf("mailbox %d: %d %v", i, status, env)
		}
	}
	got := a.store(http.MethodPut, map[string]any{"email": "c@martin-equipe.fr", "subscription": map[string]any{"plan": 10730, "addons": []map[string]any{{"id": 10779, "count": 2}}, "payperiod": "YEAR"}})
	if got["result"] != "failure" || !strings.Contains(got["ERRORMSG"].(string), "(3)") {
		t.Fatalf("two licences for three users: %v", got)
	}
}

func TestTrialsAndTheirEnd(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	a := e.api("")
	zoid := a.createOrg("martin-essai.fr", "c@martin-essai.fr", map[string]string{"planName": "basicTrial"})
	if _, org := a.call(http.MethodGet, "mail/api/organization/"+zoid, nil); data(org)["planType"] != "trial" || data(org)["basePlan"] != "Workplace Standard Trial" || data(org)["trialExpiryTime"] == float64(0) {
		t.Fatalf("trial org %v", org)
	}
	if status, _ := a.call(http.MethodPut, "mailadmin/api/organization/"+zoid+"/extendTrial", nil); status != http.StatusOK {
		t.Fatalf("extend: %d", status)
	}
	if status, _ := a.call(http.MethodPut, "mailadmin/api/organization/"+zoid+"/extendTrial", nil); status != http.StatusInternalServerError {
		t.Errorf("a second extension answered %d", status)
	}
	e.do(http.MethodPost, "/_sandbox/clock", "application/json", `{"Advance": "721h"}`, nil)
	a = e.api("") // the token expired with the clock
	if _, org := a.call(http.MethodGet, "mail/api/organization/"+zoid, nil); data(org)["planType"] != "free" || data(org)["basePlan"] != "Mail Free" {
		t.Fatalf("after the trial %v", org)
	}
	if status, _ := a.call(http.MethodPut, "mailadmin/api/organization/"+zoid+"/enableTrial?planName=professionalTrial", nil); status != http.StatusInternalServerError {
		t.Errorf("a second trial answered %d", status)
	}
}

func TestOtherPartnersSeeNothing(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	zoid := e.api("").createOrg("martin-prive.fr", "c@martin-prive.fr", nil)
	e.do(http.MethodPost, "/_sandbox/accounts", "application/json", `{"Family": "zoho", "Login": "other-partner", "Password": "pw", "Kind": "reseller"}`, nil)
	var out map[string]any
	if s := e.do(http.MethodGet, "/_sandbox/as/other-partner/zoho/mail/api/organization/"+zoid, "", "", &out); s != http.StatusNotFound {
		t.Errorf("another partner reads the org: %d %v", s, out)
	}
}

func TestOrgsAndGrantsSurviveARestart(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "sandbox.db")
	s, err := sandbox.New(sandbox.Options{DataFile: file})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	e := &env{t: t, url: srv.URL, env: map[string]string{}}
	for _, v := range s.Env(srv.URL) {
		e.env[v.Name] = v.Value
	}
	zoid := e.api("").createOrg("martin-durable.fr", "c@martin-durable.fr", nil)
	srv.Close()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	again := start(t, sandbox.Options{DataFile: file})
	if again.env["RESELLER_ZOHO_MAIL_REFRESH_TOKEN"] != e.env["RESELLER_ZOHO_MAIL_REFRESH_TOKEN"] || again.env["RESELLER_ZOHO_MAIL_CLIENT_ID"] != e.env["RESELLER_ZOHO_MAIL_CLIENT_ID"] {
		t.Fatal("the credentials changed across the restart")
	}
	if _, org := again.api("").call(http.MethodGet, "mail/api/organization/"+zoid, nil); data(org)["primaryDomainName"] != "martin-durable.fr" {
		t.Fatalf("after restart: %v", org)
	}
}

func TestVerificationByTXT(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	a := e.api("")
	zoid := a.createOrg("martin-txt.fr", "c@martin-txt.fr", nil)
	_, dom := a.call(http.MethodGet, "mail/api/organization/"+zoid+"/domains/martin-txt.fr", nil)
	code := data(dom)["CNAMEVerificationCode"].(string)
	verify := func() map[string]any {
		_, env := a.call(http.MethodPut, "mail/api/organization/"+zoid+"/domains/martin-txt.fr", map[string]string{"mode": "verifyDomainByTXT"})
		return data(env)
	}
	zone := e.hostZone("martin-txt.fr")
	e.record(zone, "@", "TXT", "zoho-verification=zb00000000.zmverify.zoho.com") // another org's code
	if got := verify(); got["status"] != false || got["error"] != "TXT_RECORD_NOT_FOUND" {
		t.Fatalf("with a wrong TXT: %v", got)
	}
	e.record(zone, "@", "TXT", "zoho-verification="+code+".zmverify.zoho.com")
	if got := verify(); got["status"] != true {
		t.Fatalf("with the TXT: %v", got)
	}
}
