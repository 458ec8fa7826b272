// Command migrategen writes a new versioned migration file for each dialect
// when the ent schema has changed; with no change it writes nothing. It diffs
// the ent schema against the replayed migration directory on a scratch
// database: in-memory SQLite, and a temporary PostgreSQL database (from
// PRAKERJA_DEV_POSTGRES, default postgres://postgres@127.0.0.1:5432/postgres).
// Run through `go generate ./...` from the repository root.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"log"
	"net/url"
	"os"

	atlas "ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"
	"github.com/jackc/pgx/v5/stdlib"
	"modernc.org/sqlite"

	"github.com/kartuprakerja/platform/ent/migrate"
	"github.com/kartuprakerja/platform/internal/database"
)

const name = "changes"

func main() {
	// Atlas opens its scratch databases through these driver names.
	sql.Register("sqlite3", &sqlite.Driver{})
	sql.Register("postgres", stdlib.GetDefaultDriver())
	ctx := context.Background()
	if err := diff(ctx, "internal/database/migrations/sqlite", dialect.SQLite,
		"sqlite://migrategen?mode=memory&_pragma=foreign_keys(1)"); err != nil {
		log.Fatalf("sqlite: %v", err)
	}
	if err := withScratchPostgres(ctx, func(u string) error {
		return diff(ctx, "internal/database/migrations/postgres", dialect.Postgres, u)
	}); err != nil {
		log.Fatalf("postgres: %v", err)
	}
}

func diff(ctx context.Context, path, d, devURL string) error {
	dir, err := atlas.NewLocalDir(path)
	if err != nil {
		return err
	}
	return migrate.NamedDiff(ctx, devURL, name,
		schema.WithDir(dir),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(d),
		schema.WithFormatter(atlas.DefaultFormatter),
		schema.WithDropColumn(true),
		schema.WithDropIndex(true),
	)
}

func withScratchPostgres(ctx context.Context, fn func(url string) error) error {
	base := os.Getenv("PRAKERJA_DEV_POSTGRES")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	u, drop, err := database.Scratch(ctx, base, "prakerja_migrategen_")
	if err != nil {
		return fmt.Errorf("scratch database (is PostgreSQL running?): %w", err)
	}
	defer drop()
	q, err := url.Parse(u)
	if err != nil {
		return err
	}
	v := q.Query()
	v.Set("search_path", "public")
	q.RawQuery = v.Encode()
	return fn(q.String())
}
