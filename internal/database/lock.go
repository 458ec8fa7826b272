package database

import (
	"context"
	"fmt"
)

// SessionLock takes the advisory lock key on PostgreSQL, on a connection of
// its own, and holds it until unlock: for work that cannot run in one
// transaction but must not run twice at once (another instance's
// migrations). SQLite serialises such work on its write lock, and a pool of
// one connection has none to spare: no lock is taken then.
func (db *DB) SessionLock(ctx context.Context, key int64) (unlock func(), err error) {
	if !db.Store().postgres() || db.SQL.Stats().MaxOpenConnections == 1 {
		return func() {}, nil
	}
	conn, err := db.SQL.Conn(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		conn.Close()
		return nil, fmt.Errorf("lock: %w", err)
	}
	return func() {
		_, _ = conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key)
		conn.Close()
	}, nil
}
