package app_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"github.com/kartuprakerja/platform/ent/certificate"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/digitalplatform"
	"github.com/kartuprakerja/platform/ent/domainevent"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/seed"
	"github.com/kartuprakerja/platform/internal/training"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// issued counts a recipient's certificates (issued by internal/certificate).
type issued func() int

// trainingStack is the seeded stack (with the real certificate service)
// and a new recipient's paid purchases of a course on Tokopedia.
func trainingStack(t *testing.T, db *database.DB, n int) (*stack, issued, []*ent.Purchase) {
	t.Helper()
	if _, err := seed.Run(context.Background(), db.Client, seed.Options{Seed: 3, Recipients: 120, Now: time.Now()}); err != nil {
		t.Fatalf("seed: %v", err)
	}
	s := newStackWith(t, db, func(*app.Config) {})
	ctx := rule.System(context.Background(), "test")
	c := db.Client
	tokopedia := c.DigitalPlatform.Query().Where(digitalplatform.Name("Tokopedia")).OnlyX(ctx)
	course := tokopedia.QueryCourses().FirstX(ctx)
	a := c.Account.Create().SetPhone("+6281399990001").SetRole(viewer.RoleRecipient).SaveX(ctx)
	r := c.Recipient.Create().SetAccountID(a.ID).SetNik("3273019999990001").SetKkNumber("3273019999990001").
		SetFullName("Penerima Uji").SetBirthDate(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)).SetGender("female").
		SetRegencyID(c.Regency.Query().FirstIDX(ctx)).SetArea("rural").SetEducation("senior_secondary").
		SetEmployment("not_working").SetStatus("recipient").SaveX(ctx)
	var out []*ent.Purchase
	for i := range n {
		out = append(out, c.Purchase.Create().SetRecipientID(r.ID).SetCourseID(course.ID).
			SetDigitalPlatformID(tokopedia.ID).SetPrice(course.Price).SetInvoiceCode(fmt.Sprintf("INV/TEST/%d", i)).
			SetIdempotencyKey(fmt.Sprintf("test:buy:%d", i)).SaveX(ctx))
	}
	count := func() int {
		return c.Certificate.Query().Where(certificate.RecipientID(r.ID)).CountX(rule.System(context.Background(), "test"))
	}
	return s, count, out
}

func firstEvents(t *testing.T, db *database.DB, recipientID string) int {
	t.Helper()
	return db.Client.DomainEvent.Query().Where(domainevent.Topic(training.TopicFirstCertificate),
		domainevent.RecipientID(pulid.ID(recipientID))).CountX(rule.System(context.Background(), "test"))
}

const purchaseFields = `{ id status progressPercent preTestScore postTestScore learnerId }`

type reportedPurchase struct {
	ID, Status, LearnerID       string
	ProgressPercent             int
	PreTestScore, PostTestScore *int
}

// TestTrainingReportsGraphQL: a platform's key redeems and reports over
// GraphQL through the whole stack; refusals are typed with the catalogue's
// message; completion with a post-test of 75 issues the certificate
// and the first-certificate event once.
func TestTrainingReportsGraphQL(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s, issuer, ps := trainingStack(t, db, 1)
		p := ps[0]
		op, acc := operator(t, s, phoneTokopedia)
		key, _ := newKey(t, s, op, acc, training.Scope)
		readOnly, _ := newKey(t, s, op, acc, "purchases:read")
		pin, pinAcc := operator(t, s, phonePintaria)
		otherKey, _ := newKey(t, s, pin, pinAcc, training.Scope)
		code := p.RedemptionCode
		do := func(c gqltest.Client, doc string, vars map[string]any) (reportedPurchase, gqltest.Response) {
			r := c.Do(t, doc, vars)
			var out map[string]reportedPurchase
			if len(r.Errors) == 0 {
				r.MustData(t, &out)
			}
			for _, v := range out {
				return v, r
			}
			return reportedPurchase{}, r
		}
		redeem := `mutation($code: String!, $key: String!) { redeemPurchase(code: $code, idempotencyKey: $key) ` + purchaseFields + ` }`
		prog := `mutation($code: String!, $p: Int!, $key: String!) { reportProgress(code: $code, percent: $p, idempotencyKey: $key) ` + purchaseFields + ` }`
		score := `mutation($code: String!, $s: Int!, $key: String!) { reportTestScore(code: $code, test: POST, score: $s, idempotencyKey: $key) ` + purchaseFields + ` }`
		done := `mutation($code: String!, $key: String!) { reportCompletion(code: $code, idempotencyKey: $key) ` + purchaseFields + ` }`

		refusals := []struct {
			name   string
			client gqltest.Client
			doc    string
			vars   map[string]any
			code   string
			text   string
		}{
			{"progress before redeem", key, prog, map[string]any{"code": code, "p": 10, "key": "g1"}, "CONFLICT", "training.redeem_first"},
			{"completion never redeemed", key, done, map[string]any{"code": code, "key": "g1"}, "CONFLICT", "training.redeem_first"},
			{"other platform", otherKey, redeem, map[string]any{"code": code, "key": "g1"}, "NOT_FOUND", "training.code_not_found"},
			{"key without the scope", readOnly, redeem, map[string]any{"code": code, "key": "g1"}, "FORBIDDEN", training.Scope},
			{"operator of an institution", mustOperator(t, s, phoneInstitution), redeem, map[string]any{"code": code, "key": "g1"}, "FORBIDDEN", ""},
		}
		for _, c := range refusals {
			_, r := do(c.client, c.doc, c.vars)
			if e := errorOf(t, r, c.name); e.Code() != c.code || !strings.Contains(e.Message+keyOf(e), c.text) {
				t.Errorf("%s: %s %q, want %s containing %q", c.name, e.Code(), e.Message, c.code, c.text)
			}
		}
		got, r := do(key, redeem, map[string]any{"code": strings.ToLower(code), "key": "g-redeem"})
		if len(r.Errors) > 0 || got.Status != "redeemed" || got.LearnerID != training.LearnerID(p.DigitalPlatformID, p.RecipientID) {
			t.Fatalf("redeem: %+v %+v", got, r.Errors)
		}
		_, r = do(key, prog, map[string]any{"code": code, "p": 150, "key": "g-p"})
		if e := errorOf(t, r, "percent 150"); e.Code() != "BAD_USER_INPUT" || keyOf(e) != "training.percent_range" {
			t.Errorf("percent 150: %+v", e)
		}
		for range 2 { // the second is a replay
			if got, r = do(key, prog, map[string]any{"code": code, "p": 50, "key": "g-p"}); got.Status != "in_progress" || got.ProgressPercent != 50 {
				t.Errorf("progress 50: %+v %+v", got, r.Errors)
			}
		}
		_, r = do(key, prog, map[string]any{"code": code, "p": 60, "key": "g-p"})
		if e := errorOf(t, r, "key reused"); e.Code() != "CONFLICT" || keyOf(e) != "training.key_reused" {
			t.Errorf("key reused: %+v", e)
		}
		if got, _ = do(key, score, map[string]any{"code": code, "s": 75, "key": "g-s"}); got.PostTestScore == nil || *got.PostTestScore != 75 || issuer() != 0 {
			t.Errorf("post-test: %+v, %d certificates", got, issuer())
		}
		for range 2 {
			if got, _ = do(key, done, map[string]any{"code": code, "key": "g-done"}); got.Status != "completed" || got.ProgressPercent != 100 {
				t.Errorf("completion: %+v", got)
			}
		}
		if issuer() != 1 || firstEvents(t, db, string(p.RecipientID)) != 1 {
			t.Errorf("%d certificates, %d events; want 1, 1", issuer(), firstEvents(t, db, string(p.RecipientID)))
		}
		// The platform operator's own session may report too.
		if got, r = do(op, prog, map[string]any{"code": code, "p": 100, "key": "g-session"}); len(r.Errors) > 0 {
			t.Errorf("operator session: %+v", r.Errors)
		}
	})
}

func keyOf(e gqltest.Error) string { k, _ := e.Extensions["messageKey"].(string); return k }

func mustOperator(t *testing.T, s *stack, phone string) gqltest.Client {
	c, _ := operator(t, s, phone)
	return c
}

// TestTrainingReportsXAPI: the same rules over POST /xapi/statements with
// the partner key (ApiKey and HTTP Basic): 200 with the ids, the replay
// again 200, a changed statement 409, a wrong actor 400 naming it, a
// missing version header 400, and the certificate on post-test 75 and
// completion.
func TestTrainingReportsXAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s, issuer, ps := trainingStack(t, db, 1)
		p := ps[0]
		op, acc := operator(t, s, phoneTokopedia)
		_, k := newKey(t, s, op, acc, training.Scope)
		url := strings.TrimSuffix(s.URL, "/graphql") + "/xapi/statements"
		pub := s.App.Training.Config().PublicURL
		learner := training.LearnerID(p.DigitalPlatformID, p.RecipientID)
		st := func(id, actor, verb, suffix string, result any) map[string]any {
			m := map[string]any{"id": id, "actor": map[string]any{"account": map[string]any{"homePage": pub, "name": actor}},
				"verb": map[string]any{"id": verb}, "object": map[string]any{"id": pub + training.ActivityPath + p.RedemptionCode + suffix}}
			if result != nil {
				m["result"] = result
			}
			return m
		}
		send := func(auth string, version bool, body any) (int, []byte) {
			raw, _ := json.Marshal(body)
			req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(raw))
			req.Header.Set("Authorization", auth)
			req.Header.Set("Content-Type", "application/json")
			if version {
				req.Header.Set("X-Experience-API-Version", "1.0.3")
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			var b bytes.Buffer
			_, _ = b.ReadFrom(res.Body)
			return res.StatusCode, b.Bytes()
		}
		apiKey := "ApiKey " + k.Key
		basic := "Basic " + base64.StdEncoding.EncodeToString([]byte("lms:"+k.Key))
		id := func(n int) string { return fmt.Sprintf("6b0d4c2e-0000-4000-8000-%012d", n) }
		launch := st(id(1), learner, training.VerbLaunched, "", nil)
		prog := st(id(2), learner, training.VerbProgressed, "", map[string]any{"extensions": map[string]any{training.ExtProgress: 40}})
		if code, body := send(apiKey, false, launch); code != 400 || !bytes.Contains(body, []byte("X-Experience-API-Version")) {
			t.Errorf("no version header: %d %s", code, body)
		}
		if code, body := send(apiKey, true, st(id(1), "Lsomeone", training.VerbLaunched, "", nil)); code != 400 ||
			!bytes.Contains(body, []byte(`"field":"actor"`)) {
			t.Errorf("wrong actor: %d %s", code, body)
		}
		if code, _ := send("ApiKey pk_nope_nope", true, launch); code != 401 {
			t.Errorf("bad key: %d", code)
		}
		code, body := send(apiKey, true, []any{launch, prog})
		var ids []string
		if code != 200 || json.Unmarshal(body, &ids) != nil || len(ids) != 2 || ids[0] != id(1) {
			t.Fatalf("batch: %d %s", code, body)
		}
		if code, body = send(basic, true, prog); code != 200 || !bytes.Contains(body, []byte(id(2))) {
			t.Errorf("replay by Basic: %d %s", code, body)
		}
		changed := st(id(2), learner, training.VerbProgressed, "", map[string]any{"extensions": map[string]any{training.ExtProgress: 45}})
		if code, body = send(apiKey, true, changed); code != 409 {
			t.Errorf("changed statement: %d %s", code, body)
		}
		passed := st(id(3), learner, training.VerbPassed, training.PostTestSuffix, map[string]any{"score": map[string]any{"raw": 75}})
		completed := st(id(4), learner, training.VerbCompleted, "", nil)
		if code, body = send(apiKey, true, []any{passed, completed}); code != 200 {
			t.Fatalf("passed and completed: %d %s", code, body)
		}
		after := db.Client.Purchase.GetX(rule.System(context.Background(), "test"), p.ID)
		if after.Status != purchase.StatusCompleted || *after.PostTestScore != 75 || issuer() != 1 ||
			firstEvents(t, db, string(p.RecipientID)) != 1 {
			t.Errorf("after xAPI: %s %v, %d certificates", after.Status, after.PostTestScore, issuer())
		}
	})
}
