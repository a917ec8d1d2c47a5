package namebay_test

import (
	"net/http"
	"testing"
)

type zoneAnswer struct {
	Handle, Name, SoaPrimaryNs string
	SoaSerial                  int64
	Ttl                        int
}

func TestZoneCreationRules(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	body := domainBody("elsewhere.com", ct)
	body["UseNamebayDns"] = false
	body["NameServer"] = []map[string]string{{"Name": "ns1.example.net"}, {"Name": "ns2.example.net"}}
	var d domainAnswer
	c.do("POST", "Domain", body).want(http.StatusAccepted).decode(&d)
	if d.ZoneHandle != nil {
		t.Fatalf("a domain on other name servers got a zone: %+v", d)
	}

	c.do("POST", "Zone", map[string]string{"Name": "unknown.com"}).wantError(http.StatusNotFound, 510, "Name")
	c.do("POST", "Zone", map[string]string{"Name": "elsewhere.com"}).wantError(http.StatusConflict, 714, "")

	c.do("PUT", "Domain/"+d.Handle+"/NameServer", []map[string]string{{"Name": "ns1.namebay.com"}, {"Name": "ns2.namebay.com"}}).want(http.StatusOK)
	var z zoneAnswer
	c.do("POST", "Zone", map[string]string{"Name": "Elsewhere.com."}).want(http.StatusCreated).decode(&z)
	if z.Name != "elsewhere.com" || z.SoaPrimaryNs != "ns1.namebay.com" || z.Ttl != 3600 || z.SoaSerial%100 != 1 {
		t.Fatalf("new zone %+v", z)
	}
	c.do("POST", "Zone", map[string]string{"Name": "elsewhere.com"}).wantError(http.StatusConflict, 707, "")

	var got domainAnswer
	c.do("GET", "Domain/"+d.Handle, nil).want(http.StatusOK).decode(&got)
	if got.ZoneHandle == nil || *got.ZoneHandle != z.Handle {
		t.Fatalf("the domain does not point to its zone: %+v", got)
	}
	var zones []zoneAnswer
	c.do("GET", "Zone?name=elsewhere.com", nil).want(http.StatusOK).decode(&zones)
	if len(zones) != 1 || zones[0].Handle != z.Handle {
		t.Fatalf("zones by name: %+v", zones)
	}
	c.do("GET", "Zone?name=other.com", nil).want(http.StatusOK).decode(&zones)
	if len(zones) != 0 {
		t.Fatalf("zones of another name: %+v", zones)
	}
}

func TestZoneTtl(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	zone := *c.createDomain("", "ttl.com", c.createContact("")).ZoneHandle
	var before, after zoneAnswer
	c.do("GET", "Zone/"+zone, nil).want(http.StatusOK).decode(&before)

	for _, ttl := range []int{299, 86401} {
		c.do("PUT", "Zone/"+zone, map[string]any{"Name": "ttl.com", "Ttl": ttl}).wantError(http.StatusUnprocessableEntity, 530, "Ttl")
	}
	c.do("PUT", "Zone/"+zone, map[string]any{"Name": "ttl.com"}).wantError(http.StatusUnprocessableEntity, 530, "Ttl")
	c.do("PUT", "Zone/"+zone, map[string]any{"Name": "other.com", "Ttl": 600}).wantError(http.StatusUnprocessableEntity, 550, "Name")
	c.do("PUT", "Zone/"+zone, map[string]any{"Name": "ttl.com", "Ttl": 600}).want(http.StatusOK).decode(&after)
	if after.Ttl != 600 || after.SoaSerial <= before.SoaSerial {
		t.Fatalf("after a TTL change: %+v (before %+v)", after, before)
	}
}

func TestDnssec(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	zone := *c.createDomain("", "signed.com", ct).ZoneHandle
	type dnssec struct {
		Enabled bool
		Status  string
	}
	status := func() dnssec {
		var d dnssec
		c.do("GET", "Zone/"+zone+"/Dnssec", nil).want(http.StatusOK).decode(&d)
		return d
	}
	if got := status(); got != (dnssec{false, "disabled"}) {
		t.Fatalf("new zone: %+v", got)
	}
	c.do("PUT", "Zone/"+zone+"/Dnssec", map[string]any{}).wantError(http.StatusUnprocessableEntity, 530, "Enabled")
	c.do("PUT", "Zone/"+zone+"/Dnssec", map[string]any{"Enabled": true}).want(http.StatusAccepted)
	if got := status(); got != (dnssec{true, "enableInProgress"}) {
		t.Fatalf("just enabled: %+v", got)
	}
	c.do("PUT", "Zone/"+zone+"/Dnssec", map[string]any{"Enabled": true}).want(http.StatusAccepted)
	c.do("PUT", "Zone/"+zone+"/Dnssec", map[string]any{"Enabled": false}).wantError(http.StatusConflict, 570, "")
	e.advance("61s")
	if got := status(); got != (dnssec{true, "enabled"}) {
		t.Fatalf("after the delay: %+v", got)
	}
	c.do("PUT", "Zone/"+zone+"/Dnssec", map[string]any{"Enabled": false}).want(http.StatusAccepted)
	if got := status(); got != (dnssec{false, "disableInProgress"}) {
		t.Fatalf("just disabled: %+v", got)
	}

	mc := *c.createDomain("", "unsigned.mc", ct).ZoneHandle
	c.do("PUT", "Zone/"+mc+"/Dnssec", map[string]any{"Enabled": true}).wantError(http.StatusUnprocessableEntity, 572, "Enabled")
}
