package training_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/trainingreport"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/training"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// keys is a fake Authenticator: "ApiKey <name>" is the viewer of that name.
type keys map[string]*viewer.Viewer

func (k keys) Authenticate(_ context.Context, header string) (*viewer.Viewer, error) {
	if v, ok := k[header]; ok {
		return v, nil
	}
	return nil, apperr.E(apperr.Unauthenticated, msg.SessionInvalid)
}

type xapiCall struct {
	status int
	ids    []string
	err    struct {
		Code      string
		Message   string
		Field     string
		Statement *int
	}
}

func post(t *testing.T, h http.Handler, auth, version string, body any) xapiCall {
	t.Helper()
	raw, ok := body.([]byte)
	if !ok {
		raw, _ = json.Marshal(body)
	}
	req := httptest.NewRequest(http.MethodPost, "/xapi/statements", bytes.NewReader(raw))
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if version != "" {
		req.Header.Set("X-Experience-API-Version", version)
	}
	req.Header.Set("Accept-Language", "en")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	c := xapiCall{status: rec.Code}
	if rec.Code == http.StatusOK {
		_ = json.Unmarshal(rec.Body.Bytes(), &c.ids)
	} else if err := json.Unmarshal(rec.Body.Bytes(), &c.err); err != nil || c.err.Code == "" || c.err.Message == "" {
		t.Errorf("status %d body %q: not a coded error", rec.Code, rec.Body.String())
	}
	if rec.Header().Get("X-Experience-API-Version") != training.Version {
		t.Errorf("no version header in the response")
	}
	return c
}

// TestStatements: the xAPI endpoint end to end over one store: the
// version header, the credentials (ApiKey and Basic), batches, replays,
// 409 on a changed statement, the actor check, nothing written on refusal.
func TestStatements(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		rec := e.recipient(t)
		p := e.purchase(t, rec, purchase.StatusPaid)
		v := viewer.FromContext(e.platform(e.w.Platform))
		other := viewer.FromContext(e.platform(e.w.Platform2))
		noScope := viewer.FromContext(e.platform(e.w.Platform, "purchases:read"))
		h := e.svc.Handler(keys{"ApiKey good": v, "ApiKey other": other, "ApiKey noscope": noScope})
		learner := training.LearnerID(p.DigitalPlatformID, p.RecipientID)
		act := activity(p.RedemptionCode)
		launch := stmt("00000000-0000-4000-8000-000000000001", learner, training.VerbLaunched, act, nil)
		prog := func(id string, n int) map[string]any {
			return stmt(id, learner, training.VerbProgressed, act, func(s map[string]any) {
				s["result"] = map[string]any{"extensions": map[string]any{training.ExtProgress: n}}
			})
		}
		basic := "Basic " + base64.StdEncoding.EncodeToString([]byte("platform:good"))
		id2, id3 := "00000000-0000-4000-8000-000000000002", "00000000-0000-4000-8000-000000000003"

		refusals := []struct {
			name, auth, version string
			body                any
			status              int
			field               string
		}{
			{"no version", "ApiKey good", "", launch, 400, ""},
			{"version 0.95", "ApiKey good", "0.95", launch, 400, ""},
			{"no credentials", "", "1.0.3", launch, 401, ""},
			{"bad key", "ApiKey nope", "1.0.3", launch, 401, ""},
			{"bad basic", "Basic !!!", "1.0.3", launch, 401, ""},
			{"key without scope", "ApiKey noscope", "1.0.3", launch, 403, ""},
			{"other platform", "ApiKey other", "1.0.3", launch, 404, "code"},
			{"not JSON", "ApiKey good", "1.0.3", []byte(`{"id":`), 400, "statement"},
			{"a string", "ApiKey good", "1.0.3", []byte(`"x"`), 400, "statement"},
			{"empty batch", "ApiKey good", "1.0.3", []byte(`[]`), 400, "statement"},
			{"unknown verb", "ApiKey good", "1.0.3", stmt(id2, learner, "http://adlnet.gov/expapi/verbs/voided", act, nil), 400, "verb.id"},
			{"wrong actor", "ApiKey good", "1.0.3", stmt(id2, "Lnotthisone", training.VerbLaunched, act, nil), 400, "actor"},
			{"progress before redeem", "ApiKey good", "1.0.3", prog(id2, 10), 409, ""},
			{"batch with a bad second", "ApiKey good", "1.0.3", []any{launch, stmt(id2, learner, "x:y", act, nil)}, 400, "verb.id"},
			{"batch refused whole", "ApiKey good", "1.0.3", []any{launch, prog(id2, 150)}, 400, "percent"},
		}
		for _, c := range refusals {
			got := post(t, h, c.auth, c.version, c.body)
			if got.status != c.status || got.err.Field != c.field {
				t.Errorf("%s: %d %+v, want %d field %q", c.name, got.status, got.err, c.status, c.field)
			}
			if n := db.Client.TrainingReport.Query().CountX(rulesSystem()); n != 0 {
				t.Fatalf("%s: %d reports written", c.name, n)
			}
		}
		if got := post(t, h, "ApiKey good", "1.0.3", []any{launch, stmt(id2, learner, "x:y", act, nil)}); got.err.Statement == nil || *got.err.Statement != 1 {
			t.Errorf("the refused statement's index: %+v", got.err)
		}
		if got := post(t, h, "ApiKey good", "1.0.3", stmt(id2, "Lx", training.VerbLaunched, act, nil)); !strings.Contains(got.err.Message, "actor") {
			t.Errorf("wrong actor message %q does not name the actor", got.err.Message)
		}

		// A batch: redeem and progress, by Basic credentials.
		got := post(t, h, basic, "1.0.3", []any{launch, prog(id2, 30)})
		if got.status != 200 || len(got.ids) != 2 || got.ids[1] != id2 {
			t.Fatalf("batch: %+v", got)
		}
		if after := e.reload(t, p); after.Status != purchase.StatusInProgress || after.ProgressPercent != 30 {
			t.Errorf("after batch: %s %d", after.Status, after.ProgressPercent)
		}
		// Replay: 200, the same ids, nothing new.
		again := post(t, h, "ApiKey good", "1.0.3", prog(id2, 30))
		if again.status != 200 || len(again.ids) != 1 || again.ids[0] != id2 {
			t.Errorf("replay: %+v", again)
		}
		// The same id with other content: 409.
		if c := post(t, h, "ApiKey good", "1.0.3", prog(id2, 35)); c.status != 409 {
			t.Errorf("changed statement: %+v", c)
		}
		if n := db.Client.TrainingReport.Query().CountX(rulesSystem()); n != 2 {
			t.Errorf("%d reports, want 2", n)
		}
		stored := db.Client.TrainingReport.Query().Where(trainingreport.IdempotencyKey(id2)).OnlyX(rulesSystem())
		if stored.Channel != trainingreport.ChannelXapi || !strings.Contains(stored.Statement, training.VerbProgressed) {
			t.Errorf("stored report %+v", stored)
		}
		// Post-test and completion: the certificate.
		passed := stmt(id3, learner, training.VerbPassed, act+training.PostTestSuffix, func(s map[string]any) {
			s["result"] = map[string]any{"score": map[string]any{"raw": 75}}
		})
		done := stmt("00000000-0000-4000-8000-000000000004", learner, training.VerbCompleted, act, nil)
		if c := post(t, h, "ApiKey good", "1.0.3", []any{passed, done}); c.status != 200 {
			t.Fatalf("pass and complete: %+v", c)
		}
		if e.issuer.calls.Load() != 1 || len(e.events(t, rec)) != 1 {
			t.Errorf("certificate: %d issues, %d events", e.issuer.calls.Load(), len(e.events(t, rec)))
		}
		// Other methods.
		req := httptest.NewRequest(http.MethodGet, "/xapi/statements", nil)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusMethodNotAllowed {
			t.Errorf("GET statements: %d", w.Code)
		}
		w = httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/xapi/about", nil))
		if w.Code != 200 || !strings.Contains(w.Body.String(), training.Version) {
			t.Errorf("about: %d %s", w.Code, w.Body.String())
		}
	})
}
