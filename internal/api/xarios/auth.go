package xarios

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

// tokens hands out access tokens, minted from the refresh token and reused
// until shortly before they expire.
type tokens struct {
	mu      sync.Mutex
	src     oauth2.TokenSource
	http    *http.Client
	url     string
	form    url.Values
	dropped string
}

func newTokens(hc *http.Client, loginURL, clientID, clientSecret, refreshToken string) *tokens {
	t := &tokens{http: hc, url: loginURL + "/connect/token", form: url.Values{
		"grant_type": {"refresh_token"}, "client_id": {clientID}, "client_secret": {clientSecret}, "refresh_token": {refreshToken},
	}}
	t.src = oauth2.ReuseTokenSource(nil, refresher{t})
	return t
}

// token returns a valid access token.
func (t *tokens) token(ctx context.Context) (string, error) {
	_ = ctx
	t.mu.Lock()
	src := t.src
	t.mu.Unlock()
	tok, err := src.Token()
	if err != nil {
		return "", err
	}
	return tok.AccessToken, nil
}

// invalidate drops a token the API refused, so the next call mints anew
// (once per token, however many calls saw it refused).
func (t *tokens) invalidate(used string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if used == "" || used == t.dropped {
		return
	}
	t.dropped = used
	t.src = oauth2.ReuseTokenSource(nil, refresher{t})
}

type refresher struct{ t *tokens }

// Token mints an access token. A refresh changes nothing on the server, so
// the transport may retry it.
func (r refresher) Token() (*oauth2.Token, error) {
	ctx, cancel := context.WithTimeout(transport.WithIdempotent(context.Background()), time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.t.url, strings.NewReader(r.t.form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := r.t.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("xarios: the token request failed: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	var ans struct {
		AccessToken      string `json:"access_token"`
		TokenType        string `json:"token_type"`
		ExpiresIn        int    `json:"expires_in"`
		Error            string `json:"error"`
		ErrorDescription string `json:"error_description"`
	}
	if err := json.Unmarshal(body, &ans); err != nil {
		return nil, fmt.Errorf("xarios: the token endpoint answered %d without JSON", resp.StatusCode)
	}
	if ans.Error != "" {
		return nil, &TokenError{Code: ans.Error, Description: ans.ErrorDescription}
	}
	if resp.StatusCode != http.StatusOK || ans.AccessToken == "" {
		return nil, fmt.Errorf("xarios: the token endpoint answered %d without a token", resp.StatusCode)
	}
	lifetime := time.Duration(ans.ExpiresIn) * time.Second
	if lifetime <= 0 {
		lifetime = time.Hour
	}
	return &oauth2.Token{AccessToken: ans.AccessToken, TokenType: ans.TokenType, Expiry: time.Now().Add(lifetime)}, nil
}
