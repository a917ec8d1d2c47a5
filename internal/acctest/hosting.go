package acctest

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"
)

// Hosting is the part of a Namebay hosting pack that tests look at.
type Hosting struct {
	Handle        string  `json:"Handle"`
	Domain        string  `json:"Domain"`
	ProductId     string  `json:"ProductId"` //nolint:revive // the API's field name
	Status        string  `json:"Status"`
	Expires       string  `json:"Expires"`
	AutoRenew     bool    `json:"AutoRenew"`
	HasStats      bool    `json:"HasStats"`
	FrameWork     PHP     `json:"FrameWork"`
	FtpUserCount  int     `json:"FtpUserCount"`
	DatabaseCount int     `json:"DatabaseCount"`
	AliasCount    int     `json:"AliasCount"`
	DiskUsedMb    float64 `json:"DiskUsedMb"`
}

// PHP is a pack's FrameWork.
type PHP struct {
	Type    string `json:"Type"`
	Version string `json:"Version"`
}

// FtpUser is an FTP user of a pack as the API answers it.
type FtpUser struct {
	Id          int64  `json:"Id"` //nolint:revive // the API's field name
	UserName    string `json:"UserName"`
	FullName    string `json:"FullName"`
	Description string `json:"Description"`
	Dir         string `json:"Dir"`
}

// Database is a database of a pack as the API answers it.
type Database struct {
	Name    string `json:"Name"`
	User    string `json:"User"`
	Type    string `json:"Type"`
	MaxSize int64  `json:"MaxSize"`
}

// FindHosting looks up the pack of domain in login's account behind the
// provider's back; nil when there is none.
func (s *Sandbox) FindHosting(login, domain string) (*Hosting, error) {
	var found []Hosting
	status, err := s.TryOutOfBand(login, http.MethodGet, "api/Hosting?domain="+url.QueryEscape(domain), nil, &found)
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK {
		return nil, fmt.Errorf("list the hosting packs of %s as %s: HTTP %d", domain, login, status)
	}
	for i := range found {
		if found[i].Domain == domain {
			return &found[i], nil
		}
	}
	return nil, nil
}

// FtpUsers lists the FTP users of the pack with handle, behind the provider's back.
func (s *Sandbox) FtpUsers(login, handle string) ([]FtpUser, error) {
	var users []FtpUser
	status, err := s.TryOutOfBand(login, http.MethodGet, "api/Hosting/"+handle+"/User", nil, &users)
	if err == nil && status != http.StatusOK {
		err = fmt.Errorf("list the FTP users of %s as %s: HTTP %d", handle, login, status)
	}
	return users, err
}

// Databases lists the databases of the pack with handle, behind the provider's back.
func (s *Sandbox) Databases(login, handle string) ([]Database, error) {
	var dbs []Database
	status, err := s.TryOutOfBand(login, http.MethodGet, "api/Hosting/"+handle+"/Db", nil, &dbs)
	if err == nil && status != http.StatusOK {
		err = fmt.Errorf("list the databases of %s as %s: HTTP %d", handle, login, status)
	}
	return dbs, err
}

// SetHostingPendingDelay changes how long the sandbox keeps new hosting packs
// pending; zero makes a pack active on the request after its order.
func (s *Sandbox) SetHostingPendingDelay(t testing.TB, delay time.Duration) {
	t.Helper()
	s.admin(t, http.MethodPut, "/_sandbox/settings", map[string]float64{"HostingPendingSeconds": delay.Seconds()}, nil)
}
