package push

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
)

// TestConcurrentNotify: two transactions notifying the same event at the
// same time give one notification and one push, and both commit. On
// PostgreSQL the second transaction has already found the event unseen
// (the first has not committed) and waits on the first one's row in the
// unique index when the first commits: only the insert's ON CONFLICT DO
// NOTHING lets it through. On SQLite the write gate serialises the two
// transactions, so the second sees the first's row.
func TestConcurrentNotify(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		a := e.person("WIB", "race")
		ev := SelectionResult(a.ID, e.wave.ID, 23, "selected", 1_000_000)
		ctx := context.Background()
		tx1 := must(db.Client.Tx(ctx))
		if n, err := e.svc.Notify(ctx, tx1, ev); err != nil || n != 1 {
			t.Fatalf("first notify: %d, %v", n, err)
		}
		second := make(chan error, 1)
		go func() {
			second <- func() error {
				tx2, err := db.Client.Tx(ctx)
				if err != nil {
					return err
				}
				if _, err := e.svc.Notify(ctx, tx2, ev); err != nil {
					_ = tx2.Rollback()
					return err
				}
				return tx2.Commit()
			}()
		}()
		if db.Dialect == "postgres" {
			e.waitForLockWaiter(10 * time.Second)
		}
		must(0, tx1.Commit())
		select {
		case err := <-second:
			if err != nil {
				t.Fatalf("the concurrent notify failed: %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("the concurrent notify did not finish")
		}
		e.start()
		e.settle(20 * time.Second)
		if got := len(e.notifications(a)); got != 1 {
			t.Errorf("%d notifications, want 1", got)
		}
		if n := e.fcm.Count("race"); n != 1 {
			t.Errorf("%d pushes, want 1", n)
		}
	})
}

// TestPreparedTwice: two writers that rendered the same event before their
// transactions (as a fan-out page does) both commit, and the store keeps
// one row. This is the SQLite path of the race above (insertBulk's ON
// CONFLICT DO NOTHING), and the PostgreSQL one without concurrency.
func TestPreparedTwice(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		a := e.person("WIB", "twice")
		ev := SelectionResult(a.ID, e.wave.ID, 23, "selected", 1_000_000)
		ctx := rule.System(context.Background(), "test")
		first := must(e.svc.prepare(ctx, db.Client, []Event{ev}))
		again := must(e.svc.prepare(ctx, db.Client, []Event{ev}))
		for i, rows := range [][]row{first, again} {
			if len(rows) != 1 {
				t.Fatalf("writer %d prepared %d rows, want 1", i+1, len(rows))
			}
			err := e.svc.inTx(ctx, "test", func(ctx context.Context, tx *ent.Tx) error { return e.svc.write(ctx, tx, rows) })
			if err != nil {
				t.Fatalf("writer %d: %v", i+1, err)
			}
		}
		e.start()
		e.settle(20 * time.Second)
		if got := len(e.notifications(a)); got != 1 {
			t.Errorf("%d notifications, want 1", got)
		}
		if n := e.fcm.Count("twice"); n != 1 {
			t.Errorf("%d pushes, want 1", n)
		}
	})
}

// TestNotifyPageLargerThanChunk: one Notify of more events than an insert
// (and lookup) chunk holds creates every new one exactly once, skips the
// accounts already notified in every chunk, and pushes each account once.
func TestNotifyPageLargerThanChunk(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		n := 2*insertChunk + 345
		e.bulkApplicants("big", n)
		ctx := rule.System(context.Background(), "test")
		accs := must(db.Client.Account.Query().Order(account.ByPhone()).IDs(ctx))
		if len(accs) != n {
			t.Fatalf("%d accounts, want %d", len(accs), n)
		}
		events := make([]Event, 0, n+1)
		var earlier []Event
		for i, id := range accs {
			ev := SelectionResult(id, e.wave.ID, 23, "not_selected", 1_000_000)
			events = append(events, ev)
			if i%7 == 3 { // spread over every chunk
				earlier = append(earlier, ev)
			}
		}
		events = append(events, events[n-1]) // a repeat within the page
		if got := e.notify(earlier...); got != len(earlier) {
			t.Fatalf("earlier notify created %d, want %d", got, len(earlier))
		}
		if got, want := e.notify(events...), n-len(earlier); got != want {
			t.Fatalf("page notify created %d, want %d", got, want)
		}
		perAccount := map[string]int{}
		ids := must(db.Client.Notification.Query().Select(notification.FieldAccountID).Strings(ctx))
		for _, id := range ids {
			perAccount[id]++
		}
		if len(ids) != n || len(perAccount) != n {
			t.Fatalf("%d notifications for %d accounts, want %d for %d", len(ids), len(perAccount), n, n)
		}
		if got := e.notify(events...); got != 0 {
			t.Errorf("a repeated page created %d", got)
		}
		e.start()
		e.settle(60 * time.Second)
		counts := e.fcm.Counts()
		for i := range n {
			if tok := fmt.Sprintf("big-%06d", i); counts[tok] != 1 {
				t.Errorf("%s received %d pushes, want 1", tok, counts[tok])
			}
		}
	})
}

// waitForLockWaiter waits until a backend of the test database waits on a
// lock (PostgreSQL): the second transaction is blocked on the first's row.
func (e *env) waitForLockWaiter(timeout time.Duration) {
	e.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		var n int
		err := e.db.SQL.QueryRow(`SELECT COUNT(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&n)
		if err != nil {
			e.t.Fatal(err)
		}
		if n > 0 {
			return
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("no transaction waited on a lock within %s", timeout)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestNotifyInTheAccountsLanguage: one event, two recipients: the stored
// notification reads in each account's language, money and date included.
func TestNotifyInTheAccountsLanguage(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		idA, enA := e.person("WIB"), e.person("WIB")
		db.Client.Account.UpdateOne(enA).SetLocale(account.LocaleEn).ExecX(rule.System(context.Background(), "test"))
		date := time.Date(2026, 12, 21, 0, 0, 0, 0, WIB)
		p := Payout{ID: "po1", Installment: 2, Amount: 552_000, Partner: "GoPay"}
		e.notify(PayoutScheduled(idA.ID, p, date), PayoutScheduled(enA.ID, p, date))
		want := map[*ent.Account]string{
			idA: "Insentif Rp552.000 dijadwalkan pada 21 Desember 2026 ke GoPay-mu.",
			enA: "Rp552,000 is scheduled for 21 December 2026 to your GoPay account.",
		}
		for a, body := range want {
			ns := e.notifications(a)
			if len(ns) != 1 || ns[0].Body != body {
				t.Errorf("account %s (%s): %d notifications, want body %q: %+v", a.ID, a.Locale, len(ns), body, ns)
			}
		}
	})
}
