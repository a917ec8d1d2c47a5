package namebay_test

import (
	"maps"
	"net/http"
	"strings"
	"testing"
)

func TestFtpUserValidation(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	p := c.createPack("", "ftp-checks.com", "HOSTING-PRO", c.createContact(""))
	users := "Hosting/" + p.Handle + "/User"
	c.do("POST", users, ftpUserBody("taken")).want(http.StatusCreated)

	tests := []struct {
		name         string
		change       map[string]any
		status, code int
		field        string
	}{
		{"name too short", map[string]any{"UserName": "ab"}, 422, 530, "UserName"},
		{"name too long", map[string]any{"UserName": "a" + strings.Repeat("b", 32)}, 422, 530, "UserName"},
		{"name upper case", map[string]any{"UserName": "Webmaster"}, 422, 530, "UserName"},
		{"name starts with a digit", map[string]any{"UserName": "1web"}, 422, 530, "UserName"},
		{"name starts with a hyphen", map[string]any{"UserName": "-web"}, 422, 530, "UserName"},
		{"name with a dot", map[string]any{"UserName": "web.master"}, 422, 530, "UserName"},
		{"name missing", map[string]any{"UserName": ""}, 422, 530, "UserName"},
		{"password missing", map[string]any{"Pwd": ""}, 422, 530, "Pwd"},
		{"password too short", map[string]any{"Pwd": "a1-b2"}, 422, 530, "Pwd"},
		{"password too long", map[string]any{"Pwd": "a1-" + strings.Repeat("x", 18)}, 422, 530, "Pwd"},
		{"password without digit", map[string]any{"Pwd": "abc-def"}, 422, 530, "Pwd"},
		{"password without letter", map[string]any{"Pwd": "123-456"}, 422, 530, "Pwd"},
		{"password without other", map[string]any{"Pwd": "abc123"}, 422, 530, "Pwd"},
		{"password with a control character", map[string]any{"Pwd": "abc\t123"}, 422, 530, "Pwd"},
		{"dir relative", map[string]any{"Dir": "www"}, 422, 530, "Dir"},
		{"dir escapes", map[string]any{"Dir": "/www/../.."}, 422, 530, "Dir"},
		{"dir with //", map[string]any{"Dir": "/www//logs"}, 422, 530, "Dir"},
		{"dir too long", map[string]any{"Dir": "/" + strings.Repeat("d", 255)}, 422, 530, "Dir"},
		{"description too long", map[string]any{"Description": strings.Repeat("d", 256)}, 422, 530, "Description"},
		{"full name too long", map[string]any{"FullName": strings.Repeat("n", 256)}, 422, 530, "FullName"},
		{"another pack's handle", map[string]any{"HostingHandle": "HO-999999"}, 422, 530, "HostingHandle"},
		{"name taken in the pack", map[string]any{"UserName": "taken"}, 409, 525, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := ftpUserBody("newuser")
			maps.Copy(body, tt.change)
			c.do("POST", users, body).wantError(tt.status, tt.code, tt.field)
		})
	}
	// The limits themselves are fine.
	for _, body := range []map[string]any{
		{"UserName": "abc", "Pwd": "a1-b2c", "Dir": "/" + strings.Repeat("d", 254), "HostingHandle": p.Handle},
		{"UserName": "a" + strings.Repeat("b", 31), "Pwd": "a1-" + strings.Repeat("x", 17), "Description": strings.Repeat("d", 255)},
		{"UserName": "web_master-2", "Pwd": "motdepasse 2é"},
	} {
		c.do("POST", users, body).want(http.StatusCreated)
	}
}

func TestFtpUserLifecycle(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	p := c.createPack("", "ftp-life.com", "HOSTING-PRO", c.createContact(""))
	users := "Hosting/" + p.Handle + "/User"

	res := c.do("POST", users, map[string]any{"UserName": "deploy", "Pwd": "Hidden-pw1", "HostingHandle": p.Handle}).want(http.StatusCreated)
	if strings.Contains(string(res.Body), "Hidden-pw1") || strings.Contains(string(res.Body), "Pwd") {
		t.Fatalf("the answer shows the password: %s", res.Body)
	}
	var u ftpUserAnswer
	res.decode(&u)
	want := ftpUserAnswer{Id: 1, HostingHandle: p.Handle, Host: "ftp.ftp-life.com", UserName: "deploy", Dir: "/"}
	if u != want {
		t.Fatalf("new FTP user %+v, want %+v", u, want)
	}
	c.do("POST", users, ftpUserBody("web")).want(http.StatusCreated)

	var list []ftpUserAnswer
	c.do("GET", users, nil).want(http.StatusOK).decode(&list)
	if len(list) != 2 || list[0].UserName != "deploy" || list[1].UserName != "web" || list[1].Dir != "/www" {
		t.Fatalf("FTP users %+v", list)
	}
	one := users + "/1"
	var got ftpUserAnswer
	c.do("PUT", one, map[string]any{"Description": "CI deploys", "Dir": "/www/app"}).want(http.StatusOK).decode(&got)
	if got.Description != "CI deploys" || got.Dir != "/www/app" || got.FullName != "" || got.UserName != "deploy" {
		t.Fatalf("after the update: %+v", got)
	}
	c.do("PUT", one, map[string]any{"Dir": "../etc", "FullName": "Not applied"}).wantError(http.StatusUnprocessableEntity, 530, "Dir")
	c.do("GET", one, nil).want(http.StatusOK).decode(&got)
	if got.FullName != "" || got.Dir != "/www/app" {
		t.Fatalf("a refused update changed the user: %+v", got)
	}

	c.do("POST", one+"/Password", map[string]string{"Pwd": "weak"}).wantError(http.StatusUnprocessableEntity, 530, "Pwd")
	res = c.do("POST", one+"/Password", map[string]string{"Pwd": "Str0ng-er"}).want(http.StatusNoContent)
	if len(res.Body) != 0 {
		t.Fatalf("the password change answers %s", res.Body)
	}
	c.do("POST", users+"/99/Password", map[string]string{"Pwd": "Str0ng-er"}).wantError(http.StatusNotFound, 510, "")

	for _, path := range []string{users + "/99", users + "/web", users + "/-1"} {
		c.do("GET", path, nil).wantError(http.StatusNotFound, 510, "")
	}
	c.do("DELETE", one, nil).want(http.StatusNoContent)
	c.do("GET", one, nil).wantError(http.StatusNotFound, 510, "")
	// The name is free again, under a new id.
	c.do("POST", users, ftpUserBody("deploy")).want(http.StatusCreated).decode(&got)
	if got.Id != 3 {
		t.Fatalf("the new user has id %d, want 3", got.Id)
	}
	// FTP user ids belong to their pack.
	other := c.createPack("", "ftp-other.com", "HOSTING-PRO", c.createContact(""))
	c.do("GET", "Hosting/"+other.Handle+"/User/2", nil).wantError(http.StatusNotFound, 510, "")
}
