package acctest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// ZohoLogin is the seeded Zoho partner account.
const ZohoLogin = "zoho-partner"

// ZohoOutOfBand calls a Zoho route (path after /zoho/, e.g.
// "mail/api/organization/123") as the seeded partner, behind the provider's
// back, and returns the HTTP status and body.
func (s *Sandbox) ZohoOutOfBand(t testing.TB, method, path string, body []byte, contentType string) (int, []byte) {
	t.Helper()
	var reader io.Reader
	if body != nil {
		reader = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, s.URL+"/_sandbox/as/"+ZohoLogin+"/zoho/"+path, reader)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, data
}

// ZohoTokens reads the access tokens minted and live per refresh token.
func (s *Sandbox) ZohoTokens(t testing.TB) map[string]struct{ Minted, Live int } {
	t.Helper()
	out := map[string]struct{ Minted, Live int }{}
	s.admin(t, http.MethodGet, "/_sandbox/zoho/tokens", nil, &out)
	return out
}

// ZohoRefreshToken mints a refresh token for the seeded partner with scopes.
func (s *Sandbox) ZohoRefreshToken(t testing.TB, scopes ...string) string {
	t.Helper()
	var out struct{ RefreshToken string }
	s.admin(t, http.MethodPost, "/_sandbox/zoho/refresh_tokens", map[string]any{"Login": ZohoLogin, "Scopes": scopes}, &out)
	return out.RefreshToken
}

// JSON encodes v for a request body.
func JSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
