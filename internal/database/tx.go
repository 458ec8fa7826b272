package database

import (
	"context"
	"fmt"
	"strings"

	"entgo.io/ent/dialect"

	"github.com/kartuprakerja/platform/ent"
)

// WithTx runs fn in a transaction of c, committing when fn returns nil and
// rolling back on an error or a panic.
func WithTx(ctx context.Context, c *ent.Client, fn func(tx *ent.Tx) error) error {
	tx, err := c.Tx(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if v := recover(); v != nil {
			_ = tx.Rollback()
			panic(v)
		}
	}()
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Rebind turns the ? placeholders of a hand-written statement into $1, $2…
// for PostgreSQL; SQLite takes ? as is.
func Rebind(d, q string) string {
	if d != dialect.Postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
