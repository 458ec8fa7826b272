package training

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
)

// Kind is what a report says happened.
type Kind string

// The kinds of report (the TrainingReport.kind values).
const (
	Redeem     Kind = "redeem"
	Progress   Kind = "progress"
	PreTest    Kind = "pre_test"
	PostTest   Kind = "post_test"
	Completion Kind = "completion"
)

// Channel is how a report arrived.
type Channel string

// The channels (the TrainingReport.channel values).
const (
	GraphQL Channel = "graphql"
	XAPI    Channel = "xapi"
)

// PassMark is the post-test score a certificate needs to exceed (61 passes).
const PassMark = 60

// MaxKey is the longest idempotency key.
const MaxKey = 128

// Report is one platform report, as either channel delivers it.
type Report struct {
	Kind    Kind
	Code    string     // the redemption code
	Key     string     // the platform's idempotency key (the xAPI statement id)
	Value   int        // percent (Progress) or score (PreTest, PostTest)
	At      *time.Time // when it happened on the platform; nil is now
	Channel Channel
	// Statement is the xAPI statement as received (stored with the report).
	Statement string
	// Learner, when set, must be the purchase's learner id (xAPI actor).
	Learner *string
	// Verb is the xAPI verb id (part of the content: passed and failed
	// with the same score are two statements).
	Verb string
}

// Normalize trims the code and key and upper-cases the code.
func (r Report) Normalize() Report {
	r.Code = strings.ToUpper(strings.TrimSpace(r.Code))
	r.Key = strings.TrimSpace(r.Key)
	return r
}

// Validate checks what needs no store: code and key present, the key not
// too long, percent and scores 0-100, at not beyond skew in the future.
func (r Report) Validate(now time.Time, skew time.Duration) error {
	switch {
	case r.Code == "":
		return apperr.Invalid("code", msg.TrainingCodeRequired)
	case r.Key == "" || len(r.Key) > MaxKey:
		return apperr.Invalid("idempotencyKey", msg.TrainingKeyInvalid, MaxKey)
	case r.Kind == Progress && (r.Value < 0 || r.Value > 100):
		return apperr.Invalid("percent", msg.TrainingPercentRange)
	case (r.Kind == PreTest || r.Kind == PostTest) && (r.Value < 0 || r.Value > 100):
		return apperr.Invalid("score", msg.TrainingScoreRange)
	case r.At != nil && r.At.After(now.Add(skew)):
		return apperr.Invalid("at", msg.TrainingAtFuture)
	}
	switch r.Kind {
	case Redeem, Progress, PreTest, PostTest, Completion:
		return nil
	}
	return fmt.Errorf("training: unknown report kind %q", r.Kind)
}

// hasValue reports whether the kind carries a value.
func (k Kind) hasValue() bool { return k == Progress || k == PreTest || k == PostTest }

// ContentHash is the SHA-256 of the report's meaning: kind, code, value,
// the occurred time when the platform gave one, and for xAPI the verb and
// the actor's name. Two deliveries with the
// same key are the same report exactly when their hashes are equal (an xAPI
// statement re-sent with other whitespace or key order is the same).
func (r Report) ContentHash() string {
	at := ""
	if r.At != nil {
		at = r.At.UTC().Format(time.RFC3339Nano)
	}
	value := ""
	if r.Kind.hasValue() {
		value = fmt.Sprint(r.Value)
	}
	learner := ""
	if r.Learner != nil {
		learner = *r.Learner
	}
	parts := []string{string(r.Kind), r.Code, value, at, r.Verb, learner}
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:])
}

// Status is a purchase's status (the Purchase.status values).
type Status string

// The statuses the rules know.
const (
	Paid       Status = "paid"
	Redeemed   Status = "redeemed"
	InProgress Status = "in_progress"
	Completed  Status = "completed"
	Cancelled  Status = "cancelled"
	Refunded   Status = "refunded"
)

// State is what the rules read and change of a purchase.
type State struct {
	Status      Status
	Progress    int
	PreTest     *int
	PostTest    *int
	RedeemedAt  *time.Time
	ProgressAt  *time.Time
	CompletedAt *time.Time
}

// Certifiable reports whether the state earns the certificate: completed
// with a post-test score above PassMark.
func (s State) Certifiable() bool {
	return s.Status == Completed && s.PostTest != nil && *s.PostTest > PassMark
}

// Apply is the rule of one report (at is its occurred time) on state: the
// new state and whether the report was applied (false: stored, changing
// nothing). An error refuses the report.
//   - cancelled or refunded purchases refuse every report (CONFLICT);
//   - redeem: paid becomes redeemed; again later it is harmless (not applied);
//   - every other report needs the purchase redeemed (CONFLICT);
//   - progress older than the latest applied progress changes nothing
//     (reordered delivery); progress never decreases; the first progress
//     above 0 makes a redeemed purchase in_progress;
//   - pre-test: the first score counts, later ones are not applied;
//   - post-test: the best score counts (order does not matter);
//   - completion: completed, completed_at, progress 100; again not applied.
func Apply(s State, k Kind, value int, at time.Time) (State, bool, error) {
	switch {
	case s.Status == Cancelled || s.Status == Refunded:
		return s, false, apperr.E(apperr.Conflict, msg.TrainingPurchaseClosed)
	case k == Redeem:
		if s.Status != Paid {
			return s, false, nil
		}
		s.Status, s.RedeemedAt = Redeemed, &at
		return s, true, nil
	case s.Status == Paid:
		return s, false, apperr.E(apperr.Conflict, msg.TrainingRedeemFirst)
	}
	switch k {
	case Progress:
		return progress(s, value, at)
	case PreTest:
		if s.PreTest != nil {
			return s, false, nil
		}
		s.PreTest = &value
		return s, true, nil
	case PostTest:
		if s.PostTest != nil && *s.PostTest >= value {
			return s, false, nil
		}
		s.PostTest = &value
		return s, true, nil
	default: // Completion
		if s.Status == Completed {
			return s, false, nil
		}
		s.Status, s.CompletedAt, s.Progress = Completed, &at, 100
		if s.ProgressAt == nil || at.After(*s.ProgressAt) {
			s.ProgressAt = &at
		}
		return s, true, nil
	}
}

func progress(s State, percent int, at time.Time) (State, bool, error) {
	if s.ProgressAt != nil && at.Before(*s.ProgressAt) {
		return s, false, nil
	}
	s.ProgressAt = &at
	s.Progress = max(s.Progress, percent)
	if s.Status == Redeemed && s.Progress > 0 {
		s.Status = InProgress
	}
	return s, true, nil
}
