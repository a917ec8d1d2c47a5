// Package platform is what every partner emulator of the sandbox builds on:
// one lock over all state, the crash-safe store, the sandbox clock, the
// ledger of billable operations, the partner accounts and the settings.
//
// Every request runs inside World.Do: it holds the lock, records its changes
// in a Tx, and the Tx is committed (and fsynced) before the response leaves.
package platform

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"
)

const (
	metaBucket = "platform.meta"
	seqBucket  = "platform.seq"
)

// World is the whole state of one sandbox. Its fields are only touched
// inside Do or View.
type World struct {
	mu       sync.Mutex
	store    *Store // nil: memory only
	fresh    bool   // started empty
	marked   bool   // the store records that it was used
	seqs     map[string]int64
	settings Settings

	Clock    *Clock
	Ledger   *Ledger
	Accounts *Accounts
}

// Open builds the world, loading it back from dataFile when that file holds
// a store ("" keeps everything in memory). initial applies to fresh stores
// only: a store that was used before keeps the settings it had.
func Open(dataFile string, initial Settings) (*World, error) {
	if err := initial.Validate(); err != nil {
		return nil, err
	}
	w := &World{fresh: true, seqs: map[string]int64{}, settings: initial}
	w.Clock = &Clock{}
	w.Ledger = &Ledger{clock: w.Clock}
	w.Accounts = newAccounts()
	if dataFile == "" {
		return w, nil
	}
	store, err := OpenStore(dataFile)
	if err != nil {
		return nil, err
	}
	w.store = store
	if err := w.load(); err != nil {
		return nil, errors.Join(fmt.Errorf("loading %s: %w", dataFile, err), store.Close())
	}
	return w, nil
}

func (w *World) load() error {
	created, err := w.store.Get(metaBucket, "created")
	if err != nil {
		return err
	}
	w.fresh = created == nil
	w.marked = !w.fresh
	if w.fresh {
		return nil
	}
	if err := w.store.Each(seqBucket, func(key string, value []byte) error {
		n, err := strconv.ParseInt(string(value), 10, 64)
		w.seqs[key] = n
		return err
	}); err != nil {
		return err
	}
	if err := w.loadMeta("settings", &w.settings); err != nil {
		return err
	}
	if err := w.loadMeta("clock", &w.Clock.offset); err != nil {
		return err
	}
	if err := Load(w, ledgerBucket, func(_ string, e Entry) error { w.Ledger.entries = append(w.Ledger.entries, e); return nil }); err != nil {
		return err
	}
	w.Ledger.sort()
	return Load(w, accountsBucket, func(_ string, a Account) error { return w.Accounts.add(&a) })
}

func (w *World) loadMeta(key string, into any) error {
	raw, err := w.store.Get(metaBucket, key)
	if err != nil || raw == nil {
		return err
	}
	return json.Unmarshal(raw, into)
}

// Fresh reports whether the world started empty (memory only, or a new
// store): families seed their first accounts then.
func (w *World) Fresh() bool { return w.fresh }

// Persistent reports whether changes are written to a store.
func (w *World) Persistent() bool { return w.store != nil }

// Do runs fn under the world lock and commits what it recorded. The commit
// is durable when Do returns nil.
func (w *World) Do(fn func(tx *Tx)) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	tx := &Tx{persist: w.store != nil}
	fn(tx)
	if len(tx.ops) == 0 {
		return nil
	}
	if !w.marked {
		// The first commit marks the store as used, so a restart loads it
		// instead of seeding it again, and keeps the settings it began with.
		tx.Put(metaBucket, "created", true)
		tx.Put(metaBucket, "settings", w.settings)
	}
	if err := w.store.apply(tx.ops); err != nil {
		return fmt.Errorf("committing to the store: %w", err)
	}
	w.marked = true
	return nil
}

// View runs fn under the world lock, for reads that change nothing.
func (w *World) View(fn func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	fn()
}

// Next returns the next number of the named sequence (1, 2, ...).
func (w *World) Next(tx *Tx, name string) int64 {
	w.seqs[name]++
	n := w.seqs[name]
	tx.putRaw(seqBucket, name, []byte(strconv.FormatInt(n, 10)))
	return n
}

// Settings returns the current settings.
func (w *World) Settings() Settings { return w.settings }

// SetSettings replaces the settings.
func (w *World) SetSettings(tx *Tx, s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	w.settings = s
	tx.Put(metaBucket, "settings", s)
	return nil
}

// AdvanceClock moves the sandbox clock forward by d.
func (w *World) AdvanceClock(tx *Tx, d time.Duration) error {
	if d <= 0 {
		return errors.New("the clock only moves forward: Advance must be positive")
	}
	w.Clock.offset += d
	tx.Put(metaBucket, "clock", w.Clock.offset)
	return nil
}

// Close releases the store.
func (w *World) Close() error {
	if w.store == nil {
		return nil
	}
	return w.store.Close()
}
