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
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/kartuprakerja/platform/bench/internal/loadtest"
	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/trainingreport"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/training"
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
	db, closeDB, err := loadtest.Open(ctx, o.dbURL, 0)
	if err != nil {
		return err
	}
	defer closeDB()
	ps, err := addPurchases(ctx, db.Client, o.purchases)
	if err != nil {
		return err
	}
	srv, err := loadtest.Start(db)
	if err != nil {
		return err
	}
	defer srv.Stop()
	key, err := issueKey(srv)
	if err != nil {
		return err
	}
	base := strings.TrimSuffix(srv.URL, "/graphql")
	pub := journey.DefaultConfig().PublicURL // the stack's public URL
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
		var reports atomic.Int64
		r := loadtest.Run(o.concurrency, len(c.jobs), 0, func(i int) bool {
			ok := c.jobs[i].send()
			if ok {
				reports.Add(int64(c.jobs[i].n))
			}
			return ok
		})
		accepted += int(reports.Load())
		fmt.Printf("store=%s channel=%s batch=%d concurrency=%d reports=%d throughput=%.0f reports/s; per request: %s\n",
			db.Dialect, c.name, c.jobs[0].n, o.concurrency, reports.Load(), float64(reports.Load())/r.Elapsed.Seconds(), r)
	}
	return check(ctx, db.Client, accepted, len(ps))
}

// addPurchases gives the demo recipient n redeemed purchases of the course
// of its purchase in progress (on Tokopedia).
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

// issueKey signs the Tokopedia operator in and issues it a training:write key.
func issueKey(srv *loadtest.Server) (string, error) {
	token, err := srv.SignIn("+6281100000012")
	if err != nil {
		return "", err
	}
	body, err := loadtest.Post(srv.URL, token, `{ me { id } }`, nil)
	var me struct {
		Data struct{ Me struct{ ID string } }
	}
	if err != nil || json.Unmarshal(body, &me) != nil {
		return "", fmt.Errorf("me: %s %v", body, err)
	}
	body, err = loadtest.Post(srv.URL, token, `mutation($id: ID!) {
  createAPIKey(accountId: $id, label: "bench", scopes: ["training:write"]) { key } }`, map[string]any{"id": me.Data.Me.ID})
	var k struct {
		Data struct{ CreateAPIKey struct{ Key string } }
	}
	if err != nil || json.Unmarshal(body, &k) != nil || k.Data.CreateAPIKey.Key == "" {
		return "", fmt.Errorf("create key: %s %v", body, err)
	}
	return k.Data.CreateAPIKey.Key, nil
}

// job is one HTTP request; ok tells an accepted answer.
type job struct {
	n   int // reports in the request
	req func() *http.Request
	ok  func(status int, body []byte) bool
}

var client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}

// send makes the request and tells whether it was accepted.
func (j job) send() bool {
	res, err := client.Do(j.req())
	if err != nil {
		return false
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return err == nil && j.ok(res.StatusCode, b)
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
