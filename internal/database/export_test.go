package database

import "time"

// CheckDrops exposes checkDrops to the external tests.
var CheckDrops = checkDrops

// Writes exposes writes to the external tests.
var Writes = writes

// SetGateWait changes how long the SQLite writers of db wait for their
// turn (tests of the timeout).
func SetGateWait(db *DB, d time.Duration) {
	db.gate.wait = d
}

// Chunked sets the rows of one PostgreSQL statement of a bulk insert.
func Chunked(in Insert, n int) Insert {
	in.chunk = n
	return in
}

// ChunkedUpdate sets the rows of one PostgreSQL statement of a bulk update.
func ChunkedUpdate(u Update, n int) Update {
	u.chunk = n
	return u
}

// Expand exposes expand with the SQLite numbering (columns ?1…, then the
// constants).
func Expand(sql string, cols []Column, consts []Const) (string, error) {
	return expand(sql, cols, consts, liteRef(0), liteConst(len(cols)))
}
