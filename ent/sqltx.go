// Hand-written (not generated): survives `go generate`.

package ent

import (
	"database/sql"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
)

// SQLTx returns the database/sql transaction under tx, or nil when tx does
// not run on a database/sql driver (e.g. a debug driver). Other libraries
// that must write in the same transaction use it: river's job inserts (the
// transactional outbox) and bulk statements of the selection.
func (tx *Tx) SQLTx() *sql.Tx {
	td, ok := tx.config.driver.(*txDriver)
	if !ok {
		return nil
	}
	t := td.tx
	if u, ok := t.(interface{ Unwrap() dialect.Tx }); ok { // a wrapper (the SQLite write gate)
		t = u.Unwrap()
	}
	st, ok := t.(*entsql.Tx)
	if !ok {
		return nil
	}
	sqlTx, _ := st.Tx.(*sql.Tx)
	return sqlTx
}
