package namebay

import (
	"fmt"
	"net/http"
)

// apiError is an error answer: an HTTP status and Namebay's error list.
type apiError struct {
	status int
	code   int
	detail string
	field  string
}

func (e *apiError) Error() string { return fmt.Sprintf("%d/%d: %s", e.status, e.code, e.detail) }

func (e *apiError) wire() []wireError {
	var data any
	if e.field != "" {
		data = fieldData{Field: e.field}
	}
	return []wireError{{Code: e.code, Detail: e.detail, Data: data}}
}

func newError(status, code int, field, format string, args ...any) *apiError {
	return &apiError{status: status, code: code, field: field, detail: fmt.Sprintf(format, args...)}
}

// The errors of the contract, by meaning.

func errMalformed(format string, args ...any) *apiError {
	return newError(http.StatusBadRequest, 400, "", format, args...)
}

func errUnauthorized() *apiError {
	return newError(http.StatusUnauthorized, 401, "", "Authorization has been denied for this request.")
}

func errForbidden(format string, args ...any) *apiError {
	return newError(http.StatusForbidden, 712, "", format, args...)
}

func errNotFound(field, format string, args ...any) *apiError {
	return newError(http.StatusNotFound, 510, field, format, args...)
}

func errExists(format string, args ...any) *apiError {
	return newError(http.StatusConflict, 525, "", format, args...)
}

func errStatus(format string, args ...any) *apiError {
	return newError(http.StatusConflict, 570, "", format, args...)
}

func errInvalid(field, format string, args ...any) *apiError {
	return newError(http.StatusUnprocessableEntity, 530, field, format, args...)
}

func errPolicy(field, format string, args ...any) *apiError {
	return newError(http.StatusUnprocessableEntity, 550, field, format, args...)
}

func errDuplicate(format string, args ...any) *apiError {
	return newError(http.StatusUnprocessableEntity, 551, "", format, args...)
}

// errTld refuses an operation the TLD (or, for hosting, the platform) does
// not allow.
func errTld(field, format string, args ...any) *apiError {
	return newError(http.StatusUnprocessableEntity, 572, field, format, args...)
}

func errZoneExists(format string, args ...any) *apiError {
	return newError(http.StatusConflict, 707, "", format, args...)
}

func errNotNamebayNs(format string, args ...any) *apiError {
	return newError(http.StatusConflict, 714, "", format, args...)
}

func errQuota(format string, args ...any) *apiError {
	return newError(http.StatusConflict, 513, "", format, args...)
}

// errTooEarly refuses a renewal asked for too long before the expiry date.
func errTooEarly(format string, args ...any) *apiError {
	return newError(http.StatusUnprocessableEntity, 726, "", format, args...)
}
