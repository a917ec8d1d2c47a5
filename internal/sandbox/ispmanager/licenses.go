package ispmanager

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// nameField is the form field of a licence's name.
func nameField(itemType string) string {
	if itemType == itemPlatform {
		return "comment"
	}
	return "licname"
}

// order serves soft.order.param and platform.order.param.
func (e *Emulator) order(itemType string) func(c *call) error {
	return func(c *call) error {
		if !c.submitted() {
			doc := newDoc()
			doc.set("pricelist", c.param("pricelist")).set("period", "1").set("autoprolong", "null").set("skipbasket", "off")
			return c.reply(doc)
		}
		p, err := c.orderedProduct(itemType)
		if err != nil {
			return err
		}
		months, err := c.period(p)
		if err != nil {
			return err
		}
		l := &license{Account: c.caller.Handle, ItemType: itemType, ProductID: p.ID, Period: months, Addons: map[int64]int{}, Created: c.now}
		if l.Name, err = c.name(itemType); err != nil {
			return err
		}
		if l.IP, err = c.ip(itemType, p, 0); err != nil {
			return err
		}
		if l.AutoProlong, err = c.autoprolong(p); err != nil {
			return err
		}
		if err := c.addons(p, l.Addons); err != nil {
			return err
		}
		if p.Trial && c.e.trials[c.caller.Handle+"|"+l.IP] {
			return newError("exists", "trial", "The IP address %s already had a trial licence.", l.IP)
		}
		if c.param("skipbasket") != "on" {
			return valueError("skipbasket", c.param("skipbasket"), "The sandbox only pays orders from the balance: send skipbasket=on.")
		}
		l.RemoteID = c.param("remoteid")
		l.Expires = c.now.AddDate(0, months, 0)
		if p.Trial {
			l.Expires = c.now.AddDate(0, 0, trialDays)
		}
		l.KeyAt = c.now.Add(time.Duration(c.e.world.Settings().LicenseKeySeconds * float64(time.Second)))
		amount := p.cost(months)
		for id, n := range l.Addons {
			amount += p.addon(id).Monthly.Times(n * max(months, 1))
		}
		if err := c.charge(l, "license.order", months, amount); err != nil {
			return err
		}
		l.ID = firstID + c.e.world.Next(c.tx, licenseSeq)
		l.Key = newKey(l.ID)
		if p.Trial {
			c.e.markTrial(c.tx, c.caller.Handle, l.IP)
		}
		c.e.saveLicense(c.tx, l)
		doc := newDoc()
		doc.set("id", strconv.FormatInt(l.ID, 10))
		return c.reply(doc)
	}
}

func (c *call) orderedProduct(itemType string) (*product, error) {
	id, _ := strconv.ParseInt(c.param("pricelist"), 10, 64)
	p := productByID(id)
	switch {
	case p == nil || p.ItemType != itemType:
		return nil, valueError("pricelist", c.param("pricelist"), "Unknown tariff %q.", c.param("pricelist"))
	case !p.Orderable:
		return nil, valueError("pricelist", c.param("pricelist"), "%s can no longer be ordered.", p.Name)
	}
	return p, nil
}

func (c *call) period(p *product) (int, error) {
	months, err := strconv.Atoi(c.param("period"))
	if err != nil || !p.offers(months) {
		return 0, valueError("period", c.param("period"), "%s is not sold for the period %q.", p.Name, c.param("period"))
	}
	return months, nil
}

func (c *call) name(itemType string) (string, error) {
	field := nameField(itemType)
	name := c.r.Form.Get(field)
	if name == "" || len([]rune(name)) > 255 || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return "", valueError(field, name, "The licence name must be 1-255 characters without control characters.")
	}
	return name, nil
}

// ip checks the IP of a soft licence: a dotted IPv4 address that no other
// live licence of the same line holds in the account (self excepted).
func (c *call) ip(itemType string, p *product, self int64) (string, error) {
	ip := c.param("ip")
	if itemType == itemPlatform {
		if ip != "" {
			return "", valueError("ip", ip, "%s licences are activated by key and take no IP address.", p.Name)
		}
		return "", nil
	}
	parsed := net.ParseIP(ip)
	if parsed == nil || parsed.To4() == nil || !strings.Contains(ip, ".") || parsed.IsUnspecified() {
		return "", valueError("ip", ip, "Invalid value of field 'IP address': %q is not an IPv4 address.", ip)
	}
	for _, other := range c.e.licenses {
		if other.ID != self && other.Account == c.caller.Handle && other.IP == ip && other.product().Kind == p.Kind {
			return "", newError("exists", "ip", "The IP address %s already holds the %s licence %d.", ip, other.product().Name, other.ID)
		}
	}
	return ip, nil
}

func (c *call) autoprolong(p *product) (int, error) {
	v := c.param("autoprolong")
	if v == "" || v == "null" || v == "off" {
		return 0, nil
	}
	months, err := strconv.Atoi(v)
	if err != nil || p.Trial || !p.offers(months) {
		return 0, valueError("autoprolong", v, "autoprolong must be null or a period of %s.", p.Name)
	}
	return months, nil
}

// addons reads the addon_<ID> fields into counts.
func (c *call) addons(p *product, counts map[int64]int) error {
	for field := range c.r.Form {
		rest, ok := strings.CutPrefix(field, "addon_")
		if !ok {
			continue
		}
		id, _ := strconv.ParseInt(rest, 10, 64)
		a := p.addon(id)
		if a == nil {
			return valueError(field, c.param(field), "%s has no add-on %s.", p.Name, rest)
		}
		n, err := strconv.Atoi(c.param(field))
		if err != nil || n < a.Min || n > a.Max {
			return valueError(field, c.param(field), "%s takes %d to %d units.", a.Name, a.Min, a.Max)
		}
		counts[id] = n
	}
	return nil
}

func newKey(id int64) string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%d-%s", id, hex.EncodeToString(b))
}

// list serves soft and platform.
func (e *Emulator) list(itemType string) func(c *call) error {
	return func(c *call) error {
		var mine []*license
		for _, l := range c.e.licenses {
			if l.Account == c.caller.Handle && l.ItemType == itemType {
				mine = append(mine, l)
			}
		}
		slices.SortFunc(mine, func(a, b *license) int { return int(a.ID - b.ID) })
		size, page := 500, 1
		if n, err := strconv.Atoi(c.param("p_cnt")); err == nil && n > 0 {
			size = n
		}
		if n, err := strconv.Atoi(c.param("p_num")); err == nil && n > 0 {
			page = n
		}
		doc := newDoc()
		for i := (page - 1) * size; i < len(mine) && i < page*size; i++ {
			l := mine[i]
			row := doc.addItem("elem")
			row.set("id", strconv.FormatInt(l.ID, 10)).set(nameField(itemType), l.Name)
			if itemType == itemSoft {
				row.set("ip", l.IP)
			}
			c.e.describe(row, l, c.now)
			row.set("cost", l.product().cost(l.Period).String())
		}
		doc.set("p_elems", strconv.Itoa(len(mine)))
		return c.reply(doc)
	}
}

// describe adds the fields a list row and a form share.
func (e *Emulator) describe(n *elem, l *license, now time.Time) {
	p := l.product()
	auto := "null"
	if l.AutoProlong > 0 {
		auto = strconv.Itoa(l.AutoProlong)
	}
	msg := "Active"
	if l.Suspended {
		msg = "Suspended"
	}
	n.set("pricelist", strconv.FormatInt(p.ID, 10)).set("pricelist_name", p.Name).
		set("period", strconv.Itoa(l.Period)).set("autoprolong", auto).
		set("status", strconv.Itoa(l.status())).set("status_msg", msg).
		set("createdate", date(l.Created)).set("expiredate", date(l.Expires)).set("remoteid", l.RemoteID)
}

// edit serves soft.edit and platform.edit: the form without sok, the
// change with it.
func (e *Emulator) edit(itemType string) func(c *call) error {
	return func(c *call) error {
		l, err := c.licence(itemType)
		if err != nil {
			return err
		}
		if c.submitted() {
			if err := c.applyEdit(l); err != nil {
				return err
			}
			return c.ok()
		}
		doc := newDoc()
		doc.set("id", strconv.FormatInt(l.ID, 10)).set(nameField(itemType), l.Name)
		if itemType == itemSoft {
			doc.set("ip", l.IP)
		}
		e.describe(doc, l, c.now)
		key := ""
		if !c.now.Before(l.KeyAt) {
			key = l.Key
		}
		doc.set("lickey", key).set("real_ipchange", date(l.IPChanged)).set("real_keychange", date(l.KeyChanged))
		p := l.product()
		for _, a := range p.Addons {
			doc.set("addon_"+strconv.FormatInt(a.ID, 10), strconv.Itoa(l.Addons[a.ID]))
		}
		return c.reply(doc)
	}
}

// applyEdit checks every field given, then changes them together.
func (c *call) applyEdit(l *license) error {
	p := l.product()
	next := *l
	next.Addons = map[int64]int{}
	for id, n := range l.Addons {
		next.Addons[id] = n
	}
	var err error
	if c.has(nameField(l.ItemType)) {
		if next.Name, err = c.name(l.ItemType); err != nil {
			return err
		}
	}
	if c.has("ip") && c.param("ip") != l.IP {
		if next.IP, err = c.ip(l.ItemType, p, l.ID); err != nil {
			return err
		}
		next.IPChanged = c.now
	}
	if c.has("remoteid") {
		next.RemoteID = c.param("remoteid")
	}
	if c.has("autoprolong") {
		if next.AutoProlong, err = c.autoprolong(p); err != nil {
			return err
		}
	}
	if err := c.addons(p, next.Addons); err != nil {
		return err
	}
	if c.param("clicked_button") == "newkey" {
		next.Key, next.KeyChanged = newKey(l.ID), c.now
	}
	months := max(1, wholeMonthsLeft(c.now, l.Expires))
	var amount int64
	for id, n := range next.Addons {
		if added := n - l.Addons[id]; added > 0 {
			amount += int64(p.addon(id).Monthly.Times(added * months))
		}
	}
	if err := c.charge(&next, "license.addon", months, moneyOf(amount)); err != nil {
		return err
	}
	*l = next
	c.e.saveLicense(c.tx, l)
	return nil
}

// suspend serves soft.suspend (true) and soft.resume (false).
func (e *Emulator) suspend(stop bool) func(c *call) error {
	return func(c *call) error {
		l, err := c.licence("")
		if err != nil {
			return err
		}
		if !stop && !c.now.Before(l.Expires) {
			return newError("status", "elid", "Licence %d expired on %s: renew it with service.prolong.", l.ID, date(l.Expires))
		}
		l.Suspended = stop
		c.e.saveLicense(c.tx, l)
		return c.ok()
	}
}

// remove serves soft.delete and platform.delete.
func (e *Emulator) remove(itemType string) func(c *call) error {
	return func(c *call) error {
		l, err := c.licence(itemType)
		if err != nil {
			return err
		}
		c.e.dropLicense(c.tx, l)
		return c.ok()
	}
}
