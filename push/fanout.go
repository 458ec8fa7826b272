package push

import (
	"context"
	"fmt"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/riverqueue/river"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/predicate"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/selectionresult"
)

// FanOutWaveResults queues the announcement of a wave's selection results
// to every decided applicant (selected, not selected or excluded). It may
// be called again at any time: applicants already notified are skipped.
func (s *Service) FanOutWaveResults(ctx context.Context, waveID pulid.ID) error {
	if _, err := s.river.Insert(ctx, WaveResultsArgs{WaveID: waveID}, nil); err != nil {
		return fmt.Errorf("push: queue wave %s fan-out: %w", waveID, err)
	}
	return nil
}

// FanOutWaveResultsTx is FanOutWaveResults in the caller's transaction
// (the one that publishes the results).
func (s *Service) FanOutWaveResultsTx(ctx context.Context, tx *ent.Tx, waveID pulid.ID) error {
	return s.insertJobs(ctx, tx, []river.InsertManyParams{{Args: WaveResultsArgs{WaveID: waveID}}})
}

// waveWorker pages through a wave's decided applications in id order. Each
// page is one transaction that creates the notifications, queues their
// delivery and saves the page's last id as the job's cursor: after a crash
// the job resumes after the last committed page, and a page is never
// notified twice.
type waveWorker struct {
	river.WorkerDefaults[WaveResultsArgs]
	s *Service
}

// Work implements river.Worker.
func (w *waveWorker) Work(ctx context.Context, job *river.Job[WaveResultsArgs]) error {
	s := w.s
	wv, err := s.db.Client.Wave.Get(system(ctx, "fan-out"), job.Args.WaveID)
	if err != nil {
		return fmt.Errorf("push: wave %s: %w", job.Args.WaveID, err)
	}
	river.ResumableStepCursor(ctx, "pages", nil, func(ctx context.Context, after pulid.ID) error {
		total := 0
		for {
			last, n, created, err := s.fanOutPage(ctx, job, wv, after)
			if err != nil {
				return err
			}
			total += created
			if n < s.cfg.PageSize {
				s.log.Info("wave results fanned out", "wave", wv.Number, "notifications", total)
				return nil
			}
			after = last
		}
	})
	return nil
}

// fanOutPage notifies the applicants of one page after the cursor. The
// reads and the rendering run before the page's transaction, which only
// writes (on SQLite the single writer is held as briefly as possible).
func (s *Service) fanOutPage(ctx context.Context, job *river.Job[WaveResultsArgs], wv *ent.Wave, after pulid.ID) (last pulid.ID, n, created int, err error) {
	read := system(ctx, "fan-out page")
	apps, err := s.decidedPage(read, s.db.Client, wv.ID, after)
	if n = len(apps); err != nil || n == 0 {
		return "", n, 0, err
	}
	last = apps[n-1].resultID
	events := make([]Event, 0, n)
	for _, a := range apps {
		events = append(events, SelectionResult(a.accountID, wv.ID, wv.Number, a.status, wv.TrainingBalance))
	}
	rows, err := s.prepare(read, s.db.Client, events)
	if err != nil {
		return "", n, 0, err
	}
	err = s.inTx(ctx, "fan-out page", func(ctx context.Context, tx *ent.Tx) error {
		if err := s.write(ctx, tx, rows); err != nil {
			return err
		}
		st, err := sqlTx(tx)
		if err != nil {
			return err
		}
		_, err = river.ResumableSetStepCursorTx[completeTx](ctx, st, job, last)
		return wrap(err, "save fan-out cursor")
	})
	return last, n, len(rows), err
}

// decided is one drawn application to notify.
type decided struct {
	resultID  pulid.ID
	status    string
	accountID pulid.ID
}

// decidedPage reads up to PageSize results after the cursor (in result id
// order), then their recipients' accounts: two index walks, the same as
// reading applications with their recipients.
func (s *Service) decidedPage(ctx context.Context, c *ent.Client, waveID, after pulid.ID) ([]decided, error) {
	q := c.SelectionResult.Query().Where(s.inWave(waveID)).Order(selectionresult.ByID()).Limit(s.cfg.PageSize)
	if after != "" {
		q = q.Where(selectionresult.IDGT(after))
	}
	rs, err := q.Select(selectionresult.FieldRecipientID, selectionresult.FieldStatus).All(ctx)
	if err != nil || len(rs) == 0 {
		return nil, wrap(err, "read decided applications")
	}
	ids := make([]pulid.ID, len(rs))
	for i, r := range rs {
		ids[i] = r.RecipientID
	}
	recs, err := c.Recipient.Query().Where(recipient.IDIn(ids...)).Select(recipient.FieldAccountID).All(ctx)
	if err != nil {
		return nil, wrap(err, "read decided recipients")
	}
	account := make(map[pulid.ID]pulid.ID, len(recs))
	for _, r := range recs {
		account[r.ID] = r.AccountID
	}
	out := make([]decided, 0, len(rs))
	for _, r := range rs {
		if a, ok := account[r.RecipientID]; ok {
			out = append(out, decided{resultID: r.ID, status: string(r.Status), accountID: a})
		}
	}
	return out, nil
}

// inWave filters by wave so that the walk follows the primary key: on
// SQLite the wave index would be chosen otherwise (it has no statistics)
// and every page would sort the whole wave. The unary + keeps SQLite off
// that index; PostgreSQL plans from statistics.
func (s *Service) inWave(waveID pulid.ID) predicate.SelectionResult {
	return predicate.SelectionResult(func(sel *entsql.Selector) {
		sel.Where(s.db.Store().EQNoIndex(sel.C(selectionresult.FieldWaveID), string(waveID)))
	})
}
