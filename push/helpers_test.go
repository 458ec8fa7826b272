package push

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/device"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/province"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/selectionresult"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/push/fcmfake"
)

// env is a push service over a test store, delivering to fakes.
type env struct {
	t         testing.TB
	db        *database.DB
	svc       *Service
	fcm       *fcmfake.Server
	web       *webFake
	regencies map[string]pulid.ID // by time zone
	wave      *ent.Wave
	n         int
}

func testLog(t testing.TB) *slog.Logger {
	if testing.Verbose() || os.Getenv("PUSH_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// testConfig delivers fast: short polls and leases, no rate limit.
func testConfig(fcmURL string) Config {
	cfg := DefaultConfig()
	cfg.FCM = FCMConfig{ProjectID: "demo", Endpoint: fcmURL + "/v1", Connections: 64}
	cfg.Rate = 0
	cfg.PollInterval = 50 * time.Millisecond
	cfg.JobTimeout = 10 * time.Second
	cfg.RescueAfter = 12 * time.Second
	return cfg
}

func newEnv(t testing.TB, db *database.DB, tune ...func(*Config)) *env {
	t.Helper()
	e := &env{t: t, db: db, fcm: fcmfake.New(), web: newWebFake(), regencies: map[string]pulid.ID{}}
	t.Cleanup(e.fcm.Close)
	t.Cleanup(e.web.Close)
	priv, pub, err := GenerateVAPIDKeys()
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(e.fcm.URL)
	cfg.WebPush = WebPushConfig{PublicKey: pub, PrivateKey: priv, Subject: "test@prakerja.go.id"}
	for _, f := range tune {
		f(&cfg)
	}
	e.svc, err = New(context.Background(), db, cfg, testLog(t))
	if err != nil {
		t.Fatal(err)
	}
	if w, ok := e.svc.web.(*webPushSender); ok {
		w.hc = e.web.Client() // trusts the fake's certificate
	}
	e.world()
	return e
}

// world creates one province and regency per time zone and a wave.
func (e *env) world() {
	ctx := rule.System(context.Background(), "test")
	c := e.db.Client
	for i, z := range []string{"WIB", "WITA", "WIT"} {
		p := must(c.Province.Create().SetCode(fmt.Sprintf("9%d", i)).SetName("P " + z).SetTimeZone(province.TimeZone(z)).Save(ctx))
		r := must(c.Regency.Create().SetCode(fmt.Sprintf("9%d01", i)).SetName("R " + z).SetKind("kota").
			SetProvinceID(p.ID).Save(ctx))
		e.regencies[z] = r.ID
	}
	e.wave = must(c.Wave.Create().SetNumber(23).SetName("Gelombang 23").SetOpensAt(time.Now().Add(-72 * time.Hour)).
		SetClosesAt(time.Now().Add(-time.Hour)).SetStatus("announced").SetQuota(10).Save(ctx))
}

// person creates an account (with a recipient in zone when zone is not
// empty) and one FCM device per token.
func (e *env) person(zone string, tokens ...string) *ent.Account {
	e.t.Helper()
	ctx := rule.System(context.Background(), "test")
	c := e.db.Client
	e.n++
	// No quiet hours unless a test sets them: delivery must not depend on
	// the hour the suite runs at.
	a := must(c.Account.Create().SetPhone(fmt.Sprintf("+6281%09d", e.n)).
		SetQuietStartMinute(0).SetQuietEndMinute(0).Save(ctx))
	if zone != "" {
		must(c.Recipient.Create().SetAccountID(a.ID).SetNik(fmt.Sprintf("3273%012d", e.n)).
			SetKkNumber(fmt.Sprintf("3273%012d", e.n)).SetFullName(fmt.Sprintf("Penerima %d", e.n)).
			SetBirthDate(time.Date(1995, 3, 1, 0, 0, 0, 0, time.UTC)).SetGender("female").
			SetRegencyID(e.regencies[zone]).SetArea("rural").SetEducation("senior_secondary").
			SetEmployment("not_working").Save(ctx))
	}
	for _, tok := range tokens {
		must(c.Device.Create().SetAccountID(a.ID).SetKind(device.KindFcm).SetToken(tok).Save(ctx))
	}
	return a
}

// start runs the workers until the test ends.
func (e *env) start() {
	e.t.Helper()
	if err := e.svc.Start(context.Background()); err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = e.svc.Stop(ctx)
	})
}

// notify runs Notify in its own transaction.
func (e *env) notify(events ...Event) int {
	e.t.Helper()
	ctx := context.Background()
	tx, err := e.db.Client.Tx(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	n, err := e.svc.Notify(ctx, tx, events...)
	if err != nil {
		_ = tx.Rollback()
		e.t.Fatalf("notify: %v", err)
	}
	if err := tx.Commit(); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// settle waits until no delivery job is due within a minute.
func (e *env) settle(timeout time.Duration) {
	e.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if e.busyJobs() == 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	e.t.Fatalf("jobs still busy after %s: %d", timeout, e.busyJobs())
}

func (e *env) busyJobs() int {
	e.t.Helper()
	soon := `datetime('now', '+60 seconds')`
	if e.db.Dialect == "postgres" {
		soon = `now() + interval '60 seconds'`
	}
	q := `SELECT COUNT(*) FROM river_job WHERE state IN ('available','running','retryable','pending')
		OR (state = 'scheduled' AND scheduled_at < ` + soon + `)`
	var n int
	if err := e.db.SQL.QueryRow(q).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// notifications returns the account's notifications, oldest first.
func (e *env) notifications(a *ent.Account) []*ent.Notification {
	e.t.Helper()
	ns, err := e.db.Client.Notification.Query().Where(notification.AccountID(a.ID)).
		Order(notification.ByID()).All(rule.System(context.Background(), "test"))
	if err != nil {
		e.t.Fatal(err)
	}
	return ns
}

func (e *env) device(token string) *ent.Device {
	e.t.Helper()
	d, err := e.db.Client.Device.Query().Where(device.Token(token)).Only(rule.System(context.Background(), "test"))
	if err != nil {
		e.t.Fatal(err)
	}
	return d
}

// must unwraps a setup write; a failure is a broken setup, reported as a
// panic (the test fails with a trace).
func must[T any](v T, err error) T {
	if err != nil {
		panic(fmt.Sprintf("test setup: %v", err))
	}
	return v
}

// webFake is a Web Push endpoint: it answers 201, or 410 for endpoints
// marked gone, and counts requests per path.
type webFake struct {
	*httptest.Server
	mu     sync.Mutex
	counts map[string]int
	gone   map[string]bool
	header map[string]http.Header
}

func newWebFake() *webFake {
	w := &webFake{counts: map[string]int{}, gone: map[string]bool{}, header: map[string]http.Header{}}
	w.Server = httptest.NewTLSServer(http.HandlerFunc(w.serve))
	return w
}

func (w *webFake) serve(rw http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.gone[r.URL.Path] {
		rw.WriteHeader(http.StatusGone)
		return
	}
	w.counts[r.URL.Path]++
	w.header[r.URL.Path] = r.Header.Clone()
	rw.WriteHeader(http.StatusCreated)
}

func (w *webFake) count(path string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.counts[path]
}

// applicant creates a person in zone with one device and an application to
// the env's wave with status.
func (e *env) applicant(zone, status, token string) *ent.Account {
	e.t.Helper()
	ctx := rule.System(context.Background(), "test")
	a := e.person(zone, token)
	r := must(e.db.Client.Recipient.Query().Where(recipient.AccountID(a.ID)).Only(ctx))
	reg := must(e.db.Client.Regency.Get(ctx, r.RegencyID))
	app := must(e.db.Client.Application.Create().SetRecipientID(r.ID).SetWaveID(e.wave.ID).
		SetProvinceID(reg.ProvinceID).Save(ctx))
	if status != "pending" {
		must(drawn(e.db.Client, app.ID, r.ID, e.wave.ID, selectionresult.Status(status)).Save(ctx))
	}
	return a
}

// bulkApplicants creates n applicants of the env's wave, one FCM device
// each (token prefix-%06d), in transactions of 1,000.
func (e *env) bulkApplicants(prefix string, n int) {
	e.t.Helper()
	ctx := rule.System(context.Background(), "test")
	c := e.db.Client
	reg := must(c.Regency.Get(ctx, e.regencies["WIB"]))
	for start := 0; start < n; start += 1000 {
		tx := must(c.Tx(ctx))
		k := min(1000, n-start)
		accs := make([]*ent.AccountCreate, 0, k)
		recs := make([]*ent.RecipientCreate, 0, k)
		apps := make([]*ent.ApplicationCreate, 0, k)
		results := make([]*ent.SelectionResultCreate, 0, k)
		devs := make([]*ent.DeviceCreate, 0, k)
		for i := start; i < start+k; i++ {
			aid, rid, appID := pulid.New("ac"), pulid.New("rc"), pulid.New("ap")
			status := selectionresult.StatusNotSelected
			if i%3 == 0 {
				status = selectionresult.StatusSelected
			}
			accs = append(accs, tx.Account.Create().SetID(aid).SetPhone(fmt.Sprintf("+62813%08d", i)).
				SetQuietStartMinute(0).SetQuietEndMinute(0))
			recs = append(recs, tx.Recipient.Create().SetID(rid).SetAccountID(aid).
				SetNik(fmt.Sprintf("3373%012d", i)).SetKkNumber(fmt.Sprintf("3373%012d", i)).
				SetFullName("Penerima").SetBirthDate(time.Date(1995, 3, 1, 0, 0, 0, 0, time.UTC)).
				SetGender("male").SetRegencyID(reg.ID).SetArea("urban").SetEducation("diploma").
				SetEmployment("not_working"))
			apps = append(apps, tx.Application.Create().SetID(appID).SetRecipientID(rid).SetWaveID(e.wave.ID).
				SetProvinceID(reg.ProvinceID))
			results = append(results, drawn(tx.Client(), appID, rid, e.wave.ID, status))
			devs = append(devs, tx.Device.Create().SetAccountID(aid).SetKind(device.KindFcm).
				SetToken(fmt.Sprintf("%s-%06d", prefix, i)))
		}
		must(0, tx.Account.CreateBulk(accs...).Exec(ctx))
		must(0, tx.Recipient.CreateBulk(recs...).Exec(ctx))
		must(0, tx.Application.CreateBulk(apps...).Exec(ctx))
		must(0, tx.SelectionResult.CreateBulk(results...).Exec(ctx))
		must(0, tx.Device.CreateBulk(devs...).Exec(ctx))
		must(0, tx.Commit())
	}
}

// drawn is an application's drawn result.
func drawn(c *ent.Client, appID, recipientID, waveID pulid.ID, status selectionresult.Status) *ent.SelectionResultCreate {
	return c.SelectionResult.Create().SetID(appID.Sibling("se")).SetApplicationID(appID).
		SetRecipientID(recipientID).SetWaveID(waveID).
		SetStatus(status).SetDecidedAt(time.Now())
}

// pendingCount counts notifications not yet final.
func (e *env) pendingCount() int {
	e.t.Helper()
	n, err := e.db.Client.Notification.Query().Where(notification.PushStatusEQ(notification.PushStatusPending)).
		Count(rule.System(context.Background(), "test"))
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}
