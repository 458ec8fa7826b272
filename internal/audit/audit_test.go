package audit_test

import (
	"context"
	"testing"

	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/internal/audit"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestRecordReason: an entry made in a system context without a reason of
// its own carries the reason given to rule.System; a reason of its own wins;
// a viewer's entry has none to inherit.
func TestRecordReason(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		admin := viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: "ac-admin", Role: viewer.RoleAdmin})
		tests := []struct {
			action string
			ctx    context.Context
			reason string
			want   string
		}{
			{"wave.selection", rule.System(admin, "selection by admin"), "", "selection by admin"},
			{"recipient.revoked.by_staff", rule.System(admin, "revocation"), "Tidak hadir pelatihan.", "Tidak hadir pelatihan."},
			{"recipient.nik.read", admin, "", ""},
		}
		for _, tt := range tests {
			if err := audit.Record(tt.ctx, db.Client, audit.Entry{Action: tt.action, TargetType: "Wave",
				TargetID: "wv-1", Reason: tt.reason}); err != nil {
				t.Fatalf("%s: %v", tt.action, err)
			}
			got := db.Client.AuditLog.Query().Where(auditlog.Action(tt.action)).OnlyX(rule.System(context.Background(), "test"))
			if got.Reason != tt.want || got.ActorID != "ac-admin" {
				t.Errorf("%s: reason %q actor %q, want %q by ac-admin", tt.action, got.Reason, got.ActorID, tt.want)
			}
		}
	})
}
