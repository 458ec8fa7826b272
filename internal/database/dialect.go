package database

import (
	entdialect "entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
)

// Dialect is the kind of store a DB runs on, with what the domains need to
// know about it. The domains ask it questions ("is there one writer?",
// "order this text column byte by byte") instead of comparing dialect
// names: every SQLite/PostgreSQL difference lives in this package.
type Dialect string

// The two stores.
const (
	SQLite   Dialect = entdialect.SQLite
	Postgres Dialect = entdialect.Postgres
)

// Store is db's dialect.
func (db *DB) Store() Dialect { return Dialect(db.Dialect) }

func (d Dialect) postgres() bool { return d == Postgres }

// SingleWriter reports whether the store takes one writing transaction at a
// time (SQLite): there, many small commits are better grouped (GroupCommit).
func (d Dialect) SingleWriter() bool { return !d.postgres() }

// InterleavesStatements reports whether two goroutines may run statements
// in one transaction at once. SQLite's driver can; PostgreSQL's returns the
// inserted ids as rows, which cannot interleave on its one connection.
func (d Dialect) InterleavesStatements() bool { return !d.postgres() }

// Rebind adapts a hand-written statement's ? placeholders to the store.
func (d Dialect) Rebind(q string) string { return Rebind(string(d), q) }

// ByteOrder is an ORDER BY term that orders the text column col byte by
// byte on every store (PostgreSQL would otherwise use the database's
// locale collation).
func (d Dialect) ByteOrder(col string) string {
	if d.postgres() {
		return col + ` COLLATE "C"`
	}
	return col
}

// Locker is an ent query that can lock the rows it reads.
type Locker[Q any] interface {
	ForUpdate(opts ...entsql.LockOption) Q
}

// ForUpdate makes q lock the rows it reads until the transaction ends, on
// PostgreSQL. SQLite transactions hold the write lock from BEGIN
// (SQLiteDSN's _txlock=immediate), so q is returned as it is.
func ForUpdate[Q Locker[Q]](d Dialect, q Q) Q {
	if d.postgres() {
		return q.ForUpdate()
	}
	return q
}

// EQNoIndex is the predicate col = v written so that SQLite's planner does
// not choose an index on col (a unary +): without statistics it would pick
// that index even where walking the primary key is faster. PostgreSQL plans
// from statistics, so there it is a plain col = v.
func (d Dialect) EQNoIndex(col string, v any) *entsql.Predicate {
	if d.postgres() {
		return entsql.EQ(col, v)
	}
	return entsql.ExprP("+"+col+" = ?", v)
}

// The JSON pieces of hand-written aggregate queries. A query names a JSON
// array's elements in its FROM list, as "<JSONElements(…)> AS a", and reads
// each element as a.value on both stores (PostgreSQL lets a function in
// FROM refer to the items before it, as SQLite's table-valued functions do).

// JSONElements is a table function over the elements (JSON values) of the
// array doc, or of the array at key in doc when key is not empty (no rows
// where key is absent; a scalar at key is one row on SQLite, none on
// PostgreSQL, so store arrays there).
func (d Dialect) JSONElements(doc, key string) string {
	if d.postgres() {
		return "jsonb_array_elements(" + pgArrayAt(doc, key) + ")"
	}
	return liteEach(doc, key)
}

// JSONTextElements is JSONElements with string elements as text.
func (d Dialect) JSONTextElements(doc, key string) string {
	if d.postgres() {
		return "jsonb_array_elements_text(" + pgArrayAt(doc, key) + ")"
	}
	return liteEach(doc, key)
}

// JSONText is the text of the member key of the JSON object doc.
func (d Dialect) JSONText(doc, key string) string {
	if d.postgres() {
		return doc + "->>'" + key + "'"
	}
	return "json_extract(" + doc + ", '$." + key + "')"
}

// JSONNumber is the member key of the JSON object doc as a float.
func (d Dialect) JSONNumber(doc, key string) string {
	if d.postgres() {
		return "(" + d.JSONText(doc, key) + ")::float8"
	}
	return d.JSONText(doc, key)
}

func pgArrayAt(doc, key string) string {
	if key == "" {
		return doc
	}
	v := doc + "->'" + key + "'"
	return "CASE WHEN jsonb_typeof(" + v + ") = 'array' THEN " + v + " ELSE '[]'::jsonb END"
}

func liteEach(doc, key string) string {
	if key == "" {
		return "json_each(" + doc + ")"
	}
	return "json_each(" + doc + ", '$." + key + "')"
}
