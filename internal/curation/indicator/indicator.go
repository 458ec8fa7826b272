// Package indicator owns the curation indicators and their pass rules: the
// 52 assessment indicators a proposed course is scored on before it enters
// the catalogue, the 40 monitoring indicators a published course is scored
// on afterwards, their groups (as the program's 2021 annual report groups
// them), which indicators are critical, and the check that a set of scores
// covers every indicator exactly once. It has no storage and no texts (the
// labels are in internal/msg, keyed by code); docs/curation.md explains the
// rules and where each indicator comes from.
package indicator

import (
	"fmt"
	"slices"
)

// Kind is the kind of curation decision.
type Kind string

// The two kinds.
const (
	Assessment Kind = "assessment" // before publication: 52 indicators
	Monitoring Kind = "monitoring" // after publication: 40 indicators
)

// Indicator is one scored criterion.
type Indicator struct {
	Code     string // A01…A52, M01…M40
	Group    string // e.g. labour_market_fit
	Critical bool   // a course that does not meet it fails whatever its total
}

// Rule is the pass rule of a kind.
type Rule struct {
	// MinMet is the least number of indicators met overall.
	MinMet int
	// GroupPercent is the least share of each group's indicators met, in
	// percent (50: at least half).
	GroupPercent int
}

// group is a run of consecutive codes in one group.
type group struct {
	name     string
	size     int
	critical []int // positions (1-based) inside the group
}

// The groups in report order (docs/curation.md gives the report's lines).
var (
	assessmentGroups = []group{
		{"labour_market_fit", 8, []int{1}},
		{"rules_compliance", 6, []int{1, 2}},
		{"structured_design", 8, []int{1}},
		{"module_quality", 8, []int{1}},
		{"interactive_method", 8, nil},
		{"competitive_price", 6, []int{1}},
		{"trainer_quality", 8, []int{1}},
	}
	monitoringGroups = []group{
		{"title_match", 6, []int{1}},
		{"detailed_information", 8, nil},
		{"delivery_match", 8, []int{1}},
		{"assessment_trainer_match", 8, nil},
		{"certificate", 5, []int{1}},
		{"fair_price", 5, []int{1}},
	}
)

// All returns the indicators of kind in order (nil for an unknown kind).
func All(kind Kind) []Indicator {
	prefix, groups := spec(kind)
	var out []Indicator
	for _, g := range groups {
		for i := 1; i <= g.size; i++ {
			out = append(out, Indicator{Code: fmt.Sprintf("%s%02d", prefix, len(out)+1), Group: g.name,
				Critical: slices.Contains(g.critical, i)})
		}
	}
	return out
}

// Groups returns the group names of kind in order.
func Groups(kind Kind) []string {
	_, groups := spec(kind)
	out := make([]string, len(groups))
	for i, g := range groups {
		out[i] = g.name
	}
	return out
}

func spec(kind Kind) (string, []group) {
	switch kind {
	case Assessment:
		return "A", assessmentGroups
	case Monitoring:
		return "M", monitoringGroups
	}
	return "", nil
}

// RuleOf is the pass rule of kind: an assessment passes with every critical
// indicator met, at least 42 of 52 met (about 80%) and at least half of
// each group; a monitoring passes with every critical indicator met, at
// least 32 of 40 (80%) and at least half of each group. Anything else fails
// (a rejected proposal, a suspended course).
func RuleOf(kind Kind) Rule {
	if kind == Monitoring {
		return Rule{MinMet: 32, GroupPercent: 50}
	}
	return Rule{MinMet: 42, GroupPercent: 50}
}

// Score is an assessor's verdict on one indicator.
type Score struct {
	Code string
	Met  bool
}

// CoverageError says how a set of scores fails to cover the indicators
// exactly once; each list is in the order met.
type CoverageError struct {
	Unknown, Duplicate, Missing []string
}

func (e *CoverageError) Error() string {
	return fmt.Sprintf("scores: unknown %v, duplicate %v, missing %v", e.Unknown, e.Duplicate, e.Missing)
}

// Check returns a *CoverageError unless scores name every indicator of kind
// exactly once and nothing else.
func Check(kind Kind, scores []Score) error {
	known := map[string]bool{}
	for _, in := range All(kind) {
		known[in.Code] = true
	}
	seen := map[string]bool{}
	e := &CoverageError{}
	for _, s := range scores {
		switch {
		case !known[s.Code]:
			e.Unknown = append(e.Unknown, s.Code)
		case seen[s.Code]:
			if !slices.Contains(e.Duplicate, s.Code) {
				e.Duplicate = append(e.Duplicate, s.Code)
			}
		}
		seen[s.Code] = true
	}
	for _, in := range All(kind) {
		if !seen[in.Code] {
			e.Missing = append(e.Missing, in.Code)
		}
	}
	if len(e.Unknown)+len(e.Duplicate)+len(e.Missing) == 0 {
		return nil
	}
	return e
}

// Result is the outcome of a complete set of scores.
type Result struct {
	Met, Total int
	Passed     bool
	// NotMet are the codes of the indicators not met, in indicator order:
	// the reasons of a failure.
	NotMet []string
	// Failed names what failed: "critical:<code>", "group:<name>", "total".
	Failed []string
}

// Evaluate applies kind's rule to scores, which Check has accepted.
func Evaluate(kind Kind, scores []Score) Result {
	met := map[string]bool{}
	for _, s := range scores {
		met[s.Code] = s.Met
	}
	rule := RuleOf(kind)
	all := All(kind)
	r := Result{Total: len(all)}
	groupMet, groupSize := map[string]int{}, map[string]int{}
	for _, in := range all {
		groupSize[in.Group]++
		if met[in.Code] {
			r.Met++
			groupMet[in.Group]++
			continue
		}
		r.NotMet = append(r.NotMet, in.Code)
		if in.Critical {
			r.Failed = append(r.Failed, "critical:"+in.Code)
		}
	}
	for _, g := range Groups(kind) {
		if groupMet[g]*100 < groupSize[g]*rule.GroupPercent {
			r.Failed = append(r.Failed, "group:"+g)
		}
	}
	if r.Met < rule.MinMet {
		r.Failed = append(r.Failed, "total")
	}
	r.Passed = len(r.Failed) == 0
	return r
}
