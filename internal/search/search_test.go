package search_test

import (
	"cmp"
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/digitalplatform"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/search"
	"github.com/kartuprakerja/platform/internal/search/stem"
	"github.com/kartuprakerja/platform/internal/seed"
)

// seeded returns a store of each kind holding the seeded catalogue.
func seeded(t *testing.T, fn func(t *testing.T, db *database.DB, s *search.Service)) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		if _, err := seed.Run(context.Background(), db.Client, seed.Options{Seed: 1,
			Now: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatalf("seed: %v", err)
		}
		fn(t, db, search.New(db))
	})
}

func titles(p *search.Page) []string {
	var out []string
	for _, e := range p.Edges {
		out = append(out, e.Course.Title)
	}
	return out
}

func run(t *testing.T, s *search.Service, req search.Request) *search.Page {
	t.Helper()
	p, err := s.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("search %+v: %v", req, err)
	}
	return p
}

// TestSearchQuality is the fixed table of queries with the results each
// must put first, over the seeded catalogue, on both stores.
func TestSearchQuality(t *testing.T) {
	cases := []struct {
		query string
		top   int    // how many first results must match
		want  string // each of them has this in its title or tags (lower case)
		total [2]int // bounds on totalCount
	}{
		{"pemasaran digital", 10, "pemasaran digital", [2]int{10, 12}},
		{"pemasran", 10, "pemasaran", [2]int{10, 2000}},               // misspelt
		{"pemasran digital", 10, "pemasaran digital", [2]int{10, 12}}, // misspelt, multiword
		{"memasarkan", 10, "pemasaran", [2]int{10, 2000}},             // other affix
		{"dipasarkan digital", 5, "pemasaran digital", [2]int{5, 12}}, // other affix, multiword
		{"hidroponik", 5, "hidroponik", [2]int{5, 100}},               // tag
		{"hidroponk", 5, "hidroponik", [2]int{5, 100}},                // misspelt tag
		{"bahasa korea", 5, "bahasa korea", [2]int{5, 60}},            // multiword tag
		{"korea", 5, "korea", [2]int{5, 60}},
		{"bahas koreya", 5, "bahasa korea", [2]int{5, 60}},           // two typos
		{"digital marketing", 5, "pemasaran digital", [2]int{5, 12}}, // English loanword tag
		{"excel", 5, "excel", [2]int{5, 60}},                         // loanword in titles
		{"exel", 5, "excel", [2]int{5, 60}},                          // misspelt loanword
		{"barista", 5, "barista", [2]int{5, 60}},
		{"budidaya lele", 5, "lele", [2]int{5, 60}},
		{"ikan lele", 5, "lele", [2]int{5, 60}},
		{"pelatihan menjahit", 5, "menjahit", [2]int{5, 60}}, // affixed words of both
		{"penjahit", 5, "menjahit", [2]int{5, 60}},           // pe(N)- form of the same stem
		{"wawancara kerja", 5, "wawancara kerja", [2]int{5, 60}},
		{"python", 5, "python", [2]int{5, 60}},
		{"PYTHON!!", 5, "python", [2]int{5, 60}}, // case and punctuation
	}
	seeded(t, func(t *testing.T, db *database.DB, s *search.Service) {
		for _, c := range cases {
			p := run(t, s, search.Request{Query: c.query, First: new(int(c.top))})
			if p.Total < c.total[0] || p.Total > c.total[1] {
				t.Errorf("%q: %d results, want %d-%d", c.query, p.Total, c.total[0], c.total[1])
			}
			if len(p.Edges) < c.top {
				t.Errorf("%q: %d results on the page, want %d", c.query, len(p.Edges), c.top)
			}
			for i, e := range p.Edges {
				if text := strings.ToLower(e.Course.Title + " | " + strings.Join(e.Course.Tags, " | ")); !strings.Contains(text, c.want) {
					t.Errorf("%q: result %d is %q (tags %v), want %q", c.query, i+1, e.Course.Title, e.Course.Tags, c.want)
				}
			}
		}
	})
}

// TestRealWordNotWidened: a word of the titles and tags is taken as
// spelt: "budidaya lele" finds catfish courses only, not the near words
// of "lele" (a typo-tolerant widening would flood it).
func TestRealWordNotWidened(t *testing.T) {
	seeded(t, func(t *testing.T, db *database.DB, s *search.Service) {
		p := run(t, s, search.Request{Query: "lele", First: new(50)})
		if p.Total == 0 {
			t.Fatal("lele finds nothing")
		}
		for _, e := range p.Edges {
			if !strings.Contains(strings.ToLower(e.Course.Title+" "+strings.Join(e.Course.Tags, " ")), "lele") {
				t.Errorf("lele found %q", e.Course.Title)
			}
		}
	})
}

// published lists the published courses the way the sorts read them.
func published(t *testing.T, db *database.DB) []*ent.Course {
	cs, err := db.Client.Course.Query().Where(course.StatusEQ(course.StatusPublished)).
		WithPlatforms().All(rule.System(context.Background(), "test"))
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// TestFiltersSortsPages: for each sort and filter, the pages concatenated
// are the whole list in the sort's order, with no duplicate, the same as
// ordering the published courses in Go.
func TestFiltersSortsPages(t *testing.T) {
	seeded(t, func(t *testing.T, db *database.DB, s *search.Service) {
		ctx := rule.System(context.Background(), "test")
		tokopedia, err := db.Client.DigitalPlatform.Query().Where(digitalplatform.Code("SISNAKER")).Only(ctx)
		if err != nil {
			t.Fatal(err)
		}
		courses := published(t, db)
		rating := 4.5
		lo, hi := int64(200_000), int64(300_000)
		filters := []struct {
			name string
			f    databaseFilter
			keep func(c *ent.Course) bool
		}{
			{"agriculture webinar", databaseFilter{Categories: []string{"agriculture"}, Methods: []string{"webinar", "hybrid"}},
				func(c *ent.Course) bool {
					return c.Category == course.CategoryAgriculture && c.Method != course.MethodLms
				}},
			{"sisnaker", databaseFilter{PlatformIDs: []string{string(tokopedia.ID)}}, func(c *ent.Course) bool {
				return slices.ContainsFunc(c.Edges.Platforms, func(p *ent.DigitalPlatform) bool { return p.ID == tokopedia.ID })
			}},
			{"price and rating", databaseFilter{MinPrice: &lo, MaxPrice: &hi, MinRating: &rating}, func(c *ent.Course) bool {
				return int64(c.Price) >= lo && int64(c.Price) <= hi && c.RatingAverage >= rating
			}},
		}
		sorts := map[search.Sort]func(a, b *ent.Course) int{
			search.PriceAsc:  func(a, b *ent.Course) int { return cmp.Compare(a.Price, b.Price) },
			search.PriceDesc: func(a, b *ent.Course) int { return cmp.Compare(b.Price, a.Price) },
			search.Rating: func(a, b *ent.Course) int {
				return cmp.Or(cmp.Compare(b.RatingAverage, a.RatingAverage), cmp.Compare(b.RatingCount, a.RatingCount))
			},
			search.Popularity: func(a, b *ent.Course) int { return cmp.Compare(b.PurchaseCount, a.PurchaseCount) },
			search.Relevance:  func(a, b *ent.Course) int { return cmp.Compare(b.PurchaseCount, a.PurchaseCount) },
			search.Newest:     func(a, b *ent.Course) int { return b.PublishedAt.Compare(*a.PublishedAt) },
		}
		for _, f := range filters {
			for sort, order := range sorts {
				var want []string
				expected := slices.Clone(courses)
				expected = slices.DeleteFunc(expected, func(c *ent.Course) bool { return !f.keep(c) })
				slices.SortFunc(expected, func(a, b *ent.Course) int { return cmp.Or(order(a, b), cmp.Compare(a.ID, b.ID)) })
				for _, c := range expected {
					want = append(want, string(c.ID))
				}
				got := pages(t, s, search.Request{Filter: f.f, Sort: sort, First: new(7)})
				if !slices.Equal(got, want) {
					t.Errorf("%s, %s: pages give %d courses, want %d in order\n got %v\nwant %v", f.name, sort, len(got), len(want), head(got), head(want))
				}
			}
		}
		// With a query, every sort pages through the same set.
		whole := pages(t, s, search.Request{Query: "bahasa", First: new(50)})
		for sort := range sorts {
			got := pages(t, s, search.Request{Query: "bahasa", Sort: sort, First: new(9)})
			if len(got) != len(whole) {
				t.Errorf("bahasa, %s: %d courses, want %d", sort, len(got), len(whole))
			}
		}
	})
}

type databaseFilter = database.SearchFilter

func head(s []string) []string { return s[:min(len(s), 5)] }

// pages follows the cursors to the end and checks there is no duplicate.
func pages(t *testing.T, s *search.Service, req search.Request) []string {
	t.Helper()
	var out []string
	seen := map[string]bool{}
	for range 1000 {
		p := run(t, s, req)
		for _, e := range p.Edges {
			if seen[string(e.Course.ID)] {
				t.Fatalf("%+v: %s twice", req, e.Course.ID)
			}
			seen[string(e.Course.ID)] = true
			out = append(out, string(e.Course.ID))
		}
		if len(out) > p.Total {
			t.Fatalf("more courses than totalCount %d", p.Total)
		}
		if !p.HasNext {
			if len(out) != p.Total {
				t.Errorf("%+v: %d courses over the pages, totalCount %d", req, len(out), p.Total)
			}
			return out
		}
		req.After = &p.Edges[len(p.Edges)-1].Cursor
	}
	t.Fatal("no last page")
	return nil
}

func TestBadInput(t *testing.T) {
	seeded(t, func(t *testing.T, db *database.DB, s *search.Service) {
		p := run(t, s, search.Request{Query: "excel", First: new(2)})
		cur := p.Edges[1].Cursor
		bad := cur
		bad.Value = []any{"PRICE_ASC", "x", "1"}
		short := cur
		short.Value = "x"
		rating, low, neg := 6.0, int64(500_000), int64(-1)
		high := int64(100_000)
		cases := []struct {
			name  string
			req   search.Request
			field string
		}{
			{"first over 50", search.Request{First: new(51)}, "first"},
			{"first below 0", search.Request{First: new(-1)}, "first"},
			{"cursor of another sort", search.Request{Query: "excel", Sort: search.PriceAsc, After: &cur}, "after"},
			{"cursor not a number", search.Request{Sort: search.PriceAsc, After: &bad}, "after"},
			{"cursor not a list", search.Request{After: &short}, "after"},
			{"rating above 5", search.Request{Filter: databaseFilter{MinRating: &rating}}, "minRating"},
			{"negative price", search.Request{Filter: databaseFilter{MinPrice: &neg}}, "minPrice"},
			{"min above max", search.Request{Filter: databaseFilter{MinPrice: &low, MaxPrice: &high}}, "minPrice"},
			{"query too long", search.Request{Query: strings.Repeat("a", 201)}, "query"},
		}
		for _, c := range cases {
			_, err := s.Search(context.Background(), c.req)
			var ae *apperr.Error
			if !errors.As(err, &ae) || ae.Code != apperr.BadUserInput || ae.Fields[c.field].In("id") == "" {
				t.Errorf("%s: %v, want BAD_USER_INPUT on %s", c.name, err, c.field)
			}
		}
		// Only spaces and punctuation: no query, every published course.
		all := run(t, s, search.Request{Query: " ,.;!? ", First: new(0)})
		if all.Total != len(published(t, db)) {
			t.Errorf("punctuation query: %d courses, want all %d", all.Total, len(published(t, db)))
		}
		if p := run(t, s, search.Request{First: new(50)}); len(p.Edges) != 50 {
			t.Errorf("first 50: %d", len(p.Edges))
		}
		if p := run(t, s, search.Request{}); len(p.Edges) != search.DefaultFirst {
			t.Errorf("default page: %d", len(p.Edges))
		}
	})
}

// TestIndexFollowsCourseWrites: the search documents follow creates,
// changes of the searched fields and status changes, in the writer's
// transaction.
func TestIndexFollowsCourseWrites(t *testing.T) {
	seeded(t, func(t *testing.T, db *database.DB, s *search.Service) {
		ctx := rule.System(context.Background(), "test")
		inst := db.Client.TrainingInstitution.Query().FirstX(ctx)
		found := func(q string) int { return run(t, s, search.Request{Query: q}).Total }
		c, err := db.Client.Course.Create().SetTitle("Budidaya Anggrek Bulan").SetDescription("Merawat anggrek di pekarangan.").
			SetCategory(course.CategoryAgriculture).SetMethod(course.MethodLms).SetPrice(150_000).SetDurationHours(4).
			SetTrainingInstitutionID(inst.ID).SetStatus(course.StatusProposed).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n := found("anggrek"); n != 0 {
			t.Errorf("a proposed course is found (%d)", n)
		}
		c = c.Update().SetStatus(course.StatusPublished).SaveX(ctx)
		if n := found("anggrek"); n != 1 {
			t.Errorf("published course: found %d times, want 1", n)
		}
		if n := found("anggrk"); n != 1 {
			t.Errorf("misspelt new word: found %d times, want 1", n)
		}
		c.Update().SetTitle("Budidaya Kaktus Hias").AppendTags([]string{"tanaman hias"}).ExecX(ctx)
		if n := found("anggrek bulan"); n != 0 {
			t.Errorf("old title still found (%d)", n)
		}
		if n := found("kaktus"); n != 1 {
			t.Errorf("new title: found %d times, want 1", n)
		}
		if n := found("hias"); n < 1 {
			t.Errorf("appended tag not found")
		}
		err = database.WithTx(ctx, db.Client, func(tx *ent.Tx) error {
			tx.Course.UpdateOneID(c.ID).SetTitle("Budidaya Bonsai").ExecX(ctx)
			return errors.New("roll back")
		})
		if err == nil || found("bonsai") != 0 || found("kaktus") != 1 {
			t.Errorf("a rolled-back change reached the index")
		}
		db.Client.Course.UpdateOneID(c.ID).SetStatus(course.StatusSuspended).ExecX(ctx)
		if n := found("kaktus"); n != 0 {
			t.Errorf("suspended course found (%d)", n)
		}
		db.Client.Course.DeleteOneID(c.ID).ExecX(ctx)
		db.Client.Course.Create().SetTitle("Kaktus Mini").SetCategory(course.CategoryAgriculture).SetMethod(course.MethodLms).
			SetPrice(100_000).SetDurationHours(3).SetTrainingInstitutionID(inst.ID).ExecX(ctx)
		if n := found("kaktus"); n != 1 {
			t.Errorf("after delete and a new course: found %d, want 1", n)
		}
	})
}

// TestExactBeforeNear: a course holding the query's word itself (here a
// misspelling written in its description) ranks above courses matched
// through a near word, even where the near word is in their titles.
func TestExactBeforeNear(t *testing.T) {
	seeded(t, func(t *testing.T, db *database.DB, s *search.Service) {
		ctx := rule.System(context.Background(), "test")
		inst := db.Client.TrainingInstitution.Query().FirstX(ctx)
		mk := func(title, desc string) *ent.Course {
			return db.Client.Course.Create().SetTitle(title).SetDescription(desc).SetCategory(course.CategoryAgriculture).
				SetMethod(course.MethodLms).SetPrice(150_000).SetDurationHours(4).SetTrainingInstitutionID(inst.ID).SaveX(ctx)
		}
		for _, title := range []string{"Anggrek Bulan", "Anggrek Dendrobium", "Merawat Anggrek"} {
			mk(title, "")
		}
		exact := mk("Tanaman Hias Pekarangan", "Juga dikenal sebagai anggrk oleh warga.")
		p := run(t, s, search.Request{Query: "anggrk"})
		if p.Total != 4 || p.Edges[0].Course.ID != exact.ID {
			t.Errorf("anggrk: %d results %v, want 4 with %q first", p.Total, titles(p), exact.Title)
		}
	})
}

// TestStemmerAgainstPostgres compares the Go stemmer with a live
// PostgreSQL's `indonesian` dictionary over every word of the seeded
// catalogue and of the stem package's word list.
func TestStemmerAgainstPostgres(t *testing.T) {
	db := dbtest.Open(t, "postgres")
	ctx := context.Background()
	if _, err := seed.Run(ctx, db.Client, seed.Options{Seed: 1, Now: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("stem/testdata/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields(string(b))
	for _, c := range published(t, db) {
		words = append(words, stem.Tokens(c.Title+" "+c.Description+" "+c.Instructor+" "+
			strings.Join(c.Tags, " ")+" "+strings.Join(c.Outline, " "))...)
	}
	slices.Sort(words)
	words = slices.Compact(words)
	rows, err := db.SQL.QueryContext(ctx, `SELECT w, COALESCE(array_to_string(ts_lexize('indonesian_stem', w), ','), '')
		FROM unnest($1::text[]) AS w`, words)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var w, want string
		if err := rows.Scan(&w, &want); err != nil {
			t.Fatal(err)
		}
		if got := stem.Word(w); got != want {
			t.Errorf("stem.Word(%q) = %q, PostgreSQL %q", w, got, want)
		}
		n++
	}
	if n != len(words) || n < 600 {
		t.Errorf("compared %d of %d words", n, len(words))
	}
}
