package sandbox_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox"
)

func (e *env) setFaults(rules ...map[string]any) {
	e.t.Helper()
	e.admin("PUT", "faults", map[string]any{"Rules": rules}, http.StatusOK, nil)
}

func (e *env) contactCount() int {
	e.t.Helper()
	var list []struct{ Handle string }
	e.namebay("GET", "Contact", nil, http.StatusOK, &list)
	return len(list)
}

func TestDropCommitsThenLosesTheAnswer(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	e.setFaults(map[string]any{"Method": "POST", "Path": "/namebay/api/Contact", "Kind": "drop"})
	if res, err := e.try("POST", "/namebay/api/Contact", contactBody(), true); err == nil {
		t.Fatalf("a dropped request got an answer: %d %s", res.Status, res.Body)
	}
	e.namebay("GET", "Tld", nil, http.StatusOK, nil) // other routes are untouched
	if n := e.contactCount(); n != 1 {
		t.Fatalf("%d contacts after a dropped create, want 1 (committed)", n)
	}
}

func TestResetDoesNotCommit(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	e.setFaults(map[string]any{"Method": "POST", "Path": "/namebay/api/Contact", "Kind": "reset", "Count": 1})
	if res, err := e.try("POST", "/namebay/api/Contact", contactBody(), true); err == nil {
		t.Fatalf("a reset request got an answer: %d %s", res.Status, res.Body)
	}
	if n := e.contactCount(); n != 0 {
		t.Fatalf("%d contacts after a reset create, want 0", n)
	}
	e.createContact() // Count 1: the rule has fired its once
	if got := e.counters()["POST /namebay/api/Contact"]; got != 2 {
		t.Fatalf("POST Contact counted %d times, want 2", got)
	}
}

func TestErrorFault(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	e.setFaults(
		map[string]any{"Method": "get", "Path": "/namebay/api/Tld", "Kind": "error", "Status": 502, "Count": 2},
		map[string]any{"Path": "/namebay/api/Contact/*", "Kind": "error"},
	)
	var errs []struct{ Code int }
	e.namebay("GET", "Tld", nil, http.StatusBadGateway, &errs)
	if len(errs) != 1 || errs[0].Code != 500 {
		t.Fatalf("error body %+v", errs)
	}
	e.namebay("GET", "Tld", nil, http.StatusBadGateway, nil)
	e.namebay("GET", "Tld", nil, http.StatusOK, nil)
	e.namebay("GET", "Contact/CT-000001", nil, http.StatusServiceUnavailable, nil)
	e.namebay("GET", "Contact", nil, http.StatusOK, nil) // "*" is exactly one segment

	var set sandbox.FaultSet
	e.admin("GET", "faults", nil, http.StatusOK, &set)
	if len(set.Rules) != 2 || set.Rules[0].Fired != 2 || set.Rules[1].Fired != 1 || set.Rules[1].Status != 503 {
		t.Fatalf("faults %+v", set)
	}
	e.admin("DELETE", "faults", nil, http.StatusOK, nil)
	e.namebay("GET", "Contact/CT-000001", nil, http.StatusNotFound, nil)
}

func TestRateLimitFault(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	e.setFaults(map[string]any{"Path": "/namebay/api/Tld", "Kind": "ratelimit", "RatePerSecond": 0.5, "Burst": 2, "RetryAfterSeconds": 3})
	e.namebay("GET", "Tld", nil, http.StatusOK, nil)
	e.namebay("GET", "Tld", nil, http.StatusOK, nil)
	var errs []struct{ Code int }
	res := e.namebay("GET", "Tld", nil, http.StatusTooManyRequests, &errs)
	if res.Header.Get("Retry-After") != "3" || len(errs) != 1 || errs[0].Code != 429 {
		t.Fatalf("429 answer: headers %v body %s", res.Header, res.Body)
	}
	e.namebay("GET", "Contact", nil, http.StatusOK, nil) // other routes are not limited
}

func TestLatencyFault(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	e.setFaults(map[string]any{"Path": "/namebay/api/Tld", "Kind": "latency", "LatencyMs": 150})
	began := time.Now()
	e.namebay("GET", "Tld", nil, http.StatusOK, nil)
	if took := time.Since(began); took < 150*time.Millisecond {
		t.Fatalf("a request with 150 ms of latency took %s", took)
	}
	began = time.Now()
	e.admin("GET", "health", nil, http.StatusOK, nil)
	if took := time.Since(began); took >= 150*time.Millisecond {
		t.Fatalf("the admin API was slowed down: %s", took)
	}
}

func TestFaultsNeverTouchTheAdminAPI(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	e.setFaults(map[string]any{"Kind": "error"}) // every method, every path
	e.namebay("GET", "Tld", nil, http.StatusServiceUnavailable, nil)
	e.admin("GET", "ledger", nil, http.StatusOK, nil)
	e.admin("GET", "as/reseller/namebay/api/Tld", nil, http.StatusOK, nil)
}

func TestFaultRulesAreValidated(t *testing.T) {
	t.Parallel()
	e := start(t, sandbox.Options{})
	for _, bad := range []map[string]any{
		{"Kind": "explode"},
		{"Kind": "error", "Probability": 1.5},
		{"Kind": "error", "Status": 200},
		{"Kind": "latency"},
		{"Kind": "ratelimit"},
		{"Kind": "drop", "Path": "namebay/api/Tld"},
		{"Kind": "drop", "Count": -1},
	} {
		e.admin("PUT", "faults", map[string]any{"Rules": []any{bad}}, http.StatusBadRequest, nil)
	}
}

// outcomes runs n requests under a 50% error rule seeded with seed and
// returns the pattern of answers.
func outcomes(t *testing.T, seed int64, n int) string {
	e := start(t, sandbox.Options{Seed: seed})
	e.setFaults(map[string]any{"Path": "/namebay/api/Tld", "Kind": "error", "Probability": 0.5})
	var b strings.Builder
	for range n {
		res, err := e.try("GET", "/namebay/api/Tld", nil, true)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprint(&b, map[int]string{200: ".", 503: "x"}[res.Status])
	}
	return b.String()
}

func TestFaultDrawsAreDeterministicBySeed(t *testing.T) {
	t.Parallel()
	first, again, other := outcomes(t, 7, 40), outcomes(t, 7, 40), outcomes(t, 8, 40)
	if first != again {
		t.Fatalf("same seed, different draws:\n%s\n%s", first, again)
	}
	if first == other {
		t.Fatalf("seeds 7 and 8 drew the same 40 outcomes: %s", first)
	}
	if !strings.Contains(first, ".") || !strings.Contains(first, "x") || len(first) != 40 {
		t.Fatalf("a 50%% rule gave %s", first)
	}

	// The Seed of a rule set overrides the sandbox's.
	e := start(t, sandbox.Options{Seed: 8})
	e.admin("PUT", "faults", map[string]any{"Seed": 7, "Rules": []any{map[string]any{"Path": "/namebay/api/Tld", "Kind": "error", "Probability": 0.5}}}, http.StatusOK, nil)
	var b strings.Builder
	for range 40 {
		res, _ := e.try("GET", "/namebay/api/Tld", nil, true)
		fmt.Fprint(&b, map[int]string{200: ".", 503: "x"}[res.Status])
	}
	if b.String() != first {
		t.Fatalf("Seed 7 in the rules drew %s, want %s", b.String(), first)
	}
}
