// Package registrytest is a fake registry server speaking the registry HTTP
// API, for tests: it can answer correctly, slowly, with errors, or with
// malformed bodies.
package registrytest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kartuprakerja/platform/internal/registry"
)

// Person is one record of the fake registry.
type Person struct {
	registry.Identity
	BirthDate  string // YYYY-MM-DD
	Exclusions []string
}

// Mode is how the fake misbehaves.
type Mode int

// Modes.
const (
	OK        Mode = iota
	Slow           // sleeps Delay before answering
	Down           // 503
	Malformed      // 200 with a body that is not the API's
	Throttled      // 429 with Retry-After: 1
)

// Server is the fake.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	people   map[string]Person
	mode     Mode
	failures int // the next N requests fail with 503, then answer normally
	Delay    time.Duration
	Requests atomic.Int64
}

// New starts a fake with people.
func New(people ...Person) *Server {
	s := &Server{people: map[string]Person{}}
	for _, p := range people {
		s.people[p.NIK] = p
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// SetMode switches behaviour.
func (s *Server) SetMode(m Mode) { s.mu.Lock(); s.mode = m; s.mu.Unlock() }

// FailNext makes the next n requests fail with 503.
func (s *Server) FailNext(n int) { s.mu.Lock(); s.failures = n; s.mu.Unlock() }

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.Requests.Add(1)
	s.mu.Lock()
	mode, fail := s.mode, s.failures > 0
	if fail {
		s.failures--
	}
	s.mu.Unlock()
	switch {
	case fail || mode == Down:
		http.Error(w, "down", http.StatusServiceUnavailable)
		return
	case mode == Throttled:
		w.Header().Set("Retry-After", "1")
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	case mode == Malformed:
		_, _ = w.Write([]byte(`{"unexpected": true`))
		return
	case mode == Slow:
		select {
		case <-time.After(s.Delay):
		case <-r.Context().Done():
			return
		}
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/v1/population/verify":
		s.verify(w, r)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/v1/exclusions/"):
		s.exclusions(w, strings.TrimPrefix(r.URL.Path, "/v1/exclusions/"))
	default:
		http.NotFound(w, r)
	}
}

func (s *Server) verify(w http.ResponseWriter, r *http.Request) {
	var req struct {
		registry.Identity
		BirthDate string `json:"birthDate"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	p, ok := s.people[req.NIK]
	s.mu.Unlock()
	v := registry.Verdict{Match: true}
	switch {
	case !ok:
		v = registry.Verdict{Reason: registry.NIKNotFound}
	case p.KKNumber != req.KKNumber:
		v = registry.Verdict{Reason: registry.KKMismatch}
	case p.BirthDate != req.BirthDate:
		v = registry.Verdict{Reason: registry.BirthDateMismatch}
	case registry.NormalizeName(p.MotherMaidenName) != registry.NormalizeName(req.MotherMaidenName):
		v = registry.Verdict{Reason: registry.MotherMismatch}
	}
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) exclusions(w http.ResponseWriter, nik string) {
	s.mu.Lock()
	p := s.people[nik]
	s.mu.Unlock()
	l := p.Exclusions
	if l == nil {
		l = []string{}
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"listings": l})
}
