package namebay

import (
	"context"
	"net/http"
	"reflect"
	"testing"
)

func TestFindDomain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		status     int
		body       string
		wantHandle string // "" for none
		wantErr    bool
	}{
		{"exact match among others", 200, `[{"Handle":"DM-1","Name":"example.co"},{"Handle":"DM-2","Name":"EXAMPLE.com."}]`, "DM-2", false},
		{"empty list", 200, `[]`, "", false},
		{"null list", 200, `null`, "", false},
		{"only other names", 200, `[{"Handle":"DM-1","Name":"example.net"}]`, "", false},
		{"object does not exist", 404, `[{"Code":510,"Detail":"Object does not exist"}]`, "", false},
		{"bare 404 (wrong endpoint)", 404, `not found`, "", true},
		{"permission denied", 403, `[{"Code":712,"Detail":"permission denied"}]`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer("GET /api/Domain", tt.status, tt.body)
			got, err := f.client().FindDomain(t.Context(), "CL-000001", "example.com")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			switch {
			case tt.wantHandle == "" && got != nil:
				t.Errorf("found %+v, want none", got)
			case tt.wantHandle != "" && (got == nil || got.Handle != tt.wantHandle):
				t.Errorf("found %+v, want %s", got, tt.wantHandle)
			}
			r := f.calls("GET", "/api/Domain")
			if len(r) != 1 || r[0].URL.Query().Get("name") != "example.com" || r[0].URL.Query().Get("user") != "CL-000001" {
				t.Errorf("requests = %d, query %v", len(r), r[0].URL.Query())
			}
		})
	}
}

func TestFindZone(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.handle("GET /api/Zone", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("name") == "example.com" {
			writeJSON(w, http.StatusOK, `[`+zoneSample+`]`)
			return
		}
		writeJSON(w, http.StatusOK, `[]`)
	})
	c := f.client()
	got, err := c.FindZone(t.Context(), "", "example.com")
	if err != nil || got == nil || got.Handle != "ZN-000001" {
		t.Fatalf("FindZone = %+v, %v", got, err)
	}
	got, err = c.FindZone(t.Context(), "", "other.com")
	if err != nil || got != nil {
		t.Fatalf("FindZone(other.com) = %+v, %v; want nil, nil", got, err)
	}
}

func TestCheckAvailabilitySendsEveryNameInOneRequest(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.answer("GET /api/Domain/Availability", http.StatusOK, `[]`)
	c := f.client()
	names := []string{"a.com", "b.fr", "xn--caf-dma.fr"}
	if _, err := c.CheckAvailability(t.Context(), "", names); err != nil {
		t.Fatal(err)
	}
	r := f.calls("GET", "/api/Domain/Availability")
	if len(r) != 1 {
		t.Fatalf("requests = %d, want 1", len(r))
	}
	if got := r[0].URL.Query()["domain"]; !reflect.DeepEqual(got, names) {
		t.Errorf("domain = %q, want %q", got, names)
	}
	if got, err := c.CheckAvailability(t.Context(), "", nil); err != nil || got != nil {
		t.Errorf("no names: %v, %v", got, err)
	}
	if n := len(f.calls("GET", "/api/Domain/Availability")); n != 1 {
		t.Errorf("no names still sent a request")
	}
}

func TestSuggestQuery(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.answer("GET /api/Domain/Suggest", http.StatusOK, `[{"Name":"foo-shop.com","Status":"available"}]`)
	got, err := f.client().Suggest(t.Context(), "", "foo", []string{"com", "fr"})
	if err != nil || len(got) != 1 || got[0].Name != "foo-shop.com" {
		t.Fatalf("Suggest = %+v, %v", got, err)
	}
	q := f.calls("GET", "/api/Domain/Suggest")[0].URL.Query()
	if q.Get("name") != "foo" || q.Get("tlds") != "com,fr" {
		t.Errorf("query = %v", q)
	}
}

// Every method passes the client account as ?user=, and sends no user
// parameter at all for the logged-in account.
func TestUserParameter(t *testing.T) {
	t.Parallel()
	type call func(ctx context.Context, c *Client, user string) error
	tests := []struct {
		name    string
		pattern string
		status  int
		answer  string
		call    call
	}{
		{"CreateContact", "POST /api/Contact", 201, `{}`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.CreateContact(ctx, u, NewContact{})
			return err
		}},
		{"GetContact", "GET /api/Contact/{h}", 200, `{}`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.GetContact(ctx, u, "CT-1")
			return err
		}},
		{"ListContacts", "GET /api/Contact", 200, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.ListContacts(ctx, u)
			return err
		}},
		{"UpdateContact", "PUT /api/Contact/{h}", 200, `{}`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.UpdateContact(ctx, u, "CT-1", NewContact{})
			return err
		}},
		{"DeleteContact", "DELETE /api/Contact/{h}", 204, ``, func(ctx context.Context, c *Client, u string) error {
			return c.DeleteContact(ctx, u, "CT-1")
		}},
		{"ListTlds", "GET /api/Tld", 200, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.ListTlds(ctx, u)
			return err
		}},
		{"CheckAvailability", "GET /api/Domain/Availability", 200, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.CheckAvailability(ctx, u, []string{"a.com"})
			return err
		}},
		{"Suggest", "GET /api/Domain/Suggest", 200, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.Suggest(ctx, u, "foo", nil)
			return err
		}},
		{"CreateDomain", "POST /api/Domain", 202, `{}`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.CreateDomain(ctx, u, orderSample)
			return err
		}},
		{"GetDomain", "GET /api/Domain/{h}", 200, `{}`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.GetDomain(ctx, u, "DM-1")
			return err
		}},
		{"FindDomain", "GET /api/Domain", 200, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.FindDomain(ctx, u, "example.com")
			return err
		}},
		{"UpdateDomain", "PUT /api/Domain/{h}", 202, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.UpdateDomain(ctx, u, "DM-1", UpdateDomain{})
			return err
		}},
		{"GetNameServers", "GET /api/Domain/{h}/NameServer", 200, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.GetNameServers(ctx, u, "DM-1")
			return err
		}},
		{"SetNameServers", "PUT /api/Domain/{h}/NameServer", 200, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.SetNameServers(ctx, u, "DM-1", nil)
			return err
		}},
		{"GetDomainContacts", "GET /api/Domain/{h}/Contact", 200, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.GetDomainContacts(ctx, u, "DM-1")
			return err
		}},
		{"SetDomainContacts", "PUT /api/Domain/{h}/Contact", 200, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.SetDomainContacts(ctx, u, "DM-1", nil)
			return err
		}},
		{"TradeDomain", "POST /api/Domain/{h}/Trade", 202, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.TradeDomain(ctx, u, "DM-1", "CT-2")
			return err
		}},
		{"RenewDomain", "POST /api/Domain/{h}/Renew", 202, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.RenewDomain(ctx, u, "DM-1", 1)
			return err
		}},
		{"GetAuthInfo", "GET /api/Domain/{h}/AuthInfo", 200, `{"AuthInfo":"x"}`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.GetAuthInfo(ctx, u, "DM-1")
			return err
		}},
		{"DeleteDomain", "DELETE /api/Domain/{h}", 200, ``, func(ctx context.Context, c *Client, u string) error {
			return c.DeleteDomain(ctx, u, "DM-1")
		}},
		{"CreateZone", "POST /api/Zone", 201, zoneSample, func(ctx context.Context, c *Client, u string) error {
			_, err := c.CreateZone(ctx, u, "example.com")
			return err
		}},
		{"FindZone", "GET /api/Zone", 200, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.FindZone(ctx, u, "example.com")
			return err
		}},
		{"GetZone", "GET /api/Zone/{h}", 200, zoneSample, func(ctx context.Context, c *Client, u string) error {
			_, err := c.GetZone(ctx, u, "ZN-1")
			return err
		}},
		{"UpdateZoneTTL", "PUT /api/Zone/{h}", 200, zoneSample, func(ctx context.Context, c *Client, u string) error {
			_, err := c.UpdateZoneTTL(ctx, u, "ZN-1", "example.com", 600)
			return err
		}},
		{"GetDnssec", "GET /api/Zone/{h}/Dnssec", 200, `{}`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.GetDnssec(ctx, u, "ZN-1")
			return err
		}},
		{"SetDnssec", "PUT /api/Zone/{h}/Dnssec", 200, `{}`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.SetDnssec(ctx, u, "ZN-1", true)
			return err
		}},
		{"ListRecordsPage", "GET /api/Zone/{h}/Record", 200, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, _, err := c.ListRecordsPage(ctx, u, "ZN-1", 1, 10)
			return err
		}},
		{"ListRecords", "GET /api/Zone/{h}/Record", 200, `[]`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.ListRecords(ctx, u, "ZN-1")
			return err
		}},
		{"GetRecord", "GET /api/Zone/{h}/Record/{id}", 200, `{}`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.GetRecord(ctx, u, "ZN-1", 5)
			return err
		}},
		{"CreateRecord", "POST /api/Zone/{h}/Record", 201, `{}`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.CreateRecord(ctx, u, "ZN-1", Record{})
			return err
		}},
		{"UpdateRecord", "PUT /api/Zone/{h}/Record/{id}", 200, `{}`, func(ctx context.Context, c *Client, u string) error {
			_, err := c.UpdateRecord(ctx, u, "ZN-1", 5, Record{})
			return err
		}},
		{"DeleteRecord", "DELETE /api/Zone/{h}/Record/{id}", 204, ``, func(ctx context.Context, c *Client, u string) error {
			return c.DeleteRecord(ctx, u, "ZN-1", 5)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer(tt.pattern, tt.status, tt.answer)
			c := f.client()
			for _, user := range []string{"CL-000001", ""} {
				f.mu.Lock()
				f.requests = nil
				f.mu.Unlock()
				if err := tt.call(t.Context(), c, user); err != nil {
					t.Fatalf("user %q: %v", user, err)
				}
				f.mu.Lock()
				reqs := f.requests
				f.mu.Unlock()
				if len(reqs) == 0 {
					t.Fatalf("user %q: no request", user)
				}
				for _, r := range reqs {
					got, present := r.URL.Query()["user"]
					switch {
					case user == "" && present:
						t.Errorf("%s %s: user=%q sent for the logged-in account", r.Method, r.URL, got)
					case user != "" && !reflect.DeepEqual(got, []string{user}):
						t.Errorf("%s %s: user = %q, want %q", r.Method, r.URL, got, user)
					}
				}
			}
		})
	}
}
