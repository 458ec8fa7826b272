package database

import (
	"errors"
	"runtime"
	"sync"
)

// GroupCommit writes submissions of type T (each giving an R) on the
// store's terms. A store with one writer (SQLite) spends most of a
// transaction per submission on what every commit pays (the lock, the WAL
// frames of the same hot pages written again, the checkpoints that follow),
// so there submissions that arrive while a batch is being written queue up,
// and the first of them then writes the whole queue (up to max) with
// writeBatch. On a store with concurrent writers (PostgreSQL) each
// submission is written at once by writeOne, in its own transaction.
//
// There is no background goroutine: the submitter that finds nobody
// writing leads one batch, then hands the lead to the first queued
// submitter, so no submitter waits for more than the batches ahead of it.
type GroupCommit[T, R any] struct {
	batched    bool
	max        int
	writeOne   func(T) (R, error)
	writeBatch func([]T) []Result[R]

	mu      sync.Mutex
	queue   []*waiting[T, R]
	leading bool
}

// Result is one submission's outcome.
type Result[R any] struct {
	Value R
	Err   error
}

// errMissingResult is the result of an item its batch writer returned no
// result for (a bug in the writer, reported rather than waited on).
var errMissingResult = errors.New("group commit: the batch writer returned no result for this submission")

// waiting is a queued submission and where its outcome is delivered.
type waiting[T, R any] struct {
	item T
	done chan outcome[R] // buffered: the writer never blocks on delivery
}

// outcome is a submission's result, or the instruction to lead the next
// batch (its own submission is then still queued).
type outcome[R any] struct {
	Result[R]
	lead bool
}

// NewGroupCommit returns the group commit of store d. writeBatch writes a
// batch of at most max items and returns one result per item, in order; it
// decides how a failing item is kept from spoiling the others.
func NewGroupCommit[T, R any](d Dialect, max int, writeOne func(T) (R, error), writeBatch func([]T) []Result[R]) *GroupCommit[T, R] {
	return &GroupCommit[T, R]{batched: d.SingleWriter(), max: max, writeOne: writeOne, writeBatch: writeBatch}
}

// Submit writes item and returns its result. A queued item is written even
// if its submitter gives up: waiting ignores cancellation, since a queued
// submitter may be handed the lead.
func (g *GroupCommit[T, R]) Submit(item T) (R, error) {
	if !g.batched {
		return g.writeOne(item)
	}
	w := &waiting[T, R]{item: item, done: make(chan outcome[R], 1)}
	g.mu.Lock()
	g.queue = append(g.queue, w)
	lead := !g.leading
	g.leading = true
	g.mu.Unlock()
	if !lead {
		if o := <-w.done; !o.lead {
			return o.Value, o.Err
		}
	}
	g.writeNext()
	o := <-w.done
	return o.Value, o.Err
}

// Hold takes the lead as if a batch were being written, so that every
// Submit queues, until release writes the queue, batch after batch. Tests
// use it to form batches of their choosing.
func (g *GroupCommit[T, R]) Hold() (release func()) {
	g.mu.Lock()
	g.leading = true
	g.mu.Unlock()
	return g.writeNext
}

// State reports how many submissions are queued and whether one is leading.
func (g *GroupCommit[T, R]) State() (queued int, leading bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.queue), g.leading
}

// writeNext writes the head of the queue (which holds the leader's own
// submission) and passes the lead on.
func (g *GroupCommit[T, R]) writeNext() {
	runtime.Gosched() // let submitters that are about to queue join this batch
	g.mu.Lock()
	n := min(len(g.queue), g.max)
	batch := g.queue[:n:n]
	g.queue = g.queue[n:]
	g.mu.Unlock()

	items := make([]T, len(batch))
	for i, w := range batch {
		items[i] = w.item
	}
	results := g.writeBatch(items)
	for i, w := range batch {
		r := Result[R]{Err: errMissingResult}
		if i < len(results) {
			r = results[i]
		}
		w.done <- outcome[R]{Result: r}
	}

	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.queue) == 0 {
		g.leading = false
		return
	}
	g.queue[0].done <- outcome[R]{lead: true}
}
