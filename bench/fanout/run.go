package main

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/province"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/selectionresult"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/push"
	"github.com/kartuprakerja/platform/push/fcmfake"
)

func provinceZone(z string) province.TimeZone      { return province.TimeZone(z) }
func resultStatus(s string) selectionresult.Status { return selectionresult.Status(s) }

// result is what one fan-out measured.
type result struct {
	sentAll, recorded time.Duration // last message accepted; every notification recorded
	cpu               time.Duration // this process's CPU during the fan-out
	stats             fcmfake.Stats
	sent, pending     int
	mem               *memWatch
}

// fanOut starts the workers, queues the wave and waits until every
// notification is recorded as sent.
func fanOut(ctx context.Context, db *database.DB, o options, fake *fakeProc, wave pulid.ID, log *slog.Logger) (*result, error) {
	cfg := push.DefaultConfig()
	cfg.FCM = push.FCMConfig{ProjectID: "bench", Endpoint: fake.URL + "/v1", Connections: 128}
	cfg.Rate, cfg.Workers, cfg.BatchSize, cfg.PageSize = o.rate, o.workers, o.batch, o.page
	cfg.PollInterval = 100 * time.Millisecond
	svc, err := push.New(ctx, db, cfg, log)
	if err != nil {
		return nil, err
	}
	mem := watchMemory(250 * time.Millisecond)
	defer mem.stop()
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
		defer pprof.StopCPUProfile()
	}
	start, cpu0 := time.Now(), cpuTime(syscall.RUSAGE_SELF)
	if err := svc.Start(ctx); err != nil {
		return nil, err
	}
	defer svc.Stop(context.Background()) //nolint:errcheck // end of the run
	if err := svc.FanOutWaveResults(ctx, wave); err != nil {
		return nil, err
	}
	res := &result{mem: mem}
	if res.sentAll, err = waitAccepted(ctx, fake, o.n, start, mem); err != nil {
		return nil, err
	}
	if res.recorded, err = waitRecorded(ctx, db, o.n, start); err != nil {
		return nil, err
	}
	res.cpu = cpuTime(syscall.RUSAGE_SELF) - cpu0
	if res.stats, err = fake.stats(); err != nil {
		return nil, err
	}
	res.sent, res.pending = countStatus(ctx, db)
	return res, nil
}

// waitAccepted polls the fake until it accepted n messages.
func waitAccepted(ctx context.Context, fake *fakeProc, n int, start time.Time, mem *memWatch) (time.Duration, error) {
	last := time.Now()
	for {
		st, err := fake.stats()
		if err != nil {
			return 0, err
		}
		if st.Accepted >= int64(n) {
			return time.Since(start), nil
		}
		if time.Since(last) > 10*time.Second {
			last = time.Now()
			rss, heap := mem.current()
			fmt.Printf("  %6.1fs  accepted %8d  %7.0f msg/s  rss %4d MiB  heap %4d MiB\n",
				time.Since(start).Seconds(), st.Accepted, float64(st.Accepted)/time.Since(start).Seconds(),
				rss>>20, heap>>20)
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// waitRecorded polls the store until no notification is pending.
func waitRecorded(ctx context.Context, db *database.DB, n int, start time.Time) (time.Duration, error) {
	for {
		sent, pending := countStatus(ctx, db)
		if sent+pending >= n && pending == 0 {
			return time.Since(start), nil
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

func countStatus(ctx context.Context, db *database.DB) (sent, pending int) {
	ctx = rule.System(ctx, "benchmark")
	sent, _ = db.Client.Notification.Query().Where(notification.PushStatusEQ(notification.PushStatusSent)).Count(ctx)
	pending, _ = db.Client.Notification.Query().Where(notification.PushStatusEQ(notification.PushStatusPending)).Count(ctx)
	return sent, pending
}

// cpuTime is the user and system CPU of the process (or its waited-for
// children).
func cpuTime(who int) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (r *result) print(n int) {
	peakRSS, peakHeap, samples := r.mem.peaks()
	fmt.Printf("fan-out of %d: last message accepted after %s, all recorded after %s\n",
		n, r.sentAll.Round(time.Millisecond), r.recorded.Round(time.Millisecond))
	fmt.Printf("  throughput %.0f messages/s (to recorded: %.0f/s)\n",
		float64(n)/r.sentAll.Seconds(), float64(n)/r.recorded.Seconds())
	fmt.Printf("  fake FCM: accepted %d, tokens %d, duplicates %d\n", r.stats.Accepted, r.stats.Tokens, r.stats.Duplicates)
	fmt.Printf("  notifications sent %d, pending %d\n", r.sent, r.pending)
	fmt.Printf("  peak RSS %d MiB, peak heap in use %d MiB; heap by quarter: %s\n", peakRSS>>20, peakHeap>>20, samples)
	fmt.Printf("  CPU of the pipeline during the fan-out: %s (%.0f µs a message)\n",
		r.cpu.Round(time.Millisecond), float64(r.cpu.Microseconds())/float64(n))
}

func (r *result) check(n int) error {
	if r.stats.Tokens != n || r.stats.Duplicates != 0 || r.sent != n {
		return fmt.Errorf("delivery not exactly once: tokens %d, duplicates %d, sent %d of %d",
			r.stats.Tokens, r.stats.Duplicates, r.sent, n)
	}
	return nil
}

// memWatch samples this process's RSS and heap.
type memWatch struct {
	mu       sync.Mutex
	rss      []uint64
	heap     []uint64
	done     chan struct{}
	stopOnce sync.Once
}

func watchMemory(every time.Duration) *memWatch {
	m := &memWatch{done: make(chan struct{})}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-m.done:
				return
			case <-t.C:
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				m.mu.Lock()
				m.rss, m.heap = append(m.rss, rss()), append(m.heap, ms.HeapInuse)
				m.mu.Unlock()
			}
		}
	}()
	return m
}

func (m *memWatch) stop() { m.stopOnce.Do(func() { close(m.done) }) }

func (m *memWatch) current() (rss, heap uint64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.rss) == 0 {
		return 0, 0
	}
	return m.rss[len(m.rss)-1], m.heap[len(m.heap)-1]
}

// peaks returns the highest RSS and heap and the heap at each quarter of
// the run (flat memory shows as four similar figures).
func (m *memWatch) peaks() (rss, heap uint64, quarters string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var q []string
	for i, h := range m.heap {
		rss, heap = max(rss, m.rss[i]), max(heap, h)
	}
	for k := 1; k <= 4 && len(m.heap) > 0; k++ {
		q = append(q, strconv.FormatUint(m.heap[(len(m.heap)-1)*k/4]>>20, 10)+" MiB")
	}
	return rss, heap, strings.Join(q, ", ")
}

// rss reads the resident set size from /proc (0 elsewhere).
func rss() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
