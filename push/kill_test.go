package push

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Environment of the worker process the kill test starts.
const (
	helperDB  = "PUSH_HELPER_DB"
	helperFCM = "PUSH_HELPER_FCM"
)

// Kill-test timing: a short lease and rescue so that the restarted worker
// takes over the killed one's jobs within a minute (river's rescuer runs
// every 30 s).
const (
	killJobTimeout  = 2 * time.Second
	killRescueAfter = 3 * time.Second
)

// TestKillDuringFanOut SIGKILLs the worker process in the middle of a wave
// fan-out to 20,000 applicants, restarts it, and checks that every
// applicant's device got the result, as exactly one notification: one
// notification row per applicant, one notification id per token at the
// fake FCM, no notification left pending. Messages that were in flight at
// the kill (accepted by FCM, not yet recorded) are sent again with the same
// notification id, tag and collapse key; their number is bounded by the
// batches in flight and reported.
func TestKillDuringFanOut(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test: slow")
	}
	for _, d := range []string{dialect.SQLite, dialect.Postgres} {
		t.Run(d, func(t *testing.T) { killTest(t, d) })
	}
}

func killTest(t *testing.T, d string) {
	const applicants, killAt = 20_000, 7_000
	u, db := openFresh(t, d)
	e := newEnv(t, db, func(c *Config) { c.JobTimeout, c.RescueAfter = killJobTimeout, killRescueAfter })
	e.bulkApplicants("kill", applicants)
	if err := e.svc.FanOutWaveResults(context.Background(), e.wave.ID); err != nil {
		t.Fatal(err)
	}
	e.fcm.SetLatency(2 * time.Millisecond)
	w := &workerProc{t: t, db: u, fcm: e.fcm.URL}
	var once sync.Once
	e.fcm.OnAccept(func(total int64) {
		if total >= killAt {
			once.Do(w.kill)
		}
	})
	w.start()
	if err := w.wait(2 * time.Minute); err == nil {
		t.Fatal("worker finished before it was killed")
	}
	killedAt := e.fcm.Stats()
	t.Logf("killed after %d messages", killedAt.Accepted)
	w.start()
	waitDone(t, e, applicants, 3*time.Minute)
	w.stop()
	checkExactlyOnce(t, e, applicants)
}

// checkExactlyOnce asserts one notification per applicant, delivered to its
// token under one notification id, and bounded resends.
func checkExactlyOnce(t *testing.T, e *env, applicants int) {
	ctx := rule.System(context.Background(), "test")
	rows := must(e.db.Client.Notification.Query().Count(ctx))
	sent := must(e.db.Client.Notification.Query().Where(notification.PushStatusEQ(notification.PushStatusSent)).Count(ctx))
	if rows != applicants || sent != applicants {
		t.Errorf("%d notification rows, %d sent; want %d each", rows, sent, applicants)
	}
	missing, repeated, resent := 0, 0, 0
	for i := range applicants {
		tok := fmt.Sprintf("kill-%06d", i)
		switch n, ids := e.fcm.Count(tok), e.fcm.NotificationIDs(tok); {
		case n == 0:
			missing++
		case len(ids) != 1:
			repeated++
		default:
			resent += n - 1
		}
	}
	bound := e.svc.cfg.Workers * e.svc.cfg.BatchSize
	t.Logf("resent after the kill (same notification id, in flight when killed): %d messages (bound %d)", resent, bound)
	if missing > 0 || repeated > 0 {
		t.Errorf("%d tokens got nothing, %d got two different notifications", missing, repeated)
	}
	if resent > bound {
		t.Errorf("%d messages resent, more than the %d that can be in flight", resent, bound)
	}
}

func waitDone(t *testing.T, e *env, applicants int, timeout time.Duration) {
	t.Helper()
	ctx := rule.System(context.Background(), "test")
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		n := must(e.db.Client.Notification.Query().Count(ctx))
		if n == applicants && e.pendingCount() == 0 && e.busyJobs() == 0 {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Fatalf("not done after %s: %d pending, %d busy jobs", timeout, e.pendingCount(), e.busyJobs())
}

// workerProc is this test binary re-run as TestHelperWorker.
type workerProc struct {
	t       *testing.T
	db, fcm string
	mu      sync.Mutex
	cmd     *exec.Cmd
	done    chan error
}

func (w *workerProc) start() {
	w.t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWorker$", "-test.v")
	cmd.Env = append(os.Environ(), helperDB+"="+w.db, helperFCM+"="+w.fcm)
	if testing.Verbose() {
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	}
	if err := cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	w.mu.Lock()
	w.cmd, w.done = cmd, done
	w.mu.Unlock()
}

func (w *workerProc) kill() {
	w.mu.Lock()
	defer w.mu.Unlock()
	_ = w.cmd.Process.Signal(syscall.SIGKILL)
}

func (w *workerProc) wait(timeout time.Duration) error {
	select {
	case err := <-w.done:
		return err
	case <-time.After(timeout):
		w.kill()
		return fmt.Errorf("worker did not exit within %s", timeout)
	}
}

func (w *workerProc) stop() {
	_ = w.cmd.Process.Signal(syscall.SIGTERM)
	if err := w.wait(30 * time.Second); err != nil {
		w.t.Errorf("worker stop: %v", err)
	}
}

// TestHelperWorker is the worker process of TestKillDuringFanOut: it runs
// the push workers against the store and fake FCM named in its environment
// until SIGTERM (or SIGKILL).
func TestHelperWorker(t *testing.T) {
	u := os.Getenv(helperDB)
	if u == "" {
		t.Skip("the worker process of TestKillDuringFanOut")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	db, err := database.Open(ctx, u, database.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cfg := testConfig(os.Getenv(helperFCM))
	cfg.JobTimeout, cfg.RescueAfter = killJobTimeout, killRescueAfter
	svc, err := New(ctx, db, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Start(ctx); err != nil {
		t.Fatal(err)
	}
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := svc.Stop(sctx); err != nil {
		t.Error(err)
	}
}

// openFresh creates a migrated store another process can open: a SQLite
// file in the test's directory, or a new PostgreSQL database.
func openFresh(t *testing.T, d string) (string, *database.DB) {
	t.Helper()
	u := filepath.Join(t.TempDir(), "kill.db")
	if d == dialect.Postgres {
		u = createPostgres(t)
	}
	db, err := database.Open(context.Background(), u, database.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(context.Background(), slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	return u, db
}

// createPostgres makes a database on dbtest's server, dropped at the end
// (skipped without a server, as dbtest does, except in CI).
func createPostgres(t *testing.T) string {
	t.Helper()
	u, drop, err := database.Scratch(context.Background(), dbtest.PostgresURL(), "push_kill_")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL unreachable: %v", err)
		}
		t.Skipf("PostgreSQL unreachable: %v", err)
	}
	t.Cleanup(drop)
	return u
}
