package search_test

import (
	"context"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/search"
	"github.com/kartuprakerja/platform/internal/seed"
)

func TestSmoke(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		ctx := context.Background()
		t0 := time.Now()
		if _, err := seed.Run(ctx, db.Client, seed.Options{Seed: 1, Now: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
		t.Log("seed", time.Since(t0))
		s := search.New(db)
		for _, q := range []string{"pemasran", "memasarkan", "pemasaran digital", "excel", "", "bahasa"} {
			p, err := s.Search(ctx, search.Request{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, e := range p.Edges[:min(5, len(p.Edges))] {
				titles = append(titles, e.Course.Title)
			}
			t.Log(q, p.Total, titles)
		}
	})
}
