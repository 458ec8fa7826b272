// Command selection measures a wave's lottery at national scale: it fills a
// store with applicants spread over the 34 provinces (default 3,000,000
// applicants for 600,000 seats), closes the wave and times RunSelection,
// then recomputes the draw from the published data and checks it matches.
//
//	go run ./bench/selection                      # SQLite in a temp dir
//	go run ./bench/selection -database-url postgres://postgres@127.0.0.1:5432/bench_sel
//
// With -fill-only it fills and stops; a store that already holds the closed
// benchmark wave (e.g. a copy of a filled PostgreSQL template database) is
// reused as it is.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"github.com/kartuprakerja/platform/bench/internal/loadtest"
	"log"
	"log/slog"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/regions"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

func main() {
	dbURL := flag.String("database-url", "", "store; default a new SQLite file in a temp dir")
	applicants := flag.Int("applicants", 3_000_000, "applicants in the wave")
	seats := flag.Int("seats", 600_000, "seats in the wave")
	fillOnly := flag.Bool("fill-only", false, "fill the store and stop (a PostgreSQL template for repeated runs)")
	flag.Parse()
	if err := run(context.Background(), *dbURL, *applicants, *seats, *fillOnly); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, dbURL string, n, seats int, fillOnly bool) error {
	db, closeStore, err := loadtest.OpenEmpty(ctx, dbURL)
	if err != nil {
		return err
	}
	defer closeStore()
	start := time.Now()
	w, err := filled(ctx, db.Client)
	if err != nil {
		return err
	}
	if w == nil {
		if w, err = fill(ctx, db.Client, n, seats); err != nil {
			return err
		}
		fmt.Printf("store=%s filled %d applicants in %s\n", db.Dialect, n, time.Since(start).Round(time.Second))
	} else {
		fmt.Printf("store=%s reusing the closed benchmark wave already in the store\n", db.Dialect)
	}
	if fillOnly {
		return nil
	}
	log := slog.New(slog.NewTextHandler(os.Stdout, nil)) // the selection's phase timings
	svc := journey.New(journey.Deps{Client: db.Client, Dialect: db.Dialect, Log: log}, journey.DefaultConfig())
	admin := viewer.NewContext(ctx, &viewer.Viewer{AccountID: pulid.New("ac"), Role: viewer.RoleAdmin})
	start = time.Now()
	sum, err := svc.RunSelection(admin, w.ID)
	if err != nil {
		return err
	}
	took := time.Since(start)
	fmt.Printf("store=%s selection applicants=%d selected=%d excluded=%d took=%s\n",
		db.Dialect, sum.Applicants, sum.Selected, sum.Excluded, took.Round(time.Millisecond))
	start = time.Now()
	again, err := svc.RunSelection(admin, w.ID)
	if err != nil || again.Selected != sum.Selected {
		return fmt.Errorf("second run: %v", err)
	}
	fmt.Printf("store=%s second run returned the first result in %s\n", db.Dialect, time.Since(start).Round(time.Millisecond))
	d, err := digest(ctx, db, w.ID)
	if err != nil {
		return err
	}
	fmt.Printf("store=%s result digest (sha256 of id,status,rank by id) %s\n", db.Dialect, d)
	return nil
}

// digest fingerprints the result so runs on different stores compare.
func digest(ctx context.Context, db *database.DB, waveID pulid.ID) (string, error) {
	rows, err := db.SQL.QueryContext(ctx, rebind(db.Dialect, `SELECT application_id, status, COALESCE(rank, 0) FROM selection_results WHERE wave_id = ?`), string(waveID))
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var id, status string
		var rank int
		if err := rows.Scan(&id, &status, &rank); err != nil {
			return "", err
		}
		lines = append(lines, fmt.Sprintf("%s,%s,%d\n", id, status, rank))
	}
	slices.Sort(lines) // byte order, whatever the store's collation
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
	}
	return hex.EncodeToString(h.Sum(nil)), rows.Err()
}

func rebind(d, q string) string {
	if d == "postgres" {
		return strings.Replace(q, "?", "$1", 1)
	}
	return q
}

// filled returns the store's benchmark wave while it is still closed (a
// copy of a filled template database), or nil.
func filled(ctx context.Context, c *ent.Client) (*ent.Wave, error) {
	w, err := c.Wave.Query().Where(wave.Number(benchWave), wave.StatusEQ(wave.StatusClosed)).Only(rule.System(ctx, "benchmark"))
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return w, err
}

const benchWave = 99

// fill creates the regions, a closed wave with province quotas proportional
// to the applicants, and n verified applicants with their applications.
func fill(ctx context.Context, c *ent.Client, n, seats int) (*ent.Wave, error) {
	ctx = rule.System(ctx, "benchmark data")
	rs, err := regions.Load()
	if err != nil {
		return nil, err
	}
	provIDs := map[string]pulid.ID{}
	var regIDs []pulid.ID
	var regProv []string
	for _, p := range rs.Provinces() {
		provIDs[p.Code] = c.Province.Create().SetCode(p.Code).SetName(p.Name).SetTimeZone(provinceTZ(p.TimeZone)).SaveX(ctx).ID
	}
	for _, r := range rs.Regencies() {
		kind := "kabupaten"
		if r.Kota {
			kind = "kota"
		}
		regIDs = append(regIDs, c.Regency.Create().SetCode(r.Code).SetName(r.Name).SetKind(regencyKind(kind)).
			SetProvinceID(provIDs[r.ProvinceCode]).SaveX(ctx).ID)
		regProv = append(regProv, r.ProvinceCode)
	}
	w := c.Wave.Create().SetNumber(benchWave).SetName("Benchmark").SetOpensAt(time.Now().Add(-48 * time.Hour)).
		SetClosesAt(time.Now().Add(-time.Hour)).SetStatus("closed").SetQuota(seats).
		SetSeed("benchmark-seed").SetCommitment("unused").SaveX(ctx)
	per := seats / len(provIDs)
	rest := seats - per*len(provIDs)
	for _, p := range rs.Provinces() { // in code order: the same quotas on every store
		q := per
		if rest > 0 {
			q, rest = q+1, rest-1
		}
		c.WaveQuota.Create().SetWaveID(w.ID).SetProvinceID(provIDs[p.Code]).SetQuota(q).ExecX(ctx)
	}
	r := rand.New(rand.NewPCG(1, 2))
	const batch = 1000 // recipients have ~28 columns: 28,000 variables, under SQLite's 32,766
	for done := 0; done < n; done += batch {
		if err := insertBatch(ctx, c, w.ID, done, min(batch, n-done), r, regIDs, regProv, provIDs); err != nil {
			return nil, err
		}
	}
	return w, nil
}

func insertBatch(ctx context.Context, c *ent.Client, waveID pulid.ID, from, n int, r *rand.Rand,
	regIDs []pulid.ID, regProv []string, provIDs map[string]pulid.ID) error {
	tx, err := c.Tx(ctx)
	if err != nil {
		return err
	}
	accts := make([]*ent.AccountCreate, n)
	recs := make([]*ent.RecipientCreate, n)
	apps := make([]*ent.ApplicationCreate, n)
	birth := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		k := from + i
		at := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(k) * time.Millisecond)
		aid, rid := pulid.Deterministic("ac", at, r), pulid.Deterministic("rc", at, r)
		reg := r.IntN(len(regIDs))
		accts[i] = tx.Account.Create().SetID(aid).SetPhone(fmt.Sprintf("+62819%09d", k))
		status := "verified"
		if k%50 == 0 {
			status = "rejected" // 2% became ineligible before the draw
		}
		recs[i] = tx.Recipient.Create().SetID(rid).SetAccountID(aid).SetNik(fmt.Sprintf("%016d", k)).
			SetKkNumber(fmt.Sprintf("%016d", k)).SetFullName("Pelamar").SetBirthDate(birth).SetGender("male").
			SetRegencyID(regIDs[reg]).SetArea("rural").SetEducation("senior_secondary").
			SetEmployment("not_working").SetStatus(recipientStatus(status))
		apps[i] = tx.Application.Create().SetID(pulid.Deterministic("ap", at, r)).SetRecipientID(rid).SetWaveID(waveID).SetProvinceID(provIDs[regProv[reg]])
	}
	if err := tx.Account.CreateBulk(accts...).Exec(ctx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Recipient.CreateBulk(recs...).Exec(ctx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Application.CreateBulk(apps...).Exec(ctx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
