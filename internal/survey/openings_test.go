package survey_test

import (
	"context"
	"slices"
	"testing"

	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/survey"
)

// TestOpenings: the scheduler hook lists the recipients whose window of a
// survey opened in (from, to] and who have not answered it, counting from
// their first incentive only.
func TestOpenings(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		from, to := e.now.Add(-day), e.now
		// SE2 opens 30 days after the first incentive.
		opened, _ := e.recipient(t, e.now.Add(-30*day-hour))
		answered, actx := e.recipient(t, e.now.Add(-30*day-2*hour))
		e.recipient(t, e.now.Add(-29*day))      // opens tomorrow
		e.recipient(t, e.now.Add(-32*day))      // opened before from
		e.recipient(t, e.now.Add(-31*day-hour)) // just before from
		second, _ := e.recipient(t, e.now.Add(-40*day))
		// A later instalment sent in range does not reopen the window.
		db.Client.Payout.Create().SetRecipientID(second.Recipient.ID).SetKind(payout.KindIncentive).
			SetInstallment(2).SetAmount(600_000).SetScheduledFor(e.now.Add(-33 * day)).SetStatus(payout.StatusSent).
			SetSentAt(e.now.Add(-30*day - hour)).SetIdempotencyKey("inc-second-2").ExecX(sys())
		in := e.submission("open-1")
		in.AnsweredAt = e.now
		if _, err := e.svc.Submit(actx, in); err != nil {
			t.Fatal(err)
		}

		var got []survey.Opening
		err := e.svc.Openings(context.Background(), from, to, func(o survey.Opening) error {
			got = append(got, o)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var se2 []pulid.ID
		for _, o := range got {
			if o.Survey.Code == "SE2" {
				se2 = append(se2, o.RecipientID)
				if o.AccountID != opened.Account.ID || !o.Window.Opens.Equal(e.now.Add(-hour)) {
					t.Errorf("opening %+v", o)
				}
			}
		}
		if !slices.Equal(se2, []pulid.ID{opened.Recipient.ID}) {
			t.Errorf("SE2 openings %v, want only %s (answered: %s)", se2, opened.Recipient.ID, answered.Recipient.ID)
		}
	})
}
