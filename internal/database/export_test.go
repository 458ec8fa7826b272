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
