package survey

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"

	"entgo.io/ent/dialect"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// tally is what the database counted over one survey's answers, by
// question id.
type tally struct {
	answered map[string]int
	means    map[string]*float64
	options  map[string]map[string]int // question id -> option value -> count
}

// The aggregate queries, per dialect. Each answer is one element of the
// JSON array in survey_responses.answers; the database unnests and groups
// them, so the work is one pass over the survey's rows (by the survey_id
// index) and only the grouped counts travel.
const (
	sqliteStats = `SELECT json_extract(a.value, '$.questionId'), COUNT(*), AVG(json_extract(a.value, '$.number'))
FROM survey_responses AS r, json_each(r.answers) AS a
WHERE r.survey_id = ?
GROUP BY 1`
	sqliteOptions = `SELECT json_extract(a.value, '$.questionId'), c.value, COUNT(*)
FROM survey_responses AS r, json_each(r.answers) AS a, json_each(a.value, '$.choices') AS c
WHERE r.survey_id = ?
GROUP BY 1, 2`
	postgresStats = `SELECT a->>'questionId', COUNT(*), AVG((a->>'number')::float8)
FROM survey_responses AS r CROSS JOIN LATERAL jsonb_array_elements(r.answers) AS a
WHERE r.survey_id = $1
GROUP BY 1`
	postgresOptions = `SELECT a->>'questionId', c, COUNT(*)
FROM survey_responses AS r CROSS JOIN LATERAL jsonb_array_elements(r.answers) AS a
CROSS JOIN LATERAL jsonb_array_elements_text(
  CASE WHEN jsonb_typeof(a->'choices') = 'array' THEN a->'choices' ELSE '[]'::jsonb END) AS c
WHERE r.survey_id = $1
GROUP BY 1, 2`
)

// tally runs the aggregate queries for one survey.
func (s *Service) tally(ctx context.Context, surveyID pulid.ID) (*tally, error) {
	stats, options := sqliteStats, sqliteOptions
	if s.dialect == dialect.Postgres {
		stats, options = postgresStats, postgresOptions
	}
	t := &tally{answered: map[string]int{}, means: map[string]*float64{}, options: map[string]map[string]int{}}
	err := s.each(ctx, stats, string(surveyID), func(rows *sql.Rows) error {
		var q string
		var n int
		var mean sql.NullFloat64
		if err := rows.Scan(&q, &n, &mean); err != nil {
			return err
		}
		t.answered[q] = n
		if mean.Valid {
			t.means[q] = &mean.Float64
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("answers per question: %w", err)
	}
	err = s.each(ctx, options, string(surveyID), func(rows *sql.Rows) error {
		var q, v string
		var n int
		if err := rows.Scan(&q, &v, &n); err != nil {
			return err
		}
		if t.options[q] == nil {
			t.options[q] = map[string]int{}
		}
		t.options[q][v] = n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("answers per option: %w", err)
	}
	return t, nil
}

// each runs query with one argument and calls scan for every row.
func (s *Service) each(ctx context.Context, query string, arg any, scan func(*sql.Rows) error) error {
	rows, err := s.client.QueryContext(ctx, query, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
