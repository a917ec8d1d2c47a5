package ispmanager

import (
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

const (
	licensesBucket = "ispmanager.licenses"
	balancesBucket = "ispmanager.balances"
	trialsBucket   = "ispmanager.trials"
	licenseSeq     = "ispmanager.license"
)

// firstID is added to the sequence, so licence IDs start at 4001.
const firstID = 4000

// license is a stored licence.
type license struct {
	ID          int64
	Account     string // handle of the owning account
	ItemType    string
	Name        string // licname, or a platform licence's comment
	IP          string
	RemoteID    string
	ProductID   int64
	Period      int
	AutoProlong int // months; 0 when off
	Addons      map[int64]int
	Suspended   bool
	Created     time.Time
	Expires     time.Time
	KeyAt       time.Time // the key shows from then on
	Key         string
	IPChanged   time.Time
	KeyChanged  time.Time
}

func (l *license) product() *product { return productByID(l.ProductID) }

func (l *license) status() int {
	if l.Suspended {
		return statusSuspended
	}
	return statusActive
}

const (
	statusActive    = 2
	statusSuspended = 3
)

// state is everything the emulator keeps, under the world lock.
type state struct {
	licenses map[int64]*license
	balances map[string]platform.Money // by account handle
	trials   map[string]bool           // account handle + "|" + IP
}

func newState() state {
	return state{licenses: map[int64]*license{}, balances: map[string]platform.Money{}, trials: map[string]bool{}}
}

func (e *Emulator) saveLicense(tx *platform.Tx, l *license) {
	e.licenses[l.ID] = l
	tx.Put(licensesBucket, platform.Key(l.ID), l)
}

func (e *Emulator) dropLicense(tx *platform.Tx, l *license) {
	delete(e.licenses, l.ID)
	tx.Delete(licensesBucket, platform.Key(l.ID))
}

func (e *Emulator) setBalance(tx *platform.Tx, account string, m platform.Money) {
	e.balances[account] = m
	tx.Put(balancesBucket, account, m)
}

// balance is the account's balance; an account never seen starts with the
// opening balance.
func (e *Emulator) balance(account string) platform.Money {
	if m, ok := e.balances[account]; ok {
		return m
	}
	return openingBalance
}

func (e *Emulator) markTrial(tx *platform.Tx, account, ip string) {
	e.trials[account+"|"+ip] = true
	tx.Put(trialsBucket, account+"|"+ip, true)
}

// Load reads the licences, balances and trials back from the store.
func (e *Emulator) Load() error {
	if err := platform.Load(e.world, licensesBucket, func(_ string, l license) error {
		e.licenses[l.ID] = &l
		return nil
	}); err != nil {
		return err
	}
	if err := platform.Load(e.world, balancesBucket, func(k string, m platform.Money) error {
		e.balances[k] = m
		return nil
	}); err != nil {
		return err
	}
	return platform.Load(e.world, trialsBucket, func(k string, _ bool) error {
		e.trials[k] = true
		return nil
	})
}
