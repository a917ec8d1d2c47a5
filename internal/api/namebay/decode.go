package namebay

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// decode reads a JSON answer into out. An empty body or null is an error:
// every route decoded this way answers with a value.
func decode(r request, a *answer, out any) error {
	body := bytes.TrimSpace(a.body)
	if len(body) == 0 || string(body) == "null" {
		return fmt.Errorf("namebay: %s %s: the answer (%d) has no body", r.method, r.path, a.status)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("namebay: %s %s: unexpected answer: %w", r.method, r.path, err)
	}
	return nil
}

// decodeOrRead decodes the answer or, when the server answered with no body
// or with a ticket list, reads the object back with read.
func decodeOrRead[T any](r request, a *answer, read func() (*T, error)) (*T, error) {
	body := bytes.TrimSpace(a.body)
	if len(body) == 0 || string(body) == "null" || (a.status == http.StatusAccepted && body[0] == '[') {
		return read()
	}
	return decodeOne[T](r, a)
}

// decodeOne decodes an answer that holds one object.
func decodeOne[T any](r request, a *answer) (*T, error) {
	var out T
	if err := decode(r, a, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// tickets returns the tickets of a 202 answer; other answers have none and
// their body is not needed.
func tickets(r request, a *answer) ([]Ticket, error) {
	if a.status != http.StatusAccepted || len(bytes.TrimSpace(a.body)) == 0 {
		return nil, nil
	}
	var ts []Ticket
	if err := decode(r, a, &ts); err != nil {
		return nil, err
	}
	return ts, nil
}

// getOne sends r as a GET and decodes the object it answers.
func getOne[T any](ctx context.Context, c *Client, r request) (*T, error) {
	r.method = http.MethodGet
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOne[T](r, a)
}

// sendOne sends r and decodes the object it answers.
func sendOne[T any](ctx context.Context, c *Client, r request) (*T, error) {
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeOne[T](r, a)
}

// getList sends r as a GET and decodes its list answer; null is an empty list.
func getList[T any](ctx context.Context, c *Client, r request) ([]T, error) {
	r.method = http.MethodGet
	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	return decodeList[T](r, a)
}

// decodeList decodes a list answer. An empty body or null is an empty list
// (some servers encode an empty list so); any other shape is an error.
func decodeList[T any](r request, a *answer) ([]T, error) {
	body := bytes.TrimSpace(a.body)
	if len(body) == 0 || string(body) == "null" {
		return nil, nil
	}
	var out []T
	if err := json.Unmarshal(body, &out); err != nil {
		return nil, fmt.Errorf("namebay: %s %s: unexpected answer: %w", r.method, r.path, err)
	}
	return out, nil
}
