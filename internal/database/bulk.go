package database

import (
	"cmp"
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
)

// Bulk statements write many rows in one transaction in the form that is
// fast on each store. The caller states one row's SQL once, naming its
// values :name; a name is a Column (a value per row) or a Const (one value
// for every row). PostgreSQL then takes the rows as typed arrays or a
// VALUES list in large chunks; SQLite runs one prepared statement per row
// inside the transaction (a primary-key insert or lookup each, microseconds,
// with no statement to parse again).

// Column is a value per row of a bulk statement.
type Column struct {
	name string
	kind kind
	text func(i int) string
	num  func(i int) int64
	at   func(i int) time.Time
}

type kind int

const (
	textKind kind = iota
	intKind
	timeKind
	jsonKind
)

// pgType is the PostgreSQL type of a kind's values as they are bound (JSON
// travels as text and is cast where the statement uses it).
func (k kind) pgType() string {
	switch k {
	case intKind:
		return "int8"
	case timeKind:
		return "timestamptz"
	}
	return "text"
}

// Text is a text column whose value for row i is v(i).
func Text(name string, v func(i int) string) Column {
	return Column{name: name, kind: textKind, text: v}
}

// Int is an integer column whose value for row i is v(i).
func Int(name string, v func(i int) int64) Column {
	return Column{name: name, kind: intKind, num: v}
}

// Time is a timestamp column whose value for row i is v(i).
func Time(name string, v func(i int) time.Time) Column {
	return Column{name: name, kind: timeKind, at: v}
}

// JSON is a JSON column whose value for row i is the encoded document
// v(i); "" stores NULL.
func JSON(name string, v func(i int) string) Column {
	return Column{name: name, kind: jsonKind, text: v}
}

// value is the column's value for row i, as SQLite binds it.
func (c Column) value(i int) any {
	switch c.kind {
	case intKind:
		return c.num(i)
	case timeKind:
		return c.at(i)
	}
	return c.text(i)
}

// array is the column's values for rows [from, to), as PostgreSQL binds
// them (a typed slice: an array parameter).
func (c Column) array(from, to int) any {
	switch c.kind {
	case intKind:
		return fill(from, to, c.num)
	case timeKind:
		return fill(from, to, c.at)
	}
	return fill(from, to, c.text)
}

func fill[T any](from, to int, v func(int) T) []T {
	out := make([]T, to-from)
	for i := range out {
		out[i] = v(from + i)
	}
	return out
}

// Const is a value that is the same for every row of a bulk statement.
type Const struct {
	name  string
	value any
}

// Value is the constant :name.
func Value(name string, v any) Const { return Const{name: name, value: v} }

// Insert appends Rows rows to a table.
type Insert struct {
	Into    string // the table and its columns: "notifications (id, account_id, …)"
	Values  string // one row's values: ":id, 'sent', NULLIF(:rank, 0), :now"
	Tail    string // optional, after the rows: "ON CONFLICT (account_id, event_key) DO NOTHING"
	Rows    int
	Columns []Column
	Consts  []Const

	chunk int // rows of one PostgreSQL statement; 0 is insertChunk (tests change it)
}

// insertChunk is the rows of one PostgreSQL insert: arrays bind as one
// parameter each, so the bound is memory, not the parameter count.
const insertChunk = 100_000

// Insert runs in in tx. PostgreSQL inserts SELECT … FROM unnest of one
// typed array per column, insertChunk rows a statement; SQLite runs one
// prepared INSERT per row.
func (d Dialect) Insert(ctx context.Context, tx *ent.Tx, in Insert) error {
	if in.Rows == 0 {
		return nil
	}
	if d.postgres() {
		return pgInsert(ctx, tx, in)
	}
	q, err := expand(in.Values, in.Columns, in.Consts, liteRef(0), liteConst(len(in.Columns)))
	if err != nil {
		return err
	}
	q = "INSERT INTO " + in.Into + " VALUES (" + q + ") " + in.Tail
	return eachRow(ctx, tx, q, in.Rows, nil, in.Columns, in.Consts)
}

func pgInsert(ctx context.Context, tx *ent.Tx, in Insert) error {
	n := len(in.Columns)
	values, err := expand(in.Values, in.Columns, in.Consts, pgRef("t.c", 0), pgConst(n))
	if err != nil {
		return err
	}
	arrays, names := make([]string, n), make([]string, n)
	for i, c := range in.Columns {
		arrays[i] = "$" + strconv.Itoa(i+1) + "::" + c.kind.pgType() + "[]"
		names[i] = "c" + strconv.Itoa(i)
	}
	q := "INSERT INTO " + in.Into + " SELECT " + values + " FROM unnest(" + strings.Join(arrays, ", ") +
		") AS t(" + strings.Join(names, ", ") + ") " + in.Tail
	args := make([]any, n, n+len(in.Consts))
	args = append(args, constValues(in.Consts)...)
	chunk := cmp.Or(in.chunk, insertChunk)
	for from := 0; from < in.Rows; from += chunk {
		to := min(from+chunk, in.Rows)
		for i, c := range in.Columns {
			args[i] = c.array(from, to)
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

// Update changes Rows rows of a table, found by their key, each with its
// own values.
type Update struct {
	Table   string // "recipients"
	Set     string // the assignments: "status = 'recipient', card_number = :card, updated_at = :now"
	Key     Column // the key column (named as in the table) and its value per row
	Rows    int
	Columns []Column
	Consts  []Const

	chunk int // rows of one PostgreSQL statement; 0 is updateChunk (tests change it)
}

// updateChunk is the rows of one PostgreSQL update.
const updateChunk = 4000

// Update runs u in tx. PostgreSQL joins the table with a VALUES list
// (updateChunk rows a statement, a hash join); SQLite, whose planner scans
// the table for such a join, runs one prepared UPDATE per row (a
// primary-key lookup each).
func (d Dialect) Update(ctx context.Context, tx *ent.Tx, u Update) error {
	if u.Rows == 0 {
		return nil
	}
	if d.postgres() {
		return pgUpdate(ctx, tx, u)
	}
	set, err := expand(u.Set, u.Columns, u.Consts, liteRef(1), liteConst(1+len(u.Columns)))
	if err != nil {
		return err
	}
	q := "UPDATE " + u.Table + " SET " + set + " WHERE " + u.Key.name + " = ?1"
	return eachRow(ctx, tx, q, u.Rows, &u.Key, u.Columns, u.Consts)
}

func pgUpdate(ctx context.Context, tx *ent.Tx, u Update) error {
	set, err := expand(u.Set, u.Columns, u.Consts, pgRef("v.c", 1), pgConst(0))
	if err != nil {
		return err
	}
	cols := append([]Column{u.Key}, u.Columns...)
	names := make([]string, len(cols))
	for i := range cols {
		names[i] = "c" + strconv.Itoa(i)
	}
	tail := ") UPDATE " + u.Table + " SET " + set + " FROM v WHERE " + u.Table + "." + u.Key.name + " = v.c0"
	consts := constValues(u.Consts)
	chunk := cmp.Or(u.chunk, updateChunk)
	for from := 0; from < u.Rows; from += chunk {
		to := min(from+chunk, u.Rows)
		var b strings.Builder
		b.WriteString("WITH v(" + strings.Join(names, ", ") + ") AS (VALUES ")
		args := append(make([]any, 0, len(consts)+(to-from)*len(cols)), consts...)
		for i := from; i < to; i++ {
			if i > from {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j, c := range cols {
				if j > 0 {
					b.WriteString(", ")
				}
				args = append(args, c.value(i))
				b.WriteString("$" + strconv.Itoa(len(args)))
				if i == from { // the first row types the list
					b.WriteString("::" + c.kind.pgType())
				}
			}
			b.WriteByte(')')
		}
		b.WriteString(tail)
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// eachRow runs the SQLite statement q once per row: the key's value (if
// any), then the columns' values, then the constants (?1, ?2… in that
// order).
func eachRow(ctx context.Context, tx *ent.Tx, q string, rows int, key *Column, cols []Column, consts []Const) error {
	st := tx.SQLTx()
	if st == nil {
		return fmt.Errorf("no database/sql transaction")
	}
	stmt, err := st.PrepareContext(ctx, q)
	if err != nil {
		return err
	}
	defer stmt.Close()
	if key != nil {
		cols = append([]Column{*key}, cols...)
	}
	args := append(make([]any, len(cols), len(cols)+len(consts)), constValues(consts)...)
	for i := range rows {
		for j, c := range cols {
			args[j] = c.value(i)
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}

func constValues(cs []Const) []any {
	out := make([]any, len(cs))
	for i, c := range cs {
		out[i] = c.value
	}
	return out
}

// liteRef numbers column i as ?(first+i+1); a JSON column's "" is NULL.
func liteRef(first int) func(i int, c Column) string {
	return func(i int, c Column) string {
		p := "?" + strconv.Itoa(first+i+1)
		if c.kind == jsonKind {
			return "NULLIF(" + p + ", '')"
		}
		return p
	}
}

// pgRef names column i prefix+(first+i), cast to jsonb for a JSON column.
func pgRef(prefix string, first int) func(i int, c Column) string {
	return func(i int, c Column) string {
		ref := prefix + strconv.Itoa(first+i)
		if c.kind == jsonKind {
			return "NULLIF(" + ref + ", '')::jsonb"
		}
		return ref
	}
}

func liteConst(first int) func(i int) string {
	return func(i int) string { return "?" + strconv.Itoa(first+i+1) }
}

func pgConst(first int) func(i int) string {
	return func(i int) string { return "$" + strconv.Itoa(first+i+1) }
}

// expand replaces each :name of sql (outside quoted strings; a :: cast is
// left alone) with col(i, c) for the column c at index i of cols, or
// constant(i) for the constant at index i of consts.
func expand(sql string, cols []Column, consts []Const, col func(int, Column) string, constant func(int) string) (string, error) {
	var b strings.Builder
	quoted := false
	for i := 0; i < len(sql); i++ {
		ch := sql[i]
		if ch == '\'' {
			quoted = !quoted
		}
		if quoted || ch != ':' || (i > 0 && sql[i-1] == ':') || i+1 == len(sql) || !isIdent(sql[i+1]) {
			b.WriteByte(ch)
			continue
		}
		j := i + 1
		for j < len(sql) && isIdent(sql[j]) {
			j++
		}
		ref, err := resolve(sql[i+1:j], cols, consts, col, constant)
		if err != nil {
			return "", err
		}
		b.WriteString(ref)
		i = j - 1
	}
	return b.String(), nil
}

func resolve(name string, cols []Column, consts []Const, col func(int, Column) string, constant func(int) string) (string, error) {
	for i, c := range cols {
		if c.name == name {
			return col(i, c), nil
		}
	}
	for i, c := range consts {
		if c.name == name {
			return constant(i), nil
		}
	}
	return "", fmt.Errorf("bulk statement: :%s is neither a column nor a constant", name)
}

func isIdent(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
