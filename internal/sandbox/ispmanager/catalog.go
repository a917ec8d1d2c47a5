package ispmanager

import "github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"

// Item types.
const (
	itemSoft     = "soft"
	itemPlatform = "platform"
)

// trialPeriod is the period of a trial; it lasts trialDays.
const (
	trialPeriod = -100
	trialDays   = 30
)

// product is one tariff of the catalog.
type product struct {
	ID        int64
	Name      string
	ItemType  string
	Kind      string
	Orderable bool
	Trial     bool
	Monthly   platform.Money
	Addons    []addon
}

// addon is an add-on of a product, priced per unit and month.
type addon struct {
	ID       int64
	Name     string
	Min, Max int
	Monthly  platform.Money
}

// catalog holds the tariff IDs of the public licence ID table, with the
// sandbox's own prices.
var catalog = []product{
	{ID: 55239, Name: "ispmanager 6 trial", ItemType: itemSoft, Kind: "ispmanager6", Orderable: true, Trial: true},
	{ID: 55240, Name: "ispmanager 6 business trial", ItemType: itemSoft, Kind: "ispmanager6", Orderable: true, Trial: true},
	{ID: 55227, Name: "ispmanager 6 lite", ItemType: itemSoft, Kind: "ispmanager6", Orderable: true, Monthly: 600},
	{ID: 55228, Name: "ispmanager 6 pro", ItemType: itemSoft, Kind: "ispmanager6", Orderable: true, Monthly: 1200},
	{ID: 55229, Name: "ispmanager 6 host", ItemType: itemSoft, Kind: "ispmanager6", Orderable: true, Monthly: 2500},
	{ID: 55230, Name: "ispmanager 6 business", ItemType: itemSoft, Kind: "ispmanager6", Orderable: true, Monthly: 4800,
		Addons: []addon{{ID: 55236, Name: "Extra servers", Min: 0, Max: 50, Monthly: 800}}},
	{ID: 3541, Name: "ISPmanager 5 Lite", ItemType: itemSoft, Kind: "ispmanager5", Monthly: 600},
	{ID: 4601, Name: "ISPmanager 5 Business", ItemType: itemSoft, Kind: "ispmanager5", Monthly: 4000,
		Addons: []addon{{ID: 4602, Name: "Extra servers", Min: 0, Max: 50, Monthly: 600}}},
	{ID: 3045, Name: "VMmanager 5 KVM", ItemType: itemSoft, Kind: "vmmanager5", Monthly: 3000,
		Addons: []addon{{ID: 3049, Name: "Extra nodes", Min: 0, Max: 100, Monthly: 1000}}},
	{ID: 3934, Name: "DCImanager 5", ItemType: itemSoft, Kind: "dcimanager5", Monthly: 5000},
	{ID: 55163, Name: "VMmanager 6", ItemType: itemPlatform, Kind: "vmmanager6", Orderable: true, Monthly: 2000,
		Addons: []addon{{ID: 55165, Name: "Nodes", Min: 0, Max: 100, Monthly: 1000}, {ID: 55164, Name: "Virtual machines", Min: 0, Max: 1000, Monthly: 50}}},
	{ID: 55161, Name: "DCImanager 6", ItemType: itemPlatform, Kind: "dcimanager6", Orderable: true, Monthly: 4000},
}

func productByID(id int64) *product {
	for i := range catalog {
		if catalog[i].ID == id {
			return &catalog[i]
		}
	}
	return nil
}

// periods are the months a product is sold for.
func (p *product) periods() []int {
	if p.Trial {
		return []int{trialPeriod}
	}
	return []int{1, 12}
}

func (p *product) offers(months int) bool {
	for _, m := range p.periods() {
		if m == months {
			return true
		}
	}
	return false
}

// cost is the price of a period: twelve months cost ten.
func (p *product) cost(months int) platform.Money {
	switch {
	case p.Trial:
		return 0
	case months == 12:
		return p.Monthly.Times(10)
	}
	return p.Monthly.Times(months)
}

func (p *product) addon(id int64) *addon {
	for i := range p.Addons {
		if p.Addons[i].ID == id {
			return &p.Addons[i]
		}
	}
	return nil
}
