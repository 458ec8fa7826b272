package push

import (
	"context"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
)

func TestQuietUntil(t *testing.T) {
	day := func(h, m int) time.Time { return time.Date(2030, 5, 10, h, m, 0, 0, time.UTC) }
	cases := []struct {
		name       string
		now        time.Time
		zone       *time.Location
		start, end int
		want       time.Time // zero: not quiet
	}{
		{"WIB 20:30 before 21:00", day(13, 30), WIB, 21 * 60, 6 * 60, time.Time{}},
		{"WITA 21:30 quiet until 06:00 WITA", day(13, 30), WITA, 21 * 60, 6 * 60, day(22, 0)},
		{"WIT 22:30 quiet until 06:00 WIT", day(13, 30), WIT, 21 * 60, 6 * 60, day(21, 0)},
		{"WIB 05:30 quiet until 06:00", day(22, 30), WIB, 21 * 60, 6 * 60, day(23, 0)},
		{"WITA 06:30 awake", day(22, 30), WITA, 21 * 60, 6 * 60, time.Time{}},
		{"daytime window 12-14 at 13:00 WIB", day(6, 0), WIB, 12 * 60, 14 * 60, day(7, 0)},
		{"start == end: never quiet", day(15, 0), WIB, 0, 0, time.Time{}},
		{"exactly at the end", day(23, 0), WIB, 21 * 60, 6 * 60, time.Time{}},
	}
	for _, c := range cases {
		if got := quietUntil(c.now, c.zone, c.start, c.end); !got.Equal(c.want) {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
}

func TestDecide(t *testing.T) {
	now := time.Date(2030, 5, 10, 3, 0, 0, 0, time.UTC) // 10:00 WIB
	past, future := now.Add(-time.Minute), now.Add(time.Hour)
	n := func(kind notification.Kind, exp *time.Time) *ent.Notification {
		return &ent.Notification{Kind: kind, ExpiresAt: exp}
	}
	open := prefs{zone: WIB, dailyCap: 5}
	cases := []struct {
		name string
		p    prefs
		n    *ent.Notification
		sent int
		want verdict
	}{
		{"plain", open, n(notification.KindJobMatch, &future), 0, deliverNow},
		{"muted", prefs{zone: WIB, dailyCap: 5, muted: []string{"job_match"}}, n(notification.KindJobMatch, nil), 0, suppress},
		{"selection cannot be muted", prefs{zone: WIB, dailyCap: 5, muted: []string{"selection_result"}},
			n(notification.KindSelectionResult, nil), 0, deliverNow},
		{"payout failure cannot be muted", prefs{zone: WIB, dailyCap: 5, muted: []string{"payout_failed"}},
			n(notification.KindPayoutFailed, nil), 0, deliverNow},
		{"over the cap", open, n(notification.KindPayoutSent, nil), 5, suppress},
		{"selection ignores the cap", open, n(notification.KindSelectionResult, nil), 5, deliverNow},
		{"expired", open, n(notification.KindPayoutScheduled, &past), 0, suppress},
		{"quiet", prefs{zone: WIB, dailyCap: 5, quietStart: 9 * 60, quietEnd: 11 * 60}, n(notification.KindRevoked, nil), 0, deferUntil},
		{"quiet past expiry", prefs{zone: WIB, dailyCap: 5, quietStart: 9 * 60, quietEnd: 11 * 60},
			n(notification.KindRevoked, &future), 0, suppress},
	}
	morning := now.Add(time.Hour) // the quiet hours end at 11:00 WIB
	for _, c := range cases {
		got, until := c.p.decide(c.n, now, c.sent)
		if got != c.want {
			t.Errorf("%s: got %d, want %d", c.name, got, c.want)
		}
		if c.want == deferUntil && !until.Equal(morning) || c.want != deferUntil && !until.IsZero() {
			t.Errorf("%s: until %s, want %s only when deferred", c.name, until, morning)
		}
	}
}

// TestPreferencesDelivery runs preferences through the workers: mutes, the
// daily cap and expiry suppress (the inbox keeps the notification),
// unmutable kinds get through.
func TestPreferencesDelivery(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		ctx := rule.System(context.Background(), "test")
		muted := e.person("WIB", "muted")
		must(db.Client.Account.UpdateOne(muted).SetMutedKinds([]string{"job_match", "selection_result"}).Save(ctx))
		capped := e.person("WITA", "capped")
		must(db.Client.Account.UpdateOne(capped).SetDailyPushCap(2).Save(ctx))
		p := func(id string) Payout {
			return Payout{ID: pulid.ID("po" + id), Installment: 1, Amount: 1, Partner: "OVO"}
		}
		e.notify(JobMatchDigest(muted.ID, time.Now(), 2, "Kasir"),
			SelectionResult(muted.ID, e.wave.ID, 23, "selected", 1),
			PayoutSent(capped.ID, p("1")), PayoutSent(capped.ID, p("2")), PayoutSent(capped.ID, p("3")),
			SelectionResult(capped.ID, e.wave.ID, 23, "selected", 1),
			PayoutScheduled(capped.ID, p("4"), time.Now().AddDate(0, 0, -3)))
		e.start()
		e.settle(20 * time.Second)
		want := map[string][]notification.PushStatus{
			"muted": {notification.PushStatusSuppressed, notification.PushStatusSent},
			"capped": {notification.PushStatusSent, notification.PushStatusSent, notification.PushStatusSuppressed,
				notification.PushStatusSent, notification.PushStatusSuppressed},
		}
		for name, a := range map[string]*ent.Account{"muted": muted, "capped": capped} {
			ns := e.notifications(a)
			if len(ns) != len(want[name]) {
				t.Fatalf("%s: %d notifications, want %d", name, len(ns), len(want[name]))
			}
			for i, n := range ns {
				if n.PushStatus != want[name][i] {
					t.Errorf("%s #%d (%s): %s, want %s", name, i, n.Kind, n.PushStatus, want[name][i])
				}
			}
		}
		if e.fcm.Count("muted") != 1 || e.fcm.Count("capped") != 3 {
			t.Errorf("pushes: muted %d (want 1), capped %d (want 3)", e.fcm.Count("muted"), e.fcm.Count("capped"))
		}
	})
}

// TestQuietHoursByZone fixes the clock at 13:30 UTC: 20:30 in WIB (awake),
// 21:30 in WITA and 22:30 in WIT (quiet until 06:00 local). The WIB
// account is pushed at once; the others wait in jobs scheduled for their
// local morning, still pending in the inbox.
func TestQuietHoursByZone(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		fixed := time.Date(2030, 5, 10, 13, 30, 0, 0, time.UTC)
		e.svc.now = func() time.Time { return fixed }
		ctx := rule.System(context.Background(), "test")
		accounts := map[string]*ent.Account{}
		for _, z := range []string{"WIB", "WITA", "WIT"} {
			a := e.person(z, "q-"+z)
			accounts[z] = must(db.Client.Account.UpdateOne(a).SetQuietStartMinute(21 * 60).SetQuietEndMinute(6 * 60).Save(ctx))
			e.notify(Revoked(a.ID, pulid.ID("rc-"+z)))
		}
		e.start()
		e.settle(20 * time.Second)
		if e.fcm.Count("q-WIB") != 1 || e.fcm.Count("q-WITA") != 0 || e.fcm.Count("q-WIT") != 0 {
			t.Errorf("pushes WIB %d WITA %d WIT %d, want 1 0 0",
				e.fcm.Count("q-WIB"), e.fcm.Count("q-WITA"), e.fcm.Count("q-WIT"))
		}
		for z, wait := range map[string]time.Duration{"WITA": 8*time.Hour + 31*time.Minute, "WIT": 7*time.Hour + 31*time.Minute} {
			if st := e.notifications(accounts[z])[0].PushStatus; st != notification.PushStatusPending {
				t.Errorf("%s: %s, want pending", z, st)
			}
			if !e.scheduledAround(time.Now().Add(wait)) {
				t.Errorf("%s: no delivery job scheduled around %s from now", z, wait)
			}
		}
	})
}

// scheduledAround reports whether a scheduled job is due within a minute of at.
func (e *env) scheduledAround(at time.Time) bool {
	e.t.Helper()
	q := `SELECT COUNT(*) FROM river_job WHERE state = 'scheduled' AND scheduled_at BETWEEN ? AND ?`
	lo, hi := any(at.Add(-time.Minute).UTC().Format("2006-01-02 15:04:05")), any(at.Add(time.Minute).UTC().Format("2006-01-02 15:04:05"))
	if e.db.Dialect == "postgres" {
		q = `SELECT COUNT(*) FROM river_job WHERE state = 'scheduled' AND scheduled_at BETWEEN $1 AND $2`
		lo, hi = at.Add(-time.Minute), at.Add(time.Minute)
	}
	var n int
	if err := e.db.SQL.QueryRow(q, lo, hi).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n == 1
}
