package database_test

import (
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"

	"github.com/kartuprakerja/platform/internal/database"
)

// recorder is a writer that remembers what it was asked to write.
type recorder struct {
	mu      sync.Mutex
	batches [][]int
	ones    []int
	short   bool // return one result too few
}

func (r *recorder) one(n int) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.ones = append(r.ones, n)
	return fmt.Sprint("one ", n), nil
}

func (r *recorder) batch(items []int) []database.Result[string] {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.batches = append(r.batches, append([]int(nil), items...))
	out := make([]database.Result[string], len(items))
	for i, n := range items {
		out[i] = database.Result[string]{Value: fmt.Sprint("batch ", n)}
		if n < 0 {
			out[i] = database.Result[string]{Err: errors.New("negative")}
		}
	}
	if r.short {
		out = out[:len(out)-1]
	}
	return out
}

// submitAll submits items while the lead is held, waits until all are
// queued, then releases the lead.
func submitAll(t *testing.T, g *database.GroupCommit[int, string], items []int) ([]string, []error) {
	t.Helper()
	release := g.Hold()
	vals, errs := make([]string, len(items)), make([]error, len(items))
	var wg sync.WaitGroup
	for i, n := range items {
		wg.Go(func() { vals[i], errs[i] = g.Submit(n) })
		for { // submit in order, so that the batches are predictable
			if q, _ := g.State(); q == i+1 {
				break
			}
		}
	}
	release()
	wg.Wait()
	return vals, errs
}

// TestGroupCommitBatchesOnSQLite: on the single-writer store, queued
// submissions are written max at a time, in order, by the batch writer,
// each submitter getting its own result; the lead ends with the queue.
func TestGroupCommitBatchesOnSQLite(t *testing.T) {
	r := &recorder{}
	g := database.NewGroupCommit(database.SQLite, 2, r.one, r.batch)
	vals, errs := submitAll(t, g, []int{1, 2, -3, 4, 5})
	if want := [][]int{{1, 2}, {-3, 4}, {5}}; !reflect.DeepEqual(r.batches, want) || len(r.ones) > 0 {
		t.Errorf("batches %v, ones %v; want %v and none", r.batches, r.ones, want)
	}
	if want := []string{"batch 1", "batch 2", "", "batch 4", "batch 5"}; !reflect.DeepEqual(vals, want) {
		t.Errorf("values %q, want %q", vals, want)
	}
	for i, err := range errs {
		if (i == 2) != (err != nil) {
			t.Errorf("submission %d: error %v", i, err)
		}
	}
	if q, leading := g.State(); q != 0 || leading {
		t.Errorf("left %d queued, leading %v", q, leading)
	}
}

// TestGroupCommitWritesAtOnceOnPostgres: with concurrent writers each
// submission is written alone, at once.
func TestGroupCommitWritesAtOnceOnPostgres(t *testing.T) {
	r := &recorder{}
	g := database.NewGroupCommit(database.Postgres, 2, r.one, r.batch)
	for _, n := range []int{1, 2} {
		if v, err := g.Submit(n); v != fmt.Sprint("one ", n) || err != nil {
			t.Errorf("Submit(%d) = %q, %v", n, v, err)
		}
	}
	if len(r.batches) > 0 || !reflect.DeepEqual(r.ones, []int{1, 2}) {
		t.Errorf("batches %v, ones %v", r.batches, r.ones)
	}
}

// TestGroupCommitReportsMissingResults: a batch writer that returns too
// few results fails the submissions it left out instead of hanging them.
func TestGroupCommitReportsMissingResults(t *testing.T) {
	r := &recorder{short: true}
	g := database.NewGroupCommit(database.SQLite, 2, r.one, r.batch)
	_, errs := submitAll(t, g, []int{1, 2})
	if errs[0] != nil || errs[1] == nil {
		t.Errorf("errors %v, want only the second", errs)
	}
}
