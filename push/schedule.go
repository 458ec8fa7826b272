package push

import (
	"errors"
	"fmt"

	"github.com/riverqueue/river"
)

// Schedule is a domain's periodic job (the 30-day rule in internal/journey,
// the survey openings in internal/survey): its worker joins the queue's
// workers, and river's elected leader, one process among every instance on
// the store, enqueues it each period. The job's own unique options make a
// period's run one job even when leadership changes hands. Domain jobs run
// on river's default queue.
type Schedule interface {
	// Register adds the job's worker (river.AddWorkerSafely).
	Register(*river.Workers) error
	// Periodic is when and with which arguments the leader enqueues it.
	Periodic() *river.PeriodicJob
}

// errStarted is returned when schedules are added to running workers.
var errStarted = errors.New("push: schedules must be added before Start")

// AddSchedules registers domain schedules with the job queue. Call it
// before Start; every instance registers the same schedules (each may work
// the jobs, only the leader enqueues them).
func (s *Service) AddSchedules(schedules ...Schedule) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started {
		return errStarted
	}
	for _, sc := range schedules {
		if err := sc.Register(s.workers); err != nil {
			return fmt.Errorf("push: schedule worker: %w", err)
		}
		if _, err := s.river.PeriodicJobs().AddSafely(sc.Periodic()); err != nil {
			return fmt.Errorf("push: periodic job: %w", err)
		}
	}
	return nil
}
