package survey_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/surveyresponse"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/survey"
)

// TestIdempotency: a client id is the submission; content decides whether
// a repeat is a retry or a conflict; a survey is answered once.
func TestIdempotency(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		p, ctx := e.recipient(t, e.open())
		first, err := e.svc.Submit(ctx, e.submission("c-1"))
		if err != nil {
			t.Fatalf("first submission: %v", err)
		}
		reordered := e.submission("c-1")
		slices.Reverse(reordered.Answers)
		reordered.Answers[2].Choices = []string{"z", "x"} // uses, as a set
		reordered.Answers = append(reordered.Answers, survey.AnswerInput{QuestionID: e.q["children"].ID})
		note := " Bagus sekali \n"
		reordered.Answers[0].Text = &note
		otherLocalTime := e.submission("c-1")
		otherLocalTime.AnsweredAt = otherLocalTime.AnsweredAt.In(time.FixedZone("WITA", 8*3600))

		changed := e.submission("c-1")
		changed.Answers[0].Choices = []string{"5"}
		later := e.submission("c-1")
		later.AnsweredAt = later.AnsweredAt.Add(time.Second)
		otherSurvey := e.submission("c-1")
		otherSurvey.SurveyID = e.world.Survey.ID

		cases := []struct {
			name string
			in   survey.Submission
			want apperr.Code
		}{
			{"same id, same content", e.submission("c-1"), ""},
			{"same id, same content in another order and spacing", reordered, ""},
			{"same id, same instant in another zone", otherLocalTime, ""},
			{"same id, another answer", changed, apperr.Conflict},
			{"same id, another answer time", later, apperr.Conflict},
			{"same id, another survey", otherSurvey, apperr.Conflict},
			{"another id, same survey", e.submission("c-2"), apperr.Conflict},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r, err := e.svc.Submit(ctx, c.in)
				if rule.Code(err) != c.want {
					t.Fatalf("err = %v, want %q", err, c.want)
				}
				if c.want == "" && r.ID != first.ID {
					t.Errorf("retry returned %s, want the stored %s", r.ID, first.ID)
				}
				if c.want != "" && fields(err) == nil {
					t.Errorf("conflict without a field: %v", err)
				}
			})
		}
		t.Run("another recipient reusing the id", func(t *testing.T) {
			_, other := e.recipient(t, e.open())
			_, err := e.svc.Submit(other, e.submission("c-1"))
			if rule.Code(err) != apperr.Conflict {
				t.Fatalf("err = %v, want CONFLICT", err)
			}
		})
		if n := e.responses(t); n != 1 {
			t.Errorf("%d responses, want 1", n)
		}
		if n := e.entitlements(t); n != 1 {
			t.Errorf("%d entitlements, want 1", n)
		}
		if got := db.Client.SurveyResponse.Query().Where(surveyresponse.RecipientID(p.Recipient.ID),
			surveyresponse.SurveyID(e.sv.ID)).OnlyX(sys()); got.ClientID != "c-1" {
			t.Errorf("stored client id %q", got.ClientID)
		}
	})
}

// TestConcurrentDuplicates races submissions: the same client id from many
// goroutines yields one row returned to all; different client ids for the
// same survey yield one winner and CONFLICT for the rest.
func TestConcurrentDuplicates(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		const n = 8
		race := func(ids func(i int) string) ([]*ent.SurveyResponse, []error) {
			_, ctx := e.recipient(t, e.open())
			rs, errs := make([]*ent.SurveyResponse, n), make([]error, n)
			var start, done sync.WaitGroup
			start.Add(1)
			for i := range n {
				done.Add(1)
				go func() {
					defer done.Done()
					start.Wait()
					rs[i], errs[i] = e.svc.Submit(ctx, e.submission(ids(i)))
				}()
			}
			start.Done()
			done.Wait()
			return rs, errs
		}
		t.Run("same client id", func(t *testing.T) {
			rs, errs := race(func(int) string { return "same" })
			for i := range n {
				if errs[i] != nil {
					t.Fatalf("submission %d: %v", i, errs[i])
				}
				if rs[i].ID != rs[0].ID {
					t.Errorf("submission %d got %s, want %s", i, rs[i].ID, rs[0].ID)
				}
			}
		})
		t.Run("different client ids", func(t *testing.T) {
			_, errs := race(func(i int) string { return fmt.Sprintf("diff-%d", i) })
			ok := 0
			for i, err := range errs {
				switch rule.Code(err) {
				case "":
					ok++
				case apperr.Conflict:
				default:
					t.Errorf("submission %d: %v", i, err)
				}
			}
			if ok != 1 {
				t.Errorf("%d accepted, want 1", ok)
			}
		})
		if got := e.responses(t); got != 2 {
			t.Errorf("%d responses for two recipients, want 2", got)
		}
		if got := e.entitlements(t); got != 2 {
			t.Errorf("%d entitlements for two recipients, want 2", got)
		}
		t.Run("one faulty submission among concurrent ones", func(t *testing.T) {
			// The poisoned recipient already holds a survey payout for
			// installment 2 under another key: their entitlement cannot be
			// written, so their response must not be either, and the others
			// (possibly in the same SQLite batch) must not suffer.
			ctxs := make([]context.Context, n)
			var poisoned *fixture.Person
			for i := range n {
				p, ctx := e.recipient(t, e.open())
				ctxs[i] = ctx
				if i == 3 {
					poisoned = p
					db.Client.Payout.Create().SetRecipientID(p.Recipient.ID).SetKind(payout.KindSurvey).
						SetInstallment(2).SetAmount(50_000).SetScheduledFor(e.now).
						SetIdempotencyKey("legacy-survey-2").ExecX(sys())
				}
			}
			before := e.responses(t)
			errs := make([]error, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, errs[i] = e.svc.Submit(ctxs[i], e.submission(fmt.Sprintf("mixed-%d", i)))
				}()
			}
			wg.Wait()
			for i, err := range errs {
				if (i == 3) != (err != nil) {
					t.Errorf("submission %d: %v", i, err)
				}
			}
			if got := e.responses(t) - before; got != n-1 {
				t.Errorf("%d responses stored, want %d", got, n-1)
			}
			if db.Client.SurveyResponse.Query().Where(surveyresponse.RecipientID(poisoned.Recipient.ID),
				surveyresponse.SurveyID(e.sv.ID)).ExistX(sys()) {
				t.Errorf("response stored without its entitlement")
			}
		})
	})
}

// TestEntitlement: an accepted response records one Rp50,000 entitlement
// due 14 days after the answer date (WIB), and one audit entry; a retry
// records nothing more; an answer received late is due no earlier than the
// day it arrived.
func TestEntitlement(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		p, ctx := e.recipient(t, e.open())
		in := e.submission("ent-1")
		in.AnsweredAt = time.Date(2021, 8, 31, 20, 0, 0, 0, time.UTC) // 1 September in WIB
		r, err := e.svc.Submit(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if _, err := e.svc.Submit(ctx, in); err != nil {
				t.Fatalf("retry: %v", err)
			}
		}
		po := db.Client.Payout.Query().Where(payout.RecipientID(p.Recipient.ID), payout.KindEQ(payout.KindSurvey)).AllX(sys())
		if len(po) != 1 {
			t.Fatalf("%d entitlements, want 1", len(po))
		}
		got := po[0]
		wantKey := fmt.Sprintf("survey:%s:SE2", p.Recipient.ID)
		if got.Installment != 2 || got.Amount != 50_000 || got.Status != payout.StatusEntitled ||
			got.IdempotencyKey != wantKey || got.ScheduledFor.Format(time.DateOnly) != "2021-09-15" {
			t.Errorf("entitlement %+v, want installment 2, Rp50,000, entitled, %s, due 2021-09-15", got, wantKey)
		}
		audits := db.Client.AuditLog.Query().Where(auditlog.Action("survey.response.accepted")).AllX(sys())
		if len(audits) != 1 || audits[0].TargetID != r.ID || audits[0].ActorID != p.Account.ID {
			t.Errorf("audit entries %+v", audits)
		}

		late, lctx := e.recipient(t, e.now.Add(-125*day)) // window closed 5 days ago
		in = e.submission("ent-2")
		in.AnsweredAt = e.now.Add(-20 * day)
		if _, err := e.svc.Submit(lctx, in); err != nil {
			t.Fatal(err)
		}
		due := db.Client.Payout.Query().Where(payout.RecipientID(late.Recipient.ID), payout.KindEQ(payout.KindSurvey)).
			OnlyX(sys()).ScheduledFor
		if due.Format(time.DateOnly) != "2021-09-01" {
			t.Errorf("late answer due %s, want the day it arrived (2021-09-01)", due)
		}
	})
}

// TestRevoked: a revoked recipient's answers count only if made before the
// revocation (an answer queued offline before it still arrives).
func TestRevoked(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		p, ctx := e.recipient(t, e.open())
		e.revoke(p, e.now.Add(-2*day))
		after := e.submission("rv-1")
		if _, err := e.svc.Submit(ctx, after); rule.Code(err) != apperr.Forbidden {
			t.Fatalf("answer made after the revocation: %v, want FORBIDDEN", err)
		}
		if n := e.responses(t); n != 0 {
			t.Fatalf("%d responses stored after a refusal", n)
		}
		before := e.submission("rv-2")
		before.AnsweredAt = e.now.Add(-3 * day)
		if _, err := e.svc.Submit(ctx, before); err != nil {
			t.Fatalf("answer made before the revocation: %v", err)
		}
		if n := e.entitlements(t); n != 1 {
			t.Errorf("%d entitlements, want 1", n)
		}
	})
}
