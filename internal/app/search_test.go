package app_test

import (
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/gqltest"
)

const searchQuery = `query($q: String, $first: Int, $after: Cursor, $sort: CourseSort, $f: CourseSearchFilter) {
  searchCourses(query: $q, first: $first, after: $after, sort: $sort, filter: $f) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id title price tags outline instructor status } }
  }
}`

type searchPage struct {
	SearchCourses struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage bool
			EndCursor   string
		}
		Edges []struct {
			Cursor string
			Node   struct {
				ID, Title, Instructor, Status string
				Price                         any
				Tags, Outline                 []string
			}
		}
	}
}

// TestSearchCoursesThroughGraphQL: anyone searches the catalogue with a
// misspelt word and pages on; bad arguments are typed errors in the
// reader's language.
func TestSearchCoursesThroughGraphQL(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := seededStack(t, db)
		anon := gqltest.Client{URL: s.URL, Language: "en"}
		var p searchPage
		anon.Do(t, searchQuery, map[string]any{"q": "pemasran digital", "first": 3}).MustData(t, &p)
		if p.SearchCourses.TotalCount < 3 || len(p.SearchCourses.Edges) != 3 || !p.SearchCourses.PageInfo.HasNextPage {
			t.Fatalf("pemasran digital: %+v", p.SearchCourses)
		}
		for _, e := range p.SearchCourses.Edges {
			if !strings.Contains(e.Node.Title, "Pemasaran Digital") || e.Node.Status != "published" ||
				len(e.Node.Outline) < 4 || e.Node.Instructor == "" || len(e.Node.Tags) == 0 {
				t.Errorf("result %+v", e.Node)
			}
		}
		var next searchPage
		anon.Do(t, searchQuery, map[string]any{"q": "pemasran digital", "first": 3,
			"after": p.SearchCourses.PageInfo.EndCursor}).MustData(t, &next)
		if len(next.SearchCourses.Edges) == 0 || next.SearchCourses.Edges[0].Node.ID == p.SearchCourses.Edges[2].Node.ID {
			t.Errorf("second page %+v", next.SearchCourses.Edges)
		}
		for _, c := range []struct {
			name, field string
			vars        map[string]any
		}{
			{"first 51", "first", map[string]any{"first": 51}},
			{"cursor of another sort", "after", map[string]any{"q": "pemasran digital", "sort": "PRICE_ASC",
				"after": p.SearchCourses.PageInfo.EndCursor}},
			{"rating 7", "minRating", map[string]any{"f": map[string]any{"minRating": 7}}},
		} {
			e := errorOf(t, anon.Do(t, searchQuery, c.vars), c.name)
			fields, _ := e.Extensions["fields"].(map[string]any)
			if e.Code() != "BAD_USER_INPUT" || fields[c.field] == nil {
				t.Errorf("%s: %+v, want BAD_USER_INPUT on %s", c.name, e, c.field)
			}
		}
		if e := errorOf(t, anon.Do(t, searchQuery, map[string]any{"after": "not-a-cursor"}), "garbage cursor"); e.Code() != "BAD_USER_INPUT" {
			t.Errorf("garbage cursor: %+v", e)
		}
	})
}
