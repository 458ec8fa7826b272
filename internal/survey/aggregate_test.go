package survey_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/survey"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestResults checks the aggregates computed in the database: counts per
// option, means, answered counts and the share whose skills improved.
func TestResults(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		answers := []struct {
			skills, status string
			uses           []string
			income         int64
			children       *int64
		}{
			{"5", "a", []string{"x"}, 100_000, ptr(int64(2))},
			{"4", "a", []string{"x", "y"}, 200_000, nil},
			{"2", "b", []string{"y", "z"}, 0, ptr(int64(0))},
			{"4", "a", []string{"z", "x", "y"}, 500_000, nil},
		}
		for i, a := range answers {
			_, ctx := e.recipient(t, e.open())
			in := e.submission(fmt.Sprintf("agg-%d", i))
			in.Answers = []survey.AnswerInput{
				{QuestionID: e.q[survey.SkillsImprovedKey].ID, Choices: []string{a.skills}},
				{QuestionID: e.q["status"].ID, Choices: []string{a.status}},
				{QuestionID: e.q["uses"].ID, Choices: a.uses},
				{QuestionID: e.q["income"].ID, Number: ptr(a.income)},
				{QuestionID: e.q["children"].ID, Number: a.children},
			}
			if _, err := e.svc.Submit(ctx, in); err != nil {
				t.Fatalf("response %d: %v", i, err)
			}
		}
		res, err := e.svc.Results(staff(t, e, viewer.RoleAnalyst), e.sv.ID)
		if err != nil {
			t.Fatal(err)
		}
		if res.Responses != 4 || res.SkillsImprovedShare == nil || *res.SkillsImprovedShare != 0.75 {
			t.Errorf("responses %d, skills improved %v; want 4 and 0.75", res.Responses, deref(res.SkillsImprovedShare))
		}
		want := map[string]struct {
			answered int
			options  string
			mean     float64 // NaN: none
		}{
			survey.SkillsImprovedKey: {4, "1:0 2:1 3:0 4:2 5:1", 3.75},
			"status":                 {4, "a:3 b:1 c:0", math.NaN()},
			"uses":                   {4, "x:3 y:3 z:2", math.NaN()},
			"income":                 {4, "", 200_000},
			"children":               {2, "", 1},
			"note":                   {0, "", math.NaN()},
		}
		if len(res.Questions) != len(want) {
			t.Fatalf("%d questions, want %d", len(res.Questions), len(want))
		}
		for _, q := range res.Questions {
			w := want[q.Question.Key]
			if q.Answered != w.answered || optionsText(q.Options) != w.options || !sameMean(q.Mean, w.mean) {
				t.Errorf("%s: answered %d, options %q, mean %v; want %d, %q, %v", q.Question.Key,
					q.Answered, optionsText(q.Options), deref(q.Mean), w.answered, w.options, w.mean)
			}
		}
		if _, err := e.svc.Results(staff(t, e, viewer.RoleAdmin), pulid.New("sv")); rule.Code(err) != apperr.NotFound {
			t.Errorf("unknown survey: %v", err)
		}
		empty, err := e.svc.Results(staff(t, e, viewer.RoleAdmin), e.world.Survey.ID)
		if err != nil || empty.SkillsImprovedShare != nil || len(empty.Questions) != 0 {
			t.Errorf("survey without questions: %+v %v", empty, err)
		}
	})
}

func optionsText(os []survey.OptionCount) string {
	out := ""
	for i, o := range os {
		if i > 0 {
			out += " "
		}
		out += fmt.Sprintf("%s:%d", o.Value, o.Count)
	}
	return out
}

func sameMean(got *float64, want float64) bool {
	if math.IsNaN(want) {
		return got == nil
	}
	return got != nil && math.Abs(*got-want) < 1e-9
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
