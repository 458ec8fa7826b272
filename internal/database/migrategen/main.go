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
	"time"

	atlas "ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"
	"github.com/jackc/pgx/v5/stdlib"
	"modernc.org/sqlite"

	"github.com/kartuprakerja/platform/ent/migrate"
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
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return err
	}
	defer admin.Close()
	db := fmt.Sprintf("prakerja_migrategen_%d", time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+db); err != nil {
		return fmt.Errorf("create scratch database (is PostgreSQL running?): %w", err)
	}
	defer admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+db+" WITH (FORCE)") //nolint:errcheck
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	u.Path = "/" + db
	q := u.Query()
	q.Set("search_path", "public")
	u.RawQuery = q.Encode()
	return fn(u.String())
}
