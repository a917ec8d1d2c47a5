package namebay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// Answers written from the wire contract, each with a field the client does
// not know, to check that unknown fields are ignored.
const (
	offersSample = `[{"ProductId":"HOSTING-START","Name":"Start","Rank":1,"DiskQuotaMb":1024,"MaxFtpUsers":2,
		"MaxDatabases":1,"MaxAliases":1,"DatabaseMaxSizeMb":100,"DatabaseTypes":["mysql5"],
		"Php":["7.4","8.1","8.2","8.3"],"MinPeriod":1,"MaxPeriod":3,"Price":29.00,"Currency":"EUR","Windows":false},
		{"ProductId":"HOSTING-PRO","Name":"Pro","Rank":2,"DiskQuotaMb":10240,"MaxFtpUsers":10,
		"MaxDatabases":10,"MaxAliases":10,"DatabaseMaxSizeMb":1024,"DatabaseTypes":["mysql5"],
		"Php":["8.1","8.2","8.3","8.4"],"MinPeriod":1,"MaxPeriod":3,"Price":79.00,"Currency":"EUR"}]`
	hostingSample = `{"Handle":"HO-000001","Domain":"example.com","ProductId":"HOSTING-PRO","OfferName":"Pro",
		"Status":"active","Created":"2025-01-02T03:04:05Z","Expires":"2026-01-02T03:04:05Z","AutoRenew":true,
		"HasStats":false,"FrameWork":{"Type":"PHP","Version":"8.4"},"DiskQuotaMb":10240,"DiskUsedMb":11,
		"FtpHost":"ftp.example.com","FtpUserCount":1,"DatabaseCount":1,"AliasCount":1,
		"AdminContact":{"Handle":"CT-000001"},"BillingContact":{"Handle":"CT-000002"},"Account":"CL-000001",
		"Server":"web-3"}`
	pendingHostingSample = `{"Handle":"HO-000002","Domain":"example.net","ProductId":"HOSTING-START","OfferName":"Start",
		"Status":"pending","Created":"2025-03-01T00:00:00Z","Expires":"2026-03-01T00:00:00Z","AutoRenew":false,
		"HasStats":false,"FrameWork":{"Type":"PHP","Version":"8.3"},"DiskQuotaMb":1024,"DiskUsedMb":10,
		"FtpHost":"ftp.example.net","FtpUserCount":0,"DatabaseCount":0,"AliasCount":0,
		"AdminContact":{"Handle":"CT-000001"},"BillingContact":{"Handle":"CT-000001"},"Account":"CL-000001"}`
	aliasSample    = `{"Domain":"example.org","Path":"/shop","Created":"2025-01-03T00:00:00Z"}`
	ftpUserSample  = `{"Id":3,"HostingHandle":"HO-000001","Host":"ftp.example.com","UserName":"webmaster","FullName":"Web Master","Description":"site uploads","Dir":"/www","Quota":0}`
	databaseSample = `{"Name":"shop","HostingHandle":"HO-000001","User":"shop_app","Type":"mysql5","Size":1,"MaxSize":1024,"Server":"mysql.example.com","DateCre":"2025-01-02T03:04:05Z","Etat":"active","Charset":"utf8mb4"}`
)

var (
	offersWant = []HostingOffer{
		{ProductId: "HOSTING-START", Name: "Start", Rank: 1, DiskQuotaMb: 1024, MaxFtpUsers: 2, MaxDatabases: 1,
			MaxAliases: 1, DatabaseMaxSizeMb: 100, DatabaseTypes: []string{"mysql5"}, Php: []string{"7.4", "8.1", "8.2", "8.3"},
			MinPeriod: 1, MaxPeriod: 3, Price: 29, Currency: "EUR"},
		{ProductId: "HOSTING-PRO", Name: "Pro", Rank: 2, DiskQuotaMb: 10240, MaxFtpUsers: 10, MaxDatabases: 10,
			MaxAliases: 10, DatabaseMaxSizeMb: 1024, DatabaseTypes: []string{"mysql5"}, Php: []string{"8.1", "8.2", "8.3", "8.4"},
			MinPeriod: 1, MaxPeriod: 3, Price: 79, Currency: "EUR"},
	}
	hostingWant = &Hosting{Handle: "HO-000001", Domain: "example.com", ProductId: "HOSTING-PRO", OfferName: "Pro",
		Status: HostingActive, Created: "2025-01-02T03:04:05Z", Expires: "2026-01-02T03:04:05Z", AutoRenew: true,
		FrameWork: FrameWork{Type: FrameWorkPHP, Version: "8.4"}, DiskQuotaMb: 10240, DiskUsedMb: 11,
		FtpHost: "ftp.example.com", FtpUserCount: 1, DatabaseCount: 1, AliasCount: 1,
		AdminContact: HandleRef{Handle: "CT-000001"}, BillingContact: HandleRef{Handle: "CT-000002"}, Account: "CL-000001"}
	pendingHostingWant = &Hosting{Handle: "HO-000002", Domain: "example.net", ProductId: "HOSTING-START", OfferName: "Start",
		Status: HostingPending, Created: "2025-03-01T00:00:00Z", Expires: "2026-03-01T00:00:00Z",
		FrameWork: FrameWork{Type: FrameWorkPHP, Version: "8.3"}, DiskQuotaMb: 1024, DiskUsedMb: 10,
		FtpHost: "ftp.example.net", AdminContact: HandleRef{Handle: "CT-000001"},
		BillingContact: HandleRef{Handle: "CT-000001"}, Account: "CL-000001"}
	aliasWant   = &HostingAlias{Domain: "example.org", Path: "/shop"}
	ftpUserWant = &FtpUser{Id: 3, HostingHandle: "HO-000001", Host: "ftp.example.com", UserName: "webmaster",
		FullName: "Web Master", Description: "site uploads", Dir: "/www"}
	databaseWant = &Database{Name: "shop", HostingHandle: "HO-000001", User: "shop_app", Type: "mysql5", Size: 1,
		MaxSize: 1024, Server: "mysql.example.com", DateCre: "2025-01-02T03:04:05Z", Etat: "active"}
)

// hostingCall is one call of a hosting method and what it must send.
type hostingCall struct {
	name    string
	pattern string // route of the fake
	status  int
	answer  string
	call    func(ctx context.Context, c *Client, user string) (any, error)
	method  string
	path    string     // relative to the prefix, unescaped
	query   url.Values // besides user
	body    string     // JSON; "" for no body
	want    any        // the decoded answer; nil for none
}

var hostingCalls = []hostingCall{
	{
		name: "ListHostingOffers", pattern: "GET /api/Hosting/Offer", status: 200, answer: offersSample,
		call:   func(ctx context.Context, c *Client, u string) (any, error) { return c.ListHostingOffers(ctx, u) },
		method: "GET", path: "/api/Hosting/Offer", want: offersWant,
	},
	{
		name: "CreateHosting", pattern: "POST /api/Hosting", status: 202, answer: pendingHostingSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.CreateHosting(ctx, u, NewHosting{ProductId: "HOSTING-START", Domain: "example.net", Period: 2,
				AdminContact: HandleRef{Handle: "CT-000001"}, BillingContact: HandleRef{Handle: "CT-000001"}})
		},
		method: "POST", path: "/api/Hosting",
		body: `{"ProductId":"HOSTING-START","Domain":"example.net","Period":2,"AutoRenew":false,
			"AdminContact":{"Handle":"CT-000001"},"BillingContact":{"Handle":"CT-000001"}}`,
		want: pendingHostingWant,
	},
	{
		name: "GetHosting", pattern: "GET /api/Hosting/{h}", status: 200, answer: hostingSample,
		call:   func(ctx context.Context, c *Client, u string) (any, error) { return c.GetHosting(ctx, u, "HO-000001") },
		method: "GET", path: "/api/Hosting/HO-000001", want: hostingWant,
	},
	{
		name: "FindHosting", pattern: "GET /api/Hosting", status: 200, answer: `[` + hostingSample + `]`,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.FindHosting(ctx, u, "example.com")
		},
		method: "GET", path: "/api/Hosting", query: url.Values{"domain": {"example.com"}}, want: hostingWant,
	},
	{
		name: "ListHostings", pattern: "GET /api/Hosting", status: 200, answer: `[` + hostingSample + `,` + pendingHostingSample + `]`,
		call:   func(ctx context.Context, c *Client, u string) (any, error) { return c.ListHostings(ctx, u) },
		method: "GET", path: "/api/Hosting", query: url.Values{"page": {"1"}, "pageSize": {"500"}},
		want: []Hosting{*hostingWant, *pendingHostingWant},
	},
	{
		name: "UpdateHosting sends only what is set", pattern: "PUT /api/Hosting/{h}", status: 200, answer: hostingSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.UpdateHosting(ctx, u, "HO-000001", EditHosting{
				BillingContact: &HandleRef{Handle: "CT-000002"},
				FrameWork:      &FrameWork{Type: FrameWorkPHP, Version: "8.4"},
				HasStats:       ptr(false),
			})
		},
		method: "PUT", path: "/api/Hosting/HO-000001",
		body: `{"BillingContact":{"Handle":"CT-000002"},"FrameWork":{"Type":"PHP","Version":"8.4"},"HasStats":false}`,
		want: hostingWant,
	},
	{
		name: "UpgradeHosting", pattern: "POST /api/Hosting/{h}/Upgrade", status: 200, answer: hostingSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.UpgradeHosting(ctx, u, "HO-000001", "HOSTING-PRO")
		},
		method: "POST", path: "/api/Hosting/HO-000001/Upgrade", body: `{"ProductId":"HOSTING-PRO"}`, want: hostingWant,
	},
	{
		name: "RenewHosting", pattern: "POST /api/Hosting/{h}/Renew", status: 200, answer: hostingSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.RenewHosting(ctx, u, "HO-000001", 3)
		},
		method: "POST", path: "/api/Hosting/HO-000001/Renew", body: `{"Period":3}`, want: hostingWant,
	},
	{
		name: "DeleteHosting", pattern: "DELETE /api/Hosting/{h}", status: 204,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return nil, c.DeleteHosting(ctx, u, "HO-000001")
		},
		method: "DELETE", path: "/api/Hosting/HO-000001",
	},
	{
		name: "ListHostingAliases", pattern: "GET /api/Hosting/{h}/Alias", status: 200, answer: `[` + aliasSample + `]`,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.ListHostingAliases(ctx, u, "HO-000001")
		},
		method: "GET", path: "/api/Hosting/HO-000001/Alias", want: []HostingAlias{*aliasWant},
	},
	{
		name: "AddHostingAlias", pattern: "POST /api/Hosting/{h}/Alias", status: 201, answer: aliasSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.AddHostingAlias(ctx, u, "HO-000001", HostingAlias{Domain: "example.org", Path: "/shop"})
		},
		method: "POST", path: "/api/Hosting/HO-000001/Alias", body: `{"Domain":"example.org","Path":"/shop"}`, want: aliasWant,
	},
	{
		name: "AddHostingAlias leaves the default path to the API", pattern: "POST /api/Hosting/{h}/Alias", status: 201,
		answer: `{"Domain":"example.org","Path":"/"}`,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.AddHostingAlias(ctx, u, "HO-000001", HostingAlias{Domain: "example.org"})
		},
		method: "POST", path: "/api/Hosting/HO-000001/Alias", body: `{"Domain":"example.org"}`,
		want: &HostingAlias{Domain: "example.org", Path: "/"},
	},
	{
		name: "DeleteHostingAlias", pattern: "DELETE /api/Hosting/{h}/Alias/{d}", status: 204,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return nil, c.DeleteHostingAlias(ctx, u, "HO-000001", "example.org")
		},
		method: "DELETE", path: "/api/Hosting/HO-000001/Alias/example.org",
	},
	{
		name: "CreateFtpUser", pattern: "POST /api/Hosting/{h}/User", status: 201, answer: ftpUserSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.CreateFtpUser(ctx, u, "HO-000001", NewFtpUser{UserName: "webmaster", Pwd: "ftp-Pa55!",
				FullName: "Web Master", Description: "site uploads", Dir: "/www"})
		},
		method: "POST", path: "/api/Hosting/HO-000001/User",
		body: `{"HostingHandle":"HO-000001","UserName":"webmaster","Pwd":"ftp-Pa55!","FullName":"Web Master",
			"Description":"site uploads","Dir":"/www"}`,
		want: ftpUserWant,
	},
	{
		name: "CreateFtpUser leaves defaults to the API", pattern: "POST /api/Hosting/{h}/User", status: 201, answer: ftpUserSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.CreateFtpUser(ctx, u, "HO-000001", NewFtpUser{UserName: "webmaster", Pwd: "ftp-Pa55!"})
		},
		method: "POST", path: "/api/Hosting/HO-000001/User",
		body: `{"HostingHandle":"HO-000001","UserName":"webmaster","Pwd":"ftp-Pa55!"}`,
		want: ftpUserWant,
	},
	{
		name: "ListFtpUsers", pattern: "GET /api/Hosting/{h}/User", status: 200, answer: `[` + ftpUserSample + `]`,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.ListFtpUsers(ctx, u, "HO-000001")
		},
		method: "GET", path: "/api/Hosting/HO-000001/User", want: []FtpUser{*ftpUserWant},
	},
	{
		name: "GetFtpUser", pattern: "GET /api/Hosting/{h}/User/{id}", status: 200, answer: ftpUserSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.GetFtpUser(ctx, u, "HO-000001", 3)
		},
		method: "GET", path: "/api/Hosting/HO-000001/User/3", want: ftpUserWant,
	},
	{
		name: "UpdateFtpUser sends only what is set", pattern: "PUT /api/Hosting/{h}/User/{id}", status: 200, answer: ftpUserSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.UpdateFtpUser(ctx, u, "HO-000001", 3, FtpUserUpdate{Description: ptr(""), Dir: ptr("/www")})
		},
		method: "PUT", path: "/api/Hosting/HO-000001/User/3", body: `{"Description":"","Dir":"/www"}`, want: ftpUserWant,
	},
	{
		name: "DeleteFtpUser", pattern: "DELETE /api/Hosting/{h}/User/{id}", status: 204,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return nil, c.DeleteFtpUser(ctx, u, "HO-000001", 3)
		},
		method: "DELETE", path: "/api/Hosting/HO-000001/User/3",
	},
	{
		name: "SetFtpUserPassword", pattern: "POST /api/Hosting/{h}/User/{id}/Password", status: 204,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return nil, c.SetFtpUserPassword(ctx, u, "HO-000001", 3, "n3w-Pa55!")
		},
		method: "POST", path: "/api/Hosting/HO-000001/User/3/Password", body: `{"Pwd":"n3w-Pa55!"}`,
	},
	{
		name: "CreateDatabase", pattern: "POST /api/Hosting/{h}/Db", status: 201, answer: databaseSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.CreateDatabase(ctx, u, "HO-000001", NewDatabase{Name: "shop", User: "shop_app", Pwd: "db-Pa55!",
				Type: "mysql5", MaxSize: 1024})
		},
		method: "POST", path: "/api/Hosting/HO-000001/Db",
		body: `{"Name":"shop","HostingHandle":"HO-000001","User":"shop_app","Pwd":"db-Pa55!","Type":"mysql5","MaxSize":1024}`,
		want: databaseWant,
	},
	{
		name: "CreateDatabase leaves defaults to the API", pattern: "POST /api/Hosting/{h}/Db", status: 201, answer: databaseSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.CreateDatabase(ctx, u, "HO-000001", NewDatabase{Name: "shop", User: "shop_app", Pwd: "db-Pa55!"})
		},
		method: "POST", path: "/api/Hosting/HO-000001/Db",
		body: `{"Name":"shop","HostingHandle":"HO-000001","User":"shop_app","Pwd":"db-Pa55!"}`,
		want: databaseWant,
	},
	{
		name: "ListDatabases", pattern: "GET /api/Hosting/{h}/Db", status: 200, answer: `[` + databaseSample + `]`,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.ListDatabases(ctx, u, "HO-000001")
		},
		method: "GET", path: "/api/Hosting/HO-000001/Db", want: []Database{*databaseWant},
	},
	{
		name: "GetDatabase", pattern: "GET /api/Hosting/{h}/Db/{n}", status: 200, answer: databaseSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.GetDatabase(ctx, u, "HO-000001", "shop")
		},
		method: "GET", path: "/api/Hosting/HO-000001/Db/shop", want: databaseWant,
	},
	{
		name: "ResizeDatabase", pattern: "PUT /api/Hosting/{h}/Db/{n}", status: 200, answer: databaseSample,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return c.ResizeDatabase(ctx, u, "HO-000001", "shop", 1024)
		},
		method: "PUT", path: "/api/Hosting/HO-000001/Db/shop", body: `{"MaxSize":1024}`, want: databaseWant,
	},
	{
		name: "DeleteDatabase", pattern: "DELETE /api/Hosting/{h}/Db/{n}", status: 204,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return nil, c.DeleteDatabase(ctx, u, "HO-000001", "shop")
		},
		method: "DELETE", path: "/api/Hosting/HO-000001/Db/shop",
	},
	{
		name: "SetDatabasePassword", pattern: "POST /api/Hosting/{h}/Db/{n}/Password", status: 204,
		call: func(ctx context.Context, c *Client, u string) (any, error) {
			return nil, c.SetDatabasePassword(ctx, u, "HO-000001", "shop", "n3w-Pa55!")
		},
		method: "POST", path: "/api/Hosting/HO-000001/Db/shop/Password", body: `{"Pwd":"n3w-Pa55!"}`,
	},
}

// Every hosting method sends one request with the method, path, query and
// body of the wire contract, passes the client account as ?user= (none for
// the logged-in account), and decodes the contract's answer.
func TestHostingRoutes(t *testing.T) {
	t.Parallel()
	for _, tt := range hostingCalls {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer(tt.pattern, tt.status, tt.answer)
			c := f.client()
			for _, user := range []string{"CL-000001", ""} {
				f.mu.Lock()
				f.requests, f.bodies = nil, nil
				f.mu.Unlock()

				got, err := tt.call(t.Context(), c, user)
				if err != nil {
					t.Fatalf("user %q: %v", user, err)
				}
				if tt.want != nil && !reflect.DeepEqual(got, tt.want) {
					t.Errorf("got  %#v\nwant %#v", got, tt.want)
				}

				f.mu.Lock()
				reqs, bodies := f.requests, f.bodies
				f.mu.Unlock()
				if len(reqs) != 1 {
					t.Fatalf("user %q: %d requests, want 1", user, len(reqs))
				}
				r := reqs[0]
				if r.Method != tt.method || r.URL.Path != tt.path {
					t.Errorf("request = %s %s, want %s %s", r.Method, r.URL.Path, tt.method, tt.path)
				}
				q := r.URL.Query()
				gotUser, hasUser := q["user"]
				switch {
				case user == "" && hasUser:
					t.Errorf("user=%q sent for the logged-in account", gotUser)
				case user != "" && !reflect.DeepEqual(gotUser, []string{user}):
					t.Errorf("user = %q, want %q", gotUser, user)
				}
				q.Del("user")
				if len(q) > 0 || len(tt.query) > 0 {
					if !reflect.DeepEqual(q, tt.query) {
						t.Errorf("query = %v, want %v", q, tt.query)
					}
				}
				assertJSONBody(t, bodies[0], tt.body)
			}
		})
	}
}

// assertJSONBody compares a request body with the JSON want ("" for none).
func assertJSONBody(t *testing.T, got, want string) {
	t.Helper()
	if want == "" {
		if got != "" {
			t.Errorf("body = %s, want none", got)
		}
		return
	}
	var g, w any
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("body %q: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("body = %s\nwant   %s", got, want)
	}
}

func TestFindHosting(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		status     int
		body       string
		wantHandle string // "" for none
		wantErr    bool
	}{
		{"exact match among others", 200, `[{"Handle":"HO-1","Domain":"example.co"},{"Handle":"HO-2","Domain":"EXAMPLE.com."}]`, "HO-2", false},
		{"empty list", 200, `[]`, "", false},
		{"null list", 200, `null`, "", false},
		{"only other domains", 200, `[{"Handle":"HO-1","Domain":"example.net"}]`, "", false},
		{"object does not exist", 404, `[{"Code":510,"Detail":"Object does not exist"}]`, "", false},
		{"bare 404 (wrong endpoint)", 404, `not found`, "", true},
		{"permission denied", 403, `[{"Code":712,"Detail":"permission denied"}]`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer("GET /api/Hosting", tt.status, tt.body)
			got, err := f.client().FindHosting(t.Context(), "CL-000001", "example.com")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			switch {
			case tt.wantHandle == "" && got != nil:
				t.Errorf("found %+v, want none", got)
			case tt.wantHandle != "" && (got == nil || got.Handle != tt.wantHandle):
				t.Errorf("found %+v, want %s", got, tt.wantHandle)
			}
		})
	}
}

func TestListHostingsFetchesEveryPage(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.handle("GET /api/Hosting", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Total-Count", "501")
		w.Header().Set("X-Page-Size", "500")
		if r.URL.Query().Get("page") == "2" {
			writeJSON(w, http.StatusOK, `[{"Handle":"HO-000501"}]`)
			return
		}
		items := make([]string, 500)
		for i := range items {
			items[i] = fmt.Sprintf(`{"Handle":"HO-%06d"}`, i+1)
		}
		writeJSON(w, http.StatusOK, "["+strings.Join(items, ",")+"]")
	})
	got, err := f.client().ListHostings(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 501 || got[500].Handle != "HO-000501" {
		t.Errorf("packs = %d, last %+v; want 501 ending with HO-000501", len(got), got[len(got)-1])
	}
	if n := len(f.calls("GET", "/api/Hosting")); n != 2 {
		t.Errorf("pages fetched = %d, want 2", n)
	}
}

// When a write answers without the object (no body, or a ticket list), the
// client reads it back by its natural key.
func TestHostingWritesReadBack(t *testing.T) {
	t.Parallel()
	ticket := `[{"Code":200,"Detail":"Hosting create ticket created.","Data":{"TicketId":"TK-000001"}}]`
	tests := []struct {
		name    string
		routes  map[string]string // pattern: answer (status 2xx chosen by method)
		call    func(context.Context, *Client) (any, error)
		want    any
		readBy  string // the path read back
		wantErr bool
	}{
		{
			name:   "hosting order answered with a ticket",
			routes: map[string]string{"POST /api/Hosting": ticket, "GET /api/Hosting": `[` + pendingHostingSample + `]`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateHosting(ctx, "CL-000001", NewHosting{ProductId: "HOSTING-START", Domain: "example.net", Period: 1})
			},
			want: pendingHostingWant, readBy: "/api/Hosting",
		},
		{
			name:   "hosting order answered without body and not listed",
			routes: map[string]string{"POST /api/Hosting": ``, "GET /api/Hosting": `[]`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateHosting(ctx, "CL-000001", NewHosting{ProductId: "HOSTING-START", Domain: "example.net", Period: 1})
			},
			readBy: "/api/Hosting", wantErr: true,
		},
		{
			name:   "hosting update answered without body",
			routes: map[string]string{"PUT /api/Hosting/{h}": ``, "GET /api/Hosting/{h}": hostingSample},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateHosting(ctx, "CL-000001", "HO-000001", EditHosting{AutoRenew: ptr(true)})
			},
			want: hostingWant, readBy: "/api/Hosting/HO-000001",
		},
		{
			name:   "renewal answered with a ticket",
			routes: map[string]string{"POST /api/Hosting/{h}/Renew": ticket, "GET /api/Hosting/{h}": hostingSample},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.RenewHosting(ctx, "CL-000001", "HO-000001", 1)
			},
			want: hostingWant, readBy: "/api/Hosting/HO-000001",
		},
		{
			name:   "alias answered without body",
			routes: map[string]string{"POST /api/Hosting/{h}/Alias": ``, "GET /api/Hosting/{h}/Alias": `[{"Domain":"other.org","Path":"/"},` + aliasSample + `]`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.AddHostingAlias(ctx, "CL-000001", "HO-000001", HostingAlias{Domain: "Example.org"})
			},
			want: aliasWant, readBy: "/api/Hosting/HO-000001/Alias",
		},
		{
			name:   "FTP user answered without body",
			routes: map[string]string{"POST /api/Hosting/{h}/User": ``, "GET /api/Hosting/{h}/User": `[{"Id":2,"UserName":"backup"},` + ftpUserSample + `]`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateFtpUser(ctx, "CL-000001", "HO-000001", NewFtpUser{UserName: "webmaster", Pwd: "ftp-Pa55!"})
			},
			want: ftpUserWant, readBy: "/api/Hosting/HO-000001/User",
		},
		{
			name:   "FTP user answered without body and not listed",
			routes: map[string]string{"POST /api/Hosting/{h}/User": ``, "GET /api/Hosting/{h}/User": `[{"Id":2,"UserName":"backup"}]`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateFtpUser(ctx, "CL-000001", "HO-000001", NewFtpUser{UserName: "webmaster", Pwd: "ftp-Pa55!"})
			},
			readBy: "/api/Hosting/HO-000001/User", wantErr: true,
		},
		{
			name:   "database answered without body",
			routes: map[string]string{"POST /api/Hosting/{h}/Db": ``, "GET /api/Hosting/{h}/Db/{n}": databaseSample},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateDatabase(ctx, "CL-000001", "HO-000001", NewDatabase{Name: "shop", User: "shop_app", Pwd: "db-Pa55!"})
			},
			want: databaseWant, readBy: "/api/Hosting/HO-000001/Db/shop",
		},
		{
			name:   "resize answered without body",
			routes: map[string]string{"PUT /api/Hosting/{h}/Db/{n}": ``, "GET /api/Hosting/{h}/Db/{n}": databaseSample},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ResizeDatabase(ctx, "CL-000001", "HO-000001", "shop", 1024)
			},
			want: databaseWant, readBy: "/api/Hosting/HO-000001/Db/shop",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			for pattern, body := range tt.routes {
				status := http.StatusOK
				switch {
				case strings.HasPrefix(pattern, "POST") && body != "" && body[0] == '[':
					status = http.StatusAccepted
				case strings.HasPrefix(pattern, "POST"):
					status = http.StatusCreated
				}
				f.answer(pattern, status, body)
			}
			got, err := tt.call(t.Context(), f.client())
			if tt.wantErr {
				if err == nil {
					t.Fatalf("no error for an object that cannot be found after its creation, got %+v", got)
				}
			} else if err != nil {
				t.Fatal(err)
			} else if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
			reads := f.calls("GET", tt.readBy)
			if len(reads) != 1 || reads[0].URL.Query().Get("user") != "CL-000001" {
				t.Errorf("read back %d times, want once as CL-000001", len(reads))
			}
		})
	}
}

func TestHostingErrors(t *testing.T) {
	t.Parallel()
	const (
		notFound = `[{"Code":510,"Detail":"Object does not exist"}]`
		quota    = `[{"Code":513,"Detail":"hosting HO-000001 (offer HOSTING-START) allows at most 2 FTP users"}]`
		pending  = `[{"Code":570,"Detail":"the hosting pack is pending"}]`
	)
	tests := []struct {
		name     string
		pattern  string
		status   int
		body     string
		call     func(context.Context, *Client) error
		notFound bool
		code     int
	}{
		{"GetHosting missing", "GET /api/Hosting/{h}", 404, notFound, func(ctx context.Context, c *Client) error {
			_, err := c.GetHosting(ctx, "", "HO-000009")
			return err
		}, true, CodeNotFound},
		{"DeleteHosting missing", "DELETE /api/Hosting/{h}", 404, notFound, func(ctx context.Context, c *Client) error {
			return c.DeleteHosting(ctx, "", "HO-000009")
		}, true, CodeNotFound},
		{"DeleteHostingAlias missing", "DELETE /api/Hosting/{h}/Alias/{d}", 404, notFound, func(ctx context.Context, c *Client) error {
			return c.DeleteHostingAlias(ctx, "", "HO-000001", "gone.org")
		}, true, CodeNotFound},
		{"GetFtpUser missing", "GET /api/Hosting/{h}/User/{id}", 404, notFound, func(ctx context.Context, c *Client) error {
			_, err := c.GetFtpUser(ctx, "", "HO-000001", 9)
			return err
		}, true, CodeNotFound},
		{"DeleteFtpUser missing", "DELETE /api/Hosting/{h}/User/{id}", 404, notFound, func(ctx context.Context, c *Client) error {
			return c.DeleteFtpUser(ctx, "", "HO-000001", 9)
		}, true, CodeNotFound},
		{"GetDatabase missing", "GET /api/Hosting/{h}/Db/{n}", 404, notFound, func(ctx context.Context, c *Client) error {
			_, err := c.GetDatabase(ctx, "", "HO-000001", "gone")
			return err
		}, true, CodeNotFound},
		{"DeleteDatabase missing", "DELETE /api/Hosting/{h}/Db/{n}", 404, notFound, func(ctx context.Context, c *Client) error {
			return c.DeleteDatabase(ctx, "", "HO-000001", "gone")
		}, true, CodeNotFound},
		{"ListFtpUsers of a missing pack", "GET /api/Hosting/{h}/User", 404, notFound, func(ctx context.Context, c *Client) error {
			_, err := c.ListFtpUsers(ctx, "", "HO-000009")
			return err
		}, true, CodeNotFound},
		{"CreateFtpUser over quota", "POST /api/Hosting/{h}/User", 409, quota, func(ctx context.Context, c *Client) error {
			_, err := c.CreateFtpUser(ctx, "", "HO-000001", NewFtpUser{UserName: "third", Pwd: "ftp-Pa55!"})
			return err
		}, false, CodeQuotaExceeded},
		{"CreateDatabase over quota", "POST /api/Hosting/{h}/Db", 409, quota, func(ctx context.Context, c *Client) error {
			_, err := c.CreateDatabase(ctx, "", "HO-000001", NewDatabase{Name: "second", User: "second", Pwd: "db-Pa55!"})
			return err
		}, false, CodeQuotaExceeded},
		{"AddHostingAlias over quota", "POST /api/Hosting/{h}/Alias", 409, quota, func(ctx context.Context, c *Client) error {
			_, err := c.AddHostingAlias(ctx, "", "HO-000001", HostingAlias{Domain: "example.org"})
			return err
		}, false, CodeQuotaExceeded},
		{"CreateFtpUser taken", "POST /api/Hosting/{h}/User", 409, `[{"Code":525,"Detail":"object already exists"}]`, func(ctx context.Context, c *Client) error {
			_, err := c.CreateFtpUser(ctx, "", "HO-000001", NewFtpUser{UserName: "webmaster", Pwd: "ftp-Pa55!"})
			return err
		}, false, CodeExists},
		{"UpdateHosting while pending", "PUT /api/Hosting/{h}", 409, pending, func(ctx context.Context, c *Client) error {
			_, err := c.UpdateHosting(ctx, "", "HO-000002", EditHosting{HasStats: ptr(true)})
			return err
		}, false, CodeStatus},
		{"UpgradeHosting to the current offer", "POST /api/Hosting/{h}/Upgrade", 422, `[{"Code":550,"Detail":"already on this offer"}]`, func(ctx context.Context, c *Client) error {
			_, err := c.UpgradeHosting(ctx, "", "HO-000001", "HOSTING-PRO")
			return err
		}, false, CodePolicy},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer(tt.pattern, tt.status, tt.body)
			err := tt.call(t.Context(), f.client())
			if err == nil {
				t.Fatal("no error")
			}
			if IsNotFound(err) != tt.notFound {
				t.Errorf("IsNotFound(%v) = %v, want %v", err, !tt.notFound, tt.notFound)
			}
			if !HasCode(err, tt.code) {
				t.Errorf("HasCode(%v, %d) = false", err, tt.code)
			}
			if IsAmbiguous(err) {
				t.Errorf("IsAmbiguous(%v) = true for a refusal", err)
			}
		})
	}
}

func TestHostingFieldError(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.answer("POST /api/Hosting", http.StatusUnprocessableEntity, `[{"Code":550,"Detail":"period out of range 1-3","Data":{"Field":"Period"}}]`)
	_, err := f.client().CreateHosting(t.Context(), "", NewHosting{ProductId: "HOSTING-START", Domain: "example.com", Period: 9})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Field() != "Period" || !HasCode(err, CodePolicy) {
		t.Errorf("err = %v, want code 550 on Period", err)
	}
	if n := len(f.calls("GET", "/api/Hosting")); n != 0 {
		t.Errorf("a refused order was looked up %d times", n)
	}
}
