package database_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/province"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
)

func TestWrites(t *testing.T) {
	tests := []struct {
		query string
		want  bool
	}{
		{"INSERT INTO a VALUES (1)", true},
		{"  \n(insert into a select 1)", true},
		{"UPDATE a SET b = 1", true},
		{"delete FROM a", true},
		{"REPLACE INTO a VALUES (1)", true},
		{"SELECT * FROM a", false},
		{"WITH x AS (SELECT 1) SELECT * FROM x", false},
		{"PRAGMA wal_checkpoint", false},
		{"INS", false},
	}
	for _, tt := range tests {
		if got := database.Writes(tt.query); got != tt.want {
			t.Errorf("writes(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func addProvince(ctx context.Context, c *ent.Client, code string) error {
	return c.Province.Create().SetCode(code).SetName("P" + code).SetTimeZone(province.TimeZoneWIB).Exec(ctx)
}

// TestSQLiteWriterGate checks the gate in front of the SQLite writer: a
// writer that cannot get its turn fails with ErrWriterBusy (not SQLite's
// busy error after busy_timeout), waiting writers leave the pool to
// readers, and every transaction and RETURNING insert gives its turn back.
func TestSQLiteWriterGate(t *testing.T) {
	db := dbtest.Open(t, dialect.SQLite)
	ctx := rule.System(context.Background(), "test")
	holder, err := db.Client.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if holder.SQLTx() == nil {
		t.Error("SQLTx() is nil under the gate")
	}
	database.SetGateWait(db, 50*time.Millisecond)
	if err := addProvince(ctx, db.Client, "X1"); !errors.Is(err, database.ErrWriterBusy) {
		t.Fatalf("write while another holds the writer: %v, want ErrWriterBusy", err)
	}
	if _, err := db.Client.ExecContext(ctx, "DELETE FROM provinces"); !errors.Is(err, database.ErrWriterBusy) {
		t.Fatalf("hand-written write while another holds the writer: %v, want ErrWriterBusy", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := db.Client.Tx(cctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("begin with a cancelled context: %v, want context.Canceled", err)
	}

	// Twenty writers queue (more than the pool's eight connections); a
	// reader still gets a connection at once.
	database.SetGateWait(db, 5*time.Second)
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for g := range 20 {
		wg.Go(func() {
			code := fmt.Sprintf("%c%d", 'A'+g/10, g%10)
			if g%2 == 0 {
				errs <- addProvince(ctx, db.Client, code) // autocommit INSERT … RETURNING
				return
			}
			errs <- database.WithTx(ctx, db.Client, func(tx *ent.Tx) error {
				return addProvince(ctx, tx.Client(), code)
			})
		})
	}
	waitAtGate(t, 20, 10*time.Second)
	rctx, rcancel := context.WithTimeout(ctx, time.Second)
	if _, err := db.Client.Province.Query().Count(rctx); err != nil {
		t.Errorf("read while writers queue: %v", err)
	}
	rcancel()
	if err := holder.Rollback(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("queued writer: %v", err)
		}
	}
	// Every turn was given back: a short wait is enough again.
	database.SetGateWait(db, 50*time.Millisecond)
	if err := addProvince(ctx, db.Client, "Z9"); err != nil {
		t.Fatalf("write after the queue drained: %v", err)
	}
	if n := db.Client.Province.Query().CountX(ctx); n != 21 {
		t.Errorf("provinces = %d, want 21", n)
	}
}

// waitAtGate waits until n goroutines are parked in the write gate (their
// stacks are in writeGate.enter), failing after timeout.
func waitAtGate(t *testing.T, n int, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	buf := make([]byte, 1<<20)
	for {
		waiting := 0
		for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
			if strings.Contains(g, "internal/database.(*writeGate).enter(") {
				waiting++
			}
		}
		if waiting >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d writers waiting at the gate after %s", waiting, n, timeout)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestIsBusy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "busy.db")
	db, err := database.Open(ctx, path, database.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	holder, err := db.Client.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback()
	// Another process's writer: no gate, a short busy timeout.
	other, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(50)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	_, busy := other.Begin()
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"SQLite busy after its timeout", busy, true},
		{"the gate's timeout, wrapped", fmt.Errorf("store: %w", database.ErrWriterBusy), true},
		{"another error", errors.New("disk on fire"), false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		if got := database.IsBusy(tt.err); got != tt.want {
			t.Errorf("%s: IsBusy(%v) = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
}
