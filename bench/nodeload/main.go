// Command nodeload measures node(id:) reads of a recipient by that recipient
// under concurrent load, through the whole stack (HTTP, auth, GraphQL,
// privacy, store), on SQLite or PostgreSQL. It seeds a store (or reuses one),
// signs recipients in through the real one-time-code flow, then runs
// concurrent clients on loopback for a fixed duration and prints throughput
// and latency percentiles.
//
//	go run ./bench/nodeload -recipients 100000 -duration 20s
//	go run ./bench/nodeload -database-url postgres://postgres@127.0.0.1:5432/bench -recipients 100000
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
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/seed"
	"github.com/kartuprakerja/platform/internal/server"
	"github.com/kartuprakerja/platform/internal/sms"
	"github.com/kartuprakerja/platform/internal/viewer"
)

type options struct {
	dbURL       string
	recipients  int
	users       int
	concurrency int
	duration    time.Duration
}

func main() {
	var o options
	flag.StringVar(&o.dbURL, "database-url", "", "store; default a new SQLite file in a temp dir")
	flag.IntVar(&o.recipients, "recipients", 100_000, "recipients to seed into an empty store")
	flag.IntVar(&o.users, "users", 200, "distinct recipients signed in and reading")
	flag.IntVar(&o.concurrency, "concurrency", 32, "concurrent clients")
	flag.DurationVar(&o.duration, "duration", 20*time.Second, "how long to load")
	flag.Parse()
	if err := run(context.Background(), o); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, o options) error {
	if o.dbURL == "" {
		dir, err := os.MkdirTemp("", "nodeload-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		o.dbURL = filepath.Join(dir, "bench.db")
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	db, err := database.Open(ctx, o.dbURL, database.Options{})
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Migrate(ctx, quiet); err != nil {
		return err
	}
	if err := seedIfEmpty(ctx, db, o.recipients); err != nil {
		return err
	}
	url, rec, stop, err := startServer(db, quiet)
	if err != nil {
		return err
	}
	defer stop()
	users, err := signIn(ctx, db.Client, url, rec, o.users)
	if err != nil {
		return err
	}
	lat, errs := load(url, users, o.concurrency, o.duration)
	report(db.Dialect, o, lat, errs)
	return nil
}

func seedIfEmpty(ctx context.Context, db *database.DB, n int) error {
	has, err := db.Client.Province.Query().Exist(rule.System(ctx, "bench"))
	if err != nil || has {
		return err
	}
	start := time.Now()
	if _, err := seed.Run(ctx, db.Client, seed.Options{Seed: 1, Recipients: n, Now: time.Now(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}); err != nil {
		return err
	}
	fmt.Printf("seeded %d recipients in %s\n", n, time.Since(start).Round(time.Millisecond))
	return nil
}

func startServer(db *database.DB, log *slog.Logger) (string, *sms.Recorder, func(), error) {
	secret := make([]byte, 32)
	_, _ = rand.Read(secret)
	acfg := auth.DefaultConfig()
	acfg.Secret, acfg.ResendInterval, acfg.CodesPerHour = secret, 0, 1<<20
	rec := &sms.Recorder{}
	a, err := app.New(db, app.Config{Auth: acfg, Server: server.Config{}, SMS: rec, Log: log})
	if err != nil {
		return "", nil, nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, nil, err
	}
	srv := &http.Server{Handler: a.Handler}
	go srv.Serve(ln) //nolint:errcheck // stopped below
	return "http://" + ln.Addr().String() + "/graphql", rec, func() { srv.Close() }, nil
}

type user struct{ token, recipientID string }

// signIn signs in the first n recipient accounts through the real flow.
func signIn(ctx context.Context, c *ent.Client, url string, rec *sms.Recorder, n int) ([]user, error) {
	accts, err := c.Account.Query().Where(account.RoleEQ(viewer.RoleRecipient), account.HasRecipient()).
		WithRecipient().Limit(n).All(rule.System(ctx, "bench"))
	if err != nil {
		return nil, err
	}
	var out []user
	for _, a := range accts {
		if _, err := post(url, "", `mutation($p:String!){requestSignInCode(phone:$p){phone}}`, map[string]any{"p": a.Phone}); err != nil {
			return nil, err
		}
		var code string
		fmt.Sscanf(rec.Last(a.Phone), "Kode masuk Kartu Prakerja: %6s", &code)
		body, err := post(url, "", `mutation($p:String!,$c:String!){signIn(phone:$p,code:$c){token}}`,
			map[string]any{"p": a.Phone, "c": code})
		if err != nil {
			return nil, err
		}
		var r struct {
			Data struct{ SignIn struct{ Token string } }
		}
		if err := json.Unmarshal(body, &r); err != nil || r.Data.SignIn.Token == "" {
			return nil, fmt.Errorf("sign in %s: %s", a.Phone, body)
		}
		out = append(out, user{token: r.Data.SignIn.Token, recipientID: string(a.Edges.Recipient.ID)})
	}
	return out, nil
}

const nodeQuery = `query($id: ID!) { node(id: $id) { id ... on Recipient { fullName status trainingBalance } } }`

func load(url string, users []user, conc int, d time.Duration) ([]time.Duration, int) {
	var mu sync.Mutex
	var all []time.Duration
	errs := 0
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for w := range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			bad := 0
			for i := w; time.Now().Before(deadline); i += conc {
				u := users[i%len(users)]
				start := time.Now()
				body, err := post(url, u.token, nodeQuery, map[string]any{"id": u.recipientID})
				lat = append(lat, time.Since(start))
				if err != nil || !bytes.Contains(body, []byte(u.recipientID)) {
					bad++
				}
			}
			mu.Lock()
			all, errs = append(all, lat...), errs+bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all, errs
}

var client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}

func post(url, token, query string, vars map[string]any) ([]byte, error) {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func report(dialect string, o options, lat []time.Duration, errs int) {
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[int(float64(len(lat)-1)*p)]
	}
	fmt.Printf("store=%s users=%d concurrency=%d duration=%s requests=%d errors=%d throughput=%.0f req/s p50=%s p99=%s\n",
		dialect, o.users, o.concurrency, o.duration, len(lat), errs,
		float64(len(lat))/o.duration.Seconds(), pct(0.50).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond))
}
