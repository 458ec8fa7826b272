package indicator_test

import (
	"slices"
	"testing"

	"github.com/kartuprakerja/platform/internal/curation/indicator"
)

func TestIndicators(t *testing.T) {
	tests := []struct {
		kind     indicator.Kind
		n        int
		first    string
		last     string
		groups   int
		critical []string
	}{
		{indicator.Assessment, 52, "A01", "A52", 7, []string{"A01", "A09", "A10", "A15", "A23", "A39", "A45"}},
		{indicator.Monitoring, 40, "M01", "M40", 6, []string{"M01", "M15", "M31", "M36"}},
	}
	for _, tt := range tests {
		all := indicator.All(tt.kind)
		if len(all) != tt.n || all[0].Code != tt.first || all[len(all)-1].Code != tt.last {
			t.Fatalf("%s: %d indicators %s…%s", tt.kind, len(all), all[0].Code, all[len(all)-1].Code)
		}
		var crit []string
		groups := map[string]bool{}
		for _, in := range all {
			groups[in.Group] = true
			if in.Critical {
				crit = append(crit, in.Code)
			}
		}
		if !slices.Equal(crit, tt.critical) {
			t.Errorf("%s critical %v, want %v", tt.kind, crit, tt.critical)
		}
		if len(groups) != tt.groups || len(indicator.Groups(tt.kind)) != tt.groups {
			t.Errorf("%s: %d groups", tt.kind, len(groups))
		}
	}
	if indicator.All("other") != nil || len(indicator.Groups("other")) != 0 {
		t.Error("an unknown kind has indicators")
	}
	if g := indicator.All(indicator.Assessment); g[7].Group != "labour_market_fit" || g[8].Group != "rules_compliance" ||
		g[51].Group != "trainer_quality" {
		t.Errorf("assessment groups misplaced: %v %v %v", g[7], g[8], g[51])
	}
}

// scores is every indicator of kind met except the codes in notMet.
func scores(kind indicator.Kind, notMet ...string) []indicator.Score {
	var out []indicator.Score
	for _, in := range indicator.All(kind) {
		out = append(out, indicator.Score{Code: in.Code, Met: !slices.Contains(notMet, in.Code)})
	}
	return out
}

func TestCheck(t *testing.T) {
	a := indicator.Assessment
	full := scores(a)
	tests := []struct {
		name                 string
		kind                 indicator.Kind
		scores               []indicator.Score
		unknown, dup, absent []string
	}{
		{"complete", a, full, nil, nil, nil},
		{"complete monitoring", indicator.Monitoring, scores(indicator.Monitoring), nil, nil, nil},
		{"monitoring codes for an assessment", a, scores(indicator.Monitoring), monitoringCodes(), nil, codes(a)},
		{"one missing", a, full[1:], nil, nil, []string{"A01"}},
		{"a duplicate, listed once", a, append(slices.Clone(full), full[3], full[3], full[4]), nil, []string{"A04", "A05"}, nil},
		{"an unknown code", a, append(slices.Clone(full), indicator.Score{Code: "A53"}), []string{"A53"}, nil, nil},
		{"empty", a, nil, nil, nil, codes(a)},
		{"an unknown and a duplicate, nothing missing", a, append(slices.Clone(full), full[0], indicator.Score{Code: "X"}), []string{"X"}, []string{"A01"}, nil},
		{"a duplicate in place of a missing one", a, append(slices.Clone(full[1:]), full[1]), nil, []string{"A02"}, []string{"A01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := indicator.Check(tt.kind, tt.scores)
			if tt.unknown == nil && tt.dup == nil && tt.absent == nil {
				if err != nil {
					t.Fatalf("got %v", err)
				}
				return
			}
			ce, ok := err.(*indicator.CoverageError)
			if !ok {
				t.Fatalf("got %v, want a CoverageError", err)
			}
			if !slices.Equal(ce.Unknown, tt.unknown) || !slices.Equal(ce.Duplicate, tt.dup) || !slices.Equal(ce.Missing, tt.absent) {
				t.Errorf("got %+v", ce)
			}
			if ce.Error() == "" {
				t.Error("no message")
			}
		})
	}
}

func codes(kind indicator.Kind) []string {
	var out []string
	for _, in := range indicator.All(kind) {
		out = append(out, in.Code)
	}
	return out
}

func monitoringCodes() []string { return codes(indicator.Monitoring) }

func TestEvaluate(t *testing.T) {
	a, m := indicator.Assessment, indicator.Monitoring
	// Ten non-critical assessment indicators spread over groups, none taking a
	// group under half: 42 of 52 met.
	ten := []string{"A02", "A03", "A11", "A16", "A17", "A24", "A31", "A32", "A46", "A47"}
	tests := []struct {
		name   string
		kind   indicator.Kind
		notMet []string
		met    int
		passed bool
		failed []string
	}{
		{"all met", a, nil, 52, true, nil},
		{"42 of 52 met, no critical missed", a, ten, 42, true, nil},
		{"41 of 52", a, append(slices.Clone(ten), "A04"), 41, false, []string{"total"}},
		{"one critical missed", a, []string{"A45"}, 51, false, []string{"critical:A45"}},
		{"a rules indicator is critical", a, []string{"A10"}, 51, false, []string{"critical:A10"}},
		{"half of a group met passes", a, []string{"A35", "A36", "A37", "A38"}, 48, true, nil},
		{"less than half of a group", a, []string{"A34", "A35", "A36", "A37", "A38"}, 47, false, []string{"group:interactive_method"}},
		{"half of a six group", a, []string{"A40", "A41", "A42"}, 49, true, nil},
		{"under half of a six group", a, []string{"A40", "A41", "A42", "A43"}, 48, false, []string{"group:competitive_price"}},
		{"monitoring all met", m, nil, 40, true, nil},
		{"monitoring 32 of 40", m, []string{"M02", "M03", "M07", "M08", "M16", "M17", "M23", "M24"}, 32, true, nil},
		{"monitoring 31 of 40", m, []string{"M02", "M03", "M07", "M08", "M16", "M17", "M23", "M24", "M25"}, 31, false, []string{"total"}},
		{"monitoring fair price critical", m, []string{"M36"}, 39, false, []string{"critical:M36"}},
		{"monitoring certificate group under half", m, []string{"M32", "M33", "M34"}, 37, false, []string{"group:certificate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := indicator.Evaluate(tt.kind, scores(tt.kind, tt.notMet...))
			if r.Met != tt.met || r.Passed != tt.passed || r.Total != len(indicator.All(tt.kind)) || !slices.Equal(r.Failed, tt.failed) {
				t.Errorf("got %+v, want met %d passed %v failed %v", r, tt.met, tt.passed, tt.failed)
			}
			if want := sorted(tt.notMet); !slices.Equal(r.NotMet, want) {
				t.Errorf("not met %v, want %v", r.NotMet, want)
			}
		})
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestRuleOf(t *testing.T) {
	if r := indicator.RuleOf(indicator.Assessment); r.MinMet != 42 || r.GroupPercent != 50 {
		t.Errorf("assessment rule %+v", r)
	}
	if r := indicator.RuleOf(indicator.Monitoring); r.MinMet != 32 || r.GroupPercent != 50 {
		t.Errorf("monitoring rule %+v", r)
	}
}
