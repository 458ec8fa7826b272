package survey

import (
	"context"
	"errors"
	"runtime"
	"sync"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/database"
)

// batcher is a group commit for SQLite. SQLite has one writer, and a
// transaction per response spends most of its time on what every commit
// pays (the lock, the WAL frames of the same hot pages written again, the
// checkpoints that follow). Submissions that arrive while a transaction is
// being written queue up; the first of them then writes the whole queue
// (up to max) in one transaction, each submission inside its own savepoint
// so a failing one (a concurrent duplicate) is rolled back alone.
//
// There is no background goroutine: the submitter that finds nobody
// writing leads one batch, then hands the lead to the first queued
// submitter, so no request waits for more than the batches ahead of it.
type batcher struct {
	svc *Service
	max int

	mu      sync.Mutex
	queue   []*pending
	leading bool
}

// pending is a queued submission and where its outcome is delivered.
type pending struct {
	item accepted
	done chan outcome // buffered: the writer never blocks on delivery
}

// outcome is a submission's result, or the instruction to lead the next
// batch (its own submission is then still queued).
type outcome struct {
	resp *ent.SurveyResponse
	err  error
	lead bool
}

func newBatcher(s *Service, max int) *batcher { return &batcher{svc: s, max: max} }

// submit queues a and waits for it to be written. Waiting ignores the
// caller's cancellation on purpose: a queued submitter may be handed the
// lead, and a write that completes after the client left is harmless (its
// retry with the same client id is a replay).
func (b *batcher) submit(a accepted) (*ent.SurveyResponse, error) {
	a.ctx = context.WithoutCancel(a.ctx) // once queued, it is written
	p := &pending{item: a, done: make(chan outcome, 1)}
	b.mu.Lock()
	b.queue = append(b.queue, p)
	lead := !b.leading
	b.leading = true
	b.mu.Unlock()
	if !lead {
		if o := <-p.done; !o.lead {
			return o.resp, o.err
		}
	}
	b.writeNext()
	o := <-p.done
	return o.resp, o.err
}

// writeNext writes the head of the queue (which holds the leader's own
// submission) and passes the lead on.
func (b *batcher) writeNext() {
	runtime.Gosched() // let submitters that are about to queue join this batch
	b.mu.Lock()
	n := min(len(b.queue), b.max)
	batch := b.queue[:n:n]
	b.queue = b.queue[n:]
	b.mu.Unlock()

	b.svc.writeBatch(batch)

	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.queue) == 0 {
		b.leading = false
		return
	}
	b.queue[0].done <- outcome{lead: true}
}

// writeBatch writes every submission of batch in one transaction and
// delivers each outcome, falling back to finer writes on failure:
//
//  1. all at once, one multi-row insert per table (the common case);
//  2. one submission after the other: a response that collides with a
//     stored one (a concurrent duplicate, caught by a unique index) fails
//     alone, since SQLite aborts just that statement, the submission's
//     first write;
//  3. any other failure: each submission in its own transaction, so only
//     the faulty one fails.
func (s *Service) writeBatch(batch []*pending) {
	if len(batch) > 1 && s.writeBulk(batch) == nil {
		return
	}
	out, err := s.writeEach(batch)
	if err != nil && len(batch) > 1 {
		s.log.Warn("survey batch failed; writing its submissions one by one", "size", len(batch), "err", err)
		for _, p := range batch {
			s.writeBatch([]*pending{p})
		}
		return
	}
	for i, p := range batch {
		if err != nil {
			out[i] = outcome{err: err}
		}
		p.done <- out[i].unwrapped()
	}
}

// writeEach writes the batch one submission after the other in one
// transaction; a duplicate response fails alone, any other error fails the
// transaction.
func (s *Service) writeEach(batch []*pending) ([]outcome, error) {
	out := make([]outcome, len(batch))
	err := database.WithTx(batch[0].item.ctx, s.client, func(tx *ent.Tx) error {
		for i, p := range batch {
			r, err := s.write(tx, p.item)
			var dup duplicateResponse
			if err != nil && !errors.As(err, &dup) {
				return err
			}
			out[i] = outcome{resp: r, err: err}
		}
		return nil
	})
	return out, err
}

// writeBulk writes the batch with multi-row inserts; on success it
// delivers every outcome, on failure it delivers nothing.
func (s *Service) writeBulk(batch []*pending) error {
	items := make([]accepted, len(batch))
	for i, p := range batch {
		items[i] = p.item
	}
	var rs []*ent.SurveyResponse
	err := database.WithTx(items[0].ctx, s.client, func(tx *ent.Tx) error {
		var err error
		rs, err = s.writeAll(tx, items)
		return err
	})
	if err != nil {
		return err
	}
	for i, p := range batch {
		p.done <- outcome{resp: rs[i]}.unwrapped()
	}
	return nil
}

// unwrapped detaches a written response from its committed transaction.
func (o outcome) unwrapped() outcome {
	if o.err == nil && o.resp != nil {
		o.resp = o.resp.Unwrap()
	}
	return o
}
