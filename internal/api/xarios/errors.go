package xarios

import (
	"errors"
	"fmt"
	"net/http"
)

// APIError is an error answer of the API.
type APIError struct {
	Status  int
	Message string
	Op      string
}

func (e *APIError) Error() string { return fmt.Sprintf("xarios %s: %d %s", e.Op, e.Status, e.Message) }

// RequestError is a call that got no complete answer.
type RequestError struct {
	Op   string
	Sent bool
	Err  error
}

func (e *RequestError) Error() string {
	if e.Sent {
		return fmt.Sprintf("xarios %s: no answer, the request may have been carried out: %v", e.Op, e.Err)
	}
	return fmt.Sprintf("xarios %s: %v", e.Op, e.Err)
}

func (e *RequestError) Unwrap() error { return e.Err }

// TokenError is a refusal of the OAuth2 server.
type TokenError struct {
	Code, Description string
}

func (e *TokenError) Error() string {
	switch e.Code {
	case "invalid_grant":
		return "xarios: the refresh token was revoked or has expired: get a new one through the authorization flow (scope openid offline_access onboarding)"
	case "invalid_client":
		return "xarios: the client_id or client_secret is wrong"
	}
	if e.Description != "" {
		return fmt.Sprintf("xarios: the token request was refused: %s (%s)", e.Code, e.Description)
	}
	return fmt.Sprintf("xarios: the token request was refused: %s", e.Code)
}

func status(err error) int {
	apiErr, ok := errors.AsType[*APIError](err)
	if !ok {
		return 0
	}
	return apiErr.Status
}

// IsNotFound reports a 404.
func IsNotFound(err error) bool { return status(err) == http.StatusNotFound }

// IsConflict reports a 409: an object that already exists.
func IsConflict(err error) bool { return status(err) == http.StatusConflict }

// IsAmbiguous reports a request that was sent but got no answer: it may
// have been carried out.
func IsAmbiguous(err error) bool {
	reqErr, ok := errors.AsType[*RequestError](err)
	return ok && reqErr.Sent
}
