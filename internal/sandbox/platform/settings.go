package platform

import (
	"encoding/json"
	"errors"
)

// Settings are the sandbox's adjustable delays, in seconds of sandbox time,
// and the outcome of the certificate validations that cannot really run.
//
// In JSON the two certificate switches are CertHttpValidation and
// CertEmailValidation, true when validation passes. In Go they are stated
// the other way round so that the zero value, passing, is the default.
type Settings struct {
	// DomainPendingSeconds is how long a domain registration stays pending.
	DomainPendingSeconds float64
	// DnssecPendingSeconds is how long a DNSSEC change stays in progress.
	DnssecPendingSeconds float64
	// HostingPendingSeconds is how long a new hosting pack is being set up.
	HostingPendingSeconds float64
	// LicenseKeySeconds is how long after its order an ispmanager licence
	// gets its key.
	LicenseKeySeconds float64
	// CertHttpValidationFails makes the HTTP validation of certificates fail.
	CertHttpValidationFails bool
	// CertEmailValidationFails makes the e-mail validation of certificates
	// fail.
	CertEmailValidationFails bool
}

// Validate refuses negative delays.
func (s Settings) Validate() error {
	if s.DomainPendingSeconds < 0 || s.DnssecPendingSeconds < 0 || s.HostingPendingSeconds < 0 || s.LicenseKeySeconds < 0 {
		return errors.New("settings: delays cannot be negative")
	}
	return nil
}

// SettingsChange is the JSON form of Settings in which every field is
// optional: the body of a partial update, or a stored copy written before
// a setting existed.
type SettingsChange struct {
	DomainPendingSeconds  *float64
	DnssecPendingSeconds  *float64
	HostingPendingSeconds *float64
	LicenseKeySeconds     *float64
	CertHttpValidation    *bool
	CertEmailValidation   *bool
}

// Apply returns s with the fields given in ch.
func (ch SettingsChange) Apply(s Settings) Settings {
	set := func(to *float64, from *float64) {
		if from != nil {
			*to = *from
		}
	}
	set(&s.DomainPendingSeconds, ch.DomainPendingSeconds)
	set(&s.DnssecPendingSeconds, ch.DnssecPendingSeconds)
	set(&s.HostingPendingSeconds, ch.HostingPendingSeconds)
	set(&s.LicenseKeySeconds, ch.LicenseKeySeconds)
	if ch.CertHttpValidation != nil {
		s.CertHttpValidationFails = !*ch.CertHttpValidation
	}
	if ch.CertEmailValidation != nil {
		s.CertEmailValidationFails = !*ch.CertEmailValidation
	}
	return s
}

// MarshalJSON writes every setting, the certificate switches as
// CertHttpValidation and CertEmailValidation.
func (s Settings) MarshalJSON() ([]byte, error) {
	httpOn, emailOn := !s.CertHttpValidationFails, !s.CertEmailValidationFails
	return json.Marshal(SettingsChange{
		DomainPendingSeconds: &s.DomainPendingSeconds, DnssecPendingSeconds: &s.DnssecPendingSeconds,
		HostingPendingSeconds: &s.HostingPendingSeconds, LicenseKeySeconds: &s.LicenseKeySeconds,
		CertHttpValidation: &httpOn, CertEmailValidation: &emailOn,
	})
}

// UnmarshalJSON sets the fields present in b and keeps the others.
func (s *Settings) UnmarshalJSON(b []byte) error {
	var ch SettingsChange
	if err := json.Unmarshal(b, &ch); err != nil {
		return err
	}
	*s = ch.Apply(*s)
	return nil
}
