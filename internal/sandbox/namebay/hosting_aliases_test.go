package namebay_test

import (
	"maps"
	"net/http"
	"testing"
)

func TestAliases(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	ct := c.createContact("")
	p := c.createPack("", "main-site.com", "HOSTING-PRO", ct)
	neighbour := c.createPack("", "neighbour.com", "HOSTING-PRO", ct)
	aliases := "Hosting/" + p.Handle + "/Alias"
	c.do("POST", "Hosting/"+neighbour.Handle+"/Alias", map[string]string{"Domain": "neighbour.net"}).want(http.StatusCreated)

	tests := []struct {
		name         string
		change       map[string]any
		status, code int
		field        string
	}{
		{"domain missing", map[string]any{"Domain": ""}, 422, 530, "Domain"},
		{"domain of one label", map[string]any{"Domain": "intranet"}, 422, 530, "Domain"},
		{"domain malformed", map[string]any{"Domain": "bad_name.com"}, 422, 530, "Domain"},
		{"path relative", map[string]any{"Path": "shop"}, 422, 530, "Path"},
		{"path escapes", map[string]any{"Path": "/../other"}, 422, 530, "Path"},
		{"the pack's own domain", map[string]any{"Domain": "Main-Site.com"}, 409, 525, ""},
		{"another pack's domain", map[string]any{"Domain": "neighbour.com"}, 409, 525, ""},
		{"another pack's alias", map[string]any{"Domain": "neighbour.net"}, 409, 525, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := map[string]any{"Domain": "main-site.net", "Path": "/"}
			maps.Copy(body, tt.change)
			c.do("POST", aliases, body).wantError(tt.status, tt.code, tt.field)
		})
	}

	var a struct{ Domain, Path string }
	c.do("POST", aliases, map[string]string{"Domain": "Main-Site.ORG."}).want(http.StatusCreated).decode(&a)
	if a.Domain != "main-site.org" || a.Path != "/" {
		t.Fatalf("new alias %+v", a)
	}
	c.do("POST", aliases, map[string]string{"Domain": "main-site.fr", "Path": "/fr"}).want(http.StatusCreated)
	c.do("POST", aliases, map[string]string{"Domain": "main-site.org"}).wantError(http.StatusConflict, 525, "")
	var list []struct{ Domain, Path string }
	c.do("GET", aliases, nil).want(http.StatusOK).decode(&list)
	if len(list) != 2 || list[0].Domain != "main-site.fr" || list[0].Path != "/fr" || list[1].Domain != "main-site.org" {
		t.Fatalf("aliases %+v (listed by Domain)", list)
	}
	if got := c.getPack(p.Handle); got.AliasCount != 2 {
		t.Fatalf("AliasCount %d", got.AliasCount)
	}
	// An alias domain cannot be ordered as a pack of its own.
	c.do("POST", "Hosting", hostingBody("main-site.fr", "HOSTING-START", ct)).wantError(http.StatusConflict, 525, "")

	c.do("DELETE", aliases+"/MAIN-SITE.fr", nil).want(http.StatusNoContent)
	c.do("DELETE", aliases+"/main-site.fr", nil).wantError(http.StatusNotFound, 510, "")
	c.do("DELETE", "Hosting/"+p.Handle+"/Alias/neighbour.net", nil).wantError(http.StatusNotFound, 510, "")
	c.do("GET", aliases, nil).want(http.StatusOK).decode(&list)
	if len(list) != 1 || list[0].Domain != "main-site.org" {
		t.Fatalf("aliases after a deletion %+v", list)
	}
}
