package zohomail

import (
	"net/http"
	"strings"
	"sync"
	"testing"
)

func TestNewValidatesConfig(t *testing.T) {
	t.Parallel()
	good := Config{
		AccountsURL: "https://accounts.zoho.eu", MailURL: "https://mail.zoho.eu",
		MailAdminURL: "https://mailadmin.zoho.eu", StoreURL: "https://store.zoho.eu",
		ClientID: "id", ClientSecret: "secret", RefreshToken: "refresh",
	}
	if _, err := New(good); err != nil {
		t.Fatalf("New(good) = %v", err)
	}
	tests := []struct {
		name    string
		change  func(*Config)
		wantErr string
	}{
		{"accounts without scheme", func(c *Config) { c.AccountsURL = "accounts.zoho.eu" }, "accounts URL"},
		{"mail of another scheme", func(c *Config) { c.MailURL = "ftp://mail.zoho.eu" }, "mail URL"},
		{"mailadmin with a query", func(c *Config) { c.MailAdminURL = "https://mailadmin.zoho.eu?x=1" }, "mailadmin URL"},
		{"store without host", func(c *Config) { c.StoreURL = "https://" }, "store URL"},
		{"store empty", func(c *Config) { c.StoreURL = "" }, "store URL"},
		{"no client ID", func(c *Config) { c.ClientID = "" }, "client ID is empty"},
		{"no client secret", func(c *Config) { c.ClientSecret = " " }, "client secret is empty"},
		{"no refresh token", func(c *Config) { c.RefreshToken = "" }, "refresh token is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg := good
			tt.change(&cfg)
			_, err := New(cfg)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want it to mention %q", err, tt.wantErr)
			}
		})
	}
}

func TestNewContactsNothingAndTrailingSlashesAreHarmless(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, orgSample)
	cfg := f.config()
	cfg.AccountsURL += "/"
	cfg.MailURL += "/"
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if n := f.mintCount() + f.requestCount(); n != 0 {
		t.Fatalf("New made %d requests", n)
	}
	if _, err := c.Org(t.Context(), "76006415"); err != nil {
		t.Fatal(err)
	}
	if n := len(f.calls("GET", orgPath)); n != 1 {
		t.Errorf("requests to %s = %d, want 1", orgPath, n)
	}
}

func TestRoutesEscapeTheirSegments(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	var mu sync.Mutex
	var got []string
	f.handle("GET /mail/api/organization/{zoid}/domains/{d}", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.PathValue("zoid")+" "+r.PathValue("d"))
		mu.Unlock()
		writeJSON(w, http.StatusOK, domainSample)
	})
	if _, err := f.client().Domain(t.Context(), "1/2", "a?b.example"); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 || got[0] != "1/2 a?b.example" {
		t.Errorf("segments seen = %q, want one each", got)
	}
}

func TestRegionURLs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		region, accounts, mail, mailadmin, store string
	}{
		{"us", "https://accounts.zoho.com", "https://mail.zoho.com", "https://mailadmin.zoho.com", "https://store.zoho.com"},
		{"eu", "https://accounts.zoho.eu", "https://mail.zoho.eu", "https://mailadmin.zoho.eu", "https://store.zoho.eu"},
		{"in", "https://accounts.zoho.in", "https://mail.zoho.in", "https://mailadmin.zoho.in", "https://store.zoho.in"},
		{"au", "https://accounts.zoho.com.au", "https://mail.zoho.com.au", "https://mailadmin.zoho.com.au", "https://store.zoho.com.au"},
		{"jp", "https://accounts.zoho.jp", "https://mail.zoho.jp", "https://mailadmin.zoho.jp", "https://store.zoho.jp"},
		{"ca", "https://accounts.zohocloud.ca", "https://mail.zoho.ca", "https://mailadmin.zoho.ca", "https://store.zoho.ca"},
		{"sa", "https://accounts.zoho.sa", "https://mail.zoho.sa", "https://mailadmin.zoho.sa", "https://store.zoho.sa"},
		{"uk", "https://accounts.zoho.uk", "https://mail.zoho.uk", "https://mailadmin.zoho.uk", "https://store.zoho.uk"},
		{"cn", "https://accounts.zoho.com.cn", "https://mail.zoho.com.cn", "https://mailadmin.zoho.com.cn", "https://store.zoho.com.cn"},
		{"ae", "https://accounts.zoho.ae", "https://mail.zoho.ae", "https://mailadmin.zoho.ae", "https://store.zoho.ae"},
	}
	for _, tt := range tests {
		accounts, mail, mailadmin, store, ok := RegionURLs(tt.region)
		if !ok || accounts != tt.accounts || mail != tt.mail || mailadmin != tt.mailadmin || store != tt.store {
			t.Errorf("RegionURLs(%q) = %q %q %q %q %v, want %q %q %q %q", tt.region, accounts, mail, mailadmin, store, ok,
				tt.accounts, tt.mail, tt.mailadmin, tt.store)
		}
	}
	if _, _, _, _, ok := RegionURLs("mars"); ok {
		t.Error("RegionURLs(mars) is ok")
	}
	if n := len(regionDomains); n != len(tests) {
		t.Errorf("%d regions, %d tested", n, len(tests))
	}
}
