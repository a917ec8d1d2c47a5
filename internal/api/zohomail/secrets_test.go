package zohomail

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// syncBuffer collects log output written from any goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Every request and answer is logged at TRACE, the token route's included,
// with the client secret, the refresh token, the access tokens and the super
// admin's password masked.
func TestCredentialsStayOutOfLogs(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.expiresIn = 1 // a new token for every call: several token answers to log
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, orgSample)
	f.answer("POST /mail/api/organization", http.StatusOK, orgCreatedSample)
	f.answer("GET "+storePattern, http.StatusOK, licenseSample)
	c := f.client()
	var logs syncBuffer
	ctx := tflogtest.RootLogger(t.Context(), &logs)

	if _, err := c.Org(ctx, "76006415"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateOrg(ctx, orgInput); err != nil {
		t.Fatal(err)
	}
	f.revokeTokens() // a refused token, a refresh and a retry
	if _, err := c.SubscriptionOf(ctx, "admin@example.com"); err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	if n := len(f.issuedTokens()); n < 3 {
		t.Fatalf("tokens minted = %d, want at least 3", n)
	}
	for _, want := range []string{
		"Zoho-oauthtoken ***",      // the Authorization header
		`client_secret=***`,        // the token request
		`refresh_token=***`,        // the token request
		`\"access_token\":\"***\"`, // the token answer
		`\"password\":\"***\"`,     // the create request
		"oauth/v2/token", "api/organization", "restapi/partner/v1/json/subscription",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the logs lack %s", want)
		}
	}
	f.mustNotLeak("the logs", out)
	if strings.Contains(out, orgInput.Password) {
		t.Error("the logs show the super admin's password")
	}
}

// A failed refresh logs its request and Zoho's refusal without a credential.
func TestRefusedRefreshStaysOutOfLogs(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.tokenAnswer = func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, `{"error":"invalid_code"}`)
	}
	var logs syncBuffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	_, err := f.client().Org(ctx, "76006415")
	if err == nil {
		t.Fatal("no error")
	}
	out := logs.String()
	for _, want := range []string{"oauth/v2/token", "client_secret=***", "invalid_code"} {
		if !strings.Contains(out, want) {
			t.Errorf("the logs lack %s:\n%s", want, out)
		}
	}
	f.mustNotLeak("the logs", out)
	f.mustNotLeakErr(err)
}
