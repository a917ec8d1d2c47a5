package namebay_test

import (
	"fmt"
	"net/http"
	"testing"
)

// objects a reseller owns, for isolation checks.
type estate struct {
	contact, domain, zone, pack, name string
	record, ftpUser                   int64
}

// buildEstate creates a contact, a domain with a record, and a hosting pack
// of the domain with an alias, an FTP user and a database; it moves the
// clock past the pack's set-up.
func buildEstate(t *testing.T, c *client, query, name string) estate {
	t.Helper()
	ct := c.createContact(query)
	d := c.createDomain(query, name, ct)
	var rec struct{ Id int64 }
	c.do("POST", fmt.Sprintf("Zone/%s/Record%s", *d.ZoneHandle, query), map[string]any{"Host": "www", "Type": "A", "Data": "192.0.2.1"}).
		want(http.StatusCreated).decode(&rec)
	p := c.createPack(query, name, "HOSTING-PRO", ct)
	c.do("POST", "Hosting/"+p.Handle+"/Alias", map[string]string{"Domain": "alias-" + name}).want(http.StatusCreated)
	var u struct{ Id int64 }
	c.do("POST", "Hosting/"+p.Handle+"/User", ftpUserBody("web")).want(http.StatusCreated).decode(&u)
	c.do("POST", "Hosting/"+p.Handle+"/Db", dbBody("app")).want(http.StatusCreated)
	return estate{contact: ct, domain: d.Handle, zone: *d.ZoneHandle, record: rec.Id, pack: p.Handle, ftpUser: u.Id, name: name}
}

// paths lists a read and a write of every kind of object of es.
func (es estate) paths() []struct{ method, path string } {
	rec := fmt.Sprintf("Zone/%s/Record/%d", es.zone, es.record)
	paths := []struct{ method, path string }{
		{"GET", "Contact/" + es.contact}, {"PUT", "Contact/" + es.contact}, {"DELETE", "Contact/" + es.contact},
		{"GET", "Domain/" + es.domain}, {"PUT", "Domain/" + es.domain}, {"DELETE", "Domain/" + es.domain},
		{"GET", "Domain/" + es.domain + "/AuthInfo"}, {"PUT", "Domain/" + es.domain + "/NameServer"},
		{"GET", "Zone/" + es.zone}, {"PUT", "Zone/" + es.zone}, {"GET", "Zone/" + es.zone + "/Record"},
		{"GET", rec}, {"PUT", rec}, {"DELETE", rec},
	}
	pack := "Hosting/" + es.pack
	user := fmt.Sprintf("%s/User/%d", pack, es.ftpUser)
	return append(paths, []struct{ method, path string }{
		{"GET", pack}, {"PUT", pack}, {"DELETE", pack}, {"POST", pack + "/Upgrade"}, {"POST", pack + "/Renew"},
		{"GET", pack + "/Alias"}, {"POST", pack + "/Alias"}, {"DELETE", pack + "/Alias/alias-" + es.name},
		{"GET", pack + "/User"}, {"POST", pack + "/User"}, {"GET", user}, {"PUT", user}, {"DELETE", user}, {"POST", user + "/Password"},
		{"GET", pack + "/Db"}, {"POST", pack + "/Db"}, {"GET", pack + "/Db/app"}, {"PUT", pack + "/Db/app"},
		{"DELETE", pack + "/Db/app"}, {"POST", pack + "/Db/app/Password"},
	}...)
}

func TestResellersAreIsolated(t *testing.T) {
	t.Parallel()
	e := start(t)
	a := e.reseller()
	b, _ := e.account("reseller-b", "reseller", "")
	es := buildEstate(t, a, "", "alpha.com")

	for _, p := range es.paths() {
		b.do(p.method, p.path, map[string]any{}).wantError(http.StatusNotFound, 510, "")
	}
	// Nothing B did touched A's objects.
	for _, p := range es.paths() {
		if p.method == "GET" {
			a.do("GET", p.path, nil).want(http.StatusOK)
		}
	}
	// B cannot use A's contact in an order.
	b.do("POST", "Domain", domainBody("beta.com", es.contact)).wantError(http.StatusNotFound, 510, "RegistrantContactId")
	b.do("POST", "Hosting", hostingBody("beta.com", "HOSTING-START", es.contact)).wantError(http.StatusNotFound, 510, "AdminContact")
	// A domain has one pack, whoever owns it.
	b.do("POST", "Hosting", hostingBody("alpha.com", "HOSTING-START", b.createContact(""))).wantError(http.StatusConflict, 525, "")
	var packs []struct{ Handle string }
	b.do("GET", "Hosting?domain=alpha.com", nil).want(http.StatusOK).decode(&packs)
	if len(packs) != 0 {
		t.Fatalf("B finds A's pack: %+v", packs)
	}
	// B cannot act for A's client, nor for A.
	b.do("GET", "Contact?user=CL-000001", nil).wantError(http.StatusForbidden, 712, "")
	b.do("GET", "Contact?user=RS-000001", nil).wantError(http.StatusForbidden, 712, "")
	b.do("GET", "Contact?user=NOBODY", nil).wantError(http.StatusForbidden, 712, "")
	// Lists are scoped: B sees nothing of A's.
	var zones []struct{ Handle string }
	b.do("GET", "Zone", nil).want(http.StatusOK).decode(&zones)
	if len(zones) != 0 {
		t.Fatalf("B lists A's zones: %+v", zones)
	}
	var domains []struct{ Handle string }
	b.do("GET", "Domain?name=alpha.com", nil).want(http.StatusOK).decode(&domains)
	if len(domains) != 0 {
		t.Fatalf("B finds A's domain: %+v", domains)
	}
}

func TestResellerActsForItsClient(t *testing.T) {
	t.Parallel()
	e := start(t)
	reseller := e.reseller()
	// The seeded client's password is random: clients with known passwords
	// play the clients here.
	own, ownHandle := e.account("own-client", "client", "reseller")
	other, otherHandle := e.account("other-client", "client", "reseller")

	es := buildEstate(t, reseller, "?user="+ownHandle, "client-owned.com")
	var ct struct{ Account string }
	reseller.do("GET", "Contact/"+es.contact, nil).want(http.StatusOK).decode(&ct)
	if ct.Account != ownHandle {
		t.Fatalf("contact created with ?user=%s belongs to %s", ownHandle, ct.Account)
	}
	// The client sees its objects; the reseller reaches them by handle and
	// in the client's lists.
	for _, p := range es.paths() {
		if p.method == "GET" {
			own.do("GET", p.path, nil).want(http.StatusOK)
			reseller.do("GET", p.path, nil).want(http.StatusOK)
		}
	}
	var listed []struct{ Handle string }
	reseller.do("GET", "Contact?user="+ownHandle, nil).want(http.StatusOK).decode(&listed)
	if len(listed) != 1 || listed[0].Handle != es.contact {
		t.Fatalf("reseller lists its client's contacts as %+v", listed)
	}
	reseller.do("GET", "Contact", nil).want(http.StatusOK).decode(&listed)
	if len(listed) != 0 {
		t.Fatalf("the reseller's own list shows its client's contacts: %+v", listed)
	}
	var pack struct{ Account string }
	reseller.do("GET", "Hosting/"+es.pack, nil).want(http.StatusOK).decode(&pack)
	if pack.Account != ownHandle {
		t.Fatalf("pack ordered with ?user=%s belongs to %s", ownHandle, pack.Account)
	}
	reseller.do("GET", "Hosting?user="+ownHandle, nil).want(http.StatusOK).decode(&listed)
	if len(listed) != 1 || listed[0].Handle != es.pack {
		t.Fatalf("reseller lists its client's packs as %+v", listed)
	}
	reseller.do("GET", "Hosting", nil).want(http.StatusOK).decode(&listed)
	if len(listed) != 0 {
		t.Fatalf("the reseller's own list shows its client's packs: %+v", listed)
	}
	// The reseller works on its client's pack by handle; the client pays.
	reseller.do("POST", "Hosting/"+es.pack+"/Renew", map[string]int{"Period": 1}).want(http.StatusOK)
	if last := e.ledger(); last[len(last)-1].Operation != "hosting.renew" || last[len(last)-1].Account != ownHandle {
		t.Fatalf("the renewal of the client's pack is billed as %+v", last[len(last)-1])
	}
	own.do("GET", "Contact?user="+ownHandle, nil).want(http.StatusOK)

	// A client account cannot act for its reseller or another client, and
	// does not see their objects.
	own.do("GET", "Contact?user=RS-000001", nil).wantError(http.StatusForbidden, 712, "")
	own.do("GET", "Contact?user="+otherHandle, nil).wantError(http.StatusForbidden, 712, "")
	resellerContact := reseller.createContact("")
	own.do("GET", "Contact/"+resellerContact, nil).wantError(http.StatusNotFound, 510, "")
	for _, p := range es.paths() {
		other.do(p.method, p.path, map[string]any{}).wantError(http.StatusNotFound, 510, "")
	}
}
