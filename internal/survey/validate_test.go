package survey_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/survey"
)

// TestValidation submits one broken submission per rule and kind: each is
// refused with BAD_USER_INPUT naming exactly the broken questions, and
// nothing is written.
func TestValidation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		_, ctx := e.recipient(t, e.open())
		set := func(key string, a survey.AnswerInput) func([]survey.AnswerInput) []survey.AnswerInput {
			return func(in []survey.AnswerInput) []survey.AnswerInput {
				a.QuestionID = e.q[key].ID
				out := slices.DeleteFunc(in, func(x survey.AnswerInput) bool { return x.QuestionID == a.QuestionID })
				return append(out, a)
			}
		}
		drop := func(key string) func([]survey.AnswerInput) []survey.AnswerInput {
			return func(in []survey.AnswerInput) []survey.AnswerInput {
				return slices.DeleteFunc(in, func(x survey.AnswerInput) bool { return x.QuestionID == e.q[key].ID })
			}
		}
		add := func(a survey.AnswerInput) func([]survey.AnswerInput) []survey.AnswerInput {
			return func(in []survey.AnswerInput) []survey.AnswerInput { return append(in, a) }
		}
		unknown := pulid.New("sq")
		cases := []struct {
			name   string
			change func([]survey.AnswerInput) []survey.AnswerInput
			fields []string
			says   string // part of the message of the first field
		}{
			{"likert missing (required)", drop(survey.SkillsImprovedKey), []string{"answers.skills_improved"}, "wajib"},
			{"likert empty choices", set(survey.SkillsImprovedKey, survey.AnswerInput{Choices: []string{}}), []string{"answers.skills_improved"}, "wajib"},
			{"likert out of scale", set(survey.SkillsImprovedKey, survey.AnswerInput{Choices: []string{"6"}}), []string{"answers.skills_improved"}, `"6"`},
			{"likert two choices", set(survey.SkillsImprovedKey, survey.AnswerInput{Choices: []string{"4", "5"}}), []string{"answers.skills_improved"}, "tepat satu"},
			{"likert as number", set(survey.SkillsImprovedKey, survey.AnswerInput{Number: ptr(int64(4))}), []string{"answers.skills_improved"}, "Jenis"},
			{"single missing", drop("status"), []string{"answers.status"}, "wajib"},
			{"single unknown option", set("status", survey.AnswerInput{Choices: []string{"d"}}), []string{"answers.status"}, `"d"`},
			{"single two options", set("status", survey.AnswerInput{Choices: []string{"a", "b"}}), []string{"answers.status"}, "tepat satu"},
			{"single with text", set("status", survey.AnswerInput{Choices: []string{"a"}, Text: ptr("x")}), []string{"answers.status"}, "Jenis"},
			{"multiple missing", drop("uses"), []string{"answers.uses"}, "wajib"},
			{"multiple unknown option", set("uses", survey.AnswerInput{Choices: []string{"x", "w"}}), []string{"answers.uses"}, `"w"`},
			{"multiple repeated option", set("uses", survey.AnswerInput{Choices: []string{"x", "y", "x"}}), []string{"answers.uses"}, "lebih dari sekali"},
			{"number missing", drop("income"), []string{"answers.income"}, "wajib"},
			{"number below min", set("income", survey.AnswerInput{Number: ptr(int64(-1))}), []string{"answers.income"}, "minimal 0"},
			{"number above max", set("income", survey.AnswerInput{Number: ptr(int64(1_000_001))}), []string{"answers.income"}, "maksimal 1000000"},
			{"number as choice", set("income", survey.AnswerInput{Choices: []string{"5"}}), []string{"answers.income"}, "Jenis"},
			{"text too long", set("note", survey.AnswerInput{Text: ptr(strings.Repeat("é", 1001))}), []string{"answers.note"}, "1000"},
			{"text as number", set("note", survey.AnswerInput{Number: ptr(int64(1))}), []string{"answers.note"}, "Jenis"},
			{"unknown question", add(survey.AnswerInput{QuestionID: unknown, Choices: []string{"a"}}), []string{"answers." + string(unknown)}, "bukan bagian"},
			{"id of something else", add(survey.AnswerInput{QuestionID: e.world.Survey.ID, Text: ptr("x")}), []string{"answers." + string(e.world.Survey.ID)}, "bukan bagian"},
			{"answered twice", add(survey.AnswerInput{QuestionID: e.q["status"].ID, Choices: []string{"a"}}), []string{"answers.status"}, "lebih dari sekali"},
			{"several at once", func(in []survey.AnswerInput) []survey.AnswerInput {
				return set("income", survey.AnswerInput{Number: ptr(int64(-5))})(drop("status")(in))
			}, []string{"answers.income", "answers.status"}, ""},
		}
		for i, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				in := e.submission(fmt.Sprintf("bad-%d", i))
				in.Answers = c.change(in.Answers)
				_, err := e.svc.Submit(ctx, in)
				if rule.Code(err) != apperr.BadUserInput {
					t.Fatalf("err = %v, want BAD_USER_INPUT", err)
				}
				got := fields(err)
				if len(got) != len(c.fields) {
					t.Errorf("fields = %v, want %v", got, c.fields)
				}
				for _, f := range c.fields {
					if !strings.Contains(got[f], c.says) || got[f] == "" {
						t.Errorf("fields[%s] = %q, want it to mention %q", f, got[f], c.says)
					}
				}
				if n, m := e.responses(t), e.entitlements(t); n+m != 0 {
					t.Errorf("refused submission wrote %d responses, %d entitlements", n, m)
				}
			})
		}
	})
}

// TestValidationAccepts covers what is valid at the edges: optional answers
// left out or blank, bounds inclusive, text trimmed to its limit, and
// English messages for an English viewer.
func TestValidationAccepts(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	e := newEnv(t, db)
	cases := []struct {
		name   string
		change func([]survey.AnswerInput) []survey.AnswerInput
	}{
		{"optional left out", func(in []survey.AnswerInput) []survey.AnswerInput { return in[:4] }},
		{"optional blank text", func(in []survey.AnswerInput) []survey.AnswerInput {
			return append(in[:4], survey.AnswerInput{QuestionID: e.q["note"].ID, Text: ptr("   ")})
		}},
		{"bounds inclusive", func(in []survey.AnswerInput) []survey.AnswerInput {
			in[3].Number = ptr(int64(1_000_000))
			return append(in, survey.AnswerInput{QuestionID: e.q["children"].ID, Number: ptr(int64(-3))})
		}},
		{"text at the limit", func(in []survey.AnswerInput) []survey.AnswerInput {
			in[4].Text = ptr("  " + strings.Repeat("ü", 1000) + "\n")
			return in
		}},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ctx := e.recipient(t, e.open())
			in := e.submission(fmt.Sprintf("ok-%d", i))
			in.Answers = c.change(in.Answers)
			r, err := e.svc.Submit(ctx, in)
			if err != nil {
				t.Fatalf("refused: %v %v", err, fields(err))
			}
			for _, a := range r.Answers {
				if a.Text != nil && (strings.TrimSpace(*a.Text) != *a.Text || *a.Text == "") {
					t.Errorf("stored text %q not trimmed or blank", *a.Text)
				}
			}
		})
	}
	t.Run("english", func(t *testing.T) {
		p, _ := e.recipient(t, e.open())
		in := e.submission("en-1")
		in.Answers = in.Answers[1:]
		_, err := e.svc.Submit(as(p, "en"), in)
		if got := fieldsIn(err, "en")["answers.skills_improved"]; got != "This question is required." {
			t.Errorf("english message = %q (%v)", got, err)
		}
	})
}

// TestSubmissionInput covers what is checked before the answers: the client
// id and the survey.
func TestSubmissionInput(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	e := newEnv(t, db)
	_, ctx := e.recipient(t, e.open())
	inactive := e.newSurvey(t, "OLD", 9, 0, 90)
	db.Client.Survey.UpdateOne(inactive).SetActive(false).ExecX(sys())
	cases := []struct {
		name  string
		in    survey.Submission
		want  apperr.Code
		field string
	}{
		{"blank client id", e.submission("  "), apperr.BadUserInput, "clientId"},
		{"client id too long", e.submission(strings.Repeat("x", 65)), apperr.BadUserInput, "clientId"},
		{"unknown survey", func() survey.Submission {
			in := e.submission("s-1")
			in.SurveyID = pulid.New("sv")
			return in
		}(), apperr.NotFound, "surveyId"},
		{"inactive survey", func() survey.Submission {
			in := e.submission("s-2")
			in.SurveyID = inactive.ID
			return in
		}(), apperr.NotFound, "surveyId"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := e.svc.Submit(ctx, c.in)
			if rule.Code(err) != c.want || fields(err)[c.field] == "" {
				t.Errorf("err = %v (fields %v), want %s on %s", err, fields(err), c.want, c.field)
			}
		})
	}
}
