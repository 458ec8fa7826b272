package main

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/sms"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestVerifyCommandOfAServedWave runs the command a wave shows
// (Wave.verifyCommand) against the server that publishes it: the command
// names the configured public URL and the wave, and verifies.
func TestVerifyCommandOfAServedWave(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		var h http.Handler
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) }))
		t.Cleanup(srv.Close)
		jcfg := journey.DefaultConfig()
		jcfg.PublicURL = publicURL(srv.URL+"/", nil)
		acfg := auth.DefaultConfig()
		acfg.Secret = []byte(strings.Repeat("k", 32))
		a, err := app.New(db, app.Config{Journey: jcfg, Auth: acfg, SMS: &sms.Recorder{}, Log: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		h = a.Handler
		w := fixture.NewWorld(t, db.Client)
		for n := range 3 {
			w.NewPerson(t, db.Client, n, w.Platform) // selected in the fixture's wave; make them applicants of a new one
		}
		sys := rule.System(context.Background(), "test")
		db.Client.Recipient.Update().SetStatus("verified").ClearCardNumber().ExecX(sys)
		admin := fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
		ctx := viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: admin.ID, Role: viewer.RoleAdmin})
		wv, err := a.Journey.CreateWave(ctx, journey.NewWave{Number: 24, Name: "Gelombang 24", OpensAt: time.Now().Add(-time.Hour),
			ClosesAt: time.Now().Add(time.Hour), Quota: 2, ProvinceQuotas: map[string]int{"32": 2}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.Journey.OpenWave(ctx, wv.ID); err != nil {
			t.Fatal(err)
		}
		for _, r := range db.Client.Recipient.Query().AllX(sys) {
			db.Client.Application.Create().SetRecipientID(r.ID).SetWaveID(wv.ID).SetProvinceID(w.Province.ID).ExecX(sys)
		}
		if a.Journey.VerifyCommand(wv) != "" {
			t.Error("a verify command before selection")
		}
		if _, err := a.Journey.CloseWave(ctx, wv.ID); err != nil {
			t.Fatal(err)
		}
		sum, err := a.Journey.RunSelection(ctx, wv.ID)
		if err != nil {
			t.Fatal(err)
		}
		cmd := a.Journey.VerifyCommand(sum.Wave)
		args := strings.Fields(cmd)
		if want := "prakerja verify-selection -source " + srv.URL + " -wave 24"; cmd != want || sum.Selected != 2 {
			t.Fatalf("verify command %q (want %q), %d selected", cmd, want, sum.Selected)
		}
		if err := verifySelection(context.Background(), args[2:]); err != nil {
			t.Errorf("%s: %v", cmd, err)
		}
	})
}

// TestPublicURL: the configured URL wins (without a trailing slash, so the
// command's URLs have one slash); else the listen address as a browser here
// reaches it.
func TestPublicURL(t *testing.T) {
	addr, err := net.ResolveTCPAddr("tcp", "[::]:8080")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ configured, want string }{
		{"", "http://localhost:8080"},
		{"https://prakerja.example/", "https://prakerja.example"},
		{"https://prakerja.example/api", "https://prakerja.example/api"},
	} {
		if got := publicURL(tt.configured, addr); got != tt.want {
			t.Errorf("publicURL(%q) = %q, want %q", tt.configured, got, tt.want)
		}
	}
}
