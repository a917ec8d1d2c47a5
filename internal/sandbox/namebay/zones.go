package namebay

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// SOA values of every zone; only the TTL can be changed.
const (
	soaExpire     = 1209600
	soaMinimum    = 3600
	soaRefresh    = 10800
	soaRetry      = 900
	soaRespPerson = "hostmaster.namebay.com"
	defaultTtl    = 3600
	minTtl        = 300
	maxTtl        = 86400
)

func (z *zone) wire() wireZone {
	return wireZone{
		Handle: z.Handle, Name: z.Name, SoaExpire: soaExpire, SoaMinimum: soaMinimum,
		SoaPrimaryNs: namebayNameServers[0], SoaSerial: z.Serial, SoaRefresh: soaRefresh,
		SoaRespPerson: soaRespPerson, SoaRetry: soaRetry, Ttl: z.Ttl,
	}
}

func (z *zone) dnssec(now time.Time) wireDnssec {
	inProgress := now.Before(z.DnssecReadyAt)
	out := wireDnssec{Enabled: z.Dnssec}
	switch {
	case z.Dnssec && inProgress:
		out.Status = "enableInProgress"
	case z.Dnssec:
		out.Status = "enabled"
	case inProgress:
		out.Status = "disableInProgress"
	default:
		out.Status = "disabled"
	}
	return out
}

// findZone returns the zone of the path's {zone} if the caller can reach it.
func (c *call) findZone() (*zone, error) {
	handle := c.r.PathValue("zone")
	if z := c.e.zones[handle]; z != nil && c.reaches(z.Account) {
		return z, nil
	}
	return nil, errNotFound("", "Zone %q does not exist.", handle)
}

// createZoneFor creates the zone of d, owned by d's owner.
func (e *Emulator) createZoneFor(c *call, d *domain) *zone {
	id := e.world.Next(c.tx, zoneSeq)
	z := &zone{
		Id: id, Handle: fmt.Sprintf("ZN-%06d", id), Name: d.Name, Account: d.Account, Domain: d.Handle,
		Serial: dayBase(c.now) + 1, Ttl: defaultTtl,
	}
	e.addZone(z)
	d.ZoneHandle = z.Handle
	e.saveZone(c.tx, z)
	return z
}

// deleteZone removes z and its records.
func (e *Emulator) deleteZone(tx *platform.Tx, z *zone) {
	for _, r := range z.records {
		delete(e.records, r.Id)
		tx.Delete(recordsBucket, recordKey(r))
	}
	delete(e.zones, z.Handle)
	delete(e.zonesByName, z.Name)
	delete(e.zonesByID, z.Id)
	tx.Delete(zonesBucket, z.Handle)
}

func (e *Emulator) listZones(c *call) error {
	name := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(c.r.URL.Query().Get("name"))), ".")
	var zones []*zone
	for _, z := range e.zones {
		if z.Account == c.acting.Handle && (name == "" || z.Name == name) {
			zones = append(zones, z)
		}
	}
	slices.SortFunc(zones, func(a, b *zone) int { return cmp.Compare(a.Id, b.Id) })
	out := make([]wireZone, 0, len(zones))
	for _, z := range zones {
		out = append(out, z.wire())
	}
	return c.reply(http.StatusOK, out)
}

func (e *Emulator) createZone(c *call) error {
	var in newZone
	if err := c.decode(&in); err != nil {
		return err
	}
	name := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(in.Name)), ".")
	d := e.domainsByName[name]
	switch {
	case d == nil || !c.reaches(d.Account):
		return errNotFound("Name", "Domain %q does not exist.", in.Name)
	case e.zonesByName[name] != nil:
		return errZoneExists("The zone %s already exists.", name)
	case !d.UseNamebayDns:
		return errNotNamebayNs("The primary name server of %s is not Namebay's: set its name servers to %s first.", name, strings.Join(namebayNameServers, " and "))
	}
	z := e.createZoneFor(c, d)
	e.saveDomain(c.tx, d)
	return c.reply(http.StatusCreated, z.wire())
}

func (e *Emulator) getZone(c *call) error {
	z, err := c.findZone()
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, z.wire())
}

func (e *Emulator) updateZone(c *call) error {
	z, err := c.findZone()
	if err != nil {
		return err
	}
	var in updateZone
	if err := c.decode(&in); err != nil {
		return err
	}
	if name := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(in.Name)), "."); name != "" && name != z.Name {
		return errPolicy("Name", "The zone %s cannot be renamed to %s.", z.Name, in.Name)
	}
	if in.Ttl == nil || *in.Ttl < minTtl || *in.Ttl > maxTtl {
		return errInvalid("Ttl", "Ttl must be from %d to %d seconds.", minTtl, maxTtl)
	}
	if *in.Ttl != z.Ttl {
		z.Ttl = *in.Ttl
		z.bumpSerial(c.now)
		e.saveZone(c.tx, z)
	}
	return c.reply(http.StatusOK, z.wire())
}

func (e *Emulator) getDnssec(c *call) error {
	z, err := c.findZone()
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, z.dnssec(c.now))
}

// putDnssec starts turning DNSSEC on or off; the change is in progress
// until the configured delay has passed.
func (e *Emulator) putDnssec(c *call) error {
	z, err := c.findZone()
	if err != nil {
		return err
	}
	var in updateDnssec
	if err := c.decode(&in); err != nil {
		return err
	}
	if in.Enabled == nil {
		return errInvalid("Enabled", "Enabled is required.")
	}
	d := e.domains[z.Domain] // a zone goes with its domain
	switch {
	case !d.UseNamebayDns:
		return errNotNamebayNs("DNSSEC is signed by Namebay's name servers, and %s does not use them.", z.Name)
	case *in.Enabled && !tldOf(d.Tld).Dnssec:
		return errTld("Enabled", "DNSSEC is not available for the extension of %s.", z.Name)
	case *in.Enabled == z.Dnssec:
		// Already on (or on its way to) the state asked for.
	case c.now.Before(z.DnssecReadyAt):
		return errStatus("A DNSSEC change of %s is in progress: retry when Status is enabled or disabled.", z.Name)
	default:
		z.Dnssec = *in.Enabled
		z.DnssecReadyAt = c.now.Add(time.Duration(e.world.Settings().DnssecPendingSeconds * float64(time.Second)))
		e.saveZone(c.tx, z)
	}
	return c.ticket("DNSSEC update ticket created.")
}
