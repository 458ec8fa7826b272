package partnerapi_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent/partnercall"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/partnerapi"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestCallLogRecordsKeyCallsOnly: a call made with a key is written as the
// system (the caller itself may not write the log), long texts are cut to
// their columns; calls made with a session are not logged.
func TestCallLogRecordsKeyCallsOnly(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		l := partnerapi.NewCallLog(db.Client, nil)
		key := &viewer.Viewer{AccountID: "ac1", Role: viewer.RolePlatform, OrgID: "dp1", Scopes: []string{"purchases:read"}}
		session := &viewer.Viewer{AccountID: "ac1", Role: viewer.RolePlatform, OrgID: "dp1", SessionID: "ss1"}
		ctx := viewer.NewContext(context.Background(), key)
		l.Record(ctx, key, partnerapi.Call{KeyPrefix: "abc", Operation: strings.Repeat("o", 300), Status: "FORBIDDEN",
			ErrorMessage: strings.Repeat("é", 400), Duration: 1500 * time.Millisecond})
		l.Record(ctx, session, partnerapi.Call{KeyPrefix: "abc", Operation: "session", Status: "ok"})
		rows := db.Client.PartnerCall.Query().AllX(rule.System(context.Background(), "test"))
		if len(rows) != 1 {
			t.Fatalf("%d rows, want the key's call only", len(rows))
		}
		c := rows[0]
		if c.OrgID != "dp1" || c.AccountID != "ac1" || c.APIKeyPrefix != "abc" || len(c.Operation) != 255 ||
			c.Status != "FORBIDDEN" || c.ErrorMessage == nil || len(*c.ErrorMessage) > 500 || c.DurationMs != 1500 {
			t.Errorf("stored %+v", c)
		}
	})
}

// TestCallLogWriteFailureIsLogged: a failed write does not panic or reach
// the caller; it is logged.
func TestCallLogWriteFailureIsLogged(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	var buf bytes.Buffer
	l := partnerapi.NewCallLog(db.Client, slog.New(slog.NewTextHandler(&buf, nil)))
	db.Close()
	key := &viewer.Viewer{AccountID: "ac1", Role: viewer.RolePlatform, OrgID: "dp1"}
	l.Record(context.Background(), key, partnerapi.Call{KeyPrefix: "abc", Operation: "purchases", Status: "ok"})
	if !strings.Contains(buf.String(), "partner call log write failed") {
		t.Errorf("log %q", buf.String())
	}
}

// TestCallLogPrune deletes the calls older than the retention, exactly 30
// days (written out here, not read from Retention), no others.
func TestCallLogPrune(t *testing.T) {
	const days30 = 30 * 24 * time.Hour
	if partnerapi.Retention != days30 {
		t.Errorf("Retention %v, want 30 days", partnerapi.Retention)
	}
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		sys := rule.System(context.Background(), "test")
		now := time.Now()
		for i, age := range []time.Duration{days30 + time.Hour, days30 - time.Hour, time.Minute} {
			db.Client.PartnerCall.Create().SetCreatedAt(now.Add(-age)).SetOrgID("dp1").SetAccountID("ac1").
				SetAPIKeyPrefix("abc").SetOperation(string(rune('a' + i))).SetStatus("ok").SetDurationMs(1).ExecX(sys)
		}
		n, err := partnerapi.NewCallLog(db.Client, nil).Prune(context.Background())
		if err != nil || n != 1 {
			t.Fatalf("pruned %d, %v; want 1", n, err)
		}
		if left := db.Client.PartnerCall.Query().Where(partnercall.OperationIn("b", "c")).CountX(sys); left != 2 {
			t.Errorf("%d recent calls left, want 2", left)
		}
	})
}
