package journey_test

import (
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/journey"
)

func TestResultsExpectedAt(t *testing.T) {
	closes := time.Date(2026, 12, 5, 16, 59, 0, 0, time.UTC)
	announced := closes.Add(50 * time.Hour)
	svc := journey.New(journey.Deps{}, journey.DefaultConfig())
	tests := []struct {
		name string
		w    *ent.Wave
		want time.Time
	}{
		{"open: planned after closing", &ent.Wave{ClosesAt: closes}, closes.Add(journey.DefaultConfig().ResultsAfter)},
		{"announced: the announcement", &ent.Wave{ClosesAt: closes, AnnouncedAt: &announced}, announced},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := svc.ResultsExpectedAt(tt.w); !got.Equal(tt.want) || !got.After(closes) {
				t.Errorf("ResultsExpectedAt = %s, want %s", got, tt.want)
			}
		})
	}
}
