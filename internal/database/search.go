package database

import (
	"context"
	stdsql "database/sql"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/hook"
	"github.com/kartuprakerja/platform/ent/privacy"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/search/stem"
)

// The catalogue search store: search documents kept beside the courses
// (migrations *_search.sql), written by a hook on every Course mutation and
// queried by internal/search. PostgreSQL stems with its built-in
// `indonesian` configuration and finds near words with pg_trgm; SQLite
// holds stems made in Go (internal/search/stem, the same Snowball
// algorithm) in FTS5 and near words in an FTS5 trigram table.

// execQuerier runs hand-written statements: an ent client, inside a
// transaction when the client is a transaction's.
type execQuerier interface {
	ExecContext(ctx context.Context, query string, args ...any) (stdsql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*stdsql.Rows, error)
}

// searchFields are the Course fields the search documents are made of.
var searchFields = map[string]bool{
	course.FieldTitle: true, course.FieldDescription: true, course.FieldOutline: true, course.FieldTags: true,
}

// SearchIndexHook keeps the search documents of courses in step with
// their writes, in the same transaction: created courses are indexed,
// changed titles, descriptions, outlines and tags re-indexed, deleted
// courses removed. Counters and status changes need no re-indexing (search
// reads them from the course row). Every Course mutation counts in writes
// (SearchGeneration).
func (d Dialect) SearchIndexHook(writes *atomic.Int64) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return hook.CourseFunc(func(ctx context.Context, m *ent.CourseMutation) (ent.Value, error) {
			defer countWrite(m, writes)
			if !m.Op().Is(ent.OpCreate) && !touchesSearch(m) {
				return next.Mutate(ctx, m)
			}
			sys := privacy.DecisionContext(ctx, privacy.Allow)
			var ids []pulid.ID
			if !m.Op().Is(ent.OpCreate) {
				var err error
				if ids, err = m.IDs(sys); err != nil {
					return nil, fmt.Errorf("search index: course ids: %w", err)
				}
			}
			v, err := next.Mutate(ctx, m)
			if err != nil {
				return v, err
			}
			if err := d.reindex(sys, m, v, ids); err != nil {
				return nil, fmt.Errorf("search index: %w", err)
			}
			return v, nil
		})
	}
}

// countWrite counts a Course mutation after it ran and, inside a
// transaction, once more after the commit: a search that read the rows
// before the commit cannot cache them under the final count.
func countWrite(m *ent.CourseMutation, writes *atomic.Int64) {
	writes.Add(1)
	if tx, err := m.Tx(); err == nil {
		tx.OnCommit(func(next ent.Committer) ent.Committer {
			return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
				err := next.Commit(ctx, tx)
				writes.Add(1)
				return err
			})
		})
	}
}

func touchesSearch(m *ent.CourseMutation) bool {
	if m.Op().Is(ent.OpDelete | ent.OpDeleteOne) {
		return true
	}
	for _, f := range append(m.Fields(), m.ClearedFields()...) {
		if searchFields[f] {
			return true
		}
	}
	_, tags := m.AppendedTags()
	_, outline := m.AppendedOutline()
	return tags || outline
}

func (d Dialect) reindex(ctx context.Context, m *ent.CourseMutation, v ent.Value, ids []pulid.ID) error {
	c := m.Client()
	if m.Op().Is(ent.OpDelete | ent.OpDeleteOne) {
		return d.unindex(ctx, c, ids)
	}
	var courses []*ent.Course
	if created, ok := v.(*ent.Course); ok && m.Op().Is(ent.OpCreate) {
		courses = []*ent.Course{created}
	} else {
		var err error
		courses, err = c.Course.Query().Where(course.IDIn(ids...)).
			Select(course.FieldTitle, course.FieldDescription, course.FieldOutline, course.FieldTags).All(ctx)
		if err != nil {
			return fmt.Errorf("read courses: %w", err)
		}
	}
	for _, co := range courses {
		if err := d.index(ctx, c, co); err != nil {
			return fmt.Errorf("course %s: %w", co.ID, err)
		}
	}
	return nil
}

// Words returns the vocabulary words of a course: the words of its title
// and tags that typo tolerance can correct a query's words to.
func searchWords(co *ent.Course) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range stem.Tokens(co.Title + " " + strings.Join(co.Tags, " ")) {
		if len([]rune(w)) >= 3 && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// document is the four weighted parts of a search document, as words.
func document(co *ent.Course) [4]string {
	norm := func(s string) string { return strings.Join(stem.Tokens(s), " ") }
	return [4]string{norm(co.Title), norm(strings.Join(co.Tags, " ")), norm(strings.Join(co.Outline, " ")), norm(co.Description)}
}

func (d Dialect) index(ctx context.Context, c execQuerier, co *ent.Course) error {
	if d.postgres() {
		return pgIndex(ctx, c, co)
	}
	return liteIndex(ctx, c, co)
}

func pgIndex(ctx context.Context, c execQuerier, co *ent.Course) error {
	doc := document(co)
	if _, err := c.ExecContext(ctx, `INSERT INTO course_search (course_id, document) VALUES ($1,
		setweight(to_tsvector('indonesian', $2), 'A') || setweight(to_tsvector('indonesian', $3), 'A') ||
		setweight(to_tsvector('indonesian', $4), 'B') || setweight(to_tsvector('indonesian', $5), 'C'))
		ON CONFLICT (course_id) DO UPDATE SET document = EXCLUDED.document`,
		string(co.ID), doc[0], doc[1], doc[2], doc[3]); err != nil {
		return fmt.Errorf("document: %w", err)
	}
	words := searchWords(co)
	if len(words) == 0 {
		return nil
	}
	_, err := c.ExecContext(ctx, Rebind(string(Postgres), `INSERT INTO course_search_words (word) VALUES `+
		values(len(words), 1)+` ON CONFLICT DO NOTHING`), anys(words)...)
	if err != nil {
		return fmt.Errorf("words: %w", err)
	}
	return nil
}

func liteIndex(ctx context.Context, c execQuerier, co *ent.Course) error {
	rowid, err := liteRowID(ctx, c, co.ID)
	if err != nil {
		return err
	}
	var doc [4]string
	for i, part := range document(co) {
		doc[i] = strings.Join(stem.Stems(part), " ")
	}
	if _, err := c.ExecContext(ctx, `DELETE FROM course_search_fts WHERE rowid = ?`, rowid); err != nil {
		return fmt.Errorf("old document: %w", err)
	}
	if _, err := c.ExecContext(ctx, `INSERT INTO course_search_fts (rowid, title, tags, outline, description)
		VALUES (?, ?, ?, ?, ?)`, rowid, doc[0], doc[1], doc[2], doc[3]); err != nil {
		return fmt.Errorf("document: %w", err)
	}
	return liteWords(ctx, c, searchWords(co))
}

func liteRowID(ctx context.Context, c execQuerier, id pulid.ID) (int64, error) {
	rows, err := c.QueryContext(ctx, `INSERT INTO course_search_rows (course_id) VALUES (?)
		ON CONFLICT (course_id) DO UPDATE SET course_id = excluded.course_id RETURNING rowid`, string(id))
	if err != nil {
		return 0, fmt.Errorf("row: %w", err)
	}
	defer rows.Close()
	var rowid int64
	if !rows.Next() {
		return 0, fmt.Errorf("row: none returned: %w", rows.Err())
	}
	if err := rows.Scan(&rowid); err != nil {
		return 0, fmt.Errorf("row: %w", err)
	}
	return rowid, rows.Close()
}

// liteWords adds the new words to the vocabulary and its trigram table.
func liteWords(ctx context.Context, c execQuerier, words []string) error {
	if len(words) == 0 {
		return nil
	}
	rows, err := c.QueryContext(ctx, `INSERT INTO course_search_words (word) VALUES `+values(len(words), 1)+
		` ON CONFLICT (word) DO NOTHING RETURNING rowid, word`, anys(words)...)
	if err != nil {
		return fmt.Errorf("words: %w", err)
	}
	var added []any
	for rows.Next() {
		var id int64
		var w string
		if err := rows.Scan(&id, &w); err != nil {
			rows.Close()
			return fmt.Errorf("words: %w", err)
		}
		added = append(added, id, "  "+w+" ")
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("words: %w", err)
	}
	if len(added) == 0 {
		return nil
	}
	if _, err := c.ExecContext(ctx, `INSERT INTO course_search_trigrams (rowid, word) VALUES `+
		values(len(added)/2, 2), added...); err != nil {
		return fmt.Errorf("word trigrams: %w", err)
	}
	return nil
}

func (d Dialect) unindex(ctx context.Context, c execQuerier, ids []pulid.ID) error {
	if d.postgres() || len(ids) == 0 {
		return nil // ON DELETE CASCADE
	}
	for _, id := range ids {
		if _, err := c.ExecContext(ctx, `DELETE FROM course_search_fts WHERE rowid IN
			(SELECT rowid FROM course_search_rows WHERE course_id = ?)`, string(id)); err != nil {
			return fmt.Errorf("remove %s: %w", id, err)
		}
		if _, err := c.ExecContext(ctx, `DELETE FROM course_search_rows WHERE course_id = ?`, string(id)); err != nil {
			return fmt.Errorf("remove %s: %w", id, err)
		}
	}
	return nil
}

func anys(vs []string) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// values is n rows of width ? placeholders: (?, ?), (?, ?).
func values(n, width int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

// SearchGeneration counts the Course mutations made through this DB's
// client: a cached search result is good while it has not moved. Writes of
// other processes (instances sharing a PostgreSQL store) and raw SQL
// updates of courses do not count; caches bound those by time.
func (db *DB) SearchGeneration() int64 { return db.courseWrites.Load() }

// SearchQuery is a parsed query: its words, and per word the words it may
// also match (itself first, then its near words from the vocabulary).
type SearchQuery struct {
	Words []string
	Near  [][]string
}

// SearchFilter narrows a search to published courses of these categories,
// platforms and methods (any, when empty), within the price range and at
// or above the rating.
type SearchFilter struct {
	Categories, Methods, PlatformIDs []string
	MinPrice, MaxPrice               *int64
	MinRating                        *float64
}

// SearchOrder is how SearchCourses orders: by two sort keys, ascending
// (descending orders negate), then by id.
type SearchOrder int

// The orders.
const (
	ByRelevance SearchOrder = iota // the query's own words first, then rank; with no query: ByPopularity
	ByPriceAsc
	ByPriceDesc
	ByRating // average, then number of ratings
	ByPopularity
	ByNewest
)

// SearchKey is a course's place in an order: its two sort keys and id.
type SearchKey struct {
	A, B float64
	ID   pulid.ID
}

// SearchCourses returns up to limit published courses matching q (all of
// them when q has no words) and the filter, in order, after the key after
// (nil: from the start), with the number of all matches.
func (db *DB) SearchCourses(ctx context.Context, q SearchQuery, f SearchFilter, o SearchOrder, after *SearchKey, limit int) ([]SearchKey, int, error) {
	inner, args := db.searchSelect(q, o)
	where, fargs := f.where()
	inner += where
	args = append(args, fargs...)
	d := db.Store()
	// The window counts every match before the page's own conditions.
	matchArgs := len(args)
	outer := `SELECT id, a, b, total FROM (SELECT id, a, b, COUNT(*) OVER () AS total FROM (` + inner + `) i) m`
	if after != nil {
		outer += ` WHERE a > ? OR (a = ? AND b > ?) OR (a = ? AND b = ? AND ` + d.ByteOrder("id") + ` > ?)`
		args = append(args, after.A, after.A, after.B, after.A, after.B, string(after.ID))
	}
	outer += ` ORDER BY a, b, ` + d.ByteOrder("id") + ` LIMIT ?`
	rows, err := db.SQL.QueryContext(ctx, d.Rebind(outer), append(args, limit)...)
	if err != nil {
		return nil, 0, fmt.Errorf("search courses: %w", err)
	}
	defer rows.Close()
	var out []SearchKey
	total := -1
	for rows.Next() {
		var k SearchKey
		if err := rows.Scan(&k.ID, &k.A, &k.B, &total); err != nil {
			return nil, 0, fmt.Errorf("search courses: %w", err)
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("search courses: %w", err)
	}
	if total < 0 { // an empty page: count apart
		err = db.SQL.QueryRowContext(ctx, d.Rebind(`SELECT COUNT(*) FROM (`+inner+`) m`), args[:matchArgs]...).Scan(&total)
	}
	return out, total, err
}

// searchSelect is the matching published courses with their sort keys
// a and b, before the filter's conditions.
func (db *DB) searchSelect(q SearchQuery, o SearchOrder) (string, []any) {
	d := db.Store()
	keys := map[SearchOrder]string{
		ByPriceAsc:   `c.price * 1.0 AS a, 0.0`,
		ByPriceDesc:  `c.price * -1.0 AS a, 0.0`,
		ByRating:     `-c.rating_average AS a, c.rating_count * -1.0`,
		ByPopularity: `c.purchase_count * -1.0 AS a, 0.0`,
		ByNewest:     `-` + d.epoch(`COALESCE(c.published_at, c.created_at)`) + ` AS a, 0.0`,
	}
	if o == ByRelevance && len(q.Words) == 0 {
		o = ByPopularity
	}
	var args []any
	var from string
	switch {
	case len(q.Words) == 0:
		from = ` FROM courses c WHERE c.status = 'published'`
	case d.postgres():
		exact, near := pgTSQuery(q)
		keys[ByRelevance] = `CASE WHEN s.document @@ to_tsquery('indonesian', ?) THEN -1.0 ELSE 0.0 END AS a,
			-ts_rank('{0.1, 0.2, 0.4, 1.0}', s.document, to_tsquery('indonesian', ?))::float8`
		from = ` FROM course_search s JOIN courses c ON c.id = s.course_id
			WHERE s.document @@ to_tsquery('indonesian', ?) AND c.status = 'published'`
		if o == ByRelevance {
			args = append(args, exact, near)
		}
		args = append(args, near)
	default:
		exact, near := liteMatch(q)
		keys[ByRelevance] = `CASE WHEN r.rowid IN (SELECT rowid FROM course_search_fts WHERE course_search_fts MATCH ?)
			THEN -1.0 ELSE 0.0 END AS a, bm25(course_search_fts, 10.0, 10.0, 4.0, 1.0)`
		from = ` FROM course_search_fts JOIN course_search_rows r ON r.rowid = course_search_fts.rowid
			JOIN courses c ON c.id = r.course_id WHERE course_search_fts MATCH ? AND c.status = 'published'`
		if o == ByRelevance {
			args = append(args, exact)
		}
		args = append(args, near)
	}
	return `SELECT c.id AS id, ` + keys[o] + ` AS b` + from, args
}

// epoch is the timestamp col in seconds since 1970.
func (d Dialect) epoch(col string) string {
	if d.postgres() {
		return `EXTRACT(EPOCH FROM ` + col + `)::float8`
	}
	return `unixepoch(` + col + `)`
}

func (f SearchFilter) where() (string, []any) {
	var b strings.Builder
	var args []any
	in := func(col string, vs []string) {
		if len(vs) == 0 {
			return
		}
		b.WriteString(" AND " + col + " IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(vs)), ", ") + ")")
		args = append(args, anys(vs)...)
	}
	in("c.category", f.Categories)
	in("c.method", f.Methods)
	if len(f.PlatformIDs) > 0 {
		b.WriteString(" AND c.id IN (SELECT course_id FROM course_platforms WHERE digital_platform_id IN (" +
			strings.TrimSuffix(strings.Repeat("?, ", len(f.PlatformIDs)), ", ") + "))")
		args = append(args, anys(f.PlatformIDs)...)
	}
	cmp := func(cond string, v any) {
		b.WriteString(" AND " + cond)
		args = append(args, v)
	}
	if f.MinPrice != nil {
		cmp("c.price >= ?", *f.MinPrice)
	}
	if f.MaxPrice != nil {
		cmp("c.price <= ?", *f.MaxPrice)
	}
	if f.MinRating != nil {
		cmp("c.rating_average >= ?", *f.MinRating)
	}
	return b.String(), args
}

// pgTSQuery writes q as tsqueries of its own words and of its near words.
// Words are letters and digits only (stem.Tokens), so need no quoting.
func pgTSQuery(q SearchQuery) (exact, near string) {
	alts := make([]string, len(q.Near))
	for i, n := range q.Near {
		alts[i] = "(" + strings.Join(n, " | ") + ")"
	}
	return strings.Join(q.Words, " & "), strings.Join(alts, " & ")
}

// liteMatch writes q as FTS5 MATCH expressions over the stems.
func liteMatch(q SearchQuery) (exact, near string) {
	quote := func(w string) string { return `"` + stem.Word(w) + `"` }
	ex := make([]string, len(q.Words))
	for i, w := range q.Words {
		ex[i] = quote(w)
	}
	alts := make([]string, len(q.Near))
	for i, n := range q.Near {
		qs := make([]string, len(n))
		for j, w := range n {
			qs[j] = quote(w)
		}
		alts[i] = "(" + strings.Join(qs, " OR ") + ")"
	}
	return strings.Join(ex, " AND "), strings.Join(alts, " AND ")
}

// NearWords returns up to limit vocabulary words that share trigrams with
// word, best first by the store's ordering (PostgreSQL: similarity; SQLite:
// the trigram match rank). The caller scores them itself.
func (db *DB) NearWords(ctx context.Context, word string, limit int) ([]string, error) {
	var q string
	var args []any
	if db.Store().postgres() {
		q = `SELECT word FROM course_search_words WHERE word % $1 ORDER BY similarity(word, $1) DESC, word LIMIT $2`
		args = []any{word, limit}
	} else {
		grams := trigrams(word)
		if len(grams) == 0 {
			return nil, nil
		}
		q = `SELECT word FROM course_search_trigrams WHERE course_search_trigrams MATCH ? ORDER BY rank LIMIT ?`
		args = []any{strings.Join(grams, " OR "), limit}
	}
	rows, err := db.SQL.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("near words: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, fmt.Errorf("near words: %w", err)
		}
		out = append(out, strings.TrimSpace(w))
	}
	return out, rows.Err()
}

// trigrams are the quoted three-letter pieces of word, padded as the
// vocabulary is, for an FTS5 trigram MATCH.
func trigrams(word string) []string {
	r := []rune("  " + word + " ")
	var out []string
	for i := 0; i+3 <= len(r); i++ {
		out = append(out, `"`+string(r[i:i+3])+`"`)
	}
	return out
}
