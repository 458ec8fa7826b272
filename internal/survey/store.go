package survey

import (
	"context"
	"fmt"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/internal/audit"
)

// accepted is a submission that passed every check, ready to be written.
type accepted struct {
	ctx     context.Context // the submitter's context, allowed to write
	rid     pulid.ID
	survey  *ent.Survey
	in      Submission
	answers []schematype.SurveyAnswer
}

// store writes an accepted submission through the group commit: on
// PostgreSQL in its own transaction; on SQLite, which has one writer and
// whose commit per response would cap ingestion, batched with the
// submissions that arrive meanwhile.
func (s *Service) store(a accepted) (*ent.SurveyResponse, error) {
	return s.batch.Submit(a)
}

// write inserts the response, the survey-incentive entitlement and the
// audit entry in tx.
func (s *Service) write(tx *ent.Tx, a accepted) (*ent.SurveyResponse, error) {
	r, err := s.response(tx, a).Save(a.ctx)
	if ent.IsConstraintError(err) {
		return nil, duplicateResponse{err}
	}
	if err != nil {
		return nil, fmt.Errorf("save response: %w", err)
	}
	err = s.entitlement(tx, a, r.AnsweredAt).OnConflictColumns(payout.FieldIdempotencyKey).DoNothing().Exec(a.ctx)
	if err != nil {
		return nil, fmt.Errorf("record survey incentive %s: %w", entitlementKey(a), err)
	}
	if err := audit.Record(a.ctx, tx.Client(), auditEntry(a, r)); err != nil {
		return nil, err
	}
	return r, nil
}

// writeAll inserts many submissions with one statement per table for the
// responses and the entitlements (the audit entries are one each). Any
// conflict fails it as a whole.
func (s *Service) writeAll(tx *ent.Tx, as []accepted) ([]*ent.SurveyResponse, error) {
	ctx := as[0].ctx
	rcs := make([]*ent.SurveyResponseCreate, len(as))
	for i, a := range as {
		rcs[i] = s.response(tx, a)
	}
	rs, err := tx.SurveyResponse.CreateBulk(rcs...).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("save responses: %w", err)
	}
	pcs := make([]*ent.PayoutCreate, len(as))
	for i, a := range as {
		pcs[i] = s.entitlement(tx, a, rs[i].AnsweredAt)
	}
	err = tx.Payout.CreateBulk(pcs...).OnConflictColumns(payout.FieldIdempotencyKey).DoNothing().Exec(ctx)
	if err != nil {
		return nil, fmt.Errorf("record survey incentives: %w", err)
	}
	for i, a := range as {
		if err := audit.Record(a.ctx, tx.Client(), auditEntry(a, rs[i])); err != nil {
			return nil, err
		}
	}
	return rs, nil
}

func (s *Service) response(tx *ent.Tx, a accepted) *ent.SurveyResponseCreate {
	return tx.SurveyResponse.Create().SetRecipientID(a.rid).SetSurveyID(a.survey.ID).
		SetClientID(a.in.ClientID).SetAnswers(a.answers).SetAnsweredAt(answerTime(a.in.AnsweredAt))
}

func auditEntry(a accepted, r *ent.SurveyResponse) audit.Entry {
	return audit.Entry{Action: "survey.response.accepted", TargetType: "SurveyResponse", TargetID: r.ID,
		Detail: map[string]string{"survey": a.survey.Code, "recipient": string(a.rid),
			"entitlement": entitlementKey(a), "answered_at": r.AnsweredAt.Format(time.RFC3339)}}
}

// duplicateResponse is a response refused by a unique index (client id,
// or recipient and survey): another submission got there first.
type duplicateResponse struct{ err error }

func (e duplicateResponse) Error() string { return "save response: " + e.err.Error() }
func (e duplicateResponse) Unwrap() error { return e.err }

// entitlement builds the recipient's survey-incentive entitlement: a
// payout of kind survey, installment = the survey's ordinal, status
// entitled, due PayWithin after the answer date (never before the day it is
// received). The idempotency key makes it exist once per recipient and
// survey, whatever happens to the response later.
func (s *Service) entitlement(tx *ent.Tx, a accepted, answered time.Time) *ent.PayoutCreate {
	due := dateOf(answered.Add(s.cfg.PayWithin))
	if today := dateOf(s.now()); due.Before(today) {
		due = today
	}
	return tx.Payout.Create().SetRecipientID(a.rid).SetKind(payout.KindSurvey).SetInstallment(a.survey.Ordinal).
		SetAmount(a.survey.Incentive).SetStatus(payout.StatusEntitled).SetScheduledFor(due).
		SetIdempotencyKey(entitlementKey(a))
}

func entitlementKey(a accepted) string { return fmt.Sprintf("survey:%s:%s", a.rid, a.survey.Code) }
