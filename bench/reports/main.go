// Command reports measures the digital platforms' training reports through
// the whole stack (HTTP, API-key authentication, GraphQL or xAPI, the
// training service, the store): it seeds the catalogue and the demo
// accounts, gives the demo recipient -purchases redeemed purchases on
// Tokopedia, issues Tokopedia a training:write key, then concurrent clients
// send, per purchase, progress 25, 50 and 75 and the completion: half of the
// purchases through the reportProgress/reportCompletion mutations, half as
// xAPI statements (POST /xapi/statements, -batch statements a request). It
// prints throughput and latency percentiles per channel and checks that
// the store holds one report row per accepted report and every purchase
// completed.
//
//	go run ./bench/reports -database-url postgres://postgres@127.0.0.1:5432/bench_reports
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/trainingreport"
	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/seed"
	"github.com/kartuprakerja/platform/internal/training"
	"github.com/kartuprakerja/platform/internal/viewer"
)

type options struct {
	dbURL       string
	purchases   int
	concurrency int
	batch       int
}

func main() {
	var o options
	flag.StringVar(&o.dbURL, "database-url", "", "an empty store; default a new SQLite file in a temp dir")
	flag.IntVar(&o.purchases, "purchases", 2000, "purchases, each getting 4 reports")
	flag.IntVar(&o.concurrency, "concurrency", 32, "concurrent clients")
	flag.IntVar(&o.batch, "batch", 1, "xAPI statements per request (an array above 1)")
	flag.Parse()
	if err := run(context.Background(), o); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, o options) error {
	db, cleanup, err := open(ctx, o.dbURL)
	if err != nil {
		return err
	}
	defer cleanup()
	if _, err := seed.Run(ctx, db.Client, seed.Options{Seed: 1, Recipients: 0, Now: time.Now()}); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	secret := make([]byte, 32)
	_, _ = rand.Read(secret)
	acfg := auth.DefaultConfig()
	acfg.Secret = secret
	a, err := app.New(db, app.Config{Auth: acfg, Log: quiet()})
	if err != nil {
		return err
	}
	ps, err := addPurchases(ctx, db.Client, o.purchases)
	if err != nil {
		return err
	}
	key, err := issueKey(ctx, db.Client, a.Auth)
	if err != nil {
		return err
	}
	base, stop, err := listen(a.Handler)
	if err != nil {
		return err
	}
	defer stop()
	pub := a.Training.Config().PublicURL
	var gql, xapi []job
	for round, percent := range []int{25, 50, 75, 100} {
		var sts []map[string]any
		for i, p := range ps {
			if i%2 == 0 {
				gql = append(gql, graphQLJob(base, key, p, round, percent))
			} else {
				sts = append(sts, statement(pub, p, i, round, percent))
			}
		}
		for start := 0; start < len(sts); start += o.batch {
			xapi = append(xapi, xapiJob(base, key, sts[start:min(len(sts), start+o.batch)]))
		}
	}
	accepted := 0
	for _, c := range []struct {
		name string
		jobs []job
	}{{"graphql", gql}, {"xapi", xapi}} {
		r := load(c.jobs, o.concurrency)
		accepted += r.reports
		slices.Sort(r.latencies)
		fmt.Printf("store=%s channel=%s batch=%d requests=%d reports=%d errors=%d concurrency=%d elapsed=%s throughput=%.0f reports/s p50=%s p99=%s (per request)\n",
			db.Dialect, c.name, max(1, c.jobs[0].n), len(r.latencies), r.reports, r.errors, o.concurrency, r.elapsed.Round(time.Millisecond),
			float64(r.reports)/r.elapsed.Seconds(),
			pct(r.latencies, 0.5).Round(10*time.Microsecond), pct(r.latencies, 0.99).Round(10*time.Microsecond))
		if r.firstError != "" {
			fmt.Println("first error:", r.firstError)
		}
	}
	return check(ctx, db.Client, accepted, len(ps))
}

func open(ctx context.Context, url string) (*database.DB, func(), error) {
	dir := ""
	if url == "" {
		d, err := os.MkdirTemp("", "reports-")
		if err != nil {
			return nil, nil, err
		}
		dir, url = d, filepath.Join(d, "bench.db")
	}
	db, err := database.Open(ctx, url, database.Options{})
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() {
		db.Close()
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	if _, err := db.Migrate(ctx, quiet()); err != nil {
		cleanup()
		return nil, nil, err
	}
	return db, cleanup, nil
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// addPurchases gives the demo recipient n redeemed purchases of its
// Tokopedia course.
func addPurchases(ctx context.Context, c *ent.Client, n int) ([]*ent.Purchase, error) {
	sys := rule.System(ctx, "bench")
	demo, err := c.Purchase.Query().Where(purchase.RedemptionCode("DEMO-0000-0002")).Only(sys)
	if err != nil {
		return nil, fmt.Errorf("demo purchase: %w", err)
	}
	now := time.Now().Add(-time.Hour)
	var out []*ent.Purchase
	for start := 0; start < n; start += 1000 {
		var bulk []*ent.PurchaseCreate
		for i := start; i < min(n, start+1000); i++ {
			bulk = append(bulk, c.Purchase.Create().SetRecipientID(demo.RecipientID).SetCourseID(demo.CourseID).
				SetDigitalPlatformID(demo.DigitalPlatformID).SetPrice(demo.Price).
				SetInvoiceCode(fmt.Sprintf("INV/BENCH/%d", i)).SetIdempotencyKey(fmt.Sprintf("bench:%d", i)).
				SetStatus(purchase.StatusRedeemed).SetRedeemedAt(now))
		}
		ps, err := c.Purchase.CreateBulk(bulk...).Save(sys)
		if err != nil {
			return nil, fmt.Errorf("purchases: %w", err)
		}
		out = append(out, ps...)
	}
	return out, nil
}

// issueKey issues the Tokopedia operator a training:write key, as the admin.
func issueKey(ctx context.Context, c *ent.Client, a *auth.Service) (string, error) {
	sys := rule.System(ctx, "bench")
	admin, err := c.Account.Query().Where(account.Phone("+6281100000001")).Only(sys)
	if err != nil {
		return "", fmt.Errorf("admin: %w", err)
	}
	op, err := c.Account.Query().Where(account.Phone("+6281100000012")).Only(sys)
	if err != nil {
		return "", fmt.Errorf("platform operator: %w", err)
	}
	as := viewer.NewContext(ctx, &viewer.Viewer{AccountID: admin.ID, Role: viewer.RoleAdmin, SessionID: "bench"})
	k, err := a.CreateAPIKey(as, op.ID, "bench", []string{training.Scope})
	return k.Key, err
}

func listen(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln) //nolint:errcheck // stopped below
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// job is one HTTP request; ok tells an accepted answer.
type job struct {
	n   int // reports in the request
	req func() *http.Request
	ok  func(status int, body []byte) bool
}

func graphQLJob(base, key string, p *ent.Purchase, round, percent int) job {
	doc := `mutation($c: String!, $p: Int!, $k: String!) { reportProgress(code: $c, percent: $p, idempotencyKey: $k) { status } }`
	vars := map[string]any{"c": p.RedemptionCode, "p": percent, "k": fmt.Sprintf("g:%s:%d", p.ID, round)}
	if percent == 100 {
		doc = `mutation($c: String!, $k: String!) { reportCompletion(code: $c, idempotencyKey: $k) { status } }`
		delete(vars, "p")
	}
	body, _ := json.Marshal(map[string]any{"query": doc, "variables": vars})
	return job{
		n: 1,
		req: func() *http.Request {
			r, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set("Authorization", "ApiKey "+key)
			return r
		},
		ok: func(status int, b []byte) bool { return status == 200 && !bytes.Contains(b, []byte(`"errors"`)) },
	}
}

func statement(pub string, p *ent.Purchase, i, round, percent int) map[string]any {
	st := map[string]any{
		"id":     fmt.Sprintf("%08x-0000-4000-8000-%012x", round, i),
		"actor":  map[string]any{"objectType": "Agent", "account": map[string]any{"homePage": pub, "name": training.LearnerOf(p)}},
		"verb":   map[string]any{"id": training.VerbProgressed},
		"object": map[string]any{"objectType": "Activity", "id": pub + training.ActivityPath + p.RedemptionCode},
		"result": map[string]any{"extensions": map[string]any{training.ExtProgress: percent}},
	}
	if percent == 100 {
		st["verb"] = map[string]any{"id": training.VerbCompleted}
		delete(st, "result")
	}
	return st
}

// xapiJob posts sts: one statement object, or an array of several.
func xapiJob(base, key string, sts []map[string]any) job {
	var body []byte
	if len(sts) == 1 {
		body, _ = json.Marshal(sts[0])
	} else {
		body, _ = json.Marshal(sts)
	}
	return job{
		n: len(sts),
		req: func() *http.Request {
			r, _ := http.NewRequest(http.MethodPost, base+"/xapi/statements", bytes.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set("Authorization", "ApiKey "+key)
			r.Header.Set("X-Experience-API-Version", "1.0.3")
			return r
		},
		ok: func(status int, _ []byte) bool { return status == 200 },
	}
}

type result struct {
	reports    int // accepted
	latencies  []time.Duration
	errors     int
	firstError string
	elapsed    time.Duration
}

func load(jobs []job, concurrency int) result {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: concurrency}}
	var next atomic.Int64
	var mu sync.Mutex
	res := result{latencies: make([]time.Duration, 0, len(jobs))}
	start := time.Now()
	var wg sync.WaitGroup
	for range concurrency {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				t := time.Now()
				status, body, err := send(client, jobs[i].req())
				d := time.Since(t)
				mu.Lock()
				res.latencies = append(res.latencies, d)
				if err == nil && jobs[i].ok(status, body) {
					res.reports += jobs[i].n
				} else {
					res.errors++
					if res.firstError == "" {
						res.firstError = fmt.Sprintf("%d %s %v", status, body, err)
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	return res
}

func send(c *http.Client, r *http.Request) (int, []byte, error) {
	res, err := c.Do(r)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, b, err
}

func pct(lat []time.Duration, p float64) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	return lat[int(float64(len(lat)-1)*p)]
}

// check verifies the store: one report row per accepted report, every
// bench purchase completed.
func check(ctx context.Context, c *ent.Client, accepted, purchases int) error {
	sys := rule.System(ctx, "bench")
	rows, err := c.TrainingReport.Query().Where(trainingreport.IdempotencyKeyNEQ("")).Count(sys)
	if err != nil {
		return err
	}
	done, err := c.Purchase.Query().Where(purchase.InvoiceCodeHasPrefix("INV/BENCH/"), purchase.StatusEQ(purchase.StatusCompleted)).Count(sys)
	if err != nil {
		return err
	}
	fmt.Printf("check: report rows=%d accepted=%d completed=%d/%d\n", rows, accepted, done, purchases)
	if rows != accepted || done != purchases {
		return fmt.Errorf("store does not match the accepted reports")
	}
	return nil
}
