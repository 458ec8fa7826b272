package push

import (
	"context"
	"time"

	"github.com/riverqueue/river"

	"github.com/kartuprakerja/platform/ent"
)

// deliverWorker runs delivery jobs in three steps:
//
//  1. claim (one committed transaction): load the batch's pending
//     notifications, apply preferences, mark the ones to send as handed to
//     the provider (pushed_at set, status still pending), write the
//     suppressed and no-device outcomes, and queue quiet-hour deferrals;
//  2. send to every active device of the claimed notifications;
//  3. record (one committed transaction, which also completes the job):
//     sent or failed per notification, devices the provider called gone
//     disabled, and a follow-up job for messages answered 429/5xx.
//
// A crash between 1 and 3 leaves the job running; river runs it again after
// RescueAfter and only notifications still pending are sent again.
type deliverWorker struct {
	river.WorkerDefaults[DeliverArgs]
	s *Service
}

// Work implements river.Worker.
func (w *deliverWorker) Work(ctx context.Context, job *river.Job[DeliverArgs]) error {
	s := w.s
	p, err := s.claim(ctx, job.Args)
	if err != nil {
		return err
	}
	outs := s.sendAll(ctx, p.msgs)
	t := tallyOutcomes(p, outs, job.Args.Round, s.cfg.MaxRounds)
	if err := s.record(ctx, job, t); err != nil {
		return err
	}
	if p.resent > 0 || len(t.retry) > 0 || t.gone > 0 {
		s.log.Info("push batch delivered", "job", job.ID, "sent", len(t.sent), "failed", len(t.failed),
			"retry", len(t.retry), "devices_gone", t.gone, "resent_after_crash", p.resent)
	}
	return nil
}

// record writes a batch's outcomes and completes its job in one
// transaction. The messages are already out, so a failing database is
// retried here rather than by re-running the job (which would send again).
func (s *Service) record(ctx context.Context, job *river.Job[DeliverArgs], t tally) error {
	ctx = context.WithoutCancel(ctx)
	var err error
	for attempt := range 5 {
		rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err = s.inTx(rctx, "record deliveries", func(ctx context.Context, tx *ent.Tx) error {
			return s.writeTally(ctx, tx, job, t)
		})
		cancel()
		if err == nil {
			return nil
		}
		s.log.Warn("push: recording deliveries failed, retrying", "job", job.ID, "attempt", attempt+1, "err", err)
		time.Sleep(time.Duration(attempt+1) * 200 * time.Millisecond)
	}
	return err
}
