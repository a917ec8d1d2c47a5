package namebay

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strings"
)

func (c *contact) wire() wireContact {
	entity := 1
	if c.IsIndividual {
		entity = 2
	}
	return wireContact{
		Handle: c.Handle, FirstName: c.FirstName, LastName: c.LastName, OrgName: c.OrgName,
		Address: c.Address, City: c.City, Pc: c.Pc, Cc: c.Cc, MailAddress: c.MailAddress,
		Phone: c.Phone, IsIndividual: c.IsIndividual, Entity: entity, IsActive: true, Account: c.Account,
	}
}

// validateContact checks a NewContact body and returns the contact it
// describes (without handle or owner).
func validateContact(in newContact) (contact, error) {
	trim := strings.TrimSpace
	out := contact{
		FirstName: trim(in.FirstName), LastName: trim(in.LastName), OrgName: trim(in.OrgName),
		Address: trim(in.Address), City: trim(in.City), Pc: trim(in.Pc), Cc: trim(in.Cc),
		MailAddress: trim(in.MailAddress), Phone: trim(in.Phone),
	}
	for _, f := range []struct{ name, value string }{
		{"FirstName", out.FirstName}, {"LastName", out.LastName}, {"Address", out.Address},
		{"City", out.City}, {"Pc", out.Pc}, {"Cc", out.Cc}, {"MailAddress", out.MailAddress},
	} {
		if f.value == "" {
			return contact{}, errInvalid(f.name, "%s is required.", f.name)
		}
		if len(f.value) > 255 {
			return contact{}, errInvalid(f.name, "%s is longer than 255 characters.", f.name)
		}
	}
	if in.IsIndividual == nil {
		return contact{}, errInvalid("IsIndividual", "IsIndividual is required (true for a person, false for an organisation).")
	}
	out.IsIndividual = *in.IsIndividual
	switch {
	case !isCountry(out.Cc):
		return contact{}, errInvalid("Cc", "Cc %q is not an ISO 3166-1 alpha-2 country code in upper case (for example FR).", out.Cc)
	case !isMailAddress(out.MailAddress):
		return contact{}, errInvalid("MailAddress", "MailAddress %q is not an e-mail address.", out.MailAddress)
	case out.Phone != "" && !isPhone(out.Phone):
		return contact{}, errInvalid("Phone", "Phone %q must be written +CC.NUMBER (for example +33.123456789).", out.Phone)
	case !out.IsIndividual && out.OrgName == "":
		return contact{}, errInvalid("OrgName", "OrgName is required for an organisation (IsIndividual false).")
	case len(out.OrgName) > 255:
		return contact{}, errInvalid("OrgName", "OrgName is longer than 255 characters.")
	}
	return out, nil
}

// findContact returns a contact the caller can reach; field names the body
// attribute that referred to it ("" for the path).
func (c *call) findContact(handle, field string) (*contact, error) {
	if ct := c.e.contacts[handle]; ct != nil && c.reaches(ct.Account) {
		return ct, nil
	}
	if field != "" {
		return nil, errNotFound(field, "Contact %q does not exist.", handle)
	}
	return nil, errNotFound("", "Contact %q does not exist.", handle)
}

func (e *Emulator) listContacts(c *call) error {
	out := []wireContact{}
	for _, ct := range e.contacts {
		if ct.Account == c.acting.Handle {
			out = append(out, ct.wire())
		}
	}
	slices.SortFunc(out, func(a, b wireContact) int { return cmp.Compare(a.Handle, b.Handle) })
	return c.reply(http.StatusOK, out)
}

func (e *Emulator) createContact(c *call) error {
	var in newContact
	if err := c.decode(&in); err != nil {
		return err
	}
	ct, err := validateContact(in)
	if err != nil {
		return err
	}
	ct.Handle = fmt.Sprintf("CT-%06d", e.world.Next(c.tx, contactSeq))
	ct.Account = c.acting.Handle
	e.contacts[ct.Handle] = &ct
	e.saveContact(c.tx, &ct)
	return c.reply(http.StatusCreated, ct.wire())
}

func (e *Emulator) getContact(c *call) error {
	ct, err := c.findContact(c.r.PathValue("handle"), "")
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, ct.wire())
}

func (e *Emulator) updateContact(c *call) error {
	ct, err := c.findContact(c.r.PathValue("handle"), "")
	if err != nil {
		return err
	}
	var in newContact
	if err := c.decode(&in); err != nil {
		return err
	}
	next, err := validateContact(in)
	if err != nil {
		return err
	}
	if next.Cc != ct.Cc {
		return errPolicy("Cc", "The country of a contact cannot change (it is %s): create a new contact instead.", ct.Cc)
	}
	next.Handle, next.Account = ct.Handle, ct.Account
	*ct = next
	e.saveContact(c.tx, ct)
	return c.reply(http.StatusOK, ct.wire())
}

func (e *Emulator) deleteContact(c *call) error {
	ct, err := c.findContact(c.r.PathValue("handle"), "")
	if err != nil {
		return err
	}
	if users := e.domainsInOrder(func(d *domain) bool { return d.uses(ct.Handle) }); len(users) > 0 {
		return errStatus("Contact %s is used by the domain %s: change the domain's contacts before deleting it.", ct.Handle, users[0].Name)
	}
	if packs := e.packsInOrder(func(p *hostingPack) bool { return p.uses(ct.Handle) }); len(packs) > 0 {
		return errStatus("Contact %s is used by the hosting pack %s (%s): change the pack's contacts before deleting it.", ct.Handle, packs[0].Handle, packs[0].Domain)
	}
	delete(e.contacts, ct.Handle)
	c.tx.Delete(contactsBucket, ct.Handle)
	return c.noContent()
}
