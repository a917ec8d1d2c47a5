package namebay

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// baseDiskUsageMb is what a pack uses before any database: its site files.
const baseDiskUsageMb = 10

// status is pending until ReadyAt (inclusive, so that a zero delay still
// answers the order as pending and completes on the next request), then
// active, or expired.
func (p *hostingPack) status(now time.Time) string {
	switch {
	case !now.After(p.ReadyAt):
		return "pending"
	case p.Expired:
		return "expired"
	default:
		return "active"
	}
}

// offer is the pack's offer; stored packs only name offers of the catalog.
func (p *hostingPack) offer() *hostingOffer { return offerOf(p.ProductId) }

func (p *hostingPack) ftpHost() string  { return "ftp." + p.Domain }
func (p *hostingPack) dbServer() string { return "mysql." + p.Domain }

func (p *hostingPack) diskUsedMb() int {
	used := baseDiskUsageMb
	for _, db := range p.databases {
		used += db.Size
	}
	return used
}

func (p *hostingPack) uses(contactHandle string) bool {
	return p.Admin == contactHandle || p.Billing == contactHandle
}

func (p *hostingPack) wire(now time.Time) wireHosting {
	o := p.offer()
	return wireHosting{
		Handle: p.Handle, Domain: p.Domain, ProductId: o.ProductId, OfferName: o.Name,
		Status: p.status(now), Created: p.Created, Expires: p.Expires,
		AutoRenew: p.AutoRenew, HasStats: p.HasStats, FrameWork: frameWork{Type: "PHP", Version: p.Php},
		DiskQuotaMb: o.DiskQuotaMb, DiskUsedMb: p.diskUsedMb(), FtpHost: p.ftpHost(),
		FtpUserCount: len(p.ftpUsers), DatabaseCount: len(p.databases), AliasCount: len(p.aliases),
		AdminContact: handleRef{Handle: p.Admin}, BillingContact: handleRef{Handle: p.Billing},
		Account: p.Account,
	}
}

// misfits lists what of p does not fit the offer o.
func (p *hostingPack) misfits(o *hostingOffer) []string {
	var out []string
	for _, l := range []struct {
		limit
		n int
	}{{ftpUsersLimit, len(p.ftpUsers)}, {databasesLimit, len(p.databases)}, {aliasesLimit, len(p.aliases)}} {
		if l.n > l.of(o) {
			out = append(out, fmt.Sprintf("%d %s (%s allows %d)", l.n, l.what, o.Name, l.of(o)))
		}
	}
	if used := p.diskUsedMb(); used > o.DiskQuotaMb {
		out = append(out, fmt.Sprintf("%d MB of disk used (%s allows %d MB)", used, o.Name, o.DiskQuotaMb))
	}
	for _, db := range p.databases {
		if db.MaxSize > o.DatabaseMaxSizeMb {
			out = append(out, fmt.Sprintf("database %s with MaxSize %d MB (%s allows %d MB)", db.Name, db.MaxSize, o.Name, o.DatabaseMaxSizeMb))
		}
	}
	return out
}

// settleHosting renews the packs whose expiry date has passed when they
// auto-renew (and bills it), and expires the others.
func (e *Emulator) settleHosting(now time.Time, tx *platform.Tx) {
	for _, p := range e.duePacks(now) {
		for !p.Expires.After(now) {
			if !p.AutoRenew {
				p.Expired = true
				break
			}
			p.Expires = p.Expires.AddDate(1, 0, 0)
			e.bill(tx, p.Account, p.Domain, "hosting.autorenew", 1, p.offer().Price)
		}
		e.savePack(tx, p)
	}
}

// findPack returns the pack of the path's {hosting} if the caller can
// reach it.
func (c *call) findPack() (*hostingPack, error) {
	handle := c.r.PathValue("hosting")
	if p := c.e.packs[handle]; p != nil && c.reaches(p.Account) {
		return p, nil
	}
	return nil, errNotFound("", "Hosting pack %q does not exist.", handle)
}

// findReadyPack is findPack for the operations a pack refuses while it is
// being set up.
func (c *call) findReadyPack() (*hostingPack, error) {
	p, err := c.findPack()
	if err != nil {
		return nil, err
	}
	if p.status(c.now) == "pending" {
		return nil, errStatus("The hosting pack %s (%s) is still being set up: retry once its Status is active.", p.Handle, p.Domain)
	}
	return p, nil
}

// referredContact checks a {Handle} reference to a contact the caller can
// reach and returns the handle.
func (c *call) referredContact(ref *handleRef, field string) (string, error) {
	if ref == nil || strings.TrimSpace(ref.Handle) == "" {
		return "", errInvalid(field, "%s.Handle is required.", field)
	}
	ct, err := c.findContact(strings.TrimSpace(ref.Handle), field)
	if err != nil {
		return "", err
	}
	return ct.Handle, nil
}

// checkHostingHandle refuses a body's HostingHandle that is not the pack
// of the path (an empty one means that pack).
func checkHostingHandle(given string, p *hostingPack) error {
	if given != "" && given != p.Handle {
		return errInvalid("HostingHandle", "HostingHandle %q is not the pack of the path, %s.", given, p.Handle)
	}
	return nil
}

// listHostings serves one page of the acting account's packs, in id order.
func (e *Emulator) listHostings(c *call) error {
	name := normalizeHostName(c.r.URL.Query().Get("domain"))
	packs := e.packsInOrder(func(p *hostingPack) bool {
		return p.Account == c.acting.Handle && (name == "" || p.Domain == name)
	})
	start, end, err := c.paginate(len(packs))
	if err != nil {
		return err
	}
	out := make([]wireHosting, 0, end-start)
	for _, p := range packs[start:end] {
		out = append(out, p.wire(c.now))
	}
	return c.reply(http.StatusOK, out)
}

func (e *Emulator) createHosting(c *call) error {
	var in newHosting
	if err := c.decode(&in); err != nil {
		return err
	}
	o := offerOf(in.ProductId)
	if o == nil {
		return unknownOffer(in.ProductId)
	}
	name := normalizeHostName(in.Domain)
	switch {
	case !isDomainName(name):
		return errInvalid("Domain", "Domain %q is not a domain name of letters, digits and hyphens (send internationalised names in their xn-- form).", in.Domain)
	case e.packsByDomain[name] != nil:
		return errExists("The domain %s already has a hosting pack.", name)
	case e.aliasOwners[name] != nil:
		return errExists("The domain %s is an alias of a hosting pack: delete the alias first.", name)
	case in.Period < o.MinPeriod || in.Period > o.MaxPeriod:
		return errPolicy("Period", "Period must be from %d to %d years for the %s offer.", o.MinPeriod, o.MaxPeriod, o.Name)
	}
	admin, err := c.referredContact(in.AdminContact, "AdminContact")
	if err != nil {
		return err
	}
	billing, err := c.referredContact(in.BillingContact, "BillingContact")
	if err != nil {
		return err
	}

	created := c.now.Truncate(time.Second)
	pending := time.Duration(e.world.Settings().HostingPendingSeconds * float64(time.Second))
	id := e.world.Next(c.tx, packSeq)
	p := &hostingPack{
		Id: id, Handle: fmt.Sprintf("HO-%06d", id), Domain: name, Account: c.acting.Handle,
		ProductId: o.ProductId, Created: created, Expires: created.AddDate(in.Period, 0, 0),
		ReadyAt: c.now.Add(pending), AutoRenew: in.AutoRenew, Php: o.newestPhp(),
		Admin: admin, Billing: billing,
	}
	e.addPack(p)
	e.savePack(c.tx, p)
	e.bill(c.tx, p.Account, p.Domain, "hosting.create", in.Period, o.Price)
	return c.reply(http.StatusAccepted, p.wire(c.now))
}

func (e *Emulator) getHosting(c *call) error {
	p, err := c.findPack()
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, p.wire(c.now))
}

// editHosting changes the contacts, the PHP version, auto-renewal and
// statistics of a pack.
func (e *Emulator) editHosting(c *call) error {
	p, err := c.findReadyPack()
	if err != nil {
		return err
	}
	var in editHosting
	if err := c.decode(&in); err != nil {
		return err
	}
	admin, billing, php := p.Admin, p.Billing, p.Php
	if in.AdminContact != nil {
		if admin, err = c.referredContact(in.AdminContact, "AdminContact"); err != nil {
			return err
		}
	}
	if in.BillingContact != nil {
		if billing, err = c.referredContact(in.BillingContact, "BillingContact"); err != nil {
			return err
		}
	}
	if fw := in.FrameWork; fw != nil {
		o := p.offer()
		php = strings.TrimSpace(fw.Version)
		switch {
		case !strings.EqualFold(strings.TrimSpace(fw.Type), "PHP"):
			return errInvalid("FrameWork", "FrameWork.Type must be PHP, not %q.", fw.Type)
		case !slices.Contains(o.Php, php):
			return errInvalid("FrameWork", "PHP %q is not offered by the %s offer: choose one of %s.", fw.Version, o.Name, strings.Join(o.Php, ", "))
		}
	}
	p.Admin, p.Billing, p.Php = admin, billing, php
	if in.AutoRenew != nil {
		p.AutoRenew = *in.AutoRenew
	}
	if in.HasStats != nil {
		p.HasStats = *in.HasStats
	}
	e.savePack(c.tx, p)
	return c.reply(http.StatusOK, p.wire(c.now))
}

// upgradeHosting moves a pack to another offer: a larger one is billed the
// difference of the yearly prices; a smaller one must hold what the pack
// has, and is neither billed nor refunded.
func (e *Emulator) upgradeHosting(c *call) error {
	p, err := c.findReadyPack()
	if err != nil {
		return err
	}
	var in upgradeRequest
	if err := c.decode(&in); err != nil {
		return err
	}
	target := offerOf(in.ProductId)
	if target == nil {
		return unknownOffer(in.ProductId)
	}
	current := p.offer()
	if target == current {
		return errPolicy("ProductId", "The hosting pack %s (%s) already has the %s offer.", p.Handle, p.Domain, current.Name)
	}
	if target.Rank < current.Rank {
		if misfits := p.misfits(target); len(misfits) > 0 {
			return errStatus("The hosting pack %s (%s) does not fit the %s offer: %s. Remove what does not fit first.", p.Handle, p.Domain, target.Name, strings.Join(misfits, "; "))
		}
	}
	p.ProductId = target.ProductId
	if !slices.Contains(target.Php, p.Php) {
		p.Php = target.newestPhp()
	}
	e.savePack(c.tx, p)
	if target.Rank > current.Rank {
		e.bill(c.tx, p.Account, p.Domain, "hosting.upgrade", 0, target.Price-current.Price)
	}
	return c.reply(http.StatusOK, p.wire(c.now))
}

// renewHosting extends a pack by Period years, a billable operation.
func (e *Emulator) renewHosting(c *call) error {
	p, err := c.findReadyPack()
	if err != nil {
		return err
	}
	var in renewRequest
	if err := c.decode(&in); err != nil {
		return err
	}
	o := p.offer()
	if in.Period < o.MinPeriod || in.Period > o.MaxPeriod {
		return errPolicy("Period", "Period must be from %d to %d years for the %s offer.", o.MinPeriod, o.MaxPeriod, o.Name)
	}
	p.Expires = p.Expires.AddDate(in.Period, 0, 0)
	p.Expired = !p.Expires.After(c.now)
	e.savePack(c.tx, p)
	e.bill(c.tx, p.Account, p.Domain, "hosting.renew", in.Period, o.Price)
	return c.reply(http.StatusOK, p.wire(c.now))
}

func (e *Emulator) deleteHosting(c *call) error {
	p, err := c.findPack()
	if err != nil {
		return err
	}
	e.removePack(c.tx, p)
	return c.noContent()
}
