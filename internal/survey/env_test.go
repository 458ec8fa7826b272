package survey_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/ent/surveyresponse"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/survey"
	"github.com/kartuprakerja/platform/internal/viewer"
)

const (
	day  = 24 * time.Hour
	hour = time.Hour
)

// env is a survey service over a fixture world with a test survey (SE2:
// opens 30 days after the first incentive, open 90 days) holding one
// question of every kind, and a fixed clock.
type env struct {
	db    *database.DB
	svc   *survey.Service
	world *fixture.World
	sv    *ent.Survey
	q     map[string]*ent.SurveyQuestion // by key
	now   time.Time
	n     int
}

func newEnv(t testing.TB, db *database.DB) *env {
	t.Helper()
	e := &env{db: db, world: fixture.NewWorld(t, db.Client), q: map[string]*ent.SurveyQuestion{},
		now: time.Date(2021, 9, 1, 3, 0, 0, 0, time.UTC)}
	e.svc = survey.New(survey.Deps{Client: db.Client, Dialect: db.Dialect, Now: func() time.Time { return e.now }},
		survey.DefaultConfig())
	e.sv = e.newSurvey(t, "SE2", 2, 30, 90)
	return e
}

func sys() context.Context { return rule.System(context.Background(), "test") }

func likert() []schematype.SurveyOption {
	var out []schematype.SurveyOption
	for i := 1; i <= 5; i++ {
		out = append(out, schematype.SurveyOption{Value: fmt.Sprint(i), LabelID: fmt.Sprint(i), LabelEN: fmt.Sprint(i)})
	}
	return out
}

func options(values ...string) []schematype.SurveyOption {
	var out []schematype.SurveyOption
	for _, v := range values {
		out = append(out, schematype.SurveyOption{Value: v, LabelID: v, LabelEN: v})
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// newSurvey creates an active survey with the test questions. Positions are
// written in reverse creation order so the tests see ordering by position.
func (e *env) newSurvey(t testing.TB, code string, ordinal, opensAfter, window int) *ent.Survey {
	t.Helper()
	c := e.db.Client
	sv := c.Survey.Create().SetCode(code).SetOrdinal(ordinal).SetTitleID("Survei " + code).
		SetOpensAfterDays(opensAfter).SetWindowDays(window).SaveX(sys())
	qs := []*ent.SurveyQuestionCreate{
		c.SurveyQuestion.Create().SetKey("note").SetPosition(6).SetKind("text").SetRequired(false),
		c.SurveyQuestion.Create().SetKey("children").SetPosition(5).SetKind("number").SetRequired(false),
		c.SurveyQuestion.Create().SetKey("income").SetPosition(4).SetKind("number").SetMin(0).SetMax(1_000_000),
		c.SurveyQuestion.Create().SetKey("uses").SetPosition(3).SetKind("multiple").SetOptions(options("x", "y", "z")),
		c.SurveyQuestion.Create().SetKey("status").SetPosition(2).SetKind("single").SetOptions(options("a", "b", "c")),
		c.SurveyQuestion.Create().SetKey(survey.SkillsImprovedKey).SetPosition(1).SetKind("likert").SetOptions(likert()),
	}
	for _, q := range qs {
		created := q.SetSurveyID(sv.ID).SetPromptID("Pertanyaan").SaveX(sys())
		if code == "SE2" {
			e.q[created.Key] = created
		}
	}
	return sv
}

// recipient creates a recipient whose first incentive was sent at first
// (zero: not sent) and returns them with their signed-in context.
func (e *env) recipient(t testing.TB, first time.Time) (*fixture.Person, context.Context) {
	t.Helper()
	e.n++
	p := e.world.NewPerson(t, e.db.Client, e.n, e.world.Platform)
	if !first.IsZero() {
		e.db.Client.Payout.UpdateOneID(p.Private["Payout"]).SetStatus(payout.StatusSent).
			SetScheduledFor(first.Add(-4 * day)).SetSentAt(first).ExecX(sys())
	}
	return p, as(p, "id")
}

// revoke revokes p's membership at at.
func (e *env) revoke(p *fixture.Person, at time.Time) {
	e.db.Client.Recipient.UpdateOneID(p.Recipient.ID).SetStatus("revoked").SetRevokedAt(at).
		SetRevocationReason("test").ExecX(sys())
}

func as(p *fixture.Person, locale string) context.Context {
	return viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: p.Account.ID,
		Role: viewer.RoleRecipient, RecipientID: p.Recipient.ID, Locale: locale})
}

func staff(t testing.TB, e *env, role viewer.Role) context.Context {
	t.Helper()
	e.n++
	a := fixture.NewAccount(t, e.db.Client, fmt.Sprintf("+62811%08d", e.n), role, "")
	return viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: a.ID, Role: role, Locale: "id"})
}

// valid returns a complete, valid set of answers to SE2.
func (e *env) valid() []survey.AnswerInput {
	return []survey.AnswerInput{
		{QuestionID: e.q[survey.SkillsImprovedKey].ID, Choices: []string{"4"}},
		{QuestionID: e.q["status"].ID, Choices: []string{"b"}},
		{QuestionID: e.q["uses"].ID, Choices: []string{"x", "z"}},
		{QuestionID: e.q["income"].ID, Number: ptr(int64(150_000))},
		{QuestionID: e.q["note"].ID, Text: ptr("Bagus sekali")},
	}
}

// submission is a valid submission to SE2 answered an hour ago.
func (e *env) submission(id string) survey.Submission {
	return survey.Submission{ClientID: id, SurveyID: e.sv.ID, Answers: e.valid(), AnsweredAt: e.now.Add(-time.Hour)}
}

// open is a first-incentive time that puts SE2's window around now.
func (e *env) open() time.Time { return e.now.Add(-40 * day) }

func (e *env) responses(t testing.TB) int {
	t.Helper()
	return e.db.Client.SurveyResponse.Query().Where(surveyresponse.SurveyID(e.sv.ID)).CountX(sys())
}

func (e *env) entitlements(t testing.TB) int {
	t.Helper()
	return e.db.Client.Payout.Query().Where(payout.KindEQ(payout.KindSurvey)).CountX(sys())
}

func fields(err error) map[string]string { return fieldsIn(err, "id") }

// fieldsIn renders an error's per-field messages in locale, as the GraphQL
// boundary does for the viewer.
func fieldsIn(err error, locale string) map[string]string {
	var e *apperr.Error
	if errors.As(err, &e) {
		return e.FieldMessages(locale)
	}
	return nil
}
