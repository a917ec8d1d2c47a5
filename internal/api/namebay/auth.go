package namebay

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
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

// loginTimeout bounds one login. A login runs detached from the request that
// started it, because every request waiting for a token shares it.
const loginTimeout = 2 * time.Minute

// tokens caches the access token of the account and logs in when it is
// missing, expired or refused.
type tokens struct {
	http     *http.Client
	url      string
	username string
	password string

	mu      sync.Mutex
	source  oauth2.TokenSource // oauth2.ReuseTokenSource over loginSource
	current string             // access token of the latest login
	ctx     context.Context    // values (loggers) of the latest request, for the login
}

func newTokens(hc *http.Client, tokenURL, username, password string) *tokens {
	t := &tokens{http: hc, url: tokenURL, username: username, password: password, ctx: context.Background()}
	t.source = oauth2.ReuseTokenSource(nil, loginSource{t})
	return t
}

// token returns a valid token, logging in when needed. It gives up when ctx
// ends; a login under way carries on for the other requests.
func (t *tokens) token(ctx context.Context) (*oauth2.Token, error) {
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
		return r.tok, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// invalidate drops the cached token after the API refused used, unless
// another request has already logged in again since.
func (t *tokens) invalidate(used string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if used != "" && used != t.current {
		return
	}
	t.source = oauth2.ReuseTokenSource(nil, loginSource{t})
	t.current = ""
}

// loginSource is the oauth2.TokenSource that logs in.
type loginSource struct{ t *tokens }

func (s loginSource) Token() (*oauth2.Token, error) { return s.t.login() }

// login exchanges the username and password for an access token. Its
// errors never contain the password or a token.
func (t *tokens) login() (*oauth2.Token, error) {
	t.mu.Lock()
	ctx := t.ctx
	t.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, loginTimeout)
	defer cancel()

	body, err := json.Marshal(login{Login: t.username, Password: t.password})
	if err != nil {
		return nil, &loginError{err}
	}
	// Asking for a token changes nothing on the server: safe to retry.
	req, err := http.NewRequestWithContext(transport.WithIdempotent(ctx), http.MethodPost, t.url, bytes.NewReader(body))
	if err != nil {
		return nil, &loginError{fmt.Errorf("namebay: POST %s: %w", routeToken, err)}
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Content-Type", "application/json")
	resp, err := t.http.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, &loginError{&RequestError{Method: http.MethodPost, Path: routeToken, Err: err}}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, &loginError{&RequestError{Method: http.MethodPost, Path: routeToken, Err: err}}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		apiErr := parseAPIError(http.MethodPost, routeToken, resp.StatusCode, data)
		t.scrub(apiErr)
		return nil, &loginError{apiErr}
	}
	var ans tokenAnswer
	if err := json.Unmarshal(data, &ans); err != nil {
		return nil, &loginError{fmt.Errorf("namebay: POST %s: unexpected answer: %w", routeToken, err)}
	}
	if ans.AccessToken == "" {
		return nil, &loginError{fmt.Errorf("namebay: POST %s: the answer has no access_token", routeToken)}
	}
	tok := &oauth2.Token{AccessToken: ans.AccessToken, TokenType: ans.TokenType}
	if ans.ExpiresIn > 0 {
		tok.Expiry = time.Now().Add(time.Duration(ans.ExpiresIn) * time.Second)
	}
	t.mu.Lock()
	t.current = tok.AccessToken
	t.mu.Unlock()
	return tok, nil
}

// scrub removes the password from an error the server may have echoed it in.
func (t *tokens) scrub(e *APIError) {
	for i := range e.Errors {
		e.Errors[i].Detail = strings.ReplaceAll(e.Errors[i].Detail, t.password, "***")
		for k, v := range e.Errors[i].Data {
			if s, ok := v.(string); ok {
				e.Errors[i].Data[k] = strings.ReplaceAll(s, t.password, "***")
			}
		}
	}
}

// loginError carries a failed login through the oauth2 transport so the
// request that needed the token can return it as it is.
type loginError struct{ err error }

func (e *loginError) Error() string { return e.err.Error() }
func (e *loginError) Unwrap() error { return e.err }

// requestTokens hands the shared token to one request and remembers which
// token it was, so a 401 invalidates only that one.
type requestTokens struct {
	ctx    context.Context
	tokens *tokens
	used   string
}

func (s *requestTokens) Token() (*oauth2.Token, error) {
	tok, err := s.tokens.token(s.ctx)
	if err != nil {
		return nil, err
	}
	s.used = tok.AccessToken
	return tok, nil
}
