package survey

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/ent/surveyresponse"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestGroupCommit holds the lead so that every submission queues, then
// writes the queue in batches of three, the lead passing from batch to
// batch: a clean batch is written with multi-row inserts; a duplicate
// client id inside a batch is a replay; a submission whose entitlement
// cannot be written spoils its batch's transaction, after which each is
// written alone and only it fails.
func TestGroupCommit(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	sys := rule.System(context.Background(), "test")
	w := fixture.NewWorld(t, db.Client)
	sv := db.Client.Survey.Create().SetCode("SE2").SetOrdinal(2).SetTitleID("Survei").
		SetOpensAfterDays(0).SetWindowDays(90).SaveX(sys)
	q := db.Client.SurveyQuestion.Create().SetSurveyID(sv.ID).SetKey("status").SetPosition(1).SetKind("single").
		SetPromptID("Status").SetOptions([]schematype.SurveyOption{{Value: "a"}}).SaveX(sys)
	s := New(Deps{Client: db.Client, Dialect: db.Dialect}, DefaultConfig())

	type sub struct {
		ctx context.Context
		in  Submission
	}
	var subs []sub
	for i := range 8 {
		p := w.NewPerson(t, db.Client, i+1, w.Platform)
		db.Client.Payout.UpdateOneID(p.Private["Payout"]).SetStatus(payout.StatusSent).
			SetSentAt(time.Now().Add(-24 * time.Hour)).ExecX(sys)
		if i == 2 { // poisoned: holds installment 2 of the survey payouts under another key
			db.Client.Payout.Create().SetRecipientID(p.Recipient.ID).SetKind(payout.KindSurvey).SetInstallment(2).
				SetAmount(50_000).SetScheduledFor(time.Now()).SetIdempotencyKey("legacy").ExecX(sys)
		}
		ctx := viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: p.Account.ID,
			Role: viewer.RoleRecipient, RecipientID: p.Recipient.ID})
		in := Submission{ClientID: fmt.Sprintf("g-%d", i), SurveyID: sv.ID, AnsweredAt: time.Now().Add(-time.Minute),
			Answers: []AnswerInput{{QuestionID: q.ID, Choices: []string{"a"}}}}
		subs = append(subs, sub{ctx, in})
		if i == 4 {
			subs = append(subs, sub{ctx, in}) // the same submission twice in one batch
		}
	}

	s.batch = newGroupCommit(s, 3) // batches [0 1 2*] [3 4 4] [5 6 7]: the lead is handed on twice
	release := s.batch.Hold()      // as if a batch were being written: everyone queues
	results := make([]*ent.SurveyResponse, len(subs))
	errs := make([]error, len(subs))
	var wg sync.WaitGroup
	for i, x := range subs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = s.Submit(x.ctx, x.in)
		}()
	}
	waitQueued(t, s.batch, len(subs), 10*time.Second)
	release()
	wg.Wait()

	for i, err := range errs {
		if (i == 2) != (err != nil) {
			t.Errorf("submission %d: %v", i, err)
		}
	}
	if results[4] == nil || results[5] == nil || results[4].ID != results[5].ID {
		t.Errorf("duplicate in one batch: %v and %v", results[4], results[5])
	}
	if n := db.Client.SurveyResponse.Query().Where(surveyresponse.SurveyID(sv.ID)).CountX(sys); n != 7 {
		t.Errorf("%d responses, want 7", n)
	}
	if n := db.Client.Payout.Query().Where(payout.KindEQ(payout.KindSurvey)).CountX(sys); n != 8 {
		t.Errorf("%d survey payouts, want 7 entitlements and the legacy one", n)
	}
	if n := db.Client.AuditLog.Query().Where(auditlog.Action("survey.response.accepted")).CountX(sys); n != 7 {
		t.Errorf("%d audit entries, want 7", n)
	}
	if queued, leading := s.batch.State(); leading || queued != 0 {
		t.Errorf("group commit left leading=%v with %d queued", leading, queued)
	}
}

// waitQueued waits until n submissions are queued behind the held lead; it
// fails the test if they are not within timeout (a submission that never
// reached the queue).
func waitQueued(t *testing.T, b interface{ State() (int, bool) }, n int, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		if queued, _ := b.State(); queued >= n {
			return
		}
		if time.Now().After(deadline) {
			queued, _ := b.State()
			t.Fatalf("%d of %d submissions queued after %s", queued, n, timeout)
		}
		time.Sleep(time.Millisecond)
	}
}
