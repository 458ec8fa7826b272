package app_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/viewer"
)

const applicationsWithResults = `{ applications(first: 20) { edges { node { id result { id status } } } } }`

type applicationPage struct {
	Applications struct {
		Edges []struct {
			Node struct {
				ID     string
				Result *struct{ ID, Status string }
			}
		}
	}
}

// TestApplicationResultsBatch: a list of applications reads its results in
// one query (a loader per operation), each application gets its own result,
// and a recipient still reads only their own.
func TestApplicationResultsBatch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		people := make([]*fixture.Person, 6)
		for i := range people {
			people[i] = w.NewPerson(t, db.Client, i+1, w.Platform)
		}
		var queries atomic.Int64
		db.Client.SelectionResult.Intercept(ent.InterceptFunc(func(next ent.Querier) ent.Querier {
			return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
				queries.Add(1)
				return next.Query(ctx, q)
			})
		}))
		fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
		asAdmin := gqltest.SignIn(t, s.URL, s.SMS, "+6281100000001")
		queries.Store(0)
		var page applicationPage
		asAdmin.Do(t, applicationsWithResults, nil).MustData(t, &page)
		if n := queries.Load(); n != 1 {
			t.Errorf("%d result queries for %d applications, want 1", n, len(page.Applications.Edges))
		}
		if len(page.Applications.Edges) != len(people) {
			t.Fatalf("admin sees %d applications, want %d", len(page.Applications.Edges), len(people))
		}
		for _, e := range page.Applications.Edges {
			if e.Node.Result == nil || e.Node.Result.ID != "se"+e.Node.ID[2:] || e.Node.Result.Status != "selected" {
				t.Errorf("application %s: result %+v", e.Node.ID, e.Node.Result)
			}
		}

		asA := gqltest.SignIn(t, s.URL, s.SMS, people[0].Phone)
		page = applicationPage{}
		asA.Do(t, applicationsWithResults, nil).MustData(t, &page)
		if len(page.Applications.Edges) != 1 || page.Applications.Edges[0].Node.ID != string(people[0].Private["Application"]) ||
			page.Applications.Edges[0].Node.Result == nil {
			t.Errorf("recipient's applications: %+v", page.Applications.Edges)
		}
	})
}
