package platform

import (
	"encoding/json"
	"testing"
)

func TestSettingsJSON(t *testing.T) {
	t.Parallel()
	raw, err := json.Marshal(Settings{DomainPendingSeconds: 2})
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"DomainPendingSeconds":2,"DnssecPendingSeconds":0,"HostingPendingSeconds":0,"LicenseKeySeconds":0,"CertHttpValidation":true,"CertEmailValidation":true}`
	if string(raw) != want {
		t.Fatalf("zero switches written as %s, want %s", raw, want)
	}

	// Decoding changes the fields present only: a store written before a
	// setting existed keeps its value.
	s := Settings{DomainPendingSeconds: 2, HostingPendingSeconds: 4, CertEmailValidationFails: true}
	if err := json.Unmarshal([]byte(`{"DnssecPendingSeconds":3,"CertHttpValidation":false}`), &s); err != nil {
		t.Fatal(err)
	}
	if s != (Settings{DomainPendingSeconds: 2, DnssecPendingSeconds: 3, HostingPendingSeconds: 4, CertHttpValidationFails: true, CertEmailValidationFails: true}) {
		t.Fatalf("decoded %+v", s)
	}
	if err := json.Unmarshal([]byte(`{"CertEmailValidation":true}`), &s); err != nil || s.CertEmailValidationFails || !s.CertHttpValidationFails {
		t.Fatalf("decoded %+v, %v", s, err)
	}
	if err := json.Unmarshal([]byte(`{"CertEmailValidation":"yes"}`), &s); err == nil {
		t.Fatal("a switch that is not a boolean was accepted")
	}
}
