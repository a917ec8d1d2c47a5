// Package xarios is a client of the Xarios reseller API of the
// white-labelled call-analytics platform: customer tenants, their users and
// PBX connections, and the catalogs of product types, PBX templates and
// roles. It authenticates with an OAuth2 refresh token.
package xarios

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

	"golang.org/x/oauth2"

	"github.com/resellerkit/terraform-provider-reseller/internal/transport"
)

// DefaultLoginURL is the OAuth2 server of every region.
const DefaultLoginURL = "https://login.xarios.cloud"

// maxAnswer bounds the size of one answer body.
const maxAnswer = 16 << 20

// RegionAPIURL is the API base of a region: au, eu, na or uk.
func RegionAPIURL(region string) (string, bool) {
	switch region {
	case "au", "eu", "na", "uk":
		return "https://api." + region + ".myreports.cloud/api", true
	}
	return "", false
}

// Config configures a Client.
type Config struct {
	// LoginURL is the OAuth2 server, APIURL the API base without /v1.0.
	LoginURL, APIURL                     string
	ClientID, ClientSecret, RefreshToken string
	HTTP                                 transport.Config
}

// Client calls the API. It is safe for concurrent use.
type Client struct {
	api    string
	http   *http.Client
	tokens *tokens
}

// New returns a client for cfg. It contacts nothing: the first call mints
// an access token.
func New(cfg Config) (*Client, error) {
	login, err := baseURL("login_endpoint", cfg.LoginURL)
	if err != nil {
		return nil, err
	}
	api, err := baseURL("api_endpoint", cfg.APIURL)
	if err != nil {
		return nil, err
	}
	if cfg.ClientID == "" || cfg.ClientSecret == "" || cfg.RefreshToken == "" {
		return nil, errors.New("xarios: the client_id, client_secret and refresh_token are required")
	}
	hc := transport.New(cfg.HTTP)
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c := &Client{api: api, http: hc}
	c.tokens = newTokens(hc, login, cfg.ClientID, cfg.ClientSecret, cfg.RefreshToken)
	return c, nil
}

func baseURL(setting, raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" {
		return "", fmt.Errorf("xarios: the %s %q is not an http(s) URL", setting, raw)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// request is one API call.
type request struct {
	method, path string // path after v1.0/
	query        url.Values
	body         any
	charges      bool // sends accept-charges: true
	once         bool // never retried: creates and billed changes
}

func (r request) op() string { return r.method + " v1.0/" + r.path }

// call sends r, retrying once with a new token when the platform refuses a
// token it just issued, and decodes the envelope's data into out.
func (c *Client) call(ctx context.Context, r request, out any) error {
	for attempt := 1; ; attempt++ {
		status, body, used, err := c.send(ctx, r)
		if err != nil {
			return err
		}
		if status == http.StatusUnauthorized && attempt == 1 {
			c.tokens.invalidate(used)
			continue
		}
		return decode(r, status, body, out)
	}
}

func (c *Client) send(ctx context.Context, r request) (int, []byte, string, error) {
	token, err := c.tokens.token(ctx)
	if err != nil {
		return 0, nil, "", err
	}
	if r.once {
		ctx = transport.WithoutRetry(ctx)
	} else {
		ctx = transport.WithIdempotent(ctx)
	}
	var sent atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{WroteRequest: func(i httptrace.WroteRequestInfo) {
		if i.Err == nil {
			sent.Store(true)
		}
	}})
	var reader io.Reader
	if r.body != nil {
		raw, err := json.Marshal(r.body)
		if err != nil {
			return 0, nil, token, fmt.Errorf("xarios %s: encoding the body: %w", r.op(), err)
		}
		reader = bytes.NewReader(raw)
	}
	target := c.api + "/v1.0/" + r.path
	if len(r.query) > 0 {
		target += "?" + r.query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, r.method, target, reader)
	if err != nil {
		return 0, nil, token, fmt.Errorf("xarios %s: %w", r.op(), err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if r.charges {
		req.Header.Set("accept-charges", "true")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if ue, ok := errors.AsType[*url.Error](err); ok {
			err = ue.Err
		}
		return 0, nil, token, &RequestError{Op: r.op(), Sent: sent.Load(), Err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return 0, nil, token, &RequestError{Op: r.op(), Sent: true, Err: err}
	}
	return resp.StatusCode, body, token, nil
}

// envelope is every answer: {data, error, message, status, timestamp}, and
// for a collection page_size, page and total.
type envelope struct {
	Data     json.RawMessage `json:"data"`
	Error    int             `json:"error"`
	Message  string          `json:"message"`
	Status   string          `json:"status"`
	PageSize int             `json:"page_size"`
	Page     int             `json:"page"`
	Total    int             `json:"total"`
}

func decode(r request, status int, body []byte, out any) error {
	var env envelope
	jsonErr := json.Unmarshal(body, &env)
	if status < 200 || status > 299 || env.Status == "error" {
		msg := env.Message
		if jsonErr != nil || msg == "" {
			msg = http.StatusText(status)
		}
		return &APIError{Status: status, Message: msg, Op: r.op()}
	}
	if out == nil || status == http.StatusNoContent {
		return nil
	}
	if jsonErr != nil {
		return fmt.Errorf("xarios %s: the answer is not JSON: %w", r.op(), jsonErr)
	}
	if err := json.Unmarshal(env.Data, out); err != nil {
		return fmt.Errorf("xarios %s: unexpected data: %w", r.op(), err)
	}
	if page, ok := out.(*pageOf); ok {
		page.size, page.total = env.PageSize, env.Total
	}
	return nil
}

// pageOf collects one page of a list with its paging figures.
type pageOf struct {
	items       []json.RawMessage
	size, total int
}

func (p *pageOf) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, &p.items) }

// list reads every page of a collection into out, a pointer to a slice.
func list[T any](ctx context.Context, c *Client, path string, query url.Values) ([]T, error) {
	var all []T
	for page := 1; ; page++ {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		q.Set("page", fmt.Sprint(page))
		q.Set("page_size", "500")
		var p pageOf
		if err := c.call(ctx, request{method: http.MethodGet, path: path, query: q}, &p); err != nil {
			return nil, err
		}
		for _, raw := range p.items {
			var item T
			if err := json.Unmarshal(raw, &item); err != nil {
				return nil, fmt.Errorf("xarios GET v1.0/%s: unexpected item: %w", path, err)
			}
			all = append(all, item)
		}
		if len(p.items) == 0 || len(all) >= p.total || p.total == 0 {
			return all, nil
		}
	}
}

var _ oauth2.TokenSource = refresher{}
