package push

import (
	"database/sql"
	"fmt"

	"github.com/kartuprakerja/platform/ent"
)

// sqlTx returns the database/sql transaction under an ent transaction, so
// that river inserts and completes jobs in the caller's transaction (the
// transactional outbox).
func sqlTx(tx *ent.Tx) (*sql.Tx, error) {
	st := tx.SQLTx()
	if st == nil {
		return nil, fmt.Errorf("push: the ent transaction does not run on database/sql (debug driver?)")
	}
	return st, nil
}
