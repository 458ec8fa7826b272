package training_test

import (
	"context"
	"fmt"
	"maps"
	"sync"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/training"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestFaults: every bad input and fault is refused with its code (and
// field), and writes nothing: no report row, the purchase unchanged.
func TestFaults(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		future := e.now.Add(10 * time.Minute)
		cases := []struct {
			name   string
			status purchase.Status
			ctx    func(e *env) context.Context
			report func(code string) training.Report
			code   apperr.Code
			field  string
		}{
			{"other platform's code", purchase.StatusRedeemed, func(e *env) context.Context { return e.platform(e.w.Platform2) },
				func(c string) training.Report { return progress(c, "k1", 10) }, apperr.NotFound, "code"},
			{"unknown code", purchase.StatusRedeemed, nil,
				func(string) training.Report { return progress("NOPE-0000-0000", "k1", 10) }, apperr.NotFound, "code"},
			{"progress before redeem", purchase.StatusPaid, nil,
				func(c string) training.Report { return progress(c, "k1", 10) }, apperr.Conflict, ""},
			{"completion never redeemed", purchase.StatusPaid, nil,
				func(c string) training.Report { return report(training.Completion, c, "k1", 0) }, apperr.Conflict, ""},
			{"score never redeemed", purchase.StatusPaid, nil,
				func(c string) training.Report { return report(training.PostTest, c, "k1", 80) }, apperr.Conflict, ""},
			{"cancelled redeem", purchase.StatusCancelled, nil,
				func(c string) training.Report { return report(training.Redeem, c, "k1", 0) }, apperr.Conflict, ""},
			{"refunded completion", purchase.StatusRefunded, nil,
				func(c string) training.Report { return report(training.Completion, c, "k1", 0) }, apperr.Conflict, ""},
			{"percent above 100", purchase.StatusRedeemed, nil,
				func(c string) training.Report { return progress(c, "k1", 101) }, apperr.BadUserInput, "percent"},
			{"percent below 0", purchase.StatusRedeemed, nil,
				func(c string) training.Report { return progress(c, "k1", -1) }, apperr.BadUserInput, "percent"},
			{"score above 100", purchase.StatusRedeemed, nil,
				func(c string) training.Report { return report(training.PostTest, c, "k1", 101) }, apperr.BadUserInput, "score"},
			{"score below 0", purchase.StatusRedeemed, nil,
				func(c string) training.Report { return report(training.PreTest, c, "k1", -5) }, apperr.BadUserInput, "score"},
			{"at in the future", purchase.StatusRedeemed, nil,
				func(c string) training.Report { r := progress(c, "k1", 10); r.At = &future; return r },
				apperr.BadUserInput, "at"},
			{"no key", purchase.StatusRedeemed, nil,
				func(c string) training.Report { return progress(c, " ", 10) }, apperr.BadUserInput, "idempotencyKey"},
			{"no code", purchase.StatusRedeemed, nil,
				func(string) training.Report { return progress("", "k1", 10) }, apperr.BadUserInput, "code"},
			{"actor not the recipient", purchase.StatusRedeemed, nil,
				func(c string) training.Report { r := progress(c, "k1", 10); r.Learner = ptr("Lsomeoneelse"); return r },
				apperr.BadUserInput, "actor"},
			{"key without the scope", purchase.StatusRedeemed,
				func(e *env) context.Context { return e.platform(e.w.Platform, "purchases:read") },
				func(c string) training.Report { return progress(c, "k1", 10) }, apperr.Forbidden, ""},
			{"a recipient", purchase.StatusRedeemed, func(*env) context.Context {
				return viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: "ac_x", Role: viewer.RoleRecipient,
					RecipientID: "re_x", SessionID: "se_x"})
			}, func(c string) training.Report { return progress(c, "k1", 10) }, apperr.Forbidden, ""},
			{"an institution", purchase.StatusRedeemed, func(e *env) context.Context {
				return viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: "ac_y", Role: viewer.RoleInstitution,
					OrgID: e.w.Institution.ID, SessionID: "se_y"})
			}, func(c string) training.Report { return progress(c, "k1", 10) }, apperr.Forbidden, ""},
			{"anonymous", purchase.StatusRedeemed, func(*env) context.Context { return context.Background() },
				func(c string) training.Report { return progress(c, "k1", 10) }, apperr.Unauthenticated, ""},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				p := e.reload(t, e.purchase(t, e.recipient(t), c.status))
				ctx := e.platform(e.w.Platform)
				if c.ctx != nil {
					ctx = c.ctx(e)
				}
				_, err := e.svc.Report(ctx, c.report(p.RedemptionCode))
				if got := codeOf(err); got != c.code || fieldOf(err) != c.field {
					t.Fatalf("got %v (%s, field %q), want %s field %q", err, got, fieldOf(err), c.code, c.field)
				}
				if all, _ := e.reports(t, p); all != 0 {
					t.Errorf("%d reports written", all)
				}
				if after := e.reload(t, p); after.Status != p.Status || after.ProgressPercent != 0 || !after.UpdatedAt.Equal(p.UpdatedAt) {
					t.Errorf("purchase changed: %+v", after)
				}
			})
		}
	})
}

func report(k training.Kind, code, key string, value int) training.Report {
	return training.Report{Kind: k, Code: code, Key: key, Value: value, Channel: training.GraphQL}
}

func progress(code, key string, percent int) training.Report {
	return report(training.Progress, code, key, percent)
}

func at(r training.Report, t time.Time) training.Report { r.At = &t; return r }

// TestJourney: redeem, progress, reordered and replayed reports, scores,
// completion; each step's effect on the purchase and the report rows.
func TestJourney(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		rec := e.recipient(t)
		p := e.purchase(t, rec, purchase.StatusPaid)
		ctx := e.platform(e.w.Platform)
		t0 := e.now.Add(-time.Hour)
		steps := []struct {
			name     string
			report   training.Report
			status   purchase.Status
			progress int
			code     apperr.Code
			reports  [2]int // rows, applied rows after the step
		}{
			{"redeem", at(report(training.Redeem, p.RedemptionCode, "r1", 0), t0), purchase.StatusRedeemed, 0, "", [2]int{1, 1}},
			{"redeem again, new key", report(training.Redeem, p.RedemptionCode, "r2", 0), purchase.StatusRedeemed, 0, "", [2]int{2, 1}},
			{"progress 0 stays redeemed", at(progress(p.RedemptionCode, "p0", 0), t0.Add(time.Minute)), purchase.StatusRedeemed, 0, "", [2]int{3, 2}},
			{"progress 40", at(progress(p.RedemptionCode, "p1", 40), t0.Add(20*time.Minute)), purchase.StatusInProgress, 40, "", [2]int{4, 3}},
			{"replay of progress 40", at(progress(p.RedemptionCode, "p1", 40), t0.Add(20*time.Minute)), purchase.StatusInProgress, 40, "", [2]int{4, 3}},
			{"key reused with other content", at(progress(p.RedemptionCode, "p1", 45), t0.Add(20*time.Minute)), purchase.StatusInProgress, 40, apperr.Conflict, [2]int{4, 3}},
			{"older report arrives late", at(progress(p.RedemptionCode, "p2", 70), t0.Add(10*time.Minute)), purchase.StatusInProgress, 40, "", [2]int{5, 3}},
			{"lower percent, newer: never decreases", at(progress(p.RedemptionCode, "p3", 30), t0.Add(30*time.Minute)), purchase.StatusInProgress, 40, "", [2]int{6, 4}},
			{"lowercase code, spaces", at(progress(" "+lower(p.RedemptionCode)+" ", "p4", 60), t0.Add(40*time.Minute)), purchase.StatusInProgress, 60, "", [2]int{7, 5}},
			{"pre-test", report(training.PreTest, p.RedemptionCode, "t1", 55), purchase.StatusInProgress, 60, "", [2]int{8, 6}},
			{"second pre-test ignored", report(training.PreTest, p.RedemptionCode, "t2", 90), purchase.StatusInProgress, 60, "", [2]int{9, 6}},
			{"post-test 60 does not pass", report(training.PostTest, p.RedemptionCode, "t3", 60), purchase.StatusInProgress, 60, "", [2]int{10, 7}},
			{"completion", at(report(training.Completion, p.RedemptionCode, "c1", 0), t0.Add(50*time.Minute)), purchase.StatusCompleted, 100, "", [2]int{11, 8}},
			{"completion again", report(training.Completion, p.RedemptionCode, "c2", 0), purchase.StatusCompleted, 100, "", [2]int{12, 8}},
			{"lower post-test ignored", report(training.PostTest, p.RedemptionCode, "t4", 40), purchase.StatusCompleted, 100, "", [2]int{13, 8}},
		}
		for _, s := range steps {
			got, err := e.svc.Report(ctx, s.report)
			if codeOf(err) != s.code {
				t.Fatalf("%s: %v, want %q", s.name, err, s.code)
			}
			after := e.reload(t, p)
			if after.Status != s.status || after.ProgressPercent != s.progress {
				t.Errorf("%s: status %s progress %d, want %s %d", s.name, after.Status, after.ProgressPercent, s.status, s.progress)
			}
			if err == nil && (got.Status != after.Status || got.ProgressPercent != after.ProgressPercent) {
				t.Errorf("%s: returned %s %d, stored %s %d", s.name, got.Status, got.ProgressPercent, after.Status, after.ProgressPercent)
			}
			if all, applied := e.reports(t, p); [2]int{all, applied} != s.reports {
				t.Errorf("%s: reports %d applied %d, want %v", s.name, all, applied, s.reports)
			}
		}
		after := e.reload(t, p)
		if after.RedeemedAt == nil || !after.RedeemedAt.Equal(t0) {
			t.Errorf("redeemed_at %v, want %v", after.RedeemedAt, t0)
		}
		if after.ProgressAt == nil || !after.ProgressAt.Equal(t0.Add(50*time.Minute)) {
			t.Errorf("progress_at %v", after.ProgressAt)
		}
		if after.CompletedAt == nil || !after.CompletedAt.Equal(t0.Add(50*time.Minute)) {
			t.Errorf("completed_at %v", after.CompletedAt)
		}
		if *after.PreTestScore != 55 || *after.PostTestScore != 60 {
			t.Errorf("scores %d %d", *after.PreTestScore, *after.PostTestScore)
		}
		if e.issuer.calls.Load() != 0 || len(e.events(t, rec)) != 0 {
			t.Errorf("a post-test of 60 issued a certificate")
		}
		// 61 passes: the certificate and the first-certificate event.
		if _, err := e.svc.Report(ctx, report(training.PostTest, p.RedemptionCode, "t5", 61)); err != nil {
			t.Fatal(err)
		}
		if e.issuer.calls.Load() != 1 || len(e.events(t, rec)) != 1 {
			t.Errorf("post-test 61 on a completed course: %d issues, %d events", e.issuer.calls.Load(), len(e.events(t, rec)))
		}
	})
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

// TestCertification: whichever of completion and a passing post-test comes
// last issues the certificate; the recipient's first certificate publishes
// one event with the contract's payload, a second certificate none.
func TestCertification(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		ctx := e.platform(e.w.Platform)
		rec := e.recipient(t)
		scoreFirst := e.purchase(t, rec, purchase.StatusRedeemed)
		must(t, e.svc, ctx, report(training.PostTest, scoreFirst.RedemptionCode, "a1", 75))
		if e.issuer.calls.Load() != 0 {
			t.Fatal("a post-test before completion issued a certificate")
		}
		must(t, e.svc, ctx, report(training.Completion, scoreFirst.RedemptionCode, "a2", 0))
		evs := e.events(t, rec)
		if e.issuer.calls.Load() != 1 || len(evs) != 1 {
			t.Fatalf("score then completion: %d issues, %d events", e.issuer.calls.Load(), len(evs))
		}
		ev := evs[0]
		cert := e.reload(t, scoreFirst).QueryCertificate().OnlyX(rulesSystem())
		want := map[string]string{"certificateId": string(cert.ID), "purchaseId": string(scoreFirst.ID),
			"courseId": string(scoreFirst.CourseID), "issuedAt": cert.IssuedAt.UTC().Format(time.RFC3339)}
		if ev.Key != "certificate.first_issued:"+string(rec.ID) || *ev.RecipientID != rec.ID || !maps.Equal(ev.Payload, want) {
			t.Errorf("event %+v, want payload %v", ev, want)
		}
		// A replay issues nothing more.
		must(t, e.svc, ctx, report(training.Completion, scoreFirst.RedemptionCode, "a2", 0))
		completionFirst := e.purchase(t, rec, purchase.StatusInProgress)
		must(t, e.svc, ctx, report(training.Completion, completionFirst.RedemptionCode, "b1", 0))
		must(t, e.svc, ctx, report(training.PostTest, completionFirst.RedemptionCode, "b2", 90))
		if e.issuer.calls.Load() != 2 || len(e.events(t, rec)) != 1 {
			t.Errorf("second certificate: %d issues, %d events (want 2, 1)", e.issuer.calls.Load(), len(e.events(t, rec)))
		}
		// A recipient certified before (a certificate without an event, as
		// seeded): a new certificate is not the first.
		veteran := e.recipient(t)
		old := e.purchase(t, veteran, purchase.StatusCompleted)
		e.db.Client.Certificate.Create().SetRecipientID(veteran.ID).SetCourseID(old.CourseID).SetPurchaseID(old.ID).
			SetNumber("OLD-1").SetPostTestScore(80).SetIssuedAt(e.now.Add(-time.Hour)).ExecX(rulesSystem())
		again := e.purchase(t, veteran, purchase.StatusRedeemed)
		must(t, e.svc, ctx, report(training.PostTest, again.RedemptionCode, "v1", 70))
		must(t, e.svc, ctx, report(training.Completion, again.RedemptionCode, "v2", 0))
		if e.issuer.calls.Load() != 3 || len(e.events(t, veteran)) != 0 {
			t.Errorf("certified before: %d issues, %d events (want 3, 0)", e.issuer.calls.Load(), len(e.events(t, veteran)))
		}
	})
}

func must(t *testing.T, s *training.Service, ctx context.Context, r training.Report) *ent.Purchase {
	t.Helper()
	p, err := s.Report(ctx, r)
	if err != nil {
		t.Fatalf("%s %s: %v", r.Kind, r.Key, err)
	}
	return p
}

// TestConcurrentCompletions: eight identical completions at once (one key,
// and eight keys) on a purchase whose post-test passed: one certificate,
// one event, and with the same key one report row.
func TestConcurrentCompletions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		ctx := e.platform(e.w.Platform)
		for _, sameKey := range []bool{true, false} {
			e.issuer.calls.Store(0)
			rec := e.recipient(t)
			p := e.purchase(t, rec, purchase.StatusInProgress)
			must(t, e.svc, ctx, report(training.PostTest, p.RedemptionCode, fmt.Sprint("s", sameKey), 80))
			var wg sync.WaitGroup
			const n = 8
			errs := make([]error, n)
			start := make(chan struct{})
			for i := range n {
				key := fmt.Sprint("done-", sameKey)
				if !sameKey {
					key += string(rune('a' + i))
				}
				wg.Go(func() {
					<-start
					_, errs[i] = e.svc.Report(ctx, report(training.Completion, p.RedemptionCode, key, 0))
				})
			}
			close(start)
			wg.Wait()
			for _, err := range errs {
				if err != nil {
					t.Fatalf("same key %v: %v", sameKey, err)
				}
			}
			all, _ := e.reports(t, p)
			wantRows := 1 + n
			if sameKey {
				wantRows = 2
			}
			if e.issuer.calls.Load() != 1 || len(e.events(t, rec)) != 1 || all != wantRows {
				t.Errorf("same key %v: %d issues, %d events, %d reports", sameKey, e.issuer.calls.Load(), len(e.events(t, rec)), all)
			}
		}
	})
}
