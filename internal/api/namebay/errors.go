package namebay

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Namebay error codes the provider reacts to.
const (
	CodeBadRequest      = 400
	CodeUnauthorized    = 401
	CodeNotFound        = 510 // object does not exist
	CodeExists          = 525 // object already exists
	CodeInvalidValue    = 530 // invalid attribute value; Data.Field names it
	CodePolicy          = 550 // parameter value policy error (period, country change…)
	CodeDuplicate       = 551 // duplicate values
	CodeStatus          = 570 // object status does not allow the operation
	CodeTldNotAllowed   = 572 // operation not allowed for this TLD
	CodeZoneExists      = 707
	CodeNotPermitted    = 712 // not owner, contact or reseller / user not yours
	CodeNotNamebayDNS   = 714 // primary name server is not Namebay's
	CodeTooManyRequests = 429
)

// APIError is a non-2xx answer of the API.
type APIError struct {
	StatusCode int
	Method     string
	Path       string // the route, relative to the endpoint, without the query
	Errors     []ErrorItem
}

// ErrorItem is one entry of the API's error list.
type ErrorItem struct {
	Code   int
	Detail string
	Data   map[string]any
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "namebay: %s %s: %d", e.Method, e.Path, e.StatusCode)
	if len(e.Errors) == 0 {
		if text := http.StatusText(e.StatusCode); text != "" {
			b.WriteString(" " + text)
		}
		return b.String()
	}
	for i, item := range e.Errors {
		if i > 0 {
			b.WriteString(";")
		}
		fmt.Fprintf(&b, " code %d: %s", item.Code, item.Detail)
	}
	return b.String()
}

// Field is the attribute the first error names in Data.Field, or "".
func (e *APIError) Field() string {
	for _, item := range e.Errors {
		if f, ok := item.Data["Field"].(string); ok {
			return f
		}
	}
	return ""
}

// HasCode reports whether err is an APIError listing code.
func HasCode(err error, code int) bool {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	for _, item := range apiErr.Errors {
		if item.Code == code {
			return true
		}
	}
	return false
}

// IsNotFound reports whether err says the object does not exist (404 or code 510).
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusNotFound || HasCode(err, CodeNotFound))
}

// RequestError is a request that got no complete HTTP answer.
type RequestError struct {
	Method string
	Path   string
	// Sent is true when the request reached the server, which may have
	// carried it out before the connection failed or the time ran out.
	Sent bool
	Err  error
}

func (e *RequestError) Error() string {
	if e.Sent {
		return fmt.Sprintf("namebay: %s %s: no answer, the request may have been carried out: %v", e.Method, e.Path, e.Err)
	}
	return fmt.Sprintf("namebay: %s %s: %v", e.Method, e.Path, e.Err)
}

func (e *RequestError) Unwrap() error { return e.Err }

// IsAmbiguous reports whether err leaves unknown if the server carried out
// the request: it was sent but no complete answer came back (connection
// closed or reset, time-out). After an ambiguous create, look the object up
// by its natural key before ordering again.
func IsAmbiguous(err error) bool {
	var reqErr *RequestError
	return errors.As(err, &reqErr) && reqErr.Sent
}

// parseAPIError builds the APIError of a non-2xx answer. The body is
// normally a list of {Code, Detail, Data}; a single such object or an
// ASP.NET {"Message"} object is accepted too, and anything else leaves
// Errors empty.
func parseAPIError(method, path string, status int, body []byte) *APIError {
	e := &APIError{StatusCode: status, Method: method, Path: path}
	var list []json.RawMessage
	if err := json.Unmarshal(body, &list); err != nil {
		list = []json.RawMessage{body}
	}
	for _, raw := range list {
		if item, ok := parseErrorItem(raw, status); ok {
			e.Errors = append(e.Errors, item)
		}
	}
	return e
}

// parseErrorItem reads one error; without a Code it takes the HTTP status.
func parseErrorItem(raw json.RawMessage, status int) (ErrorItem, bool) {
	var wire struct {
		Code    *int
		Detail  string
		Message string
		Data    json.RawMessage
	}
	if err := json.Unmarshal(raw, &wire); err != nil {
		return ErrorItem{}, false
	}
	item := ErrorItem{Code: status, Detail: wire.Detail}
	if item.Detail == "" {
		item.Detail = wire.Message
	}
	if wire.Code == nil && item.Detail == "" {
		return ErrorItem{}, false
	}
	if wire.Code != nil {
		item.Code = *wire.Code
	}
	// Data is an object in every documented error; anything else is dropped.
	_ = json.Unmarshal(wire.Data, &item.Data)
	return item, true
}
