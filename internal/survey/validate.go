package survey

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/ent/surveyquestion"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
)

// Submission is a recipient's answers to one survey as the client sends
// them. ClientID is generated on the phone and is the idempotency key.
type Submission struct {
	ClientID   string
	SurveyID   pulid.ID
	Answers    []AnswerInput
	AnsweredAt time.Time // the phone's clock
}

// AnswerInput is one answer as sent: Choices for single, multiple and
// likert questions, Number for number questions, Text for text questions.
type AnswerInput struct {
	QuestionID pulid.ID
	Choices    []string
	Number     *int64
	Text       *string
}

// maxClientID is the longest client id the store keeps.
const maxClientID = 64

// validate checks every answer against the survey's questions and returns
// the answers to store (in question order, empty optional answers left
// out), or a BAD_USER_INPUT error whose fields are keyed
// "answers.<questionKey>" ("answers.<questionId>" for unknown questions).
func (s *Service) validate(sv *ent.Survey, in []AnswerInput) ([]schematype.SurveyAnswer, error) {
	fields := map[string]msg.Text{}
	given := s.index(sv, in, fields)
	out := make([]schematype.SurveyAnswer, 0, len(sv.Edges.Questions))
	for _, q := range sv.Edges.Questions {
		key := "answers." + q.Key
		if _, refused := fields[key]; refused {
			continue
		}
		a, ok := given[q.ID]
		if !ok || empty(a) {
			if q.Required {
				fields[key] = msg.T(msg.SurveyRequired)
			}
			continue
		}
		ans, problem := s.check(q, a)
		if problem.Key != "" {
			fields[key] = problem
			continue
		}
		out = append(out, ans)
	}
	if len(fields) > 0 {
		return nil, apperr.InvalidFields(msg.SurveyInvalidAnswers, fields)
	}
	return out, nil
}

// index maps the answers by question, refusing unknown and repeated ones.
func (s *Service) index(sv *ent.Survey, in []AnswerInput, fields map[string]msg.Text) map[pulid.ID]AnswerInput {
	known := make(map[pulid.ID]*ent.SurveyQuestion, len(sv.Edges.Questions))
	for _, q := range sv.Edges.Questions {
		known[q.ID] = q
	}
	given := make(map[pulid.ID]AnswerInput, len(in))
	for _, a := range in {
		q, ok := known[a.QuestionID]
		switch {
		case !ok:
			fields["answers."+string(a.QuestionID)] = msg.T(msg.SurveyUnknownQuestion)
		case hasKey(given, a.QuestionID):
			fields["answers."+q.Key] = msg.T(msg.SurveyDuplicate)
		default:
			given[a.QuestionID] = a
		}
	}
	return given
}

func hasKey[K comparable, V any](m map[K]V, k K) bool { _, ok := m[k]; return ok }

// empty reports whether an answer says nothing (treated as unanswered).
func empty(a AnswerInput) bool {
	return len(a.Choices) == 0 && a.Number == nil && (a.Text == nil || strings.TrimSpace(*a.Text) == "")
}

// check validates one non-empty answer by the question's kind and returns
// the stored form, or a message.
func (s *Service) check(q *ent.SurveyQuestion, a AnswerInput) (schematype.SurveyAnswer, msg.Text) {
	out := schematype.SurveyAnswer{QuestionID: string(q.ID)}
	var problem msg.Text
	switch q.Kind {
	case surveyquestion.KindSingle, surveyquestion.KindLikert:
		out.Choices, problem = checkChoices(q, a, true)
	case surveyquestion.KindMultiple:
		out.Choices, problem = checkChoices(q, a, false)
	case surveyquestion.KindNumber:
		out.Number, problem = checkNumber(q, a)
	case surveyquestion.KindText:
		out.Text, problem = s.checkText(a)
	default:
		problem = msg.T(msg.SurveyWrongType)
	}
	return out, problem
}

// checkChoices: one valid option (single, likert) or at least one valid
// option without repeats (multiple).
func checkChoices(q *ent.SurveyQuestion, a AnswerInput, one bool) ([]string, msg.Text) {
	switch {
	case a.Number != nil || a.Text != nil:
		return nil, msg.T(msg.SurveyWrongType)
	case one && len(a.Choices) != 1:
		return nil, msg.T(msg.SurveyOneChoice)
	}
	for i, c := range a.Choices {
		if !slices.ContainsFunc(q.Options, func(o schematype.SurveyOption) bool { return o.Value == c }) {
			return nil, msg.T(msg.SurveyBadChoice, c)
		}
		if slices.Contains(a.Choices[:i], c) {
			return nil, msg.T(msg.SurveyRepeatedChoice, c)
		}
	}
	return slices.Clone(a.Choices), msg.Text{}
}

// checkNumber: a whole number within the question's bounds.
func checkNumber(q *ent.SurveyQuestion, a AnswerInput) (*int64, msg.Text) {
	switch n := a.Number; {
	case n == nil || len(a.Choices) > 0 || a.Text != nil:
		return nil, msg.T(msg.SurveyWrongType)
	case q.Min != nil && *n < *q.Min:
		return nil, msg.T(msg.SurveyMin, *q.Min)
	case q.Max != nil && *n > *q.Max:
		return nil, msg.T(msg.SurveyMax, *q.Max)
	}
	n := *a.Number
	return &n, msg.Text{}
}

// checkText: short text, trimmed, at most MaxText characters.
func (s *Service) checkText(a AnswerInput) (*string, msg.Text) {
	if a.Text == nil || len(a.Choices) > 0 || a.Number != nil {
		return nil, msg.T(msg.SurveyWrongType)
	}
	t := strings.TrimSpace(*a.Text)
	if utf8.RuneCountInString(t) > s.cfg.MaxText {
		return nil, msg.T(msg.SurveyTextLong, s.cfg.MaxText)
	}
	return &t, msg.Text{}
}
