package namebay

import (
	"cmp"
	"slices"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// hostingPack is a stored hosting pack. Its aliases, FTP users and
// databases are stored apart and attached to it in memory.
type hostingPack struct {
	Id        int64
	Handle    string
	Domain    string
	Account   string
	ProductId string
	Created   time.Time
	Expires   time.Time
	ReadyAt   time.Time // being set up until then, inclusive
	Expired   bool
	AutoRenew bool
	HasStats  bool
	Php       string
	Admin     string // contact handles
	Billing   string

	aliases   []*alias    // ordered by Domain
	ftpUsers  []*ftpUser  // ordered by Id
	databases []*database // ordered by Name
}

// alias is another domain served by a pack.
type alias struct {
	Pack   string // handle
	Domain string
	Path   string
}

// ftpUser is an FTP account of a pack.
type ftpUser struct {
	Id          int64
	Pack        string
	UserName    string
	FullName    string
	Description string
	Dir         string
	Password    passwordHash
}

// database is a database of a pack.
type database struct {
	Pack     string
	Name     string
	User     string
	Type     string
	Size     int // MB used
	MaxSize  int // MB
	Created  time.Time
	Password passwordHash
}

// loadHosting reads the packs and what belongs to them back from the store.
func (e *Emulator) loadHosting() error {
	w := e.world
	if err := platform.Load(w, packsBucket, func(_ string, p hostingPack) error {
		e.addPack(&p)
		return nil
	}); err != nil {
		return err
	}
	if err := platform.Load(w, aliasesBucket, func(_ string, a alias) error {
		if p := e.packs[a.Pack]; p != nil {
			e.addAlias(p, &a)
		}
		return nil
	}); err != nil {
		return err
	}
	if err := platform.Load(w, ftpUsersBucket, func(_ string, u ftpUser) error {
		if p := e.packs[u.Pack]; p != nil {
			p.addFtpUser(&u)
		}
		return nil
	}); err != nil {
		return err
	}
	return platform.Load(w, dbsBucket, func(_ string, db database) error {
		if p := e.packs[db.Pack]; p != nil {
			p.addDatabase(&db)
		}
		return nil
	})
}

func (e *Emulator) addPack(p *hostingPack) {
	e.packs[p.Handle] = p
	e.packsByDomain[p.Domain] = p
}

// removePack deletes p with its aliases, FTP users and databases.
func (e *Emulator) removePack(tx *platform.Tx, p *hostingPack) {
	for _, a := range p.aliases {
		delete(e.aliasOwners, a.Domain)
		tx.Delete(aliasesBucket, a.Domain)
	}
	for _, u := range p.ftpUsers {
		tx.Delete(ftpUsersBucket, ftpUserKey(u))
	}
	for _, db := range p.databases {
		tx.Delete(dbsBucket, databaseKey(db))
	}
	delete(e.packs, p.Handle)
	delete(e.packsByDomain, p.Domain)
	tx.Delete(packsBucket, p.Handle)
}

func (e *Emulator) savePack(tx *platform.Tx, p *hostingPack)  { tx.Put(packsBucket, p.Handle, p) }
func (e *Emulator) saveAlias(tx *platform.Tx, a *alias)       { tx.Put(aliasesBucket, a.Domain, a) }
func (e *Emulator) saveFtpUser(tx *platform.Tx, u *ftpUser)   { tx.Put(ftpUsersBucket, ftpUserKey(u), u) }
func (e *Emulator) saveDatabase(tx *platform.Tx, d *database) { tx.Put(dbsBucket, databaseKey(d), d) }

func ftpUserKey(u *ftpUser) string   { return platform.Key(u.Id) }
func databaseKey(d *database) string { return d.Pack + "/" + d.Name }

// packsInOrder lists the packs matching keep, in id order.
func (e *Emulator) packsInOrder(keep func(*hostingPack) bool) []*hostingPack {
	var out []*hostingPack
	for _, p := range e.packs {
		if keep(p) {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b *hostingPack) int { return cmp.Compare(a.Id, b.Id) })
	return out
}

// duePacks lists, in id order, the packs whose expiry date has come.
func (e *Emulator) duePacks(now time.Time) []*hostingPack {
	return e.packsInOrder(func(p *hostingPack) bool { return !p.Expired && !p.Expires.After(now) })
}

func (e *Emulator) addAlias(p *hostingPack, a *alias) {
	p.aliases = insertSorted(p.aliases, a, func(a *alias) string { return a.Domain })
	e.aliasOwners[a.Domain] = p
}

func (e *Emulator) removeAlias(tx *platform.Tx, p *hostingPack, a *alias) {
	p.aliases = deleteItem(p.aliases, a)
	delete(e.aliasOwners, a.Domain)
	tx.Delete(aliasesBucket, a.Domain)
}

func (p *hostingPack) alias(domain string) *alias {
	i := slices.IndexFunc(p.aliases, func(a *alias) bool { return a.Domain == domain })
	if i < 0 {
		return nil
	}
	return p.aliases[i]
}

func (p *hostingPack) addFtpUser(u *ftpUser) {
	p.ftpUsers = insertSorted(p.ftpUsers, u, func(u *ftpUser) int64 { return u.Id })
}

func (p *hostingPack) ftpUser(match func(*ftpUser) bool) *ftpUser {
	i := slices.IndexFunc(p.ftpUsers, match)
	if i < 0 {
		return nil
	}
	return p.ftpUsers[i]
}

func (p *hostingPack) addDatabase(db *database) {
	p.databases = insertSorted(p.databases, db, func(db *database) string { return db.Name })
}

func (p *hostingPack) database(name string) *database {
	i := slices.IndexFunc(p.databases, func(db *database) bool { return db.Name == name })
	if i < 0 {
		return nil
	}
	return p.databases[i]
}

// insertSorted inserts v into s, which is sorted by key.
func insertSorted[T any, K cmp.Ordered](s []T, v T, key func(T) K) []T {
	i, _ := slices.BinarySearchFunc(s, key(v), func(x T, k K) int { return cmp.Compare(key(x), k) })
	return slices.Insert(s, i, v)
}

// deleteItem removes v from s.
func deleteItem[T comparable](s []T, v T) []T {
	return slices.DeleteFunc(s, func(x T) bool { return x == v })
}
