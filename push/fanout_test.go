package push

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
)

// TestFanOutWaveResults pages through a wave (7 applications a page), tells
// each decided applicant its own result in its own language, skips pending
// and withdrawn applications, and creates nothing on a second run.
func TestFanOutWaveResults(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, func(c *Config) { c.PageSize = 7 })
		statuses := []string{"selected", "not_selected", "excluded", "pending"}
		want := map[string]string{} // token -> expected title ("" = nothing)
		titles := map[string]string{"selected": "Selamat, kamu lolos Gelombang 23!",
			"not_selected": "Hasil seleksi Gelombang 23", "excluded": "Hasil seleksi Gelombang 23"}
		var english *ent.Account
		for i := range 40 {
			st := statuses[i%len(statuses)]
			tok := fmt.Sprintf("fan-%02d", i)
			a := e.applicant([]string{"WIB", "WITA", "WIT"}[i%3], st, tok)
			want[tok] = titles[st]
			if i == 0 {
				english = a
			}
		}
		ctx := rule.System(context.Background(), "test")
		must(db.Client.Account.UpdateOne(english).SetLocale(account.LocaleEn).Save(ctx))
		want["fan-00"] = "Congratulations, you passed Wave 23!"
		e.start()
		if err := e.svc.FanOutWaveResults(context.Background(), e.wave.ID); err != nil {
			t.Fatal(err)
		}
		e.settle(30 * time.Second)
		for tok, title := range want {
			got := e.fcm.Count(tok)
			switch {
			case title == "" && got != 0:
				t.Errorf("%s (undecided) received %d messages", tok, got)
			case title != "" && got != 1:
				t.Errorf("%s received %d messages, want 1", tok, got)
			case title != "" && e.fcm.Last(tok).Notification.Title != title:
				t.Errorf("%s got %q, want %q", tok, e.fcm.Last(tok).Notification.Title, title)
			}
		}
		before := e.fcm.Stats().Accepted
		if err := e.svc.FanOutWaveResults(context.Background(), e.wave.ID); err != nil {
			t.Fatal(err)
		}
		e.settle(30 * time.Second)
		n := must(db.Client.Notification.Query().Count(ctx))
		decided := 0
		for _, title := range want {
			if title != "" {
				decided++
			}
		}
		if after := e.fcm.Stats().Accepted; after != before || n != decided || decided != 30 {
			t.Errorf("second fan-out: messages %d -> %d, notifications %d (want %d of 30 decided)", before, after, n, decided)
		}
	})
}
