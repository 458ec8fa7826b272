package database

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// gateWait bounds how long a writer waits for its turn, as busy_timeout
// does for a writer of another process.
const gateWait = 10 * time.Second

// ErrWriterBusy is returned when a write waited gateWait for its turn.
var ErrWriterBusy = errors.New("database: the SQLite writer stayed busy")

// IsBusy reports whether err means the store was too busy to take a write
// in time (the gate's wait, or SQLite's busy or locked after its busy
// timeout): nothing was written and the same request may be retried.
func IsBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff { // primary result code
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	return errors.Is(err, ErrWriterBusy)
}

// writeGate lets one writer of this process at a time at a SQLite file.
// SQLite has one writer; without the gate, the others poll in its busy
// handler, which sleeps 1–100 ms between tries, so the lock sits free
// while they sleep and a writer can lose many rounds in a row. Waiting
// here instead hands the lock over at once, in arrival order, and a
// waiting writer holds no pooled connection. Writers of other processes
// still queue in the busy handler.
type writeGate struct {
	slot chan struct{}
	wait time.Duration
}

func newWriteGate() *writeGate {
	return &writeGate{slot: make(chan struct{}, 1), wait: gateWait}
}

func (g *writeGate) enter(ctx context.Context) (release func(), err error) {
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slot <- struct{}{}:
		var once sync.Once
		return func() { once.Do(func() { <-g.slot }) }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("wait for the SQLite writer: %w", ctx.Err())
	case <-t.C:
		return nil, ErrWriterBusy
	}
}

// gatedDriver is an ent driver whose transactions (immediate on SQLite:
// each takes the write lock at BEGIN) and autocommit writes pass the gate.
type gatedDriver struct {
	*entsql.Driver
	gate *writeGate
}

// Tx implements dialect.Driver.
func (d *gatedDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	return d.BeginTx(ctx, nil)
}

// BeginTx starts a transaction once it is this writer's turn.
func (d *gatedDriver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	release, err := d.gate.enter(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := d.Driver.BeginTx(ctx, opts)
	if err != nil {
		release()
		return nil, err
	}
	return &gatedTx{Tx: tx, release: release}, nil
}

// Exec implements dialect.ExecQuerier.
func (d *gatedDriver) Exec(ctx context.Context, query string, args, v any) error {
	return d.atGate(ctx, query, func() error { return d.Driver.Exec(ctx, query, args, v) })
}

// ExecContext is database/sql's ExecContext for hand-written statements
// (ent's sql/execquery feature).
func (d *gatedDriver) ExecContext(ctx context.Context, query string, args ...any) (res sql.Result, err error) {
	err = d.atGate(ctx, query, func() error {
		res, err = d.Driver.ExecContext(ctx, query, args...)
		return err
	})
	return res, err
}

// atGate runs an autocommit statement, at the gate if it writes.
func (d *gatedDriver) atGate(ctx context.Context, query string, run func() error) error {
	if !writes(query) {
		return run()
	}
	release, err := d.gate.enter(ctx)
	if err != nil {
		return err
	}
	defer release()
	return run()
}

// Query implements dialect.ExecQuerier. A write with RETURNING (ent's
// inserts) holds the lock until its rows are closed.
func (d *gatedDriver) Query(ctx context.Context, query string, args, v any) error {
	rows, ok := v.(*entsql.Rows)
	if !writes(query) || !ok {
		return d.Driver.Query(ctx, query, args, v)
	}
	release, err := d.gate.enter(ctx)
	if err != nil {
		return err
	}
	if err := d.Driver.Query(ctx, query, args, v); err != nil {
		release()
		return err
	}
	rows.ColumnScanner = &releasingRows{ColumnScanner: rows.ColumnScanner, release: release}
	return nil
}

// gatedTx gives the gate back when it ends.
type gatedTx struct {
	dialect.Tx
	release func()
}

func (t *gatedTx) Commit() error {
	defer t.release()
	return t.Tx.Commit()
}

func (t *gatedTx) Rollback() error {
	defer t.release()
	return t.Tx.Rollback()
}

// ExecContext and QueryContext serve hand-written statements in the
// transaction (ent's sql/execquery feature).
func (t *gatedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.Tx.(*entsql.Tx).ExecContext(ctx, query, args...)
}

func (t *gatedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.Tx.(*entsql.Tx).QueryContext(ctx, query, args...)
}

// Unwrap returns the ent transaction under the gate (ent.Tx.SQLTx uses it).
func (t *gatedTx) Unwrap() dialect.Tx { return t.Tx }

type releasingRows struct {
	entsql.ColumnScanner
	release func()
}

func (r *releasingRows) Close() error {
	defer r.release()
	return r.ColumnScanner.Close()
}

// writes reports whether a statement changes rows (a leading WITH is
// treated as a read: the gate is an optimisation, the busy handler stays
// the guarantee).
func writes(query string) bool {
	q := strings.TrimLeft(query, " \t\r\n(")
	for _, kw := range [...]string{"INSERT", "UPDATE", "DELETE", "REPLACE"} {
		if len(q) >= len(kw) && strings.EqualFold(q[:len(kw)], kw) {
			return true
		}
	}
	return false
}
