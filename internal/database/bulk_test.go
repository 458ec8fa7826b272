package database_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
)

// bulkTable is the scratch table of the bulk tests; each store reads the
// type names its own way (SQLite: affinities).
const bulkTable = `CREATE TABLE bulk_rows (
	id TEXT PRIMARY KEY, grp TEXT NOT NULL, tag TEXT NOT NULL, n BIGINT, at TIMESTAMP WITH TIME ZONE,
	doc JSONB, note TEXT, UNIQUE (grp, tag))`

// bulkRow is one bulk_rows row as read back.
type bulkRow struct {
	ID, Grp, Tag string
	N            sql.NullInt64
	At           time.Time
	Doc          map[string]string
	Note         string
}

func readBulk(t *testing.T, db *database.DB) []bulkRow {
	t.Helper()
	rows, err := db.SQL.QueryContext(context.Background(),
		`SELECT id, grp, tag, n, at, doc, note FROM bulk_rows ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []bulkRow
	for rows.Next() {
		var r bulkRow
		var doc sql.NullString
		var at any
		if err := rows.Scan(&r.ID, &r.Grp, &r.Tag, &r.N, &at, &doc, &r.Note); err != nil {
			t.Fatal(err)
		}
		r.At = asTime(t, at)
		if doc.Valid {
			if err := json.Unmarshal([]byte(doc.String), &r.Doc); err != nil {
				t.Fatalf("doc %q: %v", doc.String, err)
			}
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// asTime reads a timestamp as either store returns it (SQLite: the text
// the driver wrote).
func asTime(t *testing.T, v any) time.Time {
	t.Helper()
	switch v := v.(type) {
	case time.Time:
		return v.UTC()
	case string:
		for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano} {
			if at, err := time.Parse(layout, v); err == nil {
				return at.UTC()
			}
		}
	}
	t.Fatalf("timestamp %T %v not understood", v, v)
	return time.Time{}
}

func withTx(t *testing.T, db *database.DB, fn func(tx *ent.Tx) error) {
	t.Helper()
	if err := database.WithTx(context.Background(), db.Client, fn); err != nil {
		t.Fatal(err)
	}
}

type seedRow struct {
	tag  string
	n    int64
	at   time.Time
	doc  string
	note string
}

func insertSeeds(db *database.DB, tx *ent.Tx, rows []seedRow, chunk int, grp string) error {
	in := database.Insert{
		Into:   "bulk_rows (id, grp, tag, n, at, doc, note)",
		Values: `'r:' || :tag, :grp, :tag, NULLIF(:n, 0), :at, :doc, :note || ' (ok: not a :name)'`,
		Tail:   "ON CONFLICT (grp, tag) DO NOTHING",
		Rows:   len(rows),
		Columns: []database.Column{
			database.Text("tag", func(i int) string { return rows[i].tag }),
			database.Int("n", func(i int) int64 { return rows[i].n }),
			database.Time("at", func(i int) time.Time { return rows[i].at }),
			database.JSON("doc", func(i int) string { return rows[i].doc }),
			database.Text("note", func(i int) string { return rows[i].note }),
		},
		Consts: []database.Const{database.Value("grp", grp)},
	}
	return db.Store().Insert(context.Background(), tx, database.Chunked(in, chunk))
}

// TestInsert writes rows with per-row values, constants, expressions over
// both, NULLs from zero values and "" JSON, in chunks of two on PostgreSQL;
// a second insert of conflicting and new rows keeps the first rows and adds
// only the new one (ON CONFLICT DO NOTHING).
func TestInsert(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		if _, err := db.SQL.ExecContext(ctx, bulkTable); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 12, 1, 7, 30, 0, 0, time.UTC)
		first := []seedRow{
			{"a", 7, at, `{"k":"v"}`, "first"},
			{"b", 0, at.Add(time.Hour), "", "second"},
			{"c", 9, at.Add(2 * time.Hour), `{}`, "third"},
		}
		withTx(t, db, func(tx *ent.Tx) error { return insertSeeds(db, tx, first, 2, "g") })
		again := []seedRow{{"a", 1, at, "", "replaced?"}, {"d", 4, at, "", "fourth"}}
		withTx(t, db, func(tx *ent.Tx) error { return insertSeeds(db, tx, again, 2, "g") })

		n := func(v int64) sql.NullInt64 { return sql.NullInt64{Int64: v, Valid: true} }
		want := []bulkRow{
			{"r:a", "g", "a", n(7), at, map[string]string{"k": "v"}, "first (ok: not a :name)"},
			{"r:b", "g", "b", sql.NullInt64{}, at.Add(time.Hour), nil, "second (ok: not a :name)"},
			{"r:c", "g", "c", n(9), at.Add(2 * time.Hour), map[string]string{}, "third (ok: not a :name)"},
			{"r:d", "g", "d", n(4), at, nil, "fourth (ok: not a :name)"},
		}
		if got := readBulk(t, db); !reflect.DeepEqual(got, want) {
			t.Errorf("rows:\n got %+v\nwant %+v", got, want)
		}
	})
}

// TestUpdate changes rows by key, each with its own values and the
// constants, in chunks of two on PostgreSQL; a key that matches nothing
// changes nothing, and the rows not named keep their values.
func TestUpdate(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		if _, err := db.SQL.ExecContext(ctx, bulkTable); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 12, 1, 7, 30, 0, 0, time.UTC)
		seeds := []seedRow{{"a", 1, at, "", "x"}, {"b", 2, at, "", "x"}, {"c", 3, at, "", "x"}, {"d", 4, at, "", "x"}}
		withTx(t, db, func(tx *ent.Tx) error { return insertSeeds(db, tx, seeds, 0, "g") })

		later := at.Add(24 * time.Hour)
		type change struct {
			id   string
			n    int64
			note string
		}
		changes := []change{{"r:d", 40, "dd"}, {"r:a", 10, "aa"}, {"r:zz", 99, "none"}, {"r:b", 20, "bb"}}
		u := database.Update{
			Table:   "bulk_rows",
			Set:     "n = :n + :plus, note = :note, at = :at, tag = tag || ''",
			Key:     database.Text("id", func(i int) string { return changes[i].id }),
			Rows:    len(changes),
			Columns: []database.Column{database.Int("n", func(i int) int64 { return changes[i].n }), database.Text("note", func(i int) string { return changes[i].note })},
			Consts:  []database.Const{database.Value("plus", int64(1)), database.Value("at", later)},
		}
		withTx(t, db, func(tx *ent.Tx) error {
			return db.Store().Update(ctx, tx, database.ChunkedUpdate(u, 2))
		})
		n := func(v int64) sql.NullInt64 { return sql.NullInt64{Int64: v, Valid: true} }
		want := []bulkRow{
			{"r:a", "g", "a", n(11), later, nil, "aa"},
			{"r:b", "g", "b", n(21), later, nil, "bb"},
			{"r:c", "g", "c", n(3), at, nil, "x (ok: not a :name)"},
			{"r:d", "g", "d", n(41), later, nil, "dd"},
		}
		if got := readBulk(t, db); !reflect.DeepEqual(got, want) {
			t.Errorf("rows:\n got %+v\nwant %+v", got, want)
		}
	})
}

func TestExpand(t *testing.T) {
	cols := []database.Column{database.Text("a", nil), database.JSON("doc", nil)}
	consts := []database.Const{database.Value("now", nil)}
	tests := []struct {
		name, sql, want string
		wantErr         bool
	}{
		{"columns then constants", ":a, :doc, :now, :a", "?1, NULLIF(?2, ''), ?3, ?1", false},
		{"casts and quotes stay", "x::int, ':a', :a", "x::int, ':a', ?1", false},
		{"unknown name", ":b", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := database.Expand(tt.sql, cols, consts)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("Expand(%q) = %q, %v; want %q (error %v)", tt.sql, got, err, tt.want, tt.wantErr)
			}
		})
	}
}
