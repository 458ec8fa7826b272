package survey_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// BenchmarkSubmit measures survey ingestion through the service on SQLite:
// b.N distinct recipients (paid, window open) each submit one complete
// response from concurrent goroutines; every submission is a full accept
// (lookups, validation, response + entitlement + audit in one transaction).
//
//	go test -run '^$' -bench BenchmarkSubmit -benchtime 20000x ./internal/survey/
func BenchmarkSubmit(b *testing.B) {
	for _, d := range []string{dialect.SQLite} {
		b.Run(d, func(b *testing.B) {
			db := dbtest.Open(b, d)
			e := newEnv(b, db)
			ctxs := paidRecipients(b, e, b.N)
			var next atomic.Int64
			b.SetParallelism(benchParallelism)
			cpu0 := cpuTime()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					i := next.Add(1) - 1
					if _, err := e.svc.Submit(ctxs[i], e.submission(fmt.Sprintf("bench-%d", i))); err != nil {
						b.Errorf("submit %d: %v", i, err)
						return
					}
				}
			})
			b.StopTimer()
			cpu := cpuTime() - cpu0
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "responses/s")
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/response")
			if got := e.responses(b); got != b.N {
				b.Errorf("%d responses stored, want %d", got, b.N)
			}
		})
	}
}

// paidRecipients bulk-creates n recipients whose first incentive was sent
// 40 days ago and returns their signed-in contexts.
func paidRecipients(b *testing.B, e *env, n int) []context.Context {
	b.Helper()
	c, ctx := e.db.Client, sys()
	sent := e.now.Add(-40 * day)
	out := make([]context.Context, 0, n)
	const chunk = 1000
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		var accts []*ent.AccountCreate
		for i := lo; i < hi; i++ {
			accts = append(accts, c.Account.Create().SetPhone(fmt.Sprintf("+62857%08d", i)).SetRole(viewer.RoleRecipient))
		}
		as := c.Account.CreateBulk(accts...).SaveX(ctx)
		var recs []*ent.RecipientCreate
		for i, a := range as {
			recs = append(recs, c.Recipient.Create().SetAccountID(a.ID).
				SetNik(fmt.Sprintf("327301%06d%04d", 500000+lo+i, 1)).SetKkNumber(fmt.Sprintf("3273010000%06d", lo+i)).
				SetFullName("Penerima").SetBirthDate(time.Date(1990, 1, 10, 0, 0, 0, 0, time.UTC)).
				SetGender("female").SetRegencyID(e.world.Regency.ID).SetArea("rural").
				SetEducation("primary").SetEmployment("not_working").SetStatus("recipient").SetTrainingBalance(0))
		}
		rs := c.Recipient.CreateBulk(recs...).SaveX(ctx)
		var pays []*ent.PayoutCreate
		for i, r := range rs {
			pays = append(pays, c.Payout.Create().SetRecipientID(r.ID).SetKind("incentive").SetInstallment(1).
				SetAmount(600_000).SetScheduledFor(sent).SetStatus("sent").SetSentAt(sent).
				SetIdempotencyKey(fmt.Sprintf("incentive:%s:1", r.ID)))
			out = append(out, viewer.NewContext(context.Background(), &viewer.Viewer{
				AccountID: as[i].ID, Role: viewer.RoleRecipient, RecipientID: r.ID, Locale: "id"}))
		}
		c.Payout.CreateBulk(pays...).ExecX(ctx)
	}
	return out
}

// benchParallelism x GOMAXPROCS goroutines submit at once (32 on 2 cores).
const benchParallelism = 16

// cpuTime is the CPU time (user and system) the process used so far: on a
// shared machine it measures the cost of a response better than the wall
// clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
