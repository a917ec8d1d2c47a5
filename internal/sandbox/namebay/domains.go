package namebay

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// Namebay's own name servers: a domain that uses them can have a zone here.
var namebayNameServers = []string{"ns1.namebay.com", "ns2.namebay.com"}

func usesNamebayDns(nameServers []string) bool {
	return len(nameServers) > 0 && slices.Contains(namebayNameServers, nameServers[0])
}

func (d *domain) wire(now time.Time) wireDomain {
	t := tldOf(d.Tld)
	out := wireDomain{
		Id: d.Id, Handle: d.Handle, Name: d.Name, Status: d.status(now),
		Created: d.Created, Expires: d.Expires, Renewal: d.Expires,
		TldId: t.Id, TldName: t.Name, Registrar: "Namebay", AuthInfo: d.AuthInfo,
		HasAnonymousWhois: d.AnonymousWhois, AutoRenew: d.AutoRenew, CurrentProductID: t.Id,
		UseNamebayDns: d.UseNamebayDns,
	}
	if d.ZoneHandle != "" {
		out.ZoneHandle = &d.ZoneHandle
	}
	return out
}

// bill appends a billable operation to the ledger: on object (a domain
// name) owned by account, unit per year of period, or unit once when the
// operation has no period.
func (e *Emulator) bill(tx *platform.Tx, account, object, operation string, period int, unit platform.Money) {
	amount := unit
	if period > 0 {
		amount = unit.Times(period)
	}
	e.world.Ledger.Append(tx, platform.Entry{
		Family: Family, Account: account, Operation: operation, Object: object,
		Period: period, Amount: amount, Currency: currency,
	})
}

// findDomain returns the domain of the path's {handle} if the caller can
// reach it.
func (c *call) findDomain() (*domain, error) {
	handle := c.r.PathValue("handle")
	if d := c.e.domains[handle]; d != nil && c.reaches(d.Account) {
		return d, nil
	}
	return nil, errNotFound("", "Domain %q does not exist.", handle)
}

// validateNameServers checks a full list of 2 to 6 name servers and returns
// it normalised.
func validateNameServers(in []nameServer) ([]string, error) {
	if len(in) < 2 || len(in) > 6 {
		return nil, errPolicy("NameServer", "A domain needs 2 to 6 name servers, not %d.", len(in))
	}
	out := make([]string, 0, len(in))
	for _, ns := range in {
		name := normalizeHostName(ns.Name)
		if !isHostName(name) || !strings.Contains(name, ".") {
			return nil, errInvalid("NameServer", "Name server %q is not a host name.", ns.Name)
		}
		if slices.Contains(out, name) {
			return nil, errDuplicate("Name server %s is listed twice.", name)
		}
		out = append(out, name)
	}
	return out, nil
}

func (e *Emulator) listDomains(c *call) error {
	q := c.r.URL.Query()
	name := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(q.Get("name"))), ".")
	contactHandle := q.Get("contact")
	if name == "" && contactHandle == "" {
		return errInvalid("Name", "Filter the list with name or contact.")
	}
	contactType := strings.ToUpper(q.Get("contactType"))
	if !slices.Contains([]string{"", "R", "O", "A", "T", "B"}, contactType) {
		return errInvalid("ContactType", "contactType must be O (or R), A, T or B.")
	}
	matches := func(d *domain) bool {
		if d.Account != c.acting.Handle || (name != "" && d.Name != name) {
			return false
		}
		switch contactType {
		case "":
			return contactHandle == "" || d.uses(contactHandle)
		case "R", "O":
			return d.Registrant == contactHandle
		case "A":
			return d.Admin == contactHandle
		case "T":
			return d.Tech == contactHandle
		default:
			return d.Billing == contactHandle
		}
	}
	out := []wireDomain{}
	for _, d := range e.domainsInOrder(matches) {
		out = append(out, d.wire(c.now))
	}
	return c.reply(http.StatusOK, out)
}

func (e *Emulator) createDomain(c *call) error {
	var in newDomain
	if err := c.decode(&in); err != nil {
		return err
	}
	name := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(in.DomainName)), ".")
	label, extension, ok := splitDomainName(name)
	if !ok {
		return errInvalid("DomainName", "DomainName %q is not a second-level name of letters, digits and hyphens (send internationalised names in their xn-- form).", in.DomainName)
	}
	t := tldOf(extension)
	switch {
	case t == nil:
		return errTld("DomainName", "The extension .%s is not offered.", extension)
	case reservedLabels[label]:
		return errPolicy("DomainName", "%s is reserved by the registry.", name)
	case strings.HasPrefix(label, takenPrefix) || e.domainsByName[name] != nil:
		return errExists("The domain %s is already registered.", name)
	case in.Period < t.MinPeriod || in.Period > t.MaxPeriod:
		return errPolicy("Period", "Period must be from %d to %d years for .%s.", t.MinPeriod, t.MaxPeriod, t.Name)
	case in.HasAnonymousWhois && !t.AnonymousWhois:
		return errTld("HasAnonymousWhois", "Anonymous whois is not available for .%s.", t.Name)
	}
	roles := []struct{ field, handle string }{
		{"RegistrantContactId", in.RegistrantContactId}, {"AdminContactId", in.AdminContactId},
		{"TechContactId", in.TechContactId}, {"BillingContactId", in.BillingContactId},
	}
	for _, role := range roles {
		if role.handle == "" {
			return errInvalid(role.field, "%s is required.", role.field)
		}
		if _, err := c.findContact(role.handle, role.field); err != nil {
			return err
		}
	}
	var nameServers []string
	switch {
	case in.UseNamebayDns && len(in.NameServer) > 0:
		return errInvalid("NameServer", "Give either NameServer or UseNamebayDns, not both.")
	case in.UseNamebayDns:
		nameServers = slices.Clone(namebayNameServers)
	case len(in.NameServer) == 0:
		return errInvalid("NameServer", "Give 2 to 6 NameServer, or UseNamebayDns true.")
	default:
		var err error
		if nameServers, err = validateNameServers(in.NameServer); err != nil {
			return err
		}
	}

	created := c.now.Truncate(time.Second)
	pending := time.Duration(e.world.Settings().DomainPendingSeconds * float64(time.Second))
	id := e.world.Next(c.tx, domainSeq)
	d := &domain{
		Id: id, Handle: fmt.Sprintf("DOM-%06d", id), Name: name, Tld: t.Name, Account: c.acting.Handle,
		Created: created, Expires: created.AddDate(in.Period, 0, 0), ReadyAt: c.now.Add(pending),
		Protected: in.Protect, AutoRenew: in.AutoRenew, AnonymousWhois: in.HasAnonymousWhois,
		UseNamebayDns: usesNamebayDns(nameServers), AuthInfo: platform.RandomSecret(16),
		Registrant: in.RegistrantContactId, Admin: in.AdminContactId, Tech: in.TechContactId, Billing: in.BillingContactId,
		NameServers: nameServers,
	}
	e.addDomain(d)
	if in.UseNamebayDns {
		e.createZoneFor(c, d)
	}
	e.saveDomain(c.tx, d)
	e.bill(c.tx, d.Account, d.Name, "domain.create", in.Period, t.Price)
	return c.reply(http.StatusAccepted, d.wire(c.now))
}

func (e *Emulator) getDomain(c *call) error {
	d, err := c.findDomain()
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, d.wire(c.now))
}

func (e *Emulator) updateDomain(c *call) error {
	d, err := c.findDomain()
	if err != nil {
		return err
	}
	var in updateDomain
	if err := c.decode(&in); err != nil {
		return err
	}
	protected := d.Protected
	if in.Status != nil {
		switch strings.ToLower(*in.Status) {
		case "protect":
			protected = true
		case "unprotect":
			protected = false
		default:
			return errInvalid("Status", "Status must be protect or unprotect.")
		}
	}
	if in.HasAnonymousWhois != nil && *in.HasAnonymousWhois && !tldOf(d.Tld).AnonymousWhois {
		return errTld("HasAnonymousWhois", "Anonymous whois is not available for .%s.", d.Tld)
	}
	d.Protected = protected
	if in.HasAnonymousWhois != nil {
		d.AnonymousWhois = *in.HasAnonymousWhois
	}
	if in.AutoRenew != nil {
		d.AutoRenew = *in.AutoRenew
	}
	e.saveDomain(c.tx, d)
	return c.ticket("Domain update ticket created.")
}

func (e *Emulator) deleteDomain(c *call) error {
	d, err := c.findDomain()
	if err != nil {
		return err
	}
	if d.status(c.now) == "protected" {
		return errStatus("The domain %s is protected: unprotect it (PUT api/Domain/%s with Status unprotect) before deleting it.", d.Name, d.Handle)
	}
	if z := e.zones[d.ZoneHandle]; z != nil {
		e.deleteZone(c.tx, z)
	}
	delete(e.domains, d.Handle)
	delete(e.domainsByName, d.Name)
	c.tx.Delete(domainsBucket, d.Handle)
	return c.noContent()
}

func (e *Emulator) getNameServers(c *call) error {
	d, err := c.findDomain()
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, wireNameServers(d.NameServers))
}

func (e *Emulator) putNameServers(c *call) error {
	d, err := c.findDomain()
	if err != nil {
		return err
	}
	var in []nameServer
	if err := c.decode(&in); err != nil {
		return err
	}
	nameServers, err := validateNameServers(in)
	if err != nil {
		return err
	}
	d.NameServers, d.UseNamebayDns = nameServers, usesNamebayDns(nameServers)
	e.saveDomain(c.tx, d)
	return c.reply(http.StatusOK, wireNameServers(d.NameServers))
}

func wireNameServers(names []string) []nameServer {
	out := make([]nameServer, 0, len(names))
	for _, n := range names {
		out = append(out, nameServer{Name: n})
	}
	return out
}

func (d *domain) wireContacts() []domainContact {
	return []domainContact{
		{Handle: d.Registrant, Type: "O"}, {Handle: d.Admin, Type: "A"},
		{Handle: d.Tech, Type: "T"}, {Handle: d.Billing, Type: "B"},
	}
}

func (e *Emulator) getDomainContacts(c *call) error {
	d, err := c.findDomain()
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, d.wireContacts())
}

// putDomainContacts changes the tech and billing contacts. The admin
// contact never changes, and the registrant only through a paid trade.
func (e *Emulator) putDomainContacts(c *call) error {
	d, err := c.findDomain()
	if err != nil {
		return err
	}
	var in []domainContact
	if err := c.decode(&in); err != nil {
		return err
	}
	tech, billing := d.Tech, d.Billing
	for _, dc := range in {
		if _, err := c.findContact(dc.Handle, "Handle"); err != nil {
			return err
		}
		switch strings.ToUpper(dc.Type) {
		case "O", "R":
			if dc.Handle != d.Registrant {
				return errStatus("The registrant of %s cannot change here: a registrant change is a paid trade (POST api/Domain/%s/Trade).", d.Name, d.Handle)
			}
		case "A":
			if dc.Handle != d.Admin {
				return errStatus("The admin contact of %s cannot change: register the domain again with another admin contact if it must.", d.Name)
			}
		case "T":
			tech = dc.Handle
		case "B":
			billing = dc.Handle
		default:
			return errInvalid("Type", "Type must be O, A, T or B, not %q.", dc.Type)
		}
	}
	d.Tech, d.Billing = tech, billing
	e.saveDomain(c.tx, d)
	return c.reply(http.StatusOK, d.wireContacts())
}

// trade changes the registrant, a billable operation.
func (e *Emulator) trade(c *call) error {
	d, err := c.findDomain()
	if err != nil {
		return err
	}
	var in tradeRequest
	if err := c.decode(&in); err != nil {
		return err
	}
	if in.NewRegistrantContactId == "" {
		return errInvalid("NewRegistrantContactId", "NewRegistrantContactId is required.")
	}
	if _, err := c.findContact(in.NewRegistrantContactId, "NewRegistrantContactId"); err != nil {
		return err
	}
	if in.NewRegistrantContactId == d.Registrant {
		return errPolicy("NewRegistrantContactId", "%s is already the registrant of %s.", d.Registrant, d.Name)
	}
	d.Registrant = in.NewRegistrantContactId
	e.saveDomain(c.tx, d)
	e.bill(c.tx, d.Account, d.Name, "domain.trade", 0, tldOf(d.Tld).Price)
	return c.ticket("Domain trade ticket created.")
}

// renew extends the registration by Period years, a billable operation.
func (e *Emulator) renew(c *call) error {
	d, err := c.findDomain()
	if err != nil {
		return err
	}
	var in renewRequest
	if err := c.decode(&in); err != nil {
		return err
	}
	t := tldOf(d.Tld)
	if in.Period < t.MinPeriod || in.Period > t.MaxPeriod {
		return errPolicy("Period", "Period must be from %d to %d years for .%s.", t.MinPeriod, t.MaxPeriod, t.Name)
	}
	d.Expires = d.Expires.AddDate(in.Period, 0, 0)
	d.Expired = !d.Expires.After(c.now)
	e.saveDomain(c.tx, d)
	e.bill(c.tx, d.Account, d.Name, "domain.renew", in.Period, t.Price)
	return c.reply(http.StatusOK, d.wire(c.now))
}

func (e *Emulator) getAuthInfo(c *call) error {
	d, err := c.findDomain()
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, authInfoAnswer{AuthInfo: d.AuthInfo})
}
