package acctest

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"testing"
)

// Record is a Namebay DNS record as the API answers it, and the body that
// creates or replaces one.
type Record struct {
	Id              int64  `json:"Id,omitempty"`
	Host            string `json:"Host"`
	Type            string `json:"Type"`
	Data            string `json:"Data"`
	Weight          *int64 `json:"Weight"`
	NaptrPreference *int64 `json:"NaptrPreference,omitempty"`
	NaptrFlag       string `json:"NaptrFlag,omitempty"`
	NaptrService    string `json:"NaptrService,omitempty"`
	NaptrRegExp     string `json:"NaptrRegExp,omitempty"`
}

// recordPageSize is the largest page the record listing serves.
const recordPageSize = 500

// Records lists every record of a zone as login sees it, behind the
// provider's back, in Id order. It returns its failures, so it fits in check
// functions; a zone that does not exist is an error.
func (s *Sandbox) Records(login, zoneHandle string) ([]Record, error) {
	var all []Record
	for page := 1; ; page++ {
		var batch []Record
		route := "api/Zone/" + zoneHandle + "/Record?pageSize=" + strconv.Itoa(recordPageSize) + "&page=" + strconv.Itoa(page)
		status, err := s.TryOutOfBand(login, http.MethodGet, route, nil, &batch)
		if err != nil {
			return nil, err
		}
		if status != http.StatusOK {
			return nil, fmt.Errorf("list the records of zone %s as %s: HTTP %d", zoneHandle, login, status)
		}
		all = append(all, batch...)
		if len(batch) < recordPageSize {
			return all, nil
		}
	}
}

// AddRecords creates records in a zone behind the provider's back, a few at
// a time, and returns them as stored, in the order given.
func (s *Sandbox) AddRecords(t testing.TB, login, zoneHandle string, records []Record) []Record {
	t.Helper()
	stored := make([]Record, len(records))
	err := inParallel(len(records), func(i int) error {
		status, err := s.TryOutOfBand(login, http.MethodPost, "api/Zone/"+zoneHandle+"/Record", records[i], &stored[i])
		if err == nil && status != http.StatusCreated {
			err = fmt.Errorf("create %s record %s: HTTP %d", records[i].Type, records[i].Host, status)
		}
		return err
	})
	if err != nil {
		t.Fatalf("add records to zone %s as %s: %v", zoneHandle, login, err)
	}
	return stored
}

// DeleteRecords deletes records of a zone behind the provider's back, a few
// at a time.
func (s *Sandbox) DeleteRecords(t testing.TB, login, zoneHandle string, ids []int64) {
	t.Helper()
	err := inParallel(len(ids), func(i int) error {
		route := "api/Zone/" + zoneHandle + "/Record/" + strconv.FormatInt(ids[i], 10)
		status, err := s.TryOutOfBand(login, http.MethodDelete, route, nil, nil)
		if err == nil && status != http.StatusNoContent {
			err = fmt.Errorf("delete record %d: HTTP %d", ids[i], status)
		}
		return err
	})
	if err != nil {
		t.Fatalf("delete records of zone %s as %s: %v", zoneHandle, login, err)
	}
}

// inParallel runs do(0) to do(n-1) on a few goroutines and returns their
// errors joined.
func inParallel(n int, do func(i int) error) error {
	const workers = 8
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				errs[i] = do(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}
