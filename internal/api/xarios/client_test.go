package xarios

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/resellerkit/terraform-provider-reseller/internal/transport"
)

// fake is the token route and a handler for the API routes.
type fake struct {
	t       *testing.T
	srv     *httptest.Server
	mints   atomic.Int32
	mu      sync.Mutex
	headers []http.Header
	bodies  []string
	api     func(w http.ResponseWriter, r *http.Request, call int)
	calls   atomic.Int32
	token   func() (int, string)
}

func newFake(t *testing.T, api func(w http.ResponseWriter, r *http.Request, call int)) *fake {
	f := &fake{t: t, api: api}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.URL.Path == "/connect/token" {
			n := f.mints.Add(1)
			if f.token != nil {
				status, answer := f.token()
				w.WriteHeader(status)
				_, _ = io.WriteString(w, answer)
				return
			}
			_, _ = fmt.Fprintf(w, `{"access_token": "tok-%d", "token_type": "Bearer", "expires_in": 3600}`, n)
			return
		}
		f.mu.Lock()
		f.headers = append(f.headers, r.Header.Clone())
		f.bodies = append(f.bodies, string(body))
		f.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		f.api(w, r, int(f.calls.Add(1)))
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fake) client() *Client {
	c, err := New(Config{LoginURL: f.srv.URL, APIURL: f.srv.URL + "/api", ClientID: "cid", ClientSecret: "csecret-xyz", RefreshToken: "rtoken-xyz",
		HTTP: transport.Config{MaxRetries: 2, MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond}})
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

func data(w http.ResponseWriter, status int, v any) {
	raw, _ := json.Marshal(v)
	w.WriteHeader(status)
	_, _ = fmt.Fprintf(w, `{"data": %s, "error": 0, "message": "", "status": "success", "timestamp": "2026-11-23T00:00:00Z"}`, raw)
}

func TestTokenReusedAndBearerSent(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, _ int) { data(w, 200, map[string]any{"id": "cus_1"}) })
	c := f.client()
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Customer(context.Background(), "cus_1"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if f.mints.Load() != 1 {
		t.Errorf("%d tokens minted for 20 calls", f.mints.Load())
	}
	if got := f.headers[0].Get("Authorization"); got != "Bearer tok-1" {
		t.Errorf("Authorization %q", got)
	}
}

func TestRefusedTokenIsReplacedOnce(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		if r.Header.Get("Authorization") == "Bearer tok-1" {
			w.WriteHeader(401)
			_, _ = io.WriteString(w, `{"data": null, "error": 401, "message": "Unauthorized", "status": "error"}`)
			return
		}
		data(w, 200, map[string]any{"id": "cus_1"})
	})
	if _, err := f.client().Customer(context.Background(), "cus_1"); err != nil {
		t.Fatal(err)
	}
	if f.mints.Load() != 2 || f.calls.Load() != 2 {
		t.Errorf("%d mints and %d calls, want 2 and 2", f.mints.Load(), f.calls.Load())
	}
}

func TestTokenErrors(t *testing.T) {
	t.Parallel()
	for code, want := range map[string]string{"invalid_grant": "revoked or has expired", "invalid_client": "client_id or client_secret is wrong"} {
		f := newFake(t, func(w http.ResponseWriter, r *http.Request, _ int) { data(w, 200, nil) })
		f.token = func() (int, string) { return 400, `{"error": "` + code + `"}` }
		_, err := f.client().Customer(context.Background(), "cus_1")
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "rtoken-xyz") {
			t.Errorf("%s: %v", code, err)
		}
		if f.calls.Load() != 0 {
			t.Errorf("%s: the API was called without a token", code)
		}
	}
}

func TestChargesAndPatchBodies(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, _ int) { data(w, 201, map[string]any{"id": "cus_1"}) })
	c := f.client()
	name := "Acme"
	if _, err := c.CreateCustomer(context.Background(), CustomerInput{Name: &name, ProductType: &name}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateCustomer(context.Background(), "cus_1", CustomerInput{Name: &name}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateUser(context.Background(), "cus_1", UserInput{DisplayName: &name}); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"true", "true", ""} {
		if got := f.headers[i].Get("accept-charges"); got != want {
			t.Errorf("call %d: accept-charges %q, want %q", i, got, want)
		}
	}
	if f.bodies[1] != `{"name":"Acme"}` {
		t.Errorf("PATCH body %s sends more than the name", f.bodies[1])
	}
}

func TestListsReadEveryPage(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		page := r.URL.Query().Get("page")
		if r.URL.Query().Get("reference") != "R-1" {
			t.Errorf("query %s", r.URL.RawQuery)
		}
		items := []string{`{"id": "cus_1"}`, `{"id": "cus_2"}`}
		if page == "2" {
			items = []string{`{"id": "cus_3"}`}
		}
		_, _ = fmt.Fprintf(w, `{"page_size": 2, "page": %s, "total": 3, "data": [%s], "status": "success"}`, page, strings.Join(items, ","))
	})
	all, err := f.client().Customers(context.Background(), "R-1")
	if err != nil || len(all) != 3 || all[2].ID != "cus_3" {
		t.Fatalf("Customers = %v, %v", all, err)
	}
}

func TestErrorsAndSecrets(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, call int) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/pbxs") && r.Method == http.MethodGet:
			_, _ = io.WriteString(w, `{"page_size": 100, "total": 1, "data": [{"_type": "KazooPbxConnectionProfile", "id": "pbx_1", "apiKey": "********"}], "status": "success"}`)
		default:
			w.WriteHeader(409)
			_, _ = io.WriteString(w, `{"data": null, "error": 409, "message": "User already exists", "status": "error"}`)
		}
	})
	c := f.client()
	_, err := c.CreateUser(context.Background(), "cus_1", UserInput{})
	if !IsConflict(err) || !strings.Contains(err.Error(), "User already exists") {
		t.Errorf("409: %v", err)
	}
	pbxs, err := c.PBXs(context.Background(), "cus_1")
	if err != nil || len(pbxs) != 1 || !pbxs[0].HasAPIKey || pbxs[0].HasLicenseKey {
		t.Fatalf("PBXs = %+v, %v", pbxs, err)
	}
	key := "kazoo-api-key-123"
	in := PBXInput{APIKey: &key}
	for _, s := range []string{in.String(), fmt.Sprintf("%v", in), fmt.Sprintf("%#v", in)} {
		if strings.Contains(s, key) {
			t.Errorf("%q prints the key", s)
		}
	}
}

func TestCreatesAreSentOnceReadsRetried(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, call int) {
		if r.Method == http.MethodPost {
			conn, _, _ := http.NewResponseController(w).Hijack()
			conn.Close()
			return
		}
		if call == 2 { // the first GET
			w.WriteHeader(503)
			return
		}
		data(w, 200, map[string]any{"id": "cus_1"})
	})
	c := f.client()
	_, err := c.CreateCustomer(context.Background(), CustomerInput{})
	if !IsAmbiguous(err) {
		t.Fatalf("dropped create: %v", err)
	}
	if _, err := c.Customer(context.Background(), "cus_1"); err != nil {
		t.Fatalf("read after a 503: %v", err)
	}
	if f.calls.Load() != 3 {
		t.Errorf("%d API calls, want the create once and the read twice", f.calls.Load())
	}
}

func TestSecretsStayOutOfLogs(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		data(w, 201, map[string]any{"id": "pbx_1", "apiKey": "********"})
	})
	var logs bytes.Buffer
	var mu sync.Mutex
	ctx := tflogtest.RootLogger(context.Background(), writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return logs.Write(p) }))
	key, licence := "kazoo-api-key-123", "3cx-licence-456"
	if _, err := f.client().CreatePBX(ctx, "cus_1", PBXInput{APIKey: &key, LicenseKey: &licence}); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	out := logs.String()
	mu.Unlock()
	if !strings.Contains(out, "pbxs") {
		t.Fatalf("nothing logged:\n%s", out)
	}
	for _, secret := range []string{key, licence, "csecret-xyz", "rtoken-xyz", "tok-1"} {
		if strings.Contains(out, secret) {
			t.Errorf("the logs contain %q", secret)
		}
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
