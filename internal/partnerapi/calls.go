package partnerapi

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/partnercall"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/text"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Retention is how long the call log keeps a call.
const Retention = 30 * 24 * time.Hour

// Call is one finished API-key request.
type Call struct {
	KeyPrefix    string
	Operation    string // operation name, else the root fields
	Status       string // "ok" or the first error's code
	ErrorMessage string // the first error's message, "" when ok
	Duration     time.Duration
}

// CallLog writes and prunes the call log.
type CallLog struct {
	client *ent.Client
	log    *slog.Logger
	now    func() time.Time
}

// NewCallLog returns the call log over client; log may be nil.
func NewCallLog(client *ent.Client, log *slog.Logger) *CallLog {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &CallLog{client: client, log: log, now: time.Now}
}

// Record writes the call made by v, an API-key caller, as a system write.
// It never fails the call: a failed write is logged.
func (l *CallLog) Record(ctx context.Context, v *viewer.Viewer, c Call) {
	if !KeyCaller(v) {
		return
	}
	ctx = rule.System(context.WithoutCancel(ctx), "partner call log")
	b := l.client.PartnerCall.Create().SetCreatedAt(l.now()).SetOrgID(v.OrgID).SetAccountID(v.AccountID).
		SetAPIKeyPrefix(text.Truncate(c.KeyPrefix, 16)).SetOperation(text.Truncate(c.Operation, 255)).
		SetStatus(text.Truncate(c.Status, 64)).SetDurationMs(max(0, int(c.Duration.Milliseconds())))
	if c.ErrorMessage != "" {
		b.SetErrorMessage(text.Truncate(c.ErrorMessage, 500))
	}
	if err := b.Exec(ctx); err != nil {
		l.log.ErrorContext(ctx, "partner call log write failed", "err", err, "key", c.KeyPrefix, "operation", c.Operation)
	}
}

// Prune deletes the calls older than Retention and returns how many.
func (l *CallLog) Prune(ctx context.Context) (int, error) {
	n, err := l.client.PartnerCall.Delete().Where(partnercall.CreatedAtLT(l.now().Add(-Retention))).
		Exec(rule.System(ctx, "partner call log retention"))
	if err != nil {
		return 0, fmt.Errorf("prune partner calls: %w", err)
	}
	return n, nil
}

// PruneArgs is one run of the call log's retention, a periodic job of the
// durable queue (push.Service.AddSchedules).
type PruneArgs struct{}

// Kind implements river.JobArgs.
func (PruneArgs) Kind() string { return "partner_call_prune" }

// PruneSchedule runs Prune every period; a run is idempotent.
type PruneSchedule struct {
	log   *CallLog
	every time.Duration
}

// NewPruneSchedule returns the retention schedule of the call log.
func NewPruneSchedule(l *CallLog, every time.Duration) *PruneSchedule {
	return &PruneSchedule{log: l, every: every}
}

// Register implements push.Schedule.
func (p *PruneSchedule) Register(w *river.Workers) error {
	return river.AddWorkerSafely(w, river.WorkFunc(p.work))
}

// Periodic implements push.Schedule: at start and every period after.
func (p *PruneSchedule) Periodic() *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(p.every),
		func() (river.JobArgs, *river.InsertOpts) {
			return PruneArgs{}, &river.InsertOpts{MaxAttempts: 3, UniqueOpts: river.UniqueOpts{ByPeriod: p.every}}
		},
		&river.PeriodicJobOpts{ID: PruneArgs{}.Kind(), RunOnStart: true})
}

func (p *PruneSchedule) work(ctx context.Context, _ *river.Job[PruneArgs]) error {
	n, err := p.log.Prune(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		p.log.log.Info("partner call log pruned", "rows", n)
	}
	return nil
}
