// Package dbtest gives integration tests a fresh, migrated store of each
// kind: a SQLite file in the test's temporary directory, and a new database
// on the PostgreSQL server (PRAKERJA_TEST_POSTGRES, default
// postgres://postgres@127.0.0.1:5432/postgres). Without a reachable
// PostgreSQL the PostgreSQL variants are skipped, except under CI=true,
// where that is a failure.
package dbtest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/kartuprakerja/platform/internal/database"
)

// Each runs fn once per store, as subtests named "sqlite" and "postgres".
func Each(t *testing.T, fn func(t *testing.T, db *database.DB)) {
	t.Helper()
	for _, d := range []string{dialect.SQLite, dialect.Postgres} {
		t.Run(name(d), func(t *testing.T) {
			fn(t, Open(t, d))
		})
	}
}

func name(d string) string {
	if d == dialect.Postgres {
		return "postgres"
	}
	return "sqlite"
}

// Open returns a fresh migrated store of dialect d, closed and removed when
// the test ends.
func Open(t testing.TB, d string) *database.DB {
	t.Helper()
	ctx := context.Background()
	u := filepath.Join(t.TempDir(), "test.db")
	if d == dialect.Postgres {
		u = createPostgres(t)
	}
	db, err := database.Open(ctx, u, database.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", d, err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatalf("migrate %s: %v", d, err)
	}
	return db
}

// PostgresURL is the server the tests create their databases on.
func PostgresURL() string {
	if u := os.Getenv("PRAKERJA_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

func createPostgres(t testing.TB) string {
	t.Helper()
	u, drop, err := database.Scratch(context.Background(), PostgresURL(), "prakerja_test_")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL is required in CI: %v", err)
		}
		t.Skipf("%v: PostgreSQL test skipped", err)
	}
	t.Cleanup(drop)
	return u
}
