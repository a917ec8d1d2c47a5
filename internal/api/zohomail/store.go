package zohomail

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// Customer is the billing address of a first purchase.
type Customer struct {
	CompanyName, Street, City, State, Country, ZipCode, Phone string
}

// Subscription is a paid plan with its licences.
type Subscription struct {
	PlanID    int64
	PayPeriod string // "MONT" or "YEAR"
	Addons    []AddonCount
}

// AddonCount is a number of one add-on, e.g. the plan's user licences.
type AddonCount struct {
	ID    int64
	Count int
}

// LicenseDetails is an org's subscription as the store reports it. A free
// org is not Paid and has no plan.
type LicenseDetails struct {
	Paid      bool
	PayPeriod string
	PlanID    int64
	PlanName  string
	ProfileID string // the store subscription
	Addons    []AddonValue
}

// AddonValue is the count of one add-on of a subscription.
type AddonValue struct {
	ID    int64
	Name  string
	Value int
}

// Wire shapes of the store's JSONString.
type (
	storeCustomer struct {
		CompanyName string `json:"companyname"`
		Street      string `json:"street"`
		City        string `json:"city"`
		State       string `json:"state"`
		Country     string `json:"country"`
		ZipCode     string `json:"zipcode"`
		Phone       string `json:"phone"`
	}
	storeAddon struct {
		ID    int64 `json:"id"`
		Count int   `json:"count"`
	}
	storeSubscription struct {
		Plan      int64        `json:"plan"`
		Addons    []storeAddon `json:"addons"`
		PayPeriod string       `json:"payperiod"`
	}
	storeParams struct {
		ServiceID    int                `json:"serviceid"`
		Email        string             `json:"email"`
		Customer     *storeCustomer     `json:"customer,omitempty"`
		Subscription *storeSubscription `json:"subscription,omitempty"`
		Comment      *string            `json:"comment,omitempty"`
	}
)

func toStoreSubscription(s Subscription) *storeSubscription {
	addons := make([]storeAddon, len(s.Addons))
	for i, a := range s.Addons {
		addons[i] = storeAddon(a)
	}
	return &storeSubscription{Plan: s.PlanID, Addons: addons, PayPeriod: s.PayPeriod}
}

// Subscribe buys a paid plan and its licences for the org whose super admin
// is email (the store finds orgs by that e-mail). It is sent once: after an
// ambiguous error, read SubscriptionOf before buying again.
func (c *Client) Subscribe(ctx context.Context, email string, customer Customer, s Subscription) (*LicenseDetails, error) {
	cust := storeCustomer(customer)
	return c.storeChange(ctx, http.MethodPost, storeParams{Email: email, Customer: &cust, Subscription: toStoreSubscription(s)})
}

// ChangeSubscription changes the plan, pay period and licences of a paid
// org. It is sent once.
func (c *Client) ChangeSubscription(ctx context.Context, email string, s Subscription) (*LicenseDetails, error) {
	return c.storeChange(ctx, http.MethodPut, storeParams{Email: email, Subscription: toStoreSubscription(s)})
}

// storeChange sends a POST or PUT and returns the subscription it left,
// reading it back when the answer does not hold it.
func (c *Client) storeChange(ctx context.Context, method string, p storeParams) (*LicenseDetails, error) {
	ans, err := c.store(ctx, method, p)
	if err != nil {
		return nil, err
	}
	if ans.LicenseDetails == nil {
		return c.SubscriptionOf(ctx, p.Email)
	}
	return ans.LicenseDetails.details(), nil
}

// SubscriptionOf reads the subscription of the org whose super admin is
// email.
func (c *Client) SubscriptionOf(ctx context.Context, email string) (*LicenseDetails, error) {
	ans, err := c.store(ctx, http.MethodGet, storeParams{Email: email})
	if err != nil {
		return nil, err
	}
	if ans.LicenseDetails == nil {
		return nil, fmt.Errorf("zoho store GET %s: the answer has no licensedetails", routeSubscription)
	}
	return ans.LicenseDetails.details(), nil
}

// CancelSubscription ends the paid plan of the org whose super admin is
// email; the org goes back to free and nothing is refunded. It is sent once:
// after an ambiguous error, read SubscriptionOf to learn whether it took.
func (c *Client) CancelSubscription(ctx context.Context, email, comment string) error {
	_, err := c.store(ctx, http.MethodDelete, storeParams{Email: email, Comment: &comment})
	return err
}

// storeAnswer is every answer of the subscription route.
type storeAnswer struct {
	Result         string       `json:"result"`
	ErrorMsg       string       `json:"ERRORMSG"`
	ErrorMsgAlt    string       `json:"ERROR_MSG"`
	LicenseDetails *licenseWire `json:"licensedetails"`
}

type licenseWire struct {
	PaidUser     bool       `json:"paiduser"`
	PayPeriod    string     `json:"payperiod"`
	PlanID       flexInt    `json:"planid"`
	PlanName     string     `json:"planname"`
	ProfileID    flexString `json:"profileid"`
	AddonDetails []struct {
		AddonID    flexInt `json:"addonid"`
		AddonName  string  `json:"addonname"`
		AddonValue flexInt `json:"addonvalue"`
	} `json:"addondetails"`
}

func (w *licenseWire) details() *LicenseDetails {
	d := &LicenseDetails{
		Paid:      w.PaidUser,
		PayPeriod: w.PayPeriod,
		PlanID:    int64(w.PlanID),
		PlanName:  w.PlanName,
		ProfileID: string(w.ProfileID),
	}
	for _, a := range w.AddonDetails {
		d.Addons = append(d.Addons, AddonValue{ID: int64(a.AddonID), Name: a.AddonName, Value: int(a.AddonValue)})
	}
	return d
}

// store sends one call of the subscription route: the parameters go as the
// JSONString form field of a POST or PUT, and in the query string of a GET
// or DELETE. Everything but a GET is sent once.
func (c *Client) store(ctx context.Context, method string, p storeParams) (*storeAnswer, error) {
	r := request{service: serviceStore, method: method, path: routeSubscription, once: method != http.MethodGet, scope: scopeStore}
	if p.Email == "" {
		return nil, fmt.Errorf("zoho store %s: the super admin's e-mail is empty", r.op())
	}
	p.ServiceID = storeServiceID
	params, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("zoho store %s: encoding JSONString: %w", r.op(), err)
	}
	form := url.Values{"JSONString": {string(params)}}
	switch method {
	case http.MethodPost, http.MethodPut:
		r.body = []byte(form.Encode())
		r.contentType = "application/x-www-form-urlencoded"
	default:
		r.query = form
	}

	a, err := c.do(ctx, r)
	if err != nil {
		return nil, err
	}
	var ans storeAnswer
	jsonErr := json.Unmarshal(a.body, &ans)
	if !is2xx(a.status) || (jsonErr == nil && ans.Result == "") {
		// Not a store answer: a refusal in the mail envelope (a token or
		// scope error), or something else entirely.
		if _, err := envelopeData(r, a); err != nil {
			return nil, err
		}
	}
	if jsonErr != nil {
		return nil, fmt.Errorf("zoho store %s: unexpected answer (%d): %w", r.op(), a.status, jsonErr)
	}
	switch ans.Result {
	case "success":
		return &ans, nil
	case "failure":
		msg := ans.ErrorMsg
		if msg == "" {
			msg = ans.ErrorMsgAlt
		}
		if msg == "" {
			msg = "the store gave no reason"
		}
		return nil, &StoreError{Op: r.op(), Message: msg}
	}
	return nil, fmt.Errorf("zoho store %s: unexpected answer (%d): result %q", r.op(), a.status, ans.Result)
}
