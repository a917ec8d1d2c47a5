package zohomail

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// call sends a mail or mailadmin request and returns the data of its
// envelope. An answer that refuses (HTTP status or status.code of 300 or
// more) is an *APIError.
func (c *Client) call(ctx context.Context, r request) (json.RawMessage, error) {
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return envelopeData(r, a)
}

// envelopeData checks the envelope of a mail or mailadmin answer and returns
// its data.
func envelopeData(r request, a *answer) (json.RawMessage, error) {
	if !is2xx(a.status) {
		return nil, newAPIError(r, a)
	}
	var env envelope
	if err := json.Unmarshal(a.body, &env); err != nil {
		return nil, fmt.Errorf("zoho %s %s: unexpected answer (%d): %w", r.service, r.op(), a.status, err)
	}
	if env.Status == nil {
		return nil, fmt.Errorf("zoho %s %s: unexpected answer (%d): no status", r.service, r.op(), a.status)
	}
	if !is2xx(env.Status.Code) {
		return nil, newAPIError(r, a)
	}
	return env.Data, nil
}

func is2xx(status int) bool { return status >= http.StatusOK && status < http.StatusMultipleChoices }

// decodeData decodes the data of an answer that holds one object.
func decodeData(r request, data json.RawMessage, out any) error {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || string(data) == "null" {
		return fmt.Errorf("zoho %s %s: the answer has no data", r.service, r.op())
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("zoho %s %s: unexpected answer: %w", r.service, r.op(), err)
	}
	return nil
}

// jsonBody encodes a request body.
func jsonBody(r *request, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("zoho %s %s: encoding the body: %w", r.service, r.op(), err)
	}
	r.body = body
	r.contentType = "application/json"
	return nil
}
