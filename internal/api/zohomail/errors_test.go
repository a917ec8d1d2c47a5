package zohomail

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
)

func TestAPIErrorFromAnswers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		status     int
		body       string
		wantText   string
		wantCode   int
		errorCode  string
		notFound   bool
		wantStatus int
	}{
		{
			name:     "moreInfo and errorCode with HTTP 400",
			status:   400,
			body:     `{"status":{"code":400,"description":"Bad Request"},"data":{"errorCode":"DOMAIN_ALREADY_VERIFIED","moreInfo":"Domain already verified"}}`,
			wantText: "zoho mail GET api/organization/7: 400 DOMAIN_ALREADY_VERIFIED: Domain already verified",
			wantCode: 400, errorCode: "DOMAIN_ALREADY_VERIFIED",
		},
		{
			name:     "moreInfo and errorCode with HTTP 200",
			status:   200,
			body:     `{"status":{"code":400,"description":"Bad Request"},"data":{"errorCode":"EXTRA_ERROR","moreInfo":"Something is off"}}`,
			wantText: "zoho mail GET api/organization/7: 400 EXTRA_ERROR: Something is off",
			wantCode: 400, errorCode: "EXTRA_ERROR",
		},
		{
			name:     "code under data.error",
			status:   400,
			body:     `{"status":{"code":400,"description":"Bad Request"},"data":{"error":"OPERATION_NOT_PERMITTED","moreInfo":"Not allowed"}}`,
			wantText: "zoho mail GET api/organization/7: 400 OPERATION_NOT_PERMITTED: Not allowed",
			wantCode: 400, errorCode: "OPERATION_NOT_PERMITTED",
		},
		{
			name:     "404 with HTTP 200",
			status:   200,
			body:     `{"status":{"code":404,"description":"Not Found"},"data":{"moreInfo":"Organization not found"}}`,
			wantText: "zoho mail GET api/organization/7: 404 Not Found: Organization not found",
			wantCode: 404, notFound: true,
		},
		{
			name:     "description only",
			status:   500,
			body:     `{"status":{"code":500,"description":"Internal Error"}}`,
			wantText: "zoho mail GET api/organization/7: 500 Internal Server Error: Internal Error",
			wantCode: 500,
		},
		{
			name:     "bare 404 from a proxy",
			status:   404,
			body:     `<html>not here</html>`,
			wantText: "zoho mail GET api/organization/7: 404 Not Found",
			wantCode: 404, notFound: true,
		},
		{
			name:     "data is a list",
			status:   400,
			body:     `{"status":{"code":400,"description":"Bad Request"},"data":[{"moreInfo":"x"}]}`,
			wantText: "zoho mail GET api/organization/7: 400 Bad Request",
			wantCode: 400,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.answer("GET /mail/api/organization/{zoid}", tt.status, tt.body)
			_, err := f.client().Org(t.Context(), "7")
			apiErr, ok := errors.AsType[*APIError](err)
			if !ok {
				t.Fatalf("err = %v, want an APIError", err)
			}
			if err.Error() != tt.wantText {
				t.Errorf("Error() = %q\nwant       %q", err, tt.wantText)
			}
			if apiErr.Status != tt.status || apiErr.Code != tt.wantCode || apiErr.Service != "mail" || apiErr.Op != "GET api/organization/7" {
				t.Errorf("err = %+v", apiErr)
			}
			if IsNotFound(err) != tt.notFound {
				t.Errorf("IsNotFound = %v, want %v", IsNotFound(err), tt.notFound)
			}
			if tt.errorCode != "" && !HasErrorCode(err, tt.errorCode) {
				t.Errorf("HasErrorCode(%q) = false", tt.errorCode)
			}
			if HasErrorCode(err, "SOMETHING_ELSE") || HasErrorCode(err, "") {
				t.Error("HasErrorCode is true for another code")
			}
			if IsAmbiguous(err) {
				t.Error("an answer is not ambiguous")
			}
		})
	}
}

func TestSuccessWithoutStatusIsAnError(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("GET /mail/api/organization/{zoid}", http.StatusOK, `{"zoid":7}`)
	if _, err := f.client().Org(t.Context(), "7"); err == nil {
		t.Error("an answer without an envelope was accepted")
	}
}

func TestErrorHelpersOnOtherErrors(t *testing.T) {
	t.Parallel()
	wrapped := fmt.Errorf("reading: %w", &APIError{Status: 404, Code: 404, ErrorCode: "X"})
	if !IsNotFound(wrapped) || !HasErrorCode(wrapped, "x") {
		t.Error("the helpers do not see through wrapping")
	}
	for _, err := range []error{nil, errors.New("plain"), &StoreError{Op: "GET x", Message: "Customer not found"}} {
		if IsNotFound(err) || IsAmbiguous(err) || HasErrorCode(err, "X") {
			t.Errorf("a helper is true for %v", err)
		}
	}
	sent := &RequestError{Service: "mail", Op: "POST api/organization", Sent: true, Err: errors.New("EOF")}
	if !IsAmbiguous(fmt.Errorf("creating: %w", sent)) {
		t.Error("IsAmbiguous does not see through wrapping")
	}
	if want := "zoho mail POST api/organization: no answer, the request may have been carried out: EOF"; sent.Error() != want {
		t.Errorf("Error() = %q, want %q", sent, want)
	}
}
