// Package transport is the one HTTP stack every partner client shares:
// a client-side rate limit, retries for idempotent requests, and request
// logging through tflog with secrets masked.
//
// New stacks these http.RoundTripper layers, outermost first:
//
//   - User-Agent: set on every request that has none.
//   - Retry: an idempotent request (GET, HEAD, OPTIONS, PUT, DELETE, or any
//     request whose context went through WithIdempotent) with a replayable
//     body is retried on 429, 502, 503 and 504 and on connection errors, with
//     full-jitter exponential backoff; Retry-After on 429 and 503 is honoured.
//     POST and PATCH are never retried unless marked, so nothing is ordered
//     twice. After the last attempt the caller gets the partner's last
//     response, body intact, or the last error.
//   - Rate limit: a token bucket shared by every request of the client,
//     retries included; waiting ends when the request context does.
//   - Logging: per attempt, one DEBUG line (method, URL, status or error,
//     duration, attempt) and TRACE lines with headers and bodies, under the
//     tflog subsystem Config.Subsystem. Passwords, tokens, authinfo, cookies,
//     authorization headers and PEM private keys are masked in every line.
//
// The client has no overall timeout: the request context governs
// cancellation, including of every wait.
package transport

import (
	"context"
	"net/http"
	"time"
)

// Defaults applied by New to zero Config fields.
const (
	DefaultSubsystem  = "http"
	DefaultMaxRetries = 5
	DefaultMinBackoff = 250 * time.Millisecond
	DefaultMaxBackoff = 30 * time.Second
)

// Config describes one partner family's HTTP stack.
type Config struct {
	// Subsystem is the tflog subsystem the requests are logged under, e.g.
	// "namebay"; empty means DefaultSubsystem. Its level can be set apart with
	// TF_LOG_PROVIDER_RESELLER_<SUBSYSTEM>.
	Subsystem string
	// UserAgent is sent on every request.
	UserAgent string
	// RequestsPerSecond caps the request rate (token bucket); 0 means no limit.
	RequestsPerSecond float64
	// Burst is the bucket size; 0 means max(1, ceil(RequestsPerSecond)).
	Burst int
	// MaxRetries is how many times a retryable request is retried; 0 means the default (5), negative disables retries.
	MaxRetries int
	// MinBackoff and MaxBackoff bound the exponential backoff; zero means 250ms and 30s.
	// A Retry-After longer than max(4*MaxBackoff, 1 minute) is not waited for:
	// the 429 or 503 response is returned at once.
	MinBackoff, MaxBackoff time.Duration
	// Base is the transport underneath; nil means a clone of http.DefaultTransport.
	Base http.RoundTripper
}

// New returns an HTTP client built on cfg. It sets no overall timeout: the
// request context governs cancellation.
func New(cfg Config) *http.Client {
	cfg = cfg.withDefaults()

	rt := cfg.Base
	rt = &loggingTransport{subsystem: cfg.Subsystem, next: rt}
	if cfg.RequestsPerSecond > 0 {
		rt = &rateLimitTransport{bucket: newTokenBucket(cfg.RequestsPerSecond, cfg.Burst), next: rt}
	}
	if cfg.MaxRetries > 0 {
		rt = &retryTransport{
			maxRetries: cfg.MaxRetries,
			minBackoff: cfg.MinBackoff,
			maxBackoff: cfg.MaxBackoff,
			subsystem:  cfg.Subsystem,
			next:       rt,
		}
	}
	if cfg.UserAgent != "" {
		rt = &userAgentTransport{userAgent: cfg.UserAgent, next: rt}
	}
	return &http.Client{Transport: rt}
}

func (cfg Config) withDefaults() Config {
	if cfg.Subsystem == "" {
		cfg.Subsystem = DefaultSubsystem
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = DefaultMaxRetries
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = DefaultMinBackoff
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = DefaultMaxBackoff
	}
	cfg.MaxBackoff = max(cfg.MaxBackoff, cfg.MinBackoff)
	if cfg.Base == nil {
		cfg.Base = http.DefaultTransport.(*http.Transport).Clone()
	}
	return cfg
}

type idempotentKey struct{}

type onceKey struct{}

// WithoutRetry marks requests made with ctx as sent at most once, whatever
// their method: a PUT or DELETE that bills, or that a partner does not treat
// as idempotent.
func WithoutRetry(ctx context.Context) context.Context {
	return context.WithValue(ctx, onceKey{}, true)
}

// WithIdempotent marks requests made with ctx as safe to retry even when their
// method is not idempotent (a token request, a lookup sent as POST).
func WithIdempotent(ctx context.Context) context.Context {
	return context.WithValue(ctx, idempotentKey{}, true)
}

// userAgentTransport sets the User-Agent on requests that do not carry one.
type userAgentTransport struct {
	userAgent string
	next      http.RoundTripper
}

func (t *userAgentTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	// An empty User-Agent set by the caller means "send none" to net/http.
	if _, set := req.Header["User-Agent"]; !set {
		// A RoundTripper must not modify the caller's request.
		req = req.Clone(req.Context())
		req.Header.Set("User-Agent", t.userAgent)
	}
	return t.next.RoundTrip(req)
}
