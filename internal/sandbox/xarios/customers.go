package xarios

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

var countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)

// customerInput is the body of POST and PATCH customers.
type customerInput struct {
	Name           *string
	Description    *string
	Reference      *string
	CountryCode    *string
	Timezone       *string
	ProductType    *string
	Notes          *string
	InternalSystem *bool
	TrialDuration  *int
	Enabled        *bool
	Features       *struct{ Agent, Device int }
}

func (cust *customer) status() string {
	switch {
	case !cust.Terminated.IsZero():
		return "terminated"
	case cust.Enabled:
		return "active"
	}
	return "disabled"
}

func (cust *customer) view() map[string]any {
	trialEnds := ""
	if cust.TrialDuration > 0 {
		trialEnds = cust.Created.AddDate(0, 0, cust.TrialDuration).UTC().Format(time.RFC3339)
	}
	return map[string]any{
		"id": cust.ID, "name": cust.Name, "description": cust.Description, "reference": cust.Reference,
		"countryCode": cust.CountryCode, "timezone": cust.Timezone, "productType": cust.ProductType, "notes": cust.Notes,
		"internalSystem": cust.InternalSystem, "trialDuration": cust.TrialDuration, "enabled": cust.Enabled,
		"features":    map[string]int{"agent": cust.Agent, "device": cust.Device},
		"dateCreated": cust.Created.UTC().Format(time.RFC3339), "parentTenantId": cust.Reseller, "status": cust.status(), "trialEnds": trialEnds,
	}
}

// apply checks and sets the given fields on next.
func (c *call) apply(next *customer, in customerInput, creating bool) error {
	str := func(p *string, field string, minLen, maxLen int, into *string) error {
		if p == nil {
			return nil
		}
		if n := utf8.RuneCountInString(*p); n < minLen || n > maxLen {
			return fail(http.StatusBadRequest, "The field %s must be %d to %d characters.", field, minLen, maxLen)
		}
		*into = *p
		return nil
	}
	for _, f := range []func() error{
		func() error { return str(in.Name, "name", 1, 100, &next.Name) },
		func() error { return str(in.Description, "description", 0, 200, &next.Description) },
		func() error { return str(in.Reference, "reference", 0, 200, &next.Reference) },
		func() error { return str(in.Notes, "notes", 0, 2000, &next.Notes) },
		func() error { return str(in.Timezone, "timezone", 1, 40, &next.Timezone) },
	} {
		if err := f(); err != nil {
			return err
		}
	}
	if in.Timezone != nil {
		if _, err := time.LoadLocation(*in.Timezone); err != nil {
			return fail(http.StatusBadRequest, "The field timezone must be an IANA time zone such as Europe/Paris.")
		}
	}
	if in.CountryCode != nil {
		if !countryPattern.MatchString(*in.CountryCode) {
			return fail(http.StatusBadRequest, "The field countryCode must be an ISO 3166-1 alpha-2 code.")
		}
		next.CountryCode = *in.CountryCode
	}
	if in.ProductType != nil {
		to := profileByID(*in.ProductType)
		if to == nil {
			return fail(http.StatusBadRequest, "The field productType must be one of the tenant profiles: %q is not.", *in.ProductType)
		}
		if !creating && to.ID != next.ProductType {
			from := profileByID(next.ProductType)
			if !from.Changeable || !to.Changeable {
				return fail(http.StatusBadRequest, "Product type cannot be changed from %s to %s.", from.ID, to.ID)
			}
		}
		next.ProductType = to.ID
	}
	if in.InternalSystem != nil {
		next.InternalSystem = *in.InternalSystem
	}
	if in.TrialDuration != nil {
		if *in.TrialDuration < 0 || *in.TrialDuration > 90 {
			return fail(http.StatusBadRequest, "The field trialDuration must be 0 to 90 days.")
		}
		next.TrialDuration = *in.TrialDuration
	}
	if p := profileByID(next.ProductType); p != nil && next.TrialDuration > 0 && !p.TrialAllowed {
		return fail(http.StatusBadRequest, "The product type %s cannot be offered as a trial.", p.ID)
	}
	if in.Enabled != nil {
		next.Enabled = *in.Enabled
	}
	if in.Features != nil {
		if in.Features.Agent < 0 || in.Features.Device < 0 {
			return fail(http.StatusBadRequest, "The feature counts cannot be negative.")
		}
		next.Agent, next.Device = in.Features.Agent, in.Features.Device
	}
	if next.Reference != "" {
		for _, other := range c.e.customers {
			if other.ID != next.ID && other.Reseller == next.Reseller && other.Reference == next.Reference && other.Terminated.IsZero() {
				return fail(http.StatusConflict, "Reference already used by customer %s.", other.ID)
			}
		}
	}
	return nil
}

func (c *call) mine() []*customer {
	var out []*customer
	for _, cust := range c.e.customers {
		if cust.Reseller == c.reseller.Handle {
			out = append(out, cust)
		}
	}
	slices.SortFunc(out, func(a, b *customer) int { return a.Created.Compare(b.Created)*2 + strings.Compare(a.ID, b.ID) })
	return out
}

func (c *call) listCustomers() error {
	ref, filter := c.r.URL.Query().Get("reference"), c.r.URL.Query().Has("reference")
	var out []any
	for _, cust := range c.mine() {
		if !filter || cust.Reference == ref {
			out = append(out, cust.view())
		}
	}
	return c.list(out)
}

func (c *call) createCustomer() error {
	if !c.chargesAccepted() {
		return errCharges()
	}
	var in customerInput
	if _, err := c.decode(&in); err != nil {
		return err
	}
	if in.Name == nil || in.ProductType == nil {
		return fail(http.StatusBadRequest, "The fields name and productType are required.")
	}
	cust := &customer{ID: "cus_" + randomHex(10), Reseller: c.reseller.Handle, Timezone: "Europe/London", Created: c.now}
	if err := c.apply(cust, in, true); err != nil {
		return err
	}
	amount := profileByID(cust.ProductType).Monthly
	if cust.InternalSystem {
		amount = 0
	}
	object := cust.Reference
	if object == "" {
		object = cust.Name
	}
	c.e.world.Ledger.Append(c.tx, platform.Entry{Family: Family, Account: c.reseller.Handle, Operation: "xarios.customer.create", Object: object, Period: 1, Amount: amount, Currency: currency})
	c.e.saveCustomer(c.tx, cust)
	c.w.Header().Set("Location", "/xarios/api/v1.0/customers/"+cust.ID)
	writeData(c.w, http.StatusCreated, cust.view())
	return nil
}

func (c *call) getCustomer() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	writeData(c.w, http.StatusOK, cust.view())
	return nil
}

func (c *call) patchCustomer() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	if !cust.Terminated.IsZero() {
		return fail(http.StatusBadRequest, "Customer %s is terminated.", cust.ID)
	}
	var in customerInput
	if _, err := c.decode(&in); err != nil {
		return err
	}
	if (in.ProductType != nil || in.Features != nil || in.InternalSystem != nil || in.TrialDuration != nil) && !c.chargesAccepted() {
		return errCharges()
	}
	next := *cust
	if err := c.apply(&next, in, false); err != nil {
		return err
	}
	if diff := profileByID(next.ProductType).Monthly - profileByID(cust.ProductType).Monthly; diff > 0 && !next.InternalSystem {
		c.e.world.Ledger.Append(c.tx, platform.Entry{Family: Family, Account: c.reseller.Handle, Operation: "xarios.customer.producttype",
			Object: next.Reference, Period: 1, Amount: diff, Currency: currency})
	}
	*cust = next
	c.e.saveCustomer(c.tx, cust)
	writeData(c.w, http.StatusOK, cust.view())
	return nil
}

func (c *call) deleteCustomer() error {
	cust, err := c.customer()
	if err != nil {
		return err
	}
	if cust.Terminated.IsZero() {
		cust.Enabled, cust.Terminated = false, c.now
		c.e.saveCustomer(c.tx, cust)
	}
	writeData(c.w, http.StatusOK, cust.view())
	return nil
}
