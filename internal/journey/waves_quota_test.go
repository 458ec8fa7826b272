package journey_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/rule"
)

// TestWaveQuotaArithmetic: quotas are client input; a sum that would wrap
// (4 × 2^62 is 0 in int64) or a negative quota is refused naming the field,
// and nothing is stored.
func TestWaveQuotaArithmetic(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil, nil)
		sys := rule.System(context.Background(), "test")
		for _, code := range []string{"11", "12", "13"} { // existing provinces: only the sum is wrong
			db.Client.Province.Create().SetCode(code).SetName("P" + code).SetTimeZone("WIB").ExecX(sys)
		}
		before := db.Client.Wave.Query().CountX(e.admin)
		tests := []struct {
			name   string
			quota  int
			quotas map[string]int
			field  string
		}{
			{"sum wraps to the wave quota", 0, map[string]int{"11": 1 << 62, "12": 1 << 62, "13": 1 << 62, "32": 1 << 62}, "provinceQuotas"},
			{"sum overflows", 0, map[string]int{"11": math.MaxInt, "12": math.MaxInt, "32": 2}, "provinceQuotas"},
			{"negative province quota", 0, map[string]int{"11": -5, "12": 5}, "provinceQuotas"},
			{"negative wave quota", -1, map[string]int{}, "quota"},
		}
		for i, tt := range tests {
			_, err := e.svc.CreateWave(e.admin, journey.NewWave{Number: 900 + i, Name: "Gelombang uji",
				OpensAt: time.Now(), ClosesAt: time.Now().Add(time.Hour), Quota: tt.quota, ProvinceQuotas: tt.quotas})
			ae, ok := apperr.As(err)
			if !ok || ae.Code != apperr.BadUserInput || ae.Fields[tt.field].Key == "" {
				t.Errorf("%s: %v; want BAD_USER_INPUT on %s", tt.name, err, tt.field)
			}
		}
		if n := db.Client.Wave.Query().CountX(e.admin); n != before {
			t.Errorf("waves %d -> %d after refused requests", before, n)
		}
	})
}
