package push

import (
	"context"
	"crypto/ecdh"
	crand "crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/device"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/viewer"
	"github.com/kartuprakerja/platform/push/fcmfake"

	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
)

func TestDeliverSuccess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		a := e.person("WIB", "tok-a1", "tok-a2")
		b := e.person("WITA")
		e.start()
		n := e.notify(SelectionResult(a.ID, e.wave.ID, 23, "selected", 1_000_000),
			SelectionResult(b.ID, e.wave.ID, 23, "not_selected", 1_000_000))
		if n != 2 {
			t.Fatalf("created %d notifications, want 2", n)
		}
		e.settle(20 * time.Second)
		for _, tok := range []string{"tok-a1", "tok-a2"} {
			if got := e.fcm.Count(tok); got != 1 {
				t.Errorf("%s received %d messages, want 1", tok, got)
			}
		}
		na := e.notifications(a)[0]
		if na.PushStatus != notification.PushStatusSent || na.PushedAt == nil {
			t.Errorf("a's notification is %s, want sent with pushed_at", na.PushStatus)
		}
		if nb := e.notifications(b)[0]; nb.PushStatus != notification.PushStatusNoDevice {
			t.Errorf("b's notification is %s, want no_device", nb.PushStatus)
		}
		m := e.fcm.Last("tok-a1")
		if m == nil || m.Notification.Title != "Selamat, kamu lolos Gelombang 23!" ||
			m.Data["notification_id"] != string(na.ID) || m.Data["link"] != "/gelombang" {
			t.Errorf("message = %+v", m)
		}
	})
}

// manyPeople creates n WIB accounts with one FCM token each (prefix-i).
func (e *env) manyPeople(prefix string, n int) []*ent.Account {
	out := make([]*ent.Account, n)
	for i := range out {
		out[i] = e.person("WIB", fmt.Sprintf("%s-%d", prefix, i))
	}
	return out
}

func (e *env) notifyAll(accounts []*ent.Account, key string) {
	events := make([]Event, len(accounts))
	for i, a := range accounts {
		events[i] = PayoutSent(a.ID, Payout{ID: pulid.ID(key), Installment: 1, Amount: 600_000, Partner: "GoPay"})
	}
	e.notify(events...)
}

// TestDeliverFaults runs one batch through each FCM fault and checks that
// every message arrives exactly once.
func TestDeliverFaults(t *testing.T) {
	cases := []struct {
		name   string
		inject func(f *fcmfake.Server)
		slow   time.Duration // the batch must take at least this long
	}{
		{"429 with Retry-After", func(f *fcmfake.Server) { f.Throttle(120, time.Second) }, time.Second},
		{"500", func(f *fcmfake.Server) { f.Fail(40, http.StatusInternalServerError) }, 0},
		{"503", func(f *fcmfake.Server) { f.Fail(10, http.StatusServiceUnavailable) }, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, db *database.DB) {
				e := newEnv(t, db)
				people := e.manyPeople("f"+tc.name[:3], 200)
				e.start()
				tc.inject(e.fcm)
				start := time.Now()
				e.notifyAll(people, "po-"+tc.name)
				e.settle(60 * time.Second)
				if took := time.Since(start); took < tc.slow {
					t.Errorf("delivered in %s despite Retry-After %s", took, tc.slow)
				}
				for i := range people {
					if n := e.fcm.Count(fmt.Sprintf("f%s-%d", tc.name[:3], i)); n != 1 {
						t.Fatalf("token %d received %d messages, want 1", i, n)
					}
				}
				if st := e.fcm.Stats(); st.Rejected == 0 {
					t.Error("the fault was not injected")
				}
				if p := e.pendingCount(); p != 0 {
					t.Errorf("%d notifications still pending", p)
				}
			})
		})
	}
}

// TestUnregisteredMidBatch: a token FCM calls UNREGISTERED is disabled, the
// rest of the batch is delivered, an account with another device still gets
// its notification, and the dead token is never used again.
func TestUnregisteredMidBatch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		people := e.manyPeople("u", 20)
		both := e.person("WIB", "both-dead", "both-alive")
		e.fcm.Unregister("u-7", "both-dead")
		e.fcm.Invalidate("u-9")
		e.start()
		e.notifyAll(append(people, both), "po-1")
		e.settle(20 * time.Second)
		for i := range people {
			want := 1
			if i == 7 || i == 9 {
				want = 0
			}
			if n := e.fcm.Count(fmt.Sprintf("u-%d", i)); n != want {
				t.Errorf("u-%d received %d, want %d", i, n, want)
			}
		}
		for tok, reason := range map[string]string{"u-7": "fcm: UNREGISTERED", "u-9": "fcm: INVALID_ARGUMENT",
			"both-dead": "fcm: UNREGISTERED"} {
			d := e.device(tok)
			if d.DisabledAt == nil || d.DisabledReason == nil || *d.DisabledReason != reason {
				t.Errorf("%s: disabled_at %v reason %v, want %q", tok, d.DisabledAt, d.DisabledReason, reason)
			}
		}
		if st := e.notifications(people[7])[0].PushStatus; st != notification.PushStatusFailed {
			t.Errorf("unregistered-only account: %s, want failed (still in the inbox)", st)
		}
		if st := e.notifications(both)[0].PushStatus; st != notification.PushStatusSent || e.fcm.Count("both-alive") != 1 {
			t.Errorf("two-device account: %s, alive token got %d", st, e.fcm.Count("both-alive"))
		}
		rejected := e.fcm.Stats().Rejected
		e.notifyAll(people, "po-2")
		e.settle(20 * time.Second)
		if got := e.fcm.Stats().Rejected; got != rejected {
			t.Errorf("disabled tokens were used again: rejected %d -> %d", rejected, got)
		}
		if st := e.notifications(people[7])[1].PushStatus; st != notification.PushStatusNoDevice {
			t.Errorf("after disabling: %s, want no_device", st)
		}
	})
}

// TestDedupeAndOutbox: the same event twice is one notification and one
// push; an event in a rolled-back transaction is neither.
func TestDedupeAndOutbox(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		a := e.person("WIB", "dd")
		ev := SelectionResult(a.ID, e.wave.ID, 23, "selected", 1_000_000)
		if n := e.notify(ev, ev); n != 1 {
			t.Fatalf("same event twice in one call created %d", n)
		}
		if n := e.notify(ev); n != 0 {
			t.Fatalf("repeated event created %d", n)
		}
		ctx := context.Background()
		tx := must(db.Client.Tx(ctx))
		if n, err := e.svc.Notify(ctx, tx, Revoked(a.ID, "rc1")); err != nil || n != 1 {
			t.Fatalf("notify in tx: %d, %v", n, err)
		}
		must(0, tx.Rollback())
		e.start()
		e.settle(20 * time.Second)
		if got := len(e.notifications(a)); got != 1 {
			t.Errorf("%d notifications, want 1 (the rolled-back one must not exist)", got)
		}
		if n := e.fcm.Count("dd"); n != 1 {
			t.Errorf("dd received %d messages, want 1", n)
		}
	})
}

// TestWebPush delivers to a browser subscription with the TTL, urgency and
// topic headers, and disables a subscription the push service calls gone.
func TestWebPush(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		a, b := e.person("WIT"), e.person("WIT")
		alive, dead := e.subscribe(a, "/sub/alive"), e.subscribe(b, "/sub/dead")
		e.web.mu.Lock()
		e.web.gone["/sub/dead"] = true
		e.web.mu.Unlock()
		e.start()
		e.notify(SelectionResult(a.ID, e.wave.ID, 23, "selected", 1_000_000),
			SelectionResult(b.ID, e.wave.ID, 23, "selected", 1_000_000))
		e.settle(20 * time.Second)
		if n := e.web.count("/sub/alive"); n != 1 {
			t.Fatalf("alive subscription got %d pushes", n)
		}
		h := e.web.header["/sub/alive"]
		if h.Get("Urgency") != "high" || h.Get("Topic") == "" || h.Get("TTL") == "" ||
			h.Get("Content-Encoding") != "aes128gcm" || !strings.HasPrefix(h.Get("Authorization"), "vapid ") {
			t.Errorf("headers %v", h)
		}
		if d := e.device(dead); d.DisabledAt == nil {
			t.Error("a 410 subscription was not disabled")
		}
		if d := e.device(alive); d.DisabledAt != nil {
			t.Error("the alive subscription was disabled")
		}
	})
}

// subscribe registers a Web Push subscription of a at the fake's path.
func (e *env) subscribe(a *ent.Account, path string) string {
	e.t.Helper()
	k, err := ecdh.P256().GenerateKey(crand.Reader)
	if err != nil {
		e.t.Fatal(err)
	}
	auth := make([]byte, 16)
	_, _ = crand.Read(auth)
	d, err := e.svc.RegisterDevice(viewerCtx(a), DeviceInput{Kind: device.KindWebpush, Token: e.web.URL + path,
		P256dh: base64.RawURLEncoding.EncodeToString(k.PublicKey().Bytes()),
		Auth:   base64.RawURLEncoding.EncodeToString(auth)})
	if err != nil {
		e.t.Fatal(err)
	}
	return d.Token
}

func viewerCtx(a *ent.Account) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: a.ID, Role: viewer.RoleRecipient})
}
