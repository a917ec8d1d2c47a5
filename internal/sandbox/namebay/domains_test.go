package namebay_test

import (
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestDomainCreateValidation(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	c.createDomain("", "existing.com", ct)
	nameServers := []map[string]string{{"Name": "ns1.example.net"}, {"Name": "ns2.example.net"}}

	tests := []struct {
		name         string
		change       map[string]any
		status, code int
		field        string
	}{
		{"bad name", map[string]any{"DomainName": "-bad.com"}, 422, 530, "DomainName"},
		{"third-level name", map[string]any{"DomainName": "www.example.com"}, 422, 530, "DomainName"},
		{"unicode name", map[string]any{"DomainName": "café.fr"}, 422, 530, "DomainName"},
		{"label too long", map[string]any{"DomainName": strings.Repeat("a", 64) + ".com"}, 422, 530, "DomainName"},
		{"unsupported TLD", map[string]any{"DomainName": "example.xyz"}, 422, 572, "DomainName"},
		{"reserved name", map[string]any{"DomainName": "nic.fr"}, 422, 550, "DomainName"},
		{"registered elsewhere", map[string]any{"DomainName": "taken-name.com"}, 409, 525, ""},
		{"registered here", map[string]any{"DomainName": "EXISTING.com"}, 409, 525, ""},
		{"period zero", map[string]any{"Period": 0}, 422, 550, "Period"},
		{"period above the TLD's maximum", map[string]any{"DomainName": "example.io", "Period": 6}, 422, 550, "Period"},
		{"period above one for .de", map[string]any{"DomainName": "example.de", "Period": 2}, 422, 550, "Period"},
		{"anonymous whois on .fr", map[string]any{"DomainName": "example.fr", "HasAnonymousWhois": true}, 422, 572, "HasAnonymousWhois"},
		{"missing admin", map[string]any{"AdminContactId": ""}, 422, 530, "AdminContactId"},
		{"unknown tech", map[string]any{"TechContactId": "CT-999999"}, 404, 510, "TechContactId"},
		{"unknown billing", map[string]any{"BillingContactId": "CT-999999"}, 404, 510, "BillingContactId"},
		{"neither DNS choice", map[string]any{"UseNamebayDns": false}, 422, 530, "NameServer"},
		{"both DNS choices", map[string]any{"NameServer": nameServers}, 422, 530, "NameServer"},
		{"one name server", map[string]any{"UseNamebayDns": false, "NameServer": nameServers[:1]}, 422, 550, "NameServer"},
		{"bad name server", map[string]any{"UseNamebayDns": false, "NameServer": []map[string]string{{"Name": "ns1"}, {"Name": "ns 2.example.net"}}}, 422, 530, "NameServer"},
		{"repeated name server", map[string]any{"UseNamebayDns": false, "NameServer": []map[string]string{{"Name": "ns1.example.net"}, {"Name": "NS1.example.net."}}}, 422, 551, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := domainBody("example.com", ct)
			maps.Copy(body, tt.change)
			c.do("POST", "Domain", body).wantError(tt.status, tt.code, tt.field)
		})
	}
	if got := len(e.ledger()); got != 1 {
		t.Fatalf("refused orders were billed: %d ledger entries", got)
	}
}

func TestDomainLifecycle(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	body := domainBody("Lifecycle.COM", ct)
	body["Period"], body["Protect"] = 2, true
	var d domainAnswer
	c.do("POST", "Domain", body).want(http.StatusAccepted).decode(&d)
	if d.Status != "pending" || d.Name != "lifecycle.com" || d.ZoneHandle == nil || len(d.AuthInfo) != 16 {
		t.Fatalf("new domain %+v", d)
	}
	var got domainAnswer
	c.do("GET", "Domain/"+d.Handle, nil).want(http.StatusOK).decode(&got)
	if got.Status != "pending" {
		t.Fatalf("status %q before the delay, want pending", got.Status)
	}
	e.advance("61s")
	c.do("GET", "Domain/"+d.Handle, nil).want(http.StatusOK).decode(&got)
	if got.Status != "protected" || got.AuthInfo != d.AuthInfo {
		t.Fatalf("after the delay: %+v (AuthInfo was %s)", got, d.AuthInfo)
	}
	var auth struct{ AuthInfo string }
	c.do("GET", "Domain/"+d.Handle+"/AuthInfo", nil).want(http.StatusOK).decode(&auth)
	if auth.AuthInfo != d.AuthInfo {
		t.Fatalf("AuthInfo %q, want the stable %q", auth.AuthInfo, d.AuthInfo)
	}

	// The name is now unavailable to everyone.
	var av struct{ Name, Status string }
	c.do("GET", "Domain/lifecycle.com/Availability", nil).want(http.StatusOK).decode(&av)
	if av.Status != "unavailable" {
		t.Fatalf("availability of a registered name: %+v", av)
	}

	c.do("DELETE", "Domain/"+d.Handle, nil).wantError(http.StatusConflict, 570, "")
	var ticket []struct {
		Code int
		Data struct{ TicketId string }
	}
	c.do("PUT", "Domain/"+d.Handle, map[string]any{"Status": "unprotect", "AutoRenew": true}).want(http.StatusAccepted).decode(&ticket)
	if len(ticket) != 1 || ticket[0].Code != 200 || ticket[0].Data.TicketId == "" {
		t.Fatalf("update ticket %+v", ticket)
	}
	c.do("GET", "Domain/"+d.Handle, nil).want(http.StatusOK).decode(&got)
	if got.Status != "ok" || !got.AutoRenew {
		t.Fatalf("after unprotect: %+v", got)
	}
	c.do("PUT", "Domain/"+d.Handle, map[string]any{"Status": "lock"}).wantError(http.StatusUnprocessableEntity, 530, "Status")
	c.do("PUT", "Domain/"+d.Handle, map[string]any{"HasAnonymousWhois": true}).want(http.StatusAccepted)

	c.do("DELETE", "Domain/"+d.Handle, nil).want(http.StatusNoContent)
	c.do("GET", "Domain/"+d.Handle, nil).wantError(http.StatusNotFound, 510, "")
	c.do("GET", "Zone/"+*d.ZoneHandle, nil).wantError(http.StatusNotFound, 510, "")
	c.do("GET", "Domain/lifecycle.com/Availability", nil).want(http.StatusOK).decode(&av)
	if av.Status != "available" {
		t.Fatalf("a deleted name should be available again: %+v", av)
	}
}

func TestDomainListFilters(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	a, b := c.createContact(""), c.createContact("")
	c.createDomain("", "one.com", a)
	body := domainBody("two.com", a)
	body["TechContactId"] = b
	c.do("POST", "Domain", body).want(http.StatusAccepted)

	count := func(query string) int {
		var out []domainAnswer
		c.do("GET", "Domain"+query, nil).want(http.StatusOK).decode(&out)
		return len(out)
	}
	for query, want := range map[string]int{
		"?name=one.com": 1, "?name=ONE.com.": 1, "?name=three.com": 0,
		"?contact=" + a: 2, "?contact=" + b: 1, "?contact=" + b + "&contactType=T": 1,
		"?contact=" + b + "&contactType=O": 0, "?contact=" + a + "&contactType=R": 2,
	} {
		if got := count(query); got != want {
			t.Errorf("GET Domain%s: %d domains, want %d", query, got, want)
		}
	}
	c.do("GET", "Domain", nil).wantError(http.StatusUnprocessableEntity, 530, "Name")
}

func TestDomainNameServersAndContacts(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	owner, other := c.createContact(""), c.createContact("")
	d := c.createDomain("", "servers.com", owner)

	var ns []struct{ Name string }
	c.do("GET", "Domain/"+d.Handle+"/NameServer", nil).want(http.StatusOK).decode(&ns)
	if len(ns) != 2 || ns[0].Name != "ns1.namebay.com" || ns[1].Name != "ns2.namebay.com" {
		t.Fatalf("name servers with Namebay DNS: %+v", ns)
	}
	c.do("PUT", "Domain/"+d.Handle+"/NameServer", []map[string]string{{"Name": "NS1.Example.net."}, {"Name": "ns2.example.net"}}).want(http.StatusOK).decode(&ns)
	if ns[0].Name != "ns1.example.net" {
		t.Fatalf("name servers are not normalised: %+v", ns)
	}
	var got struct{ UseNamebayDns bool }
	c.do("GET", "Domain/"+d.Handle, nil).want(http.StatusOK).decode(&got)
	if got.UseNamebayDns {
		t.Fatal("UseNamebayDns stays true after moving to other name servers")
	}
	c.do("PUT", "Domain/"+d.Handle+"/NameServer", []map[string]string{{"Name": "ns1.example.net"}}).wantError(http.StatusUnprocessableEntity, 550, "NameServer")

	put := func(handle, typ string) *response {
		return c.do("PUT", "Domain/"+d.Handle+"/Contact", []map[string]string{{"Handle": handle, "Type": typ}})
	}
	put(other, "A").wantError(http.StatusConflict, 570, "")
	put(other, "O").wantError(http.StatusConflict, 570, "")
	put(owner, "A").want(http.StatusOK) // unchanged is fine
	put(other, "X").wantError(http.StatusUnprocessableEntity, 530, "Type")
	put("CT-999999", "T").wantError(http.StatusNotFound, 510, "Handle")
	var contacts []struct{ Handle, Type string }
	put(other, "B").want(http.StatusOK).decode(&contacts)
	want := map[string]string{"O": owner, "A": owner, "T": owner, "B": other}
	if len(contacts) != 4 {
		t.Fatalf("contacts %+v", contacts)
	}
	for _, dc := range contacts {
		if want[dc.Type] != dc.Handle {
			t.Fatalf("contacts %+v, want %v", contacts, want)
		}
	}
}

func TestTradeAndRenewAreBilled(t *testing.T) {
	t.Parallel()
	e := start(t)
	c, clientHandle := e.account("billed-client", "client", "reseller")
	owner, buyer := c.createContact(""), c.createContact("")
	body := domainBody("billed.fr", owner)
	body["Period"] = 3
	var d domainAnswer
	c.do("POST", "Domain", body).want(http.StatusAccepted).decode(&d)

	c.do("POST", "Domain/"+d.Handle+"/Trade", map[string]string{"NewRegistrantContactId": owner}).wantError(http.StatusUnprocessableEntity, 550, "NewRegistrantContactId")
	c.do("POST", "Domain/"+d.Handle+"/Trade", map[string]string{"NewRegistrantContactId": "CT-999999"}).wantError(http.StatusNotFound, 510, "NewRegistrantContactId")
	c.do("POST", "Domain/"+d.Handle+"/Trade", map[string]string{"NewRegistrantContactId": buyer}).want(http.StatusAccepted)
	var contacts []struct{ Handle, Type string }
	c.do("GET", "Domain/"+d.Handle+"/Contact", nil).want(http.StatusOK).decode(&contacts)
	if contacts[0].Type != "O" || contacts[0].Handle != buyer {
		t.Fatalf("registrant after the trade: %+v", contacts)
	}

	c.do("POST", "Domain/"+d.Handle+"/Renew", map[string]int{"Period": 11}).wantError(http.StatusUnprocessableEntity, 550, "Period")
	var renewed domainAnswer
	c.do("POST", "Domain/"+d.Handle+"/Renew", map[string]int{"Period": 2}).want(http.StatusOK).decode(&renewed)
	before, _ := time.Parse(time.RFC3339, d.Expires)
	after, _ := time.Parse(time.RFC3339, renewed.Expires)
	if !after.Equal(before.AddDate(2, 0, 0)) {
		t.Fatalf("renewal moved Expires from %s to %s", d.Expires, renewed.Expires)
	}

	want := []ledgerEntry{
		{Id: 1, Family: "namebay", Account: clientHandle, Operation: "domain.create", Object: "billed.fr", Period: 3, Amount: 26.97, Currency: "EUR"},
		{Id: 2, Family: "namebay", Account: clientHandle, Operation: "domain.trade", Object: "billed.fr", Period: 0, Amount: 8.99, Currency: "EUR"},
		{Id: 3, Family: "namebay", Account: clientHandle, Operation: "domain.renew", Object: "billed.fr", Period: 2, Amount: 17.98, Currency: "EUR"},
	}
	got := e.ledger()
	if len(got) != len(want) {
		t.Fatalf("ledger %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("ledger entry %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestExpiryAndAutoRenew(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	renewing := c.createDomain("", "renewing.com", ct)
	c.do("PUT", "Domain/"+renewing.Handle, map[string]any{"AutoRenew": true}).want(http.StatusAccepted)
	lapsing := c.createDomain("", "lapsing.com", ct)

	e.advance("9000h") // a little over a year
	// The admin ledger shows the renewal without any partner request.
	var renewals []ledgerEntry
	for _, l := range e.ledger() {
		if l.Operation == "domain.autorenew" {
			renewals = append(renewals, l)
		}
	}
	if len(renewals) != 1 || renewals[0].Object != "renewing.com" || renewals[0].Amount != 10.99 || renewals[0].Period != 1 {
		t.Fatalf("auto-renewals %+v", renewals)
	}
	var got domainAnswer
	c.do("GET", "Domain/"+renewing.Handle, nil).want(http.StatusOK).decode(&got)
	if got.Status != "ok" {
		t.Fatalf("auto-renewed domain is %q", got.Status)
	}
	c.do("GET", "Domain/"+lapsing.Handle, nil).want(http.StatusOK).decode(&got)
	if got.Status != "expired" {
		t.Fatalf("lapsed domain is %q, want expired", got.Status)
	}
	// Renewing an expired domain brings it back.
	c.do("POST", "Domain/"+lapsing.Handle+"/Renew", map[string]int{"Period": 1}).want(http.StatusOK).decode(&got)
	if got.Status != "ok" {
		t.Fatalf("renewed domain is %q", got.Status)
	}
}

func TestAvailability(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	c.createDomain("", "registered.com", c.createContact(""))

	type availability struct {
		Name, Status, Error, ForbiddenReason, ReservedReason, Currency string
		Forbidden, Reserved                                            bool
		Price                                                          *float64
		MinPeriod, MaxPeriod                                           int
	}
	var one availability
	c.do("GET", "Domain/Free-Name.io/Availability", nil).want(http.StatusOK).decode(&one)
	if one.Name != "free-name.io" || one.Status != "available" || one.Price == nil || *one.Price != 39.99 || one.MaxPeriod != 5 || one.Currency != "EUR" {
		t.Fatalf("available name: %+v", one)
	}
	var list []availability
	c.do("GET", "Domain/Availability?domain=registered.com&domain=takenbyothers.fr&domain=nic.eu&domain=example.xyz&domain=caf%C3%A9.fr&domain=a..b", nil).
		want(http.StatusOK).decode(&list)
	if len(list) != 6 {
		t.Fatalf("%d answers for 6 names", len(list))
	}
	checks := []func(a availability) bool{
		func(a availability) bool { return a.Status == "unavailable" && !a.Forbidden && !a.Reserved },
		func(a availability) bool { return a.Status == "unavailable" },
		func(a availability) bool { return a.Status == "unavailable" && a.Reserved && a.ReservedReason != "" },
		func(a availability) bool { return a.Status == "unavailable" && a.Forbidden && a.ForbiddenReason != "" },
		func(a availability) bool { return a.Name == "xn--caf-dma.fr" && a.Status == "available" },
		func(a availability) bool { return a.Status == "unavailable" && a.Error != "" },
	}
	for i, ok := range checks {
		if !ok(list[i]) {
			t.Errorf("answer %d: %+v", i, list[i])
		}
	}
	c.do("GET", "Domain/Availability", nil).wantError(http.StatusUnprocessableEntity, 530, "Domain")

	c.do("GET", "Domain/Suggest?name=registered&tlds=com,fr", nil).want(http.StatusOK).decode(&list)
	if len(list) != 8 || list[0].Name != "registered.com" || list[0].Status != "unavailable" || list[1].Status != "available" {
		t.Fatalf("suggestions %+v", list)
	}
	c.do("GET", "Domain/Suggest?name=bad_name", nil).wantError(http.StatusUnprocessableEntity, 530, "Name")
}

func TestTldList(t *testing.T) {
	t.Parallel()
	e := start(t)
	var tlds []struct {
		TldName                             string
		MinPeriod, MaxPeriod                int
		CreatePrice, RenewPrice, TradePrice float64
		Currency                            string
		Dnssec, AnonymousWhois              bool
	}
	e.reseller().do("GET", "Tld", nil).want(http.StatusOK).decode(&tlds)
	prices := map[string]float64{"com": 10.99, "net": 12.99, "org": 11.99, "fr": 8.99, "eu": 7.99, "io": 39.99, "de": 6.99, "mc": 59}
	if len(tlds) != len(prices) {
		t.Fatalf("%d TLDs, want %d", len(tlds), len(prices))
	}
	for _, tld := range tlds {
		if tld.CreatePrice != prices[tld.TldName] || tld.RenewPrice != tld.CreatePrice || tld.Currency != "EUR" || tld.MinPeriod != 1 {
			t.Errorf("TLD %+v", tld)
		}
	}
}
