package seed

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "modernc.org/sqlite"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/application"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/selectionresult"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/internal/nik"
	"github.com/kartuprakerja/platform/internal/regions"
	"github.com/kartuprakerja/platform/internal/rule"
)

// openClient opens a fresh, migrated SQLite database at path.
func openClient(tb testing.TB, path string) *ent.Client {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)"+
		"&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)"+os.Getenv("SEED_DSN_EXTRA"))
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	db.SetMaxOpenConns(1)
	client := ent.NewClient(ent.Driver(entsql.OpenDB(dialect.SQLite, db)))
	tb.Cleanup(func() { client.Close() })
	if err := client.Schema.Create(rule.System(context.Background(), "test")); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	return client
}

// identity is what must be equal between two runs of the same seed.
type identity struct {
	id, nik, kk, name, phone, card, status string
	birth                                  time.Time
}

func recipientIdentities(t *testing.T, ctx context.Context, client *ent.Client) []identity {
	t.Helper()
	rows, err := client.Recipient.Query().WithAccount().Order(ent.Asc(recipient.FieldID)).All(ctx)
	if err != nil {
		t.Fatalf("query recipients: %v", err)
	}
	out := make([]identity, len(rows))
	for i, r := range rows {
		out[i] = identity{id: string(r.ID), nik: r.Nik, kk: r.KkNumber, name: r.FullName,
			phone: r.Edges.Account.Phone, status: string(r.Status), birth: r.BirthDate.UTC()}
		if r.CardNumber != nil {
			out[i].card = *r.CardNumber
		}
	}
	return out
}

func TestSeedSmall(t *testing.T) {
	const n = 2_000
	now := time.Date(2026, time.March, 10, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		seed int64
	}{
		{"seed 1", 1},
		{"seed 20210101", 20210101},
	}
	var previous []identity
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := rule.System(context.Background(), "test")
			dir := t.TempDir()
			a := openClient(t, filepath.Join(dir, "a.db"))
			sum, err := Run(ctx, a, Options{Seed: tt.seed, Recipients: n, Now: now})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			checkSummary(t, sum, n)
			// The same seed on another day yields the same people.
			b := openClient(t, filepath.Join(dir, "b.db"))
			if _, err := Run(ctx, b, Options{Seed: tt.seed, Recipients: n, Now: now.AddDate(0, 1, 3)}); err != nil {
				t.Fatalf("Run again: %v", err)
			}
			ia, ib := recipientIdentities(t, ctx, a), recipientIdentities(t, ctx, b)
			if len(ia) != n+1 || len(ia) != len(ib) {
				t.Fatalf("recipients: %d and %d, want %d", len(ia), len(ib), n+1)
			}
			for i := range ia {
				if ia[i] != ib[i] {
					t.Fatalf("recipient %d differs between runs:\n%+v\n%+v", i, ia[i], ib[i])
				}
			}
			if previous != nil && previous[1].nik == ia[1].nik && previous[1].id == ia[1].id {
				t.Error("different seeds yield the same recipients")
			}
			previous = ia
			checkNIKs(t, ctx, a)
			checkMix(t, ctx, a)
			checkWaves(t, ctx, a, now)
			if _, err := Run(ctx, a, Options{Seed: tt.seed, Recipients: 10}); !errors.Is(err, ErrAlreadySeeded) {
				t.Errorf("Run on a seeded database: %v, want ErrAlreadySeeded", err)
			}
		})
	}
}

func checkSummary(t *testing.T, s Summary, n int) {
	t.Helper()
	counts := []struct {
		name      string
		got, want int
	}{
		{"provinces", s.Provinces, 34}, {"regencies", s.Regencies, 514}, {"platforms", s.Platforms, 7},
		{"institutions", s.Institutions, 181}, {"courses", s.Courses, 1957}, {"payment partners", s.PaymentPartners, 6},
		{"job portals", s.JobPortals, 3}, {"waves", s.Waves, 12}, {"wave quotas", s.WaveQuotas, 12 * 34},
		{"surveys", s.Surveys, 3}, {"questions", s.Questions, 60}, {"recipients", s.Recipients, n + 1},
		{"accounts", s.Accounts, n + 1 + 11}, {"demo accounts", len(s.DemoAccounts), 12},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if s.SurveyQuestions < 18 || s.SurveyQuestions > 30 {
		t.Errorf("survey questions = %d, want 6-10 per survey", s.SurveyQuestions)
	}
	extra := float64(s.RegistryPeople-s.Recipients) / float64(n)
	if extra < 0.17 || extra > 0.23 {
		t.Errorf("unregistered people = %.1f%% of recipients, want about 20%%", extra*100)
	}
	if s.Purchases == 0 || s.Certificates == 0 || s.Payouts == 0 || s.Reviews == 0 {
		t.Errorf("journeys missing: %+v", s)
	}
}

// checkNIKs checks every recipient's NIK against its regency, birth date
// and gender, and its registry entry.
func checkNIKs(t *testing.T, ctx context.Context, client *ent.Client) {
	t.Helper()
	rows, err := client.Recipient.Query().WithRegency().All(ctx)
	if err != nil {
		t.Fatalf("query recipients: %v", err)
	}
	people, err := client.RegistryPerson.Query().All(ctx)
	if err != nil {
		t.Fatalf("query registry: %v", err)
	}
	registry := map[string]*ent.RegistryPerson{}
	for _, p := range people {
		registry[p.Nik] = p
		if err := validNIK(p.Nik, "", p.BirthDate, p.Gender == "female"); err != nil {
			t.Errorf("registry person %s: %v", p.Nik, err)
		}
	}
	set, err := regions.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		female := r.Gender == recipient.GenderFemale
		if err := validNIK(r.Nik, r.Edges.Regency.Code, r.BirthDate, female); err != nil {
			t.Errorf("recipient %s: %v", r.ID, err)
		}
		// The registration capability's own rules, aged 18+ at registration.
		if _, err := nik.Check(r.Nik, r.BirthDate.UTC(), female, set, 18, r.CreatedAt); err != nil {
			t.Errorf("recipient %s: NIK %s fails nik.Check: %v", r.ID, r.Nik, err)
		}
		if r.KkNumber[:6] != r.Nik[:6] {
			t.Errorf("recipient %s: KK %s does not share the NIK's region %s", r.ID, r.KkNumber, r.Nik[:6])
		}
		p, ok := registry[r.Nik]
		switch {
		case !ok:
			t.Errorf("recipient %s: NIK %s not in the registry", r.ID, r.Nik)
		case p.FullName != r.FullName || p.KkNumber != r.KkNumber || !p.BirthDate.Equal(r.BirthDate) ||
			p.BirthPlace != r.BirthPlace || string(p.Gender) != string(r.Gender) || p.MotherMaidenName == "":
			t.Errorf("recipient %s does not match the registry: %+v vs %+v", r.ID, r, p)
		}
	}
}

// validNIK checks the NIK format: regency code, district 01-30, DDMMYY
// (day + 40 for women) and serial 0001-9999.
func validNIK(nik, regency string, birth time.Time, female bool) error {
	if len(nik) != 16 {
		return fmt.Errorf("NIK %q: not 16 digits", nik)
	}
	if _, err := strconv.ParseUint(nik, 10, 64); err != nil {
		return fmt.Errorf("NIK %q: not digits", nik)
	}
	num := func(from, to int) int { v, _ := strconv.Atoi(nik[from:to]); return v }
	if regency != "" && nik[:4] != regency {
		return fmt.Errorf("NIK %s: region %s, want %s", nik, nik[:4], regency)
	}
	if d := num(4, 6); d < 1 || d > 30 {
		return fmt.Errorf("NIK %s: district %d", nik, d)
	}
	day := num(6, 8)
	if female {
		day -= 40
	}
	birth = birth.UTC()
	if day != birth.Day() || num(8, 10) != int(birth.Month()) || num(10, 12) != birth.Year()%100 {
		return fmt.Errorf("NIK %s: date does not match birth %s (female %v)", nik, birth.Format("2006-01-02"), female)
	}
	if s := num(12, 16); s < 1 {
		return fmt.Errorf("NIK %s: serial 0000", nik)
	}
	return nil
}

// checkMix compares the recipients' mix with the report's shares.
func checkMix(t *testing.T, ctx context.Context, client *ent.Client) {
	t.Helper()
	rows, err := client.Recipient.Query().All(ctx)
	if err != nil {
		t.Fatalf("query recipients: %v", err)
	}
	var female, rural, primary, young, disability, migrant, noAccount, notWorking, accepted float64
	for _, r := range rows {
		count := func(ok bool) float64 {
			if ok {
				return 1
			}
			return 0
		}
		female += count(r.Gender == recipient.GenderFemale)
		rural += count(r.Area == recipient.AreaRural)
		primary += count(r.Education == recipient.EducationPrimary)
		age := nik.Age(r.BirthDate.UTC(), r.CreatedAt)
		// Drawn 18-64; a birth date moves by whole years of the history's
		// shift (world.birthRef), so one more year at most.
		if age < 18 || age > 65 {
			t.Errorf("recipient %s aged %d at registration", r.ID, age)
		}
		young += count(age <= 41)
		disability += count(r.HasDisability)
		migrant += count(r.FormerMigrantWorker)
		noAccount += count(!r.HadFinancialAccount)
		notWorking += count(r.Employment == recipient.EmploymentNotWorking)
		accepted += count(r.Status == recipient.StatusRecipient)
		if r.Status == recipient.StatusRecipient && (r.CardNumber == nil || r.FirstPurchaseAt == nil ||
			r.AcceptedAt == nil || r.FirstPurchaseAt.Sub(*r.AcceptedAt) > 30*24*time.Hour) {
			t.Errorf("card holder %s lacks a card or a timely first purchase", r.ID)
		}
	}
	n := float64(len(rows))
	shares := []struct {
		name           string
		got, want, tol float64
	}{
		{"women", female / n, 0.52, 0.05}, {"rural", rural / n, 0.62, 0.05},
		{"primary school", primary / n, 0.18, 0.04}, {"aged 18-41", young / n, 0.73, 0.05},
		{"disability", disability / n, 0.02, 0.015}, {"former migrant workers", migrant / n, 0.03, 0.015},
		{"no financial account", noAccount / n, 0.28, 0.05}, {"not working", notWorking / n, 0.90, 0.03},
		{"card holders", accepted / n, 0.85, 0.05},
	}
	for _, s := range shares {
		if s.got < s.want-s.tol || s.got > s.want+s.tol {
			t.Errorf("%s = %.1f%%, want %.0f%% ± %.1f", s.name, s.got*100, s.want*100, s.tol*100)
		}
	}
}

// checkWaves checks the open wave and that quotas add up.
func checkWaves(t *testing.T, ctx context.Context, client *ent.Client, now time.Time) {
	t.Helper()
	waves, err := client.Wave.Query().WithQuotas().Order(ent.Asc(wave.FieldNumber)).All(ctx)
	if err != nil {
		t.Fatalf("query waves: %v", err)
	}
	for _, w := range waves {
		total := 0
		for _, q := range w.Edges.Quotas {
			total += q.Quota
		}
		if total != w.Quota {
			t.Errorf("wave %d: province quotas add up to %d, want %d", w.Number, total, w.Quota)
		}
	}
	open := waves[len(waves)-1]
	if open.Number != 23 || open.Status != wave.StatusOpen || !open.OpensAt.Before(now) || !open.ClosesAt.After(now) {
		t.Errorf("open wave = %d %s %s-%s", open.Number, open.Status, open.OpensAt, open.ClosesAt)
	}
	pending, err := client.Application.Query().Where(application.WaveID(open.ID)).Count(ctx)
	if err != nil || pending == 0 {
		t.Errorf("pending applications in wave 23: %d, %v", pending, err)
	}
	if drawn := client.SelectionResult.Query().Where(selectionresult.WaveID(open.ID)).CountX(ctx); drawn != 0 {
		t.Errorf("%d results in the open wave", drawn)
	}
}

func benchmarkSeed(b *testing.B, recipients int) {
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "seed.db")
		client := openClient(b, path)
		b.StartTimer()
		sum, err := Run(ctx, client, Options{Seed: int64(i + 1), Recipients: recipients})
		if err != nil {
			b.Fatalf("Run: %v", err)
		}
		b.StopTimer()
		size := int64(0)
		for _, suffix := range []string{"", "-wal"} {
			if fi, err := os.Stat(path + suffix); err == nil {
				size += fi.Size()
			}
		}
		b.ReportMetric(float64(size)/(1<<20), "MB")
		b.ReportMetric(float64(sum.Recipients)/sum.Elapsed.Seconds(), "recipients/s")
		b.Logf("%d recipients in %s, %.0f MB\n%s", recipients, sum.Elapsed.Round(time.Millisecond), float64(size)/(1<<20), sum)
		client.Close()
		b.StartTimer()
	}
}

func BenchmarkSeed(b *testing.B) { benchmarkSeed(b, 100_000) }

// BenchmarkSeed1M is the full-size run: go test -run XXX -bench Seed1M -benchtime 1x.
func BenchmarkSeed1M(b *testing.B) {
	if testing.Short() {
		b.Skip("1M recipients: skipped in -short mode")
	}
	benchmarkSeed(b, 1_000_000)
}

func TestSeedOptions(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		opts    Options
		wantErr bool
	}{
		{"demo only", Options{Seed: 3}, false},
		{"negative recipients", Options{Recipients: -1}, true},
		{"too many recipients", Options{Recipients: MaxRecipients + 1}, true},
		{"now inside the 2021 timeline", Options{Recipients: 10, Now: time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := openClient(t, filepath.Join(t.TempDir(), "seed.db"))
			sum, err := Run(ctx, client, tt.opts)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Run: %v, want error %v", err, tt.wantErr)
			}
			if err == nil && (sum.Recipients != 1 || sum.Payouts != 4 || sum.Notifications == 0) {
				t.Errorf("demo-only summary: %+v", sum)
			}
		})
	}
}

// cancelOnProgress cancels a run at its first progress message.
type cancelOnProgress struct {
	slog.Handler
	cancel context.CancelFunc
}

func (h cancelOnProgress) Enabled(context.Context, slog.Level) bool { return true }

func (h cancelOnProgress) Handle(_ context.Context, r slog.Record) error {
	if r.Message == "seed: recipients" {
		h.cancel()
	}
	return nil
}

func TestSeedCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	client := openClient(t, filepath.Join(t.TempDir(), "seed.db"))
	logger := slog.New(cancelOnProgress{Handler: slog.DiscardHandler, cancel: cancel})
	_, err := Run(ctx, client, Options{Seed: 5, Recipients: 3 * commitEvery, Logger: logger})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run: %v, want context.Canceled", err)
	}
	n, err := client.Recipient.Query().Count(rule.System(context.Background(), "test"))
	if err != nil {
		t.Fatal(err)
	}
	if n != commitEvery+1 {
		t.Errorf("recipients after cancelling = %d, want the first transaction's %d and the demo", n, commitEvery+1)
	}
}
