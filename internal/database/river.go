package database

import (
	"database/sql"

	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
)

// RiverDriver returns the job queue's (river's) driver for the store, over
// the app's own pool, so jobs can be inserted in the app's transactions.
func (db *DB) RiverDriver() riverdriver.Driver[*sql.Tx] {
	if db.Store().postgres() {
		return riverdatabasesql.New(db.SQL)
	}
	return riversqlite.New(db.SQL)
}
