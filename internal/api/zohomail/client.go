// Package zohomail is a client of the Zoho Mail partner API: child
// organisations and their domains on the mail host, trials on the mailadmin
// host, paid plans and licences on the Zoho Store, and the Zoho Accounts
// OAuth2 access token every one of them needs.
//
// Calls that create, bill or change something (CreateOrg, VerifyDomain, the
// trials and the store's POST, PUT and DELETE) are sent once: the transport
// never retries them, and when their answer is lost IsAmbiguous reports it.
// Reads are retried by the transport.
package zohomail

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"

	"github.com/resellerkit/terraform-provider-reseller/internal/transport"
)

// maxAnswer bounds the size of one answer body.
const maxAnswer = 16 << 20

// Config configures a Client.
type Config struct {
	// Base URLs of the four Zoho hosts, e.g. https://accounts.zoho.eu,
	// https://mail.zoho.eu, https://mailadmin.zoho.eu and
	// https://store.zoho.eu (see RegionURLs). A trailing slash is harmless.
	AccountsURL, MailURL, MailAdminURL, StoreURL string
	// The OAuth2 client of the Zoho API console and a refresh token it issued.
	ClientID, ClientSecret, RefreshToken string
	// HTTP configures the shared HTTP stack (rate limit, retries, logging).
	HTTP transport.Config
}

// Client calls the Zoho Mail partner API. It is safe for concurrent use.
type Client struct {
	bases  map[service]string // base URL per host, without a trailing slash
	http   *http.Client
	tokens *tokens
}

// service names one of the Zoho hosts the client talks to.
type service string

const (
	serviceAccounts  service = "accounts"
	serviceMail      service = "mail"
	serviceMailAdmin service = "mailadmin"
	serviceStore     service = "store"
)

// New returns a client for cfg. It does not contact Zoho: the first request
// mints an access token.
func New(cfg Config) (*Client, error) {
	bases := map[service]string{}
	for _, u := range []struct {
		service service
		setting string
		raw     string
	}{
		{serviceAccounts, "accounts", cfg.AccountsURL},
		{serviceMail, "mail", cfg.MailURL},
		{serviceMailAdmin, "mailadmin", cfg.MailAdminURL},
		{serviceStore, "store", cfg.StoreURL},
	} {
		base, err := parseBaseURL(u.setting, u.raw)
		if err != nil {
			return nil, err
		}
		bases[u.service] = base
	}
	for _, c := range []struct{ name, value string }{
		{"client ID", cfg.ClientID},
		{"client secret", cfg.ClientSecret},
		{"refresh token", cfg.RefreshToken},
	} {
		if strings.TrimSpace(c.value) == "" {
			return nil, fmt.Errorf("zoho mail: the %s is empty", c.name)
		}
	}
	hc := transport.New(cfg.HTTP)
	// A redirect would carry the token or the client secret to another URL.
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c := &Client{bases: bases, http: hc}
	c.tokens = newTokens(hc, bases[serviceAccounts], cfg.ClientID, cfg.ClientSecret, cfg.RefreshToken)
	return c, nil
}

func parseBaseURL(setting, raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("zoho mail: the %s URL %q is not an http(s) base URL such as https://%s.zoho.com", setting, raw, setting)
	}
	return strings.TrimRight(u.String(), "/"), nil
}

// request is one API call.
type request struct {
	service     service
	method      string
	path        string // a route from routes.go
	query       url.Values
	body        []byte
	contentType string
	// once keeps the transport from retrying the request: it creates, bills
	// or changes something, and a lost answer must reach the caller.
	once bool
	// scope is the OAuth scope the route needs, named when Zoho refuses it.
	scope string
}

func (r request) op() string { return r.method + " " + r.path }

// answer is an HTTP answer, read in full.
type answer struct {
	status int
	body   []byte
}

// do sends r and returns its answer, whatever its status. When Zoho refuses
// the access token, do drops it and sends r once more with a new one: the
// sandbox and Zoho revoke tokens before they expire.
func (c *Client) do(ctx context.Context, r request) (*answer, error) {
	for attempt := 1; ; attempt++ {
		a, used, err := c.send(ctx, r)
		if err != nil {
			return nil, err
		}
		if attempt == 1 && refusesToken(a) {
			c.tokens.invalidate(used)
			continue
		}
		return a, nil
	}
}

// send makes one attempt and reports which access token it used.
func (c *Client) send(ctx context.Context, r request) (*answer, string, error) {
	token, err := c.tokens.token(ctx)
	if err != nil {
		return nil, "", err
	}
	if r.once {
		ctx = transport.WithoutRetry(ctx)
	} else {
		ctx = transport.WithIdempotent(ctx)
	}
	var sent atomic.Bool
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			if info.Err == nil {
				sent.Store(true)
			}
		},
	})
	var body io.Reader
	if len(r.body) > 0 {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, c.url(r), body)
	if err != nil {
		return nil, token, fmt.Errorf("zoho %s %s: %w", r.service, r.op(), err)
	}
	req.Header.Set("Authorization", "Zoho-oauthtoken "+token)
	req.Header.Set("Accept", "application/json")
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, token, requestError(r.service, r.op(), err, sent.Load())
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	if err != nil {
		// The server answered, so it had the whole request.
		return nil, token, &RequestError{Service: string(r.service), Op: r.op(), Sent: true, Err: err}
	}
	if len(data) > maxAnswer {
		return nil, token, fmt.Errorf("zoho %s %s: the answer is larger than %d bytes", r.service, r.op(), maxAnswer)
	}
	return &answer{status: resp.StatusCode, body: data}, token, nil
}

func (c *Client) url(r request) string {
	u := c.bases[r.service] + "/" + r.path
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	return u
}

// requestError turns a failed round trip into a *RequestError without the
// URL wrapper, whose text would repeat the query.
func requestError(svc service, op string, err error, sent bool) error {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		err = ue.Err
	}
	return &RequestError{Service: string(svc), Op: op, Sent: sent, Err: err}
}
