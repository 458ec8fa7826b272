// Package loadtest holds what the load generators share: a store to load,
// the whole platform on a loopback port, sign-in through the real
// one-time-code flow, concurrent clients, and percentile reports.
package loadtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/seed"
	"github.com/kartuprakerja/platform/internal/server"
	"github.com/kartuprakerja/platform/internal/sms"
)

// Open opens (and migrates) the store at url, or a new SQLite file in a
// temporary directory when url is empty, seeding n recipients into an
// empty store. close removes the temporary directory.
func Open(ctx context.Context, url string, n int) (db *database.DB, closeFn func(), err error) {
	if db, closeFn, err = OpenEmpty(ctx, url); err != nil {
		return nil, nil, err
	}
	if err := seedIfEmpty(ctx, db, n, quiet()); err != nil {
		closeFn()
		return nil, nil, err
	}
	return db, closeFn, nil
}

// OpenEmpty opens and migrates the store at url, or a new SQLite file in a
// temporary directory when url is empty, for generators that write their
// own rows. close removes the temporary directory.
func OpenEmpty(ctx context.Context, url string) (db *database.DB, closeFn func(), err error) {
	cleanup := func() {}
	if url == "" {
		dir, err := os.MkdirTemp("", "load-")
		if err != nil {
			return nil, nil, err
		}
		cleanup = func() { os.RemoveAll(dir) }
		url = filepath.Join(dir, "load.db")
	}
	if db, err = database.Open(ctx, url, database.Options{}); err != nil {
		cleanup()
		return nil, nil, err
	}
	closeFn = func() { db.Close(); cleanup() }
	if _, err = db.Migrate(ctx, quiet()); err != nil {
		closeFn()
		return nil, nil, err
	}
	return db, closeFn, nil
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func seedIfEmpty(ctx context.Context, db *database.DB, n int, log *slog.Logger) error {
	has, err := db.Client.Province.Query().Exist(rule.System(ctx, "load test"))
	if err != nil || has {
		return err
	}
	start := time.Now()
	if _, err := seed.Run(ctx, db.Client, seed.Options{Seed: 1, Recipients: n, Now: time.Now(), Logger: log,
		Parallel: db.Store().InterleavesStatements()}); err != nil {
		return err
	}
	fmt.Printf("seeded %d recipients in %s\n", n, time.Since(start).Round(time.Millisecond))
	return nil
}

// Server is the platform on a loopback port.
type Server struct {
	URL string // the GraphQL endpoint
	SMS *sms.Recorder
	srv *http.Server
}

// Start serves the platform over db.
func Start(db *database.DB) (*Server, error) {
	secret := make([]byte, 32)
	_, _ = rand.Read(secret)
	acfg := auth.DefaultConfig()
	acfg.Secret, acfg.ResendInterval, acfg.CodesPerHour = secret, 0, 1<<20
	acfg.CodesPerNetworkMinute = 0 // the load comes from one host, the users from many networks
	acfg.SignInsPerNetworkMinute = 0
	rec := &sms.Recorder{}
	a, err := app.New(db, app.Config{Auth: acfg, Server: server.Config{}, SMS: rec,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{URL: "http://" + ln.Addr().String() + "/graphql", SMS: rec, srv: &http.Server{Handler: a.Handler}}
	go s.srv.Serve(ln) //nolint:errcheck // closed by Stop
	return s, nil
}

// Stop closes the server.
func (s *Server) Stop() { s.srv.Close() }

// SignIn signs phone in through requestSignInCode and signIn.
func (s *Server) SignIn(phone string) (string, error) {
	if _, err := Post(s.URL, "", `mutation($p:String!){requestSignInCode(phone:$p){phone}}`, map[string]any{"p": phone}); err != nil {
		return "", err
	}
	var code string
	fmt.Sscanf(s.SMS.Last(phone), "Kode masuk Kartu Prakerja: %6s", &code)
	body, err := Post(s.URL, "", `mutation($p:String!,$c:String!){signIn(phone:$p,code:$c){token}}`,
		map[string]any{"p": phone, "c": code})
	if err != nil {
		return "", err
	}
	var r struct {
		Data struct{ SignIn struct{ Token string } }
	}
	if err := json.Unmarshal(body, &r); err != nil || r.Data.SignIn.Token == "" {
		return "", fmt.Errorf("sign in %s: %s", phone, body)
	}
	return r.Data.SignIn.Token, nil
}

var client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}

// Post sends one GraphQL operation.
func Post(url, token, query string, vars map[string]any) ([]byte, error) {
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

// Result is what a run measured.
type Result struct {
	Latencies []time.Duration
	Errors    int
	Elapsed   time.Duration
}

// Run calls op(i) for i in [0, n) from conc workers, or until d passes
// (d = 0: no time limit); op reports whether the call succeeded.
func Run(conc, n int, d time.Duration, op func(i int) bool) Result {
	var mu sync.Mutex
	var res Result
	next := make(chan int)
	start := time.Now()
	go func() {
		defer close(next)
		for i := 0; i < n && (d == 0 || time.Since(start) < d); i++ {
			next <- i
		}
	}()
	var wg sync.WaitGroup
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			bad := 0
			for i := range next {
				t := time.Now()
				ok := op(i)
				lat = append(lat, time.Since(t))
				if !ok {
					bad++
				}
			}
			mu.Lock()
			res.Latencies, res.Errors = append(res.Latencies, lat...), res.Errors+bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	return res
}

// String reports throughput and percentiles.
func (r Result) String() string {
	slices.Sort(r.Latencies)
	pct := func(p float64) time.Duration {
		if len(r.Latencies) == 0 {
			return 0
		}
		return r.Latencies[int(float64(len(r.Latencies)-1)*p)].Round(10 * time.Microsecond)
	}
	return fmt.Sprintf("requests=%d errors=%d elapsed=%s throughput=%.0f/s p50=%s p99=%s",
		len(r.Latencies), r.Errors, r.Elapsed.Round(time.Millisecond),
		float64(len(r.Latencies))/r.Elapsed.Seconds(), pct(0.50), pct(0.99))
}
