package database_test

import (
	"context"
	"database/sql"
	"reflect"
	"strings"
	"testing"

	entsql "entgo.io/ent/dialect/sql"

	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
)

func queryStrings(t *testing.T, db *database.DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.SQL.QueryContext(context.Background(), q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var cols []any
		n, _ := rows.Columns()
		vals := make([]sql.NullString, len(n))
		for i := range vals {
			cols = append(cols, &vals[i])
		}
		if err := rows.Scan(cols...); err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, v := range vals {
			parts = append(parts, v.String)
		}
		out = append(out, strings.Join(parts, "|"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestByteOrder orders by bytes even where the column's collation would
// not (on PostgreSQL the test column takes ICU's root collation, which puts
// "_" first and ignores case).
func TestByteOrder(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		d := db.Store()
		col := "v TEXT"
		if d == database.Postgres {
			col = `v TEXT COLLATE "und-x-icu"`
		}
		ctx := context.Background()
		if _, err := db.SQL.ExecContext(ctx, "CREATE TABLE ordered ("+col+")"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL.ExecContext(ctx, `INSERT INTO ordered (v) VALUES ('a'), ('_'), ('B'), ('01')`); err != nil {
			t.Fatal(err)
		}
		got := queryStrings(t, db, "SELECT v FROM ordered ORDER BY "+d.ByteOrder("v"))
		if want := []string{"01", "B", "_", "a"}; !reflect.DeepEqual(got, want) {
			t.Errorf("order %q, want %q", got, want)
		}
	})
}

// TestJSONFunctions reads the elements of JSON arrays, their members as
// text and numbers, and the string elements of a member array (none where
// the member is absent), the same way on both stores.
func TestJSONFunctions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		d := db.Store()
		ctx := context.Background()
		typ := "TEXT"
		if d == database.Postgres {
			typ = "JSONB"
		}
		if _, err := db.SQL.ExecContext(ctx, "CREATE TABLE docs (id INTEGER, body "+typ+")"); err != nil {
			t.Fatal(err)
		}
		_, err := db.SQL.ExecContext(ctx, d.Rebind(`INSERT INTO docs (id, body) VALUES (1, ?), (2, ?)`),
			`[{"q":"x","n":2,"c":["u","v"]},{"q":"y","n":4.5}]`, `[{"q":"x","n":4}]`)
		if err != nil {
			t.Fatal(err)
		}
		means := queryStrings(t, db, `SELECT `+d.JSONText("a.value", "q")+`, COUNT(*), AVG(`+d.JSONNumber("a.value", "n")+`)
			FROM docs AS r, `+d.JSONElements("r.body", "")+` AS a GROUP BY 1 ORDER BY 1`)
		if want := []string{"x|2|3", "y|1|4.5"}; !reflect.DeepEqual(means, want) {
			t.Errorf("means %q, want %q", means, want)
		}
		choices := queryStrings(t, db, `SELECT `+d.JSONText("a.value", "q")+`, c.value
			FROM docs AS r, `+d.JSONElements("r.body", "")+` AS a, `+d.JSONTextElements("a.value", "c")+` AS c
			ORDER BY 1, 2`)
		if want := []string{"x|u", "x|v"}; !reflect.DeepEqual(choices, want) {
			t.Errorf("choices %q, want %q", choices, want)
		}
	})
}

// TestEQNoIndex keeps SQLite's planner off the column's index with a unary
// + and leaves PostgreSQL's predicate plain; both select the same rows.
func TestEQNoIndex(t *testing.T) {
	tests := []struct {
		d    database.Dialect
		want string
	}{
		{database.SQLite, "SELECT * FROM `t` WHERE +`t`.`wave` = ?"},
		{database.Postgres, `SELECT * FROM "t" WHERE "t"."wave" = $1`},
	}
	for _, tt := range tests {
		t.Run(string(tt.d), func(t *testing.T) {
			sel := entsql.Dialect(string(tt.d)).Select("*").From(entsql.Table("t"))
			sel.Where(tt.d.EQNoIndex(sel.C("wave"), "w1"))
			q, args := sel.Query()
			if q != tt.want || !reflect.DeepEqual(args, []any{"w1"}) {
				t.Errorf("query %s %v, want %s [w1]", q, args, tt.want)
			}
		})
	}
}

// fakeQuery records whether it was asked to lock.
type fakeQuery struct{ locked bool }

func (q *fakeQuery) ForUpdate(...entsql.LockOption) *fakeQuery { q.locked = true; return q }

func TestForUpdateLocksOnPostgresOnly(t *testing.T) {
	for d, want := range map[database.Dialect]bool{database.Postgres: true, database.SQLite: false} {
		if q := database.ForUpdate(d, &fakeQuery{}); q.locked != want {
			t.Errorf("%s: locked = %v, want %v", d, q.locked, want)
		}
	}
}

// TestSessionLock holds a PostgreSQL advisory lock until unlock; SQLite
// takes none.
func TestSessionLock(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		held := func() int {
			if db.Store() != database.Postgres {
				return 0
			}
			var n int
			err := db.SQL.QueryRowContext(context.Background(),
				`SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242`).Scan(&n)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		unlock, err := db.SessionLock(context.Background(), 4242)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		if db.Store() == database.Postgres {
			want = 1
		}
		if n := held(); n != want {
			t.Errorf("locks held: %d, want %d", n, want)
		}
		unlock()
		if n := held(); n != 0 {
			t.Errorf("locks held after unlock: %d", n)
		}
	})
}
