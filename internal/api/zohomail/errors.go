package zohomail

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Zoho error codes the client and the provider react to.
const (
	CodeInvalidOAuthToken     = "INVALID_OAUTHTOKEN"
	CodeInvalidOAuthScope     = "INVALID_OAUTHSCOPE"
	CodeDomainAlreadyVerified = "DOMAIN_ALREADY_VERIFIED"
)

// APIError is a Zoho answer that refuses the request: an HTTP status other
// than 2xx, or a mail envelope whose status.code is not 2xx, which Zoho also
// sends with HTTP 200.
type APIError struct {
	// Service is the Zoho host that answered: "mail", "mailadmin", "store"
	// or "accounts".
	Service string
	// Op is the method and route, e.g. "POST api/organization".
	Op string
	// Status is the HTTP status.
	Status int
	// Code is the envelope's status.code, or the HTTP status without one.
	Code int
	// ErrorCode is data.errorCode (or data.error), e.g. "DOMAIN_ALREADY_VERIFIED".
	ErrorCode string
	// Message is data.moreInfo, or status.description without one.
	Message string

	hint string // what to do about it, when the client knows
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "zoho %s %s: %d", e.Service, e.Op, e.Code)
	label := e.ErrorCode
	if label == "" {
		label = http.StatusText(e.Code)
	}
	if label != "" {
		b.WriteString(" " + label)
	}
	if e.Message != "" && e.Message != label {
		b.WriteString(": " + e.Message)
	}
	if e.hint != "" {
		b.WriteString(": " + e.hint)
	}
	return b.String()
}

// envelope is the mail and mailadmin answer: {"status": {...}, "data": ...}.
type envelope struct {
	Status *struct {
		Code        int    `json:"code"`
		Description string `json:"description"`
	} `json:"status"`
	Data json.RawMessage `json:"data"`
}

// newAPIError builds the APIError of a refusing answer. A body that is not
// an envelope leaves Message and ErrorCode empty.
func newAPIError(r request, a *answer) *APIError {
	e := &APIError{Service: string(r.service), Op: r.op(), Status: a.status, Code: a.status}
	var env envelope
	if json.Unmarshal(a.body, &env) == nil {
		if env.Status != nil {
			e.Code = env.Status.Code
			e.Message = env.Status.Description
		}
		d := errorDataOf(env.Data)
		if d.MoreInfo != "" {
			e.Message = d.MoreInfo
		}
		e.ErrorCode = d.code()
	}
	switch e.ErrorCode {
	case CodeInvalidOAuthScope:
		e.hint = fmt.Sprintf("the refresh token lacks the scope %s: create a new one in the Zoho API console (Self Client) with the scopes %s",
			scopeNeeded(r.scope), requiredScopes)
	case CodeInvalidOAuthToken:
		e.hint = "Zoho refused a freshly minted access token: check that the accounts endpoint and the " +
			string(r.service) + " endpoint belong to the same Zoho data centre"
	}
	return e
}

// scopeNeeded names scope and the .ALL scope of its group, which covers it.
func scopeNeeded(scope string) string {
	if scope == "" {
		return "this route needs"
	}
	for _, op := range []string{".READ", ".CREATE", ".UPDATE"} {
		if group, ok := strings.CutSuffix(scope, op); ok {
			return scope + " (or " + group + ".ALL)"
		}
	}
	return scope
}

// errorData is the data of an error envelope.
type errorData struct {
	MoreInfo  string `json:"moreInfo"`
	ErrorCode string `json:"errorCode"`
	Error     string `json:"error"`
}

// errorDataOf reads what it can of data; a list or another shape yields
// nothing.
func errorDataOf(data json.RawMessage) errorData {
	var d errorData
	_ = json.Unmarshal(data, &d) // fields of the wrong type are left empty
	return d
}

func (d errorData) code() string {
	if d.ErrorCode != "" {
		return d.ErrorCode
	}
	return d.Error
}

// refusesToken reports whether Zoho refused the access token of a request.
func refusesToken(a *answer) bool {
	if a.status == http.StatusUnauthorized {
		return true
	}
	var env envelope
	return json.Unmarshal(a.body, &env) == nil && errorDataOf(env.Data).code() == CodeInvalidOAuthToken
}

// StoreError is a Zoho Store answer with result "failure".
type StoreError struct {
	// Op is the method and route, e.g. "POST restapi/partner/v1/json/subscription".
	Op string
	// Message is the store's ERRORMSG (or ERROR_MSG).
	Message string
}

func (e *StoreError) Error() string {
	return fmt.Sprintf("zoho store %s: %s", e.Op, e.Message)
}

// RequestError is a request that got no complete HTTP answer.
type RequestError struct {
	Service string
	Op      string
	// Sent is true when the request reached the server, which may have
	// carried it out before the connection failed or the time ran out.
	Sent bool
	Err  error
}

func (e *RequestError) Error() string {
	if e.Sent {
		return fmt.Sprintf("zoho %s %s: no answer, the request may have been carried out: %v", e.Service, e.Op, e.Err)
	}
	return fmt.Sprintf("zoho %s %s: %v", e.Service, e.Op, e.Err)
}

func (e *RequestError) Unwrap() error { return e.Err }

// IsNotFound reports whether err says the object does not exist (404), as
// Zoho answers for an org of another partner too.
func IsNotFound(err error) bool {
	apiErr, ok := errors.AsType[*APIError](err)
	return ok && (apiErr.Status == http.StatusNotFound || apiErr.Code == http.StatusNotFound)
}

// IsAmbiguous reports whether err leaves unknown if Zoho carried out the
// request: it was sent but no complete answer came back (connection closed
// or reset, time-out). After an ambiguous create, look the org up by its
// domain before creating it again.
func IsAmbiguous(err error) bool {
	reqErr, ok := errors.AsType[*RequestError](err)
	return ok && reqErr.Sent
}

// HasErrorCode reports whether err is an APIError with the Zoho error code
// code, e.g. CodeDomainAlreadyVerified.
func HasErrorCode(err error, code string) bool {
	apiErr, ok := errors.AsType[*APIError](err)
	return ok && code != "" && strings.EqualFold(apiErr.ErrorCode, code)
}
