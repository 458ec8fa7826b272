// Command search measures catalogue search (searchCourses) over the seeded
// catalogue (~2,000 courses) under concurrent load, on SQLite or
// PostgreSQL. It seeds an empty store (or reuses one) and runs a fixed mix
// of queries (misspelt, affixed, multiword, tags, filters, every sort, no
// query, second pages) from concurrent clients for a fixed duration: once
// against the search service in process, once through the whole stack
// (HTTP, GraphQL, privacy) on loopback, anonymously.
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
	s := search.New(db)
	after, err := secondPages(ctx, s)
	if err != nil {
		return err
	}
	fmt.Printf("store=%s concurrency=%d\n", db.Dialect, conc)
	res := loadtest.Run(conc, 1<<30, d, func(i int) bool {
		req := request(i, after)
		_, err := s.Search(ctx, req)
		return err == nil
	})
	fmt.Println("service:   ", res)
	srv, err := loadtest.Start(db)
	if err != nil {
		return err
	}
	defer srv.Stop()
	res = loadtest.Run(conc, 1<<30, d, func(i int) bool {
		req := request(i, after)
		vars := map[string]any{"q": req.Query, "sort": string(req.Sort)}
		if len(req.Filter.Categories) > 0 {
			vars["f"] = map[string]any{"categories": req.Filter.Categories}
		}
		if req.After != nil {
			var c bytes.Buffer
			req.After.MarshalGQL(&c)
			vars["after"] = string(bytes.Trim(c.Bytes(), `"`))
		}
		b, err := loadtest.Post(srv.URL, "", gql, vars)
		return err == nil && bytes.Contains(b, []byte(`"totalCount"`)) && !bytes.Contains(b, []byte(`"errors"`))
	})
	fmt.Println("graphql:   ", res)
	return nil
}

// secondPages finds each mix entry's first-page end cursor, so every
// other request of an entry asks for its second page.
func secondPages(ctx context.Context, s *search.Service) ([]*search.Cursor, error) {
	out := make([]*search.Cursor, len(mix))
	for i := range mix {
		p, err := s.Search(ctx, request(i, nil))
		if err != nil {
			return nil, fmt.Errorf("warm up %q: %w", mix[i].query, err)
		}
		if p.HasNext {
			out[i] = &p.Edges[len(p.Edges)-1].Cursor
		}
	}
	return out, nil
}

func request(i int, after []*search.Cursor) search.Request {
	m := mix[i%len(mix)]
	req := search.Request{Query: m.query, Sort: m.sort, Filter: database.SearchFilter{Categories: m.cats}}
	if after != nil && (i/len(mix))%2 == 1 {
		req.After = after[i%len(mix)]
	}
	return req
}
