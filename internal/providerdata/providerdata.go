// Package providerdata is what the provider hands to its resources and data
// sources: one configured client per partner family, and the caches that live
// for one Terraform operation.
package providerdata

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/resellerkit/terraform-provider-reseller/internal/api/ispmanager"
	"github.com/resellerkit/terraform-provider-reseller/internal/api/namebay"
	"github.com/resellerkit/terraform-provider-reseller/internal/api/xarios"
	"github.com/resellerkit/terraform-provider-reseller/internal/api/zohomail"
	"github.com/resellerkit/terraform-provider-reseller/internal/zonesnap"
)

// Data is the provider's configured state.
type Data struct {
	// Namebay is nil when the namebay family is not configured.
	Namebay *Namebay
	// Ispmanager is nil when the ispmanager family is not configured.
	Ispmanager *Ispmanager
	// ZohoMail is nil when the zoho_mail family is not configured.
	ZohoMail *ZohoMail
	// Xarios is nil when the xarios family is not configured.
	Xarios *Xarios
	// Unconfigured explains, per family block name, why it is not usable.
	Unconfigured map[string]string
}

// Namebay is the configured Namebay family.
type Namebay struct {
	Client *namebay.Client
	// ClientAccount is the provider-level default `?user=` handle ("" = the reseller itself).
	ClientAccount string
	// Records caches one listing per zone (keyed by client account and zone handle).
	Records *zonesnap.Cache[RecordSnapshot]
	// Zones caches zone look-ups by name for the operation.
	Zones *zonesnap.Cache[*namebay.Zone]
	// Planned remembers the record names planned in this operation, to refuse a
	// CNAME beside another record of the same name before anything is created.
	Planned *PlannedNames
	// Catalog caches the TLD price list for the operation.
	Catalog *zonesnap.Cache[[]namebay.Tld]
	// Offers caches the hosting offer catalog for the operation.
	Offers *zonesnap.Cache[[]namebay.HostingOffer]
	// Packs caches hosting packs by client account and handle, so the FTP
	// users and databases of one pack read it once per operation.
	Packs *zonesnap.Cache[*namebay.Hosting]
	// CertProducts caches the certificate catalog for the operation.
	CertProducts *zonesnap.Cache[[]namebay.CertProduct]
	// PlannedOffers remembers the offer each hosting pack is planned to have,
	// so its databases are checked against the offer they will live on.
	PlannedOffers *Planned
}

// NewNamebay wires a Namebay client with fresh per-operation caches.
func NewNamebay(client *namebay.Client, clientAccount string) *Namebay {
	return &Namebay{
		Client:        client,
		ClientAccount: clientAccount,
		Records:       zonesnap.New[RecordSnapshot](),
		Zones:         zonesnap.New[*namebay.Zone](),
		Planned:       NewPlannedNames(),
		Catalog:       zonesnap.New[[]namebay.Tld](),
		Offers:        zonesnap.New[[]namebay.HostingOffer](),
		Packs:         zonesnap.New[*namebay.Hosting](),
		PlannedOffers: NewPlanned(),
		CertProducts:  zonesnap.New[[]namebay.CertProduct](),
	}
}

// Ispmanager is the configured ispmanager family.
type Ispmanager struct {
	Client *ispmanager.Client
	// Products caches the licence catalog for the operation.
	Products *zonesnap.Cache[[]ispmanager.Product]
	// Names remembers which licence name each planned licence claims, so two
	// licences of one configuration cannot share the name the provider
	// finds them by.
	Names *Planned
}

// NewIspmanager wires an ispmanager client with fresh per-operation caches.
func NewIspmanager(client *ispmanager.Client) *Ispmanager {
	return &Ispmanager{Client: client, Products: zonesnap.New[[]ispmanager.Product](), Names: NewPlanned()}
}

// ZohoMail is the configured Zoho Mail family.
type ZohoMail struct {
	Client *zohomail.Client
	// Region is the data centre ("us", "eu", ...): it decides the MX records
	// and SPF include published for an org.
	Region string
	// MailAdminURL is the base of the admin consoles linked from each org.
	MailAdminURL string
	// PlanIDs overrides the store IDs of paid plans, by plan name.
	PlanIDs map[string]ZohoPlanIDs
}

// Xarios is the configured Xarios family.
type Xarios struct {
	Client *xarios.Client
	// Profiles caches the product types (tenant profiles) for the operation.
	Profiles *zonesnap.Cache[[]xarios.TenantProfile]
}

// NewXarios wires a Xarios client with fresh per-operation caches.
func NewXarios(client *xarios.Client) *Xarios {
	return &Xarios{Client: client, Profiles: zonesnap.New[[]xarios.TenantProfile]()}
}

// ZohoPlanIDs are the Zoho Store IDs of one paid plan.
type ZohoPlanIDs struct {
	PlanID      int64 `json:"plan_id"`
	UserAddonID int64 `json:"user_addon_id"`
}

// RecordSnapshot is one listing of a zone's records, indexed by record ID.
type RecordSnapshot map[int64]namebay.Record

// SnapshotKey names the snapshot of one zone as seen by one account.
func SnapshotKey(user, zoneHandle string) string { return user + "|" + zoneHandle }

// Planned is a concurrent map of values planned in this operation.
type Planned struct {
	mu     sync.Mutex
	values map[string]string
}

// NewPlanned returns an empty map.
func NewPlanned() *Planned { return &Planned{values: map[string]string{}} }

// Set records value under key.
func (p *Planned) Set(key, value string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.values[key] = value
}

// Get returns the value planned under key, if any.
func (p *Planned) Get(key string) (string, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.values[key]
	return v, ok
}

// PlannedNames records, per zone, which record types each owner name will hold.
type PlannedNames struct {
	mu    sync.Mutex
	types map[string]map[string]map[string]bool // zone key -> host -> types
}

// NewPlannedNames returns an empty registry.
func NewPlannedNames() *PlannedNames {
	return &PlannedNames{types: map[string]map[string]map[string]bool{}}
}

// Claim records that a record of typ at host is planned in zone, and reports
// a conflict when a CNAME would share its name with any other record.
func (p *PlannedNames) Claim(zone, host, typ string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	hosts := p.types[zone]
	if hosts == nil {
		hosts = map[string]map[string]bool{}
		p.types[zone] = hosts
	}
	set := hosts[host]
	if set == nil {
		set = map[string]bool{}
		hosts[host] = set
	}
	set[typ] = true
	if len(set) > 1 && set["CNAME"] {
		var others []string
		for t := range set {
			if t != "CNAME" {
				others = append(others, t)
			}
		}
		sort.Strings(others)
		return fmt.Errorf("this configuration plans a CNAME record and %s record(s) for the same name %q; a CNAME cannot share its name with any other record", strings.Join(others, ", "), host)
	}
	return nil
}
