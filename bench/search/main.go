// Command search measures catalogue search (searchCourses) over the seeded
// catalogue (~2,000 courses) under concurrent load, on SQLite or
// PostgreSQL. It seeds an empty store (or reuses one) and runs a fixed mix
// of queries (misspelt, affixed, multiword, tags, filters, every sort, no
// query, second pages) from concurrent clients for a fixed duration: once
// against the search service in process, once through the whole stack
// (HTTP, GraphQL, privacy) on loopback, anonymously; each twice: with
// every request distinct (the search runs every time) and with the mix
// repeated (answered from the service's memory while no course changes).
//
//	go run ./bench/search -duration 15s
//	go run ./bench/search -database-url postgres://postgres@127.0.0.1:5432/search_bench
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"log"
	"time"

	"github.com/kartuprakerja/platform/bench/internal/loadtest"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/search"
)

const gql = `query($q: String, $sort: CourseSort, $f: CourseSearchFilter, $after: Cursor) {
  searchCourses(query: $q, sort: $sort, filter: $f, first: 20, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title price ratingAverage } }
  }
}`

// mix is the requests the clients cycle through.
var mix = []struct {
	query string
	sort  search.Sort
	cats  []string
}{
	{"pemasaran digital", search.Relevance, nil},
	{"pemasran", search.Relevance, nil},
	{"memasarkan", search.Relevance, nil},
	{"bahasa korea", search.Relevance, nil},
	{"hidroponk", search.Relevance, nil},
	{"excel", search.PriceAsc, nil},
	{"", search.Relevance, nil},
	{"", search.Rating, []string{"agriculture"}},
	{"", search.Newest, nil},
	{"pelatihan menjahit", search.Popularity, nil},
	{"budidaya", search.PriceDesc, []string{"agriculture"}},
	{"digital marketing", search.Relevance, nil},
}

func main() {
	dbURL := flag.String("database-url", "", "store; default a new SQLite file in a temp dir")
	conc := flag.Int("concurrency", 32, "concurrent clients")
	d := flag.Duration("duration", 15*time.Second, "how long to load each phase")
	flag.Parse()
	if err := run(context.Background(), *dbURL, *conc, *d); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, dbURL string, conc int, d time.Duration) error {
	db, closeDB, err := loadtest.Open(ctx, dbURL, 0)
	if err != nil {
		return err
	}
	defer closeDB()
	// Planner statistics, as PostgreSQL's autovacuum gathers them soon
	// after a load; a freshly seeded store has none and plans the full-text
	// join badly (15 ms instead of 5 ms for "pemasaran digital").
	if _, err := db.SQL.ExecContext(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	s := search.New(db)
	after, err := secondPages(ctx, s)
	if err != nil {
		return err
	}
	fmt.Printf("store=%s concurrency=%d\n", db.Dialect, conc)
	srv, err := loadtest.Start(db)
	if err != nil {
		return err
	}
	defer srv.Stop()
	for _, distinct := range []bool{true, false} {
		name := map[bool]string{true: "distinct", false: "repeated"}[distinct]
		res := loadtest.Run(conc, 1<<30, d, func(i int) bool {
			_, err := s.Search(ctx, request(i, after, distinct))
			return err == nil
		})
		fmt.Printf("service %s: %s\n", name, res)
		fmt.Printf("graphql %s: %s\n", name, graphqlLoad(srv.URL, conc, d, after, distinct))
	}
	return nil
}

// graphqlLoad runs the mix anonymously through the whole stack.
func graphqlLoad(url string, conc int, d time.Duration, after []*search.Cursor, distinct bool) loadtest.Result {
	return loadtest.Run(conc, 1<<30, d, func(i int) bool {
		req := request(i, after, distinct)
		vars := map[string]any{"q": req.Query, "sort": string(req.Sort)}
		f := map[string]any{}
		if len(req.Filter.Categories) > 0 {
			f["categories"] = req.Filter.Categories
		}
		if req.Filter.MaxPrice != nil {
			f["maxPrice"] = *req.Filter.MaxPrice
		}
		vars["f"] = f
		if req.After != nil {
			var c bytes.Buffer
			req.After.MarshalGQL(&c)
			vars["after"] = string(bytes.Trim(c.Bytes(), `"`))
		}
		b, err := loadtest.Post(url, "", gql, vars)
		return err == nil && bytes.Contains(b, []byte(`"totalCount"`)) && !bytes.Contains(b, []byte(`"errors"`))
	})
}

// secondPages finds each mix entry's first-page end cursor, so every
// other request of an entry asks for its second page.
func secondPages(ctx context.Context, s *search.Service) ([]*search.Cursor, error) {
	out := make([]*search.Cursor, len(mix))
	for i := range mix {
		p, err := s.Search(ctx, request(i, nil, false))
		if err != nil {
			return nil, fmt.Errorf("warm up %q: %w", mix[i].query, err)
		}
		if p.HasNext {
			out[i] = &p.Edges[len(p.Edges)-1].Cursor
		}
	}
	return out, nil
}

// request is the i-th request of the mix. distinct makes every request
// differ from all others (a maximum price above every course's), so none
// is answered from the service's memory of answered requests.
func request(i int, after []*search.Cursor, distinct bool) search.Request {
	m := mix[i%len(mix)]
	req := search.Request{Query: m.query, Sort: m.sort, Filter: database.SearchFilter{Categories: m.cats}}
	if distinct {
		p := int64(10_000_000 + i)
		req.Filter.MaxPrice = &p
	}
	if after != nil && (i/len(mix))%2 == 1 {
		req.After = after[i%len(mix)]
	}
	return req
}
