package sandbox

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Fault kinds.
const (
	kindLatency   = "latency"
	kindError     = "error"
	kindRatelimit = "ratelimit"
	kindDrop      = "drop"
	kindReset     = "reset"
)

// FaultRule is one rule of PUT /_sandbox/faults.
type FaultRule struct {
	Method            string   // "" matches every method
	Path              string   // "*" stands for one segment; "" matches every path
	Func              string   `json:",omitempty"` // the func of a func-selected API; "" matches every call
	Kind              string   // latency, error, ratelimit, drop, reset
	Probability       *float64 `json:",omitempty"` // default 1
	Count             int      // how many times the rule fires; 0: no limit
	LatencyMs         int      `json:",omitempty"`
	Status            int      `json:",omitempty"` // error: default 503
	RatePerSecond     float64  `json:",omitempty"`
	Burst             int      `json:",omitempty"` // ratelimit: default 1
	RetryAfterSeconds int      `json:",omitempty"` // ratelimit: default 1
	Fired             int      // answers only: how many times the rule fired
}

// FaultSet is the body of PUT and GET /_sandbox/faults.
type FaultSet struct {
	Seed  *int64 `json:",omitempty"` // default: the sandbox's --seed
	Rules []FaultRule
}

// decision is what the fault rules make of one request.
type decision struct {
	latency    time.Duration
	kind       string // error, ratelimit, drop, reset or ""
	status     int
	retryAfter int
}

type activeRule struct {
	FaultRule
	segments []string
	bucket   *tokenBucket
}

// faults holds the current rules and their seeded random source.
type faults struct {
	mu          sync.Mutex
	defaultSeed int64
	seed        int64
	rng         *rand.Rand
	rules       []*activeRule
}

func newFaults(seed int64) *faults {
	f := &faults{defaultSeed: seed}
	f.reseed(seed)
	return f
}

func (f *faults) reseed(seed int64) {
	f.seed = seed
	f.rng = rand.New(rand.NewPCG(uint64(seed), 0x5eed))
}

// replace validates and installs set, restarting the random draws.
func (f *faults) replace(set FaultSet) error {
	rules := make([]*activeRule, 0, len(set.Rules))
	for i, rule := range set.Rules {
		active, err := activate(rule)
		if err != nil {
			return fmt.Errorf("rule %d: %w", i+1, err)
		}
		rules = append(rules, active)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = rules
	seed := f.defaultSeed
	if set.Seed != nil {
		seed = *set.Seed
	}
	f.reseed(seed)
	return nil
}

func activate(rule FaultRule) (*activeRule, error) {
	rule.Method = strings.ToUpper(rule.Method)
	rule.Fired = 0
	if rule.Probability == nil {
		one := 1.0
		rule.Probability = &one
	}
	a := &activeRule{FaultRule: rule}
	switch {
	case *rule.Probability < 0 || *rule.Probability > 1:
		return nil, errors.New("a Probability must be from 0 to 1")
	case rule.Count < 0:
		return nil, errors.New("a Count cannot be negative")
	case rule.Path != "" && !strings.HasPrefix(rule.Path, "/"):
		return nil, errors.New("a Path must start with /")
	}
	if rule.Path != "" {
		a.segments = strings.Split(rule.Path, "/")
	}
	switch rule.Kind {
	case kindLatency:
		if rule.LatencyMs <= 0 {
			return nil, errors.New("a latency rule needs a positive LatencyMs")
		}
	case kindError:
		if rule.Status == 0 {
			a.Status = http.StatusServiceUnavailable
		}
		if a.Status < 400 || a.Status > 599 {
			return nil, errors.New("the Status of an error rule is an HTTP error status (400-599)")
		}
	case kindRatelimit:
		if rule.RatePerSecond <= 0 {
			return nil, errors.New("a ratelimit rule needs a positive RatePerSecond")
		}
		a.Burst = max(rule.Burst, 1)
		if rule.RetryAfterSeconds <= 0 {
			a.RetryAfterSeconds = 1
		}
		a.bucket = newTokenBucket(rule.RatePerSecond, a.Burst)
	case kindDrop, kindReset:
	default:
		return nil, fmt.Errorf("the Kind %q is not one of latency, error, ratelimit, drop, reset", rule.Kind)
	}
	return a, nil
}

func (f *faults) clear() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = nil
	f.reseed(f.defaultSeed)
}

func (f *faults) current() FaultSet {
	f.mu.Lock()
	defer f.mu.Unlock()
	seed := f.seed
	set := FaultSet{Seed: &seed, Rules: []FaultRule{}}
	for _, a := range f.rules {
		set.Rules = append(set.Rules, a.FaultRule)
	}
	return set
}

// decide applies the rules to r in order. Latency adds up; the first rule
// that fires with another kind decides the request's fate, and the rules
// after it are not drawn. A ratelimit rule takes a token from its bucket on
// every matching request and fires when the bucket is empty.
func (f *faults) decide(r *http.Request) decision {
	f.mu.Lock()
	defer f.mu.Unlock()
	var d decision
	for _, a := range f.rules {
		if !a.matches(r) || (d.kind != "" && a.Kind != kindLatency) {
			continue
		}
		if a.Kind == kindRatelimit {
			if !a.bucket.take(time.Now()) {
				a.Fired++
				d.kind, d.retryAfter = kindRatelimit, a.RetryAfterSeconds
			}
			continue
		}
		if a.Count > 0 && a.Fired >= a.Count {
			continue
		}
		if p := *a.Probability; p < 1 && f.rng.Float64() >= p {
			continue
		}
		a.Fired++
		switch a.Kind {
		case kindLatency:
			d.latency += time.Duration(a.LatencyMs) * time.Millisecond
		case kindError:
			d.kind, d.status = kindError, a.Status
		default:
			d.kind = a.Kind
		}
	}
	return d
}

func (a *activeRule) matches(r *http.Request) bool {
	if a.Method != "" && a.Method != r.Method {
		return false
	}
	if a.Func != "" && a.Func != funcOf(r) {
		return false
	}
	if a.segments == nil {
		return true
	}
	got := strings.Split(r.URL.Path, "/")
	if len(got) != len(a.segments) {
		return false
	}
	for i, seg := range a.segments {
		if seg != "*" && seg != got[i] {
			return false
		}
	}
	return true
}

// tokenBucket refills at rate tokens a second up to burst; a request takes
// one token or is refused.
type tokenBucket struct {
	rate, burst, tokens float64
	last                time.Time
}

func newTokenBucket(rate float64, burst int) *tokenBucket {
	return &tokenBucket{rate: rate, burst: float64(burst), tokens: float64(burst)}
}

func (b *tokenBucket) take(now time.Time) bool {
	if !b.last.IsZero() {
		b.tokens = min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
