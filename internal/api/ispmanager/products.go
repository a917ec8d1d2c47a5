package ispmanager

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
)

// Product is one tariff of the licence ID table.
type Product struct {
	ID        int64
	Name      string
	ItemType  string // ItemSoft or ItemPlatform
	Kind      string // product line: ispmanager6, vmmanager6...
	Orderable bool
	Trial     bool
	NeedsIP   bool
	Currency  string
	Prices    []Price
	Addons    []Addon
}

// Price is the cost of one period.
type Price struct {
	Months int // -100 for a trial
	Cost   string
}

// Addon is an add-on of a product, such as extra servers.
type Addon struct {
	ID          int64
	Name        string
	Min, Max    int
	MonthlyCost string // per unit
}

// OffersPeriod reports whether the product is sold for months.
func (p Product) OffersPeriod(months int) bool {
	_, ok := p.Cost(months)
	return ok
}

// Cost is the price of the period of months.
func (p Product) Cost(months int) (string, bool) {
	for _, price := range p.Prices {
		if price.Months == months {
			return price.Cost, true
		}
	}
	return "", false
}

// Addon finds an add-on of the product.
func (p Product) Addon(id int64) (Addon, bool) {
	for _, a := range p.Addons {
		if a.ID == id {
			return a, true
		}
	}
	return Addon{}, false
}

// Products lists the catalog, of both item types; onlyAvailable leaves out
// what can no longer be ordered.
func (c *Client) Products(ctx context.Context, onlyAvailable bool) ([]Product, error) {
	params := url.Values{"project": {"1"}}
	if onlyAvailable {
		params.Set("onlyavailable", "yes")
	}
	doc, err := c.call(ctx, funcPricelist, params, false)
	if err != nil {
		return nil, err
	}
	var out []Product
	for _, n := range doc.children("pricelist") {
		p, err := product(n)
		if err != nil {
			return nil, fmt.Errorf("ispmanager %s: %w", funcPricelist, err)
		}
		out = append(out, p)
	}
	return out, nil
}

func product(n node) (Product, error) {
	id, err := strconv.ParseInt(n.text("id"), 10, 64)
	if err != nil {
		return Product{}, fmt.Errorf("a product without a numeric id: %q", n.text("id"))
	}
	p := Product{
		ID: id, Name: n.text("name"), ItemType: n.text("itemtype"), Kind: n.text("kind"),
		Orderable: n.text("orderable") != "off", Trial: n.text("trial") == "on", NeedsIP: n.text("needip") == "on",
	}
	if p.ItemType == "" {
		p.ItemType = ItemSoft
	}
	price := n.child("price")
	p.Currency = price.attr("currency")
	for _, period := range price.children("period") {
		months, err := strconv.Atoi(period.attr("length"))
		if err != nil {
			return Product{}, fmt.Errorf("product %d: a period of %q months", id, period.attr("length"))
		}
		p.Prices = append(p.Prices, Price{Months: months, Cost: period.attr("cost")})
	}
	for _, a := range n.children("addon") {
		addonID, err := strconv.ParseInt(a.text("id"), 10, 64)
		if err != nil {
			return Product{}, fmt.Errorf("product %d: an add-on without a numeric id", id)
		}
		minimum, _ := strconv.Atoi(a.text("min"))
		maximum, _ := strconv.Atoi(a.text("max"))
		p.Addons = append(p.Addons, Addon{ID: addonID, Name: a.text("name"), Min: minimum, Max: maximum, MonthlyCost: a.text("cost")})
	}
	return p, nil
}

// Balance is the partner account's balance.
type Balance struct{ Amount, Currency string }

// Balance reads the account's balance.
func (c *Client) Balance(ctx context.Context) (Balance, error) {
	doc, err := c.call(ctx, funcWhoami, nil, false)
	if err != nil {
		return Balance{}, err
	}
	user := doc.child("user")
	return Balance{Amount: user.attr("balance"), Currency: user.attr("currency")}, nil
}
