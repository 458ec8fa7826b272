package survey

import (
	"context"
	"fmt"
	"strconv"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/survey"
	"github.com/kartuprakerja/platform/ent/surveyquestion"
	"github.com/kartuprakerja/platform/ent/surveyresponse"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Aggregate is what staff see of one survey: counts, never a response.
type Aggregate struct {
	Survey    *ent.Survey
	Responses int
	Questions []*QuestionAggregate
	// SkillsImprovedShare is the share (0-1) of those who answered the
	// likert question keyed "skills_improved" with 4 or 5; nil when the
	// survey has no such question or nobody answered it.
	SkillsImprovedShare *float64
}

// QuestionAggregate summarises the answers to one question.
type QuestionAggregate struct {
	Question *ent.SurveyQuestion
	Answered int
	Options  []OptionCount // single, multiple and likert: every option, in order
	Mean     *float64      // number and likert
}

// OptionCount is how many answers chose one option.
type OptionCount struct {
	Value string
	Count int
}

// SkillsImprovedKey is the question whose agreement (4 or 5) is reported
// as the share who say their skills improved.
const SkillsImprovedKey = "skills_improved"

// Results aggregates one survey's responses for admins and analysts. The
// counting runs in the database (GROUP BY over the JSON answers), so no
// response is loaded into memory.
func (s *Service) Results(ctx context.Context, surveyID pulid.ID) (*Aggregate, error) {
	if err := mayAnalyse(ctx); err != nil {
		return nil, err
	}
	sv, err := withOrderedQuestions(s.client.Survey.Query()).Where(survey.ID(surveyID)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.E(apperr.NotFound, msg.SurveyNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("load survey: %w", err)
	}
	// Counted through ent under the viewer: the privacy policy of responses
	// applies on top of the role check.
	n, err := s.client.SurveyResponse.Query().Where(surveyresponse.SurveyID(surveyID)).Count(ctx)
	if err != nil {
		return nil, fmt.Errorf("count responses: %w", err)
	}
	st, err := s.tally(rule.System(ctx, "aggregates for staff, role checked"), surveyID)
	if err != nil {
		return nil, err
	}
	return summarise(sv, n, st), nil
}

// mayAnalyse allows admins and analysts only (support staff read single
// responses to help a recipient, not the survey's results).
func mayAnalyse(ctx context.Context) error {
	_, err := rule.Need{Action: "survey.aggregate", Roles: []viewer.Role{viewer.RoleAdmin, viewer.RoleAnalyst},
		Key: msg.SurveyStaffOnly}.Check(ctx)
	return err
}

// summarise builds the aggregate from the database's counts.
func summarise(sv *ent.Survey, responses int, st *tally) *Aggregate {
	out := &Aggregate{Survey: sv, Responses: responses}
	for _, q := range sv.Edges.Questions {
		qa := &QuestionAggregate{Question: q, Answered: st.answered[string(q.ID)]}
		counts := st.options[string(q.ID)]
		switch q.Kind {
		case surveyquestion.KindSingle, surveyquestion.KindMultiple, surveyquestion.KindLikert:
			qa.Options = optionCounts(q, counts)
		}
		switch q.Kind {
		case surveyquestion.KindNumber:
			qa.Mean = st.means[string(q.ID)]
		case surveyquestion.KindLikert:
			qa.Mean = likertMean(counts)
		}
		if q.Key == SkillsImprovedKey && q.Kind == surveyquestion.KindLikert && qa.Answered > 0 {
			share := float64(counts["4"]+counts["5"]) / float64(qa.Answered)
			out.SkillsImprovedShare = &share
		}
		out.Questions = append(out.Questions, qa)
	}
	return out
}

// optionCounts lists every option in order (zero counts included), then any
// stored value no longer among the options.
func optionCounts(q *ent.SurveyQuestion, counts map[string]int) []OptionCount {
	out := make([]OptionCount, 0, len(q.Options))
	seen := map[string]bool{}
	for _, o := range q.Options {
		out = append(out, OptionCount{Value: o.Value, Count: counts[o.Value]})
		seen[o.Value] = true
	}
	for _, v := range sortedKeys(counts) {
		if !seen[v] {
			out = append(out, OptionCount{Value: v, Count: counts[v]})
		}
	}
	return out
}

// likertMean is the mean of the numeric option values, weighted by count.
func likertMean(counts map[string]int) *float64 {
	var sum float64
	n := 0
	for v, c := range counts {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			continue
		}
		sum += x * float64(c)
		n += c
	}
	if n == 0 {
		return nil
	}
	m := sum / float64(n)
	return &m
}
