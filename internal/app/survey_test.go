package app_test

import (
	"context"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

const mySurveysQuery = `{ mySurveys { opensAt closesAt status response { id clientID }
  survey { id code titleID incentive
    questions { id key kind promptID promptEn options { value labelId labelEn } required min max } } } }`

const submitMutation = `mutation($in: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $in) {
  id clientID answeredAt survey { code } answers { questionId choices number text } } }`

const resultsQuery = `query($id: ID!) { surveyResults(surveyId: $id) { responses skillsImprovedShare
  survey { code } questions { question { key } answered mean options { value count } } } }`

type surveyView struct{ MySurveys []assignmentView }

type assignmentView struct {
	OpensAt, ClosesAt time.Time
	Status            string
	Response          *struct{ ID, ClientID string }
	Survey            struct {
		ID, Code  string
		Questions []struct {
			ID, Key, Kind string
			Options       []struct{ Value string }
		}
	}
}

// TestSurveysOverGraphQL drives the survey contract the PWA codes against:
// the viewer's assignments, an idempotent submission with typed errors
// (extensions.code and extensions.fields), and staff aggregates.
func TestSurveysOverGraphQL(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		sv := surveyWithQuestions(t, db.Client)
		a := paidPerson(t, db.Client, w, 1, time.Now().Add(-40*24*time.Hour))
		b := paidPerson(t, db.Client, w, 2, time.Now().Add(-40*24*time.Hour))
		fixture.NewAccount(t, db.Client, "+6281100000031", viewer.RoleAnalyst, "")
		asA := gqltest.SignIn(t, s.URL, s.SMS, a.Phone)
		asB := gqltest.SignIn(t, s.URL, s.SMS, b.Phone)
		asAnalyst := gqltest.SignIn(t, s.URL, s.SMS, "+6281100000031")

		var view surveyView
		asA.Do(t, mySurveysQuery, nil).MustData(t, &view)
		i := slices.IndexFunc(view.MySurveys, func(x assignmentView) bool { return x.Survey.Code == "SE2" })
		if i < 0 || view.MySurveys[i].Status != "open" || view.MySurveys[i].Survey.ID != string(sv.ID) {
			t.Fatalf("SE2 not open for A: %+v", view.MySurveys)
		}
		qs := map[string]string{}
		var order []string
		for _, q := range view.MySurveys[i].Survey.Questions {
			qs[q.Key] = q.ID
			order = append(order, q.Key)
		}
		if !slices.Equal(order, []string{"skills_improved", "status", "income"}) {
			t.Fatalf("questions not in position order: %v", order)
		}

		in := map[string]any{"clientId": "0b6f3b9e-4d8a-4a51-9d2e-1f5a6c7e8d90", "surveyId": sv.ID,
			"answeredAt": time.Now().Add(-time.Hour).UTC().Format(time.RFC3339Nano),
			"answers": []map[string]any{
				{"questionId": qs["skills_improved"], "choices": []string{"5"}},
				{"questionId": qs["status"], "choices": []string{"b"}},
				{"questionId": qs["income"], "number": 2_500_000},
			}}
		var first struct{ SubmitSurveyResponse struct{ ID, ClientID string } }
		asA.Do(t, submitMutation, map[string]any{"in": in}).MustData(t, &first)

		t.Run("retry returns the stored response", func(t *testing.T) {
			var again struct{ SubmitSurveyResponse struct{ ID string } }
			asA.Do(t, submitMutation, map[string]any{"in": in}).MustData(t, &again)
			if again.SubmitSurveyResponse.ID != first.SubmitSurveyResponse.ID {
				t.Errorf("retry made %s, first was %s", again.SubmitSurveyResponse.ID, first.SubmitSurveyResponse.ID)
			}
		})
		t.Run("same client id, other content", func(t *testing.T) {
			changed := maps.Clone(in)
			changed["answers"] = []map[string]any{
				{"questionId": qs["skills_improved"], "choices": []string{"1"}},
				{"questionId": qs["status"], "choices": []string{"b"}},
				{"questionId": qs["income"], "number": 2_500_000},
			}
			expectError(t, asA.Do(t, submitMutation, map[string]any{"in": changed}), "CONFLICT", "clientId")
		})
		t.Run("another client id", func(t *testing.T) {
			other := maps.Clone(in)
			other["clientId"] = "7c1d0e2f-0000-4000-8000-000000000001"
			expectError(t, asA.Do(t, submitMutation, map[string]any{"in": other}), "CONFLICT", "surveyId")
		})
		t.Run("invalid answers", func(t *testing.T) {
			bad := maps.Clone(in)
			bad["clientId"] = "b-invalid"
			bad["answers"] = []map[string]any{
				{"questionId": qs["skills_improved"], "choices": []string{"9"}},
				{"questionId": qs["income"], "number": -1},
			}
			r := asB.Do(t, submitMutation, map[string]any{"in": bad})
			expectError(t, r, "BAD_USER_INPUT", "answers.skills_improved", "answers.status", "answers.income")
		})
		t.Run("assignment shows the response", func(t *testing.T) {
			var v surveyView
			asA.Do(t, mySurveysQuery, nil).MustData(t, &v)
			i := slices.IndexFunc(v.MySurveys, func(x assignmentView) bool { return x.Survey.Code == "SE2" })
			if i < 0 {
				t.Fatalf("SE2 missing after answering: %+v", v.MySurveys)
			}
			if x := v.MySurveys[i]; x.Status != "answered" || x.Response == nil || x.Response.ID != first.SubmitSurveyResponse.ID {
				t.Errorf("SE2 after answering: %+v", x)
			}
			asB.Do(t, mySurveysQuery, nil).MustData(t, &v)
			for _, x := range v.MySurveys {
				if x.Response != nil && x.Response.ID == first.SubmitSurveyResponse.ID {
					t.Errorf("B sees A's response")
				}
			}
		})
		t.Run("results for analysts only", func(t *testing.T) {
			var res struct {
				SurveyResults struct {
					Responses           int
					SkillsImprovedShare *float64
				}
			}
			asAnalyst.Do(t, resultsQuery, map[string]any{"id": sv.ID}).MustData(t, &res)
			if res.SurveyResults.Responses != 1 || res.SurveyResults.SkillsImprovedShare == nil ||
				*res.SurveyResults.SkillsImprovedShare != 1 {
				t.Errorf("results %+v", res.SurveyResults)
			}
			expectError(t, asA.Do(t, resultsQuery, map[string]any{"id": sv.ID}), "FORBIDDEN")
		})
		entitled := db.Client.Payout.Query().Where(payout.KindEQ(payout.KindSurvey)).CountX(rule.System(context.Background(), "t"))
		if entitled != 1 {
			t.Errorf("%d survey entitlements, want 1", entitled)
		}
	})
}

// surveyWithQuestions creates SE2 (opens 30 days after the first incentive,
// open 90 days) with a likert, a single-choice and a number question.
func surveyWithQuestions(t *testing.T, c *ent.Client) *ent.Survey {
	t.Helper()
	ctx := rule.System(context.Background(), "test")
	sv := c.Survey.Create().SetCode("SE2").SetOrdinal(2).SetTitleID("Survei Evaluasi II").
		SetOpensAfterDays(30).SetWindowDays(90).SaveX(ctx)
	opts := func(vs ...string) []schematype.SurveyOption {
		var out []schematype.SurveyOption
		for _, v := range vs {
			out = append(out, schematype.SurveyOption{Value: v, LabelID: v, LabelEN: v})
		}
		return out
	}
	c.SurveyQuestion.Create().SetSurveyID(sv.ID).SetKey("income").SetPosition(3).SetKind("number").
		SetPromptID("Pendapatan").SetMin(0).SetMax(100_000_000).ExecX(ctx)
	c.SurveyQuestion.Create().SetSurveyID(sv.ID).SetKey("status").SetPosition(2).SetKind("single").
		SetPromptID("Status").SetOptions(opts("a", "b")).ExecX(ctx)
	c.SurveyQuestion.Create().SetSurveyID(sv.ID).SetKey("skills_improved").SetPosition(1).SetKind("likert").
		SetPromptID("Keterampilan").SetOptions(opts("1", "2", "3", "4", "5")).ExecX(ctx)
	return sv
}

// paidPerson is a fixture person whose first incentive was sent at sent.
func paidPerson(t *testing.T, c *ent.Client, w *fixture.World, n int, sent time.Time) *fixture.Person {
	t.Helper()
	p := w.NewPerson(t, c, n, w.Platform)
	c.Payout.UpdateOneID(p.Private["Payout"]).SetStatus(payout.StatusSent).SetSentAt(sent).
		ExecX(rule.System(context.Background(), "test"))
	return p
}

// expectError checks extensions.code and that extensions.fields names
// every given field.
func expectError(t *testing.T, r gqltest.Response, code string, fields ...string) {
	t.Helper()
	if len(r.Errors) != 1 || r.Errors[0].Code() != code {
		t.Fatalf("errors %+v, want one %s", r.Errors, code)
	}
	got, _ := r.Errors[0].Extensions["fields"].(map[string]any)
	for _, f := range fields {
		if msg, _ := got[f].(string); msg == "" {
			t.Errorf("extensions.fields misses %s: %v", f, got)
		}
	}
	if len(fields) > 0 && len(got) != len(fields) {
		t.Errorf("extensions.fields = %v, want exactly %v", got, fields)
	}
}
