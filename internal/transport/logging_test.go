package transport

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// logBuffer collects tflog output; the logger may write from several
// goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *logBuffer) entries(t *testing.T) []map[string]any {
	t.Helper()
	entries, err := tflogtest.MultilineJSONDecode(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("decoding log output: %v", err)
	}
	return entries
}

// findEntry returns the first log entry with the given message whose fields
// include want.
func findEntry(entries []map[string]any, message string, want map[string]any) map[string]any {
	for _, entry := range entries {
		if entry["@message"] != message {
			continue
		}
		matches := true
		for k, v := range want {
			if fmt.Sprint(entry[k]) != fmt.Sprint(v) {
				matches = false
			}
		}
		if matches {
			return entry
		}
	}
	return nil
}

func TestLogsMaskSecrets(t *testing.T) {
	t.Parallel()
	const pemKey = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpem-secret-body\n-----END RSA PRIVATE KEY-----"
	secrets := []string{
		"auth-header-secret", "s3cret-value", "pw-secret", "query-secret",
		"tok-secret", "cookie-secret", "pem-secret-body",
	}
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request, _ int) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Set-Cookie", "session=cookie-secret; HttpOnly")
		reply(w, `{"access_token":"tok-secret","token_type":"bearer","expires_in":3600}`)
	})
	var logs logBuffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	client := New(Config{Subsystem: "namebay", UserAgent: "terraform-provider-reseller/test"})

	requests := []*http.Request{
		mustRequest(t, ctx, http.MethodPost, rec.URL+"/api/login?user=client1", strings.NewReader(`{"login":"bob","Password":"s3cret-value"}`)),
		mustRequest(t, ctx, http.MethodPost, rec.URL+"/billmgr", strings.NewReader("authinfo=user:pw-secret&func=license.edit")),
		mustRequest(t, ctx, http.MethodGet, rec.URL+"/billmgr?authinfo=user:query-secret&func=license&out=json", nil),
		mustRequest(t, ctx, http.MethodPut, rec.URL+"/api/ssl/42", strings.NewReader(fmt.Sprintf(`{"key":%q}`, pemKey))),
	}
	requests[0].Header.Set("Content-Type", "application/json")
	requests[0].Header.Set("Authorization", "Bearer auth-header-secret")
	requests[1].Header.Set("Content-Type", "application/x-www-form-urlencoded")
	requests[3].Header.Set("Content-Type", "application/json")
	for _, req := range requests {
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		// Logging the body must leave it whole for the caller.
		if body := readBody(t, resp); !strings.Contains(body, "tok-secret") {
			t.Errorf("caller got body %q, want the full response", body)
		}
	}

	output := logs.String()
	for _, secret := range secrets {
		if strings.Contains(output, secret) {
			t.Errorf("log output contains %q:\n%s", secret, output)
		}
	}

	entries := logs.entries(t)
	debug := findEntry(entries, "HTTP request", map[string]any{
		"@level":       "debug",
		"@module":      "provider.namebay",
		"http_method":  "GET",
		"http_url":     rec.URL + "/billmgr?authinfo=***&func=license&out=json",
		"http_status":  200,
		"http_attempt": 1,
	})
	if debug == nil {
		t.Fatalf("no DEBUG line for the GET with its method, masked URL, status and attempt:\n%s", output)
	}
	if _, ok := debug["http_duration_ms"]; !ok {
		t.Errorf("DEBUG line has no duration: %v", debug)
	}
	if findEntry(entries, "sending HTTP request", map[string]any{
		"@level":                        "trace",
		"http_url":                      rec.URL + "/api/login?user=client1",
		"http_req_header_authorization": "Bearer ***",
		"http_req_header_user_agent":    "terraform-provider-reseller/test",
		"http_req_body":                 `{"login":"bob","Password":"***"}`,
	}) == nil {
		t.Errorf("no TRACE line with the masked login request:\n%s", output)
	}
	if findEntry(entries, "received HTTP response", map[string]any{
		"@level":                       "trace",
		"http_status":                  200,
		"http_res_header_set_cookie":   "***",
		"http_res_body":                `{"access_token":"***","token_type":"bearer","expires_in":3600}`,
		"http_res_header_content_type": "application/json",
	}) == nil {
		t.Errorf("no TRACE line with the masked response:\n%s", output)
	}
	if !strings.Contains(output, `-----BEGIN RSA PRIVATE KEY-----***-----END RSA PRIVATE KEY-----`) {
		t.Errorf("the PEM key's armour should remain around the mask:\n%s", output)
	}
}

func TestLogsEachAttemptAndRetries(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, hit int) {
		if hit == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	var logs logBuffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	resp, err := New(fastConfig()).Do(mustRequest(t, ctx, http.MethodDelete, rec.URL+"/api/dns/7", nil))
	if err != nil {
		t.Fatal(err)
	}
	readBody(t, resp)

	entries := logs.entries(t)
	for attempt, status := range map[int]int{1: 503, 2: 200} {
		if findEntry(entries, "HTTP request", map[string]any{"http_method": "DELETE", "http_attempt": attempt, "http_status": status}) == nil {
			t.Errorf("no DEBUG line for attempt %d with status %d:\n%s", attempt, status, logs.String())
		}
	}
	if findEntry(entries, "retrying HTTP request", map[string]any{"http_attempt": 1, "http_status": 503}) == nil {
		t.Errorf("no line announcing the retry:\n%s", logs.String())
	}
}

func TestLogsFailedRequestWithoutSecrets(t *testing.T) {
	t.Parallel()
	url := closedPortURL(t) + "/billmgr?authinfo=user:query-secret"

	var logs logBuffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	cfg := fastConfig()
	cfg.MaxRetries = -1
	if _, err := New(cfg).Do(mustRequest(t, ctx, http.MethodGet, url, nil)); err == nil {
		t.Fatal("request to a closed port succeeded")
	}
	entry := findEntry(logs.entries(t), "HTTP request failed", map[string]any{"@level": "debug", "http_method": "GET"})
	if entry == nil || !strings.Contains(fmt.Sprint(entry["http_error"]), "refused") {
		t.Errorf("no DEBUG line with the connection error:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "query-secret") {
		t.Errorf("log output contains the authinfo value:\n%s", logs.String())
	}
}

func TestLogsTruncateLargeBodies(t *testing.T) {
	t.Parallel()
	large := strings.Repeat("a", maxLoggedBody+4096)
	rec := newRecorder(t, func(w http.ResponseWriter, _ *http.Request, _ int) {
		w.Header().Set("Content-Type", "text/plain")
		reply(w, large)
	})
	var logs logBuffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	resp, err := New(fastConfig()).Do(mustRequest(t, ctx, http.MethodGet, rec.URL, nil))
	if err != nil {
		t.Fatal(err)
	}
	if body := readBody(t, resp); body != large {
		t.Errorf("caller got %d bytes, want all %d", len(body), len(large))
	}
	entry := findEntry(logs.entries(t), "received HTTP response", nil)
	if entry == nil {
		t.Fatalf("no TRACE response line:\n%s", logs.String())
	}
	want := strings.Repeat("a", maxLoggedBody) + fmt.Sprintf(" [truncated after %d bytes]", maxLoggedBody)
	if got := fmt.Sprint(entry["http_res_body"]); got != want {
		t.Errorf("logged body has %d bytes, want %d ending in the truncation note", len(got), len(want))
	}
}

func TestFormatBody(t *testing.T) {
	t.Parallel()
	euro := strings.Repeat("€", maxLoggedBody/3+1) // cut inside a character
	got := formatBody("text/plain", []byte(euro)[:maxLoggedBody+1])
	if !strings.HasSuffix(got, " [truncated after 16384 bytes]") || strings.ContainsRune(got, '\uFFFD') {
		t.Errorf("a multi-byte character cut by truncation must be dropped cleanly, got ...%q", got[len(got)-40:])
	}
	if got := formatBody("application/octet-stream", []byte{0xff, 0xfe, 0x00, 0x01}); got != "[not logged: 4 or more bytes of binary data]" {
		t.Errorf("binary body logged as %q", got)
	}
}
