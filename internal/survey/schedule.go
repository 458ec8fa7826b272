package survey

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/kartuprakerja/platform/internal/database/jobqueue"
)

// OpeningsArgs is one run of the survey-openings announcer, a job of the
// durable queue (push.Service.AddSchedules).
type OpeningsArgs struct{}

// Kind implements river.JobArgs.
func (OpeningsArgs) Kind() string { return "survey_openings" }

// OpeningsNotifier tells recipients that a survey opened for them. It must
// notify an (account, survey) once however often it is called with it
// (push dedupes by event key), so that overlapping runs are harmless.
type OpeningsNotifier interface {
	SurveysOpened(ctx context.Context, openings []Opening) error
}

// Openings timing: where a run's window starts.
const (
	// openingsOverlap reaches back before the previous run's end, for
	// payouts whose sent_at was stamped before that run but committed after
	// it (and for clock skew between instances).
	openingsOverlap = 10 * time.Minute
	// openingsFallback is the window of a run that finds no previous run:
	// the first start, or after an outage longer than river keeps completed
	// jobs (24 hours). Windows that opened earlier are not announced; they
	// still show in mySurveys.
	openingsFallback = 24 * time.Hour
	// announceBatch is how many openings are notified per transaction.
	announceBatch = 500
)

// openingsOutput is what a run records in its job row: the end of its
// window, where the next run starts. It lives in the store, not in one
// process, so a restart or another instance picks up where a run ended.
type openingsOutput struct {
	From     time.Time `json:"from"`
	To       time.Time `json:"to"`
	Openings int       `json:"openings"`
}

// OpeningsSchedule announces the survey windows that opened since the last
// run, every period, as a periodic job of the queue: the leader enqueues
// it, one worker of the fleet runs it, one job per period.
type OpeningsSchedule struct {
	jobqueue.Every[OpeningsArgs]
	svc    *Service
	notify OpeningsNotifier
}

// NewOpeningsSchedule returns the schedule of the survey openings.
func NewOpeningsSchedule(svc *Service, notify OpeningsNotifier, every time.Duration) *OpeningsSchedule {
	o := &OpeningsSchedule{svc: svc, notify: notify}
	o.Every = jobqueue.Every[OpeningsArgs]{Period: every, Work: o.work}
	return o
}

func (o *OpeningsSchedule) work(ctx context.Context, _ *river.Job[OpeningsArgs]) error {
	to := o.svc.now().UTC()
	from, err := o.from(ctx, to)
	if err != nil {
		return err
	}
	n, err := o.announce(ctx, from, to)
	if err != nil {
		return fmt.Errorf("survey openings (%s, %s]: %w", from.Format(time.RFC3339), to.Format(time.RFC3339), err)
	}
	if n > 0 {
		o.svc.log.Info("survey openings", "from", from, "to", to, "openings", n)
	}
	return river.RecordOutput(ctx, openingsOutput{From: from, To: to, Openings: n})
}

// from is where this run's window starts: the end of the last completed
// run (read from the queue's job rows), less the overlap.
func (o *OpeningsSchedule) from(ctx context.Context, to time.Time) (time.Time, error) {
	client, err := river.ClientFromContextSafely[*sql.Tx](ctx)
	if err != nil {
		return time.Time{}, fmt.Errorf("survey openings: %w", err)
	}
	res, err := client.JobList(ctx, river.NewJobListParams().Kinds(OpeningsArgs{}.Kind()).
		States(rivertype.JobStateCompleted).OrderBy(river.JobListOrderByFinalizedAt, river.SortOrderDesc).First(1))
	if err != nil {
		return time.Time{}, fmt.Errorf("survey openings: last run: %w", err)
	}
	var last openingsOutput
	if len(res.Jobs) == 0 || json.Unmarshal(res.Jobs[0].Output(), &last) != nil || last.To.IsZero() {
		return to.Add(-openingsFallback), nil
	}
	return last.To.Add(-openingsOverlap), nil
}

// announce notifies the openings in (from, to], announceBatch at a time.
func (o *OpeningsSchedule) announce(ctx context.Context, from, to time.Time) (int, error) {
	var batch []Opening
	n := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := o.notify.SurveysOpened(ctx, batch)
		n += len(batch)
		batch = batch[:0]
		return err
	}
	err := o.svc.Openings(ctx, from, to, func(op Opening) error {
		if batch = append(batch, op); len(batch) < announceBatch {
			return nil
		}
		return flush()
	})
	if err == nil {
		err = flush()
	}
	return n, err
}
