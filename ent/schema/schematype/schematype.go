// Package schematype holds the structured values stored in JSON columns.
package schematype

// SurveyOption is one choice of a survey question, labelled in both locales.
type SurveyOption struct {
	Value   string `json:"value"`
	LabelID string `json:"labelId"`
	LabelEN string `json:"labelEn"`
}

// SurveyAnswer is a recipient's answer to one survey question. Exactly one
// of Choices, Number and Text is used, depending on the question's kind.
type SurveyAnswer struct {
	QuestionID string   `json:"questionId"`
	Choices    []string `json:"choices,omitempty"`
	Number     *int64   `json:"number,omitempty"`
	Text       *string  `json:"text,omitempty"`
}

// TestAnswer is one answer in an ability, pre- or post-test attempt.
type TestAnswer struct {
	QuestionID string `json:"questionId"`
	Choice     int    `json:"choice"`
}

// IndicatorScore is an assessor's verdict on one curation indicator (of the
// 52 assessed before publication or the 40 monitored after).
type IndicatorScore struct {
	Code string `json:"code"`
	Met  bool   `json:"met"`
	Note string `json:"note,omitempty"`
}
