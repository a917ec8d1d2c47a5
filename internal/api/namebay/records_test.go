package namebay

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// recordServer serves n records with the paging of the wire contract; the
// server's largest page is maxSize, and totals are sent when withTotal.
func recordServer(t *testing.T, n, maxSize int, withTotal bool) *fakeAPI {
	f := newFakeAPI(t)
	f.handle("GET /api/Zone/{h}/Record", func(w http.ResponseWriter, r *http.Request) {
		page, size := 1, 100
		if v := r.URL.Query().Get("page"); v != "" {
			page, _ = strconv.Atoi(v)
		}
		if v := r.URL.Query().Get("pageSize"); v != "" {
			size, _ = strconv.Atoi(v)
		}
		size = min(size, maxSize)
		var items []string
		for i := (page-1)*size + 1; i <= min(page*size, n); i++ {
			items = append(items, fmt.Sprintf(`{"Id":%d,"ZoneId":1,"Host":"h%d","Type":"A","Data":"192.0.2.1"}`, i, i))
		}
		if withTotal {
			w.Header().Set("X-Total-Count", strconv.Itoa(n))
			w.Header().Set("X-Page", strconv.Itoa(page))
			w.Header().Set("X-Page-Size", strconv.Itoa(size))
		}
		writeJSON(w, http.StatusOK, "["+strings.Join(items, ",")+"]")
	})
	return f
}

func TestListRecordsFetchesEachPageOnce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		n, maxSize int
		withTotal  bool
		wantPages  int
	}{
		{n: 0, maxSize: 500, withTotal: true, wantPages: 1},
		{n: 1, maxSize: 500, withTotal: true, wantPages: 1},
		{n: 500, maxSize: 500, withTotal: true, wantPages: 1},
		{n: 501, maxSize: 500, withTotal: true, wantPages: 2},
		{n: 1000, maxSize: 500, withTotal: true, wantPages: 2},
		{n: 1234, maxSize: 500, withTotal: true, wantPages: 3},
		// A server that caps pages lower says so in X-Page-Size.
		{n: 250, maxSize: 100, withTotal: true, wantPages: 3},
		// Without totals, a short page is the last one.
		{n: 1234, maxSize: 500, withTotal: false, wantPages: 3},
		{n: 1000, maxSize: 500, withTotal: false, wantPages: 3},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("n=%d max=%d totals=%v", tt.n, tt.maxSize, tt.withTotal), func(t *testing.T) {
			t.Parallel()
			f := recordServer(t, tt.n, tt.maxSize, tt.withTotal)
			got, err := f.client().ListRecords(t.Context(), "", "ZN-1")
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.n {
				t.Fatalf("records = %d, want %d", len(got), tt.n)
			}
			for i, r := range got {
				if r.Id != int64(i+1) || r.Host != fmt.Sprintf("h%d", i+1) {
					t.Fatalf("record %d = %+v, want Id %d", i, r, i+1)
				}
			}
			reqs := f.calls("GET", "/api/Zone/ZN-1/Record")
			if len(reqs) != tt.wantPages {
				t.Fatalf("pages fetched = %d, want %d", len(reqs), tt.wantPages)
			}
			for i, r := range reqs {
				q := r.URL.Query()
				if q.Get("page") != strconv.Itoa(i+1) || q.Get("pageSize") != "500" {
					t.Errorf("request %d: page=%s pageSize=%s, want page=%d pageSize=500", i, q.Get("page"), q.Get("pageSize"), i+1)
				}
			}
		})
	}
}

func TestListRecordsPage(t *testing.T) {
	t.Parallel()
	f := recordServer(t, 25, 500, true)
	c := f.client()
	got, total, err := c.ListRecordsPage(t.Context(), "", "ZN-1", 3, 10)
	if err != nil {
		t.Fatal(err)
	}
	if total != 25 || len(got) != 5 || got[0].Id != 21 {
		t.Errorf("page 3 of 10: %d records from Id %d, total %d", len(got), got[0].Id, total)
	}

	f = recordServer(t, 25, 500, false)
	_, total, err = f.client().ListRecordsPage(t.Context(), "", "ZN-1", 1, 10)
	if err != nil || total != -1 {
		t.Errorf("without X-Total-Count: total = %d, %v; want -1", total, err)
	}
}

func TestListRecordsKeepsARecordOnce(t *testing.T) {
	t.Parallel()
	f := newFakeAPI(t)
	// Record 500 moved to page 2 while the zone was listed.
	f.handle("GET /api/Zone/{h}/Record", func(w http.ResponseWriter, r *http.Request) {
		first, last := 1, 500
		if r.URL.Query().Get("page") == "2" {
			first, last = 500, 600
		}
		var items []string
		for i := first; i <= last; i++ {
			items = append(items, fmt.Sprintf(`{"Id":%d}`, i))
		}
		w.Header().Set("X-Total-Count", "600")
		writeJSON(w, http.StatusOK, "["+strings.Join(items, ",")+"]")
	})
	got, err := f.client().ListRecords(t.Context(), "", "ZN-1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 600 {
		t.Errorf("records = %d, want 600", len(got))
	}
}
