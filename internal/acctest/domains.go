package acctest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// Domain is the part of a Namebay domain that tests look at.
type Domain struct {
	Handle            string  `json:"Handle"`
	Name              string  `json:"Name"`
	Status            string  `json:"Status"`
	AutoRenew         bool    `json:"AutoRenew"`
	HasAnonymousWhois bool    `json:"HasAnonymousWhois"`
	UseNamebayDns     bool    `json:"UseNamebayDns"`
	ZoneHandle        *string `json:"ZoneHandle"`
}

// FindDomain looks name up in login's account behind the provider's back.
// It answers nil when that account holds no such domain. Unlike OutOfBand it
// returns its failures, so it fits in check functions.
func (s *Sandbox) FindDomain(login, name string) (*Domain, error) {
	var found []Domain
	status, err := s.TryOutOfBand(login, http.MethodGet, "api/Domain?name="+url.QueryEscape(name), nil, &found)
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK {
		return nil, fmt.Errorf("list domains named %s as %s: HTTP %d", name, login, status)
	}
	for i := range found {
		if found[i].Name == name {
			return &found[i], nil
		}
	}
	return nil, nil
}

// TryOutOfBand calls the Namebay API as login like OutOfBand, but hands back
// the HTTP status instead of failing on an error answer; out is decoded only
// from a 2xx answer.
func (s *Sandbox) TryOutOfBand(login, method, apiPath string, body, out any) (int, error) {
	var reader io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, err
		}
		reader = bytes.NewReader(b)
	}
	target := s.URL + "/_sandbox/as/" + login + "/namebay/" + strings.TrimPrefix(apiPath, "/")
	req, err := http.NewRequest(method, target, reader)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", method, apiPath, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, fmt.Errorf("%s %s: read answer: %w", method, apiPath, err)
	}
	if out != nil && resp.StatusCode < 300 && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			return resp.StatusCode, fmt.Errorf("%s %s: decode %s: %w", method, apiPath, data, err)
		}
	}
	return resp.StatusCode, nil
}

// FaultsFired reads how many times each fault rule has fired, in the order
// the rules were set.
func (s *Sandbox) FaultsFired(t testing.TB) []int {
	t.Helper()
	var set struct {
		Rules []struct {
			Fired int `json:"Fired"`
		} `json:"Rules"`
	}
	s.admin(t, http.MethodGet, "/_sandbox/faults", nil, &set)
	fired := make([]int, len(set.Rules))
	for i, r := range set.Rules {
		fired[i] = r.Fired
	}
	return fired
}

// SetPendingDelays changes how long the sandbox keeps new domains and DNSSEC
// changes pending; zero leaves a delay unchanged.
func (s *Sandbox) SetPendingDelays(t testing.TB, domain, dnssec time.Duration) {
	t.Helper()
	settings := map[string]float64{}
	if domain > 0 {
		settings["DomainPendingSeconds"] = domain.Seconds()
	}
	if dnssec > 0 {
		settings["DnssecPendingSeconds"] = dnssec.Seconds()
	}
	s.admin(t, http.MethodPut, "/_sandbox/settings", settings, nil)
}
