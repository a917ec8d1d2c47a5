package ispmanager

import (
	"errors"
	"fmt"
	"strings"
)

// APIError is an error document BILLmanager answered, or an HTTP error
// status without one.
type APIError struct {
	Func string
	// Status is the HTTP status (200 for most BILLmanager errors).
	Status int
	// Type is the error's type: auth, access, missed, value, exists,
	// balance, status...
	Type string
	// Object is the field or object the error is about (ip, pricelist, elid...).
	Object string
	// Value is the refused value, when BILLmanager gives it.
	Value   string
	Message string
}

func (e *APIError) Error() string {
	about := e.Type
	if e.Object != "" {
		about += " of " + e.Object
	}
	msg := e.Message
	if msg == "" {
		msg = "no message"
	}
	if e.Status != 200 && e.Status != 0 {
		return fmt.Sprintf("ispmanager %s: HTTP %d, %s: %s", e.Func, e.Status, about, msg)
	}
	return fmt.Sprintf("ispmanager %s: %s: %s", e.Func, about, msg)
}

func apiError(fn string, status int, n node) *APIError {
	e := &APIError{Func: fn, Status: status, Type: n.attr("type"), Object: n.attr("object"), Message: n.text("msg")}
	if e.Message == "" {
		e.Message = n.own()
	}
	for _, p := range n.children("param") {
		switch p.attr("name") {
		case "value":
			e.Value = p.own()
		case "object":
			if e.Object == "" {
				e.Object = p.own()
			}
		}
	}
	return e
}

// RequestError is a call that got no complete answer.
type RequestError struct {
	Func string
	// Sent is true when the request reached the server, which may have
	// carried it out before the answer was lost.
	Sent bool
	Err  error
}

func (e *RequestError) Error() string {
	if e.Sent {
		return fmt.Sprintf("ispmanager %s: no answer, the call may have been carried out: %v", e.Func, e.Err)
	}
	return fmt.Sprintf("ispmanager %s: %v", e.Func, e.Err)
}

func (e *RequestError) Unwrap() error { return e.Err }

// IsNotFound reports whether err says the licence does not exist in this
// account (BILLmanager's "missed").
func IsNotFound(err error) bool { return HasType(err, "missed") }

// HasType reports whether err is an APIError of type typ.
func HasType(err error, typ string) bool {
	apiErr, ok := errors.AsType[*APIError](err)
	return ok && strings.EqualFold(apiErr.Type, typ)
}

// IsAmbiguous reports whether err leaves unknown if the call was carried
// out: it was sent, and no complete answer came back.
func IsAmbiguous(err error) bool {
	reqErr, ok := errors.AsType[*RequestError](err)
	return ok && reqErr.Sent
}
