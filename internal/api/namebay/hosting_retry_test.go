package namebay

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// hostingPosts are the hosting requests that create or bill something: a
// retry could order twice or create a duplicate.
var hostingPosts = []struct {
	name, pattern, path string
	call                func(context.Context, *Client) error
}{
	{"CreateHosting", "POST /api/Hosting", "/api/Hosting", func(ctx context.Context, c *Client) error {
		_, err := c.CreateHosting(ctx, "", NewHosting{ProductId: "HOSTING-START", Domain: "example.com", Period: 1})
		return err
	}},
	{"UpgradeHosting", "POST /api/Hosting/{h}/Upgrade", "/api/Hosting/HO-1/Upgrade", func(ctx context.Context, c *Client) error {
		_, err := c.UpgradeHosting(ctx, "", "HO-1", "HOSTING-PRO")
		return err
	}},
	{"RenewHosting", "POST /api/Hosting/{h}/Renew", "/api/Hosting/HO-1/Renew", func(ctx context.Context, c *Client) error {
		_, err := c.RenewHosting(ctx, "", "HO-1", 1)
		return err
	}},
	{"AddHostingAlias", "POST /api/Hosting/{h}/Alias", "/api/Hosting/HO-1/Alias", func(ctx context.Context, c *Client) error {
		_, err := c.AddHostingAlias(ctx, "", "HO-1", HostingAlias{Domain: "example.org"})
		return err
	}},
	{"CreateFtpUser", "POST /api/Hosting/{h}/User", "/api/Hosting/HO-1/User", func(ctx context.Context, c *Client) error {
		_, err := c.CreateFtpUser(ctx, "", "HO-1", NewFtpUser{UserName: "webmaster", Pwd: "ftp-Pa55!"})
		return err
	}},
	{"CreateDatabase", "POST /api/Hosting/{h}/Db", "/api/Hosting/HO-1/Db", func(ctx context.Context, c *Client) error {
		_, err := c.CreateDatabase(ctx, "", "HO-1", NewDatabase{Name: "shop", User: "shop", Pwd: "db-Pa55!"})
		return err
	}},
}

// A create or a paid change that fails is sent once, even by a client that
// retries what it may; a dropped connection leaves it ambiguous.
func TestHostingPostsAreNeverRetried(t *testing.T) {
	t.Parallel()
	for _, tt := range hostingPosts {
		t.Run(tt.name+"/503", func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer(tt.pattern, http.StatusServiceUnavailable, `[{"Code":500,"Detail":"try again"}]`)
			err := tt.call(t.Context(), retryingClient(t, f))
			if !HasCode(err, 500) || IsAmbiguous(err) {
				t.Fatalf("err = %v, want the 503 answer", err)
			}
			assertOnlyRequest(t, f, tt.path)
		})
		t.Run(tt.name+"/dropped", func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.handle(tt.pattern, hangUp(t))
			err := tt.call(t.Context(), retryingClient(t, f))
			if !IsAmbiguous(err) {
				t.Fatalf("IsAmbiguous(%v) = false", err)
			}
			assertOnlyRequest(t, f, tt.path)
			f.mustNotLeak(err)
		})
	}
}

// assertOnlyRequest checks that the fake saw one request, a POST to path.
func assertOnlyRequest(t *testing.T, f *fakeAPI, path string) {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.requests) != 1 || f.requests[0].Method != http.MethodPost || f.requests[0].URL.Path != path {
		for _, r := range f.requests {
			t.Logf("request: %s %s", r.Method, r.URL.Path)
		}
		t.Fatalf("requests = %d, want one POST %s", len(f.requests), path)
	}
}

// Reads, updates, deletes and password changes leave the same state when
// sent twice: a 503 is retried.
func TestHostingIdempotentRequestsAreRetried(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, pattern, path string
		status              int
		answer              string
		call                func(context.Context, *Client) error
	}{
		{"GetHosting", "GET /api/Hosting/{h}", "/api/Hosting/HO-1", 200, hostingSample, func(ctx context.Context, c *Client) error {
			_, err := c.GetHosting(ctx, "", "HO-1")
			return err
		}},
		{"FindHosting", "GET /api/Hosting", "/api/Hosting", 200, `[]`, func(ctx context.Context, c *Client) error {
			_, err := c.FindHosting(ctx, "", "example.com")
			return err
		}},
		{"ListHostingOffers", "GET /api/Hosting/Offer", "/api/Hosting/Offer", 200, offersSample, func(ctx context.Context, c *Client) error {
			_, err := c.ListHostingOffers(ctx, "")
			return err
		}},
		{"UpdateHosting", "PUT /api/Hosting/{h}", "/api/Hosting/HO-1", 200, hostingSample, func(ctx context.Context, c *Client) error {
			_, err := c.UpdateHosting(ctx, "", "HO-1", EditHosting{AutoRenew: ptr(true)})
			return err
		}},
		{"DeleteHosting", "DELETE /api/Hosting/{h}", "/api/Hosting/HO-1", 204, ``, func(ctx context.Context, c *Client) error {
			return c.DeleteHosting(ctx, "", "HO-1")
		}},
		{"DeleteHostingAlias", "DELETE /api/Hosting/{h}/Alias/{d}", "/api/Hosting/HO-1/Alias/example.org", 204, ``, func(ctx context.Context, c *Client) error {
			return c.DeleteHostingAlias(ctx, "", "HO-1", "example.org")
		}},
		{"ListFtpUsers", "GET /api/Hosting/{h}/User", "/api/Hosting/HO-1/User", 200, `[]`, func(ctx context.Context, c *Client) error {
			_, err := c.ListFtpUsers(ctx, "", "HO-1")
			return err
		}},
		{"UpdateFtpUser", "PUT /api/Hosting/{h}/User/{id}", "/api/Hosting/HO-1/User/3", 200, ftpUserSample, func(ctx context.Context, c *Client) error {
			_, err := c.UpdateFtpUser(ctx, "", "HO-1", 3, FtpUserUpdate{Dir: ptr("/www")})
			return err
		}},
		{"DeleteFtpUser", "DELETE /api/Hosting/{h}/User/{id}", "/api/Hosting/HO-1/User/3", 204, ``, func(ctx context.Context, c *Client) error {
			return c.DeleteFtpUser(ctx, "", "HO-1", 3)
		}},
		{"SetFtpUserPassword", "POST /api/Hosting/{h}/User/{id}/Password", "/api/Hosting/HO-1/User/3/Password", 204, ``, func(ctx context.Context, c *Client) error {
			return c.SetFtpUserPassword(ctx, "", "HO-1", 3, "n3w-Pa55!")
		}},
		{"GetDatabase", "GET /api/Hosting/{h}/Db/{n}", "/api/Hosting/HO-1/Db/shop", 200, databaseSample, func(ctx context.Context, c *Client) error {
			_, err := c.GetDatabase(ctx, "", "HO-1", "shop")
			return err
		}},
		{"ResizeDatabase", "PUT /api/Hosting/{h}/Db/{n}", "/api/Hosting/HO-1/Db/shop", 200, databaseSample, func(ctx context.Context, c *Client) error {
			_, err := c.ResizeDatabase(ctx, "", "HO-1", "shop", 512)
			return err
		}},
		{"DeleteDatabase", "DELETE /api/Hosting/{h}/Db/{n}", "/api/Hosting/HO-1/Db/shop", 204, ``, func(ctx context.Context, c *Client) error {
			return c.DeleteDatabase(ctx, "", "HO-1", "shop")
		}},
		{"SetDatabasePassword", "POST /api/Hosting/{h}/Db/{n}/Password", "/api/Hosting/HO-1/Db/shop/Password", 204, ``, func(ctx context.Context, c *Client) error {
			return c.SetDatabasePassword(ctx, "", "HO-1", "shop", "n3w-Pa55!")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			var mu sync.Mutex
			var bodies []string
			f.handle(tt.pattern, func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				defer mu.Unlock()
				body, _ := io.ReadAll(r.Body)
				bodies = append(bodies, string(body))
				if len(bodies) == 1 {
					writeJSON(w, http.StatusServiceUnavailable, `[{"Code":500,"Detail":"busy"}]`)
					return
				}
				writeJSON(w, tt.status, tt.answer)
			})
			if err := tt.call(t.Context(), retryingClient(t, f)); err != nil {
				t.Fatalf("after one 503: %v", err)
			}
			method, _, _ := strings.Cut(tt.pattern, " ")
			if n := len(f.calls(method, tt.path)); n != 2 {
				t.Errorf("requests = %d, want 2", n)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(bodies) == 2 && bodies[0] != bodies[1] {
				t.Errorf("the retry sent %q after %q, want the same body", bodies[1], bodies[0])
			}
		})
	}
}
