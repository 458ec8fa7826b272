package survey

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
)

// tally is what the database counted over one survey's answers, by
// question id.
type tally struct {
	answered map[string]int
	means    map[string]*float64
	options  map[string]map[string]int // question id -> option value -> count
}

// The aggregate queries, stated once in the store's JSON functions. Each
// answer is one element of the JSON array in survey_responses.answers; the
// database unnests and groups them, so the work is one pass over the
// survey's rows (by the survey_id index) and only the grouped counts travel.

// statsQuery counts each question's answers and averages their numbers.
func statsQuery(d database.Dialect) string {
	return d.Rebind(`SELECT ` + d.JSONText("a.value", "questionId") + `, COUNT(*), AVG(` + d.JSONNumber("a.value", "number") + `)
FROM survey_responses AS r, ` + d.JSONElements("r.answers", "") + ` AS a
WHERE r.survey_id = ?
GROUP BY 1`)
}

// optionsQuery counts each question's chosen options.
func optionsQuery(d database.Dialect) string {
	return d.Rebind(`SELECT ` + d.JSONText("a.value", "questionId") + `, c.value, COUNT(*)
FROM survey_responses AS r, ` + d.JSONElements("r.answers", "") + ` AS a, ` + d.JSONTextElements("a.value", "choices") + ` AS c
WHERE r.survey_id = ?
GROUP BY 1, 2`)
}

// tally runs the aggregate queries for one survey.
func (s *Service) tally(ctx context.Context, surveyID pulid.ID) (*tally, error) {
	stats, options := statsQuery(s.dialect), optionsQuery(s.dialect)
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
