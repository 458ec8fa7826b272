package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/selectionresult"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/sms/smstest"
	"github.com/kartuprakerja/platform/internal/survey"
	"github.com/kartuprakerja/platform/internal/viewer"
	"github.com/kartuprakerja/platform/push"
	"github.com/kartuprakerja/platform/push/fcmfake"
)

// Timing of the two-instance test: short schedule periods and a short
// session cache, so that several periods pass in seconds.
const (
	instSchedule     = 2 * time.Second
	instSessionCache = 2 * time.Second
	instApplicants   = 120
	instAdminPhone   = "+6281100000009"
	instMaxConns     = 10 // -database-max-conns of each instance
)

// TestTwoInstances runs two `serve` processes on one fresh PostgreSQL
// database, with one fake FCM and one fake Twilio shared by both, and
// checks that what must happen once happens once: a selection started on
// both at the same moment, its push fan-out, the 30-day rule and the
// survey openings over several schedule periods; that a sign-out on one
// instance is honoured by the other within the session cache's time; and
// that a persisted query known to one instance only is recovered by the
// protocol on the other.
func TestTwoInstances(t *testing.T) {
	if testing.Short() {
		t.Skip("two-instance test: builds the binary and runs two servers")
	}
	dbURL, db := freshPostgres(t)
	bin := buildBinary(t)
	fcm := fcmfake.New()
	t.Cleanup(fcm.Close)
	twilio := &smstest.Twilio{}
	tw := httptest.NewServer(twilio)
	t.Cleanup(tw.Close)

	p := plant(t, db.Client)
	shared := sharedFlags(t, dbURL, fcm.URL, tw.URL)
	a, b := startServe(t, bin, "a", shared), startServe(t, bin, "b", shared) // at once, on a store without river's tables
	a.waitServing(t)
	b.waitServing(t)
	codes := twilioCodes{twilio}
	admin := gqltest.SignIn(t, a.graphql(), codes, instAdminPhone)

	t.Run("selection runs once", func(t *testing.T) { selectionOnce(t, db, admin, a, b, p) })
	t.Run("fan-out delivers once", func(t *testing.T) { fanOutOnce(t, db, fcm, p) })
	t.Run("schedules run once", func(t *testing.T) { schedulesOnce(t, db, fcm, p) })
	t.Run("sign-out honoured by the other instance", func(t *testing.T) { signOutAcross(t, codes, a, b, p) })
	t.Run("persisted queries recover on the other instance", func(t *testing.T) { apqAcross(t, a, b) })
	t.Run("connections bounded per instance", func(t *testing.T) { connections(t, db) })
}

// connections counts the sessions on the database besides the test's own:
// at most -database-max-conns per instance (the job queue shares the pool).
func connections(t *testing.T, db *database.DB) {
	var n int
	if err := db.SQL.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	mine := db.SQL.Stats().OpenConnections
	t.Logf("%d connections on the database: %d of the test, %d of the two instances (limit %d each)", n, mine, n-mine, instMaxConns)
	if n-mine > 2*instMaxConns {
		t.Errorf("the instances hold %d connections, more than 2 x %d", n-mine, instMaxConns)
	}
}

// planted is the data the servers work on.
type planted struct {
	world      *fixture.World
	applicants []string // phones; device token = "app-" + index
	overdue    *ent.Recipient
	warned     *ent.Recipient
	opened     []*ent.Recipient // first incentive sent: SE1 opens for them
}

// plant creates the world, a closed wave with instApplicants verified
// applicants (each with an FCM device), a recipient past the 30-day
// deadline, one within the warning period, and one whose first incentive
// was just sent.
func plant(t *testing.T, c *ent.Client) *planted {
	t.Helper()
	ctx := rule.System(context.Background(), "test")
	w := fixture.NewWorld(t, c)
	c.Wave.UpdateOne(w.Wave).SetStatus("closed").SetClosesAt(time.Now().Add(-time.Minute)).ExecX(ctx)
	fixture.NewAccount(t, c, instAdminPhone, viewer.RoleAdmin, "")
	p := &planted{world: w}
	for i := range instApplicants {
		r := person(t, c, w, fmt.Sprintf("app-%03d", i), 100+i, "verified", time.Time{})
		c.Application.Create().SetRecipientID(r.ID).SetWaveID(w.Wave.ID).SetProvinceID(w.Province.ID).ExecX(ctx)
		p.applicants = append(p.applicants, fmt.Sprintf("+62812%08d", 100+i))
	}
	p.overdue = person(t, c, w, "overdue", 1, "recipient", time.Now().Add(-31*24*time.Hour))
	p.warned = person(t, c, w, "warned", 2, "recipient", time.Now().Add(-25*24*time.Hour))
	p.opened = append(p.opened, paid(t, c, w, "opened-0", 3, time.Now().Add(-time.Minute)))
	return p
}

// person is an account (no quiet hours) with a recipient of the given
// status and an FCM device.
func person(t *testing.T, c *ent.Client, w *fixture.World, token string, n int, status string, accepted time.Time) *ent.Recipient {
	t.Helper()
	ctx := rule.System(context.Background(), "test")
	acc := c.Account.Create().SetPhone(fmt.Sprintf("+62812%08d", n)).SetRole(viewer.RoleRecipient).
		SetQuietStartMinute(0).SetQuietEndMinute(0).SaveX(ctx)
	rc := c.Recipient.Create().SetAccountID(acc.ID).SetNik(fmt.Sprintf("3273011019%06d", n)).
		SetKkNumber(fmt.Sprintf("3273010000%06d", n)).SetFullName(fmt.Sprintf("Peserta %d", n)).
		SetBirthDate(time.Date(1990, 1, 10, 0, 0, 0, 0, time.UTC)).SetGender("male").SetRegencyID(w.Regency.ID).
		SetArea("urban").SetEducation("senior_secondary").SetEmployment("not_working").
		SetStatus(recipient.Status(status))
	if !accepted.IsZero() {
		rc.SetAcceptedAt(accepted).SetTrainingBalance(1_000_000)
	}
	r := rc.SaveX(ctx)
	c.Device.Create().SetAccountID(acc.ID).SetKind("fcm").SetToken(token).ExecX(ctx)
	return r
}

// paid is a recipient (who bought a training) whose first incentive was
// sent at sent: the fixture survey SE1 opens for them then.
func paid(t *testing.T, c *ent.Client, w *fixture.World, token string, n int, sent time.Time) *ent.Recipient {
	t.Helper()
	ctx := rule.System(context.Background(), "test")
	r := person(t, c, w, token, n, "recipient", time.Now().Add(-40*24*time.Hour))
	c.Recipient.UpdateOne(r).SetFirstPurchaseAt(time.Now().Add(-39 * 24 * time.Hour)).ExecX(ctx)
	c.Payout.Create().SetRecipientID(r.ID).SetKind("incentive").SetInstallment(1).SetAmount(600_000).
		SetScheduledFor(sent).SetStatus("sent").SetSentAt(sent).SetIdempotencyKey("inc-" + token).
		SetPaymentPartnerID(w.Partner.ID).ExecX(ctx)
	return r
}

// selectionOnce starts the selection on both instances at the same moment:
// one draw, both answers (or a CONFLICT) agree, and the published result
// is the same file on both.
func selectionOnce(t *testing.T, db *database.DB, admin gqltest.Client, a, b *instance, p *planted) {
	type summary struct {
		RunSelection struct {
			Seed                 *string
			Applicants, Selected int
			ResultsURL           *string
		}
	}
	q := `mutation($w: ID!) { runSelection(waveId: $w) { seed applicants selected resultsUrl } }`
	vars := map[string]any{"w": p.world.Wave.ID}
	var (
		start   = make(chan struct{})
		wg      sync.WaitGroup
		answers [2]gqltest.Response
	)
	for i, in := range []*instance{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			c := admin
			c.URL = in.graphql()
			answers[i] = c.Do(t, q, vars)
		}()
	}
	close(start)
	wg.Wait()
	var ok []summary
	for i, r := range answers {
		if len(r.Errors) > 0 {
			if !slices.Equal(r.Codes(), []string{"CONFLICT"}) {
				t.Fatalf("instance %d: %+v", i, r.Errors)
			}
			continue
		}
		var s summary
		r.MustData(t, &s)
		ok = append(ok, s)
	}
	t.Logf("%d of 2 concurrent runSelection calls answered the result, %d CONFLICT", len(ok), 2-len(ok))
	if len(ok) == 0 {
		t.Fatal("both calls failed")
	}
	first := ok[0].RunSelection
	if first.Seed == nil || first.Applicants != instApplicants || first.Selected != 100 {
		t.Fatalf("selection: %+v", first)
	}
	for _, s := range ok[1:] {
		if *s.RunSelection.Seed != *first.Seed || s.RunSelection.Selected != first.Selected {
			t.Errorf("two different answers: %+v and %+v", first, s.RunSelection)
		}
	}
	ctx := rule.System(context.Background(), "test")
	if n := db.Client.SelectionResult.Query().Where(selectionresult.WaveID(p.world.Wave.ID)).CountX(ctx); n != instApplicants {
		t.Errorf("%d selection results, want %d", n, instApplicants)
	}
	if n := db.Client.AuditLog.Query().Where(auditlog.Action("wave.selection")).CountX(ctx); n != 1 {
		t.Errorf("%d selection audit entries, want 1", n)
	}
	if ha, hb := a.digest(t, "/publication/waves/23/results.csv"), b.digest(t, "/publication/waves/23/results.csv"); ha != hb {
		t.Errorf("results.csv differs between the instances: %s vs %s", ha, hb)
	}
}

// fanOutOnce waits until every applicant's token got its result and no
// notification is pending, then checks one message per token.
func fanOutOnce(t *testing.T, db *database.DB, fcm *fcmfake.Server, p *planted) {
	ctx := rule.System(context.Background(), "test")
	eventually(t, time.Minute, "the selection's fan-out to be delivered", func() string {
		pending := db.Client.Notification.Query().Where(notification.KindEQ(notification.KindSelectionResult),
			notification.PushStatusEQ(notification.PushStatusPending)).CountX(ctx)
		rows := db.Client.Notification.Query().Where(notification.KindEQ(notification.KindSelectionResult)).CountX(ctx)
		reached := 0
		for i := range p.applicants {
			if fcm.Count(fmt.Sprintf("app-%03d", i)) > 0 {
				reached++
			}
		}
		if pending == 0 && rows == instApplicants && reached == instApplicants {
			return ""
		}
		return fmt.Sprintf("%d rows, %d pending, %d of %d tokens reached", rows, pending, reached, instApplicants)
	})
	missing, repeated := 0, 0
	for i := range p.applicants {
		tok := fmt.Sprintf("app-%03d", i)
		switch n := fcm.Count(tok); {
		case n == 0:
			missing++
		case n > 1 || len(fcm.NotificationIDs(tok)) != 1:
			repeated++
		}
	}
	if missing > 0 || repeated > 0 {
		t.Errorf("fan-out: %d tokens got nothing, %d got more than one message", missing, repeated)
	}
}

// schedulesOnce lets both instances run for several schedule periods (a
// second survey opening planted meanwhile) and checks one revocation, one
// audit entry and one message for the overdue recipient, one warning, one
// survey_available per opening, one job per period, and survey windows
// chained through the store.
func schedulesOnce(t *testing.T, db *database.DB, fcm *fcmfake.Server, p *planted) {
	ctx := rule.System(context.Background(), "test")
	deadlineKind, openingsKind := journey.PurchaseDeadlineArgs{}.Kind(), survey.OpeningsArgs{}.Kind()
	eventually(t, time.Minute, "a first survey-openings run", func() string {
		if n := len(completedJobs(t, db, openingsKind)); n == 0 {
			return "none completed"
		}
		return ""
	})
	p.opened = append(p.opened, paid(t, db.Client, p.world, "opened-1", 4, time.Now()))
	before := len(completedJobs(t, db, openingsKind))
	eventually(t, time.Minute, "three more periods of both schedules", func() string {
		d, o := len(completedJobs(t, db, deadlineKind)), len(completedJobs(t, db, openingsKind))
		if d >= 4 && o >= before+3 && pendingPushes(db) == 0 {
			return ""
		}
		return fmt.Sprintf("%d 30-day runs, %d openings runs, %d pushes pending", d, o, pendingPushes(db))
	})
	r := db.Client.Recipient.GetX(ctx, p.overdue.ID)
	revocations := db.Client.AuditLog.Query().Where(auditlog.Action("recipient.revoked.no_purchase"),
		auditlog.TargetID(p.overdue.ID)).CountX(ctx)
	if r.Status != recipient.StatusRevoked || revocations != 1 {
		t.Errorf("overdue recipient: status %s, %d revocation audit entries; want revoked, 1", r.Status, revocations)
	}
	expectOnce(t, db, fcm, p.overdue.AccountID, notification.KindRevoked, "overdue")
	expectOnce(t, db, fcm, p.warned.AccountID, notification.KindRevocationWarning, "warned")
	for i, r := range p.opened {
		expectOnce(t, db, fcm, r.AccountID, notification.KindSurveyAvailable, fmt.Sprintf("opened-%d", i))
	}
	for _, kind := range []string{deadlineKind, openingsKind} {
		onePerPeriod(t, db, kind)
	}
	chained(t, completedJobs(t, db, openingsKind))
}

// expectOnce checks one notification of kind for the account and one
// message at its token.
func expectOnce(t *testing.T, db *database.DB, fcm *fcmfake.Server, acc pulid.ID, kind notification.Kind, token string) {
	t.Helper()
	ctx := rule.System(context.Background(), "test")
	n := db.Client.Notification.Query().Where(notification.AccountID(acc), notification.KindEQ(kind)).CountX(ctx)
	if n != 1 || fcm.Count(token) != 1 {
		t.Errorf("%s: %d %s notifications, %d messages at FCM; want 1 and 1", token, n, kind, fcm.Count(token))
	}
}

func pendingPushes(db *database.DB) int {
	ctx := rule.System(context.Background(), "test")
	return db.Client.Notification.Query().Where(notification.PushStatusEQ(notification.PushStatusPending)).CountX(ctx)
}

// job is a row of river_job.
type job struct {
	ID                     int64
	State                  string
	ScheduledAt, Finalized time.Time
	Output                 json.RawMessage
}

func jobsOf(t *testing.T, db *database.DB, kind, where string) []job {
	t.Helper()
	rows, err := db.SQL.QueryContext(context.Background(), `SELECT id, state, scheduled_at,
		coalesce(finalized_at, scheduled_at), coalesce(metadata->'output', 'null') FROM river_job
		WHERE kind = $1 `+where+` ORDER BY id`, kind)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []job
	for rows.Next() {
		var j job
		var output []byte
		if err := rows.Scan(&j.ID, &j.State, &j.ScheduledAt, &j.Finalized, &output); err != nil {
			t.Fatal(err)
		}
		j.Output = output
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func completedJobs(t *testing.T, db *database.DB, kind string) []job {
	return jobsOf(t, db, kind, "AND state = 'completed'")
}

// onePerPeriod checks that no period holds two jobs of the kind: one
// process (river's leader) enqueued them, unique per period.
func onePerPeriod(t *testing.T, db *database.DB, kind string) {
	t.Helper()
	jobs := jobsOf(t, db, kind, "")
	seen := map[time.Time]int64{}
	for _, j := range jobs {
		p := j.ScheduledAt.Truncate(instSchedule)
		if other, dup := seen[p]; dup {
			t.Errorf("%s: jobs %d and %d in the period starting %s", kind, other, j.ID, p)
		}
		seen[p] = j.ID
	}
	t.Logf("%s: %d jobs in %d periods", kind, len(jobs), len(seen))
}

// chained checks that each survey-openings run started where the previous
// one ended (less the overlap), whichever instance ran it: the window's
// start comes from the store, not from a process.
func chained(t *testing.T, jobs []job) {
	t.Helper()
	var prev time.Time
	for i, j := range jobs {
		var out struct{ From, To time.Time }
		if err := json.Unmarshal(j.Output, &out); err != nil || out.To.IsZero() {
			t.Fatalf("job %d output %s: %v", j.ID, j.Output, err)
		}
		if i > 0 && (out.From.After(prev) || out.From.Before(prev.Add(-time.Hour))) {
			t.Errorf("job %d window starts %s, previous ended %s", j.ID, out.From, prev)
		}
		if !out.To.After(out.From) {
			t.Errorf("job %d: empty window %s - %s", j.ID, out.From, out.To)
		}
		prev = out.To
	}
}

// signOutAcross signs a recipient in on a, caches the session on b, signs
// out on a, and expects b to refuse the token within the cache's time.
func signOutAcross(t *testing.T, codes gqltest.CodeReader, a, b *instance, p *planted) {
	me := gqltest.SignIn(t, a.graphql(), codes, p.applicants[0])
	onB := me
	onB.URL = b.graphql()
	onB.Do(t, `{ me { id } }`, nil).MustData(t, &struct{}{}) // now cached on b
	var out struct{ SignOut bool }
	me.Do(t, `mutation { signOut }`, nil).MustData(t, &out)
	if r := me.Do(t, `{ me { id } }`, nil); r.Status != http.StatusUnauthorized {
		t.Fatalf("instance a after sign-out: status %d", r.Status)
	}
	signedOut := time.Now()
	eventually(t, instSessionCache+3*time.Second, "instance b to refuse the signed-out token", func() string {
		if r := onB.Do(t, `{ me { id } }`, nil); r.Status != http.StatusUnauthorized {
			return fmt.Sprintf("status %d", r.Status)
		}
		return ""
	})
	t.Logf("instance b refused the token %s after the sign-out (session cache %s)",
		time.Since(signedOut).Round(100*time.Millisecond), instSessionCache)
}

// apqAcross registers a persisted query on a only: b answers
// PERSISTED_QUERY_NOT_FOUND to the hash alone, and the query with it, as
// the PWA's client does (pwa/src/lib/gql.js).
func apqAcross(t *testing.T, a, b *instance) {
	q := `{ __typename }`
	sum := sha256.Sum256([]byte(q))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
	post := func(in *instance, body map[string]any) gqltest.Response {
		raw, _ := json.Marshal(body)
		return gqltest.Client{URL: in.graphql()}.Raw(t, "application/json", raw)
	}
	if r := post(a, map[string]any{"query": q, "extensions": ext}); len(r.Errors) > 0 {
		t.Fatalf("register on a: %+v", r.Errors)
	}
	if r := post(a, map[string]any{"extensions": ext}); len(r.Errors) > 0 {
		t.Fatalf("hash on a: %+v", r.Errors)
	}
	if r := post(b, map[string]any{"extensions": ext}); !slices.Equal(r.Codes(), []string{"PERSISTED_QUERY_NOT_FOUND"}) {
		t.Fatalf("hash on b: %+v, want PERSISTED_QUERY_NOT_FOUND", r.Errors)
	}
	if r := post(b, map[string]any{"query": q, "extensions": ext}); len(r.Errors) > 0 {
		t.Fatalf("retry with the query on b: %+v", r.Errors)
	}
}

// eventually polls cond (which says what is still missing, or "") until
// it holds or the deadline passes.
func eventually(t *testing.T, within time.Duration, what string, cond func() string) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		missing := cond()
		if missing == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s: %s", within, what, missing)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// twilioCodes reads sign-in codes from the fake Twilio.
type twilioCodes struct{ f *smstest.Twilio }

// Last implements gqltest.CodeReader.
func (c twilioCodes) Last(phone string) string {
	sent := c.f.Sent()
	for i := len(sent) - 1; i >= 0; i-- {
		if sent[i].Get("To") == phone {
			return sent[i].Get("Body")
		}
	}
	return ""
}

// freshPostgres creates a new database (required under CI=true) and
// migrates ent's tables, as `prakerja migrate` does; river's tables are
// created by the two instances starting at once.
func freshPostgres(t *testing.T) (string, *database.DB) {
	t.Helper()
	ctx := context.Background()
	u, drop, err := database.Scratch(ctx, dbtest.PostgresURL(), "prakerja_instances_")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL is required in CI: %v", err)
		}
		t.Skipf("%v: two-instance test skipped", err)
	}
	t.Cleanup(drop)
	db, err := database.Open(ctx, u, database.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	if _, err := db.Migrate(ctx, quiet); err != nil {
		t.Fatal(err)
	}
	return u, db
}

// buildBinary builds this command once for the test.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "prakerja")
	start := time.Now()
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Logf("go build: %s", time.Since(start).Round(100*time.Millisecond))
	return bin
}

// sharedFlags are what every instance must agree on: the store, the
// secret, the VAPID keys, the providers.
func sharedFlags(t *testing.T, dbURL, fcmURL, twilioURL string) []string {
	t.Helper()
	secret := make([]byte, 32)
	_, _ = rand.Read(secret)
	priv, pub, err := push.GenerateVAPIDKeys()
	if err != nil {
		t.Fatal(err)
	}
	return []string{"-addr", "127.0.0.1:0", "-database-url", dbURL, "-secret", hex.EncodeToString(secret),
		"-vapid-public-key", pub, "-vapid-private-key", priv,
		"-fcm-project", "demo", "-fcm-endpoint", fcmURL + "/v1",
		"-twilio-base-url", twilioURL, "-twilio-account-sid", smstest.AccountSID,
		"-twilio-auth-token", smstest.AuthToken, "-twilio-from", "+15005550006",
		"-codes-per-network-minute", "0", "-playground=false", "-push-rate", "5000",
		"-database-max-conns", fmt.Sprint(instMaxConns),
		"-schedule-every", instSchedule.String(), "-session-cache-ttl", instSessionCache.String()}
}

// instance is one running `serve` process.
type instance struct {
	name, base string
	cmd        *exec.Cmd
	log        *bytes.Buffer
	mu         *sync.Mutex
	eof        chan struct{} // closed when the log pipe ends
	addr       chan string   // the listen address, once serving
}

func (in *instance) graphql() string { return in.base + "/graphql" }

// digest is the SHA-256 of a GET's body.
func (in *instance) digest(t *testing.T, path string) string {
	t.Helper()
	resp, err := http.Get(in.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s on %s: %d %v", path, in.name, resp.StatusCode, err)
	}
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

var servingRE = regexp.MustCompile(`msg=serving addr=(\S+)`)

// startServe starts `prakerja serve` with its own data directory (wait
// for it with waitServing); it is stopped (SIGTERM) when the test ends, and its log
// is printed if the test failed.
func startServe(t *testing.T, bin, name string, flags []string) *instance {
	t.Helper()
	args := append([]string{"serve", "-data-dir", filepath.Join(t.TempDir(), name)}, flags...)
	cmd := exec.Command(bin, args...)
	cmd.Env = os.Environ()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	in := &instance{name: name, cmd: cmd, log: &bytes.Buffer{}, mu: &sync.Mutex{}, eof: make(chan struct{}),
		addr: make(chan string, 1)}
	addr := in.addr
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			in.mu.Lock()
			in.log.WriteString(line + "\n")
			in.mu.Unlock()
			if m := servingRE.FindStringSubmatch(line); m != nil {
				addr <- m[1]
			}
		}
		close(addr)
		close(in.eof)
	}()
	t.Cleanup(func() { in.stop(t) })
	return in
}

// waitServing waits for the instance's address.
func (in *instance) waitServing(t *testing.T) {
	t.Helper()
	select {
	case a, ok := <-in.addr:
		if !ok {
			t.Fatalf("instance %s exited before serving:\n%s", in.name, in.logText())
		}
		in.base = "http://" + a
	case <-time.After(time.Minute):
		t.Fatalf("instance %s not serving after a minute:\n%s", in.name, in.logText())
	}
}

func (in *instance) logText() string {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.log.String()
}

func (in *instance) stop(t *testing.T) {
	_ = in.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-in.eof:
	case <-time.After(30 * time.Second):
		_ = in.cmd.Process.Kill()
		t.Errorf("instance %s did not stop within 30 s", in.name)
	}
	if err := in.cmd.Wait(); err != nil && !t.Failed() {
		t.Errorf("instance %s: %v", in.name, err)
	}
	if t.Failed() || testing.Verbose() {
		t.Logf("log of instance %s:\n%s", in.name, strings.TrimSpace(in.logText()))
	}
}
