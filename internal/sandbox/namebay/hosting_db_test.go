package namebay_test

import (
	"maps"
	"net/http"
	"strings"
	"testing"
)

func TestDatabaseValidation(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	p := c.createPack("", "db-checks.com", "HOSTING-PRO", c.createContact(""))
	dbs := "Hosting/" + p.Handle + "/Db"
	c.do("POST", dbs, dbBody("taken")).want(http.StatusCreated)

	tests := []struct {
		name         string
		change       map[string]any
		status, code int
		field        string
	}{
		{"name too short", map[string]any{"Name": "ab"}, 422, 530, "Name"},
		{"name too long", map[string]any{"Name": "a" + strings.Repeat("b", 16)}, 422, 530, "Name"},
		{"name with a hyphen", map[string]any{"Name": "my-db"}, 422, 530, "Name"},
		{"name upper case", map[string]any{"Name": "MyDb"}, 422, 530, "Name"},
		{"name starts with an underscore", map[string]any{"Name": "_db1"}, 422, 530, "Name"},
		{"user missing", map[string]any{"User": ""}, 422, 530, "User"},
		{"user starts with a digit", map[string]any{"User": "1user"}, 422, 530, "User"},
		{"password missing", map[string]any{"Pwd": ""}, 422, 530, "Pwd"},
		{"password without other", map[string]any{"Pwd": "abcdef12"}, 422, 530, "Pwd"},
		{"type in upper case", map[string]any{"Type": "MYSQL5"}, 422, 530, "Type"},
		{"type unknown", map[string]any{"Type": "postgres"}, 422, 530, "Type"},
		{"windows type", map[string]any{"Type": "sqlserver2k5"}, 422, 572, "Type"},
		{"max size zero", map[string]any{"MaxSize": 0}, 422, 550, "MaxSize"},
		{"max size negative", map[string]any{"MaxSize": -5}, 422, 550, "MaxSize"},
		{"max size above the offer", map[string]any{"MaxSize": 1025}, 422, 550, "MaxSize"},
		{"another pack's handle", map[string]any{"HostingHandle": "HO-000002"}, 422, 530, "HostingHandle"},
		{"name taken in the pack", map[string]any{"Name": "taken"}, 409, 525, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := dbBody("newdb")
			maps.Copy(body, tt.change)
			c.do("POST", dbs, body).wantError(tt.status, tt.code, tt.field)
		})
	}
	var db dbAnswer
	c.do("POST", dbs, map[string]any{"Name": "a" + strings.Repeat("b", 15), "User": "abc", "Pwd": "a1-b2c", "Type": "mysql5", "MaxSize": 1024, "HostingHandle": p.Handle}).
		want(http.StatusCreated).decode(&db)
	if db.MaxSize != 1024 {
		t.Fatalf("database at the limits %+v", db)
	}
}

func TestDatabaseLifecycle(t *testing.T) {
	t.Parallel()
	e := start(t)
	c := e.reseller()
	p := c.createPack("", "db-life.com", "HOSTING-START", c.createContact(""))
	dbs := "Hosting/" + p.Handle + "/Db"

	res := c.do("POST", dbs, map[string]any{"Name": "shop", "User": "shop_rw", "Pwd": "Hidden-pw1"}).want(http.StatusCreated)
	if strings.Contains(string(res.Body), "Hidden-pw1") || strings.Contains(string(res.Body), "Pwd") {
		t.Fatalf("the answer shows the password: %s", res.Body)
	}
	var db dbAnswer
	res.decode(&db)
	if db.Name != "shop" || db.User != "shop_rw" || db.HostingHandle != p.Handle || db.Type != "mysql5" || db.Size != 1 ||
		db.MaxSize != 100 || db.Server != "mysql.db-life.com" || db.Etat != "active" || db.DateCre == "" {
		t.Fatalf("new database %+v (Type defaults to mysql5, MaxSize to the Start offer's 100)", db)
	}
	if got := c.getPack(p.Handle); got.DiskUsedMb != 11 || got.DatabaseCount != 1 {
		t.Fatalf("pack with one database %+v", got)
	}
	var list []dbAnswer
	c.do("GET", dbs, nil).want(http.StatusOK).decode(&list)
	if len(list) != 1 || list[0] != db {
		t.Fatalf("databases %+v", list)
	}

	one := dbs + "/shop"
	var got dbAnswer
	c.do("PUT", one, map[string]int{"MaxSize": 40}).want(http.StatusOK).decode(&got)
	if got.MaxSize != 40 {
		t.Fatalf("after the update %+v", got)
	}
	c.do("PUT", one, map[string]int{"MaxSize": 101}).wantError(http.StatusUnprocessableEntity, 550, "MaxSize")
	c.do("PUT", one, map[string]int{"MaxSize": 0}).wantError(http.StatusUnprocessableEntity, 550, "MaxSize")
	c.do("PUT", one, map[string]any{}).want(http.StatusOK).decode(&got)
	if got.MaxSize != 40 {
		t.Fatalf("an empty update changed MaxSize to %d", got.MaxSize)
	}

	c.do("POST", one+"/Password", map[string]string{"Pwd": "nodigits!"}).wantError(http.StatusUnprocessableEntity, 530, "Pwd")
	c.do("POST", one+"/Password", map[string]string{"Pwd": "N3w-secret"}).want(http.StatusNoContent)
	c.do("POST", dbs+"/none/Password", map[string]string{"Pwd": "N3w-secret"}).wantError(http.StatusNotFound, 510, "")

	c.do("DELETE", one, nil).want(http.StatusNoContent)
	c.do("GET", one, nil).wantError(http.StatusNotFound, 510, "")
	c.do("DELETE", one, nil).wantError(http.StatusNotFound, 510, "")
	if got := c.getPack(p.Handle); got.DiskUsedMb != 10 || got.DatabaseCount != 0 {
		t.Fatalf("pack without databases %+v", got)
	}
}
