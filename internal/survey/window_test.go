package survey_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
)

// TestWindows checks the timing rule. SE2 opens 30 days after the first
// incentive (O) and closes 90 days later (C); the skew allowance is 10
// minutes and the grace period 14 days.
func TestWindows(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		now := e.now
		cases := []struct {
			name     string
			first    time.Duration // first incentive sent this long before now (0: never)
			answered time.Duration // answered this long before now (negative: after)
			want     apperr.Code
			field    string
		}{
			{"no first incentive", 0, time.Hour, apperr.Forbidden, ""},
			{"before the window", 10 * day, time.Hour, apperr.Forbidden, "answeredAt"},
			{"inside", 40 * day, time.Hour, "", ""},
			{"just opened, phone a little behind", 30*day + time.Minute, 5 * time.Minute, "", ""},
			{"answered just before opening (skew)", 30*day + time.Minute, 6 * time.Minute, "", ""},
			{"answered well before opening", 31 * day, 2 * day, apperr.Forbidden, "answeredAt"},
			{"after the window", 200 * day, time.Hour, apperr.Forbidden, "answeredAt"},
			{"answered offline inside, received after closing", 125 * day, 6 * day, "", ""},
			{"answered offline inside, received at the end of grace", 134*day - time.Hour, 15 * day, "", ""},
			{"answered offline inside, received after grace", 140 * day, 21 * day, apperr.Forbidden, "answeredAt"},
			{"answered just after closing (skew)", 120*day + time.Hour, time.Hour - 5*time.Minute, "", ""},
			{"answered well after closing", 121 * day, time.Hour, apperr.Forbidden, "answeredAt"},
			{"phone clock ahead within skew", 40 * day, -5 * time.Minute, "", ""},
			{"phone clock in the future", 40 * day, -time.Hour, apperr.BadUserInput, "answeredAt"},
		}
		for i, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				var first time.Time
				if c.first != 0 {
					first = now.Add(-c.first)
				}
				_, ctx := e.recipient(t, first)
				in := e.submission(fmt.Sprintf("w-%d", i))
				in.AnsweredAt = now.Add(-c.answered)
				r, err := e.svc.Submit(ctx, in)
				if rule.Code(err) != c.want {
					t.Fatalf("err = %v, want %q", err, c.want)
				}
				if c.field != "" && fields(err)[c.field] == "" {
					t.Errorf("no message for %s: %v", c.field, fields(err))
				}
				if c.want == "" && !r.AnsweredAt.Equal(in.AnsweredAt) {
					t.Errorf("stored answered_at %s, sent %s", r.AnsweredAt, in.AnsweredAt)
				}
			})
		}
	})
}
