package namebay

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// certProduct is an SSL certificate on sale. MaxSan counts the names
// besides the common name.
type certProduct struct {
	ProductName string
	Validation  string // DV, OV, EV
	Wildcard    bool
	MaxSan      int
	Periods     []int          // years
	Price       platform.Money // per year
}

var certPeriods = []int{1, 2, 3}

// certProducts is the catalog.
var certProducts = []certProduct{
	{ProductName: "AlphaSSL", Validation: "DV", MaxSan: 1, Periods: certPeriods, Price: 3900},
	{ProductName: "DomainSSL", Validation: "DV", MaxSan: 10, Periods: certPeriods, Price: 8900},
	{ProductName: "WildcardSSL", Validation: "DV", Wildcard: true, MaxSan: 10, Periods: certPeriods, Price: 19900},
	{ProductName: "OrganizationSSL", Validation: "OV", MaxSan: 25, Periods: certPeriods, Price: 24900},
	{ProductName: "BusinessSSL", Validation: "EV", MaxSan: 25, Periods: certPeriods, Price: 39900},
}

// certProductOf returns the product called name, or nil when there is none.
func certProductOf(name string) *certProduct {
	for i := range certProducts {
		if strings.EqualFold(certProducts[i].ProductName, strings.TrimSpace(name)) {
			return &certProducts[i]
		}
	}
	return nil
}

// unknownCertProduct refuses a ProductName that is not in the catalog.
func unknownCertProduct(name string) error {
	names := make([]string, 0, len(certProducts))
	for _, p := range certProducts {
		names = append(names, p.ProductName)
	}
	return errInvalid("ProductName", "ProductName %q is not a certificate product: use one of %s (GET api/Certificate/Product).", name, strings.Join(names, ", "))
}

// wildcardProducts names the products that take wildcard names.
func wildcardProducts() string {
	var names []string
	for _, p := range certProducts {
		if p.Wildcard {
			names = append(names, p.ProductName)
		}
	}
	return strings.Join(names, ", ")
}

// checkPeriod refuses a period, in years, that p is not sold for.
func (p *certProduct) checkPeriod(period int) error {
	if slices.Contains(p.Periods, period) {
		return nil
	}
	years := make([]string, len(p.Periods))
	for i, y := range p.Periods {
		years[i] = strconv.Itoa(y)
	}
	return errPolicy("Period", "%s is sold for %s years, not %d.", p.ProductName, strings.Join(years, ", "), period)
}

func (p *certProduct) wire() wireCertProduct {
	return wireCertProduct{
		ProductName: p.ProductName, Validation: p.Validation, Wildcard: p.Wildcard, MaxSan: p.MaxSan,
		Periods: p.Periods, Price: p.Price, Currency: currency,
	}
}

func (e *Emulator) listCertProducts(c *call) error {
	out := make([]wireCertProduct, 0, len(certProducts))
	for i := range certProducts {
		out = append(out, certProducts[i].wire())
	}
	return c.reply(http.StatusOK, out)
}
