// Package journey owns steps 1-3 of the recipient journey: registration with
// identity verification and exclusion checks, the motivation and basic
// ability test, waves and their auditable lottery, acceptance, and
// revocation (the 30-day first-purchase rule and staff decisions).
package journey

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/ratelimit"
	"github.com/kartuprakerja/platform/internal/registry"
)

// Config holds the program rules the journey applies.
type Config struct {
	MinAge          int           // 18
	TestQuestions   int           // questions per ability-test attempt
	TestDuration    time.Duration // time allowed for one attempt
	PassMark        int           // score (0-100) needed to pass
	TestRetryAfter  time.Duration // wait after a failed attempt
	MaxTestAttempts int           // attempts in all
	PurchaseWithin  time.Duration // first purchase deadline after acceptance (30 days)
	WarnBefore      time.Duration // warning before that deadline (7 days)
	ResultsAfter    time.Duration // results of a wave's lottery are announced this long after it closes
	// RegisterFailures bounds failed identity verifications (see register.go).
	RegisterFailures RegisterLimits
	// PublicURL is the server's public base URL, from which anyone can fetch
	// an announced wave's publication (VerifyCommand).
	PublicURL string
}

// DefaultConfig returns the 2021 rules.
func DefaultConfig() Config {
	return Config{
		MinAge: 18, TestQuestions: 20, TestDuration: 30 * time.Minute, PassMark: 60,
		TestRetryAfter: 24 * time.Hour, MaxTestAttempts: 3,
		PurchaseWithin: 30 * 24 * time.Hour, WarnBefore: 7 * 24 * time.Hour, ResultsAfter: 3 * 24 * time.Hour,
		RegisterFailures: DefaultRegisterLimits(), PublicURL: "http://localhost:8080",
	}
}

// Notifier receives the journey's events inside the transaction that causes
// them (the push capability turns them into notifications).
type Notifier interface {
	WaveAnnounced(ctx context.Context, tx *ent.Tx, waveID pulid.ID) error
	RevocationWarning(ctx context.Context, tx *ent.Tx, r *ent.Recipient, deadline time.Time) error
	Revoked(ctx context.Context, tx *ent.Tx, r *ent.Recipient) error
}

// Regions tells whether a regency code exists.
type Regions interface {
	HasRegency(code string) bool
}

// Service runs the journey.
type Service struct {
	client  *ent.Client
	pop     registry.Population
	excl    registry.Exclusions
	regions Regions
	notify  Notifier
	dialect database.Dialect
	cfg     Config
	now     func() time.Time
	log     *slog.Logger
	limits  *ratelimit.Limiter

	regencies sync.Map // regency code -> pulid.ID (reference data)
}

// Deps are the Service's collaborators.
type Deps struct {
	Client     *ent.Client
	Population registry.Population
	Exclusions registry.Exclusions
	Regions    Regions
	Notifier   Notifier
	Dialect    string             // the store's dialect: row locks are taken on PostgreSQL only
	Log        *slog.Logger       // optional: discarded when nil
	Limiter    *ratelimit.Limiter // optional: one over Client when nil
}

// New returns a Service.
func New(d Deps, cfg Config) *Service {
	if d.Notifier == nil {
		d.Notifier = NopNotifier{}
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Limiter == nil {
		d.Limiter = ratelimit.New(d.Client, ratelimit.Options{Log: d.Log})
	}
	return &Service{client: d.Client, pop: d.Population, excl: d.Exclusions, regions: d.Regions,
		notify: d.Notifier, dialect: database.Dialect(d.Dialect), cfg: cfg, now: time.Now, log: d.Log, limits: d.Limiter}
}

// Config returns the rules in force.
func (s *Service) Config() Config { return s.cfg }

// NopNotifier drops events (used until a notifier is wired).
type NopNotifier struct{}

func (NopNotifier) WaveAnnounced(context.Context, *ent.Tx, pulid.ID) error { return nil }
func (NopNotifier) RevocationWarning(context.Context, *ent.Tx, *ent.Recipient, time.Time) error {
	return nil
}
func (NopNotifier) Revoked(context.Context, *ent.Tx, *ent.Recipient) error { return nil }

// withTx runs fn in a transaction.
func withTx(ctx context.Context, c *ent.Client, fn func(tx *ent.Tx) error) error {
	return database.WithTx(ctx, c, fn)
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
