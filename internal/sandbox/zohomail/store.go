package zohomail

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
)

// storePlan is a paid plan of the store, priced per user.
type storePlan struct {
	ID, UserAddon int64
	Name          string
	Monthly       platform.Money // 0 when not sold monthly
	Yearly        platform.Money
}

// storePlans are the plan IDs of serviceid 1501, with the sandbox's prices.
var storePlans = []storePlan{
	{ID: 10730, UserAddon: 10779, Name: "Workplace Standard", Monthly: 300, Yearly: 3000},
	{ID: 10731, UserAddon: 10780, Name: "Workplace Professional", Monthly: 600, Yearly: 6000},
	{ID: 17033, UserAddon: 17083, Name: "Mail Lite", Yearly: 1200},
	{ID: 17034, UserAddon: 17084, Name: "Mail 10GB", Yearly: 2400},
	{ID: 17035, UserAddon: 10792, Name: "Mail Premium", Yearly: 4800},
}

const serviceID = 1501

func planByID(id int64) *storePlan {
	for i := range storePlans {
		if storePlans[i].ID == id {
			return &storePlans[i]
		}
	}
	return nil
}

func (p *storePlan) price(period string) platform.Money {
	if period == "MONT" {
		return p.Monthly
	}
	return p.Yearly
}

func periodMonths(period string) int {
	if period == "MONT" {
		return 1
	}
	return 12
}

// storeFail answers the store's failure shape.
func (c *call) storeFail(format string, args ...any) error {
	writeJSON(c.w, http.StatusOK, map[string]string{"result": "failure", "ERRORMSG": fmt.Sprintf(format, args...)})
	return nil
}

type storeParams struct {
	ServiceID int    `json:"serviceid"`
	Email     string `json:"email"`
	Customer  *struct {
		CompanyName string `json:"companyname"`
		Country     string `json:"country"`
	} `json:"customer"`
	Subscription *struct {
		Plan   int64 `json:"plan"`
		Addons []struct {
			ID    int64 `json:"id"`
			Count int   `json:"count"`
		} `json:"addons"`
		PayPeriod string `json:"payperiod"`
	} `json:"subscription"`
}

// jsonString reads the JSONString parameter: from the query string, a form
// body or a multipart body.
func (c *call) jsonString() string {
	if v := c.r.URL.Query().Get("JSONString"); v != "" {
		return v
	}
	if strings.HasPrefix(c.r.Header.Get("Content-Type"), "multipart/") {
		if err := c.r.ParseMultipartForm(1 << 20); err == nil {
			return c.r.FormValue("JSONString")
		}
		return ""
	}
	body, _ := io.ReadAll(io.LimitReader(c.r.Body, 1<<20))
	form, _ := url.ParseQuery(string(body))
	return form.Get("JSONString")
}

func (c *call) subscription() error {
	var p storeParams
	if err := json.Unmarshal([]byte(c.jsonString()), &p); err != nil {
		return c.storeFail("JSONString is missing or not valid JSON.")
	}
	if p.ServiceID != serviceID {
		return c.storeFail("Invalid service")
	}
	var o *org
	for _, cand := range c.mine() {
		if strings.EqualFold(cand.SuperAdmin, p.Email) {
			o = cand
		}
	}
	if o == nil {
		return c.storeFail("Customer not found")
	}
	switch c.r.Method {
	case http.MethodGet:
		return c.licenceDetails(o)
	case http.MethodDelete:
		if o.Sub == nil {
			return c.storeFail("No paid subscription to cancel")
		}
		o.Sub = nil
		c.e.saveOrg(c.tx, o)
		writeJSON(c.w, http.StatusOK, map[string]string{"result": "success"})
		return nil
	}
	if p.Subscription == nil {
		return c.storeFail("subscription is required")
	}
	plan := planByID(p.Subscription.Plan)
	if plan == nil {
		return c.storeFail("Invalid plan %d", p.Subscription.Plan)
	}
	period := p.Subscription.PayPeriod
	if (period != "MONT" && period != "YEAR") || plan.price(period) == 0 {
		return c.storeFail("%s cannot be paid with the period %q", plan.Name, period)
	}
	licences := -1
	for _, a := range p.Subscription.Addons {
		if a.ID != plan.UserAddon {
			return c.storeFail("Add-on %d does not belong to %s", a.ID, plan.Name)
		}
		licences = a.Count
	}
	if licences < 1 {
		return c.storeFail("The user add-on %d of %s needs a count of at least 1", plan.UserAddon, plan.Name)
	}
	if licences < len(o.Mailboxes) {
		return c.storeFail("Licence count cannot be lower than the number of users (%d)", len(o.Mailboxes))
	}
	bill := func(op string, amount platform.Money) {
		if amount > 0 {
			c.e.world.Ledger.Append(c.tx, platform.Entry{Family: Family, Account: c.partner.Handle, Operation: op, Object: o.Domain,
				Period: periodMonths(period), Amount: amount, Currency: currency})
		}
	}
	if c.r.Method == http.MethodPost {
		if o.Sub != nil {
			return c.storeFail("Subscription already exists: use PUT")
		}
		if p.Customer == nil || p.Customer.CompanyName == "" || p.Customer.Country == "" {
			return c.storeFail("The customer's billing address is required for a first purchase")
		}
		o.Sub = &subscription{PlanID: plan.ID, Licences: licences, PayPeriod: period,
			ProfileID: fmt.Sprintf("%d", 2000000+c.e.world.Next(c.tx, profileSeq)), Renews: c.now.AddDate(0, periodMonths(period), 0)}
		o.Trial = ""
		bill("zoho.subscription.create", plan.price(period).Times(licences))
	} else {
		if o.Sub == nil {
			return c.storeFail("No paid subscription: use POST")
		}
		old := planByID(o.Sub.PlanID)
		var amount platform.Money
		if diff := plan.price(period) - old.price(period); diff > 0 && old.price(period) > 0 {
			amount += diff.Times(min(licences, o.Sub.Licences))
		}
		if added := licences - o.Sub.Licences; added > 0 {
			amount += plan.price(period).Times(added)
		}
		if o.Sub.PayPeriod != period {
			o.Sub.Renews = c.now.AddDate(0, periodMonths(period), 0)
		}
		o.Sub.PlanID, o.Sub.Licences, o.Sub.PayPeriod = plan.ID, licences, period
		bill("zoho.subscription.change", amount)
	}
	c.e.saveOrg(c.tx, o)
	return c.licenceDetails(o)
}

func (c *call) licenceDetails(o *org) error {
	details := map[string]any{"paiduser": false, "addondetails": []any{}}
	if o.Sub != nil {
		p := planByID(o.Sub.PlanID)
		details = map[string]any{
			"paiduser": true, "payperiod": o.Sub.PayPeriod, "planid": p.ID, "planname": p.Name, "profileid": o.Sub.ProfileID,
			"addondetails": []map[string]any{{"addonid": p.UserAddon, "addonname": "User", "addonvalue": o.Sub.Licences}},
		}
	}
	writeJSON(c.w, http.StatusOK, map[string]any{"result": "success", "customid": fmt.Sprintf("%d", o.ZOID), "licensedetails": details})
	return nil
}

func (c *call) partnerSubscriptions() error {
	list := []map[string]any{}
	for _, o := range c.mine() {
		if o.Sub == nil {
			continue
		}
		p := planByID(o.Sub.PlanID)
		freq := "yearly"
		if o.Sub.PayPeriod == "MONT" {
			freq = "monthly"
		}
		list = append(list, map[string]any{
			"profile_id": o.Sub.ProfileID, "org_id": fmt.Sprintf("%d", o.ZOID), "email_id": o.SuperAdmin, "service_name": "Workplace",
			"service_id": serviceID, "plan_id": p.ID, "plan_name": p.Name, "addons": []map[string]any{{"addon_name": "User", "value": o.Sub.Licences}},
			"billing_frequency": freq, "status": "active",
		})
	}
	writeJSON(c.w, http.StatusOK, list)
	return nil
}
