package namebay

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestNewValidatesConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, endpoint, user, password, wantErr string
	}{
		{"no scheme", "rest.namebay.com", "u", "p", "not an http(s) URL"},
		{"other scheme", "ftp://rest.namebay.com", "u", "p", "not an http(s) URL"},
		{"query", "https://rest.namebay.com?x=1", "u", "p", "not an http(s) URL"},
		{"no host", "https://", "u", "p", "not an http(s) URL"},
		{"no username", "https://rest.namebay.com", "", "p", "username"},
		{"no password", "https://rest.namebay.com", "u", "", "password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := New(Config{Endpoint: tt.endpoint, Username: tt.user, Password: tt.password})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want it to mention %q", err, tt.wantErr)
			}
		})
	}
}

func TestEndpointAndHandleEscaping(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	var handles []string
	f.handle("GET /api/Zone/{h}", func(w http.ResponseWriter, r *http.Request) {
		handles = append(handles, r.PathValue("h"))
		writeJSON(w, http.StatusOK, zoneSample)
	})
	// A trailing slash on the endpoint is harmless.
	c := newTestClient(t, f.srv.URL+prefix+"/")
	for _, h := range []string{"ZN-000001", "ZN/1?x"} {
		if _, err := c.GetZone(t.Context(), "", h); err != nil {
			t.Fatalf("GetZone(%q): %v", h, err)
		}
	}
	if want := []string{"ZN-000001", "ZN/1?x"}; !reflect.DeepEqual(handles, want) {
		t.Errorf("handles seen = %q, want %q: one path segment each", handles, want)
	}
}
