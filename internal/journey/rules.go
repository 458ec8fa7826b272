package journey

import (
	"context"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestRules are the ability test's rules, stated before an attempt starts,
// and the viewer's standing under them.
type TestRules struct {
	Questions       int
	DurationMinutes int
	PassMark        int
	RetryAfterHours int
	MaxAttempts     int
	// AttemptsLeft is nil for a viewer who is not a registered applicant.
	AttemptsLeft *int
	// RetryOpensAt is when the viewer may start again after a failed
	// attempt; nil when they may start now, have passed, or have no
	// attempts left.
	RetryOpensAt *time.Time
}

// AbilityTestRules returns the rules of the test and, for an applicant,
// how many attempts are left and when the next one may start.
func (s *Service) AbilityTestRules(ctx context.Context) (*TestRules, error) {
	out := &TestRules{Questions: s.cfg.TestQuestions, DurationMinutes: int(s.cfg.TestDuration / time.Minute),
		PassMark: s.cfg.PassMark, RetryAfterHours: int(s.cfg.TestRetryAfter / time.Hour),
		MaxAttempts: s.cfg.MaxTestAttempts}
	v := viewer.FromContext(ctx)
	if v == nil || v.RecipientID == "" {
		return out, nil
	}
	attempts, err := s.attempts(rule.System(ctx, "ability test rules for its owner"), v.RecipientID)
	if err != nil {
		return nil, err
	}
	left := max(0, s.cfg.MaxTestAttempts-len(attempts))
	out.AttemptsLeft = &left
	out.RetryOpensAt = s.retryOpensAt(attempts, left)
	return out, nil
}

// retryOpensAt is when a failed latest attempt may be retried, if that is
// still to come.
func (s *Service) retryOpensAt(attempts []*ent.TestAttempt, left int) *time.Time {
	if len(attempts) == 0 || left == 0 || attempts[0].SubmittedAt == nil {
		return nil
	}
	for _, a := range attempts {
		if a.Passed != nil && *a.Passed {
			return nil
		}
	}
	at := attempts[0].SubmittedAt.Add(s.cfg.TestRetryAfter)
	if !at.After(s.now()) {
		return nil
	}
	return &at
}

// ResultsExpectedAt is when a wave's results are announced: the
// announcement itself once made, else ResultsAfter after the wave closes.
func (s *Service) ResultsExpectedAt(w *ent.Wave) time.Time {
	if w.AnnouncedAt != nil {
		return *w.AnnouncedAt
	}
	return w.ClosesAt.Add(s.cfg.ResultsAfter)
}
