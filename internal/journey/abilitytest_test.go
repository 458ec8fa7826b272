package journey_test

import (
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

func TestAbilityTestRules(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	e := newEnv(t, db, nil, nil)
	p := e.newPerson(t)
	if _, err := e.svc.StartAbilityTest(e.as(t, p), "id"); rule.Code(err) != apperr.Forbidden || rule.KeyOf(err) != msg.RegisterFirst {
		t.Errorf("test before registration: %v", err)
	}
	if _, err := e.svc.Register(e.as(t, p), p.reg, "id"); err != nil {
		t.Fatal(err)
	}
	ctx := e.as(t, p)
	test, err := e.svc.StartAbilityTest(ctx, "en")
	if err != nil || len(test.Questions) != 20 || test.SecondsLeft < 1700 {
		t.Fatalf("start: %+v %v", test, err)
	}
	q := test.Questions[0]
	if _, err := e.svc.AnswerAbilityTest(ctx, test.Attempt.ID, q.ID, 9, "id"); !apperr.Is(err, apperr.BadUserInput) {
		t.Errorf("choice out of range: %v", err)
	}
	if _, err := e.svc.AnswerAbilityTest(ctx, test.Attempt.ID, q.ID, 1, "id"); err != nil {
		t.Fatal(err)
	}
	// The connection drops; the applicant comes back: the answer is there.
	resumed, err := e.svc.StartAbilityTest(ctx, "id")
	if err != nil || resumed.Attempt.ID != test.Attempt.ID || resumed.Questions[0].Answer == nil || *resumed.Questions[0].Answer != 1 {
		t.Fatalf("resume: %+v %v", resumed, err)
	}
	// Another applicant cannot answer this attempt.
	other := e.newPerson(t)
	if _, err := e.svc.Register(e.as(t, other), other.reg, "id"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.AnswerAbilityTest(e.as(t, other), test.Attempt.ID, q.ID, 3, "id"); !ent.IsNotFound(err) {
		t.Errorf("answering someone else's attempt: %v, want not found", err)
	}
	if again, err := e.svc.StartAbilityTest(ctx, "id"); err != nil || again.Questions[0].Answer == nil || *again.Questions[0].Answer != 1 {
		t.Errorf("another applicant changed the answer: %+v %v", again, err)
	}
	// The deadline passes: the attempt is scored as it stands (fail).
	sys := rule.System(ctx, "test")
	db.Client.TestAttempt.UpdateOneID(test.Attempt.ID).SetDeadline(time.Now().Add(-time.Second)).ExecX(sys)
	if _, err := e.svc.AnswerAbilityTest(ctx, test.Attempt.ID, q.ID, 2, "id"); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("answer after the deadline: %v", err)
	}
	_, err = e.svc.StartAbilityTest(ctx, "id")
	a := db.Client.TestAttempt.GetX(sys, test.Attempt.ID)
	// The refusal says when the retry opens, to the minute, not "in N hours".
	if ae, ok := apperr.As(err); !ok || ae.Code != apperr.RateLimited || a.SubmittedAt == nil ||
		ae.Text.In("id") != msg.Render("id", msg.TestRetryFrom, msg.At(a.SubmittedAt.Add(e.svc.Config().TestRetryAfter))) {
		t.Errorf("retry right after failing: %v", err)
	}
	if a.SubmittedAt == nil || a.Passed == nil || *a.Passed {
		t.Errorf("expired attempt not scored as failed: %+v", a)
	}
	// After the wait, a retry; then passing ends the test for good.
	db.Client.TestAttempt.UpdateOneID(a.ID).SetSubmittedAt(time.Now().Add(-25 * time.Hour)).ExecX(sys)
	e.pass(t, p)
	if _, err := e.svc.StartAbilityTest(ctx, "id"); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("test after passing: %v", err)
	}
}

// TestAbilityTestStanding: the rules stated before the test come from the
// configuration, and after a failed attempt the retry opens exactly
// TestRetryAfter after it was scored.
func TestAbilityTestStanding(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	e := newEnv(t, db, nil, nil)
	p := e.newPerson(t)
	anon, err := e.svc.AbilityTestRules(e.as(t, p))
	if err != nil {
		t.Fatal(err)
	}
	cfg := e.svc.Config()
	if anon.Questions != cfg.TestQuestions || anon.DurationMinutes != 30 || anon.PassMark != cfg.PassMark ||
		anon.RetryAfterHours != 24 || anon.MaxAttempts != cfg.MaxTestAttempts || anon.AttemptsLeft != nil || anon.RetryOpensAt != nil {
		t.Errorf("rules before registration: %+v", anon)
	}
	if _, err := e.svc.Register(e.as(t, p), p.reg, "id"); err != nil {
		t.Fatal(err)
	}
	ctx := e.as(t, p)
	tests := []struct {
		name      string
		submitted time.Duration // before now; 0: not yet started
		left      int
		retry     bool
	}{
		{"not started", 0, 3, false},
		{"failed an hour ago", time.Hour, 2, true},
		{"failed 25 hours ago", 25 * time.Hour, 2, false},
	}
	sys := rule.System(ctx, "test")
	var attempt *ent.TestAttempt
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.submitted > 0 {
				if attempt == nil {
					test, err := e.svc.StartAbilityTest(ctx, "id")
					if err != nil {
						t.Fatal(err)
					}
					if attempt, err = e.svc.SubmitAbilityTest(ctx, test.Attempt.ID); err != nil || *attempt.Passed {
						t.Fatalf("submit an empty attempt: %+v %v", attempt, err)
					}
				}
				attempt = db.Client.TestAttempt.UpdateOneID(attempt.ID).
					SetSubmittedAt(time.Now().Add(-tt.submitted)).SaveX(sys)
			}
			got, err := e.svc.AbilityTestRules(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got.AttemptsLeft == nil || *got.AttemptsLeft != tt.left {
				t.Errorf("attempts left = %v, want %d", got.AttemptsLeft, tt.left)
			}
			if (got.RetryOpensAt != nil) != tt.retry {
				t.Fatalf("retry opens at %v, want one: %v", got.RetryOpensAt, tt.retry)
			}
			if tt.retry && !got.RetryOpensAt.Equal(attempt.SubmittedAt.Add(cfg.TestRetryAfter)) {
				t.Errorf("retry opens at %v, want %v", got.RetryOpensAt, attempt.SubmittedAt.Add(cfg.TestRetryAfter))
			}
		})
	}
}
