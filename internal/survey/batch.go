package survey

import (
	"context"
	"errors"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/database"
)

// The group commit (database.GroupCommit) writes a batch of accepted
// submissions in one transaction, each response guarded so that a failing
// one (a concurrent duplicate) fails alone; on a store with concurrent
// writers each submission is written in its own transaction (writeOne).

// result is one submission's outcome.
type result = database.Result[*ent.SurveyResponse]

// newGroupCommit returns the group commit of s's store, batches of at most
// max submissions.
func newGroupCommit(s *Service, max int) *database.GroupCommit[accepted, *ent.SurveyResponse] {
	return database.NewGroupCommit(s.dialect, max, s.writeOne, s.writeBatch)
}

// writeOne writes a in its own transaction.
func (s *Service) writeOne(a accepted) (*ent.SurveyResponse, error) {
	var out *ent.SurveyResponse
	err := database.WithTx(a.ctx, s.client, func(tx *ent.Tx) error {
		var err error
		out, err = s.write(tx, a)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out.Unwrap(), nil
}

// writeBatch writes every submission of batch in one transaction and
// returns each outcome, falling back to finer writes on failure:
//
//  1. all at once, one multi-row insert per table (the common case);
//  2. one submission after the other: a response that collides with a
//     stored one (a concurrent duplicate, caught by a unique index) fails
//     alone, since SQLite aborts just that statement, the submission's
//     first write;
//  3. any other failure: each submission in its own transaction, so only
//     the faulty one fails.
//
// A queued submission is written even if its submitter left (its retry
// with the same client id is a replay), so the writes ignore cancellation.
func (s *Service) writeBatch(batch []accepted) []result {
	for i := range batch {
		batch[i].ctx = context.WithoutCancel(batch[i].ctx)
	}
	if len(batch) > 1 {
		if out, err := s.writeBulk(batch); err == nil {
			return out
		}
	}
	out, err := s.writeEach(batch)
	if err != nil && len(batch) > 1 {
		s.log.Warn("survey batch failed; writing its submissions one by one", "size", len(batch), "err", err)
		for i := range batch {
			out[i] = s.writeBatch(batch[i : i+1])[0]
		}
		return out
	}
	for i := range out {
		if err != nil {
			out[i] = result{Err: err}
		}
		out[i] = unwrapped(out[i])
	}
	return out
}

// writeEach writes the batch one submission after the other in one
// transaction; a duplicate response fails alone, any other error fails the
// transaction.
func (s *Service) writeEach(batch []accepted) ([]result, error) {
	out := make([]result, len(batch))
	err := database.WithTx(batch[0].ctx, s.client, func(tx *ent.Tx) error {
		for i, a := range batch {
			r, err := s.write(tx, a)
			var dup duplicateResponse
			if err != nil && !errors.As(err, &dup) {
				return err
			}
			out[i] = result{Value: r, Err: err}
		}
		return nil
	})
	return out, err
}

// writeBulk writes the batch with multi-row inserts, all or nothing.
func (s *Service) writeBulk(batch []accepted) ([]result, error) {
	var rs []*ent.SurveyResponse
	err := database.WithTx(batch[0].ctx, s.client, func(tx *ent.Tx) error {
		var err error
		rs, err = s.writeAll(tx, batch)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]result, len(batch))
	for i, r := range rs {
		out[i] = unwrapped(result{Value: r})
	}
	return out, nil
}

// unwrapped detaches a written response from its committed transaction.
func unwrapped(r result) result {
	if r.Err == nil && r.Value != nil {
		r.Value = r.Value.Unwrap()
	}
	return r
}
