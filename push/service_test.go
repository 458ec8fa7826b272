package push

import (
	"context"
	"crypto/ecdh"
	crand "crypto/rand"
	"encoding/base64"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent/device"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
)

func TestRegisterDevice(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		a, b := e.person("WIB"), e.person("WIB")
		in := DeviceInput{Kind: device.KindFcm, Token: "shared-phone", Label: "HP"}
		d1, err := e.svc.RegisterDevice(viewerCtx(a), in)
		if err != nil {
			t.Fatal(err)
		}
		sys := rule.System(context.Background(), "test")
		must(db.Client.Device.UpdateOne(d1).SetDisabledAt(e.svc.now()).SetDisabledReason("fcm: UNREGISTERED").Save(sys))
		d2, err := e.svc.RegisterDevice(viewerCtx(a), in)
		if err != nil || d2.ID != d1.ID || d2.DisabledAt != nil {
			t.Fatalf("re-registering: %v, same id %v, disabled %v", err, d2.ID == d1.ID, d2.DisabledAt)
		}
		d3, err := e.svc.RegisterDevice(viewerCtx(b), in)
		if err != nil || d3.AccountID != b.ID {
			t.Fatalf("moving the token to b: %v, owner %v", err, d3.AccountID)
		}
		if n := must(db.Client.Device.Query().Where(device.Token("shared-phone")).Count(sys)); n != 1 {
			t.Errorf("%d rows for the token, want 1", n)
		}
		if err := e.svc.UnregisterDevice(viewerCtx(a), d3.ID); !apperr.Is(err, apperr.NotFound) {
			t.Errorf("a removed b's device: %v", err)
		}
		if err := e.svc.UnregisterDevice(viewerCtx(b), d3.ID); err != nil {
			t.Errorf("b removing its device: %v", err)
		}
		if _, err := e.svc.RegisterDevice(context.Background(), in); !rule.IsDenied(err) {
			t.Errorf("anonymous registration: %v", err)
		}
	})
}

func TestRegisterDeviceValidates(t *testing.T) {
	k, _ := ecdh.P256().GenerateKey(crand.Reader)
	key := base64.RawURLEncoding.EncodeToString(k.PublicKey().Bytes())
	auth := base64.RawURLEncoding.EncodeToString(make([]byte, 16))
	cases := []struct {
		name string
		in   DeviceInput
		ok   bool
	}{
		{"fcm", DeviceInput{Kind: device.KindFcm, Token: "t"}, true},
		{"webpush", DeviceInput{Kind: device.KindWebpush, Token: "https://push.example/abc", P256dh: key, Auth: auth}, true},
		{"webpush over http", DeviceInput{Kind: device.KindWebpush, Token: "http://push.example/abc", P256dh: key, Auth: auth}, false},
		{"webpush without keys", DeviceInput{Kind: device.KindWebpush, Token: "https://push.example/abc"}, false},
		{"webpush with a bad key", DeviceInput{Kind: device.KindWebpush, Token: "https://push.example/abc",
			P256dh: base64.RawURLEncoding.EncodeToString(make([]byte, 65)), Auth: auth}, false},
		{"empty token", DeviceInput{Kind: device.KindFcm, Token: " "}, false},
		{"unknown kind", DeviceInput{Kind: "apns", Token: "t"}, false},
	}
	for _, c := range cases {
		err := c.in.validate()
		if (err == nil) != c.ok {
			t.Errorf("%s: %v", c.name, err)
		}
		if err != nil && !apperr.Is(err, apperr.BadUserInput) {
			t.Errorf("%s: %v is not BAD_USER_INPUT", c.name, err)
		}
	}
}

func TestMarkRead(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		a, b := e.person("WIB"), e.person("WIB")
		e.notify(Revoked(a.ID, "r1"), SelectionResult(a.ID, e.wave.ID, 23, "selected", 1), Revoked(b.ID, "r2"))
		na, nb := e.notifications(a), e.notifications(b)
		if _, err := e.svc.MarkRead(viewerCtx(a), []pulid.ID{na[0].ID, nb[0].ID}); !apperr.Is(err, apperr.NotFound) {
			t.Fatalf("marking b's notification: %v", err)
		}
		if e.notifications(b)[0].ReadAt != nil {
			t.Fatal("b's notification was marked read by a")
		}
		got, err := e.svc.MarkRead(viewerCtx(a), []pulid.ID{na[0].ID})
		if err != nil || len(got) != 1 || got[0].ReadAt == nil {
			t.Fatalf("mark read: %v %v", err, got)
		}
		n, err := e.svc.MarkAllRead(viewerCtx(a))
		if err != nil || n != 1 {
			t.Errorf("mark all read: %d, %v; want 1", n, err)
		}
		if e.notifications(b)[0].ReadAt != nil {
			t.Error("mark all read touched another account")
		}
	})
}

func TestUpdatePreferences(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		a := e.person("WIB")
		start, cap := 22*60, 3
		acc, err := e.svc.UpdatePreferences(viewerCtx(a), Preferences{
			MutedKinds: []notification.Kind{notification.KindJobMatch, notification.KindJobMatch}, QuietStartMinute: &start, DailyPushCap: &cap})
		if err != nil {
			t.Fatal(err)
		}
		if len(acc.MutedKinds) != 1 || acc.QuietStartMinute != start || acc.QuietEndMinute != 0 || acc.DailyPushCap != 3 {
			t.Errorf("account %+v", acc)
		}
		for _, bad := range []Preferences{
			{MutedKinds: []notification.Kind{notification.KindSelectionResult}},
			{MutedKinds: []notification.Kind{notification.KindPayoutFailed}},
			{MutedKinds: []notification.Kind{"spam"}},
			{DailyPushCap: new(int)},
		} {
			if _, err := e.svc.UpdatePreferences(viewerCtx(a), bad); !apperr.Is(err, apperr.BadUserInput) {
				t.Errorf("%+v: %v, want BAD_USER_INPUT", bad, err)
			}
		}
		acc, err = e.svc.UpdatePreferences(viewerCtx(a), Preferences{MutedKinds: []notification.Kind{}})
		if err != nil || len(acc.MutedKinds) != 0 {
			t.Errorf("unmute all: %v %v", err, acc.MutedKinds)
		}
	})
}

// TestInboxKeepsEverything: notifications whose push failed, found no
// device or was suppressed are in the owner's inbox like the sent ones.
func TestInboxKeepsEverything(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		a := e.person("WIB", "gone-token")
		e.fcm.Unregister("gone-token")
		e.start()
		e.notify(Revoked(a.ID, "r1"))
		e.settle(20 * time.Second)
		e.notify(SelectionResult(a.ID, e.wave.ID, 23, "selected", 1))
		e.settle(20 * time.Second)
		inbox, err := db.Client.Notification.Query().Where(notification.AccountID(a.ID)).
			Order(notification.ByID()).All(viewerCtx(a))
		if err != nil {
			t.Fatal(err)
		}
		if len(inbox) != 2 || inbox[0].PushStatus != notification.PushStatusFailed ||
			inbox[1].PushStatus != notification.PushStatusNoDevice {
			t.Fatalf("inbox %v", inbox)
		}
	})
}
