package zohomail

import (
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

const (
	clientsBucket = "zoho.clients"
	refreshBucket = "zoho.refresh"
	orgsBucket    = "zoho.orgs"
	orgSeq        = "zoho.org"
	profileSeq    = "zoho.profile"
)

// firstZOID is added to the sequence, so ZOIDs look like Zoho's.
const firstZOID = 76006400

// client is a partner's OAuth client; its secret is the account password.
type client struct {
	ID    string
	Login string
}

// refreshToken is a grant of a partner, with its scopes.
type refreshToken struct {
	Token   string
	Login   string
	Scopes  []string
	Revoked bool
	Created time.Time
}

// org is a partner's child organisation.
type org struct {
	ZOID          int64
	ZAID          string
	Partner       string // handle of the partner account
	OrgName       string
	Domain        string
	SuperAdmin    string
	FirstName     string
	LastName      string
	Created       time.Time
	Verified      bool
	CNAMECode     string
	HTMLCode      string
	VerifiedAt    time.Time
	OtherDomains  []string
	Mailboxes     []string // e-mail addresses, the super admin's first
	Trial         string   // planName of the running trial, "" without one
	TrialEnds     time.Time
	TrialUsed     bool
	TrialExtended bool
	Sub           *subscription
}

// subscription is an org's paid plan in the store.
type subscription struct {
	PlanID    int64
	Licences  int
	PayPeriod string // MONT or YEAR
	ProfileID string
	Renews    time.Time
}

// state is everything the emulator keeps, under the world lock.
type state struct {
	clients  map[string]client // by ID
	refresh  map[string]*refreshToken
	access   map[string]accessToken // in memory: a restart logs everyone out
	minted   map[string][]time.Time // per refresh token, sandbox times of the mints
	total    map[string]int         // per refresh token, access tokens minted since start
	orgs     map[int64]*org
	byDomain map[string]*org
}

type accessToken struct {
	refresh string
	login   string
	expires time.Time
}

func newState() state {
	return state{
		clients: map[string]client{}, refresh: map[string]*refreshToken{}, access: map[string]accessToken{},
		minted: map[string][]time.Time{}, total: map[string]int{}, orgs: map[int64]*org{}, byDomain: map[string]*org{},
	}
}

func (e *Emulator) saveClient(tx *platform.Tx, c client) {
	e.clients[c.ID] = c
	tx.Put(clientsBucket, c.ID, c)
}

func (e *Emulator) saveRefresh(tx *platform.Tx, r *refreshToken) {
	e.refresh[r.Token] = r
	tx.Put(refreshBucket, r.Token, r)
}

func (e *Emulator) saveOrg(tx *platform.Tx, o *org) {
	e.orgs[o.ZOID] = o
	e.byDomain[o.Domain] = o
	for _, d := range o.OtherDomains {
		e.byDomain[d] = o
	}
	tx.Put(orgsBucket, platform.Key(o.ZOID), o)
}

// Load reads the clients, refresh tokens and orgs back from the store.
func (e *Emulator) Load() error {
	if err := platform.Load(e.world, clientsBucket, func(_ string, c client) error {
		e.clients[c.ID] = c
		return nil
	}); err != nil {
		return err
	}
	if err := platform.Load(e.world, refreshBucket, func(_ string, r refreshToken) error {
		e.refresh[r.Token] = &r
		return nil
	}); err != nil {
		return err
	}
	return platform.Load(e.world, orgsBucket, func(_ string, o org) error {
		e.orgs[o.ZOID] = &o
		e.byDomain[o.Domain] = &o
		for _, d := range o.OtherDomains {
			e.byDomain[d] = &o
		}
		return nil
	})
}

// firstRefresh is the oldest live refresh token of login.
func (e *Emulator) firstRefresh(login string) *refreshToken {
	var first *refreshToken
	for _, r := range e.refresh {
		if r.Login == login && !r.Revoked && (first == nil || r.Created.Before(first.Created) || (r.Created.Equal(first.Created) && r.Token < first.Token)) {
			first = r
		}
	}
	return first
}

// emailTaken reports whether an address is already a Zoho user.
func (e *Emulator) emailTaken(addr string) bool {
	if addr == takenEmail {
		return true
	}
	for _, o := range e.orgs {
		for _, m := range o.Mailboxes {
			if m == addr {
				return true
			}
		}
	}
	return false
}
