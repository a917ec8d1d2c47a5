package ispmanager

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Licence statuses.
const (
	StatusOrdered    = 1
	StatusActive     = 2
	StatusSuspended  = 3
	StatusDeleted    = 4
	StatusProcessing = 5
)

// License is one licence of the account.
type License struct {
	ID          int64
	ItemType    string
	Name        string // licname, or the comment of a platform licence
	IP          string
	RemoteID    string
	ProductID   int64
	ProductName string
	Period      int // months; -100 for a trial
	AutoProlong int // months; 0 when off
	Status      int
	StatusMsg   string
	Created     string        // YYYY-MM-DD
	Expires     string        // YYYY-MM-DD
	Key         string        // filled by License only
	Addons      map[int64]int // filled by License only
	IPChanged   string
	KeyChanged  string
}

// String describes the licence without its key.
func (l License) String() string {
	key := ""
	if l.Key != "" {
		key = ", key ***"
	}
	return fmt.Sprintf("licence %d %q (%s %d, IP %q, status %d, expires %s%s)", l.ID, l.Name, l.ItemType, l.ProductID, l.IP, l.Status, l.Expires, key)
}

// GoString is String, so %#v never prints the key either.
func (l License) GoString() string { return l.String() }

// Order is a licence to buy.
type Order struct {
	ProductID   int64
	ItemType    string
	Name, IP    string
	RemoteID    string
	Period      int
	AutoProlong int // months; 0 for off
	Addons      map[int64]int
}

// Edit lists the fields to change; nil leaves a field as it is.
type Edit struct {
	Name, IP, RemoteID *string
	AutoProlong        *int // 0 turns auto-renewal off
	Addons             map[int64]int
}

// Licenses lists every licence of the account, soft then platform.
func (c *Client) Licenses(ctx context.Context) ([]License, error) {
	var all []License
	for _, itemType := range []string{ItemSoft, ItemPlatform} {
		for page := 1; ; page++ {
			doc, err := c.call(ctx, listFunc(itemType), url.Values{"p_cnt": {strconv.Itoa(pageSize)}, "p_num": {strconv.Itoa(page)}}, false)
			if err != nil {
				return nil, err
			}
			elems := doc.children("elem")
			for _, e := range elems {
				l, err := license(e, itemType)
				if err != nil {
					return nil, fmt.Errorf("ispmanager %s: %w", listFunc(itemType), err)
				}
				all = append(all, l)
			}
			total, _ := strconv.Atoi(doc.text("p_elems"))
			if len(elems) < pageSize || page*pageSize >= total {
				break
			}
		}
	}
	return all, nil
}

// License reads one licence's form, with its key and add-ons.
func (c *Client) License(ctx context.Context, itemType string, id int64) (*License, error) {
	doc, err := c.call(ctx, editFunc(itemType), url.Values{"elid": {strconv.FormatInt(id, 10)}}, false)
	if err != nil {
		return nil, err
	}
	l, err := license(doc, itemType)
	if err != nil {
		return nil, fmt.Errorf("ispmanager %s: %w", editFunc(itemType), err)
	}
	if l.ID == 0 {
		l.ID = id
	}
	l.Key = doc.text("lickey")
	l.Addons = map[int64]int{}
	for name := range doc {
		if rest, ok := strings.CutPrefix(name, "addon_"); ok {
			addonID, err1 := strconv.ParseInt(rest, 10, 64)
			n, err2 := strconv.Atoi(doc.text(name))
			if err1 == nil && err2 == nil {
				l.Addons[addonID] = n
			}
		}
	}
	return &l, nil
}

func license(n node, itemType string) (License, error) {
	l := License{ItemType: itemType, Name: n.text(nameField(itemType)), IP: n.text("ip"), RemoteID: n.text("remoteid"),
		ProductName: n.text("pricelist_name"), StatusMsg: n.text("status_msg"), Created: n.text("createdate"),
		Expires: n.text("expiredate"), IPChanged: n.text("real_ipchange"), KeyChanged: n.text("real_keychange")}
	var err error
	if s := n.text("id"); s != "" {
		if l.ID, err = strconv.ParseInt(s, 10, 64); err != nil {
			return l, fmt.Errorf("a licence id %q", s)
		}
	}
	if s := n.text("pricelist"); s != "" {
		if l.ProductID, err = strconv.ParseInt(s, 10, 64); err != nil {
			return l, fmt.Errorf("licence %d: a product id %q", l.ID, s)
		}
	}
	l.Period, _ = strconv.Atoi(n.text("period"))
	l.Status, _ = strconv.Atoi(n.text("status"))
	if s := n.text("autoprolong"); s != "" && s != "null" && s != "off" {
		l.AutoProlong, _ = strconv.Atoi(s)
	}
	return l, nil
}

// Order buys a licence from the balance and returns its ID. It is sent once.
func (c *Client) Order(ctx context.Context, o Order) (int64, error) {
	params := url.Values{
		"pricelist":           {strconv.FormatInt(o.ProductID, 10)},
		"period":              {strconv.Itoa(o.Period)},
		nameField(o.ItemType): {o.Name},
		"autoprolong":         {autoprolong(o.AutoProlong)},
		"skipbasket":          {"on"},
		"clicked_button":      {"finish"},
		"sok":                 {"ok"},
	}
	if o.ItemType != ItemPlatform {
		params.Set("ip", o.IP)
	}
	if o.RemoteID != "" {
		params.Set("remoteid", o.RemoteID)
	}
	setAddons(params, o.Addons)
	fn := orderFunc(o.ItemType)
	doc, err := c.call(ctx, fn, params, true)
	if err != nil {
		return 0, err
	}
	id, err := strconv.ParseInt(doc.text("id"), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("ispmanager %s: the answer has no licence id", fn)
	}
	return id, nil
}

// Edit changes the fields e names.
func (c *Client) Edit(ctx context.Context, itemType string, id int64, e Edit) error {
	params := url.Values{"elid": {strconv.FormatInt(id, 10)}, "sok": {"ok"}}
	if e.Name != nil {
		params.Set(nameField(itemType), *e.Name)
	}
	if e.IP != nil {
		params.Set("ip", *e.IP)
	}
	if e.RemoteID != nil {
		params.Set("remoteid", *e.RemoteID)
	}
	if e.AutoProlong != nil {
		params.Set("autoprolong", autoprolong(*e.AutoProlong))
	}
	setAddons(params, e.Addons)
	// Raising an add-on bills: such an edit is sent once.
	_, err := c.call(ctx, editFunc(itemType), params, len(e.Addons) > 0)
	return err
}

// NewKey draws a new licence key. It is sent once.
func (c *Client) NewKey(ctx context.Context, itemType string, id int64) error {
	_, err := c.call(ctx, editFunc(itemType), url.Values{"elid": {strconv.FormatInt(id, 10)}, "clicked_button": {"newkey"}, "sok": {"ok"}}, true)
	return err
}

// Renew extends the licence by months from the balance and returns the new
// expiry date. It is sent once.
func (c *Client) Renew(ctx context.Context, id int64, months int) (string, error) {
	doc, err := c.call(ctx, funcProlong, url.Values{"elid": {strconv.FormatInt(id, 10)}, "period": {strconv.Itoa(months)}, "sok": {"ok"}}, true)
	if err != nil {
		return "", err
	}
	// The new date sits in a nested doc element.
	if date := doc.child("doc").text("newexpiredate"); date != "" {
		return date, nil
	}
	return doc.text("newexpiredate"), nil
}

// ChangeProduct moves the licence to another tariff. It is sent once.
func (c *Client) ChangeProduct(ctx context.Context, id, productID int64, months int) error {
	_, err := c.call(ctx, funcChangePricelist, url.Values{
		"elid": {strconv.FormatInt(id, 10)}, "pricelist": {strconv.FormatInt(productID, 10)}, "period": {strconv.Itoa(months)}, "sok": {"ok"},
	}, true)
	return err
}

// Suspend stops the licence.
func (c *Client) Suspend(ctx context.Context, id int64) error {
	_, err := c.call(ctx, funcSuspend, url.Values{"elid": {strconv.FormatInt(id, 10)}}, false)
	return err
}

// Resume starts a suspended licence again.
func (c *Client) Resume(ctx context.Context, id int64) error {
	_, err := c.call(ctx, funcResume, url.Values{"elid": {strconv.FormatInt(id, 10)}}, false)
	return err
}

// Delete deletes the licence; nothing is refunded.
func (c *Client) Delete(ctx context.Context, itemType string, id int64) error {
	_, err := c.call(ctx, deleteFunc(itemType), url.Values{"elid": {strconv.FormatInt(id, 10)}, "sok": {"ok"}}, false)
	return err
}

func autoprolong(months int) string {
	if months <= 0 {
		return "null"
	}
	return strconv.Itoa(months)
}

func setAddons(params url.Values, addons map[int64]int) {
	for _, id := range slices.Sorted(maps.Keys(addons)) {
		params.Set("addon_"+strconv.FormatInt(id, 10), strconv.Itoa(addons[id]))
	}
}
