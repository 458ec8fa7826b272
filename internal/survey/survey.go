// Package survey owns the evaluation surveys (Survei Evaluasi I, II, III) on
// the server: each recipient's availability windows, counted from their
// first incentive payment; the ingestion of answers, idempotent by the
// client's id and accepted when made offline inside the window; validation
// with per-question errors; the Rp50,000 survey-incentive entitlement
// recorded with each accepted response; the staff aggregates; and the hook
// the notification scheduler calls to learn which surveys opened.
//
// It does not own the survey definitions (seeded or written by admins
// through ent), the payment of the entitlement (the disbursement
// capability) or the delivery of notifications (the push capability).
// The rules are documented in docs/surveys.md.
package survey

import (
	"log/slog"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/database"
)

// Config holds the rules of survey ingestion.
type Config struct {
	// ClockSkew is how far a phone's clock may run ahead of the server's,
	// and how far around the window's edges an answer is still inside it.
	ClockSkew time.Duration
	// Grace is how long after a window closes an answer made inside the
	// window (offline) is still accepted.
	Grace time.Duration
	// PayWithin is how long after the answer date the survey incentive is
	// due (the public rule: paid within 14 days).
	PayWithin time.Duration
	// MaxText is the longest text answer, in characters.
	MaxText int
	// DefinitionTTL is how long a survey's definition (questions, window
	// lengths, active flag) is cached for ingestion; 0 disables the cache.
	DefinitionTTL time.Duration
}

// DefaultConfig returns the program's rules.
func DefaultConfig() Config {
	return Config{ClockSkew: 10 * time.Minute, Grace: 14 * day, PayWithin: 14 * day, MaxText: 1000,
		DefinitionTTL: time.Minute}
}

const day = 24 * time.Hour

// maxBatch bounds the submissions written in one SQLite transaction.
const maxBatch = 128

// Deps are the Service's collaborators.
type Deps struct {
	Client  *ent.Client
	Dialect string           // the store's dialect: the aggregates use its JSON functions
	Log     *slog.Logger     // nil discards
	Now     func() time.Time // nil is time.Now
}

// Service runs the evaluation surveys.
type Service struct {
	client  *ent.Client
	dialect database.Dialect
	cfg     Config
	log     *slog.Logger
	now     func() time.Time
	defs    *definitions
	batch   *database.GroupCommit[accepted, *ent.SurveyResponse]
}

// New returns a Service. A zero Config means DefaultConfig.
func New(d Deps, cfg Config) *Service {
	if cfg == (Config{}) {
		cfg = DefaultConfig()
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Service{client: d.Client, dialect: database.Dialect(d.Dialect), cfg: cfg, log: d.Log, now: d.Now,
		defs: newDefinitions(cfg.DefinitionTTL)}
	s.batch = newGroupCommit(s, maxBatch)
	return s
}

// Config returns the rules in force.
func (s *Service) Config() Config { return s.cfg }
