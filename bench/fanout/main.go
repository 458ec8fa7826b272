// Command fanout benchmarks the push pipeline end to end: one wave's
// selection results fanned out to N applicants (default 1,000,000), each
// with one FCM device, through the real Firebase Admin SDK to push/fcmfake
// running in a child process (so this process's memory is the pipeline's
// alone), with the rate limit off.
//
//	go run ./bench/fanout -n 1000000                      # SQLite in a temp dir
//	go run ./bench/fanout -n 1000000 -db postgres://postgres@127.0.0.1:5432/postgres
//
// With a PostgreSQL URL a fresh database is created on that server and
// dropped afterwards. It reports the data load time, the fan-out's wall
// time (from FanOutWaveResults to every notification recorded sent),
// messages per second, duplicates seen by the fake, and peak RSS and heap.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"
)

// loadAvg is the 1-minute load average: other processes compete for the
// same 2 cores.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Fields(string(b))[0]
}

type options struct {
	n           int
	db          string
	workers     int
	batch, page int
	rate        float64
	keep        bool
	serveFake   bool
	cpuProfile  string
	gogc        int
}

func main() {
	var o options
	flag.IntVar(&o.n, "n", 1_000_000, "applicants (one device each)")
	flag.StringVar(&o.db, "db", "", "SQLite file or postgres:// server URL (default: a SQLite file in a temp dir)")
	flag.IntVar(&o.workers, "workers", 3, "delivery jobs at once")
	flag.IntVar(&o.batch, "batch", 500, "notifications per delivery job")
	flag.IntVar(&o.page, "page", 2000, "applications per fan-out transaction")
	flag.Float64Var(&o.rate, "rate", 0, "messages per second (0: no limit)")
	flag.BoolVar(&o.keep, "keep", false, "keep the database")
	flag.BoolVar(&o.serveFake, "serve-fake", false, "internal: run the fake FCM server")
	flag.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the fan-out to this file")
	flag.IntVar(&o.gogc, "gogc", 400, "garbage collector target percentage, as prakerja serve sets it (0: the Go default or $GOGC)")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	if o.gogc > 0 {
		debug.SetGCPercent(o.gogc)
	}
	var err error
	if o.serveFake {
		err = serveFake(ctx)
	} else {
		err = run(ctx, o, log)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "fanout:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, o options, log *slog.Logger) error {
	fake, err := startFake(ctx)
	if err != nil {
		return err
	}
	defer fake.stop()
	db, cleanup, err := openStore(ctx, o)
	if err != nil {
		return err
	}
	defer cleanup()
	start := time.Now()
	waveID, err := load(ctx, db, o.n)
	if err != nil {
		return err
	}
	loaded := time.Since(start)
	fmt.Printf("store %s: loaded %d applicants, accounts, recipients and devices in %s\n",
		db.Dialect, o.n, loaded.Round(time.Millisecond))
	res, err := fanOut(ctx, db, o, fake, waveID, log)
	if err != nil {
		return err
	}
	res.print(o.n)
	fake.stop()
	fakeCPU := cpuTime(syscall.RUSAGE_CHILDREN)
	fmt.Printf("  CPU of the fake FCM: %s (%.0f µs a message); machine load average %s\n",
		fakeCPU.Round(time.Millisecond), float64(fakeCPU.Microseconds())/float64(o.n), loadAvg())
	fmt.Printf("  both: %.0f µs a message, a CPU-bound floor of %s on 2 idle cores\n",
		float64((res.cpu+fakeCPU).Microseconds())/float64(o.n), ((res.cpu + fakeCPU) / 2).Round(time.Second))
	return res.check(o.n)
}
