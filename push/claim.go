package push

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/device"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// plan is what a claim decided for a batch.
type plan struct {
	now      time.Time
	status   map[notification.PushStatus][]pulid.ID // outcomes without a send
	deferred map[time.Time][]pulid.ID               // quiet hours or another worker's lease
	claimed  []pulid.ID                             // notifications this job sends
	msgs     []message                              // one per claimed notification and device
	resent   int                                    // claimed again after an attempt of unknown outcome
}

func newPlan(now time.Time) *plan {
	return &plan{now: now, status: map[notification.PushStatus][]pulid.ID{}, deferred: map[time.Time][]pulid.ID{}}
}

func (p *plan) later(id pulid.ID, at time.Time) {
	at = at.Truncate(time.Minute).Add(time.Minute) // group deferrals by the minute
	p.deferred[at] = append(p.deferred[at], id)
}

func (p *plan) send(n *ent.Notification, devices []*ent.Device) {
	p.claimed = append(p.claimed, n.ID)
	for _, d := range devices {
		p.msgs = append(p.msgs, message{n: n, device: d})
	}
}

// claim runs step 1 of a delivery job: the reads run outside any
// transaction (SQLite readers do not block the single writer), then one
// short transaction claims the notifications to send, only if they are
// still pending and not under another worker's lease.
func (s *Service) claim(ctx context.Context, args DeliverArgs) (*plan, error) {
	p := newPlan(s.now().Truncate(time.Microsecond)) // stores keep microseconds: pushed_at compares equal
	read := system(ctx, "plan batch")
	if len(args.Targets) > 0 {
		return p, s.claimTargets(read, s.db.Client, p, args.Targets)
	}
	if err := s.planBatch(read, s.db.Client, p, args.IDs); err != nil {
		return nil, err
	}
	err := s.inTx(ctx, "claim batch", func(ctx context.Context, tx *ent.Tx) error {
		return s.applyClaim(ctx, tx, p)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// planBatch decides each pending notification of ids. A notification
// another worker handed to the provider less than a lease (JobTimeout) ago
// waits for the lease; one whose lease ran out belongs to an attempt that
// died before recording, and is sent again.
func (s *Service) planBatch(ctx context.Context, c *ent.Client, p *plan, ids []pulid.ID) error {
	items, err := loadBatch(ctx, c, ids, p.now)
	if err != nil {
		return err
	}
	sent := make(map[pulid.ID]int, len(items))
	for _, it := range items {
		if _, ok := sent[it.n.AccountID]; !ok {
			sent[it.n.AccountID] = it.sentToday
		}
		s.decide(p, it, sent)
	}
	return nil
}

func (s *Service) decide(p *plan, it *batchItem, sent map[pulid.ID]int) {
	n := it.n
	if n.PushedAt != nil {
		if until := n.PushedAt.Add(s.cfg.JobTimeout); p.now.Before(until) {
			p.later(n.ID, until)
			return
		}
		p.resent++
	}
	v, until := prefsOf(it.account, it.zone).decide(n, p.now, sent[n.AccountID])
	switch {
	case v == suppress:
		p.status[notification.PushStatusSuppressed] = append(p.status[notification.PushStatusSuppressed], n.ID)
	case v == deferUntil:
		p.later(n.ID, until)
	case len(it.devices) == 0:
		p.status[notification.PushStatusNoDevice] = append(p.status[notification.PushStatusNoDevice], n.ID)
	default:
		sent[n.AccountID]++
		p.send(n, it.devices)
	}
}

// applyClaim writes the claim: pushed_at on the notifications to send
// (those another worker claimed meanwhile are dropped and deferred), final
// statuses, and deferred jobs.
func (s *Service) applyClaim(ctx context.Context, tx *ent.Tx, p *plan) error {
	pending := notification.PushStatusEQ(notification.PushStatusPending)
	if len(p.claimed) > 0 {
		free := notification.Or(notification.PushedAtIsNil(),
			notification.PushedAtLT(p.now.Add(-s.cfg.JobTimeout)))
		n, err := tx.Notification.Update().Where(notification.IDIn(p.claimed...), pending, free).
			SetPushedAt(p.now).Save(ctx)
		if err != nil {
			return wrap(err, "claim notifications")
		}
		if n < len(p.claimed) {
			if err := s.dropTaken(ctx, tx, p); err != nil {
				return err
			}
		}
	}
	for st, ids := range p.status {
		err := tx.Notification.Update().Where(notification.IDIn(ids...), pending).SetPushStatus(st).Exec(ctx)
		if err != nil {
			return wrap(err, "set "+string(st))
		}
	}
	params := make([]river.InsertManyParams, 0, len(p.deferred))
	for at, ids := range p.deferred {
		params = append(params, river.InsertManyParams{Args: DeliverArgs{IDs: ids},
			InsertOpts: &river.InsertOpts{ScheduledAt: wallClock(at, p.now)}})
	}
	return s.insertJobs(ctx, tx, params)
}

// dropTaken removes from the plan the notifications this claim did not get
// (another worker holds them, or recorded them since the plan was read) and
// looks at them again after a lease.
func (s *Service) dropTaken(ctx context.Context, tx *ent.Tx, p *plan) error {
	ids, err := tx.Notification.Query().
		Where(notification.IDIn(p.claimed...), notification.PushedAtEQ(p.now)).IDs(ctx)
	if err != nil {
		return wrap(err, "read claim")
	}
	got := make(map[pulid.ID]bool, len(ids))
	for _, id := range ids {
		got[id] = true
	}
	claimed := p.claimed[:0]
	for _, id := range p.claimed {
		if got[id] {
			claimed = append(claimed, id)
		} else {
			p.later(id, p.now.Add(s.cfg.JobTimeout))
		}
	}
	p.claimed = claimed
	msgs := p.msgs[:0]
	for _, m := range p.msgs {
		if got[m.n.ID] {
			msgs = append(msgs, m)
		}
	}
	p.msgs = msgs
	return nil
}

// claimTargets loads the messages of a follow-up job: the given devices, if
// still active, of notifications that have not expired.
func (s *Service) claimTargets(ctx context.Context, c *ent.Client, p *plan, targets []Target) error {
	nids, dids := make([]pulid.ID, 0, len(targets)), make([]pulid.ID, 0, len(targets))
	for _, t := range targets {
		nids, dids = append(nids, t.Notification), append(dids, t.Device)
	}
	ns, err := c.Notification.Query().Where(notification.IDIn(nids...)).All(ctx)
	if err != nil {
		return wrap(err, "load notifications")
	}
	ds, err := c.Device.Query().Where(device.IDIn(dids...), device.DisabledAtIsNil()).All(ctx)
	if err != nil {
		return wrap(err, "load devices")
	}
	byN, byD := index(ns, func(n *ent.Notification) pulid.ID { return n.ID }),
		index(ds, func(d *ent.Device) pulid.ID { return d.ID })
	seen := map[pulid.ID]bool{}
	for _, t := range targets {
		n, d := byN[t.Notification], byD[t.Device]
		if n == nil {
			continue
		}
		if !seen[n.ID] {
			seen[n.ID] = true
			p.claimed = append(p.claimed, n.ID)
		}
		if d != nil && (n.ExpiresAt == nil || p.now.Before(*n.ExpiresAt)) {
			p.msgs = append(p.msgs, message{n: n, device: d})
		}
	}
	return nil
}

// wallClock converts a time of the service clock to river's (the wall
// clock): they differ only in tests that fix the service clock.
func wallClock(at, now time.Time) time.Time { return time.Now().Add(at.Sub(now)).UTC() }

func index[T any](xs []T, key func(T) pulid.ID) map[pulid.ID]T {
	m := make(map[pulid.ID]T, len(xs))
	for _, x := range xs {
		m[key(x)] = x
	}
	return m
}

// wrap adds context to a store error (nil stays nil).
func wrap(err error, what string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("push: %s: %w", what, err)
}
