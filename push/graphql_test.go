package push_test

import (
	"crypto/ecdh"
	"crypto/rand"
	"encoding/base64"
	"io"
	"log/slog"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/sms"
	"github.com/kartuprakerja/platform/push"
)

// TestGraphQL drives the push operations through the real HTTP stack.
func TestGraphQL(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		priv, pub, err := push.GenerateVAPIDKeys()
		if err != nil {
			t.Fatal(err)
		}
		acfg := auth.DefaultConfig()
		acfg.Secret = make([]byte, 32)
		_, _ = rand.Read(acfg.Secret)
		acfg.ResendInterval, acfg.CodesPerHour, acfg.CodesPerNetworkMinute = 0, 1000, 0
		acfg.SignInsPerNetworkMinute = 0
		rec := &sms.Recorder{}
		a, err := app.New(db, app.Config{Auth: acfg, SMS: rec,
			Push: push.Config{WebPush: push.WebPushConfig{PublicKey: pub, PrivateKey: priv}},
			Log:  slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(a.Handler)
		defer srv.Close()
		url := srv.URL + "/graphql"
		c := gqltest.SignIn(t, url, rec, "081234567001")
		other := gqltest.SignIn(t, url, rec, "081234567002")

		var key struct{ WebPushPublicKey string }
		gqltest.Client{URL: url}.Do(t, `{ webPushPublicKey }`, nil).MustData(t, &key)
		if key.WebPushPublicKey != pub {
			t.Errorf("webPushPublicKey %q, want the configured key", key.WebPushPublicKey)
		}

		k, _ := ecdh.P256().GenerateKey(rand.Reader)
		sub := map[string]any{"kind": "webpush", "token": "https://push.example/s/1",
			"p256dh": base64.RawURLEncoding.EncodeToString(k.PublicKey().Bytes()),
			"auth":   base64.RawURLEncoding.EncodeToString(make([]byte, 16)), "label": "Chrome"}
		const register = `mutation($in: RegisterDeviceInput!) { registerDevice(input: $in) { id kind label } }`
		var dev struct {
			RegisterDevice struct{ ID, Kind, Label string }
		}
		c.Do(t, register, map[string]any{"in": sub}).MustData(t, &dev)
		var again struct{ RegisterDevice struct{ ID string } }
		c.Do(t, register, map[string]any{"in": sub}).MustData(t, &again)
		if dev.RegisterDevice.Kind != "webpush" || again.RegisterDevice.ID != dev.RegisterDevice.ID {
			t.Errorf("registered %+v, again %+v", dev, again)
		}
		bad := map[string]any{"kind": "webpush", "token": "https://push.example/s/2"}
		if codes := c.Do(t, register, map[string]any{"in": bad}).Codes(); !slices.Contains(codes, "BAD_USER_INPUT") {
			t.Errorf("subscription without keys: %v", codes)
		}
		const unregister = `mutation($id: ID!) { unregisterDevice(id: $id) }`
		if codes := other.Do(t, unregister, map[string]any{"id": dev.RegisterDevice.ID}).Codes(); !slices.Contains(codes, "NOT_FOUND") {
			t.Errorf("another account removed the device: %v", codes)
		}

		const prefs = `mutation($in: UpdateNotificationPreferencesInput!) {
			updateNotificationPreferences(input: $in) { mutedKinds quietStartMinute dailyPushCap } }`
		var p struct {
			UpdateNotificationPreferences struct {
				MutedKinds       []string
				QuietStartMinute int
				DailyPushCap     int
			}
		}
		c.Do(t, prefs, map[string]any{"in": map[string]any{"mutedKinds": []string{"job_match"},
			"quietStartMinute": 1200, "dailyPushCap": 3}}).MustData(t, &p)
		if got := p.UpdateNotificationPreferences; !slices.Equal(got.MutedKinds, []string{"job_match"}) ||
			got.QuietStartMinute != 1200 || got.DailyPushCap != 3 {
			t.Errorf("preferences %+v", got)
		}
		r := c.Do(t, prefs, map[string]any{"in": map[string]any{"mutedKinds": []string{"selection_result"}}})
		if !slices.Contains(r.Codes(), "BAD_USER_INPUT") {
			t.Errorf("muting selection results: %v", r.Codes())
		}

		var none struct{ MarkAllNotificationsRead int }
		c.Do(t, `mutation { markAllNotificationsRead }`, nil).MustData(t, &none)
		var marked struct{ MarkNotificationsRead []struct{ ID string } }
		c.Do(t, `mutation { markNotificationsRead(ids: []) { id } }`, nil).MustData(t, &marked)
		if none.MarkAllNotificationsRead != 0 || len(marked.MarkNotificationsRead) != 0 {
			t.Errorf("empty inbox: %+v %+v", none, marked)
		}
		var gone struct{ UnregisterDevice bool }
		c.Do(t, unregister, map[string]any{"id": dev.RegisterDevice.ID}).MustData(t, &gone)
		if !gone.UnregisterDevice {
			t.Error("unregisterDevice returned false")
		}
	})
}
