package database_test

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
)

func TestMigrateIsIdempotent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		n, err := db.Migrate(ctx, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatalf("second migrate: %v", err)
		}
		if n != 0 {
			t.Errorf("second migrate applied %d files, want 0", n)
		}
		pending, err := db.Pending(ctx)
		if err != nil || pending != 0 {
			t.Errorf("pending = %d, %v; want 0", pending, err)
		}
		// The migrated schema is the one the ent client expects.
		if _, err := db.Client.Province.Query().Count(rule.System(ctx, "test")); err != nil {
			t.Errorf("query after migrate: %v", err)
		}
	})
}

func TestCheckDropsRefusesUnreviewedDrops(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		wantErr bool
	}{
		{"create", "CREATE TABLE a (id int);", false},
		{"drop table", "DROP TABLE a;", true},
		{"drop column", "ALTER TABLE a DROP COLUMN b;", true},
		{"reviewed", "-- prakerja:allow-drop\nDROP TABLE a;", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := database.CheckDrops(tt.body, []string{tt.body})
			if (err != nil) != tt.wantErr {
				t.Errorf("CheckDrops(%q) = %v, wantErr %v", tt.body, err, tt.wantErr)
			}
		})
	}
}

// TestNotificationsLeaveRoomForHOT checks the PostgreSQL storage setting
// that keeps a notification's two delivery updates on its page.
func TestNotificationsLeaveRoomForHOT(t *testing.T) {
	db := dbtest.Open(t, dialect.Postgres)
	var opts string
	err := db.SQL.QueryRowContext(context.Background(),
		`SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'notifications'`).Scan(&opts)
	if err != nil {
		t.Fatal(err)
	}
	if opts != "fillfactor=50" {
		t.Errorf("notifications reloptions = %q, want fillfactor=50", opts)
	}
}
