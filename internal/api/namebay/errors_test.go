package namebay

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
)

func TestAPIErrorFromAnswers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		status    int
		body      string
		wantText  string
		notFound  bool
		codes     []int
		wantField string
	}{
		{
			name:     "object does not exist",
			status:   404,
			body:     `[{"Code":510,"Detail":"Object does not exist","Data":null}]`,
			wantText: "namebay: GET api/Contact/CT-9: 404 code 510: Object does not exist",
			notFound: true,
			codes:    []int{510},
		},
		{
			name:     "510 under another status",
			status:   400,
			body:     `[{"Code":510,"Detail":"nameserver not registered"}]`,
			wantText: "namebay: GET api/Contact/CT-9: 400 code 510: nameserver not registered",
			notFound: true,
			codes:    []int{510},
		},
		{
			name:     "bare 404 from a proxy",
			status:   404,
			body:     `<html>not here</html>`,
			wantText: "namebay: GET api/Contact/CT-9: 404 Not Found",
			notFound: true,
		},
		{
			name:     "status forbids",
			status:   409,
			body:     `[{"Code":570,"Detail":"the administrative contact cannot be changed"}]`,
			wantText: "namebay: GET api/Contact/CT-9: 409 code 570: the administrative contact cannot be changed",
			codes:    []int{570},
		},
		{
			name:      "invalid value names its field",
			status:    422,
			body:      `[{"Code":530,"Detail":"Invalid attribute value","Data":{"Field":"Cc"}},{"Code":551,"Detail":"Duplicate values","Data":{"Field":"Host"}}]`,
			wantText:  "namebay: GET api/Contact/CT-9: 422 code 530: Invalid attribute value; code 551: Duplicate values",
			codes:     []int{530, 551},
			wantField: "Cc",
		},
		{
			name:     "single object",
			status:   403,
			body:     `{"Code":712,"Detail":"permission denied","Data":"not an object"}`,
			wantText: "namebay: GET api/Contact/CT-9: 403 code 712: permission denied",
			codes:    []int{712},
		},
		{
			name:     "ASP.NET message",
			status:   405,
			body:     `{"Message":"The requested resource does not support http method 'GET'."}`,
			wantText: "namebay: GET api/Contact/CT-9: 405 code 405: The requested resource does not support http method 'GET'.",
			codes:    []int{405},
		},
		{
			name:     "empty body",
			status:   503,
			wantText: "namebay: GET api/Contact/CT-9: 503 Service Unavailable",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeAPI(t)
			f.answer("GET /api/Contact/{h}", tt.status, tt.body)
			_, err := f.client().GetContact(t.Context(), "", "CT-9")

			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v (%T), want an *APIError", err, err)
			}
			if apiErr.StatusCode != tt.status || apiErr.Method != "GET" || apiErr.Path != "api/Contact/CT-9" {
				t.Errorf("APIError = %d %s %s", apiErr.StatusCode, apiErr.Method, apiErr.Path)
			}
			if got := err.Error(); got != tt.wantText {
				t.Errorf("Error() = %q\nwant       %q", got, tt.wantText)
			}
			if got := IsNotFound(err); got != tt.notFound {
				t.Errorf("IsNotFound = %v, want %v", got, tt.notFound)
			}
			for _, code := range tt.codes {
				if !HasCode(err, code) {
					t.Errorf("HasCode(%d) = false", code)
				}
			}
			if HasCode(err, 999) {
				t.Error("HasCode(999) = true")
			}
			if got := apiErr.Field(); got != tt.wantField {
				t.Errorf("Field() = %q, want %q", got, tt.wantField)
			}
			if IsAmbiguous(err) {
				t.Error("an answer is never ambiguous")
			}
		})
	}
}

func TestAdminContactChangeError(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	f.answer("PUT /api/Domain/{h}/Contact", http.StatusConflict, `[{"Code":570,"Detail":"the administrative contact cannot be changed","Data":{}}]`)
	_, err := f.client().SetDomainContacts(t.Context(), "", "DM-1", []DomainContact{{Handle: "CT-2", Type: ContactAdmin}})
	const want = "namebay: PUT api/Domain/DM-1/Contact: 409 code 570: the administrative contact cannot be changed"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
	if !HasCode(err, CodeStatus) || IsNotFound(err) {
		t.Errorf("HasCode(570) = %v, IsNotFound = %v", HasCode(err, CodeStatus), IsNotFound(err))
	}
}

func TestHelpersOnOtherErrors(t *testing.T) {
	t.Parallel()
	plain := errors.New("boom")
	wrapped := fmt.Errorf("reading: %w", &APIError{StatusCode: 404})
	if IsNotFound(nil) || IsNotFound(plain) || HasCode(plain, 510) || IsAmbiguous(nil) || IsAmbiguous(plain) {
		t.Error("a helper matched an error that is not the API's")
	}
	if !IsNotFound(wrapped) {
		t.Error("IsNotFound does not see through wrapping")
	}
	if IsAmbiguous(&RequestError{Method: "POST", Path: "api/Domain", Err: plain}) {
		t.Error("a request that was not sent is not ambiguous")
	}
	if !IsAmbiguous(fmt.Errorf("ordering: %w", &RequestError{Method: "POST", Path: "api/Domain", Sent: true, Err: plain})) {
		t.Error("IsAmbiguous does not see through wrapping")
	}
}
