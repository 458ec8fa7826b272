package partnerapi

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
)

// TestPruneScheduleRun: a run of the retention job deletes the old calls
// and logs how many, logs nothing when none was old, and fails (so the
// queue retries) when the store does.
func TestPruneScheduleRun(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		var buf bytes.Buffer
		l := NewCallLog(db.Client, slog.New(slog.NewTextHandler(&buf, nil)))
		now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
		l.now = func() time.Time { return now }
		sys := rule.System(context.Background(), "test")
		for i, age := range []time.Duration{Retention + time.Second, Retention - time.Second} {
			db.Client.PartnerCall.Create().SetCreatedAt(now.Add(-age)).SetOrgID("dp1").SetAccountID("ac1").
				SetAPIKeyPrefix("abc").SetOperation(string(rune('a' + i))).SetStatus("ok").SetDurationMs(1).ExecX(sys)
		}
		p := NewPruneSchedule(l, time.Hour)
		tests := []struct {
			name string
			log  string // "" nothing logged
			left int
		}{
			{"one call older than the retention", "rows=1", 1},
			{"none older", "", 1},
		}
		for _, tt := range tests {
			buf.Reset()
			if err := p.work(context.Background(), nil); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			logged := buf.String()
			if tt.log == "" && logged != "" || tt.log != "" && !strings.Contains(logged, "partner call log pruned") ||
				!strings.Contains(logged, tt.log) {
				t.Errorf("%s: logged %q, want %q", tt.name, logged, tt.log)
			}
			if left := db.Client.PartnerCall.Query().CountX(sys); left != tt.left {
				t.Errorf("%s: %d calls left, want %d", tt.name, left, tt.left)
			}
		}
		if p.Periodic() == nil {
			t.Error("no periodic job")
		}
		db.Close()
		if err := p.work(context.Background(), nil); err == nil {
			t.Error("a run over a closed store succeeded")
		}
	})
}
