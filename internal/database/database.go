// Package database owns the connection to the store: the embedded SQLite
// file by default, PostgreSQL for scale, both behind the same ent client,
// and the versioned migrations that bring either schema up to date.
package database

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver

	"github.com/kartuprakerja/platform/ent"
	_ "github.com/kartuprakerja/platform/ent/runtime" // registers schema hooks and privacy policies
)

// DB is an open store.
type DB struct {
	Client  *ent.Client
	SQL     *sql.DB
	Dialect string // dialect.SQLite or dialect.Postgres

	gate *writeGate // SQLite: this process's writers take turns here

	courseWrites *atomic.Int64 // Course mutations through Client (SearchGeneration)
}

// Options tune the connection pool.
type Options struct {
	MaxOpenConns int // 0 picks a default per dialect
	Debug        bool
}

// Open connects to url: "postgres://…" for PostgreSQL, otherwise a SQLite
// file path (optionally "sqlite://path" or "file:path"). The SQLite file's
// directory is created if missing. Open does not migrate; call Migrate.
func Open(ctx context.Context, rawURL string, opts Options) (*DB, error) {
	d, driver, dsn, err := parse(rawURL)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", d, err)
	}
	configurePool(db, d, opts.MaxOpenConns)
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to %s: %w", d, err)
	}
	var drv dialect.Driver = entsql.OpenDB(d, db)
	var gate *writeGate
	if d == dialect.SQLite {
		gate = newWriteGate()
		drv = &gatedDriver{Driver: drv.(*entsql.Driver), gate: gate}
	}
	copts := []ent.Option{ent.Driver(drv)}
	if opts.Debug {
		copts = append(copts, ent.Debug())
	}
	client := ent.NewClient(copts...)
	writes := new(atomic.Int64)
	client.Course.Use(Dialect(d).SearchIndexHook(writes))
	return &DB{Client: client, SQL: db, Dialect: d, gate: gate, courseWrites: writes}, nil
}

// Close closes the client and the pool.
func (db *DB) Close() error { return db.Client.Close() }

// Ping reports whether the store answers (readiness).
func (db *DB) Ping(ctx context.Context) error { return db.SQL.PingContext(ctx) }

func parse(raw string) (d, driver, dsn string, err error) {
	switch {
	case strings.HasPrefix(raw, "postgres://"), strings.HasPrefix(raw, "postgresql://"):
		return dialect.Postgres, "pgx", raw, nil
	case raw == "":
		return "", "", "", fmt.Errorf("database url is empty")
	}
	path := strings.TrimPrefix(strings.TrimPrefix(raw, "sqlite://"), "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return "", "", "", fmt.Errorf("create data directory: %w", err)
		}
	}
	return dialect.SQLite, "sqlite", SQLiteDSN(path), nil
}

// SQLiteDSN is the connection string for a SQLite file: foreign keys on,
// write-ahead log, a busy timeout so writers queue instead of failing, and
// transactions that take the write lock at BEGIN (no upgrade deadlocks).
func SQLiteDSN(path string) string {
	q := url.Values{}
	for _, p := range []string{
		"foreign_keys(1)", "journal_mode(WAL)", "busy_timeout(10000)",
		"synchronous(NORMAL)", "cache_size(-32000)", "temp_store(MEMORY)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite")
	return "file:" + path + "?" + q.Encode()
}

func configurePool(db *sql.DB, d string, maxOpen int) {
	if maxOpen == 0 {
		maxOpen = 20
		if d == dialect.SQLite {
			maxOpen = 8 // readers run in parallel under WAL; writers queue on the lock
		}
	}
	db.SetMaxOpenConns(maxOpen)
	db.SetMaxIdleConns(maxOpen)
	db.SetConnMaxIdleTime(5 * time.Minute)
}
