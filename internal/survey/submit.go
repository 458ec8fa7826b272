package survey

import (
	"context"
	"fmt"
	"strings"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/ent/surveyresponse"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Submit stores the viewer's answers to a survey, exactly once:
//
//   - a client id seen before with the same content returns the stored
//     response (nothing new is written); with other content, CONFLICT;
//   - a second response to an answered survey is refused with CONFLICT (the
//     unique index on recipient and survey settles concurrent duplicates);
//   - the timing rule (admit) and the answers (validate) are checked, and
//     a refused submission writes nothing;
//   - an accepted response records the survey-incentive entitlement and an
//     audit entry in the same transaction.
func (s *Service) Submit(ctx context.Context, in Submission) (*ent.SurveyResponse, error) {
	rid, err := recipientOf(ctx)
	if err != nil {
		return nil, err
	}
	in.ClientID = strings.TrimSpace(in.ClientID)
	if in.ClientID == "" || len(in.ClientID) > maxClientID {
		return nil, apperr.Invalid("clientId", msg.SurveyClientID, maxClientID)
	}
	sys := rule.System(ctx, "survey answers of the signed-in recipient, checked by the survey service")
	if r, err := s.replay(sys, rid, in); r != nil || err != nil {
		return r, err
	}
	sv, answers, err := s.accept(sys, rid, in)
	if err != nil {
		return nil, err
	}
	r, err := s.store(accepted{ctx: sys, rid: rid, survey: sv, in: in, answers: answers})
	if ent.IsConstraintError(err) {
		return s.duplicate(sys, rid, in, err)
	}
	return r, err
}

// recipientOf returns the viewer's recipient id: only recipients answer.
func recipientOf(ctx context.Context) (pulid.ID, error) {
	v, err := rule.RequireRecipient(ctx, "survey.submit", msg.SurveyRecipientsOnly)
	if err != nil {
		return "", err
	}
	return v.RecipientID, nil
}

// replay looks for what the recipient already sent. It returns the stored
// response when the client id was seen with the same content; CONFLICT when
// the client id was seen with other content (or belongs to someone else) or
// the survey was already answered under another client id; (nil, nil) when
// the submission is new. One indexed query covers both lookups.
func (s *Service) replay(ctx context.Context, rid pulid.ID, in Submission) (*ent.SurveyResponse, error) {
	rows, err := s.client.SurveyResponse.Query().Where(surveyresponse.Or(
		surveyresponse.ClientID(in.ClientID),
		surveyresponse.And(surveyresponse.RecipientID(rid), surveyresponse.SurveyID(in.SurveyID)),
	)).Limit(2).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("look up earlier answers: %w", err)
	}
	for _, r := range rows {
		if r.ClientID != in.ClientID {
			continue
		}
		switch {
		case r.RecipientID != rid:
			return nil, conflict("clientId", msg.SurveyClientIDTaken)
		case !sameContent(r, in):
			return nil, conflict("clientId", msg.SurveyClientIDDiffers)
		}
		return r, nil
	}
	if len(rows) > 0 {
		return nil, conflict("surveyId", msg.SurveyAnswered)
	}
	return nil, nil
}

// accept checks that the survey is open to the recipient at the answer
// time and that the answers are valid; it returns the answers to store.
func (s *Service) accept(ctx context.Context, rid pulid.ID, in Submission) (*ent.Survey, []schematype.SurveyAnswer, error) {
	sv, err := s.definition(ctx, in.SurveyID)
	if err != nil {
		return nil, nil, err
	}
	first, ok, err := s.firstIncentive(ctx, rid)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, apperr.E(apperr.Forbidden, msg.SurveyNoIncentive)
	}
	revoked, err := s.revokedAt(ctx, rid)
	if err != nil {
		return nil, nil, err
	}
	if revoked != nil && !in.AnsweredAt.Before(*revoked) {
		return nil, nil, apperr.E(apperr.Forbidden, msg.SurveyRevoked, *revoked)
	}
	if err := s.admit(windowOf(sv, first), in.AnsweredAt, s.now()); err != nil {
		return nil, nil, err
	}
	answers, err := s.validate(sv, in.Answers)
	return sv, answers, err
}

// duplicate explains a unique-index violation on insert: a concurrent
// submission won the race, so what is stored now decides (a replay or a
// CONFLICT).
func (s *Service) duplicate(ctx context.Context, rid pulid.ID, in Submission, cause error) (*ent.SurveyResponse, error) {
	if r, err := s.replay(ctx, rid, in); r != nil || err != nil {
		return r, err
	}
	return nil, fmt.Errorf("store response: %w", cause)
}

func conflict(field string, key msg.Key) error {
	return apperr.E(apperr.Conflict, key).InField(field)
}
