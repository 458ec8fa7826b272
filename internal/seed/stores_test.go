package seed_test

import (
	"context"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/seed"
)

// TestSeedOnEveryStore seeds the migrated schema of both stores the way the
// seed command does (two writers per transaction on SQLite only).
func TestSeedOnEveryStore(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		sum, err := seed.Run(ctx, db.Client, seed.Options{Seed: 7, Recipients: 3000,
			Now: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), Parallel: db.Dialect == dialect.SQLite})
		if err != nil {
			t.Fatalf("seed: %v", err)
		}
		n, err := db.Client.Recipient.Query().Count(rule.System(ctx, "test"))
		if err != nil || n != sum.Recipients || n < 3000 {
			t.Errorf("recipients in store %d (%v), summary %d", n, err, sum.Recipients)
		}
	})
}
