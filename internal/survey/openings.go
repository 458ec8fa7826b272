package survey

import (
	"context"
	"fmt"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/survey"
	"github.com/kartuprakerja/platform/ent/surveyresponse"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Opening is a survey whose window opened for a recipient who has not
// answered it: what the scheduler turns into a survey_available
// notification (push.SurveyAvailable(AccountID, Survey.ID, title,
// Survey.Incentive, Window.Closes)).
type Opening struct {
	AccountID   pulid.ID
	RecipientID pulid.ID
	Survey      *ent.Survey
	Window      Window
}

// openingsBatch is how many candidate payouts are examined per round.
const openingsBatch = 500

// maxSendLag bounds how long after its scheduled date a payout is sent
// (3-5 working days in practice). It lets the search for first incentives
// sent in a period use the (status, scheduled_for) index instead of
// scanning every sent payout; a payout sent later than this still opens
// the survey (mySurveys), it is only not announced.
const maxSendLag = 60 * day

// Openings calls fn for every active survey whose window opened in
// (from, to] for a recipient who has not answered it. The scheduler passes
// the end of its previous run as from; overlapping runs are harmless
// because notifications are deduplicated by event key. Work is done in
// batches, never loading every recipient at once.
func (s *Service) Openings(ctx context.Context, from, to time.Time, fn func(Opening) error) error {
	sys := rule.System(ctx, "survey openings for the notification scheduler")
	surveys, err := s.client.Survey.Query().Where(survey.Active(true)).Order(ent.Asc(survey.FieldOrdinal)).All(sys)
	if err != nil {
		return fmt.Errorf("load surveys: %w", err)
	}
	for _, sv := range surveys {
		shift := time.Duration(sv.OpensAfterDays) * day
		if err := s.openingsOf(sys, sv, from.Add(-shift), to.Add(-shift), fn); err != nil {
			return fmt.Errorf("openings of %s: %w", sv.Code, err)
		}
	}
	return nil
}

// openingsOf finds recipients whose first incentive was sent in (lo, hi].
func (s *Service) openingsOf(ctx context.Context, sv *ent.Survey, lo, hi time.Time, fn func(Opening) error) error {
	after := pulid.ID("")
	for {
		page, err := s.client.Payout.Query().
			Where(payout.StatusEQ(payout.StatusSent), payout.ScheduledForGT(lo.Add(-maxSendLag)),
				payout.ScheduledForLTE(hi), payout.KindEQ(payout.KindIncentive),
				payout.SentAtGT(lo), payout.SentAtLTE(hi), payout.IDGT(after)).
			Order(ent.Asc(payout.FieldID)).Limit(openingsBatch).All(ctx)
		if err != nil || len(page) == 0 {
			return err
		}
		after = page[len(page)-1].ID
		if err := s.announce(ctx, sv, page, lo, fn); err != nil {
			return err
		}
	}
}

// announce calls fn for the page's recipients whose first incentive is the
// one in the page (none sent at or before lo) and who have not answered.
func (s *Service) announce(ctx context.Context, sv *ent.Survey, page []*ent.Payout, lo time.Time, fn func(Opening) error) error {
	first := map[pulid.ID]time.Time{}
	for _, p := range page {
		if t, ok := first[p.RecipientID]; !ok || p.SentAt.Before(t) {
			first[p.RecipientID] = *p.SentAt
		}
	}
	ids := keys(first)
	earlier, err := s.client.Payout.Query().Where(payout.RecipientIDIn(ids...), payout.KindEQ(payout.KindIncentive),
		payout.StatusEQ(payout.StatusSent), payout.SentAtLTE(lo)).Select(payout.FieldRecipientID).Strings(ctx)
	if err != nil {
		return fmt.Errorf("earlier incentives: %w", err)
	}
	answered, err := s.client.SurveyResponse.Query().Where(surveyresponse.RecipientIDIn(ids...),
		surveyresponse.SurveyID(sv.ID)).Select(surveyresponse.FieldRecipientID).Strings(ctx)
	if err != nil {
		return fmt.Errorf("answered: %w", err)
	}
	for _, id := range append(earlier, answered...) {
		delete(first, pulid.ID(id))
	}
	return s.emit(ctx, sv, first, fn)
}

// emit resolves the recipients' accounts and calls fn.
func (s *Service) emit(ctx context.Context, sv *ent.Survey, first map[pulid.ID]time.Time, fn func(Opening) error) error {
	if len(first) == 0 {
		return nil
	}
	rs, err := s.client.Recipient.Query().Where(recipient.IDIn(keys(first)...)).
		Select(recipient.FieldID, recipient.FieldAccountID).All(ctx)
	if err != nil {
		return fmt.Errorf("load recipients: %w", err)
	}
	for _, r := range rs {
		o := Opening{AccountID: r.AccountID, RecipientID: r.ID, Survey: sv, Window: windowOf(sv, first[r.ID])}
		if err := fn(o); err != nil {
			return err
		}
	}
	return nil
}
