package zohomail

import (
	"net/http"
	"strings"
	"sync"
	"testing"
)

func TestEnableTrial(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	var mu sync.Mutex
	var query string
	f.handle("PUT /mailadmin/api/organization/{zoid}/enableTrial", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		query = r.URL.RawQuery
		mu.Unlock()
		writeJSON(w, http.StatusOK, okSample)
	})
	if err := f.client().EnableTrial(t.Context(), "76006415", "professionalTrial"); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if query != "planName=professionalTrial" {
		t.Errorf("query = %q", query)
	}
	if f.lastBody() != "" {
		t.Errorf("body = %q, want none", f.lastBody())
	}
}

func TestTrialRefusals(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("PUT /mailadmin/api/organization/{zoid}/enableTrial", 500,
		`{"status":{"code":500,"description":"Internal Error"},"data":{"moreInfo":"Trial already availed"}}`)
	f.answer("PUT /mailadmin/api/organization/{zoid}/extendTrial", 500,
		`{"status":{"code":500,"description":"Internal Error"},"data":{"moreInfo":"Trial already extended"}}`)
	c := f.client()
	err := c.EnableTrial(t.Context(), "76006415", "basicTrial")
	if want := "zoho mailadmin PUT api/organization/76006415/enableTrial: 500 Internal Server Error: Trial already availed"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	if err := c.ExtendTrial(t.Context(), "76006415"); err == nil || !strings.Contains(err.Error(), "Trial already extended") {
		t.Errorf("err = %v, want the refusal", err)
	}
}

func TestExtendTrial(t *testing.T) {
	t.Parallel()
	f := newFakeZoho(t)
	f.answer("PUT /mailadmin/api/organization/{zoid}/extendTrial", http.StatusOK, okSample)
	if err := f.client().ExtendTrial(t.Context(), "76006415"); err != nil {
		t.Fatal(err)
	}
	if n := len(f.calls("PUT", "/zoho/mailadmin/api/organization/76006415/extendTrial")); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}
