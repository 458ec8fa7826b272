// Package search owns catalogue search: searchCourses over the published
// courses, ranked full-text search in Indonesian with stemming (stem) and
// typo tolerance, filters, sorts and Relay pages. The search documents and
// their per-store SQL live in internal/database (search.go); this package
// parses the query, picks near words for misspelt ones, orders and pages.
package search

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/golang-lru/v2/expirable"

	"entgo.io/contrib/entgql"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/msg"
)

// Page sizes and query limits.
const (
	DefaultFirst = 20
	MaxFirst     = 50
	MaxQueryLen  = 200
	maxWords     = 8
)

// Sort is how results are ordered; the names are the GraphQL CourseSort's.
type Sort string

// The sorts.
const (
	Relevance  Sort = "RELEVANCE"
	PriceAsc   Sort = "PRICE_ASC"
	PriceDesc  Sort = "PRICE_DESC"
	Rating     Sort = "RATING"
	Popularity Sort = "POPULARITY"
	Newest     Sort = "NEWEST"
)

// Cursor is a page cursor (ent's, as the GraphQL Cursor scalar reads it).
type Cursor = entgql.Cursor[pulid.ID]

// Request is one searchCourses call.
type Request struct {
	Query  string
	Filter database.SearchFilter
	Sort   Sort
	First  *int
	After  *Cursor
}

// Edge is one result with its cursor.
type Edge struct {
	Course *ent.Course
	Cursor Cursor
}

// Page is one page of results; Total counts every match.
type Page struct {
	Edges                []Edge
	HasNext, HasPrevious bool
	Total                int
}

// Service answers searches over one store.
type Service struct {
	db    *database.DB
	near  *expirable.LRU[string, []string] // a query word's near words, for nearTTL
	pages *expirable.LRU[string, *Page]    // answered requests, while no course changed, for pageTTL
}

// pageTTL bounds how long an answered request is reused when no Course
// write of this process moved database.SearchGeneration (writes of other
// instances, raw SQL counters).
const pageTTL = 5 * time.Second

// nearTTL bounds how long a word's near words are reused: a word new in
// the vocabulary is offered as a correction within it.
const nearTTL = 30 * time.Second

// New returns the search service of db.
func New(db *database.DB) *Service {
	return &Service{db: db, near: expirable.NewLRU[string, []string](4096, nil, nearTTL),
		pages: expirable.NewLRU[string, *Page](4096, nil, pageTTL)}
}

// Search returns the page of published courses req asks for. The same
// request is answered from memory while no course changed (the catalogue
// is read far more than written); the Page is shared: read it only.
func (s *Service) Search(ctx context.Context, req Request) (*Page, error) {
	gen := s.db.SearchGeneration()
	key, err := cacheKey(req, gen)
	if err != nil {
		return nil, err
	}
	if p, ok := s.pages.Get(key); ok {
		return p, nil
	}
	p, err := s.search(ctx, req)
	if err == nil && s.db.SearchGeneration() == gen {
		s.pages.Add(key, p)
	}
	return p, err
}

// cacheKey names a request under a generation of the catalogue.
func cacheKey(req Request, gen int64) (string, error) {
	b, err := json.Marshal(struct {
		R   Request
		Gen int64
	}{req, gen})
	if err != nil {
		return "", fmt.Errorf("search: cache key: %w", err)
	}
	return string(b), nil
}

func (s *Service) search(ctx context.Context, req Request) (*Page, error) {
	first, err := checkRequest(req)
	if err != nil {
		return nil, err
	}
	sort := cmp.Or(req.Sort, Relevance)
	if _, ok := orders[sort]; !ok {
		return nil, apperr.Invalid("sort", msg.ValueInvalid)
	}
	q, err := s.parse(ctx, req.Query)
	if err != nil {
		return nil, err
	}
	var after *database.SearchKey
	if req.After != nil {
		k, err := decodeCursor(*req.After, sort)
		if err != nil {
			return nil, err
		}
		after = &k
	}
	keys, total, err := s.db.SearchCourses(ctx, q, req.Filter, orders[sort], after, first+1)
	if err != nil {
		return nil, err
	}
	page := &Page{Total: total, HasNext: len(keys) > first, HasPrevious: after != nil}
	if err := s.load(ctx, page, keys[:min(first, len(keys))], sort); err != nil {
		return nil, err
	}
	return page, nil
}

// orders are the store's orders of the sorts.
var orders = map[Sort]database.SearchOrder{
	Relevance: database.ByRelevance, PriceAsc: database.ByPriceAsc, PriceDesc: database.ByPriceDesc,
	Rating: database.ByRating, Popularity: database.ByPopularity, Newest: database.ByNewest,
}

func checkRequest(req Request) (int, error) {
	first := DefaultFirst
	if req.First != nil {
		first = *req.First
	}
	if first < 0 || first > MaxFirst {
		return 0, apperr.Invalid("first", msg.PageSize, "first", MaxFirst)
	}
	if utf8.RuneCountInString(req.Query) > MaxQueryLen {
		return 0, apperr.Invalid("query", msg.SearchQueryLong, MaxQueryLen)
	}
	f := req.Filter
	if f.MinRating != nil && (*f.MinRating < 1 || *f.MinRating > 5) {
		return 0, apperr.Invalid("minRating", msg.SearchRatingRange)
	}
	for field, p := range map[string]*int64{"minPrice": f.MinPrice, "maxPrice": f.MaxPrice} {
		if p != nil && *p < 0 {
			return 0, apperr.Invalid(field, msg.SearchPriceRange)
		}
	}
	if f.MinPrice != nil && f.MaxPrice != nil && *f.MinPrice > *f.MaxPrice {
		return 0, apperr.Invalid("minPrice", msg.SearchPriceRange)
	}
	return first, nil
}

// load reads the page's courses and their cursors, in the page's order.
func (s *Service) load(ctx context.Context, page *Page, keys []database.SearchKey, sort Sort) error {
	if len(keys) == 0 {
		return nil
	}
	ids := make([]pulid.ID, len(keys))
	for i, k := range keys {
		ids[i] = k.ID
	}
	courses, err := s.db.Client.Course.Query().Where(course.IDIn(ids...)).All(ctx)
	if err != nil {
		return fmt.Errorf("search: load courses: %w", err)
	}
	byID := make(map[pulid.ID]*ent.Course, len(courses))
	for _, c := range courses {
		byID[c.ID] = c
	}
	for _, k := range keys {
		if c := byID[k.ID]; c != nil {
			page.Edges = append(page.Edges, Edge{Course: c, Cursor: cursorOf(k, sort)})
		}
	}
	return nil
}

func cursorOf(k database.SearchKey, sort Sort) Cursor {
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	return Cursor{ID: k.ID, Value: []any{string(sort), f(k.A), f(k.B)}}
}

func decodeCursor(c Cursor, sort Sort) (database.SearchKey, error) {
	v, ok := c.Value.([]any)
	if !ok || len(v) != 3 {
		return database.SearchKey{}, apperr.Invalid("after", msg.CursorInvalid)
	}
	s, _ := v[0].(string)
	as, _ := v[1].(string)
	bs, _ := v[2].(string)
	a, errA := strconv.ParseFloat(as, 64)
	b, errB := strconv.ParseFloat(bs, 64)
	if errA != nil || errB != nil || c.ID == "" {
		return database.SearchKey{}, apperr.Invalid("after", msg.CursorInvalid)
	}
	if Sort(s) != sort {
		return database.SearchKey{}, apperr.Invalid("after", msg.CursorMismatch)
	}
	return database.SearchKey{A: a, B: b, ID: c.ID}, nil
}
