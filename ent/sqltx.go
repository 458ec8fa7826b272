// Hand-written (not generated): survives `go generate`.

package ent

import (
	"database/sql"

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
	st, ok := td.tx.(*entsql.Tx)
	if !ok {
		return nil
	}
	t, _ := st.Tx.(*sql.Tx)
	return t
}
