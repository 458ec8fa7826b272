// Package jobqueue owns the job queue's (river's) pieces every domain
// shares: the driver for the store and the periodic job (Every). It is apart
// from internal/database because river's drivers register SQL drivers of
// their own, which the migration generator (a user of internal/database)
// must not load twice.
package jobqueue

import (
	"database/sql"

	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"

	"github.com/kartuprakerja/platform/internal/database"
)

// Driver returns river's driver for db's store, over the app's own pool,
// so jobs can be inserted in the app's transactions.
func Driver(db *database.DB) riverdriver.Driver[*sql.Tx] {
	if db.Store() == database.Postgres {
		return riverdatabasesql.New(db.SQL)
	}
	return riversqlite.New(db.SQL)
}
