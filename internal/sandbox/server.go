// Package sandbox assembles the partner-API emulator: one http.Handler that
// serves every partner family under its own prefix (/namebay/...) and the
// admin API under /_sandbox/, over one world of state (platform.World) with
// request counters and fault injection in front of the partner routes.
package sandbox

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/ispmanager"
	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/namebay"
	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/platform"
	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/xarios"
	"github.com/resellerkit/terraform-provider-reseller/internal/sandbox/zohomail"
)

// Options configure a sandbox.
type Options struct {
	// DataFile is the store file; "" keeps everything in memory.
	DataFile string
	// Seed seeds the random draws of the fault rules.
	Seed int64
	// Settings are the delays of a fresh store, used as given (zero delays
	// complete pending operations on the next request). A store that was
	// used before keeps its own.
	Settings Settings
}

// Settings are the sandbox's adjustable delays, in seconds, and its
// certificate validation switches.
type Settings = platform.Settings

// EnvVar is one printed provider setting: export Name=Value.
type EnvVar = platform.EnvVar

// Family is one partner API served by the sandbox under "/" + Name().
type Family interface {
	// Name is the family name and URL prefix, e.g. "namebay".
	Name() string
	// Load reads the family's objects back from the store.
	Load() error
	// Seed creates the first accounts of a fresh store.
	Seed(tx *platform.Tx) error
	// Routes registers the partner routes.
	Routes(r platform.Router)
	// Settle brings time-driven states (expiry, renewals) up to now.
	Settle(now time.Time, tx *platform.Tx)
	// Env lists the provider settings that reach the family at baseURL.
	Env(baseURL string) []EnvVar
	// WriteError answers status in the family's own error envelope.
	WriteError(w http.ResponseWriter, status int, detail string)
}

// families builds the partner emulators over one world: Zoho verifies
// domains against the zones Namebay hosts.
func families(world *platform.World) []Family {
	nb := namebay.New(world)
	return []Family{nb, ispmanager.New(world), zohomail.New(world, nb), xarios.New(world)}
}

// Server is one sandbox.
type Server struct {
	world    *platform.World
	families []Family
	counters *counters
	faults   *faults
	partner  *http.ServeMux
	handler  http.Handler
	// dispatchers serve the paths of func-selected APIs, by path.
	dispatchers map[string]*dispatcher
}

// New builds a sandbox, loading its state back from opts.DataFile when that
// file holds one.
func New(opts Options) (*Server, error) {
	world, err := platform.Open(opts.DataFile, opts.Settings)
	if err != nil {
		return nil, err
	}
	s := &Server{
		world:    world,
		families: families(world),
		counters: newCounters(),
		faults:   newFaults(opts.Seed),
		partner:  http.NewServeMux(),

		dispatchers: map[string]*dispatcher{},
	}
	if err := s.start(); err != nil {
		return nil, errors.Join(err, world.Close())
	}
	return s, nil
}

func (s *Server) start() error {
	for _, f := range s.families {
		if err := f.Load(); err != nil {
			return fmt.Errorf("loading %s: %w", f.Name(), err)
		}
	}
	if s.world.Fresh() {
		var seedErr error
		if err := s.world.Do(func(tx *platform.Tx) {
			for _, f := range s.families {
				seedErr = errors.Join(seedErr, f.Seed(tx))
			}
		}); err != nil || seedErr != nil {
			return fmt.Errorf("seeding the store: %w", errors.Join(seedErr, err))
		}
	}
	for _, f := range s.families {
		f.Routes(familyRouter{s: s, family: f})
		prefix := "/" + f.Name() + "/"
		s.partner.Handle(prefix, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			f.WriteError(w, http.StatusNotFound, "No HTTP resource was found that matches the request URI.")
		}))
	}
	mux := http.NewServeMux()
	mux.Handle("/_sandbox/", s.adminHandler())
	mux.Handle("/", s.partner)
	s.handler = mux
	return nil
}

// Handler serves the partner APIs and the admin API.
func (s *Server) Handler() http.Handler { return s.handler }

// Env lists the provider settings that reach this sandbox at baseURL
// (http://127.0.0.1:PORT), with the seeded reseller's credentials.
func (s *Server) Env(baseURL string) []EnvVar {
	var env []EnvVar
	s.world.View(func() {
		for _, f := range s.families {
			env = append(env, f.Env(baseURL)...)
		}
	})
	return env
}

// Close releases the store. Every acknowledged change is already on disk.
func (s *Server) Close() error { return s.world.Close() }

// settle brings every family's time-driven states up to the sandbox time.
func (s *Server) settle(tx *platform.Tx) {
	now := s.world.Clock.Now()
	for _, f := range s.families {
		f.Settle(now, tx)
	}
}

func (s *Server) family(name string) Family {
	for _, f := range s.families {
		if f.Name() == name {
			return f
		}
	}
	return nil
}
