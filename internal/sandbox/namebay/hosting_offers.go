package namebay

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// hostingOffer is a hosting product on sale. Rank orders the offers from
// the smallest (1).
type hostingOffer struct {
	ProductId         string
	Name              string
	Rank              int
	DiskQuotaMb       int
	MaxFtpUsers       int
	MaxDatabases      int
	MaxAliases        int
	DatabaseMaxSizeMb int
	DatabaseTypes     []string
	Php               []string // oldest first
	MinPeriod         int
	MaxPeriod         int
	Price             platform.Money // per year
}

// windowsDatabaseType is the database type of Windows offers, which the
// catalog does not have.
const windowsDatabaseType = "sqlserver2k5"

// hostingOffers is the catalog, in Rank order.
var hostingOffers = []hostingOffer{
	{
		ProductId: "HOSTING-START", Name: "Start", Rank: 1, DiskQuotaMb: 1024,
		MaxFtpUsers: 2, MaxDatabases: 1, MaxAliases: 1, DatabaseMaxSizeMb: 100,
		DatabaseTypes: []string{"mysql5"}, Php: []string{"7.4", "8.1", "8.2", "8.3"},
		MinPeriod: 1, MaxPeriod: 3, Price: 2900,
	},
	{
		ProductId: "HOSTING-PRO", Name: "Pro", Rank: 2, DiskQuotaMb: 10240,
		MaxFtpUsers: 10, MaxDatabases: 10, MaxAliases: 10, DatabaseMaxSizeMb: 1024,
		DatabaseTypes: []string{"mysql5"}, Php: []string{"8.1", "8.2", "8.3", "8.4"},
		MinPeriod: 1, MaxPeriod: 3, Price: 7900,
	},
	{
		ProductId: "HOSTING-BUSINESS", Name: "Business", Rank: 3, DiskQuotaMb: 51200,
		MaxFtpUsers: 50, MaxDatabases: 50, MaxAliases: 50, DatabaseMaxSizeMb: 4096,
		DatabaseTypes: []string{"mysql5"}, Php: []string{"8.1", "8.2", "8.3", "8.4"},
		MinPeriod: 1, MaxPeriod: 3, Price: 14900,
	},
}

// offerOf returns the offer of productId, or nil when there is none.
func offerOf(productId string) *hostingOffer {
	for i := range hostingOffers {
		if strings.EqualFold(hostingOffers[i].ProductId, strings.TrimSpace(productId)) {
			return &hostingOffers[i]
		}
	}
	return nil
}

// unknownOffer refuses a ProductId that is not in the catalog.
func unknownOffer(productId string) error {
	ids := make([]string, 0, len(hostingOffers))
	for _, o := range hostingOffers {
		ids = append(ids, o.ProductId)
	}
	return errInvalid("ProductId", "ProductId %q is not a hosting offer: use one of %s (GET api/Hosting/Offer).", productId, strings.Join(ids, ", "))
}

func (o *hostingOffer) newestPhp() string { return o.Php[len(o.Php)-1] }

// limit is one of an offer's quotas.
type limit struct {
	what string // "FTP users"
	of   func(*hostingOffer) int
}

var (
	ftpUsersLimit  = limit{"FTP users", func(o *hostingOffer) int { return o.MaxFtpUsers }}
	databasesLimit = limit{"databases", func(o *hostingOffer) int { return o.MaxDatabases }}
	aliasesLimit   = limit{"aliases", func(o *hostingOffer) int { return o.MaxAliases }}
)

// quotaExceeded refuses one more of l on p, naming the offer that raises
// the limit.
func quotaExceeded(p *hostingPack, l limit) error {
	o := p.offer()
	detail := fmt.Sprintf("The hosting pack %s (%s) has the %s offer, which allows at most %d %s", p.Handle, p.Domain, o.Name, l.of(o), l.what)
	if up := o.raising(l); up != nil {
		detail += fmt.Sprintf(": upgrade it to %s (%s, %d %s) for more.", up.Name, up.ProductId, l.of(up), l.what)
	} else {
		detail += ", the most of any offer."
	}
	return errQuota("%s", detail)
}

// raising returns the smallest offer with a higher l than o, or nil.
func (o *hostingOffer) raising(l limit) *hostingOffer {
	for i := range hostingOffers {
		if up := &hostingOffers[i]; up.Rank > o.Rank && l.of(up) > l.of(o) {
			return up
		}
	}
	return nil
}

func (o *hostingOffer) wire() wireHostingOffer {
	return wireHostingOffer{
		ProductId: o.ProductId, Name: o.Name, Rank: o.Rank, DiskQuotaMb: o.DiskQuotaMb,
		MaxFtpUsers: o.MaxFtpUsers, MaxDatabases: o.MaxDatabases, MaxAliases: o.MaxAliases,
		DatabaseMaxSizeMb: o.DatabaseMaxSizeMb, DatabaseTypes: o.DatabaseTypes, Php: o.Php,
		MinPeriod: o.MinPeriod, MaxPeriod: o.MaxPeriod, Price: o.Price, Currency: currency,
	}
}

func (e *Emulator) listHostingOffers(c *call) error {
	out := make([]wireHostingOffer, 0, len(hostingOffers))
	for i := range hostingOffers {
		out = append(out, hostingOffers[i].wire())
	}
	return c.reply(http.StatusOK, out)
}
