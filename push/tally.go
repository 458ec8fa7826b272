package push

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/riverqueue/river"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/device"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// tally is the outcome of a batch, ready to be written.
type tally struct {
	now     time.Time
	sent    []pulid.ID            // delivered to at least one device
	failed  []pulid.ID            // delivered nowhere, nothing left to try
	disable map[string][]pulid.ID // devices to disable, by reason
	gone    int
	retry   []Target // messages to send again after delay
	round   int
	delay   time.Duration
}

// tallyOutcomes folds per-message outcomes into per-notification ones.
func tallyOutcomes(p *plan, outs []outcome, round, maxRounds int) tally {
	t := tally{now: p.now, disable: map[string][]pulid.ID{}, round: round + 1}
	ok, waiting := map[pulid.ID]bool{}, map[pulid.ID]bool{}
	var wait time.Duration
	for i, m := range p.msgs {
		o := outs[i]
		switch {
		case o.result == delivered:
			ok[m.n.ID] = true
		case o.result == gone:
			t.disable[o.detail] = append(t.disable[o.detail], m.device.ID)
			t.gone++
		case o.result == retry && round < maxRounds:
			t.retry = append(t.retry, Target{Notification: m.n.ID, Device: m.device.ID})
			waiting[m.n.ID] = true
			wait = max(wait, o.retryAfter)
		}
	}
	for _, id := range p.claimed {
		switch {
		case ok[id]:
			t.sent = append(t.sent, id)
		case !waiting[id]:
			t.failed = append(t.failed, id)
		}
	}
	t.delay = max(wait, backoff(round))
	return t
}

// backoff is the wait before resend round+1: 2s, 4s, 8s … at most 5
// minutes, with up to 25% jitter so throttled batches do not return together.
func backoff(round int) time.Duration {
	d := min(time.Duration(1<<min(round+1, 20))*time.Second, 5*time.Minute)
	return d + time.Duration(rand.Int64N(int64(d)/4+1))
}

// writeTally is step 3 of a delivery job.
func (s *Service) writeTally(ctx context.Context, tx *ent.Tx, job *river.Job[DeliverArgs], t tally) error {
	pending := notification.PushStatusEQ(notification.PushStatusPending)
	if len(t.sent) > 0 {
		err := tx.Notification.Update().Where(notification.IDIn(t.sent...), pending).
			SetPushStatus(notification.PushStatusSent).SetPushedAt(t.now).Exec(ctx)
		if err != nil {
			return wrap(err, "mark sent")
		}
	}
	if len(t.failed) > 0 {
		err := tx.Notification.Update().Where(notification.IDIn(t.failed...), pending).
			SetPushStatus(notification.PushStatusFailed).Exec(ctx)
		if err != nil {
			return wrap(err, "mark failed")
		}
	}
	for reason, ids := range t.disable {
		err := tx.Device.Update().Where(device.IDIn(ids...), device.DisabledAtIsNil()).
			SetDisabledAt(t.now).SetDisabledReason(reason).Exec(ctx)
		if err != nil {
			return wrap(err, "disable devices")
		}
	}
	if err := s.queueRetry(ctx, tx, t); err != nil {
		return err
	}
	st, err := sqlTx(tx)
	if err != nil {
		return err
	}
	if _, err := river.JobCompleteTx[completeTx](ctx, st, job); err != nil {
		return wrap(err, "complete job")
	}
	return nil
}

// queueRetry inserts the follow-up job for messages answered 429/5xx.
func (s *Service) queueRetry(ctx context.Context, tx *ent.Tx, t tally) error {
	var params []river.InsertManyParams
	for start := 0; start < len(t.retry); start += s.cfg.BatchSize {
		part := t.retry[start:min(start+s.cfg.BatchSize, len(t.retry))]
		params = append(params, river.InsertManyParams{Args: DeliverArgs{Targets: part, Round: t.round},
			InsertOpts: &river.InsertOpts{ScheduledAt: wallClock(t.now.Add(t.delay), t.now)}})
	}
	return s.insertJobs(ctx, tx, params)
}
