package platform

import (
	"slices"
	"time"
)

const ledgerBucket = "platform.ledger"

// Entry is one billable operation.
type Entry struct {
	Id        int64
	Time      time.Time
	Family    string
	Account   string // handle of the account that owns the object
	Operation string // e.g. domain.create, domain.renew, domain.trade, domain.autorenew
	Object    string // e.g. the domain name
	Period    int    // in the family's unit (years for namebay, months for ispmanager); 0 when none
	Amount    Money
	Currency  string
}

// Ledger is the append-only list of billable operations.
type Ledger struct {
	clock   *Clock
	entries []Entry
}

// Append records e, stamped with the next id and the sandbox time.
func (l *Ledger) Append(tx *Tx, e Entry) Entry {
	e.Id = int64(len(l.entries)) + 1
	e.Time = l.clock.Now().Truncate(time.Second)
	l.entries = append(l.entries, e)
	tx.Put(ledgerBucket, Key(e.Id), e)
	return e
}

// Entries returns a copy of every entry, oldest first.
func (l *Ledger) Entries() []Entry { return slices.Clone(l.entries) }

func (l *Ledger) sort() {
	slices.SortFunc(l.entries, func(a, b Entry) int { return int(a.Id - b.Id) })
}
