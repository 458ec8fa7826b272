package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/rule"
)

// openStore opens a fresh migrated store and returns its cleanup.
func openStore(ctx context.Context, o options) (*database.DB, func(), error) {
	u, drop, err := freshURL(ctx, o.db)
	if err != nil {
		return nil, nil, err
	}
	db, err := database.Open(ctx, u, database.Options{})
	if err != nil {
		drop()
		return nil, nil, err
	}
	if _, err := db.Migrate(ctx, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		db.Close()
		drop()
		return nil, nil, err
	}
	return db, func() {
		db.Close()
		if !o.keep {
			drop()
		}
	}, nil
}

// freshURL makes an empty store: a new SQLite file, or a new database on
// the PostgreSQL server.
func freshURL(ctx context.Context, raw string) (string, func(), error) {
	if !strings.HasPrefix(raw, "postgres") {
		if raw != "" {
			return raw, func() {}, nil
		}
		dir, err := os.MkdirTemp("", "fanout-")
		if err != nil {
			return "", nil, err
		}
		return filepath.Join(dir, "bench.db"), func() { os.RemoveAll(dir) }, nil
	}
	return database.Scratch(ctx, raw, "fanout_")
}

// chunk is the rows per INSERT: under SQLite's 32,766 bound values for the
// widest table (recipients, about 25 columns).
const chunk = 1_000

// load creates three provinces (one per time zone), a wave and n
// applicants: account, recipient, application (40% selected) and one FCM
// device each, one transaction per chunk.
func load(ctx context.Context, db *database.DB, n int) (pulid.ID, error) {
	ctx = rule.System(ctx, "benchmark data")
	c := db.Client
	var regencies []pulid.ID
	var provinces []pulid.ID
	for i, z := range []string{"WIB", "WITA", "WIT"} {
		p, err := c.Province.Create().SetCode(fmt.Sprintf("9%d", i)).SetName("P " + z).SetTimeZone(provinceZone(z)).Save(ctx)
		if err != nil {
			return "", err
		}
		r, err := c.Regency.Create().SetCode(fmt.Sprintf("9%d01", i)).SetName("R " + z).SetKind("kota").
			SetProvinceID(p.ID).Save(ctx)
		if err != nil {
			return "", err
		}
		provinces, regencies = append(provinces, p.ID), append(regencies, r.ID)
	}
	w, err := c.Wave.Create().SetNumber(23).SetName("Gelombang 23").SetOpensAt(time.Now().Add(-72 * time.Hour)).
		SetClosesAt(time.Now().Add(-time.Hour)).SetStatus("announced").SetQuota(n).Save(ctx)
	if err != nil {
		return "", err
	}
	for start := 0; start < n; start += chunk {
		if err := loadChunk(ctx, c, w.ID, provinces, regencies, start, min(start+chunk, n)); err != nil {
			return "", fmt.Errorf("load rows %d-%d: %w", start, start+chunk, err)
		}
	}
	if db.Dialect == "postgres" {
		_, err = db.SQL.ExecContext(ctx, "ANALYZE")
	}
	return w.ID, err
}

func loadChunk(ctx context.Context, c *ent.Client, wave pulid.ID, provinces, regencies []pulid.ID, from, to int) error {
	tx, err := c.Tx(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit a no-op
	k := to - from
	accs := make([]*ent.AccountCreate, 0, k)
	recs := make([]*ent.RecipientCreate, 0, k)
	apps := make([]*ent.ApplicationCreate, 0, k)
	results := make([]*ent.SelectionResultCreate, 0, k)
	devs := make([]*ent.DeviceCreate, 0, k)
	birth := time.Date(1995, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := from; i < to; i++ {
		aid, rid := pulid.New("ac"), pulid.New("rc")
		z := i % 3
		status := "not_selected"
		if i%5 < 2 {
			status = "selected"
		}
		accs = append(accs, tx.Account.Create().SetID(aid).SetPhone(fmt.Sprintf("+62812%08d", i)).
			SetQuietStartMinute(0).SetQuietEndMinute(0))
		recs = append(recs, tx.Recipient.Create().SetID(rid).SetAccountID(aid).
			SetNik(fmt.Sprintf("3273%012d", i)).SetKkNumber(fmt.Sprintf("3273%012d", i)).
			SetFullName(fmt.Sprintf("Penerima %d", i)).SetBirthDate(birth).SetGender("female").
			SetRegencyID(regencies[z]).SetArea("rural").SetEducation("senior_secondary").
			SetEmployment("not_working").SetStatus("verified"))
		appID := pulid.New("ap")
		apps = append(apps, tx.Application.Create().SetID(appID).SetRecipientID(rid).SetWaveID(wave).
			SetProvinceID(provinces[z]))
		results = append(results, tx.SelectionResult.Create().SetID(appID.Sibling("se")).SetApplicationID(appID).
			SetRecipientID(rid).SetWaveID(wave).SetStatus(resultStatus(status)).SetDecidedAt(time.Now()))
		devs = append(devs, tx.Device.Create().SetAccountID(aid).SetKind("fcm").SetToken(fmt.Sprintf("bench-%07d", i)))
	}
	if err := tx.Account.CreateBulk(accs...).Exec(ctx); err != nil {
		return err
	}
	if err := tx.Recipient.CreateBulk(recs...).Exec(ctx); err != nil {
		return err
	}
	if err := tx.Application.CreateBulk(apps...).Exec(ctx); err != nil {
		return err
	}
	if err := tx.SelectionResult.CreateBulk(results...).Exec(ctx); err != nil {
		return err
	}
	if err := tx.Device.CreateBulk(devs...).Exec(ctx); err != nil {
		return err
	}
	return tx.Commit()
}
