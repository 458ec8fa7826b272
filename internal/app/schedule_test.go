package app_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/survey"
)

// TestSchedulesRunOnTheQueue: with the job queue started, the 30-day rule
// and the survey openings run as periodic jobs on both stores (on SQLite
// in the one process), each period, with the same effect as once: one
// revocation with one audit entry and one notification, one
// survey_available per opening.
func TestSchedulesRunOnTheQueue(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		const every = time.Second
		s := newStackWith(t, db, func(c *app.Config) { c.ScheduleEvery = every })
		w := fixture.NewWorld(t, db.Client)
		ctx := rule.System(context.Background(), "test")
		overdue := w.NewPerson(t, db.Client, 1, w.Platform)
		db.Client.Recipient.UpdateOne(overdue.Recipient).SetAcceptedAt(time.Now().Add(-31 * 24 * time.Hour)).
			ExecX(ctx)
		se2 := surveyWithQuestions(t, db.Client) // opens 30 days after the first incentive
		sent := time.Now().Add(-30*24*time.Hour - time.Minute)
		opened := paidPerson(t, db.Client, w, 2, sent)
		db.Client.Payout.UpdateOneID(opened.Private["Payout"]).SetScheduledFor(sent).ExecX(ctx)
		db.Client.Recipient.UpdateOne(opened.Recipient).SetFirstPurchaseAt(time.Now()).ExecX(ctx)

		if err := s.App.Push.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			_ = s.App.Push.Stop(sctx)
		})
		deadline := time.Now().Add(30 * time.Second)
		for completed(t, db, journey.PurchaseDeadlineArgs{}.Kind()) < 3 ||
			completed(t, db, survey.OpeningsArgs{}.Kind()) < 3 {
			if time.Now().After(deadline) {
				t.Fatalf("schedules did not run three times in 30 s")
			}
			time.Sleep(100 * time.Millisecond)
		}
		r := db.Client.Recipient.GetX(ctx, overdue.Recipient.ID)
		audits := db.Client.AuditLog.Query().Where(auditlog.Action("recipient.revoked.no_purchase")).CountX(ctx)
		revoked := db.Client.Notification.Query().Where(notification.KindEQ(notification.KindRevoked)).CountX(ctx)
		if r.Status != recipient.StatusRevoked || audits != 1 || revoked != 1 {
			t.Errorf("30-day rule: status %s, %d audit entries, %d notifications; want revoked, 1, 1", r.Status, audits, revoked)
		}
		avail := db.Client.Notification.Query().Where(notification.KindEQ(notification.KindSurveyAvailable),
			notification.AccountID(opened.Account.ID), notification.EventKey("survey-available:"+string(se2.ID))).CountX(ctx)
		if all := db.Client.Notification.Query().Where(notification.KindEQ(notification.KindSurveyAvailable)).CountX(ctx); avail != 1 || all != 1 {
			t.Errorf("survey openings: %d notifications for the opening, %d in all; want 1, 1", avail, all)
		}
	})
}

// completed counts the completed jobs of kind in river's table.
func completed(t *testing.T, db *database.DB, kind string) int {
	t.Helper()
	var n int
	q := fmt.Sprintf(`SELECT count(*) FROM river_job WHERE kind = '%s' AND state = 'completed'`, kind)
	if err := db.SQL.QueryRowContext(context.Background(), q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
