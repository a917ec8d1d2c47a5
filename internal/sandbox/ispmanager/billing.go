package ispmanager

import (
	"strconv"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

func moneyOf(cents int64) platform.Money { return platform.Money(cents) }

// wholeMonthsLeft counts the whole months from now to expires.
func wholeMonthsLeft(now, expires time.Time) int {
	n := 0
	for !now.AddDate(0, n+1, 0).After(expires) {
		n++
	}
	return n
}

// prolong serves service.prolong: an active licence is extended from its
// expiry date, a suspended one from today and becomes active.
func (e *Emulator) prolong(c *call) error {
	l, err := c.licence("")
	if err != nil {
		return err
	}
	p := l.product()
	if p.Trial {
		return newError("status", "elid", "A trial licence cannot be renewed: order a paid one.")
	}
	months, err := strconv.Atoi(c.param("period"))
	if err != nil || !p.offers(months) {
		return valueError("period", c.param("period"), "%s is renewed for 1 or 12 months.", p.Name)
	}
	amount := p.cost(months)
	for id, n := range l.Addons {
		amount += p.addon(id).Monthly.Times(n * months)
	}
	if err := c.charge(l, "license.renew", months, amount); err != nil {
		return err
	}
	e.renew(l, months, c.now)
	e.saveLicense(c.tx, l)
	doc := newDoc()
	doc.add("doc").set("newexpiredate", date(l.Expires))
	return c.reply(doc)
}

// renew moves the expiry date: from the old one while the licence runs,
// from now once it was suspended.
func (e *Emulator) renew(l *license, months int, now time.Time) {
	from := l.Expires
	if l.Suspended {
		from = now
	}
	l.Expires = from.AddDate(0, months, 0)
	l.Suspended = false
}

// changePricelist serves service.changepricelist: a move to another tariff
// of the same line; an upgrade is billed for the whole months left.
func (e *Emulator) changePricelist(c *call) error {
	l, err := c.licence("")
	if err != nil {
		return err
	}
	if !c.submitted() {
		doc := newDoc()
		doc.set("pricelist", strconv.FormatInt(l.ProductID, 10))
		return c.reply(doc)
	}
	from := l.product()
	id, _ := strconv.ParseInt(c.param("pricelist"), 10, 64)
	to := productByID(id)
	switch {
	case to == nil || !to.Orderable:
		return valueError("pricelist", c.param("pricelist"), "Unknown or withdrawn tariff %q.", c.param("pricelist"))
	case from.Trial || to.Trial:
		return newError("status", "elid", "A trial licence cannot change tariff, and no licence can become a trial.")
	case from.Kind != to.Kind || from.ItemType != to.ItemType:
		return valueError("pricelist", c.param("pricelist"), "%s cannot move to %s: another product line.", from.Name, to.Name)
	}
	for addonID, n := range l.Addons {
		if n > 0 && to.addon(addonID) == nil {
			return valueError("pricelist", c.param("pricelist"), "%s has no add-on %d: remove its units first.", to.Name, addonID)
		}
	}
	months := max(1, wholeMonthsLeft(c.now, l.Expires))
	if diff := to.Monthly - from.Monthly; diff > 0 {
		if err := c.charge(l, "license.changepricelist", months, diff.Times(months)); err != nil {
			return err
		}
	}
	l.ProductID = to.ID
	e.saveLicense(c.tx, l)
	return c.ok()
}

// pricelistExport serves the catalog.
func (e *Emulator) pricelistExport(c *call) error {
	doc := newDoc()
	only := c.param("onlyavailable") == "yes"
	itemType := c.param("itemtype")
	onOff := func(b bool) string {
		if b {
			return "on"
		}
		return "off"
	}
	for i := range catalog {
		p := &catalog[i]
		if (only && !p.Orderable) || (itemType != "" && itemType != p.ItemType) {
			continue
		}
		n := doc.addItem("pricelist")
		n.set("id", strconv.FormatInt(p.ID, 10)).set("name", p.Name).set("itemtype", p.ItemType).set("kind", p.Kind).
			set("orderable", onOff(p.Orderable)).set("trial", onOff(p.Trial)).set("needip", onOff(p.ItemType == itemSoft))
		price := n.add("price").attr("currency", currency)
		for _, months := range p.periods() {
			price.add("period").attr("length", strconv.Itoa(months)).attr("type", "month").attr("cost", p.cost(months).String())
		}
		for _, a := range p.Addons {
			n.add("addon").set("id", strconv.FormatInt(a.ID, 10)).set("name", a.Name).
				set("min", strconv.Itoa(a.Min)).set("max", strconv.Itoa(a.Max)).set("cost", a.Monthly.String())
		}
	}
	return c.reply(doc)
}

// whoami answers the account and its balance.
func (e *Emulator) whoami(c *call) error {
	doc := newDoc()
	doc.add("user").attr("name", c.caller.Login).attr("balance", e.balance(c.caller.Handle).String()).attr("currency", currency)
	return c.reply(doc)
}

// settle runs the lifecycle: at expiry a licence with autoprolong renews from
// the balance, and is suspended otherwise (or when the balance is short); a
// licence suspended at expiry is deleted 30 days after it.
func (e *Emulator) settle(now time.Time, tx *platform.Tx) {
	for _, l := range e.licenses {
		for !now.Before(l.Expires) {
			if l.Suspended {
				if !now.Before(l.Expires.AddDate(0, 0, trialDays)) {
					e.dropLicense(tx, l)
				}
				break
			}
			p := l.product()
			if l.AutoProlong == 0 || p.Trial {
				l.Suspended = true
				e.saveLicense(tx, l)
				continue
			}
			amount := p.cost(l.AutoProlong)
			for id, n := range l.Addons {
				amount += p.addon(id).Monthly.Times(n * l.AutoProlong)
			}
			if e.charge(tx, l.Account, l, "license.autorenew", l.AutoProlong, amount) != nil {
				l.Suspended = true
				e.saveLicense(tx, l)
				continue
			}
			l.Expires = l.Expires.AddDate(0, l.AutoProlong, 0)
			e.saveLicense(tx, l)
		}
	}
}
