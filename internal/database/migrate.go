package database

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"regexp"
	"strings"
	"time"

	"ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
)

// Migrations holds the versioned migration files, one directory per dialect,
// written by `go generate` (internal/database/migrategen) from the ent schema
// and checked by atlas.sum.
//
//go:embed migrations
var migrations embed.FS

// allowDrop marks a migration file whose DROP statements were reviewed (for
// example SQLite's copy-and-rename of a changed table, which keeps the rows).
const allowDrop = "-- prakerja:allow-drop"

var dropStmt = regexp.MustCompile(`(?i)\bDROP\s+(TABLE|COLUMN)\b`)

// MigrationDir returns the migration directory of a dialect.
func MigrationDir(d string) (migrate.Dir, error) {
	name := map[string]string{dialect.SQLite: "sqlite", dialect.Postgres: "postgres"}[d]
	if name == "" {
		return nil, fmt.Errorf("no migrations for dialect %q", d)
	}
	mem := &migrate.MemDir{}
	entries, err := fs.ReadDir(migrations, path.Join("migrations", name))
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	for _, e := range entries {
		b, err := migrations.ReadFile(path.Join("migrations", name, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		if err := mem.WriteFile(e.Name(), b); err != nil {
			return nil, err
		}
	}
	return mem, nil
}

// Migrate applies every pending migration, each file in one transaction, and
// records it in schema_migrations. It refuses a directory whose checksum does
// not match atlas.sum and a file that would drop a table or column without
// the reviewed marker. Concurrent migrators are serialised by the database
// (an advisory lock on PostgreSQL, the write lock on SQLite).
func (db *DB) Migrate(ctx context.Context, log *slog.Logger) (applied int, err error) {
	dir, err := MigrationDir(db.Dialect)
	if err != nil {
		return 0, err
	}
	if err := migrate.Validate(dir); err != nil {
		return 0, fmt.Errorf("migration directory does not match atlas.sum: %w", err)
	}
	files, err := dir.Files()
	if err != nil {
		return 0, fmt.Errorf("list migrations: %w", err)
	}
	if _, err := db.SQL.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version VARCHAR(64) PRIMARY KEY, description VARCHAR(255) NOT NULL, applied_at TIMESTAMP NOT NULL)`); err != nil {
		return 0, fmt.Errorf("create schema_migrations: %w", err)
	}
	for _, f := range files {
		ok, err := db.applyFile(ctx, f)
		if err != nil {
			return applied, fmt.Errorf("migration %s: %w", f.Name(), err)
		}
		if ok {
			applied++
			log.Info("migration applied", "version", f.Version(), "description", f.Desc())
		}
	}
	return applied, nil
}

// applyFile runs one file unless it was applied already.
func (db *DB) applyFile(ctx context.Context, f migrate.File) (bool, error) {
	stmts, err := f.Stmts()
	if err != nil {
		return false, fmt.Errorf("parse: %w", err)
	}
	if err := checkDrops(string(f.Bytes()), stmts); err != nil {
		return false, err
	}
	tx, err := db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op
	if db.Dialect == dialect.Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7274657)`); err != nil {
			return false, fmt.Errorf("lock: %w", err)
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, db.rebind(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`),
		f.Version()).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return false, fmt.Errorf("%w in: %s", err, firstLine(s))
		}
	}
	if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)`),
		f.Version(), f.Desc(), time.Now().UTC()); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// Pending reports how many migration files are not applied yet.
func (db *DB) Pending(ctx context.Context) (int, error) {
	dir, err := MigrationDir(db.Dialect)
	if err != nil {
		return 0, err
	}
	files, err := dir.Files()
	if err != nil {
		return 0, err
	}
	var applied int
	err = db.SQL.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&applied)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return len(files), nil // no table yet: everything is pending
	}
	return len(files) - applied, nil
}

func checkDrops(body string, stmts []string) error {
	if strings.Contains(body, allowDrop) {
		return nil
	}
	for _, s := range stmts {
		if dropStmt.MatchString(s) {
			return fmt.Errorf("refusing to drop data without review (add %q to the file): %s", allowDrop, firstLine(s))
		}
	}
	return nil
}

func (db *DB) rebind(q string) string { return Rebind(db.Dialect, q) }

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}
