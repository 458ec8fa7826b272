package ratelimit_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/kartuprakerja/platform/ent/privacy"
	"github.com/kartuprakerja/platform/internal/clocktest"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/ratelimit"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

func newClock() *clocktest.Clock { return clocktest.New(time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)) }

func rows(t *testing.T, db *database.DB) int {
	t.Helper()
	return db.Client.RateLimit.Query().CountX(rule.System(context.Background(), "test"))
}

// TestTake walks one bucket of 2 a minute (a token back every 30 s) and
// its neighbours through time.
func TestTake(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		c := newClock()
		l := ratelimit.New(db.Client, ratelimit.Options{Now: c.Now})
		r := ratelimit.Rate{Count: 2, Per: time.Minute}
		steps := []struct {
			scope, key string
			after      time.Duration // clock advance before the take
			rate       ratelimit.Rate
			allowed    bool
			remaining  int
			retryAfter time.Duration
		}{
			{"s", "a", 0, r, true, 1, 0},
			{"s", "a", 0, r, true, 0, 0},
			{"s", "a", 0, r, false, 0, 30 * time.Second}, // empty
			{"s", "a", 10 * time.Second, r, false, 0, 20 * time.Second},
			{"s", "b", 0, r, true, 1, 0},                // another key, another bucket
			{"t", "a", 0, r, true, 1, 0},                // another scope, another bucket
			{"s", "a", 20 * time.Second, r, true, 0, 0}, // one token back after 30 s
			{"s", "a", 0, r, false, 0, 30 * time.Second},
			{"s", "a", 59 * time.Second, r, true, 0, 0}, // one back (the other needs 1 s more)
			{"s", "a", time.Second, r, true, 0, 0},
			{"s", "a", 0, r, false, 0, 30 * time.Second},
			{"s", "a", 10 * time.Minute, r, true, 1, 0}, // full again: the burst again
			{"s", "a", 0, r, true, 0, 0},
			{"s", "a", 0, ratelimit.Rate{}, true, 1, 0}, // a rate that is off allows
			{"s", "a", 0, ratelimit.Rate{Count: 5}, true, 5, 0},
			{"s", "c", 0, ratelimit.Rate{Count: 1, Per: time.Hour}, true, 0, 0},
			{"s", "c", 59 * time.Minute, ratelimit.Rate{Count: 1, Per: time.Hour}, false, 0, time.Minute},
			{"s", "c", time.Minute, ratelimit.Rate{Count: 1, Per: time.Hour}, true, 0, 0},
		}
		ctx := context.Background()
		for i, s := range steps {
			c.Add(s.after)
			d, err := l.Take(ctx, s.scope, s.key, s.rate)
			if err != nil {
				t.Fatalf("step %d: %v", i, err)
			}
			want := ratelimit.Decision{Allowed: s.allowed, Remaining: s.remaining, RetryAfter: s.retryAfter}
			if d != want {
				t.Errorf("step %d (%s/%s at +%s): %+v, want %+v", i, s.scope, s.key, s.after, d, want)
			}
		}
	})
}

// TestTakeConcurrent: takes of one bucket from two connection pools on one
// store (two server instances) at once let exactly the bucket's size
// through, on both stores.
func TestTakeConcurrent(t *testing.T) {
	for _, d := range []string{dialect.SQLite, dialect.Postgres} {
		t.Run(d, func(t *testing.T) {
			a, b := openTwo(t, d)
			c := newClock()
			limiters := []*ratelimit.Limiter{
				ratelimit.New(a.Client, ratelimit.Options{Now: c.Now}),
				ratelimit.New(b.Client, ratelimit.Options{Now: c.Now}),
			}
			const size, takers = 10, 60
			r := ratelimit.Rate{Count: size, Per: time.Hour}
			var allowed atomic.Int32
			var wg sync.WaitGroup
			for i := range takers {
				wg.Go(func() {
					d, err := limiters[i%2].Take(context.Background(), "s", "k", r)
					if err != nil {
						t.Error(err)
					}
					if d.Allowed {
						allowed.Add(1)
					}
				})
			}
			wg.Wait()
			if n := allowed.Load(); n != size {
				t.Errorf("%d of %d concurrent takes passed a bucket of %d", n, takers, size)
			}
			if n := rows(t, a); n != 1 {
				t.Errorf("%d rows for one bucket", n)
			}
		})
	}
}

// openTwo opens one fresh migrated store twice, as two processes would.
func openTwo(t *testing.T, d string) (*database.DB, *database.DB) {
	t.Helper()
	ctx := context.Background()
	u := filepath.Join(t.TempDir(), "shared.db")
	if d == dialect.Postgres {
		pg := dbtest.Open(t, d) // skips (or fails under CI) without PostgreSQL
		pg.Close()
		var drop func()
		var err error
		if u, drop, err = database.Scratch(ctx, dbtest.PostgresURL(), "prakerja_test_"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(drop)
	}
	var out [2]*database.DB
	for i := range out {
		db, err := database.Open(ctx, u, database.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		out[i] = db
	}
	if _, err := out[0].Migrate(ctx, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	return out[0], out[1]
}

// TestCleanup: full buckets are deleted when a new bucket is made, at most
// Cleanup at a time, and buckets still in use stay.
func TestCleanup(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		c := newClock()
		l := ratelimit.New(db.Client, ratelimit.Options{Now: c.Now, Cleanup: 3})
		ctx := context.Background()
		minute := ratelimit.Rate{Count: 1, Per: time.Minute}
		hour := ratelimit.Rate{Count: 1, Per: time.Hour}
		for _, k := range []string{"a", "b", "c", "d", "e"} {
			if _, err := l.Take(ctx, "s", k, minute); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := l.Take(ctx, "s", "long", hour); err != nil {
			t.Fatal(err)
		}
		if n := rows(t, db); n != 6 {
			t.Fatalf("%d rows, want 6", n)
		}
		c.Add(2 * time.Minute) // the minute buckets are full again
		if _, err := l.Take(ctx, "s", "new", minute); err != nil {
			t.Fatal(err)
		}
		if n := rows(t, db); n != 7-3 {
			t.Errorf("%d rows after one cleanup of 3, want 4", n)
		}
		if _, err := l.Take(ctx, "s", "new2", minute); err != nil {
			t.Fatal(err)
		}
		if n := rows(t, db); n != 3 { // long, new, new2
			t.Errorf("%d rows after the second cleanup, want 3", n)
		}
		if d, _ := l.Take(ctx, "s", "long", hour); d.Allowed {
			t.Error("cleanup emptied a bucket in use")
		}
	})
}

// TestPrivacy: buckets are secret: no viewer reads them, not even an admin.
func TestPrivacy(t *testing.T) {
	db := dbtest.Open(t, dialect.SQLite)
	l := ratelimit.New(db.Client, ratelimit.Options{})
	if _, err := l.Take(context.Background(), "s", "k", ratelimit.Rate{Count: 1, Per: time.Hour}); err != nil {
		t.Fatal(err)
	}
	admin := viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: "acADMIN", Role: viewer.RoleAdmin})
	if _, err := db.Client.RateLimit.Query().All(admin); !errors.Is(err, privacy.Deny) {
		t.Errorf("an admin read rate limits: %v", err)
	}
	if rows(t, db) != 1 {
		t.Error("the system context cannot read its bucket")
	}
	if ratelimit.Subject("k") == "k" || len(ratelimit.Subject("k")) != 64 {
		t.Errorf("subject %q is not a hex SHA-256", ratelimit.Subject("k"))
	}
}
