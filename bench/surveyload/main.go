// Command surveyload measures survey ingestion through the whole stack
// (HTTP, auth, GraphQL, validation, privacy, store): it seeds the reference
// data and the three evaluation surveys into an empty store, adds recipients
// whose first incentive was sent 61 days ago (so SE1, SE2 and SE3 are all
// open), signs them in through the one-time-code flow, then has concurrent
// clients submit one response per recipient and survey over loopback, each
// with its own client id. It prints throughput and latency percentiles and
// checks that the store holds exactly one response per accepted submission.
//
//	go run ./bench/surveyload -users 7000 -concurrency 32
//	go run ./bench/surveyload -database-url postgres://postgres@127.0.0.1:5432/bench
package main

import (
	"context"
	"crypto/rand"
	"flag"
	"fmt"
	"github.com/kartuprakerja/platform/bench/internal/loadtest"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/pprof"
	"slices"
	"time"

	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/seed"
	"github.com/kartuprakerja/platform/internal/server"
	"github.com/kartuprakerja/platform/internal/sms"
)

type options struct {
	dbURL       string
	users       int
	concurrency int
	cpuProfile  string
}

func main() {
	var o options
	flag.StringVar(&o.dbURL, "database-url", "", "an empty store; default a new SQLite file in a temp dir")
	flag.IntVar(&o.users, "users", 7000, "recipients, each answering SE1, SE2 and SE3")
	flag.IntVar(&o.concurrency, "concurrency", 32, "concurrent clients")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the load phase to this file")
	flag.Parse()
	if err := run(context.Background(), o); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, o options) error {
	db, cleanup, err := loadtest.OpenEmpty(ctx, o.dbURL)
	if err != nil {
		return err
	}
	defer cleanup()
	if _, err := seed.Run(ctx, db.Client, seed.Options{Seed: 1, Recipients: 0, Now: time.Now()}); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	if err := addPaidRecipients(ctx, db.Client, o.users); err != nil {
		return err
	}
	a, rec, err := wire(db)
	if err != nil {
		return err
	}
	url, stop, err := listen(a.Handler)
	if err != nil {
		return err
	}
	defer stop()
	start := time.Now()
	tokens, err := signIn(ctx, a.Auth, rec, o.users)
	if err != nil {
		return err
	}
	fmt.Printf("signed in %d recipients in %s\n", len(tokens), time.Since(start).Round(time.Millisecond))
	jobs, err := buildJobs(ctx, db.Client, tokens)
	if err != nil {
		return err
	}
	stopProfile, err := profile(o.cpuProfile)
	if err != nil {
		return err
	}
	res := load(url, jobs, o.concurrency)
	stopProfile()
	return report(ctx, db, o, res)
}

// profile starts a CPU profile into path (none when empty).
func profile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// wire builds the platform with relaxed sign-in limits.
func wire(db *database.DB) (*app.App, *sms.Recorder, error) {
	secret := make([]byte, 32)
	_, _ = rand.Read(secret)
	acfg := auth.DefaultConfig()
	acfg.Secret, acfg.ResendInterval, acfg.CodesPerHour = secret, 0, 1<<20
	acfg.CodesPerNetworkMinute = 0 // the load comes from one host, the users from many networks
	acfg.SignInsPerNetworkMinute = 0
	rec := &sms.Recorder{}
	a, err := app.New(db, app.Config{Auth: acfg, Server: server.Config{}, SMS: rec, Log: quiet()})
	return a, rec, err
}

func listen(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln) //nolint:errcheck // stopped below
	return "http://" + ln.Addr().String() + "/graphql", func() { srv.Close() }, nil
}

// percentile returns the p-th latency of sorted lat.
func percentile(lat []time.Duration, p float64) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	return lat[int(float64(len(lat)-1)*p)]
}

func report(ctx context.Context, db *database.DB, o options, r result) error {
	slices.Sort(r.latencies)
	stored, err := countResponses(ctx, db.Client)
	if err != nil {
		return err
	}
	fmt.Printf("store=%s users=%d concurrency=%d submissions=%d errors=%d stored=%d elapsed=%s "+
		"throughput=%.0f responses/s cpu=%s/response p50=%s p99=%s\n",
		db.Dialect, o.users, o.concurrency, len(r.latencies), r.errors, stored, r.elapsed.Round(time.Millisecond),
		float64(len(r.latencies)-r.errors)/r.elapsed.Seconds(),
		(r.cpu / time.Duration(max(len(r.latencies), 1))).Round(time.Microsecond),
		percentile(r.latencies, 0.50).Round(10*time.Microsecond), percentile(r.latencies, 0.99).Round(10*time.Microsecond))
	if r.firstError != "" {
		fmt.Printf("first error: %s\n", r.firstError)
	}
	if want := len(r.latencies) - r.errors; stored != want {
		return fmt.Errorf("store holds %d responses, %d submissions were accepted", stored, want)
	}
	return nil
}
