package survey

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
)

// sameContent reports whether a stored response holds what the submission
// says: the same survey, the same answer time and the same answers. Answers
// are compared in a canonical form (by question, choices as a set, text
// trimmed, empty answers left out), so a retry that differs only in order
// or whitespace is the same submission.
func sameContent(r *ent.SurveyResponse, in Submission) bool {
	if r.SurveyID != in.SurveyID || !r.AnsweredAt.Equal(answerTime(in.AnsweredAt)) {
		return false
	}
	stored := canonical(r.Answers)
	sent := make([]schematype.SurveyAnswer, 0, len(in.Answers))
	for _, a := range in.Answers {
		if !empty(a) {
			sent = append(sent, schematype.SurveyAnswer{QuestionID: string(a.QuestionID),
				Choices: a.Choices, Number: a.Number, Text: a.Text})
		}
	}
	return slices.EqualFunc(stored, canonical(sent), sameAnswer)
}

// answerTime is the answer time as stored: UTC, to the microsecond (what
// PostgreSQL keeps), so a stored time compares equal to a resent one.
func answerTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func canonical(in []schematype.SurveyAnswer) []schematype.SurveyAnswer {
	out := make([]schematype.SurveyAnswer, len(in))
	for i, a := range in {
		a.Choices = slices.Sorted(slices.Values(a.Choices))
		if a.Text != nil {
			t := strings.TrimSpace(*a.Text)
			a.Text = &t
		}
		out[i] = a
	}
	slices.SortFunc(out, func(a, b schematype.SurveyAnswer) int { return cmp.Compare(a.QuestionID, b.QuestionID) })
	return out
}

func sameAnswer(a, b schematype.SurveyAnswer) bool {
	return a.QuestionID == b.QuestionID && slices.Equal(a.Choices, b.Choices) &&
		equalPtr(a.Number, b.Number) && equalPtr(a.Text, b.Text)
}

func equalPtr[T comparable](a, b *T) bool {
	return a == b || (a != nil && b != nil && *a == *b)
}
