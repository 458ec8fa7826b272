package push

import (
	"context"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/journey"
)

// The Service is the journey's notifier.
var _ journey.Notifier = (*Service)(nil)

// TestWaveAnnouncedInTx: the fan-out is queued in the announcing
// transaction, so a rolled-back announcement notifies nobody.
func TestWaveAnnouncedInTx(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.applicant("WIT", "selected", "ann")
		ctx := context.Background()
		tx := must(db.Client.Tx(ctx))
		must(0, e.svc.WaveAnnounced(ctx, tx, e.wave.ID))
		must(0, tx.Rollback())
		e.start()
		e.settle(20 * time.Second)
		if n := e.fcm.Count("ann"); n != 0 {
			t.Fatalf("rolled-back announcement pushed %d messages", n)
		}
		tx = must(db.Client.Tx(ctx))
		must(0, e.svc.WaveAnnounced(ctx, tx, e.wave.ID))
		must(0, tx.Commit())
		deadline := time.Now().Add(20 * time.Second)
		for e.fcm.Count("ann") == 0 && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		e.settle(20 * time.Second)
		if n := e.fcm.Count("ann"); n != 1 {
			t.Fatalf("announcement pushed %d messages, want 1", n)
		}
	})
}
