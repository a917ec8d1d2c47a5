package namebay_test

import (
	"net/http"
	"testing"
)

func TestAuthentication(t *testing.T) {
	t.Parallel()
	e := start(t)
	anonymous := &client{e: e, auth: func(*http.Request) {}}
	anonymous.do("GET", "Tld", nil).wantError(http.StatusUnauthorized, 401, "")

	wrong := &client{e: e, auth: func(r *http.Request) { r.SetBasicAuth("reseller", "not-the-password") }}
	wrong.do("GET", "Tld", nil).wantError(http.StatusUnauthorized, 401, "")

	e.reseller().do("GET", "Tld", nil).want(http.StatusOK)

	anonymous.do("POST", "Token", map[string]string{"Login": "reseller", "Password": "nope"}).wantError(http.StatusUnauthorized, 401, "")
	anonymous.do("POST", "Token", "{").wantError(http.StatusBadRequest, 400, "")
	var tok struct {
		AccessToken string `json:"access_token"`
		TokenType   string `json:"token_type"`
		ExpiresIn   int    `json:"expires_in"`
	}
	anonymous.do("POST", "Token", map[string]string{"Login": "reseller", "Password": e.password}).want(http.StatusOK).decode(&tok)
	if tok.AccessToken == "" || tok.TokenType != "bearer" || tok.ExpiresIn != 3600 {
		t.Fatalf("token answer %+v", tok)
	}
	bearer := &client{e: e, auth: func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+tok.AccessToken) }}
	bearer.do("GET", "Tld", nil).want(http.StatusOK)
	forged := &client{e: e, auth: func(r *http.Request) { r.Header.Set("Authorization", "Bearer x"+tok.AccessToken) }}
	forged.do("GET", "Tld", nil).wantError(http.StatusUnauthorized, 401, "")
}

func TestUnknownRouteAnswersNamebayError(t *testing.T) {
	t.Parallel()
	e := start(t)
	e.reseller().do("GET", "Nothing/Here", nil).wantError(http.StatusNotFound, 404, "")
}
