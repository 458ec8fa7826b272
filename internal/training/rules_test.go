package training_test

import (
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/training"
)

// TestApply: the rule of each report kind on each purchase state, pure.
func TestApply(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	t1, tm := t0.Add(time.Hour), t0.Add(-time.Hour)
	st := func(s training.Status, progress int, progressAt *time.Time) training.State {
		return training.State{Status: s, Progress: progress, ProgressAt: progressAt}
	}
	withScores := func(s training.State, pre, post *int) training.State { s.PreTest, s.PostTest = pre, post; return s }
	cases := []struct {
		name     string
		from     training.State
		kind     training.Kind
		value    int
		at       time.Time
		status   training.Status
		progress int
		applied  bool
		code     apperr.Code
	}{
		{"redeem paid", st(training.Paid, 0, nil), training.Redeem, 0, t0, training.Redeemed, 0, true, ""},
		{"redeem redeemed", st(training.Redeemed, 0, nil), training.Redeem, 0, t0, training.Redeemed, 0, false, ""},
		{"redeem completed", st(training.Completed, 100, &t0), training.Redeem, 0, t1, training.Completed, 100, false, ""},
		{"redeem cancelled", st(training.Cancelled, 0, nil), training.Redeem, 0, t0, training.Cancelled, 0, false, apperr.Conflict},
		{"progress refunded", st(training.Refunded, 0, nil), training.Progress, 5, t0, training.Refunded, 0, false, apperr.Conflict},
		{"progress paid", st(training.Paid, 0, nil), training.Progress, 5, t0, training.Paid, 0, false, apperr.Conflict},
		{"pre-test paid", st(training.Paid, 0, nil), training.PreTest, 5, t0, training.Paid, 0, false, apperr.Conflict},
		{"completion paid", st(training.Paid, 0, nil), training.Completion, 0, t0, training.Paid, 0, false, apperr.Conflict},
		{"progress 0 on redeemed", st(training.Redeemed, 0, nil), training.Progress, 0, t0, training.Redeemed, 0, true, ""},
		{"progress 1 on redeemed", st(training.Redeemed, 0, nil), training.Progress, 1, t0, training.InProgress, 1, true, ""},
		{"progress up", st(training.InProgress, 20, &t0), training.Progress, 30, t1, training.InProgress, 30, true, ""},
		{"progress down, newer", st(training.InProgress, 20, &t0), training.Progress, 10, t1, training.InProgress, 20, true, ""},
		{"progress same time", st(training.InProgress, 20, &t0), training.Progress, 25, t0, training.InProgress, 25, true, ""},
		{"progress older", st(training.InProgress, 20, &t0), training.Progress, 90, tm, training.InProgress, 20, false, ""},
		{"progress on completed", st(training.Completed, 100, &t0), training.Progress, 50, t1, training.Completed, 100, true, ""},
		{"completion in progress", st(training.InProgress, 20, &t0), training.Completion, 0, t1, training.Completed, 100, true, ""},
		{"completion older than progress", st(training.InProgress, 20, &t1), training.Completion, 0, t0, training.Completed, 100, true, ""},
		{"completion on redeemed", st(training.Redeemed, 0, nil), training.Completion, 0, t0, training.Completed, 100, true, ""},
		{"completion again", st(training.Completed, 100, &t0), training.Completion, 0, t1, training.Completed, 100, false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, applied, err := training.Apply(c.from, c.kind, c.value, c.at)
			if codeOf(err) != c.code {
				t.Fatalf("err %v, want %q", err, c.code)
			}
			if got.Status != c.status || got.Progress != c.progress || applied != c.applied {
				t.Errorf("got %s %d applied %v, want %s %d %v", got.Status, got.Progress, applied, c.status, c.progress, c.applied)
			}
		})
	}
	t.Run("times", func(t *testing.T) {
		s, _, _ := training.Apply(st(training.Paid, 0, nil), training.Redeem, 0, t0)
		if s.RedeemedAt == nil || !s.RedeemedAt.Equal(t0) {
			t.Errorf("redeemed_at %v", s.RedeemedAt)
		}
		s, _, _ = training.Apply(st(training.InProgress, 20, &t0), training.Progress, 30, t1)
		if !s.ProgressAt.Equal(t1) {
			t.Errorf("progress_at %v, want %v", s.ProgressAt, t1)
		}
		s, _, _ = training.Apply(st(training.InProgress, 20, &t0), training.Progress, 90, tm)
		if !s.ProgressAt.Equal(t0) {
			t.Errorf("an older report moved progress_at to %v", s.ProgressAt)
		}
		s, _, _ = training.Apply(st(training.InProgress, 20, &t1), training.Completion, 0, t0)
		if !s.CompletedAt.Equal(t0) || !s.ProgressAt.Equal(t1) {
			t.Errorf("completion: completed_at %v progress_at %v", s.CompletedAt, s.ProgressAt)
		}
		s, _, _ = training.Apply(st(training.InProgress, 20, &t0), training.Completion, 0, t1)
		if !s.ProgressAt.Equal(t1) {
			t.Errorf("newer completion left progress_at %v", s.ProgressAt)
		}
	})
	t.Run("scores", func(t *testing.T) {
		v := func(n int) *int { return &n }
		s := withScores(st(training.InProgress, 50, &t0), nil, nil)
		s, applied, _ := training.Apply(s, training.PreTest, 40, t0)
		if !applied || *s.PreTest != 40 {
			t.Fatalf("first pre-test: %v %v", applied, s.PreTest)
		}
		s, applied, _ = training.Apply(s, training.PreTest, 90, t1)
		if applied || *s.PreTest != 40 {
			t.Errorf("second pre-test counted: %d", *s.PreTest)
		}
		s, applied, _ = training.Apply(s, training.PostTest, 70, t0)
		if !applied || *s.PostTest != 70 || s.Certifiable() {
			t.Errorf("post-test 70 in progress: %v %d certifiable %v", applied, *s.PostTest, s.Certifiable())
		}
		s, applied, _ = training.Apply(s, training.PostTest, 70, t0)
		if applied {
			t.Error("an equal post-test applied")
		}
		s, applied, _ = training.Apply(s, training.PostTest, 71, t0)
		if !applied || *s.PostTest != 71 {
			t.Error("a better post-test did not count")
		}
		s, _, _ = training.Apply(s, training.PostTest, 30, t0)
		if *s.PostTest != 71 {
			t.Errorf("a worse post-test lowered the best: %d", *s.PostTest)
		}
		for _, c := range []struct {
			s    training.State
			want bool
		}{
			{withScores(st(training.Completed, 100, nil), nil, v(61)), true},
			{withScores(st(training.Completed, 100, nil), nil, v(60)), false},
			{withScores(st(training.Completed, 100, nil), v(90), nil), false},
			{withScores(st(training.InProgress, 99, nil), nil, v(100)), false},
		} {
			if c.s.Certifiable() != c.want {
				t.Errorf("%+v certifiable %v, want %v", c.s, !c.want, c.want)
			}
		}
	})
}

// TestValidate: ranges, the key, the code and the clock skew, pure.
func TestValidate(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	skew := 5 * time.Minute
	in := func(d time.Duration) *time.Time { x := now.Add(d); return &x }
	long := string(make([]byte, training.MaxKey+1))
	cases := []struct {
		r     training.Report
		field string
	}{
		{training.Report{Kind: training.Progress, Code: "A", Key: "k", Value: 0}, ""},
		{training.Report{Kind: training.Progress, Code: "A", Key: "k", Value: 100}, ""},
		{training.Report{Kind: training.Progress, Code: "A", Key: "k", Value: 101}, "percent"},
		{training.Report{Kind: training.Progress, Code: "A", Key: "k", Value: -1}, "percent"},
		{training.Report{Kind: training.PostTest, Code: "A", Key: "k", Value: 100}, ""},
		{training.Report{Kind: training.PreTest, Code: "A", Key: "k", Value: 0}, ""},
		{training.Report{Kind: training.PostTest, Code: "A", Key: "k", Value: 101}, "score"},
		{training.Report{Kind: training.PreTest, Code: "A", Key: "k", Value: -1}, "score"},
		{training.Report{Kind: training.Completion, Code: "A", Key: "k", Value: 500}, ""},
		{training.Report{Kind: training.Completion, Code: "", Key: "k"}, "code"},
		{training.Report{Kind: training.Completion, Code: "A", Key: ""}, "idempotencyKey"},
		{training.Report{Kind: training.Completion, Code: "A", Key: "x" + long[:training.MaxKey-1]}, ""},
		{training.Report{Kind: training.Completion, Code: "A", Key: "xx" + long[:training.MaxKey-1]}, "idempotencyKey"},
		{training.Report{Kind: training.Completion, Code: "A", Key: "k", At: in(skew)}, ""},
		{training.Report{Kind: training.Completion, Code: "A", Key: "k", At: in(skew + time.Second)}, "at"},
		{training.Report{Kind: training.Completion, Code: "A", Key: "k", At: in(-365 * 24 * time.Hour)}, ""},
	}
	for i, c := range cases {
		err := c.r.Validate(now, skew)
		if fieldOf(err) != c.field || (c.field != "" && codeOf(err) != apperr.BadUserInput) || (c.field == "" && err != nil) {
			t.Errorf("case %d %+v: %v, want field %q", i, c.r.Kind, err, c.field)
		}
	}
	if err := (training.Report{Kind: "other", Code: "A", Key: "k"}).Validate(now, skew); err == nil {
		t.Error("an unknown kind passed")
	}
}
