package ratelimit_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/hook"
	bucket "github.com/kartuprakerja/platform/ent/ratelimit"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/ratelimit"
	"github.com/kartuprakerja/platform/internal/rule"
)

// TestRateOff: a rate with no count or no period allows every take and
// keeps no bucket.
func TestRateOff(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		l := ratelimit.New(db.Client, ratelimit.Options{})
		for _, r := range []ratelimit.Rate{{Count: 3, Per: 0}, {Count: 0, Per: time.Minute}, {Count: -1, Per: -time.Second}} {
			for i := range 10 {
				d, err := l.Take(context.Background(), "off", "k", r)
				if err != nil || !d.Allowed {
					t.Fatalf("%+v take %d: %+v, %v; want allowed", r, i, d, err)
				}
			}
		}
		if n := rows(t, db); n != 0 {
			t.Errorf("%d buckets kept for rates that are off, want 0", n)
		}
	})
}

// TestDefaultCleanup: without Options.Cleanup a new bucket deletes up to
// 100 full ones.
func TestDefaultCleanup(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		c := newClock()
		l := ratelimit.New(db.Client, ratelimit.Options{Now: c.Now})
		minute := ratelimit.Rate{Count: 1, Per: time.Minute}
		for i := range 150 {
			if _, err := l.Take(context.Background(), "s", fmt.Sprint("k", i), minute); err != nil {
				t.Fatal(err)
			}
			c.Add(time.Nanosecond) // every earlier bucket stays in use
		}
		if n := rows(t, db); n != 150 {
			t.Fatalf("%d rows, want 150", n)
		}
		c.Add(2 * time.Minute) // all 150 full again
		if _, err := l.Take(context.Background(), "s", "new", minute); err != nil {
			t.Fatal(err)
		}
		if n := rows(t, db); n != 150-100+1 {
			t.Errorf("%d rows after one default cleanup, want 51", n)
		}
	})
}

// TestLostRound: a take whose conditional update meets a concurrent take
// (the bucket changed between its read and its write) runs another round
// instead of giving up, and the two takes are both counted.
func TestLostRound(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		c := newClock()
		l := ratelimit.New(db.Client, ratelimit.Options{Now: c.Now})
		r := ratelimit.Rate{Count: 3, Per: time.Minute}
		ctx := context.Background()
		if _, err := l.Take(ctx, "s", "k", r); err != nil {
			t.Fatal(err)
		}
		c.Add(2 * time.Minute) // the bucket is full again: the next take resets it
		var raced atomic.Bool
		db.Client.RateLimit.Use(func(next ent.Mutator) ent.Mutator {
			return hook.RateLimitFunc(func(ctx context.Context, m *ent.RateLimitMutation) (ent.Value, error) {
				if m.Op().Is(ent.OpUpdate) && raced.CompareAndSwap(false, true) {
					// Another instance takes a token first (resets the full bucket).
					if err := db.Client.RateLimit.Update().Where(bucket.Subject(ratelimit.Subject("k"))).
						SetTat(c.Now().UnixNano() + int64(20*time.Second)).Exec(rule.System(ctx, "test")); err != nil {
						return nil, err
					}
				}
				return next.Mutate(ctx, m)
			})
		})
		d, err := l.Take(ctx, "s", "k", r)
		if err != nil || !d.Allowed {
			t.Fatalf("take after a lost round: %+v, %v; want allowed", d, err)
		}
		if !raced.Load() {
			t.Fatal("the concurrent take never ran")
		}
		// Of three tokens the concurrent take and this one used two.
		if d, _ := l.Take(ctx, "s", "k", r); !d.Allowed {
			t.Errorf("the third token of the minute was refused")
		}
		if d, _ := l.Take(ctx, "s", "k", r); d.Allowed {
			t.Errorf("a fourth take within the minute was allowed: the lost round was counted wrong")
		}
	})
}

// TestCleanupLog: a cleanup that fails is logged as a warning and does not
// fail the take; one that succeeds logs nothing; a nil logger is allowed.
func TestCleanupLog(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		c := newClock()
		var buf bytes.Buffer
		log := slog.New(slog.NewTextHandler(&buf, nil))
		l := ratelimit.New(db.Client, ratelimit.Options{Now: c.Now, Log: log})
		minute := ratelimit.Rate{Count: 1, Per: time.Minute}
		ctx := context.Background()
		for _, k := range []string{"a", "b"} {
			if _, err := l.Take(ctx, "s", k, minute); err != nil {
				t.Fatal(err)
			}
		}
		c.Add(2 * time.Minute)
		if _, err := l.Take(ctx, "s", "c", minute); err != nil {
			t.Fatal(err)
		}
		if buf.Len() != 0 {
			t.Fatalf("a cleanup that worked logged %q", buf.String())
		}
		db.Client.RateLimit.Use(func(next ent.Mutator) ent.Mutator {
			return hook.RateLimitFunc(func(ctx context.Context, m *ent.RateLimitMutation) (ent.Value, error) {
				if m.Op().Is(ent.OpDelete) {
					return nil, errors.New("delete refused by the test")
				}
				return next.Mutate(ctx, m)
			})
		})
		c.Add(2 * time.Minute)
		if d, err := l.Take(ctx, "s", "d", minute); err != nil || !d.Allowed {
			t.Fatalf("take with a failing cleanup: %+v, %v; want allowed", d, err)
		}
		if !strings.Contains(buf.String(), "rate limit cleanup") || !strings.Contains(buf.String(), "delete refused") {
			t.Errorf("failing cleanup not logged: %q", buf.String())
		}
		c.Add(2 * time.Minute)
		quiet := ratelimit.New(db.Client, ratelimit.Options{Now: c.Now}) // no logger given
		if d, err := quiet.Take(ctx, "s", "e", minute); err != nil || !d.Allowed {
			t.Fatalf("take with a failing cleanup and no logger: %+v, %v", d, err)
		}
	})
}

// TestPeek: a peek says what a take would decide at the same moment, and
// writes nothing.
func TestPeek(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		c := newClock()
		l := ratelimit.New(db.Client, ratelimit.Options{Now: c.Now})
		ctx := context.Background()
		r := ratelimit.Rate{Count: 3, Per: time.Minute}
		if d, err := l.Peek(ctx, "s", "k", r); err != nil || !d.Allowed || d.Remaining != 3 {
			t.Fatalf("peek of a new bucket: %+v, %v; want allowed with 3", d, err)
		}
		if n := rows(t, db); n != 0 {
			t.Fatalf("a peek wrote %d rows", n)
		}
		for i := range 5 {
			p, err := l.Peek(ctx, "s", "k", r)
			if err != nil {
				t.Fatal(err)
			}
			d, err := l.Take(ctx, "s", "k", r)
			if err != nil {
				t.Fatal(err)
			}
			if p.Allowed != d.Allowed || p.RetryAfter != d.RetryAfter {
				t.Errorf("step %d: peek %+v, take %+v", i, p, d)
			}
			if p.Allowed && p.Remaining != 3-i {
				t.Errorf("step %d: peek says %d remaining, want %d", i, p.Remaining, 3-i)
			}
		}
		c.Add(20 * time.Second) // one token back
		if d, _ := l.Peek(ctx, "s", "k", r); !d.Allowed || d.Remaining != 1 {
			t.Errorf("after one interval: %+v, want allowed with 1", d)
		}
		if d, err := l.Peek(ctx, "s", "k", ratelimit.Rate{}); err != nil || !d.Allowed {
			t.Errorf("a rate that is off: %+v, %v", d, err)
		}
	})
}
