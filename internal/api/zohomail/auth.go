package zohomail

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/resellerkit/terraform-provider-reseller/internal/transport"
)

const (
	// refreshTimeout bounds one token refresh. A refresh runs detached from
	// the request that started it, because every request waiting for a token
	// shares it.
	refreshTimeout = 2 * time.Minute
	// defaultTokenLifetime is Zoho's documented access token lifetime, used
	// when an answer does not say.
	defaultTokenLifetime = time.Hour
)

// tokens holds the client's access token. Zoho lets a refresh token mint
// only 10 access tokens in 10 minutes, so one token is shared by every
// request until shortly before it expires (oauth2.ReuseTokenSource, which
// also makes concurrent callers wait for a single refresh).
type tokens struct {
	http         *http.Client
	accountsURL  string
	clientID     string
	clientSecret string
	refreshToken string

	mu      sync.Mutex
	source  oauth2.TokenSource // oauth2.ReuseTokenSource over refresher
	current string             // access token of the latest refresh
	ctx     context.Context    // values (loggers) of the latest request, for the refresh
}

func newTokens(hc *http.Client, accountsURL, clientID, clientSecret, refreshToken string) *tokens {
	t := &tokens{
		http:         hc,
		accountsURL:  accountsURL,
		clientID:     clientID,
		clientSecret: clientSecret,
		refreshToken: refreshToken,
		ctx:          context.Background(),
	}
	t.source = oauth2.ReuseTokenSource(nil, refresher{t})
	return t
}

// token returns a valid access token, refreshing it when needed. It gives up
// when ctx ends; a refresh under way carries on for the other requests.
func (t *tokens) token(ctx context.Context) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	t.mu.Lock()
	t.ctx = context.WithoutCancel(ctx)
	src := t.source
	t.mu.Unlock()

	type result struct {
		tok *oauth2.Token
		err error
	}
	done := make(chan result, 1)
	go func() {
		tok, err := src.Token()
		done <- result{tok, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return "", r.err
		}
		return r.tok.AccessToken, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// invalidate drops the cached token after Zoho refused used, unless another
// request has already refreshed it since.
func (t *tokens) invalidate(used string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if used == "" || used != t.current {
		return
	}
	t.source = oauth2.ReuseTokenSource(nil, refresher{t})
	t.current = ""
}

// refresher is the oauth2.TokenSource that asks Zoho Accounts for a new
// access token.
type refresher struct{ t *tokens }

func (r refresher) Token() (*oauth2.Token, error) { return r.t.refresh() }

// tokenAnswer is the answer of the token route: a token, or an error sent
// with HTTP 200.
type tokenAnswer struct {
	AccessToken      string  `json:"access_token"`
	TokenType        string  `json:"token_type"`
	ExpiresIn        flexInt `json:"expires_in"`
	Error            string  `json:"error"`
	ErrorDescription string  `json:"error_description"`
}

// refresh exchanges the refresh token for an access token. Its errors never
// contain the client secret, the refresh token or an access token.
func (t *tokens) refresh() (*oauth2.Token, error) {
	t.mu.Lock()
	ctx := t.ctx
	t.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, refreshTimeout)
	defer cancel()

	op := http.MethodPost + " " + routeToken
	form := url.Values{
		"grant_type":    {"refresh_token"},
		"client_id":     {t.clientID},
		"client_secret": {t.clientSecret},
		"refresh_token": {t.refreshToken},
	}
	// Asking for a token changes nothing on the server: safe to retry.
	req, err := http.NewRequestWithContext(transport.WithIdempotent(ctx), http.MethodPost,
		t.accountsURL+"/"+routeToken, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, fmt.Errorf("zoho accounts %s: %w", op, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := t.http.Do(req)
	if err != nil {
		// The API request that needed the token was not sent: not ambiguous.
		return nil, requestError(serviceAccounts, op, err, false)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, &RequestError{Service: string(serviceAccounts), Op: op, Err: err}
	}

	var ans tokenAnswer
	jsonErr := json.Unmarshal(data, &ans)
	if jsonErr == nil && ans.Error != "" {
		return nil, &TokenError{
			Code:        t.scrub(ans.Error),
			Description: t.scrub(ans.ErrorDescription),
			AccountsURL: t.accountsURL,
		}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		e := newAPIError(request{service: serviceAccounts, method: http.MethodPost, path: routeToken}, &answer{status: resp.StatusCode, body: data})
		e.Message = t.scrub(e.Message)
		return nil, e
	}
	if jsonErr != nil {
		return nil, fmt.Errorf("zoho accounts %s: unexpected answer: %w", op, jsonErr)
	}
	if ans.AccessToken == "" {
		return nil, fmt.Errorf("zoho accounts %s: the answer has no access_token", op)
	}
	lifetime := time.Duration(ans.ExpiresIn) * time.Second
	if lifetime <= 0 {
		lifetime = defaultTokenLifetime
	}
	tok := &oauth2.Token{AccessToken: ans.AccessToken, TokenType: ans.TokenType, Expiry: time.Now().Add(lifetime)}
	t.mu.Lock()
	t.current = tok.AccessToken
	t.mu.Unlock()
	return tok, nil
}

// scrub masks the credentials in text an answer may have echoed them in.
func (t *tokens) scrub(text string) string {
	for _, secret := range []string{t.clientSecret, t.refreshToken} {
		text = strings.ReplaceAll(text, secret, "***")
	}
	return text
}

// TokenError is Zoho Accounts refusing to mint an access token. Zoho sends
// these with HTTP 200 and {"error": "<code>"}.
type TokenError struct {
	// Code is Zoho's error: "invalid_code" (refresh token revoked or
	// unknown), "invalid_client", "Access Denied" (too many tokens minted)...
	Code        string
	Description string
	// AccountsURL is the Zoho Accounts server that refused.
	AccountsURL string
}

func (e *TokenError) Error() string {
	switch {
	case e.Code == "invalid_code":
		return "zoho mail: the Zoho refresh token was revoked or is invalid (invalid_code): " +
			"create a new one in the Zoho API console (Self Client) with the scopes " + requiredScopes
	case e.Code == "invalid_client":
		return fmt.Sprintf("zoho mail: %s refused the OAuth client (invalid_client): the client_id or client_secret is wrong, "+
			"or the client belongs to another Zoho data centre (region)", e.AccountsURL)
	case e.TooManyTokens():
		return fmt.Sprintf("zoho mail: %s refused to mint an access token (%s): "+
			"Zoho allows 10 access tokens per refresh token in 10 minutes; wait up to 10 minutes, "+
			"and do not run many Terraform processes with the same refresh token at once", e.AccountsURL, e.reason())
	}
	return fmt.Sprintf("zoho mail: %s refused to mint an access token: %s", e.AccountsURL, e.reason())
}

// TooManyTokens reports whether Zoho refused because the refresh token
// minted too many access tokens lately.
func (e *TokenError) TooManyTokens() bool {
	return strings.EqualFold(e.Code, "Access Denied") || strings.EqualFold(e.Code, "access_denied") ||
		strings.Contains(strings.ToLower(e.Description), "too many requests")
}

func (e *TokenError) reason() string {
	if e.Description == "" {
		return e.Code
	}
	return e.Code + ": " + e.Description
}
