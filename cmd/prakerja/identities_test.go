package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/nik"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/seed"
)

// seededDir seeds a demo database of n recipients into a new data directory.
func seededDir(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	db, err := database.Open(ctx, filepath.Join(dir, "prakerja.db"), database.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	if _, err := seed.Run(ctx, db.Client, seed.Options{Seed: 1, Recipients: n, Now: time.Now()}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestDemoIdentities: 20 identities by default, from at least 15
// provinces, each with its province and regency names, none registered; a
// help text of its own.
func TestDemoIdentities(t *testing.T) {
	dir := seededDir(t, 3000)
	var out bytes.Buffer
	if err := demoIdentities(context.Background(), []string{"-json", "-data-dir", dir}, &out); err != nil {
		t.Fatal(err)
	}
	var ids []identity
	provinces := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var id identity
		if err := json.Unmarshal([]byte(line), &id); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if id.Province == "" || id.Regency == "" || !strings.HasPrefix(id.NIK, id.RegencyCode) {
			t.Errorf("identity without its region's names: %+v", id)
		}
		if born, err := time.Parse(time.DateOnly, id.BirthDate); err != nil || nik.Age(born, time.Now()) < 18 {
			t.Errorf("identity %s born %s: under age, cannot register", id.NIK, id.BirthDate)
		}
		ids = append(ids, id)
		provinces[id.Province] = true
	}
	if len(ids) != 20 || len(provinces) < 15 {
		t.Errorf("%d identities from %d provinces, want 20 from 15 or more", len(ids), len(provinces))
	}
	checkUnregistered(t, dir, ids)

	out.Reset()
	if err := demoIdentities(context.Background(), []string{"-data-dir", dir, "-n", "3"}, &out); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(out.String()), "\n"); len(lines) != 4 || !strings.Contains(lines[0], "PROVINCE") ||
		!strings.Contains(out.String(), title(ids[0].Regency)) {
		t.Errorf("table of 3:\n%s", out.String())
	}

	out.Reset()
	if err := demoIdentities(context.Background(), []string{"-h"}, &out); !errors.Is(err, flag.ErrHelp) ||
		!strings.Contains(out.String(), "usage: prakerja demo-identities") || !strings.Contains(out.String(), "-json") {
		t.Errorf("-h: %v\n%s", err, out.String())
	}
}

func checkUnregistered(t *testing.T, dir string, ids []identity) {
	t.Helper()
	ctx := context.Background()
	db, err := database.Open(ctx, filepath.Join(dir, "prakerja.db"), database.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, id := range ids {
		if n := db.Client.Recipient.Query().Where(recipient.Nik(id.NIK)).CountX(rule.System(ctx, "test")); n != 0 {
			t.Errorf("identity %s is registered", id.NIK)
		}
	}
}

func TestTitle(t *testing.T) {
	for in, want := range map[string]string{"KOTA BANDUNG": "Kota Bandung", "KAB. ACEH BESAR": "Kab. Aceh Besar", "": ""} {
		if got := title(in); got != want {
			t.Errorf("title(%q) = %q, want %q", in, got, want)
		}
	}
}
