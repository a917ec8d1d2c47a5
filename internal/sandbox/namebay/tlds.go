package namebay

import (
	"net/http"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

const currency = "EUR"

// tld is an extension on sale. One price applies to creation, renewal,
// trade and transfer, per year where a period applies.
type tld struct {
	Id             int
	Name           string
	MinPeriod      int
	MaxPeriod      int
	Price          platform.Money
	Dnssec         bool
	AnonymousWhois bool
}

var tlds = []tld{
	{Id: 1, Name: "com", MinPeriod: 1, MaxPeriod: 10, Price: 1099, Dnssec: true, AnonymousWhois: true},
	{Id: 2, Name: "net", MinPeriod: 1, MaxPeriod: 10, Price: 1299, Dnssec: true, AnonymousWhois: true},
	{Id: 3, Name: "org", MinPeriod: 1, MaxPeriod: 10, Price: 1199, Dnssec: true, AnonymousWhois: true},
	{Id: 4, Name: "fr", MinPeriod: 1, MaxPeriod: 10, Price: 899, Dnssec: true},
	{Id: 5, Name: "eu", MinPeriod: 1, MaxPeriod: 10, Price: 799, Dnssec: true, AnonymousWhois: true},
	{Id: 6, Name: "io", MinPeriod: 1, MaxPeriod: 5, Price: 3999, Dnssec: true, AnonymousWhois: true},
	{Id: 7, Name: "de", MinPeriod: 1, MaxPeriod: 1, Price: 699, Dnssec: true},
	{Id: 8, Name: "mc", MinPeriod: 1, MaxPeriod: 2, Price: 5900},
}

// tldOf returns the TLD called name, or nil when it is not on sale.
func tldOf(name string) *tld {
	for i := range tlds {
		if tlds[i].Name == name {
			return &tlds[i]
		}
	}
	return nil
}

func (t *tld) wire() wireTld {
	return wireTld{
		TldId: t.Id, TldName: t.Name, MinPeriod: t.MinPeriod, MaxPeriod: t.MaxPeriod,
		CreatePrice: t.Price, RenewPrice: t.Price, TradePrice: t.Price, TransferPrice: t.Price,
		Currency: currency, Dnssec: t.Dnssec, AnonymousWhois: t.AnonymousWhois,
	}
}

func (e *Emulator) listTlds(c *call) error {
	out := make([]wireTld, 0, len(tlds))
	for i := range tlds {
		out = append(out, tlds[i].wire())
	}
	return c.reply(http.StatusOK, out)
}
