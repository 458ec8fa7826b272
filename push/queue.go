package push

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/jobqueue"
)

// Queues: deliveries and fan-outs run apart, so a wave fan-out never takes
// the delivery slots.
const (
	queueDeliver = "push"
	queueFanout  = "push_fanout"
)

// completeTx is the river driver type used to complete jobs in a
// transaction. Both drivers run on database/sql; river finds the client's
// own driver in the work context, so this one type serves both stores.
type completeTx = *riverdatabasesql.Driver

// DeliverArgs is one delivery job: a batch of notifications (IDs), or after
// 429/5xx answers the exact (notification, device) pairs still to send.
type DeliverArgs struct {
	IDs     []pulid.ID `json:"ids,omitempty"`
	Targets []Target   `json:"targets,omitempty"`
	Round   int        `json:"round,omitempty"` // resend round of Targets
}

// Target is one message still to send.
type Target struct {
	Notification pulid.ID `json:"n"`
	Device       pulid.ID `json:"d"`
}

// Kind implements river.JobArgs.
func (DeliverArgs) Kind() string { return "push_deliver" }

// InsertOpts implements river.JobArgsWithInsertOpts.
func (DeliverArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: queueDeliver, MaxAttempts: 10}
}

// WaveResultsArgs is the fan-out of one wave's selection results.
type WaveResultsArgs struct {
	WaveID pulid.ID `json:"wave_id"`
}

// Kind implements river.JobArgs.
func (WaveResultsArgs) Kind() string { return "push_wave_results" }

// InsertOpts implements river.JobArgsWithInsertOpts: one fan-out per wave at
// a time (a finished one may run again; it creates nothing twice).
func (WaveResultsArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: queueFanout, MaxAttempts: 25, UniqueOpts: river.UniqueOpts{
		ByArgs: true,
		ByState: []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStatePending,
			rivertype.JobStateRetryable, rivertype.JobStateRunning, rivertype.JobStateScheduled},
	}}
}

// Migrate creates or updates river's tables (river_job and friends) in the
// store. New calls it; it is safe to run again, and from several instances
// starting at once: on PostgreSQL it runs under an advisory lock (river's
// migrator takes none, and two instances creating its tables together
// fail), on SQLite under the write lock.
func Migrate(ctx context.Context, db *database.DB, log *slog.Logger) error {
	m, err := rivermigrate.New(jobqueue.Driver(db), &rivermigrate.Config{Logger: quiet(log)})
	if err != nil {
		return fmt.Errorf("push: river migrator: %w", err)
	}
	unlock, err := migrationLock(ctx, db)
	if err != nil {
		return fmt.Errorf("push: river migrations: %w", err)
	}
	defer unlock()
	res, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return fmt.Errorf("push: river migrations: %w", err)
	}
	if len(res.Versions) > 0 {
		log.Info("river migrations applied", "count", len(res.Versions))
	}
	return nil
}

// riverMigrationLock is the advisory lock key of river's migrations.
const riverMigrationLock = 7274658

// migrationLock holds riverMigrationLock (on PostgreSQL, see
// database.SessionLock) until unlock: river's migrations cannot share one
// transaction, as a new enum value is used in the file that adds it.
func migrationLock(ctx context.Context, db *database.DB) (unlock func(), err error) {
	return db.SessionLock(ctx, riverMigrationLock)
}

// newRiver builds the job client; it inserts jobs at once and works them
// after Start.
func newRiver(db *database.DB, cfg Config, log *slog.Logger, workers *river.Workers) (*river.Client[*sql.Tx], error) {
	c, err := river.NewClient(jobqueue.Driver(db), &river.Config{
		Queues: map[string]river.QueueConfig{
			queueDeliver: {MaxWorkers: cfg.Workers},
			queueFanout:  {MaxWorkers: 1},
			// the domains' schedules (AddSchedules): a few jobs an hour
			river.QueueDefault: {MaxWorkers: 2},
		},
		Workers:              workers,
		JobTimeout:           cfg.JobTimeout,
		RescueStuckJobsAfter: cfg.RescueAfter,
		FetchPollInterval:    cfg.PollInterval,
		FetchCooldown:        min(cfg.PollInterval, 50*time.Millisecond),
		Logger:               quiet(log),
		MaxAttempts:          10,
	})
	if err != nil {
		return nil, fmt.Errorf("push: river client: %w", err)
	}
	return c, nil
}

// quiet passes river's warnings and errors on, not its routine chatter.
func quiet(log *slog.Logger) *slog.Logger {
	return slog.New(levelFilter{log.Handler(), slog.LevelWarn})
}

type levelFilter struct {
	slog.Handler
	min slog.Level
}

func (f levelFilter) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= f.min && f.Handler.Enabled(ctx, l)
}

func (f levelFilter) WithAttrs(a []slog.Attr) slog.Handler {
	return levelFilter{f.Handler.WithAttrs(a), f.min}
}

func (f levelFilter) WithGroup(name string) slog.Handler {
	return levelFilter{f.Handler.WithGroup(name), f.min}
}
