package namebay_test

import (
	"maps"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox"
)

func TestHostingOffers(t *testing.T) {
	t.Parallel()
	e := start(t)
	type offer struct {
		ProductId, Name, Currency                                                   string
		Rank, DiskQuotaMb, MaxFtpUsers, MaxDatabases, MaxAliases, DatabaseMaxSizeMb int
		MinPeriod, MaxPeriod                                                        int
		DatabaseTypes, Php                                                          []string
		Price                                                                       float64
	}
	var got []offer
	e.reseller().do("GET", "Hosting/Offer", nil).want(http.StatusOK).decode(&got)
	want := []offer{
		{"HOSTING-START", "Start", "EUR", 1, 1024, 2, 1, 1, 100, 1, 3, []string{"mysql5"}, []string{"7.4", "8.1", "8.2", "8.3"}, 29},
		{"HOSTING-PRO", "Pro", "EUR", 2, 10240, 10, 10, 10, 1024, 1, 3, []string{"mysql5"}, []string{"8.1", "8.2", "8.3", "8.4"}, 79},
		{"HOSTING-BUSINESS", "Business", "EUR", 3, 51200, 50, 50, 50, 4096, 1, 3, []string{"mysql5"}, []string{"8.1", "8.2", "8.3", "8.4"}, 149},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("offers %+v\nwant %+v", got, want)
	}
}

func TestHostingCreateValidation(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	existing := c.createPack("", "existing.com", "HOSTING-PRO", ct)
	c.do("POST", "Hosting/"+existing.Handle+"/Alias", map[string]string{"Domain": "aliased.net"}).want(http.StatusCreated)

	tests := []struct {
		name         string
		change       map[string]any
		status, code int
		field        string
	}{
		{"unknown offer", map[string]any{"ProductId": "HOSTING-MEGA"}, 422, 530, "ProductId"},
		{"missing offer", map[string]any{"ProductId": ""}, 422, 530, "ProductId"},
		{"missing domain", map[string]any{"Domain": ""}, 422, 530, "Domain"},
		{"one label", map[string]any{"Domain": "localhost"}, 422, 530, "Domain"},
		{"bad label", map[string]any{"Domain": "-bad.com"}, 422, 530, "Domain"},
		{"underscore", map[string]any{"Domain": "my_site.com"}, 422, 530, "Domain"},
		{"unicode", map[string]any{"Domain": "café.fr"}, 422, 530, "Domain"},
		{"label too long", map[string]any{"Domain": strings.Repeat("a", 64) + ".com"}, 422, 530, "Domain"},
		{"pack exists", map[string]any{"Domain": "Existing.COM."}, 409, 525, ""},
		{"alias of a pack", map[string]any{"Domain": "aliased.net"}, 409, 525, ""},
		{"period zero", map[string]any{"Period": 0}, 422, 550, "Period"},
		{"period four", map[string]any{"Period": 4}, 422, 550, "Period"},
		{"missing admin", map[string]any{"AdminContact": nil}, 422, 530, "AdminContact"},
		{"empty admin handle", map[string]any{"AdminContact": map[string]string{"Handle": ""}}, 422, 530, "AdminContact"},
		{"missing billing", map[string]any{"BillingContact": nil}, 422, 530, "BillingContact"},
		{"unknown admin", map[string]any{"AdminContact": map[string]string{"Handle": "CT-999999"}}, 404, 510, "AdminContact"},
		{"unknown billing", map[string]any{"BillingContact": map[string]string{"Handle": "CT-999999"}}, 404, 510, "BillingContact"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := hostingBody("example.com", "HOSTING-START", ct)
			maps.Copy(body, tt.change)
			c.do("POST", "Hosting", body).wantError(tt.status, tt.code, tt.field)
		})
	}
	c.do("POST", "Hosting", "{").wantError(http.StatusBadRequest, 400, "")
	if got := len(e.ledger()); got != 1 {
		t.Fatalf("refused orders were billed: %d ledger entries", got)
	}
	// A sub-domain and a domain registered elsewhere are fine.
	c.orderPack("", "www.elsewhere.org", "hosting-start", ct)
}

func TestHostingLifecycle(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	admin, billing := c.createContact(""), c.createContact("")
	body := hostingBody("Site.example.COM", "HOSTING-START", admin)
	body["BillingContact"], body["Period"], body["AutoRenew"] = map[string]string{"Handle": billing}, 2, true
	var p hostingAnswer
	c.do("POST", "Hosting", body).want(http.StatusAccepted).decode(&p)
	created, _ := time.Parse(time.RFC3339, p.Created)
	expires, _ := time.Parse(time.RFC3339, p.Expires)
	if p.Handle != "HO-000001" || p.Status != "pending" || p.Domain != "site.example.com" || p.ProductId != "HOSTING-START" ||
		p.OfferName != "Start" || p.FtpHost != "ftp.site.example.com" || p.FrameWork.Type != "PHP" || p.FrameWork.Version != "8.3" ||
		p.HasStats || !p.AutoRenew || p.DiskQuotaMb != 1024 || p.DiskUsedMb != 10 || p.Account != "RS-000001" ||
		p.AdminContact.Handle != admin || p.BillingContact.Handle != billing || !expires.Equal(created.AddDate(2, 0, 0)) {
		t.Fatalf("new pack %+v", p)
	}

	// While the pack is set up, it can be read and deleted, nothing else.
	for _, r := range []struct{ method, path string }{
		{"PUT", ""}, {"POST", "/Upgrade"}, {"POST", "/Renew"},
		{"GET", "/Alias"}, {"POST", "/Alias"}, {"DELETE", "/Alias/other.com"},
		{"GET", "/User"}, {"POST", "/User"}, {"GET", "/User/1"}, {"PUT", "/User/1"}, {"DELETE", "/User/1"}, {"POST", "/User/1/Password"},
		{"GET", "/Db"}, {"POST", "/Db"}, {"GET", "/Db/app"}, {"PUT", "/Db/app"}, {"DELETE", "/Db/app"}, {"POST", "/Db/app/Password"},
	} {
		c.do(r.method, "Hosting/"+p.Handle+r.path, map[string]any{}).wantError(http.StatusConflict, 570, "")
	}
	if got := c.getPack(p.Handle); got.Status != "pending" {
		t.Fatalf("status %q before the delay", got.Status)
	}
	e.advance("61s")
	if got := c.getPack(p.Handle); got.Status != "active" || got.Created != p.Created {
		t.Fatalf("after the delay: %+v", got)
	}
	c.do("GET", "Hosting/"+p.Handle+"/User", nil).want(http.StatusOK)

	other := c.createPack("", "other.org", "HOSTING-PRO", admin)
	list := func(query string) []string {
		var out []hostingAnswer
		c.do("GET", "Hosting"+query, nil).want(http.StatusOK).decode(&out)
		var handles []string
		for _, h := range out {
			handles = append(handles, h.Handle)
		}
		return handles
	}
	for query, want := range map[string]string{
		"": p.Handle + "," + other.Handle, "?domain=OTHER.org.": other.Handle, "?domain=none.org": "",
	} {
		if got := strings.Join(list(query), ","); got != want {
			t.Errorf("GET Hosting%s: %s, want %s", query, got, want)
		}
	}
	var page []hostingAnswer
	res := c.do("GET", "Hosting?pageSize=1&page=2", nil).want(http.StatusOK)
	res.decode(&page)
	if len(page) != 1 || page[0].Handle != other.Handle || res.Header.Get("X-Total-Count") != "2" || res.Header.Get("X-Page-Size") != "1" {
		t.Fatalf("second page of one pack: %+v, headers %v", page, res.Header)
	}
	c.do("GET", "Hosting?pageSize=501", nil).wantError(http.StatusUnprocessableEntity, 530, "PageSize")
	c.do("GET", "Hosting/HO-999999", nil).wantError(http.StatusNotFound, 510, "")
	c.do("DELETE", "Hosting/"+other.Handle, nil).want(http.StatusNoContent)
	c.do("GET", "Hosting/"+other.Handle, nil).wantError(http.StatusNotFound, 510, "")
	c.do("DELETE", "Hosting/"+other.Handle, nil).wantError(http.StatusNotFound, 510, "")
}

func TestHostingWithoutDelayCompletesOnTheNextRequest(t *testing.T) {
	t.Parallel()
	e := startWith(t, sandbox.Settings{})
	c := e.reseller()
	p := c.orderPack("", "instant.com", "HOSTING-START", c.createContact(""))
	if p.Status != "pending" {
		t.Fatalf("the order answers %q, want pending", p.Status)
	}
	if got := c.getPack(p.Handle); got.Status != "active" {
		t.Fatalf("the next request sees %q, want active", got.Status)
	}
}

func TestHostingEdit(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	first, second := c.createContact(""), c.createContact("")
	p := c.createPack("", "edited.com", "HOSTING-START", first)

	tests := []struct {
		name         string
		body         map[string]any
		status, code int
		field        string
	}{
		{"framework not PHP", map[string]any{"FrameWork": map[string]string{"Type": "ASP", "Version": "8.2"}}, 422, 530, "FrameWork"},
		{"framework without type", map[string]any{"FrameWork": map[string]string{"Version": "8.2"}}, 422, 530, "FrameWork"},
		{"PHP not offered", map[string]any{"FrameWork": map[string]string{"Type": "PHP", "Version": "8.4"}}, 422, 530, "FrameWork"},
		{"PHP missing", map[string]any{"FrameWork": map[string]string{"Type": "PHP"}}, 422, 530, "FrameWork"},
		{"unknown admin", map[string]any{"AdminContact": map[string]string{"Handle": "CT-999999"}}, 404, 510, "AdminContact"},
		{"empty billing", map[string]any{"BillingContact": map[string]string{"Handle": " "}}, 422, 530, "BillingContact"},
		{"valid change with a bad one", map[string]any{"HasStats": true, "FrameWork": map[string]string{"Type": "PHP", "Version": "5.6"}}, 422, 530, "FrameWork"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c.do("PUT", "Hosting/"+p.Handle, tt.body).wantError(tt.status, tt.code, tt.field)
		})
	}
	if got := c.getPack(p.Handle); got.HasStats || got.FrameWork.Version != "8.3" {
		t.Fatalf("a refused edit changed the pack: %+v", got)
	}

	var got hostingAnswer
	c.do("PUT", "Hosting/"+p.Handle, map[string]any{
		"AdminContact": map[string]string{"Handle": second}, "BillingContact": map[string]string{"Handle": second},
		"FrameWork": map[string]string{"Type": "php", "Version": "7.4"}, "AutoRenew": true, "HasStats": true,
	}).want(http.StatusOK).decode(&got)
	if got.AdminContact.Handle != second || got.BillingContact.Handle != second || got.FrameWork.Version != "7.4" ||
		got.FrameWork.Type != "PHP" || !got.AutoRenew || !got.HasStats {
		t.Fatalf("after the edit: %+v", got)
	}
	// Absent fields keep their value.
	c.do("PUT", "Hosting/"+p.Handle, map[string]any{"HasStats": false}).want(http.StatusOK).decode(&got)
	if got.HasStats || !got.AutoRenew || got.FrameWork.Version != "7.4" || got.AdminContact.Handle != second {
		t.Fatalf("after a partial edit: %+v", got)
	}
	if n := len(e.ledger()); n != 1 {
		t.Fatalf("edits were billed: %d ledger entries", n)
	}
}

func TestHostingUpgradeAndDowngrade(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	p := c.createPack("", "growing.com", "HOSTING-START", ct)
	c.do("PUT", "Hosting/"+p.Handle, map[string]any{"FrameWork": map[string]string{"Type": "PHP", "Version": "7.4"}}).want(http.StatusOK)

	upgrade := func(productID string) *response {
		return c.do("POST", "Hosting/"+p.Handle+"/Upgrade", map[string]string{"ProductId": productID})
	}
	upgrade("HOSTING-START").wantError(http.StatusUnprocessableEntity, 550, "ProductId")
	upgrade("HOSTING-MEGA").wantError(http.StatusUnprocessableEntity, 530, "ProductId")

	var got hostingAnswer
	upgrade("HOSTING-PRO").want(http.StatusOK).decode(&got)
	if got.ProductId != "HOSTING-PRO" || got.OfferName != "Pro" || got.DiskQuotaMb != 10240 || got.FrameWork.Version != "8.4" {
		t.Fatalf("after the upgrade to Pro: %+v (PHP 7.4 is not offered by Pro: the newest applies)", got)
	}
	c.do("PUT", "Hosting/"+p.Handle, map[string]any{"FrameWork": map[string]string{"Type": "PHP", "Version": "8.2"}}).want(http.StatusOK)
	upgrade("HOSTING-BUSINESS").want(http.StatusOK).decode(&got)
	if got.FrameWork.Version != "8.2" {
		t.Fatalf("an offered PHP version changed on upgrade: %+v", got)
	}
	upgrade("HOSTING-PRO").want(http.StatusOK) // fits: nothing in the pack yet

	for _, name := range []string{"one", "two", "three"} {
		c.do("POST", "Hosting/"+p.Handle+"/User", ftpUserBody(name)).want(http.StatusCreated)
	}
	for _, name := range []string{"first", "second"} {
		c.do("POST", "Hosting/"+p.Handle+"/Db", dbBody(name)).want(http.StatusCreated)
	}
	c.do("PUT", "Hosting/"+p.Handle+"/Db/first", map[string]int{"MaxSize": 50}).want(http.StatusOK)
	for _, a := range []string{"a.growing.net", "b.growing.net"} {
		c.do("POST", "Hosting/"+p.Handle+"/Alias", map[string]string{"Domain": a}).want(http.StatusCreated)
	}
	res := upgrade("HOSTING-START")
	res.wantError(http.StatusConflict, 570, "")
	for _, want := range []string{"3 FTP users", "2 databases", "2 aliases", "database second", "Start"} {
		if !strings.Contains(string(res.Body), want) {
			t.Errorf("refused downgrade does not name %q: %s", want, res.Body)
		}
	}
	if strings.Contains(string(res.Body), "database first") {
		t.Errorf("refused downgrade names a database that fits: %s", res.Body)
	}
	c.do("DELETE", "Hosting/"+p.Handle+"/User/3", nil).want(http.StatusNoContent)
	c.do("DELETE", "Hosting/"+p.Handle+"/Db/second", nil).want(http.StatusNoContent)
	c.do("DELETE", "Hosting/"+p.Handle+"/Alias/b.growing.net", nil).want(http.StatusNoContent)
	upgrade("HOSTING-START").want(http.StatusOK).decode(&got)
	if got.ProductId != "HOSTING-START" || got.FrameWork.Version != "8.2" || got.FtpUserCount != 2 || got.DatabaseCount != 1 || got.AliasCount != 1 {
		t.Fatalf("after the downgrade: %+v", got)
	}

	want := []ledgerEntry{
		{Id: 1, Family: "namebay", Account: "RS-000001", Operation: "hosting.create", Object: "growing.com", Period: 1, Amount: 29, Currency: "EUR"},
		{Id: 2, Family: "namebay", Account: "RS-000001", Operation: "hosting.upgrade", Object: "growing.com", Period: 0, Amount: 50, Currency: "EUR"},
		{Id: 3, Family: "namebay", Account: "RS-000001", Operation: "hosting.upgrade", Object: "growing.com", Period: 0, Amount: 70, Currency: "EUR"},
	}
	wantLedger(t, e, want)
}

func wantLedger(t *testing.T, e *env, want []ledgerEntry) {
	t.Helper()
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

func TestHostingRenewIsBilled(t *testing.T) {
	t.Parallel()
	e := start(t)
	c, clientHandle := e.account("hosting-client", "client", "reseller")
	ct := c.createContact("")
	body := hostingBody("renewed.fr", "HOSTING-PRO", ct)
	body["Period"] = 3
	var p hostingAnswer
	c.do("POST", "Hosting", body).want(http.StatusAccepted).decode(&p)
	e.advance("61s")

	c.do("POST", "Hosting/"+p.Handle+"/Renew", map[string]int{"Period": 4}).wantError(http.StatusUnprocessableEntity, 550, "Period")
	c.do("POST", "Hosting/"+p.Handle+"/Renew", map[string]int{"Period": 0}).wantError(http.StatusUnprocessableEntity, 550, "Period")
	var renewed hostingAnswer
	c.do("POST", "Hosting/"+p.Handle+"/Renew", map[string]int{"Period": 2}).want(http.StatusOK).decode(&renewed)
	before, _ := time.Parse(time.RFC3339, p.Expires)
	after, _ := time.Parse(time.RFC3339, renewed.Expires)
	if !after.Equal(before.AddDate(2, 0, 0)) || renewed.Account != clientHandle {
		t.Fatalf("renewal moved Expires from %s to %s (%+v)", p.Expires, renewed.Expires, renewed)
	}
	wantLedger(t, e, []ledgerEntry{
		{Id: 1, Family: "namebay", Account: clientHandle, Operation: "hosting.create", Object: "renewed.fr", Period: 3, Amount: 237, Currency: "EUR"},
		{Id: 2, Family: "namebay", Account: clientHandle, Operation: "hosting.renew", Object: "renewed.fr", Period: 2, Amount: 158, Currency: "EUR"},
	})
}

func TestHostingExpiryAndAutoRenew(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	renewing := c.createPack("", "renewing.com", "HOSTING-BUSINESS", ct)
	c.do("PUT", "Hosting/"+renewing.Handle, map[string]any{"AutoRenew": true}).want(http.StatusOK)
	lapsing := c.createPack("", "lapsing.com", "HOSTING-START", ct)

	e.advance("9000h") // a little over a year
	var renewals []ledgerEntry
	for _, l := range e.ledger() {
		if l.Operation == "hosting.autorenew" {
			renewals = append(renewals, l)
		}
	}
	if len(renewals) != 1 || renewals[0].Object != "renewing.com" || renewals[0].Amount != 149 || renewals[0].Period != 1 {
		t.Fatalf("auto-renewals %+v", renewals)
	}
	if got := c.getPack(renewing.Handle); got.Status != "active" || got.Expires <= renewing.Expires {
		t.Fatalf("auto-renewed pack %+v", got)
	}
	if got := c.getPack(lapsing.Handle); got.Status != "expired" {
		t.Fatalf("lapsed pack is %q, want expired", got.Status)
	}
	var got hostingAnswer
	c.do("POST", "Hosting/"+lapsing.Handle+"/Renew", map[string]int{"Period": 1}).want(http.StatusOK).decode(&got)
	if got.Status != "active" {
		t.Fatalf("renewed pack is %q", got.Status)
	}
}

func TestHostingQuotas(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	p := c.createPack("", "small.com", "HOSTING-START", c.createContact(""))
	base := "Hosting/" + p.Handle

	c.do("POST", base+"/User", ftpUserBody("one")).want(http.StatusCreated)
	c.do("POST", base+"/User", ftpUserBody("two")).want(http.StatusCreated)
	c.do("POST", base+"/Db", dbBody("only")).want(http.StatusCreated)
	c.do("POST", base+"/Alias", map[string]string{"Domain": "small.net"}).want(http.StatusCreated)

	for _, tt := range []struct {
		path  string
		body  map[string]any
		needs []string
	}{
		{"/User", ftpUserBody("three"), []string{"2 FTP users", "Pro", "10 FTP users"}},
		{"/Db", dbBody("more"), []string{"1 databases", "Pro", "10 databases"}},
		{"/Alias", map[string]any{"Domain": "small.org"}, []string{"1 aliases", "Pro", "10 aliases"}},
	} {
		res := c.do("POST", base+tt.path, tt.body)
		res.wantError(http.StatusConflict, 513, "")
		for _, want := range append(tt.needs, p.Handle, "small.com", "Start") {
			if !strings.Contains(string(res.Body), want) {
				t.Errorf("quota error of %s does not name %q: %s", tt.path, want, res.Body)
			}
		}
	}
	// Room made, room used.
	c.do("DELETE", base+"/User/1", nil).want(http.StatusNoContent)
	c.do("POST", base+"/User", ftpUserBody("three")).want(http.StatusCreated)
	got := c.getPack(p.Handle)
	if got.FtpUserCount != 2 || got.DatabaseCount != 1 || got.AliasCount != 1 || got.DiskUsedMb != 11 {
		t.Fatalf("counts %+v", got)
	}
}

func TestHostingDeleteCascades(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	p := c.createPack("", "doomed.com", "HOSTING-PRO", ct)
	base := "Hosting/" + p.Handle
	c.do("POST", base+"/Alias", map[string]string{"Domain": "doomed.net"}).want(http.StatusCreated)
	c.do("POST", base+"/User", ftpUserBody("web")).want(http.StatusCreated)
	c.do("POST", base+"/Db", dbBody("app")).want(http.StatusCreated)

	c.do("DELETE", base, nil).want(http.StatusNoContent)
	for _, path := range []string{base, base + "/Alias", base + "/User/1", base + "/Db/app"} {
		c.do("GET", path, nil).wantError(http.StatusNotFound, 510, "")
	}
	// The domain and the alias are free again.
	q := c.createPack("", "doomed.com", "HOSTING-PRO", ct)
	c.do("POST", "Hosting/"+q.Handle+"/Alias", map[string]string{"Domain": "doomed.net"}).want(http.StatusCreated)
	var users []ftpUserAnswer
	c.do("GET", "Hosting/"+q.Handle+"/User", nil).want(http.StatusOK).decode(&users)
	if len(users) != 0 {
		t.Fatalf("a new pack inherits FTP users: %+v", users)
	}
	// The contact is free once no pack uses it.
	c.do("DELETE", "Hosting/"+q.Handle, nil).want(http.StatusNoContent)
	c.do("DELETE", "Contact/"+ct, nil).want(http.StatusNoContent)
}

func TestContactUsedByAPackIsKept(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	admin, billing := c.createContact(""), c.createContact("")
	body := hostingBody("kept.com", "HOSTING-START", admin)
	body["BillingContact"] = map[string]string{"Handle": billing}
	var p hostingAnswer
	c.do("POST", "Hosting", body).want(http.StatusAccepted).decode(&p)
	for _, ct := range []string{admin, billing} {
		res := c.do("DELETE", "Contact/"+ct, nil)
		res.wantError(http.StatusConflict, 570, "")
		if !strings.Contains(string(res.Body), p.Handle) {
			t.Errorf("the refusal does not name the pack: %s", res.Body)
		}
	}
	e.advance("61s")
	c.do("PUT", "Hosting/"+p.Handle, map[string]any{"BillingContact": map[string]string{"Handle": admin}}).want(http.StatusOK)
	c.do("DELETE", "Contact/"+billing, nil).want(http.StatusNoContent)
}

func TestHostingCounters(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	p := c.createPack("", "counted.com", "HOSTING-PRO", c.createContact(""))
	base := "Hosting/" + p.Handle
	c.do("GET", base, nil).want(http.StatusOK)
	c.do("GET", "Hosting/HO-999999", nil).wantError(http.StatusNotFound, 510, "")
	c.do("POST", base+"/User", ftpUserBody("web")).want(http.StatusCreated)
	c.do("POST", base+"/User/1/Password", map[string]string{"Pwd": "n3w-secret"}).want(http.StatusNoContent)
	c.do("POST", base+"/Db", dbBody("app")).want(http.StatusCreated)
	c.do("PUT", base+"/Db/app", map[string]int{"MaxSize": 10}).want(http.StatusOK)
	c.do("POST", base+"/Alias", map[string]string{"Domain": "counted.net"}).want(http.StatusCreated)
	c.do("DELETE", base+"/Alias/counted.net", nil).want(http.StatusNoContent)
	c.do("GET", "Hosting/Offer", nil).want(http.StatusOK)

	var got map[string]int
	e.admin("GET", "/_sandbox/counters", nil).want(http.StatusOK).decode(&got)
	for key, n := range map[string]int{
		"POST /namebay/api/Hosting":                              1,
		"GET /namebay/api/Hosting/{hosting}":                     2,
		"GET /namebay/api/Hosting/Offer":                         1,
		"POST /namebay/api/Hosting/{hosting}/User":               1,
		"POST /namebay/api/Hosting/{hosting}/User/{id}/Password": 1,
		"POST /namebay/api/Hosting/{hosting}/Db":                 1,
		"PUT /namebay/api/Hosting/{hosting}/Db/{name}":           1,
		"POST /namebay/api/Hosting/{hosting}/Alias":              1,
		"DELETE /namebay/api/Hosting/{hosting}/Alias/{domain}":   1,
	} {
		if got[key] != n {
			t.Errorf("counter %q = %d, want %d (all: %v)", key, got[key], n, got)
		}
	}
}
