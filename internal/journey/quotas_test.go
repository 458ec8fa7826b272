package journey_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/kartuprakerja/platform/ent/migrate"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/msg"
)

func shares(applicants ...int) []journey.ProvinceShare {
	out := make([]journey.ProvinceShare, len(applicants))
	for i, n := range applicants {
		out[i] = journey.ProvinceShare{Code: string(rune('A' + i)), Applicants: n}
	}
	return out
}

func quotasOf(ss []journey.ProvinceShare) []int {
	out := make([]int, len(ss))
	for i, s := range ss {
		out[i] = s.Quota
	}
	return out
}

// TestApportion: the largest remainder method gives each province the whole
// part of its exact share and the seats left to the largest remainders,
// equal remainders to the lower code; the quotas always add up to size.
func TestApportion(t *testing.T) {
	tests := []struct {
		name       string
		applicants []int
		size       int
		want       []int
	}{
		{"exact proportion", []int{100, 300, 600}, 10, []int{1, 3, 6}},
		{"remainders to the largest", []int{1, 1, 1}, 100, []int{34, 33, 33}}, // 33.33 each: tie to the lower code
		{"largest remainder wins", []int{15, 25, 60}, 7, []int{1, 2, 4}},      // 1.05, 1.75, 4.2: the 0.75 gets the seat
		{"a province without applicants gets none", []int{0, 5, 5}, 3, []int{0, 2, 1}},
		{"more seats than applicants", []int{1, 2}, 1000, []int{333, 667}},
		{"one seat", []int{10, 20, 30}, 1, []int{0, 0, 1}},
	}
	for _, tt := range tests {
		ss := shares(tt.applicants...)
		if err := journey.Apportion(ss, tt.size); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := quotasOf(ss); !slices.Equal(got, tt.want) {
			t.Errorf("%s: quotas %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestApportionSumsAndOrder: on random applicant counts over 34 provinces
// the quotas add up to size exactly, no quota strays more than one seat
// from its exact share, and shuffling the provinces changes nothing.
func TestApportionSumsAndOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		apps := make([]int, 34)
		total := 0
		for i := range apps {
			apps[i] = rng.IntN(5000)
			total += apps[i]
		}
		if total == 0 {
			continue
		}
		size := 1 + rng.IntN(100_000)
		ss := shares(apps...)
		if err := journey.Apportion(ss, size); err != nil {
			t.Fatal(err)
		}
		sum := 0
		for _, s := range ss {
			sum += s.Quota
			exact := float64(size) * float64(s.Applicants) / float64(total)
			if float64(s.Quota) < exact-1 || float64(s.Quota) > exact+1 {
				t.Fatalf("province %s: quota %d, exact share %.2f", s.Code, s.Quota, exact)
			}
		}
		if sum != size {
			t.Fatalf("quotas add up to %d, want %d (%v)", sum, size, apps)
		}
		shuffled := slices.Clone(ss)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for i := range shuffled {
			shuffled[i].Quota = 0
		}
		if err := journey.Apportion(shuffled, size); err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(shuffled, func(a, b journey.ProvinceShare) int { return int(a.Code[0]) - int(b.Code[0]) })
		if !slices.Equal(quotasOf(shuffled), quotasOf(ss)) {
			t.Fatalf("order changed the quotas: %v vs %v", quotasOf(shuffled), quotasOf(ss))
		}
	}
}

// TestApportionNoApplicants: nothing to be proportional to is a typed
// refusal, with no quota set.
func TestApportionNoApplicants(t *testing.T) {
	for _, ss := range [][]journey.ProvinceShare{nil, shares(0, 0, 0)} {
		err := journey.Apportion(ss, 10)
		if e, ok := apperr.As(err); !ok || e.Code != apperr.Conflict || e.Text.Key != msg.NoApplicants {
			t.Errorf("%d provinces without applicants: %v", len(ss), err)
		}
		for _, s := range ss {
			if s.Quota != 0 {
				t.Errorf("quota set: %+v", s)
			}
		}
	}
}

// TestWaveTextsCoverTheSchema: every wave status has a name and a next step
// in the catalogue, and every phase a label.
func TestWaveTextsCoverTheSchema(t *testing.T) {
	var statuses []string
	for _, c := range migrate.WavesColumns {
		if c.Name == wave.FieldStatus {
			statuses = c.Enums
		}
	}
	if !slices.Equal(statuses, msg.WaveStatuses()) {
		t.Errorf("wave statuses %v, catalogue has %v", statuses, msg.WaveStatuses())
	}
	for _, s := range statuses {
		if !msg.Has(msg.WaveStatus(s)) || !msg.Has(msg.WaveNext(s)) {
			t.Errorf("status %s has no name or next step", s)
		}
	}
	for _, p := range msg.WavePhases() {
		if !msg.Has(msg.WavePhase(p)) {
			t.Errorf("phase %s has no label", p)
		}
	}
}
