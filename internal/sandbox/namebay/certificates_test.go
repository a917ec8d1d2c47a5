package namebay_test

import (
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCertProducts(t *testing.T) {
	t.Parallel()
	e := start(t)
	type product struct {
		ProductName, Validation, Currency string
		Wildcard                          bool
		MaxSan                            int
		Periods                           []int
		Price                             float64
	}
	var got []product
	e.reseller().do("GET", "Certificate/Product", nil).want(http.StatusOK).decode(&got)
	periods := []int{1, 2, 3}
	want := []product{
		{"AlphaSSL", "DV", "EUR", false, 1, periods, 39},
		{"DomainSSL", "DV", "EUR", false, 10, periods, 89},
		{"WildcardSSL", "DV", "EUR", true, 10, periods, 199},
		{"OrganizationSSL", "OV", "EUR", false, 25, periods, 249},
		{"BusinessSSL", "EV", "EUR", false, 25, periods, 399},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("products %+v\nwant %+v", got, want)
	}
}

func TestCertOrder(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	csr, _ := newCSR(t, "example.com", "www.example.com")
	body := certBody("domainssl", csr, "dns", ct, "www.example.com")
	body["Period"] = 2
	cert := c.orderCert("", body)

	if cert.Handle != "SSL-000001" || cert.Status != "PENDING" || cert.TicketState != "pending" ||
		!strings.HasPrefix(cert.TicketId, "TK-") || cert.OrderId != "GS-000001" || cert.Error != "" ||
		cert.CommonName != "example.com" || !slices.Equal(cert.San, []string{"www.example.com"}) ||
		cert.ProductName != "DomainSSL" || cert.Period != 2 || cert.ValidationMethod != "Dns" ||
		cert.AdminContact != ct || cert.BillingContact != ct || cert.Account != "RS-000001" ||
		cert.RegDate != nil || cert.ExpDate != nil || cert.AutoRenew || cert.PossiblePhishingDetected {
		t.Fatalf("new certificate %+v", cert)
	}
	if len(cert.MetaTag) < 16 || cert.DnsTxt != "globalsign-domain-verification="+cert.MetaTag {
		t.Fatalf("DnsTxt %q, MetaTag %q", cert.DnsTxt, cert.MetaTag)
	}
	wantLists := map[string][2][]string{
		"VerificationFQDNList": {cert.VerificationFQDNList, {"example.com", "www.example.com"}},
		"VerificationUrlList":  {cert.VerificationUrlList, {"http://example.com/", "http://www.example.com/"}},
		"WellknownUrlList": {cert.WellknownUrlList, {
			"http://example.com/.well-known/pki-validation/gsdv.txt", "http://www.example.com/.well-known/pki-validation/gsdv.txt",
		}},
		"ApproverMailList": {cert.ApproverMailList, {
			"admin@example.com", "administrator@example.com", "hostmaster@example.com", "postmaster@example.com", "webmaster@example.com",
		}},
	}
	for name, lists := range wantLists {
		if !slices.Equal(lists[0], lists[1]) {
			t.Errorf("%s %q, want %q", name, lists[0], lists[1])
		}
	}
	if got := c.getCert(cert.Handle); !reflect.DeepEqual(got, cert) {
		t.Fatalf("GET %+v\nafter the order %+v", got, cert)
	}
	ledger := e.ledger()
	if len(ledger) != 1 || ledger[0].Operation != "ssl.create" || ledger[0].Object != "example.com" ||
		ledger[0].Period != 2 || ledger[0].Amount != 178 || ledger[0].Account != "RS-000001" || ledger[0].Currency != "EUR" {
		t.Fatalf("ledger %+v", ledger)
	}

	c.do("GET", "Certificate/"+cert.Handle+"/Certificate", nil).wantError(http.StatusNotFound, 570, "")
	var sent struct{ CSR, CommonName string }
	c.do("GET", "Certificate/"+cert.Handle+"/csr", nil).want(http.StatusOK).decode(&sent)
	if sent.CSR != csr || sent.CommonName != "example.com" {
		t.Fatalf("csr %+v", sent)
	}
	c.do("GET", "Certificate/SSL-999999", nil).wantError(http.StatusNotFound, 510, "")

	// A wildcard counts as its base name.
	wild, _ := newCSR(t, "*.example.org", "example.org")
	w := c.orderCert("", certBody("WildcardSSL", wild, "Http", ct, "example.org"))
	if !slices.Equal(w.VerificationFQDNList, []string{"example.org"}) || !slices.Equal(w.ApproverMailList[:1], []string{"admin@example.org"}) {
		t.Fatalf("wildcard order %+v", w)
	}
	other, _ := newCSR(t, "shop.example.net")
	c.orderCert("", certBody("AlphaSSL", other, "Http", ct))

	var listed []certAnswer
	c.do("GET", "Certificate?commonName=EXAMPLE.com.", nil).want(http.StatusOK).decode(&listed)
	if len(listed) != 1 || listed[0].Handle != cert.Handle {
		t.Fatalf("certificates of example.com: %+v", listed)
	}
	res := c.do("GET", "Certificate?pageSize=2&page=2", nil).want(http.StatusOK)
	res.decode(&listed)
	if len(listed) != 1 || listed[0].CommonName != "shop.example.net" || res.Header.Get("X-Total-Count") != "3" {
		t.Fatalf("second page of 2: %+v (%v)", listed, res.Header)
	}
	c.do("GET", "Certificate?pageSize=501", nil).wantError(http.StatusUnprocessableEntity, 530, "PageSize")

	var counters map[string]int
	e.admin("GET", "/_sandbox/counters", nil).want(http.StatusOK).decode(&counters)
	for template, n := range map[string]int{
		"POST /namebay/api/Certificate":                            3,
		"GET /namebay/api/Certificate/{certificate}":               2,
		"GET /namebay/api/Certificate/{certificate}/Certificate":   1,
		"GET /namebay/api/Certificate/{certificate}/csr":           1,
		"GET /namebay/api/Certificate":                             3,
		"POST /namebay/api/Certificate/{certificate}/Renew":        0,
		"PUT /namebay/api/Certificate/{certificate}/Validate":      0,
		"DELETE /namebay/api/Certificate/{certificate}":            0,
		"POST /namebay/api/Certificate/{certificate}/Reissue":      0,
		"GET /namebay/api/Certificate/{certificate}/Certificate/x": 0,
	} {
		if counters[template] != n {
			t.Errorf("counter %s is %d, want %d", template, counters[template], n)
		}
	}
}

func TestCertDnsValidation(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	zone := *c.createDomain("", "secure.com", ct).ZoneHandle
	csr, key := newCSR(t, "secure.com", "www.secure.com")
	cert := c.orderCert("", certBody("DomainSSL", csr, "Dns", ct, "www.secure.com"))

	got := c.validateCert(cert.Handle)
	if got.Status != "PENDING" || !strings.Contains(got.Error, " secure.com ") || got.RegDate != nil {
		t.Fatalf("validation without any record: %+v", got)
	}
	c.addTXT(zone, "@", "globalsign-domain-verification=wrong")
	c.addTXT(zone, "www", "v=spf1 -all")
	if got = c.validateCert(cert.Handle); got.Status != "PENDING" || !strings.Contains(got.Error, " secure.com ") {
		t.Fatalf("validation with the wrong token: %+v", got)
	}
	c.addTXT(zone, "@", cert.DnsTxt) // stored quoted
	if got = c.validateCert(cert.Handle); got.Status != "PENDING" || !strings.Contains(got.Error, "www.secure.com") {
		t.Fatalf("validation with the apex only: %+v", got)
	}
	c.addTXT(zone, "www", `"`+cert.DnsTxt+`"`)
	got = c.validateCert(cert.Handle)
	if got.Status != "ISSUED" || got.Error != "" || got.TicketState != "completed" || got.RegDate == nil || got.ExpDate == nil ||
		!got.ExpDate.Equal(got.RegDate.AddDate(1, 0, 0)) || got.DnsTxt != cert.DnsTxt {
		t.Fatalf("validation with both records: %+v", got)
	}
	now := e.now()
	if d := now.Sub(*got.RegDate); d < 0 || d > time.Minute {
		t.Fatalf("issued at %s, sandbox time %s", got.RegDate, now)
	}

	issued := c.download(cert.Handle)
	leaf := verifyIssued(t, issued, now)
	if leaf.Subject.CommonName != "secure.com" || !slices.Equal(leaf.DNSNames, []string{"secure.com", "www.secure.com"}) ||
		!leaf.NotAfter.Equal(*got.ExpDate) || !leaf.NotBefore.Equal(*got.RegDate) || !key.PublicKey.Equal(leaf.PublicKey) {
		t.Fatalf("leaf %s %v from %s to %s; certificate %+v", leaf.Subject, leaf.DNSNames, leaf.NotBefore, leaf.NotAfter, got)
	}
	if issued.Handle != cert.Handle || issued.CommonName != "secure.com" || issued.Revoked || issued.RevocationDate != nil ||
		!issued.RegistrationDate.Equal(*got.RegDate) {
		t.Fatalf("download %+v", issued)
	}
	// Validating an issued certificate changes nothing.
	if again := c.validateCert(cert.Handle); !reflect.DeepEqual(again, got) || c.download(cert.Handle) != issued {
		t.Fatalf("validation of an issued certificate: %+v, before %+v", again, got)
	}

	// A wildcard is validated at its base name.
	wildCSR, wildKey := newCSR(t, "*.secure.com", "secure.com")
	wild := c.orderCert("", certBody("WildcardSSL", wildCSR, "Dns", ct, "secure.com"))
	if wild.DnsTxt == cert.DnsTxt {
		t.Fatal("two orders drew the same token")
	}
	c.addTXT(zone, "@", wild.DnsTxt)
	if got := c.validateCert(wild.Handle); got.Status != "ISSUED" {
		t.Fatalf("wildcard validation: %+v", got)
	}
	leaf = verifyIssued(t, c.download(wild.Handle), now)
	if leaf.Subject.CommonName != "*.secure.com" || !slices.Equal(leaf.DNSNames, []string{"*.secure.com", "secure.com"}) || !wildKey.PublicKey.Equal(leaf.PublicKey) {
		t.Fatalf("wildcard leaf %s %v", leaf.Subject, leaf.DNSNames)
	}

	// A name in no zone hosted here cannot pass.
	away, _ := newCSR(t, "elsewhere.net")
	awayCert := c.orderCert("", certBody("AlphaSSL", away, "Dns", ct))
	if got := c.validateCert(awayCert.Handle); got.Status != "PENDING" || !strings.Contains(got.Error, "elsewhere.net") {
		t.Fatalf("validation of a name without a zone: %+v", got)
	}
}

func TestCertHttpAndEmailValidation(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	order := func(name, method, approver string) certAnswer {
		csr, _ := newCSR(t, name)
		body := certBody("AlphaSSL", csr, method, ct)
		body["ApproverEmail"] = approver
		return c.orderCert("", body)
	}

	if got := c.validateCert(order("web.com", "Http", "").Handle); got.Status != "ISSUED" {
		t.Fatalf("HTTP validation by default: %+v", got)
	}
	if got := c.validateCert(order("mail.com", "Email", "webmaster@mail.com").Handle); got.Status != "ISSUED" {
		t.Fatalf("e-mail validation by default: %+v", got)
	}

	e.settings(map[string]any{"CertHttpValidation": false})
	web := order("web.org", "http", "")
	mail := order("www.mail.org", "EMAIL", "Hostmaster@Mail.org")
	if web.ValidationMethod != "Http" || mail.ValidationMethod != "Email" || mail.ApproverEmail != "hostmaster@mail.org" {
		t.Fatalf("orders %+v and %+v", web, mail)
	}
	if got := c.validateCert(web.Handle); got.Status != "PENDING" || !strings.Contains(got.Error, "http://web.org/.well-known/pki-validation/gsdv.txt") {
		t.Fatalf("HTTP validation switched off: %+v", got)
	}
	e.settings(map[string]any{"CertEmailValidation": false})
	if got := c.validateCert(mail.Handle); got.Status != "PENDING" || !strings.Contains(got.Error, "hostmaster@mail.org") {
		t.Fatalf("e-mail validation switched off: %+v", got)
	}
	// A PUT without the switches keeps them.
	e.settings(map[string]any{"DomainPendingSeconds": 5})
	if got := c.validateCert(web.Handle); got.Status != "PENDING" {
		t.Fatalf("HTTP validation after a PUT of a delay: %+v", got)
	}
	e.settings(map[string]any{"CertHttpValidation": true})
	if got := c.validateCert(web.Handle); got.Status != "ISSUED" || got.Error != "" {
		t.Fatalf("HTTP validation switched back on: %+v", got)
	}
	if got := c.validateCert(mail.Handle); got.Status != "PENDING" {
		t.Fatalf("e-mail validation still off: %+v", got)
	}
	e.settings(map[string]any{"CertEmailValidation": true})
	if got := c.validateCert(mail.Handle); got.Status != "ISSUED" {
		t.Fatalf("e-mail validation switched back on: %+v", got)
	}
}

// advanceTo moves the sandbox clock to just after target.
func (e *env) advanceTo(target time.Time) {
	e.t.Helper()
	e.advance(fmt.Sprintf("%ds", int64(target.Sub(e.now()).Seconds())+1))
}

func TestCertRenewal(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	csr, _ := newCSR(t, "renew.com", "www.renew.com")
	cert := c.issueCert("", certBody("DomainSSL", csr, "Http", ct, "www.renew.com"))
	before := c.download(cert.Handle)
	path := "Certificate/" + cert.Handle + "/Renew"

	e.advanceTo(cert.ExpDate.Add(-91 * 24 * time.Hour))
	c.do("POST", path, map[string]int{"Period": 1}).wantError(http.StatusUnprocessableEntity, 726, "")
	e.advance("49h")
	otherName, _ := newCSR(t, "other.com", "www.other.com")
	fewerNames, _ := newCSR(t, "renew.com")
	for _, tt := range []struct {
		name  string
		body  map[string]any
		code  int
		field string
	}{
		{"period zero", map[string]any{"Period": 0}, 550, "Period"},
		{"period four", map[string]any{"Period": 4}, 550, "Period"},
		{"another common name", map[string]any{"Period": 1, "CSR": otherName}, 530, "CSR"},
		{"names the CSR lacks", map[string]any{"Period": 1, "CSR": fewerNames}, 530, "CSR"},
		{"not a CSR", map[string]any{"Period": 1, "CSR": "-----BEGIN CERTIFICATE-----"}, 530, "CSR"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c.on(t).do("POST", path, tt.body).wantError(http.StatusUnprocessableEntity, tt.code, tt.field)
		})
	}
	if n := len(e.ledger()); n != 1 {
		t.Fatalf("refused renewals were billed: %d ledger entries", n)
	}

	newCsr, newKey := newCSR(t, "renew.com", "www.renew.com")
	renewed := c.certCall("POST", path, map[string]any{"Period": 2, "CSR": newCsr}, http.StatusAccepted)
	if renewed.Status != "PENDING" || renewed.DnsTxt == cert.DnsTxt || renewed.TicketId == cert.TicketId ||
		!renewed.ExpDate.Equal(*cert.ExpDate) || !renewed.RegDate.Equal(*cert.RegDate) || renewed.Period != 1 {
		t.Fatalf("renewed %+v, before %+v", renewed, cert)
	}
	if last := e.ledger(); len(last) != 2 || last[1].Operation != "ssl.renew" || last[1].Object != "renew.com" || last[1].Period != 2 || last[1].Amount != 178 {
		t.Fatalf("ledger %+v", last)
	}
	c.do("POST", path, map[string]int{"Period": 1}).wantError(http.StatusConflict, 570, "")
	if got := c.download(cert.Handle); got != before {
		t.Fatal("the certificate changed before the renewal was validated")
	}

	got := c.validateCert(cert.Handle)
	if got.Status != "ISSUED" || !got.ExpDate.Equal(cert.ExpDate.AddDate(2, 0, 0)) || !got.RegDate.Equal(*cert.RegDate) {
		t.Fatalf("after the renewal %+v, before %+v", got, cert)
	}
	now := e.now()
	issued := c.download(cert.Handle)
	leaf := verifyIssued(t, issued, now)
	if !leaf.NotAfter.Equal(*got.ExpDate) || !leaf.NotBefore.Equal(issued.RegistrationDate) || now.Sub(leaf.NotBefore) > time.Minute ||
		!newKey.PublicKey.Equal(leaf.PublicKey) {
		t.Fatalf("renewed leaf from %s to %s, sandbox time %s", leaf.NotBefore, leaf.NotAfter, now)
	}
	var sent struct{ CSR string }
	c.do("GET", "Certificate/"+cert.Handle+"/csr", nil).want(http.StatusOK).decode(&sent)
	if sent.CSR != newCsr {
		t.Fatal("the renewal's CSR is not the current one")
	}

	// A certificate never issued has nothing to renew.
	pending, _ := newCSR(t, "later.com")
	p := c.orderCert("", certBody("AlphaSSL", pending, "Dns", ct))
	c.do("POST", "Certificate/"+p.Handle+"/Renew", map[string]int{"Period": 1}).wantError(http.StatusConflict, 570, "")
}

func TestCertReissue(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	csr, _ := newCSR(t, "reissue.com", "www.reissue.com")
	cert := c.issueCert("", certBody("DomainSSL", csr, "Http", ct, "www.reissue.com"))
	path := "Certificate/" + cert.Handle + "/Reissue"

	otherName, _ := newCSR(t, "other.com")
	tooMany := make([]string, 11)
	for i := range tooMany {
		tooMany[i] = fmt.Sprintf("n%d.reissue.com", i)
	}
	manyNames, _ := newCSR(t, "reissue.com", tooMany...)
	for _, tt := range []struct {
		name         string
		body         map[string]any
		status, code int
		field        string
	}{
		{"no CSR", map[string]any{"San": []string{}}, 422, 530, "CSR"},
		{"another common name", map[string]any{"CSR": otherName}, 422, 530, "CSR"},
		{"names outside San", map[string]any{"CSR": csr}, 422, 530, "CSR"},
		{"more names than the product takes", map[string]any{"CSR": manyNames, "San": tooMany}, 422, 550, "San"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c.on(t).do("POST", path, tt.body).wantError(tt.status, tt.code, tt.field)
		})
	}

	// An order not yet issued takes a new request too.
	pendingCSR, _ := newCSR(t, "later.com")
	p := c.orderCert("", certBody("AlphaSSL", pendingCSR, "Dns", ct))
	replaced, _ := newCSR(t, "later.com")
	if got := c.certCall("POST", "Certificate/"+p.Handle+"/Reissue", map[string]any{"CSR": replaced}, http.StatusAccepted); got.Status != "PENDING" || got.ExpDate != nil || got.DnsTxt == p.DnsTxt {
		t.Fatalf("reissue of an order %+v", got)
	}

	newCsr, newKey := newCSR(t, "reissue.com", "shop.reissue.com")
	got := c.certCall("POST", path, map[string]any{"CSR": newCsr, "San": []string{"shop.reissue.com"}}, http.StatusAccepted)
	if got.Status != "PENDING" || !slices.Equal(got.San, []string{"shop.reissue.com"}) || !got.ExpDate.Equal(*cert.ExpDate) ||
		got.DnsTxt == cert.DnsTxt || !slices.Equal(got.VerificationFQDNList, []string{"reissue.com", "shop.reissue.com"}) {
		t.Fatalf("reissued %+v, before %+v", got, cert)
	}
	got = c.validateCert(cert.Handle)
	if got.Status != "ISSUED" || !got.ExpDate.Equal(*cert.ExpDate) {
		t.Fatalf("after validating the reissue %+v, before %+v", got, cert)
	}
	leaf := verifyIssued(t, c.download(cert.Handle), e.now())
	if !slices.Equal(leaf.DNSNames, []string{"reissue.com", "shop.reissue.com"}) || !leaf.NotAfter.Equal(*cert.ExpDate) || !newKey.PublicKey.Equal(leaf.PublicKey) {
		t.Fatalf("reissued leaf %v until %s", leaf.DNSNames, leaf.NotAfter)
	}
	if ledger := e.ledger(); len(ledger) != 2 {
		t.Fatalf("a reissue was billed: %+v", ledger)
	}
}

func TestCertRevoke(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	csr, _ := newCSR(t, "revoke.com")
	body := certBody("AlphaSSL", csr, "Http", ct)
	body["AutoRenew"] = true
	cert := c.issueCert("", body)
	base := "Certificate/" + cert.Handle

	c.do("DELETE", base, nil).want(http.StatusNoContent)
	got := c.getCert(cert.Handle)
	issued := c.download(cert.Handle)
	if got.Status != "REVOKED" || got.TicketState != "completed" || !issued.Revoked || issued.RevocationDate == nil ||
		e.now().Sub(*issued.RevocationDate) > time.Minute || issued.Certificate == "" {
		t.Fatalf("revoked %+v, download %+v", got, issued)
	}
	for _, p := range []struct {
		method, path string
		body         any
	}{
		{"PUT", base, map[string]bool{"AutoRenew": false}},
		{"PUT", base + "/Validate", nil},
		{"POST", base + "/Renew", map[string]int{"Period": 1}},
		{"POST", base + "/Reissue", map[string]any{"CSR": csr}},
	} {
		c.do(p.method, p.path, p.body).wantError(http.StatusConflict, 570, "")
	}
	c.do("DELETE", base, nil).want(http.StatusNoContent)
	if again := c.download(cert.Handle); !again.RevocationDate.Equal(*issued.RevocationDate) {
		t.Fatalf("a second revocation moved the date from %s to %s", issued.RevocationDate, again.RevocationDate)
	}
	// A revoked certificate neither renews nor expires.
	e.advance(fmt.Sprintf("%dh", 2*366*24))
	if got := c.getCert(cert.Handle); got.Status != "REVOKED" || !got.ExpDate.Equal(*cert.ExpDate) {
		t.Fatalf("revoked certificate after two years %+v", got)
	}
	if ledger := e.ledger(); len(ledger) != 1 {
		t.Fatalf("ledger after a revocation %+v", ledger)
	}

	// An order can be revoked before it is issued.
	other, _ := newCSR(t, "never.com")
	p := c.orderCert("", certBody("AlphaSSL", other, "Dns", ct))
	c.do("DELETE", "Certificate/"+p.Handle, nil).want(http.StatusNoContent)
	if got := c.getCert(p.Handle); got.Status != "REVOKED" || got.ExpDate != nil {
		t.Fatalf("revoked order %+v", got)
	}
	c.do("GET", "Certificate/"+p.Handle+"/Certificate", nil).wantError(http.StatusNotFound, 570, "")
}

func TestCertAutoRenewAndExpiry(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	issue := func(name string) certAnswer {
		csr, _ := newCSR(t, name)
		return c.issueCert("", certBody("DomainSSL", csr, "Http", ct))
	}
	auto, plain := issue("auto.com"), issue("plain.com")
	if got := c.certCall("PUT", "Certificate/"+auto.Handle, map[string]bool{"AutoRenew": true}, http.StatusOK); !got.AutoRenew {
		t.Fatalf("auto-renew on: %+v", got)
	}
	if got := c.certCall("PUT", "Certificate/"+auto.Handle, map[string]any{}, http.StatusOK); !got.AutoRenew {
		t.Fatalf("a PUT without AutoRenew changed it: %+v", got)
	}

	e.advanceTo(auto.ExpDate.Add(time.Hour))
	now := e.now()
	got := c.getCert(auto.Handle)
	if got.Status != "ISSUED" || !got.ExpDate.Equal(auto.ExpDate.AddDate(1, 0, 0)) {
		t.Fatalf("auto-renewed %+v, before %+v", got, auto)
	}
	leaf := verifyIssued(t, c.download(auto.Handle), now)
	if !leaf.NotAfter.Equal(*got.ExpDate) || leaf.NotBefore.Before(*auto.ExpDate) || now.Sub(leaf.NotBefore) > time.Minute {
		t.Fatalf("auto-renewed leaf from %s to %s, sandbox time %s", leaf.NotBefore, leaf.NotAfter, now)
	}
	ledger := e.ledger()
	if last := ledger[len(ledger)-1]; len(ledger) != 3 || last.Operation != "ssl.autorenew" || last.Object != "auto.com" || last.Period != 1 || last.Amount != 89 {
		t.Fatalf("ledger %+v", ledger)
	}

	if got := c.getCert(plain.Handle); got.Status != "EXPIRED" || !got.ExpDate.Equal(*plain.ExpDate) {
		t.Fatalf("expired %+v", got)
	}
	c.do("PUT", "Certificate/"+plain.Handle+"/Validate", nil).wantError(http.StatusConflict, 570, "")
	c.do("POST", "Certificate/"+plain.Handle+"/Reissue", map[string]any{"CSR": "x"}).wantError(http.StatusConflict, 570, "")
	c.download(plain.Handle) // the last certificate stays downloadable
	// Renewing an expired certificate brings it back, from its issuance.
	renewed := c.certCall("POST", "Certificate/"+plain.Handle+"/Renew", map[string]int{"Period": 1}, http.StatusAccepted)
	if renewed.Status != "PENDING" {
		t.Fatalf("renewal of an expired certificate %+v", renewed)
	}
	got = c.validateCert(plain.Handle)
	if got.Status != "ISSUED" || got.ExpDate.Before(now.AddDate(1, 0, 0).Add(-time.Minute)) {
		t.Fatalf("renewed after expiry %+v, sandbox time %s", got, now)
	}
	verifyIssued(t, c.download(plain.Handle), e.now())
}

func TestCertIsolation(t *testing.T) {
	t.Parallel()
	e := start(t)
	a := e.reseller()
	b, _ := e.account("reseller-b", "reseller", "")
	ct := a.createContact("")
	csr, _ := newCSR(t, "alpha.com")
	issued := a.issueCert("", certBody("AlphaSSL", csr, "Http", ct))
	pending := a.orderCert("", certBody("AlphaSSL", csr, "Dns", ct))

	for _, handle := range []string{issued.Handle, pending.Handle} {
		base := "Certificate/" + handle
		for _, p := range []struct{ method, path string }{
			{"GET", base}, {"PUT", base}, {"DELETE", base}, {"PUT", base + "/Validate"}, {"GET", base + "/Certificate"},
			{"GET", base + "/csr"}, {"POST", base + "/Renew"}, {"POST", base + "/Reissue"},
		} {
			b.do(p.method, p.path, map[string]any{}).wantError(http.StatusNotFound, 510, "")
		}
	}
	if got := a.getCert(issued.Handle); got.Status != "ISSUED" {
		t.Fatalf("B changed A's certificate: %+v", got)
	}
	var listed []certAnswer
	b.do("GET", "Certificate?commonName=alpha.com", nil).want(http.StatusOK).decode(&listed)
	if len(listed) != 0 {
		t.Fatalf("B lists A's certificates: %+v", listed)
	}
	bCSR, _ := newCSR(t, "beta.com")
	b.do("POST", "Certificate", certBody("AlphaSSL", bCSR, "Dns", ct)).wantError(http.StatusNotFound, 510, "AdminContact")

	// Another reseller's zone does not validate A's names.
	bZone := *b.createDomain("", "beta.com", b.createContact("")).ZoneHandle
	onB := a.orderCert("", certBody("AlphaSSL", bCSR, "Dns", ct))
	b.addTXT(bZone, "@", onB.DnsTxt)
	if got := a.validateCert(onB.Handle); got.Status != "PENDING" || !strings.Contains(got.Error, "beta.com") {
		t.Fatalf("A's certificate validated from B's zone: %+v", got)
	}
}

func TestCertForAClient(t *testing.T) {
	t.Parallel()
	e := start(t)
	reseller := e.reseller()
	own, ownHandle := e.account("own-client", "client", "reseller")
	other, _ := e.account("other-client", "client", "reseller")
	query := "?user=" + ownHandle
	ct := reseller.createContact(query)
	// The zone is the reseller's; the client's certificate validates from
	// it, as from any zone of the reseller's estate.
	zone := *reseller.createDomain("", "estate.com", reseller.createContact("")).ZoneHandle
	csr, _ := newCSR(t, "estate.com")
	cert := reseller.orderCert(query, certBody("AlphaSSL", csr, "Dns", ct))
	if cert.Account != ownHandle {
		t.Fatalf("certificate ordered with %s belongs to %s", query, cert.Account)
	}
	if last := e.ledger(); last[len(last)-1].Operation != "ssl.create" || last[len(last)-1].Account != ownHandle {
		t.Fatalf("the client's order is billed as %+v", last[len(last)-1])
	}
	var listed []certAnswer
	reseller.do("GET", "Certificate", nil).want(http.StatusOK).decode(&listed)
	if len(listed) != 0 {
		t.Fatalf("the reseller's own list shows its client's certificates: %+v", listed)
	}
	reseller.do("GET", "Certificate"+query, nil).want(http.StatusOK).decode(&listed)
	if len(listed) != 1 || listed[0].Handle != cert.Handle {
		t.Fatalf("the reseller lists its client's certificates as %+v", listed)
	}
	own.do("GET", "Certificate", nil).want(http.StatusOK).decode(&listed)
	if len(listed) != 1 {
		t.Fatalf("the client lists %+v", listed)
	}
	other.do("GET", "Certificate/"+cert.Handle, nil).wantError(http.StatusNotFound, 510, "")

	reseller.addTXT(zone, "@", cert.DnsTxt)
	if got := own.validateCert(cert.Handle); got.Status != "ISSUED" {
		t.Fatalf("the client's certificate does not validate from its reseller's zone: %+v", got)
	}
	verifyIssued(t, own.download(cert.Handle), e.now())
}

func TestCertPendingRenewalOutlivesExpiry(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	csr, _ := newCSR(t, "late.com")
	body := certBody("AlphaSSL", csr, "Http", ct)
	body["AutoRenew"] = true
	cert := c.issueCert("", body)
	e.advanceTo(cert.ExpDate.Add(-24 * time.Hour))
	c.certCall("POST", "Certificate/"+cert.Handle+"/Renew", map[string]int{"Period": 1}, http.StatusAccepted)

	// Paid for and waiting: neither expired nor renewed again.
	e.advanceTo(cert.ExpDate.Add(10 * 24 * time.Hour))
	if got := c.getCert(cert.Handle); got.Status != "PENDING" || !got.ExpDate.Equal(*cert.ExpDate) {
		t.Fatalf("renewal waiting past the expiry date %+v", got)
	}
	if ledger := e.ledger(); len(ledger) != 2 || ledger[1].Operation != "ssl.renew" {
		t.Fatalf("ledger %+v", ledger)
	}
	now := e.now()
	got := c.validateCert(cert.Handle)
	if got.Status != "ISSUED" || got.ExpDate.Sub(now.AddDate(1, 0, 0)).Abs() > time.Minute {
		t.Fatalf("renewal validated after the expiry date %+v, sandbox time %s", got, now)
	}
}
