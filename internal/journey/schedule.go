package journey

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"github.com/kartuprakerja/platform/internal/database/jobqueue"
)

// PurchaseDeadlineArgs is one run of the 30-day first-purchase rule, a job
// of the durable queue (push.Service.AddSchedules).
type PurchaseDeadlineArgs struct{}

// Kind implements river.JobArgs.
func (PurchaseDeadlineArgs) Kind() string { return "journey_purchase_deadline" }

// PurchaseDeadlineSchedule runs EnforcePurchaseDeadline every period as a
// periodic job of the queue (jobqueue.Every: one run a period across the
// fleet). A run is idempotent (a revoked recipient is not revoked again, a
// warning's event key dedupes), so a rerun after a crash is harmless.
type PurchaseDeadlineSchedule struct {
	jobqueue.Every[PurchaseDeadlineArgs]
	svc *Service
}

// NewPurchaseDeadlineSchedule returns the schedule of the 30-day rule.
func NewPurchaseDeadlineSchedule(svc *Service, every time.Duration) *PurchaseDeadlineSchedule {
	p := &PurchaseDeadlineSchedule{svc: svc}
	p.Every = jobqueue.Every[PurchaseDeadlineArgs]{Period: every, Work: p.work}
	return p
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
