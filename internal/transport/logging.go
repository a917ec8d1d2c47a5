package transport

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// maxLoggedBody is how much of a request or response body a TRACE line shows.
const maxLoggedBody = 16 << 10

// levelEnvPrefix names the variables that set one subsystem's log level, e.g.
// TF_LOG_PROVIDER_RESELLER_NAMEBAY=TRACE. Unset, the subsystem follows
// TF_LOG_PROVIDER / TF_LOG.
const levelEnvPrefix = "TF_LOG_PROVIDER_RESELLER"

// minMaskedSecret keeps very short credentials out of the value masking,
// which would otherwise blank every occurrence of, say, "ab" in a log line.
const minMaskedSecret = 4

// loggingTransport logs every attempt: a DEBUG line with its outcome, and at
// TRACE the headers and bodies of the request and the response.
type loggingTransport struct {
	subsystem string
	next      http.RoundTripper
}

func (t *loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := newLogContext(req.Context(), t.subsystem, req)
	trace := tflog.SubsystemIsTrace(ctx, t.subsystem)
	fields := map[string]any{
		"http_method":  req.Method,
		"http_url":     redactURL(req.URL),
		"http_attempt": attemptFrom(req.Context()),
	}
	if trace {
		tflog.SubsystemTrace(ctx, t.subsystem, "sending HTTP request", mergeFields(fields, requestDetails(req)))
	}

	start := time.Now()
	resp, err := t.next.RoundTrip(req)
	fields["http_duration_ms"] = time.Since(start).Milliseconds()
	if err != nil {
		fields["http_error"] = redactError(req, err)
		tflog.SubsystemDebug(ctx, t.subsystem, "HTTP request failed", fields)
		return nil, err
	}
	fields["http_status"] = resp.StatusCode
	tflog.SubsystemDebug(ctx, t.subsystem, "HTTP request", fields)
	if trace {
		tflog.SubsystemTrace(ctx, t.subsystem, "received HTTP response", mergeFields(fields, responseDetails(resp)))
	}
	return resp, nil
}

// newLogContext returns ctx with the subsystem logger set up for one request.
// Besides the key-based masking done before anything is logged, the request's
// own credentials are masked wherever they show up, e.g. echoed in an error.
func newLogContext(ctx context.Context, subsystem string, req *http.Request) context.Context {
	ctx = tflog.NewSubsystem(ctx, subsystem, tflog.WithLevelFromEnv(levelEnvPrefix, subsystem), tflog.WithRootFields())
	if secrets := requestSecrets(req); len(secrets) > 0 {
		ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, subsystem, secrets...)
	}
	return ctx
}

// requestSecrets lists the credentials req carries outside its body: the
// authorization headers, the URL's password and secret query values.
func requestSecrets(req *http.Request) []string {
	var secrets []string
	add := func(s string) {
		if len(s) >= minMaskedSecret {
			secrets = append(secrets, s)
		}
	}
	for _, name := range []string{"Authorization", "Proxy-Authorization"} {
		for _, value := range req.Header.Values(name) {
			_, credentials, ok := strings.Cut(strings.TrimSpace(value), " ")
			if !ok {
				credentials = value
			}
			add(strings.TrimSpace(credentials))
		}
	}
	if req.URL == nil {
		return secrets
	}
	if password, ok := req.URL.User.Password(); ok {
		add(password)
	}
	for key, values := range req.URL.Query() {
		if isSecretKey(key) {
			for _, value := range values {
				add(value)
			}
		}
	}
	return secrets
}

func mergeFields(base, extra map[string]any) map[string]any {
	merged := make(map[string]any, len(base)+len(extra))
	for k, v := range base {
		merged[k] = v
	}
	for k, v := range extra {
		merged[k] = v
	}
	return merged
}

func requestDetails(req *http.Request) map[string]any {
	fields := headerFields("http_req_header_", req.Header)
	if body, ok := requestBody(req); ok {
		fields["http_req_body"] = body
	}
	return fields
}

// requestBody reads a copy of the request body through GetBody, leaving the
// body the transport will send untouched. A body that cannot be replayed is
// not logged: reading it would consume it.
func requestBody(req *http.Request) (string, bool) {
	if req.Body == nil || req.Body == http.NoBody {
		return "", false
	}
	if req.GetBody == nil {
		return "[not logged: the body cannot be read twice]", true
	}
	body, err := req.GetBody()
	if err != nil {
		return fmt.Sprintf("[not logged: %v]", err), true
	}
	prefix, err := io.ReadAll(io.LimitReader(body, maxLoggedBody+1))
	_ = body.Close() // a copy made for the log; the transport sends its own
	if err != nil {
		return fmt.Sprintf("[not logged: %v]", err), true
	}
	return formatBody(req.Header.Get("Content-Type"), prefix), true
}

func responseDetails(resp *http.Response) map[string]any {
	fields := headerFields("http_res_header_", resp.Header)
	if body, ok := peekResponseBody(resp); ok {
		fields["http_res_body"] = body
	}
	return fields
}

// peekResponseBody reads the start of the response body for the log and puts
// it back in front of the rest, so the caller still reads the whole body (and
// any read error, after the bytes that did arrive).
func peekResponseBody(resp *http.Response) (string, bool) {
	if resp.Body == nil || resp.Body == http.NoBody {
		return "", false
	}
	prefix, err := io.ReadAll(io.LimitReader(resp.Body, maxLoggedBody+1))
	var rest io.Reader = resp.Body
	if err != nil {
		rest = errorReader{err}
	}
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(prefix), rest), resp.Body}
	if len(prefix) == 0 && err != nil {
		return fmt.Sprintf("[not logged: %v]", err), true
	}
	return formatBody(resp.Header.Get("Content-Type"), prefix), true
}

type errorReader struct{ err error }

func (r errorReader) Read([]byte) (int, error) { return 0, r.err }

// formatBody masks a body prefix of up to maxLoggedBody+1 bytes and marks it
// when it was cut.
func formatBody(contentType string, body []byte) string {
	truncated := len(body) > maxLoggedBody
	if truncated {
		body = body[:maxLoggedBody]
		// Drop a multi-byte character split by the cut.
		for i := 0; i < utf8.UTFMax-1 && len(body) > 0 && !utf8.Valid(body); i++ {
			body = body[:len(body)-1]
		}
	}
	if !utf8.Valid(body) {
		return fmt.Sprintf("[not logged: %d or more bytes of binary data]", len(body))
	}
	text := string(redactBody(contentType, body))
	if truncated {
		text += fmt.Sprintf(" [truncated after %d bytes]", maxLoggedBody)
	}
	return text
}

// headerFields turns headers into log fields named prefix + the header name in
// snake case, with secret values masked.
func headerFields(prefix string, header http.Header) map[string]any {
	fields := make(map[string]any, len(header))
	for name, values := range header {
		masked := make([]string, len(values))
		for i, value := range values {
			masked[i] = redactHeaderValue(name, value)
		}
		fields[prefix+strings.ToLower(strings.ReplaceAll(name, "-", "_"))] = strings.Join(masked, ", ")
	}
	return fields
}

// redactError renders err with any secret query values in req's URL masked:
// errors from the layers below may quote the URL.
func redactError(req *http.Request, err error) string {
	msg := err.Error()
	if req.URL != nil && req.URL.RawQuery != "" {
		msg = strings.ReplaceAll(msg, req.URL.RawQuery, redactForm(req.URL.RawQuery))
	}
	return msg
}
