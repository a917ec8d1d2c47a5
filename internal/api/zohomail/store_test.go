package zohomail

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
)

const (
	storePattern  = "/store/restapi/partner/v1/json/subscription"
	storePath     = "/zoho" + storePattern
	licenseSample = `{"result":"success","customid":"76006415","licensedetails":{"paiduser":true,"payperiod":"YEAR",` +
		`"planid":17035,"planname":"Mail Premium","profileid":"2000123","addondetails":[{"addonid":10792,"addonname":"User","addonvalue":5}]}}`
)

var (
	customerSample = Customer{CompanyName: "Example Ltd", Street: "1 Main St", City: "Leeds", State: "West Yorkshire",
		Country: "United Kingdom", ZipCode: "LS1 1AA", Phone: "+44 113 000 0000"}
	subscriptionSample = Subscription{PlanID: 17035, PayPeriod: "YEAR", Addons: []AddonCount{{ID: 10792, Count: 5}}}
	licenseWant        = &LicenseDetails{Paid: true, PayPeriod: "YEAR", PlanID: 17035, PlanName: "Mail Premium", ProfileID: "2000123",
		Addons: []AddonValue{{ID: 10792, Name: "User", Value: 5}}}
)

// storeSeen is one store request as the fake received it.
type storeSeen struct {
	method, contentType, rawQuery, body string
	params                              map[string]any
}

// recordStore registers every store method, answering body, and returns
// what the fake saw.
func recordStore(t *testing.T, f *fakeZoho, body string) func() []storeSeen {
	var mu sync.Mutex
	var seen []storeSeen
	for _, method := range []string{"POST", "PUT", "GET", "DELETE"} {
		f.handle(method+" "+storePattern, func(w http.ResponseWriter, r *http.Request) {
			raw, _ := readAll(r)
			s := storeSeen{method: r.Method, contentType: r.Header.Get("Content-Type"), rawQuery: r.URL.RawQuery, body: raw}
			if err := json.Unmarshal([]byte(jsonStringOf(t, r, raw)), &s.params); err != nil {
				t.Errorf("%s: JSONString: %v", r.Method, err)
			}
			mu.Lock()
			seen = append(seen, s)
			mu.Unlock()
			writeJSON(w, http.StatusOK, body)
		})
	}
	return func() []storeSeen {
		mu.Lock()
		defer mu.Unlock()
		return append([]storeSeen(nil), seen...)
	}
}

func TestStoreEncodesJSONStringPerMethod(t *testing.T) {
	t.Parallel()
	subscription := map[string]any{"plan": 17035.0, "payperiod": "YEAR", "addons": []any{map[string]any{"id": 10792.0, "count": 5.0}}}
	tests := []struct {
		name   string
		call   func(context.Context, *Client) error
		method string
		want   map[string]any
	}{
		{"Subscribe", func(ctx context.Context, c *Client) error {
			_, err := c.Subscribe(ctx, "admin@example.com", customerSample, subscriptionSample)
			return err
		}, "POST", map[string]any{
			"serviceid": 1501.0, "email": "admin@example.com", "subscription": subscription,
			"customer": map[string]any{"companyname": "Example Ltd", "street": "1 Main St", "city": "Leeds", "state": "West Yorkshire",
				"country": "United Kingdom", "zipcode": "LS1 1AA", "phone": "+44 113 000 0000"},
		}},
		{"ChangeSubscription", func(ctx context.Context, c *Client) error {
			_, err := c.ChangeSubscription(ctx, "admin@example.com", subscriptionSample)
			return err
		}, "PUT", map[string]any{"serviceid": 1501.0, "email": "admin@example.com", "subscription": subscription}},
		{"SubscriptionOf", func(ctx context.Context, c *Client) error {
			_, err := c.SubscriptionOf(ctx, "admin@example.com")
			return err
		}, "GET", map[string]any{"serviceid": 1501.0, "email": "admin@example.com"}},
		{"CancelSubscription", func(ctx context.Context, c *Client) error {
			return c.CancelSubscription(ctx, "admin@example.com", "moving on")
		}, "DELETE", map[string]any{"serviceid": 1501.0, "email": "admin@example.com", "comment": "moving on"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			seen := recordStore(t, f, licenseSample)
			if err := tt.call(t.Context(), f.client()); err != nil {
				t.Fatal(err)
			}
			got := seen()
			if len(got) != 1 || got[0].method != tt.method {
				t.Fatalf("store requests = %+v, want one %s", got, tt.method)
			}
			s := got[0]
			if !reflect.DeepEqual(s.params, tt.want) {
				t.Errorf("JSONString = %v\nwant         %v", s.params, tt.want)
			}
			switch tt.method {
			case "POST", "PUT":
				if !strings.HasPrefix(s.contentType, "application/x-www-form-urlencoded") || !strings.HasPrefix(s.body, "JSONString=") {
					t.Errorf("Content-Type %q, body %q: want a form with JSONString", s.contentType, s.body)
				}
				if s.rawQuery != "" {
					t.Errorf("query = %q, want none", s.rawQuery)
				}
			default:
				if !strings.HasPrefix(s.rawQuery, "JSONString=") || s.body != "" {
					t.Errorf("query %q, body %q: want JSONString in the query and no body", s.rawQuery, s.body)
				}
			}
		})
	}
}

func TestStoreReadsLicenseDetails(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		want       *LicenseDetails
	}{
		{"planid as number", licenseSample, licenseWant},
		{"planid as string", strings.Replace(licenseSample, `"planid":17035`, `"planid":"17035"`, 1), licenseWant},
		{"ids as strings, profile as number", `{"result":"success","licensedetails":{"paiduser":true,"payperiod":"YEAR","planid":"17035",` +
			`"planname":"Mail Premium","profileid":2000123,"addondetails":[{"addonid":"10792","addonname":"User","addonvalue":"5"}]}}`, licenseWant},
		{"free org", `{"result":"success","licensedetails":{"paiduser":false}}`, &LicenseDetails{}},
		{"free org with empty plan", `{"result":"success","licensedetails":{"paiduser":false,"planid":"","planname":"","addondetails":[]}}`, &LicenseDetails{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.answer("GET "+storePattern, http.StatusOK, tt.body)
			got, err := f.client().SubscriptionOf(t.Context(), "admin@example.com")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("details = %+v\nwant      %+v", got, tt.want)
			}
		})
	}
}

func TestSubscribeReturnsItsLicenseDetails(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("POST "+storePattern, http.StatusOK, licenseSample)
	got, err := f.client().Subscribe(t.Context(), "admin@example.com", customerSample, subscriptionSample)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, licenseWant) {
		t.Errorf("details = %+v, want %+v", got, licenseWant)
	}
}

func TestChangeWithoutDetailsReadsThemBack(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("PUT "+storePattern, http.StatusOK, `{"result":"success"}`)
	f.answer("GET "+storePattern, http.StatusOK, licenseSample)
	got, err := f.client().ChangeSubscription(t.Context(), "admin@example.com", subscriptionSample)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, licenseWant) {
		t.Errorf("details = %+v, want %+v", got, licenseWant)
	}
	if a, b := len(f.calls("PUT", storePath)), len(f.calls("GET", storePath)); a != 1 || b != 1 {
		t.Errorf("requests = %d PUT, %d GET; want 1 and 1", a, b)
	}
}

func TestStoreFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, want string
	}{
		{"ERRORMSG", `{"result":"failure","ERRORMSG":"Customer not found"}`, "Customer not found"},
		{"ERROR_MSG", `{"result":"failure","ERROR_MSG":"Licence count cannot be lower than the number of users (3)"}`,
			"Licence count cannot be lower than the number of users (3)"},
		{"no reason", `{"result":"failure"}`, "the store gave no reason"},
	}
	for _, tt := range tests {
		for _, method := range []string{"POST", "PUT", "GET", "DELETE"} {
			t.Run(tt.name+"/"+method, func(t *testing.T) {
				t.Parallel()
				f := newFakeZoho(t)
				f.answer(method+" "+storePattern, http.StatusOK, tt.body)
				err := storeCall(t.Context(), f.client(), method)
				storeErr, ok := errors.AsType[*StoreError](err)
				if !ok || storeErr.Message != tt.want || storeErr.Op != method+" restapi/partner/v1/json/subscription" {
					t.Fatalf("err = %#v, want a StoreError %q", err, tt.want)
				}
				if want := "zoho store " + method + " restapi/partner/v1/json/subscription: " + tt.want; err.Error() != want {
					t.Errorf("err = %q, want %q", err, want)
				}
				if IsAmbiguous(err) || IsNotFound(err) {
					t.Error("a store failure is neither ambiguous nor a 404")
				}
			})
		}
	}
}

// storeCall makes the store call of method with sample arguments.
func storeCall(ctx context.Context, c *Client, method string) error {
	var err error
	switch method {
	case "POST":
		_, err = c.Subscribe(ctx, "admin@example.com", customerSample, subscriptionSample)
	case "PUT":
		_, err = c.ChangeSubscription(ctx, "admin@example.com", subscriptionSample)
	case "GET":
		_, err = c.SubscriptionOf(ctx, "admin@example.com")
	case "DELETE":
		err = c.CancelSubscription(ctx, "admin@example.com", "")
	}
	return err
}

func TestStoreOtherAnswers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body, want string
		status           int
	}{
		{"unavailable", `<html>down</html>`, "zoho store GET restapi/partner/v1/json/subscription: 503 Service Unavailable", 503},
		{"mail envelope refusal", `{"status":{"code":400,"description":"Bad Request"},"data":{"moreInfo":"JSONString is missing"}}`,
			"zoho store GET restapi/partner/v1/json/subscription: 400 Bad Request: JSONString is missing", 200},
		{"not JSON", `<html>ok</html>`, "unexpected answer", 200},
		{"unknown result", `{"result":"pending"}`, `result "pending"`, 200},
		{"no details", `{"result":"success"}`, "no licensedetails", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeZoho(t)
			f.answer("GET "+storePattern, tt.status, tt.body)
			_, err := f.client().SubscriptionOf(t.Context(), "admin@example.com")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestStoreRefusedTokenIsReplaced(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("GET "+storePattern, http.StatusOK, licenseSample)
	c := f.client()
	if _, err := c.SubscriptionOf(t.Context(), "admin@example.com"); err != nil {
		t.Fatal(err)
	}
	f.revokeTokens()
	if _, err := c.SubscriptionOf(t.Context(), "admin@example.com"); err != nil {
		t.Fatal(err)
	}
	if n := f.mintCount(); n != 2 {
		t.Errorf("token requests = %d, want 2", n)
	}
}

func TestStoreNeedsAnEmail(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	for _, method := range []string{"POST", "PUT", "GET", "DELETE"} {
		c := f.client()
		var err error
		switch method {
		case "POST":
			_, err = c.Subscribe(t.Context(), "", customerSample, subscriptionSample)
		case "PUT":
			_, err = c.ChangeSubscription(t.Context(), "", subscriptionSample)
		case "GET":
			_, err = c.SubscriptionOf(t.Context(), "")
		case "DELETE":
			err = c.CancelSubscription(t.Context(), "", "")
		}
		if err == nil || !strings.Contains(err.Error(), "e-mail is empty") {
			t.Errorf("%s: err = %v", method, err)
		}
	}
	if n := f.requestCount() + f.mintCount(); n != 0 {
		t.Errorf("requests = %d, want 0", n)
	}
}
