package xarios

import (
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

const (
	grantsBucket    = "xarios.grants"
	customersBucket = "xarios.customers"
)

// grant is a reseller's OAuth client with its reusable refresh token; the
// client secret is the account's password.
type grant struct {
	ClientID     string
	RefreshToken string
	Login        string
}

// customer is a customer tenant with its users and PBX connection, stored
// as one object.
type customer struct {
	ID             string
	Reseller       string // account handle
	Name           string
	Description    string
	Reference      string
	CountryCode    string
	Timezone       string
	ProductType    string
	Notes          string
	InternalSystem bool
	TrialDuration  int
	Enabled        bool
	Agent, Device  int
	Created        time.Time
	Terminated     time.Time
	Users          []*user
	PBXs           []*pbx
}

type user struct {
	ID          string
	DisplayName string
	Email       string
	Roles       []string
}

type pbx struct {
	ID                 string
	Type               string
	Name               string
	TemplateID         string
	CountryCode        string
	Enabled            bool
	MonitorSubAccounts bool
	HostRest           string
	HostWebsocket      string
	AccountID          string
	APIKey             string
	LicenseKey         string
	Username           string
}

type state struct {
	grants    map[string]grant // by client ID
	access    map[string]accessToken
	customers map[string]*customer
}

type accessToken struct {
	login   string
	expires time.Time
}

func newState() state {
	return state{grants: map[string]grant{}, access: map[string]accessToken{}, customers: map[string]*customer{}}
}

func (e *Emulator) saveGrant(tx *platform.Tx, g grant) {
	e.grants[g.ClientID] = g
	tx.Put(grantsBucket, g.ClientID, g)
}

func (e *Emulator) saveCustomer(tx *platform.Tx, c *customer) {
	e.customers[c.ID] = c
	tx.Put(customersBucket, c.ID, c)
}

func (e *Emulator) dropCustomer(tx *platform.Tx, c *customer) {
	delete(e.customers, c.ID)
	tx.Delete(customersBucket, c.ID)
}

// Load reads the grants and customers back from the store.
func (e *Emulator) Load() error {
	if err := platform.Load(e.world, grantsBucket, func(_ string, g grant) error {
		e.grants[g.ClientID] = g
		return nil
	}); err != nil {
		return err
	}
	return platform.Load(e.world, customersBucket, func(_ string, c customer) error {
		e.customers[c.ID] = &c
		return nil
	})
}
