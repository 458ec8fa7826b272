package survey

import (
	"context"
	"fmt"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/survey"
	"github.com/kartuprakerja/platform/ent/surveyresponse"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Assignment is one survey for one recipient, with its window.
type Assignment struct {
	Survey   *ent.Survey // with its questions in order
	OpensAt  time.Time
	ClosesAt time.Time
	Status   Status
	Response *ent.SurveyResponse // nil until answered
}

// MySurveys lists the viewer's surveys in order with their windows: every
// active survey, and any inactive one they answered. A viewer who is not a
// recipient, or whose first incentive was not sent yet, has none.
func (s *Service) MySurveys(ctx context.Context) ([]*Assignment, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, apperr.Wrap(apperr.Unauthenticated, rule.ErrUnauthenticated, msg.SignInRequired)
	}
	out := []*Assignment{}
	if v.Role != viewer.RoleRecipient || v.RecipientID == "" {
		return out, nil
	}
	sys := rule.System(ctx, "the signed-in recipient's own surveys")
	first, ok, err := s.firstIncentive(sys, v.RecipientID)
	if err != nil || !ok {
		return out, err
	}
	answered, err := s.responses(sys, v.RecipientID)
	if err != nil {
		return nil, err
	}
	revoked, err := s.revokedAt(sys, v.RecipientID)
	if err != nil {
		return nil, err
	}
	surveys, err := withOrderedQuestions(s.client.Survey.Query()).
		Where(survey.Or(survey.Active(true), survey.IDIn(keys(answered)...))).
		Order(ent.Asc(survey.FieldOrdinal), ent.Asc(survey.FieldCode)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load surveys: %w", err)
	}
	now := s.now()
	for _, sv := range surveys {
		w := windowOf(sv, first)
		r, done := answered[sv.ID]
		if revoked != nil && !done { // a revocation closes what is open and cancels what is to come
			if !w.Opens.Before(*revoked) {
				continue
			}
			if revoked.Before(w.Closes) {
				w.Closes = *revoked
			}
		}
		a := &Assignment{Survey: sv, OpensAt: w.Opens, ClosesAt: w.Closes, Status: w.status(now)}
		if done {
			a.Status, a.Response = StatusAnswered, r
		}
		out = append(out, a)
	}
	return out, nil
}

// responses returns the recipient's responses by survey.
func (s *Service) responses(ctx context.Context, rid pulid.ID) (map[pulid.ID]*ent.SurveyResponse, error) {
	rs, err := s.client.SurveyResponse.Query().Where(surveyresponse.RecipientID(rid)).All(ctx)
	if err != nil {
		return nil, fmt.Errorf("load responses: %w", err)
	}
	out := make(map[pulid.ID]*ent.SurveyResponse, len(rs))
	for _, r := range rs {
		out[r.SurveyID] = r
	}
	return out, nil
}

func keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
