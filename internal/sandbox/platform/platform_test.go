package platform

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMoneyJSON(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		m    Money
		json string
	}{
		{Cents(1099).Times(2), "21.98"}, {Cents(1250), "12.50"}, {Cents(5900), "59.00"}, {Cents(7), "0.07"}, {Cents(-150), "-1.50"},
	} {
		raw, err := json.Marshal(tt.m)
		if err != nil || string(raw) != tt.json {
			t.Errorf("Marshal(%d cents) = %s, %v; want %s", tt.m, raw, err, tt.json)
		}
		var back Money
		if err := json.Unmarshal(raw, &back); err != nil || back != tt.m {
			t.Errorf("Unmarshal(%s) = %d, %v; want %d", raw, back, err, tt.m)
		}
	}
}

func TestRandomSecret(t *testing.T) {
	t.Parallel()
	a, b := RandomSecret(20), RandomSecret(20)
	if len(a) != 20 || a == b {
		t.Fatalf("RandomSecret gave %q and %q", a, b)
	}
	if strings.Trim(a+b, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" {
		t.Fatalf("RandomSecret gave %q", a+b)
	}
}

func TestWorldRoundTrip(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "world.db")
	w, err := Open(path, Settings{DomainPendingSeconds: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !w.Fresh() || !w.Persistent() {
		t.Fatal("a new store should be fresh and persistent")
	}
	var reseller *Account
	if err := w.Do(func(tx *Tx) {
		reseller, err = w.Accounts.Create(tx, Account{Family: "f", Login: "r", Password: "pw", Kind: KindReseller})
		if err != nil {
			t.Error(err)
		}
		w.Next(tx, "thing")
		w.Next(tx, "thing")
		w.Ledger.Append(tx, Entry{Family: "f", Account: reseller.Handle, Operation: "thing.buy", Amount: Cents(999), Currency: "EUR"})
		tx.Put("f.things", Key(1), map[string]string{"Name": "one"})
		tx.Put("f.things", Key(2), map[string]string{"Name": "two"})
		tx.Delete("f.things", Key(1))
		if err := w.AdvanceClock(tx, time.Hour); err != nil {
			t.Error(err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	w, err = Open(path, Settings{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Error(err)
		}
	})
	if w.Fresh() {
		t.Fatal("a used store opens as fresh")
	}
	if got := w.Settings(); got.DomainPendingSeconds != 2 {
		t.Fatalf("settings %+v, want those of the first start", got)
	}
	if got := w.Accounts.Authenticate("f", "r", "pw"); got == nil || got.Handle != "RS-000001" {
		t.Fatalf("account after reopening: %+v", got)
	}
	if w.Accounts.Authenticate("f", "r", "wrong") != nil {
		t.Fatal("a wrong password authenticates")
	}
	if w.Clock.Offset() != time.Hour {
		t.Fatalf("clock offset %s, want 1h", w.Clock.Offset())
	}
	if e := w.Ledger.Entries(); len(e) != 1 || e[0].Amount != 999 || e[0].Id != 1 {
		t.Fatalf("ledger %+v", e)
	}
	var names []string
	if err := Load(w, "f.things", func(_ string, v struct{ Name string }) error { names = append(names, v.Name); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(names) != 1 || names[0] != "two" {
		t.Fatalf("things %v, want [two]", names)
	}
	if err := w.Do(func(tx *Tx) {
		if n := w.Next(tx, "thing"); n != 3 {
			t.Errorf("sequence continues at %d, want 3", n)
		}
	}); err != nil {
		t.Fatal(err)
	}
}

func TestCanReach(t *testing.T) {
	t.Parallel()
	w, _ := Open("", Settings{})
	create := func(login, kind, reseller string) *Account {
		var acct *Account
		var err error
		if doErr := w.Do(func(tx *Tx) {
			acct, err = w.Accounts.Create(tx, Account{Family: "f", Login: login, Password: "pw", Kind: kind, Reseller: reseller})
		}); doErr != nil || err != nil {
			t.Fatal(doErr, err)
		}
		return acct
	}
	r1, r2 := create("r1", KindReseller, ""), create("r2", KindReseller, "")
	c1, c2 := create("c1", KindClient, "r1"), create("c2", KindClient, "r2")
	for _, tt := range []struct {
		by    *Account
		owner string
		want  bool
	}{
		{r1, r1.Handle, true}, {r1, c1.Handle, true}, {r1, c2.Handle, false}, {r1, r2.Handle, false},
		{c1, c1.Handle, true}, {c1, r1.Handle, false}, {c1, c2.Handle, false}, {r2, c1.Handle, false},
	} {
		if got := w.Accounts.CanReach(tt.by, tt.owner); got != tt.want {
			t.Errorf("CanReach(%s, %s) = %v, want %v", tt.by.Login, tt.owner, got, tt.want)
		}
	}
}
