package journey

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"
)

// PurchaseDeadlineArgs is one run of the 30-day first-purchase rule, a job
// of the durable queue (push.Service.AddSchedules).
type PurchaseDeadlineArgs struct{}

// Kind implements river.JobArgs.
func (PurchaseDeadlineArgs) Kind() string { return "journey_purchase_deadline" }

// PurchaseDeadlineSchedule runs EnforcePurchaseDeadline every period as a
// periodic job: the queue's leader enqueues it, one worker of the fleet
// runs it, and the job is unique per period, so every instance may
// register it and a period still runs once. A run is idempotent (a revoked
// recipient is not revoked again, a warning's event key dedupes), so a rerun
// after a crash is harmless.
type PurchaseDeadlineSchedule struct {
	svc   *Service
	every time.Duration
}

// NewPurchaseDeadlineSchedule returns the schedule of the 30-day rule.
func NewPurchaseDeadlineSchedule(svc *Service, every time.Duration) *PurchaseDeadlineSchedule {
	return &PurchaseDeadlineSchedule{svc: svc, every: every}
}

// Register implements push.Schedule.
func (p *PurchaseDeadlineSchedule) Register(w *river.Workers) error {
	return river.AddWorkerSafely(w, river.WorkFunc(p.work))
}

// Periodic implements push.Schedule: at start (once a leader is elected)
// and every period after.
func (p *PurchaseDeadlineSchedule) Periodic() *river.PeriodicJob {
	return river.NewPeriodicJob(river.PeriodicInterval(p.every),
		func() (river.JobArgs, *river.InsertOpts) {
			return PurchaseDeadlineArgs{}, &river.InsertOpts{MaxAttempts: 3,
				UniqueOpts: river.UniqueOpts{ByPeriod: p.every}}
		},
		&river.PeriodicJobOpts{ID: PurchaseDeadlineArgs{}.Kind(), RunOnStart: true})
}

func (p *PurchaseDeadlineSchedule) work(ctx context.Context, _ *river.Job[PurchaseDeadlineArgs]) error {
	res, err := p.svc.EnforcePurchaseDeadline(ctx)
	if err != nil {
		return fmt.Errorf("30-day rule: %w", err)
	}
	if res.Warned+res.Revoked > 0 {
		p.svc.log.Info("30-day rule", "warned", res.Warned, "revoked", res.Revoked)
	}
	return river.RecordOutput(ctx, res)
}
