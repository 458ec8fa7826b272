// Command purchase measures purchases from the training balance through
// the marketplace service (internal/marketplace, the code the GraphQL
// mutation calls; no HTTP): many recipients buy concurrently, some more
// often than their balance covers (refused with CONFLICT), then the
// balance invariant is checked over the whole store: every recipient's
// balance is the sum of its ledger entries, none is negative.
//
//	go run ./bench/purchase                                   # SQLite in a temp dir
//	go run ./bench/purchase -database-url postgres://postgres@127.0.0.1:5432/bench_purchase
package main

import (
	"context"
	"flag"
	"fmt"
	"github.com/kartuprakerja/platform/bench/internal/loadtest"
	"log"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/balanceentry"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/marketplace"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

const (
	balance = money.Rupiah(3_500_000)
	price   = money.Rupiah(100_000) // 35 purchases per balance
)

func main() {
	dbURL := flag.String("database-url", "", "store; default a new SQLite file in a temp dir")
	recipients := flag.Int("recipients", 800, "recipients buying")
	purchases := flag.Int("purchases", 10000, "purchases per round")
	workers := flag.Int("concurrency", 32, "concurrent buyers")
	rounds := flag.Int("rounds", 3, "rounds (the median is reported)")
	flag.Parse()
	if err := run(context.Background(), *dbURL, *recipients, *purchases, *workers, *rounds); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, dbURL string, nr, np, workers, rounds int) error {
	db, closeStore, err := loadtest.OpenEmpty(ctx, dbURL)
	if err != nil {
		return err
	}
	defer closeStore()
	w, err := fill(ctx, db.Client, nr)
	if err != nil {
		return err
	}
	svc := marketplace.New(marketplace.Deps{Client: db.Client, Dialect: db.Dialect})
	var rates []float64
	for round := range rounds {
		res := buy(svc, w, round, np, workers)
		rates = append(rates, res.rate)
		fmt.Printf("store=%s round=%d purchases=%d refused=%d errors=%d took=%s rate=%.0f/s p50=%s p99=%s\n",
			db.Dialect, round, res.ok, res.refused, res.failed, res.took.Round(time.Millisecond), res.rate,
			res.p50.Round(10*time.Microsecond), res.p99.Round(10*time.Microsecond))
		if res.failed > 0 {
			return fmt.Errorf("%d purchases failed", res.failed)
		}
	}
	slices.Sort(rates)
	bad, err := check(ctx, db)
	if err != nil {
		return err
	}
	fmt.Printf("store=%s median=%.0f purchases/s; invariant: %d recipients whose balance differs from their ledger or is negative\n",
		db.Dialect, rates[len(rates)/2], bad)
	if bad > 0 {
		return fmt.Errorf("balance invariant broken for %d recipients", bad)
	}
	return nil
}

// world is what the buyers need.
type world struct {
	buyers  []context.Context
	courses []pulid.ID
	platfrm pulid.ID
}

// fill creates an institution, a platform, 200 courses at price and nr
// recipients with the balance granted by a ledger entry.
func fill(ctx context.Context, c *ent.Client, nr int) (*world, error) {
	ctx = rule.System(ctx, "benchmark fill")
	inst, err := c.TrainingInstitution.Create().SetCode("LPB").SetName("LP Bench").Save(ctx)
	if err != nil {
		return nil, err
	}
	pl, err := c.DigitalPlatform.Create().SetCode("benchplat").SetName("Bench").SetURL("https://bench.example").Save(ctx)
	if err != nil {
		return nil, err
	}
	w := &world{platfrm: pl.ID}
	for i := range 200 {
		co, err := c.Course.Create().SetTitle(fmt.Sprintf("Kursus %d", i)).SetCategory("it").SetMethod("lms").
			SetPrice(price).SetDurationHours(4).SetTrainingInstitutionID(inst.ID).AddPlatformIDs(pl.ID).Save(ctx)
		if err != nil {
			return nil, err
		}
		w.courses = append(w.courses, co.ID)
	}
	prov, err := c.Province.Create().SetCode("32").SetName("JAWA BARAT").SetTimeZone("WIB").Save(ctx)
	if err != nil {
		return nil, err
	}
	reg, err := c.Regency.Create().SetCode("3273").SetName("KOTA BANDUNG").SetKind("kota").SetProvinceID(prov.ID).Save(ctx)
	if err != nil {
		return nil, err
	}
	err = database.WithTx(ctx, c, func(tx *ent.Tx) error {
		for from := 0; from < nr; from += 1000 {
			n := min(1000, nr-from)
			as := make([]*ent.AccountCreate, n)
			ids := make([]pulid.ID, n)
			for i := range n {
				ids[i] = pulid.New("ac")
				as[i] = tx.Account.Create().SetID(ids[i]).SetPhone(fmt.Sprintf("+62814%08d", from+i)).SetRole(viewer.RoleRecipient)
			}
			if err := tx.Account.CreateBulk(as...).Exec(ctx); err != nil {
				return err
			}
			rs := make([]*ent.RecipientCreate, n)
			es := make([]*ent.BalanceEntryCreate, n)
			for i := range n {
				k := from + i
				rid := pulid.New("rc")
				rs[i] = tx.Recipient.Create().SetID(rid).SetAccountID(ids[i]).SetNik(fmt.Sprintf("3273011019%06d", k)).
					SetKkNumber(fmt.Sprintf("3273010000%06d", k)).SetFullName(fmt.Sprintf("Pembeli %d", k)).
					SetBirthDate(time.Date(1990, 1, 10, 0, 0, 0, 0, time.UTC)).SetGender("female").SetRegencyID(reg.ID).
					SetArea("rural").SetEducation("senior_secondary").SetEmployment("not_working").SetStatus("recipient").
					SetTrainingBalance(balance).SetAcceptedAt(time.Now())
				es[i] = tx.BalanceEntry.Create().SetRecipientID(rid).SetKind(balanceentry.KindGrant).SetAmount(balance).
					SetBalanceAfter(balance).SetKey("grant:" + string(rid))
				w.buyers = append(w.buyers, viewer.NewContext(context.Background(),
					&viewer.Viewer{AccountID: ids[i], Role: viewer.RoleRecipient, RecipientID: rid}))
			}
			if err := tx.Recipient.CreateBulk(rs...).Exec(ctx); err != nil {
				return err
			}
			if err := tx.BalanceEntry.CreateBulk(es...).Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	})
	return w, err
}

type result struct {
	ok, refused, failed int64
	took, p50, p99      time.Duration
	rate                float64
}

// buy runs np purchases from workers goroutines; purchase i is made by
// recipient i mod len(buyers), so a recipient's purchases overlap.
func buy(svc *marketplace.Service, w *world, round, np, workers int) result {
	var next atomic.Int64
	var res result
	lat := make([]time.Duration, np)
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= np {
					return
				}
				t := time.Now()
				_, err := svc.Purchase(w.buyers[i%len(w.buyers)], marketplace.Order{CourseID: w.courses[i%len(w.courses)],
					PlatformID: w.platfrm, ClientID: fmt.Sprintf("r%d-%d", round, i)})
				lat[i] = time.Since(t)
				switch {
				case err == nil:
					atomic.AddInt64(&res.ok, 1)
				case apperr.Is(err, apperr.Conflict):
					atomic.AddInt64(&res.refused, 1)
				default:
					if atomic.AddInt64(&res.failed, 1) == 1 {
						log.Printf("purchase: %v", err)
					}
				}
			}
		}()
	}
	wg.Wait()
	res.took = time.Since(start)
	res.rate = float64(np) / res.took.Seconds()
	slices.Sort(lat)
	res.p50, res.p99 = lat[np/2], lat[np*99/100]
	return res
}

// check counts recipients whose balance is not their ledger's sum, or negative.
func check(ctx context.Context, db *database.DB) (int, error) {
	rows, err := db.Client.QueryContext(ctx, `SELECT COUNT(*) FROM recipients r
		WHERE r.training_balance < 0 OR r.training_balance <>
			(SELECT COALESCE(SUM(e.amount), 0) FROM balance_entries e WHERE e.recipient_id = r.id)`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int
	rows.Next()
	return n, rows.Scan(&n)
}
