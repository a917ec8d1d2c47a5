// Package namebay is a client of the Namebay REST API: contacts, TLDs and
// availability, domains, DNS zones and records.
//
// Every method takes the client account to act for (the API's ?user=);
// "" acts as the logged-in account.
package namebay

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"

	"github.com/resellerkit/terraform-provider-reseller/internal/transport"
)

// maxAnswer bounds the size of one answer body.
const maxAnswer = 64 << 20

// Config configures a Client.
type Config struct {
	// Endpoint is the base URL of the API, without "/api".
	Endpoint string
	Username string
	Password string
	// HTTP configures the shared HTTP stack (rate limit, retries, logging).
	HTTP transport.Config
}

// Client calls the Namebay REST API. It is safe for concurrent use.
type Client struct {
	endpoint string
	base     http.RoundTripper // the shared stack, without authentication
	timeout  time.Duration
	tokens   *tokens
}

// New returns a client for cfg. It does not contact the API: the first
// request logs in.
func New(cfg Config) (*Client, error) {
	endpoint, err := parseEndpoint(cfg.Endpoint)
	if err != nil {
		return nil, err
	}
	if cfg.Username == "" {
		return nil, errors.New("namebay: the username is empty")
	}
	if cfg.Password == "" {
		return nil, errors.New("namebay: the password is empty")
	}
	hc := transport.New(cfg.HTTP)
	c := &Client{endpoint: endpoint, base: hc.Transport, timeout: hc.Timeout}
	if c.base == nil {
		c.base = http.DefaultTransport
	}
	c.tokens = newTokens(c.httpClient(c.base), endpoint+"/"+routeToken, cfg.Username, cfg.Password)
	return c, nil
}

// httpClient returns a client over rt that never follows redirects: a
// redirect would carry the credentials or the token to another URL.
func (c *Client) httpClient(rt http.RoundTripper) *http.Client {
	return &http.Client{
		Transport:     rt,
		Timeout:       c.timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

func parseEndpoint(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("namebay: the endpoint %q is not an http(s) URL such as https://rest.namebay.com", raw)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// request is one API call.
type request struct {
	method string
	path   string // a route from routes.go
	user   string
	query  url.Values
	body   any
}

// answer is an HTTP answer, read in full.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// do sends r and returns its 2xx answer. A 401 drops the cached token and
// sends the request once more with a fresh one; any other non-2xx answer is
// an *APIError.
func (c *Client) do(ctx context.Context, r request) (*answer, error) {
	var body []byte
	if r.body != nil {
		var err error
		if body, err = json.Marshal(r.body); err != nil {
			return nil, fmt.Errorf("namebay: %s %s: encoding the body: %w", r.method, r.path, err)
		}
	}
	for attempt := 1; ; attempt++ {
		a, usedToken, err := c.send(ctx, r, body)
		if err != nil {
			return nil, err
		}
		if a.status == http.StatusUnauthorized && attempt == 1 {
			c.tokens.invalidate(usedToken)
			continue
		}
		if a.status < 200 || a.status > 299 {
			return nil, parseAPIError(r.method, r.path, a.status, a.body)
		}
		return a, nil
	}
}

// send makes one attempt and reports which access token it used.
func (c *Client) send(ctx context.Context, r request, body []byte) (*answer, string, error) {
	var sent atomic.Bool
	reqCtx := httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			if info.Err == nil {
				sent.Store(true)
			}
		},
	})
	var reader io.Reader
	if body != nil {
		reader = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(reqCtx, r.method, c.url(r), reader)
	if err != nil {
		return nil, "", fmt.Errorf("namebay: %s %s: %w", r.method, r.path, err)
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}

	src := &requestTokens{ctx: ctx, tokens: c.tokens}
	resp, err := c.httpClient(&oauth2.Transport{Source: src, Base: c.base}).Do(req)
	if err != nil {
		return nil, src.used, requestError(r, err, sent.Load())
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	if err != nil {
		// The server answered, so it had the whole request.
		return nil, src.used, &RequestError{Method: r.method, Path: r.path, Sent: true, Err: err}
	}
	if len(data) > maxAnswer {
		return nil, src.used, fmt.Errorf("namebay: %s %s: the answer is larger than %d bytes", r.method, r.path, maxAnswer)
	}
	return &answer{status: resp.StatusCode, header: resp.Header, body: data}, src.used, nil
}

func (c *Client) url(r request) string {
	q := url.Values{}
	for k, v := range r.query {
		q[k] = v
	}
	if r.user != "" {
		q.Set("user", r.user)
	}
	u := c.endpoint + "/" + r.path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// requestError turns a failed round trip into the login error that caused
// it or into a *RequestError without the URL wrapper.
func requestError(r request, err error, sent bool) error {
	var le *loginError
	if errors.As(err, &le) {
		return le.err
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &RequestError{Method: r.method, Path: r.path, Sent: sent, Err: err}
}
