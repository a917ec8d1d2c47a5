// Package ispmanager is a client of the ispmanager partner API: the
// BILLmanager endpoint through which partners order, renew, change and
// delete ispmanager, VMmanager and DCImanager licences.
//
// Every call is a form POST to one URL, selected by its func; answers are
// BILLmanager JSON documents (out=json), and errors arrive inside them, most
// often with HTTP 200.
package ispmanager

import (
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
const maxAnswer = 32 << 20

// Config configures a Client.
type Config struct {
	// Endpoint is the BILLmanager URL, ending in /billmgr.
	Endpoint string
	// Username is the partner account's login (an e-mail) and Password its
	// password; they travel as authinfo in the body of every call.
	Username string
	Password string
	HTTP     transport.Config
}

// Client calls the partner API. It is safe for concurrent use.
type Client struct {
	endpoint string
	authinfo string
	http     *http.Client
}

// New returns a client for cfg. It contacts nothing.
func New(cfg Config) (*Client, error) {
	u, err := url.Parse(cfg.Endpoint)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("ispmanager: the endpoint %q is not an http(s) URL", cfg.Endpoint)
	}
	if u.RawQuery != "" || u.User != nil {
		return nil, errors.New("ispmanager: the endpoint carries no query and no credentials: give them as username and password")
	}
	if cfg.Username == "" || cfg.Password == "" {
		return nil, errors.New("ispmanager: the username and the password are required")
	}
	hc := transport.New(cfg.HTTP)
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &Client{endpoint: strings.TrimRight(u.String(), "/"), authinfo: cfg.Username + ":" + cfg.Password, http: hc}, nil
}

// call runs fn with params and returns the answer's document. once marks
// calls that order, bill or change a secret: they are never retried, and a
// lost answer is an error for which IsAmbiguous is true.
func (c *Client) call(ctx context.Context, fn string, params url.Values, once bool) (node, error) {
	form := url.Values{}
	for k, v := range params {
		form[k] = v
	}
	form.Set("func", fn)
	form.Set("out", "json")
	form.Set("lang", "en")
	form.Set("authinfo", c.authinfo)
	if once {
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
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, fmt.Errorf("ispmanager %s: %w", fn, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		if ue, ok := errors.AsType[*url.Error](err); ok {
			err = ue.Err
		}
		return nil, &RequestError{Func: fn, Sent: sent.Load(), Err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	if err != nil {
		return nil, &RequestError{Func: fn, Sent: true, Err: err}
	}
	if len(body) > maxAnswer {
		return nil, fmt.Errorf("ispmanager %s: the answer is larger than %d bytes", fn, maxAnswer)
	}
	doc, decodeErr := decodeDoc(body)
	if decodeErr == nil && doc.has("error") {
		return nil, apiError(fn, resp.StatusCode, doc.child("error"))
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &APIError{Func: fn, Status: resp.StatusCode, Type: "http", Message: http.StatusText(resp.StatusCode)}
	}
	if decodeErr != nil {
		return nil, fmt.Errorf("ispmanager %s: the answer is not a BILLmanager JSON document: %w", fn, decodeErr)
	}
	return doc, nil
}
