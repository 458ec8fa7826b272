package graph

import "github.com/kartuprakerja/platform/ent/schema/schematype"

// indicatorScores drops the pointers of a scores argument.
func indicatorScores(in []*schematype.IndicatorScore) []schematype.IndicatorScore {
	out := make([]schematype.IndicatorScore, 0, len(in))
	for _, sc := range in {
		if sc != nil {
			out = append(out, *sc)
		}
	}
	return out
}

// deref is the value of an optional string argument ("" when absent).
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
