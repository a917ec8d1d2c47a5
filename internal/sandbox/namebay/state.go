package namebay

import (
	"cmp"
	"slices"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// Store buckets and id sequences of the emulator.
const (
	contactsBucket = "namebay.contacts"
	domainsBucket  = "namebay.domains"
	zonesBucket    = "namebay.zones"
	recordsBucket  = "namebay.records"
	packsBucket    = "namebay.hosting"
	aliasesBucket  = "namebay.hosting.aliases"
	ftpUsersBucket = "namebay.hosting.ftpusers"
	dbsBucket      = "namebay.hosting.databases"
	certsBucket    = "namebay.certificates"

	contactSeq = "namebay.contact"
	domainSeq  = "namebay.domain"
	zoneSeq    = "namebay.zone"
	recordSeq  = "namebay.record"
	ticketSeq  = "namebay.ticket"
	packSeq    = "namebay.hosting"
	ftpUserSeq = "namebay.ftpuser"
	certSeq    = "namebay.certificate"
)

// contact is a stored contact. Account is the handle of its owner.
type contact struct {
	Handle       string
	Account      string
	FirstName    string
	LastName     string
	OrgName      string
	Address      string
	City         string
	Pc           string
	Cc           string
	MailAddress  string
	Phone        string
	IsIndividual bool
}

// domain is a stored domain. Its status is derived from the fields: see
// status.
type domain struct {
	Id             int64
	Handle         string
	Name           string
	Tld            string
	Account        string
	Created        time.Time
	Expires        time.Time
	ReadyAt        time.Time // the registration is pending until then
	Expired        bool
	Protected      bool
	AutoRenew      bool
	AnonymousWhois bool
	UseNamebayDns  bool
	AuthInfo       string
	Registrant     string
	Admin          string
	Tech           string
	Billing        string
	NameServers    []string
	ZoneHandle     string
}

func (d *domain) status(now time.Time) string {
	switch {
	case now.Before(d.ReadyAt):
		return "pending"
	case d.Expired:
		return "expired"
	case d.Protected:
		return "protected"
	default:
		return "ok"
	}
}

func (d *domain) uses(contactHandle string) bool {
	return d.Registrant == contactHandle || d.Admin == contactHandle || d.Tech == contactHandle || d.Billing == contactHandle
}

// zone is a stored DNS zone with its records in memory.
type zone struct {
	Id            int64
	Handle        string
	Name          string
	Account       string
	Domain        string // handle
	Serial        int64
	Ttl           int
	Dnssec        bool      // the state asked for last
	DnssecReadyAt time.Time // the change is in progress until then

	records []*record            // ordered by Id
	byHost  map[string][]*record // records of each Host
}

// record is a stored DNS record.
type record struct {
	Id              int64
	ZoneId          int64
	Host            string
	Type            string
	Data            string
	Weight          *int
	NaptrPreference *int
	NaptrFlag       string
	NaptrService    string
	NaptrRegExp     string
	DateCreated     time.Time
}

// state is everything the emulator knows, indexed for its lookups.
type state struct {
	contacts      map[string]*contact
	domains       map[string]*domain // by handle
	domainsByName map[string]*domain
	zones         map[string]*zone // by handle
	zonesByName   map[string]*zone
	zonesByID     map[int64]*zone
	records       map[int64]*record
	packs         map[string]*hostingPack // by handle
	packsByDomain map[string]*hostingPack
	aliasOwners   map[string]*hostingPack // by alias domain
	certs         map[string]*certificate // by handle
	ca            *certAuthority          // nil until the first issuance
}

func newState() state {
	return state{
		contacts:      map[string]*contact{},
		domains:       map[string]*domain{},
		domainsByName: map[string]*domain{},
		zones:         map[string]*zone{},
		zonesByName:   map[string]*zone{},
		zonesByID:     map[int64]*zone{},
		records:       map[int64]*record{},
		packs:         map[string]*hostingPack{},
		packsByDomain: map[string]*hostingPack{},
		aliasOwners:   map[string]*hostingPack{},
		certs:         map[string]*certificate{},
	}
}

// Load reads the emulator's objects back from the store.
func (e *Emulator) Load() error {
	w := e.world
	if err := platform.Load(w, contactsBucket, func(_ string, c contact) error {
		e.contacts[c.Handle] = &c
		return nil
	}); err != nil {
		return err
	}
	if err := platform.Load(w, domainsBucket, func(_ string, d domain) error {
		e.addDomain(&d)
		return nil
	}); err != nil {
		return err
	}
	if err := platform.Load(w, zonesBucket, func(_ string, z zone) error {
		e.addZone(&z)
		return nil
	}); err != nil {
		return err
	}
	var records []*record
	if err := platform.Load(w, recordsBucket, func(_ string, r record) error {
		records = append(records, &r)
		return nil
	}); err != nil {
		return err
	}
	slices.SortFunc(records, func(a, b *record) int { return cmp.Compare(a.Id, b.Id) })
	for _, r := range records {
		if z := e.zonesByID[r.ZoneId]; z != nil {
			z.add(r)
			e.records[r.Id] = r
		}
	}
	if err := e.loadHosting(); err != nil {
		return err
	}
	return e.loadCertificates()
}

func (e *Emulator) addDomain(d *domain) {
	e.domains[d.Handle] = d
	e.domainsByName[d.Name] = d
}

func (e *Emulator) addZone(z *zone) {
	z.byHost = map[string][]*record{}
	e.zones[z.Handle] = z
	e.zonesByName[z.Name] = z
	e.zonesByID[z.Id] = z
}

func (e *Emulator) saveContact(tx *platform.Tx, c *contact) { tx.Put(contactsBucket, c.Handle, c) }
func (e *Emulator) saveDomain(tx *platform.Tx, d *domain)   { tx.Put(domainsBucket, d.Handle, d) }
func (e *Emulator) saveZone(tx *platform.Tx, z *zone)       { tx.Put(zonesBucket, z.Handle, z) }
func (e *Emulator) saveRecord(tx *platform.Tx, r *record)   { tx.Put(recordsBucket, recordKey(r), r) }

func recordKey(r *record) string { return platform.Key(r.Id) }

// dueDomains lists, in id order, the domains whose expiry date has come.
func (e *Emulator) dueDomains(now time.Time) []*domain {
	var due []*domain
	for _, d := range e.domains {
		if !d.Expired && !d.Expires.After(now) {
			due = append(due, d)
		}
	}
	slices.SortFunc(due, func(a, b *domain) int { return cmp.Compare(a.Id, b.Id) })
	return due
}

// domainsInOrder lists the domains matching keep, in id order.
func (e *Emulator) domainsInOrder(keep func(*domain) bool) []*domain {
	var out []*domain
	for _, d := range e.domains {
		if keep(d) {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b *domain) int { return cmp.Compare(a.Id, b.Id) })
	return out
}

func (z *zone) add(r *record) {
	z.records = append(z.records, r)
	z.byHost[r.Host] = append(z.byHost[r.Host], r)
}

// replace gives r the content of next, keeping its place in z.
func (z *zone) replace(r *record, next record) {
	z.unindexHost(r)
	*r = next
	z.byHost[r.Host] = append(z.byHost[r.Host], r)
}

func (z *zone) unindexHost(r *record) {
	z.byHost[r.Host] = slices.DeleteFunc(z.byHost[r.Host], func(x *record) bool { return x == r })
	if len(z.byHost[r.Host]) == 0 {
		delete(z.byHost, r.Host)
	}
}

func (z *zone) remove(r *record) {
	if i, found := slices.BinarySearchFunc(z.records, r.Id, func(x *record, id int64) int { return cmp.Compare(x.Id, id) }); found {
		z.records = slices.Delete(z.records, i, i+1)
	}
	z.unindexHost(r)
}

// bumpSerial moves the SOA serial on after a change, in the YYYYMMDDnn style.
func (z *zone) bumpSerial(now time.Time) {
	z.Serial = max(z.Serial+1, dayBase(now)+1)
}

func dayBase(t time.Time) int64 {
	y, m, d := t.Date()
	return int64(y*10000+int(m)*100+d) * 100
}
