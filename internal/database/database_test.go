package database_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"

	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
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
		// The migrated schema is the one the ent client expects: ent's own
		// migration planner, run against the migrated store, has nothing
		// to add, change or drop (tables, columns, types, indexes,
		// foreign keys).
		var plan strings.Builder
		err = db.Client.Schema.WriteTo(ctx, &plan, schema.WithDropColumn(true), schema.WithDropIndex(true))
		if err != nil {
			t.Fatalf("plan against the migrated schema: %v", err)
		}
		if changes := schemaChanges(plan.String()); len(changes) > 0 {
			t.Errorf("the migrated schema differs from the ent schema; ent would run:\n%s", strings.Join(changes, "\n"))
		}
	})
}

// schemaChanges returns the statements of a migration plan other than
// its transaction frame.
func schemaChanges(plan string) []string {
	var out []string
	for _, line := range strings.Split(plan, "\n") {
		switch l := strings.TrimSpace(line); {
		case l == "", strings.HasPrefix(l, "--"), l == "BEGIN;", l == "COMMIT;":
		default:
			out = append(out, l)
		}
	}
	return out
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
