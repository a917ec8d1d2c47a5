package platform

import "errors"

// Settings are the sandbox's adjustable delays, in seconds of sandbox time.
type Settings struct {
	// DomainPendingSeconds is how long a domain registration stays pending.
	DomainPendingSeconds float64
	// DnssecPendingSeconds is how long a DNSSEC change stays in progress.
	DnssecPendingSeconds float64
	// HostingPendingSeconds is how long a new hosting pack is being set up.
	HostingPendingSeconds float64
}

// Validate refuses negative delays.
func (s Settings) Validate() error {
	if s.DomainPendingSeconds < 0 || s.DnssecPendingSeconds < 0 || s.HostingPendingSeconds < 0 {
		return errors.New("settings: delays cannot be negative")
	}
	return nil
}
