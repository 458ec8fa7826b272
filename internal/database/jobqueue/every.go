package jobqueue

import (
	"context"
	"time"

	"github.com/riverqueue/river"
)

// Every is a domain's periodic job of kind A (push.Schedule): its worker
// joins the queue's workers, and river's elected leader, one process among
// every instance on the store, enqueues it at start and each period after.
// The job is unique per period, so every instance may register it and a
// period still runs once; a run must be idempotent (a crash mid-way retries
// it, up to three attempts).
type Every[A river.JobArgs] struct {
	Period time.Duration
	Work   func(context.Context, *river.Job[A]) error
}

// Register implements push.Schedule.
func (e Every[A]) Register(w *river.Workers) error {
	return river.AddWorkerSafely(w, river.WorkFunc(e.Work))
}

// Periodic implements push.Schedule.
func (e Every[A]) Periodic() *river.PeriodicJob {
	var args A
	return river.NewPeriodicJob(river.PeriodicInterval(e.Period),
		func() (river.JobArgs, *river.InsertOpts) {
			return args, &river.InsertOpts{MaxAttempts: 3, UniqueOpts: river.UniqueOpts{ByPeriod: e.Period}}
		},
		&river.PeriodicJobOpts{ID: args.Kind(), RunOnStart: true})
}
