package ispmanager

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/transport"
)

// fake is a BILLmanager endpoint that answers by func and records the forms
// it received.
type fake struct {
	t       *testing.T
	srv     *httptest.Server
	mu      sync.Mutex
	forms   []url.Values
	queries []string
	answer  func(fn string, form url.Values, call int) (int, string)
	calls   map[string]int
}

func newFake(t *testing.T, answer func(fn string, form url.Values, call int) (int, string)) *fake {
	f := &fake{t: t, answer: answer, calls: map[string]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, err := url.ParseQuery(string(body))
		if err != nil {
			t.Errorf("body is not a form: %q", body)
		}
		fn := form.Get("func")
		f.mu.Lock()
		f.forms = append(f.forms, form)
		f.queries = append(f.queries, r.URL.RawQuery)
		f.calls[fn]++
		call := f.calls[fn]
		f.mu.Unlock()
		status, doc := f.answer(fn, form, call)
		if status < 0 {
			conn, _, _ := http.NewResponseController(w).Hijack()
			conn.Close()
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, doc)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fake) client(t *testing.T) *Client {
	c, err := New(Config{Endpoint: f.srv.URL + "/billmgr", Username: "partner@example.com", Password: "s3cret-pw",
		HTTP: transport.Config{MaxRetries: 3, MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (f *fake) form(i int) url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.forms[i]
}

func (f *fake) count(fn string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[fn]
}

const catalogDoc = `{"doc": {"pricelist": [
 {"id": {"$": "55230"}, "name": {"$": "ispmanager 6 business"}, "itemtype": {"$": "soft"}, "kind": {"$": "ispmanager6"},
  "orderable": {"$": "on"}, "trial": {"$": "off"}, "needip": {"$": "on"},
  "price": {"$currency": "EUR", "period": [{"$length": "1", "$type": "month", "$cost": "48.00"}, {"$length": "12", "$type": "month", "$cost": "480.00"}]},
  "addon": {"id": {"$": "55236"}, "name": {"$": "Extra servers"}, "min": {"$": "0"}, "max": {"$": "50"}, "cost": {"$": "8.00"}}},
 {"id": {"$": "55239"}, "name": {"$": "ispmanager 6 trial"}, "itemtype": {"$": "soft"}, "kind": {"$": "ispmanager6"},
  "orderable": {"$": "on"}, "trial": {"$": "on"}, "needip": {"$": "on"},
  "price": {"$currency": "EUR", "period": {"$length": "-100", "$type": "month", "$cost": "0.00"}}}
]}}`

func TestProductsDecodeArraysAndSingleObjects(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(string, url.Values, int) (int, string) { return 200, catalogDoc })
	got, err := f.client(t).Products(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d products, want 2", len(got))
	}
	biz, trial := got[0], got[1]
	if biz.ID != 55230 || biz.Kind != "ispmanager6" || !biz.NeedsIP || biz.Trial || biz.Currency != "EUR" || !biz.Orderable {
		t.Errorf("business decoded as %+v", biz)
	}
	if cost, ok := biz.Cost(12); !ok || cost != "480.00" || biz.OffersPeriod(6) {
		t.Errorf("business periods: %+v", biz.Prices)
	}
	if a, ok := biz.Addon(55236); !ok || a.Max != 50 || a.MonthlyCost != "8.00" {
		t.Errorf("single addon object decoded as %+v", biz.Addons)
	}
	if !trial.Trial || !trial.OffersPeriod(-100) || len(trial.Addons) != 0 {
		t.Errorf("trial decoded as %+v", trial)
	}
	form := f.form(0)
	if form.Get("func") != "pricelist.export" || form.Get("onlyavailable") != "yes" || form.Get("out") != "json" || form.Get("authinfo") != "partner@example.com:s3cret-pw" {
		t.Errorf("form %v", form)
	}
}

func TestCredentialsNeverInTheURL(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(string, url.Values, int) (int, string) { return 200, `{"doc": {}}` })
	if _, err := f.client(t).Licenses(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, q := range f.queries {
		if strings.Contains(q, "s3cret") || strings.Contains(q, "authinfo") {
			t.Errorf("query string %q carries credentials", q)
		}
	}
}

func TestOrderForm(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(string, url.Values, int) (int, string) { return 200, `{"doc": {"id": {"$": "4001"}}}` })
	c := f.client(t)
	id, err := c.Order(context.Background(), Order{ProductID: 55230, ItemType: ItemSoft, Name: "web1", IP: "203.0.113.7", Period: 12, AutoProlong: 0, Addons: map[int64]int{55236: 2}})
	if err != nil || id != 4001 {
		t.Fatalf("Order = %d, %v", id, err)
	}
	want := map[string]string{"func": "soft.order.param", "pricelist": "55230", "period": "12", "licname": "web1", "ip": "203.0.113.7",
		"autoprolong": "null", "addon_55236": "2", "skipbasket": "on", "clicked_button": "finish", "sok": "ok"}
	for k, v := range want {
		if got := f.form(0).Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if _, err := c.Order(context.Background(), Order{ProductID: 55163, ItemType: ItemPlatform, Name: "vm", Period: 1, AutoProlong: 1}); err != nil {
		t.Fatal(err)
	}
	platform := f.form(1)
	if platform.Get("func") != "platform.order.param" || platform.Get("comment") != "vm" || platform.Has("ip") || platform.Has("licname") || platform.Get("autoprolong") != "1" {
		t.Errorf("platform order form %v", platform)
	}
}

func TestLicenseReadsKeyAndAddons(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(string, url.Values, int) (int, string) {
		return 200, `{"doc": {"id": {"$": "4001"}, "licname": {"$": "web1"}, "ip": {"$": "203.0.113.7"}, "pricelist": {"$": "55230"},
			"pricelist_name": {"$": "ispmanager 6 business"}, "period": {"$": "1"}, "autoprolong": {"$": "null"}, "status": {"$": "2"},
			"createdate": {"$": "2026-11-23"}, "expiredate": {"$": "2026-12-23"}, "lickey": {"$": "4001-0123456789abcdef0123456789abcdef"},
			"addon_55236": {"$": "3"}}}`
	})
	l, err := f.client(t).License(context.Background(), ItemSoft, 4001)
	if err != nil {
		t.Fatal(err)
	}
	if l.Name != "web1" || l.ProductID != 55230 || l.Status != StatusActive || l.AutoProlong != 0 || l.Addons[55236] != 3 || l.Key == "" || l.Expires != "2026-12-23" {
		t.Errorf("licence decoded as %+v", *l)
	}
	for _, s := range []string{l.String(), fmt.Sprintf("%v", *l), fmt.Sprintf("%#v", *l), fmt.Sprintf("%+v", l)} {
		if strings.Contains(s, "0123456789abcdef") {
			t.Errorf("%q prints the licence key", s)
		}
	}
	if f.form(0).Get("elid") != "4001" || f.form(0).Has("sok") {
		t.Errorf("read form %v", f.form(0))
	}
}

func TestLicensesPagesBothItemTypes(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(fn string, form url.Values, call int) (int, string) {
		if fn == "platform" {
			return 200, `{"doc": {"elem": {"id": {"$": "9001"}, "comment": {"$": "vm"}, "pricelist": {"$": "55163"}, "status": {"$": "2"}}, "p_elems": {"$": "1"}}}`
		}
		page := form.Get("p_num")
		var elems []string
		start := 4000
		n := pageSize
		if page == "2" {
			start, n = 4000+pageSize, 3
		}
		for i := range n {
			elems = append(elems, fmt.Sprintf(`{"id": {"$": "%d"}, "licname": {"$": "l%d"}, "status": {"$": "2"}}`, start+i, start+i))
		}
		return 200, fmt.Sprintf(`{"doc": {"elem": [%s], "p_elems": {"$": "%d"}}}`, strings.Join(elems, ","), pageSize+3)
	})
	all, err := f.client(t).Licenses(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != pageSize+4 || all[len(all)-1].ItemType != ItemPlatform || all[len(all)-1].Name != "vm" || all[0].ItemType != ItemSoft {
		t.Fatalf("got %d licences, last %+v", len(all), all[len(all)-1])
	}
	if f.count("soft") != 2 || f.count("platform") != 1 {
		t.Errorf("soft listed %d times, platform %d", f.count("soft"), f.count("platform"))
	}
}

func TestErrorsInAnHTTP200Answer(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(string, url.Values, int) (int, string) {
		return 200, `{"doc": {"error": {"$type": "value", "$object": "ip", "$lang": "en", "msg": {"$": "Invalid value of field 'IP address'"},
			"param": [{"$name": "object", "$": "ip"}, {"$name": "value", "$": "300.1.1.1"}]}}}`
	})
	_, err := f.client(t).Order(context.Background(), Order{ProductID: 55227, Name: "x", IP: "300.1.1.1", Period: 1})
	apiErr, ok := errors.AsType[*APIError](err)
	if !ok || apiErr.Type != "value" || apiErr.Object != "ip" || apiErr.Value != "300.1.1.1" || !HasType(err, "value") || IsAmbiguous(err) {
		t.Fatalf("err = %#v", err)
	}
	if !strings.Contains(err.Error(), "Invalid value of field 'IP address'") {
		t.Errorf("message %q", err)
	}
	missed := newFake(t, func(string, url.Values, int) (int, string) {
		return 200, `{"doc": {"error": {"$type": "missed", "$object": "elid", "msg": {"$": "not found"}}}}`
	})
	if _, err := missed.client(t).License(context.Background(), ItemSoft, 1); !IsNotFound(err) {
		t.Errorf("missed error not IsNotFound: %v", err)
	}
}

func TestReadsAndEditsAreRetriedOrdersAreNot(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(fn string, _ url.Values, call int) (int, string) {
		if call == 1 {
			return 503, `{"doc": {"error": {"$type": "fault", "msg": {"$": "unavailable"}}}}`
		}
		return 200, `{"doc": {"ok": {}}}`
	})
	c := f.client(t)
	ip := "203.0.113.9"
	if err := c.Edit(context.Background(), ItemSoft, 4001, Edit{IP: &ip}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Licenses(context.Background()); err != nil {
		t.Fatal(err)
	}
	if f.count("soft.edit") != 2 || f.count("soft") != 2 {
		t.Errorf("edit sent %d times, list %d, want 2 each (one retry)", f.count("soft.edit"), f.count("soft"))
	}
	for _, send := range []func() error{
		func() error {
			_, err := c.Order(context.Background(), Order{ProductID: 1, Name: "a", IP: "203.0.113.1", Period: 1})
			return err
		},
		func() error { _, err := c.Renew(context.Background(), 4001, 1); return err },
		func() error { return c.ChangeProduct(context.Background(), 4001, 55228, 1) },
	} {
		if err := send(); err == nil {
			t.Error("a 503 answer to a paid call is not an error")
		}
	}
	for _, fn := range []string{"soft.order.param", "service.prolong", "service.changepricelist"} {
		if f.count(fn) != 1 {
			t.Errorf("%s sent %d times, want once", fn, f.count(fn))
		}
	}
}

func TestDroppedOrderIsAmbiguous(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(string, url.Values, int) (int, string) { return -1, "" })
	_, err := f.client(t).Order(context.Background(), Order{ProductID: 55227, Name: "a", IP: "203.0.113.1", Period: 1})
	if !IsAmbiguous(err) {
		t.Fatalf("err = %v, want ambiguous", err)
	}
	if f.count("soft.order.param") != 1 {
		t.Errorf("order sent %d times", f.count("soft.order.param"))
	}
}

func TestRenewReadsTheNestedDate(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(string, url.Values, int) (int, string) {
		return 200, `{"doc": {"doc": {"newexpiredate": {"$": "2027-01-23"}}}}`
	})
	date, err := f.client(t).Renew(context.Background(), 4001, 1)
	if err != nil || date != "2027-01-23" {
		t.Fatalf("Renew = %q, %v", date, err)
	}
}

func TestBalance(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(string, url.Values, int) (int, string) {
		return 200, `{"doc": {"user": {"$name": "partner@example.com", "$balance": "12.50", "$currency": "EUR"}}}`
	})
	b, err := f.client(t).Balance(context.Background())
	if err != nil || b.Amount != "12.50" || b.Currency != "EUR" {
		t.Fatalf("Balance = %+v, %v", b, err)
	}
}

func TestNewRefusesBadSettings(t *testing.T) {
	t.Parallel()
	for _, cfg := range []Config{
		{Endpoint: "ftp://x/billmgr", Username: "u", Password: "p"},
		{Endpoint: "https://x/billmgr?authinfo=u:p", Username: "u", Password: "p"},
		{Endpoint: "https://x/billmgr", Username: "", Password: "p"},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v) accepted", cfg)
		}
	}
}
