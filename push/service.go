package push

import (
	"context"

	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/riverqueue/river"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Service is the push capability: producers call Notify (or
// FanOutWaveResults), the API calls the device, inbox and preference
// methods, and the server runs the delivery workers with Start and Stop.
type Service struct {
	db    *database.DB
	cfg   Config
	log   *slog.Logger
	river *river.Client[*sql.Tx]
	fcm   sender // nil when FCM is not configured
	web   sender // nil when Web Push is not configured
	gate  *throttle
	now   func() time.Time

	mu      sync.Mutex
	started bool
	// workers is the queue's worker bundle; AddSchedules adds the domains'
	// workers to it before Start.
	workers *river.Workers
}

// New builds the service over db, bringing river's tables up to date.
func New(ctx context.Context, db *database.DB, cfg Config, log *slog.Logger) (*Service, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	if err := Migrate(ctx, db, log); err != nil {
		return nil, err
	}
	s := &Service{db: db, cfg: cfg, log: log.With("component", "push"), now: func() time.Time { return time.Now().UTC() },
		gate: newThrottle(cfg.Rate, cfg.BatchSize)}
	if s.fcm, err = newFCMSender(ctx, cfg.FCM, cfg.PWAOrigin, s.gate); err != nil {
		return nil, err
	}
	if s.web, err = newWebPushSender(cfg.WebPush, s.gate); err != nil {
		return nil, err
	}
	s.workers = river.NewWorkers()
	river.AddWorker(s.workers, &deliverWorker{s: s})
	river.AddWorker(s.workers, &waveWorker{s: s})
	if s.river, err = newRiver(db, cfg, log, s.workers); err != nil {
		return nil, err
	}
	return s, nil
}

// Start runs the workers until Stop (or until ctx ends).
func (s *Service) Start(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started {
		return nil
	}
	if err := s.river.Start(ctx); err != nil {
		return fmt.Errorf("push: start workers: %w", err)
	}
	s.started = true
	s.log.Info("push workers started", "workers", s.cfg.Workers, "rate", s.cfg.Rate,
		"fcm", s.fcm != nil, "webpush", s.web != nil)
	return nil
}

// Stop lets running jobs finish (until ctx ends, then cancels them) and
// stops the workers. Unfinished jobs run again on the next start.
func (s *Service) Stop(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.started {
		return nil
	}
	s.started = false
	if err := s.river.Stop(ctx); err != nil {
		return fmt.Errorf("push: stop workers: %w", err)
	}
	return nil
}

// WebPushPublicKey is the VAPID application server key the PWA subscribes
// with (empty when Web Push is off).
func (s *Service) WebPushPublicKey() string { return s.cfg.WebPush.PublicKey }

// system marks a context for the service's own, already authorised writes.
func system(ctx context.Context, why string) context.Context { return rule.System(ctx, "push: "+why) }

// inTx runs fn in a transaction of the system context (on SQLite the
// writers of the process take turns at the database's write gate).
func (s *Service) inTx(ctx context.Context, why string, fn func(ctx context.Context, tx *ent.Tx) error) error {
	ctx = system(ctx, why)
	if err := database.WithTx(ctx, s.db.Client, func(tx *ent.Tx) error { return fn(ctx, tx) }); err != nil {
		return fmt.Errorf("push: %s: %w", why, err)
	}
	return nil
}
