package acctest

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
)

// Contact is a Namebay contact as the API answers it; PUT it back to edit
// the contact out of band.
type Contact struct {
	Handle       string `json:"Handle"`
	FirstName    string `json:"FirstName"`
	LastName     string `json:"LastName"`
	OrgName      string `json:"OrgName"`
	Address      string `json:"Address"`
	City         string `json:"City"`
	Pc           string `json:"Pc"`
	Cc           string `json:"Cc"`
	MailAddress  string `json:"MailAddress"`
	Phone        string `json:"Phone"`
	IsIndividual bool   `json:"IsIndividual"`
	Account      string `json:"Account"`
}

// FindContact reads the contact handle as login behind the provider's back.
// It answers nil when login sees no such contact. Unlike OutOfBand it returns
// its failures, so it fits in check functions.
func (s *Sandbox) FindContact(login, handle string) (*Contact, error) {
	var c Contact
	status, err := s.TryOutOfBand(login, http.MethodGet, "api/Contact/"+url.PathEscape(handle), nil, &c)
	switch {
	case err != nil:
		return nil, err
	case status == http.StatusNotFound:
		return nil, nil
	case status != http.StatusOK:
		return nil, fmt.Errorf("read contact %s as %s: HTTP %d", handle, login, status)
	}
	return &c, nil
}

// EditContact changes the contact handle out of band: it reads the contact as
// login, lets edit change it and writes the whole contact back.
func (s *Sandbox) EditContact(t testing.TB, login, handle string, edit func(*Contact)) {
	t.Helper()
	var c Contact
	s.OutOfBand(t, login, http.MethodGet, "api/Contact/"+url.PathEscape(handle), nil, &c)
	edit(&c)
	s.OutOfBand(t, login, http.MethodPut, "api/Contact/"+url.PathEscape(handle), c, nil)
}

// CreateContact creates a valid contact in login's account out of band and
// returns its handle.
func (s *Sandbox) CreateContact(t testing.TB, login string) string {
	t.Helper()
	c := Contact{
		FirstName: "Jeanne", LastName: "Durand", Address: "3 place Bellecour", City: "Lyon",
		Pc: "69002", Cc: "FR", MailAddress: "jeanne.durand@example.org", IsIndividual: true,
	}
	s.OutOfBand(t, login, http.MethodPost, "api/Contact", c, &c)
	if c.Handle == "" {
		t.Fatalf("create contact as %s: the answer has no Handle", login)
	}
	return c.Handle
}
