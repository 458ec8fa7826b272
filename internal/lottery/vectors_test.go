package lottery_test

// Known-answer tests: the expected draws here come from the written
// specification (docs/selection.md), not from lottery.Draw. The small vector
// was computed outside Go with `printf '%s:%s' SEED ID | sha256sum | sort`;
// the larger inputs are drawn by specDraw below, an implementation of the
// specification written from the document with crypto/sha256 directly.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/internal/lottery"
)

const katSeed = "kat-seed-2026"

// katCommitment is `printf '%s' kat-seed-2026 | sha256sum`.
const katCommitment = "e9a2c29c7f7031ef59e83aedd2785915161696fba643e96e632b0b78e666c58c"

// The keys of the vector, sha256("kat-seed-2026:" + id), in ascending order:
//
//	1009fd7b… ap06   3472fa9d… ap10   5396bb1f… ap04   69ff1fe5… ap07
//	9979fe42… ap01   af8f822e… ap05   ccaf1554… ap03   dad2446e… ap08
//	f90ed598… ap09   fea06295… ap02
var katApplicants = []lottery.Entry{
	{ID: "ap01", Province: "11", Eligible: true},
	{ID: "ap02", Province: "11", Eligible: true},
	{ID: "ap03", Province: "11", Eligible: false},
	{ID: "ap04", Province: "11", Eligible: true},
	{ID: "ap05", Province: "11", Eligible: true},
	{ID: "ap06", Province: "11", Eligible: true},
	{ID: "ap07", Province: "11", Eligible: true},
	{ID: "ap08", Province: "32", Eligible: true},
	{ID: "ap09", Province: "51", Eligible: true}, // a province without a quota
	{ID: "ap10", Province: "32", Eligible: true},
}

var katQuotas = map[string]int{"11": 3, "32": 1}

// katDraw is what Draw must return for the vector, in the order of the
// entries: province 11 by key is ap06, ap04, ap07 (quota 3), then ap01,
// ap05, ap02; ap03 is ineligible. Province 32: ap10 (quota 1), then ap08.
// Province 51 has no quota: ap09 is ranked but not selected.
var katDraw = []lottery.Outcome{
	{ID: "ap01", Province: "11", Status: lottery.NotSelected, Rank: 4},
	{ID: "ap02", Province: "11", Status: lottery.NotSelected, Rank: 6},
	{ID: "ap03", Province: "11", Status: lottery.Excluded, Rank: 0},
	{ID: "ap04", Province: "11", Status: lottery.Selected, Rank: 2},
	{ID: "ap05", Province: "11", Status: lottery.NotSelected, Rank: 5},
	{ID: "ap06", Province: "11", Status: lottery.Selected, Rank: 1},
	{ID: "ap07", Province: "11", Status: lottery.Selected, Rank: 3},
	{ID: "ap08", Province: "32", Status: lottery.NotSelected, Rank: 2},
	{ID: "ap09", Province: "51", Status: lottery.NotSelected, Rank: 1},
	{ID: "ap10", Province: "32", Status: lottery.Selected, Rank: 1},
}

// katResults is the published results.csv of the vector: a rank only for
// the selected.
const katResults = `id,province,status,rank
ap01,11,not_selected,
ap02,11,not_selected,
ap03,11,excluded,
ap04,11,selected,2
ap05,11,not_selected,
ap06,11,selected,1
ap07,11,selected,3
ap08,32,not_selected,
ap09,51,not_selected,
ap10,32,selected,1
`

const katApplicantsCSV = `id,province,eligible
ap01,11,true
ap02,11,true
ap03,11,false
ap04,11,true
ap05,11,true
ap06,11,true
ap07,11,true
ap08,32,true
ap09,51,true
ap10,32,true
`

func TestKnownAnswerVector(t *testing.T) {
	if got := lottery.Commitment(katSeed); got != katCommitment {
		t.Errorf("Commitment(%q) = %s, want %s", katSeed, got, katCommitment)
	}
	if got := hex.EncodeToString(keyOf(lottery.Key(katSeed, "ap06"))); got != "1009fd7b4bbfd1ff032b20f7c98fb747d02f328745bb778617066cacf8653043" {
		t.Errorf("Key(ap06) = %s", got)
	}
	got := lottery.Draw(katSeed, katApplicants, katQuotas)
	if len(got) != len(katDraw) {
		t.Fatalf("%d outcomes, want %d", len(got), len(katDraw))
	}
	for i := range katDraw {
		if got[i] != katDraw[i] {
			t.Errorf("outcome %d = %+v, want %+v", i, got[i], katDraw[i])
		}
	}
	if spec := specDraw(katSeed, katApplicants, katQuotas); !equalOutcomes(spec, katDraw) {
		t.Errorf("the specification's draw of the vector differs from the hand-computed one: %+v", spec)
	}
}

func keyOf(k [32]byte) []byte { return k[:] }

// TestDrawMatchesSpecification compares Draw with the specification on
// inputs that exercise every clause: several provinces, ineligible
// applicants, quotas of zero, below, equal to and above the eligible count,
// provinces without a quota, entries in no particular order.
func TestDrawMatchesSpecification(t *testing.T) {
	provinces := []string{"11", "12", "31", "32", "51", "94"}
	quotas := map[string]int{"11": 40, "12": 0, "31": 1, "32": 1000, "51": 83} // 94: none
	var es []lottery.Entry
	for i := range 1500 {
		n := (i*7919 + 13) % 100000 // scrambled ids: entry order is not id order
		es = append(es, lottery.Entry{
			ID:       fmt.Sprintf("ap%05d", n),
			Province: provinces[(i*31)%len(provinces)],
			Eligible: i%5 != 2,
		})
	}
	// "51" gets exactly as many eligible applicants as its quota.
	eligible51 := 0
	for _, e := range es {
		if e.Province == "51" && e.Eligible {
			eligible51++
		}
	}
	quotas["51"] = eligible51
	for _, seed := range []string{katSeed, "", "e3b0c442-seed with spaces:and:colons", "ünïcode"} {
		want := specDraw(seed, es, quotas)
		got := lottery.Draw(seed, es, quotas)
		if !equalOutcomes(got, want) {
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("seed %q: outcome %d = %+v, specification says %+v", seed, i, got[i], want[i])
				}
			}
		}
	}
}

// goldenDigest is the SHA-256 of the published results.csv (without the
// header) of the draw in TestGoldenDigest. It changes only if the algorithm
// changes: then every published wave stops verifying. The same digest came
// out of a Python rendering of the specification (hashlib), outside Go.
const goldenDigest = "f09d556a1373543c2801e14203f126bf94614aa65bf95efff1992611b688b38d"

func TestGoldenDigest(t *testing.T) {
	var es []lottery.Entry
	quotas := map[string]int{}
	for p := range 34 {
		prov := strconv.Itoa(11 + p)
		quotas[prov] = 3 + p%4
	}
	for i := range 3400 {
		es = append(es, lottery.Entry{ID: fmt.Sprintf("ap%06d", i), Province: strconv.Itoa(11 + i%34), Eligible: i%9 != 4})
	}
	seed := "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	if got := digest(lottery.Draw(seed, es, quotas)); got != goldenDigest {
		t.Errorf("digest of Draw = %s, want %s", got, goldenDigest)
	}
	if got := digest(specDraw(seed, es, quotas)); got != goldenDigest {
		t.Errorf("digest of the specification's draw = %s, want %s", got, goldenDigest)
	}
}

// digest hashes outcomes as the rows of results.csv.
func digest(out []lottery.Outcome) string {
	h := sha256.New()
	for _, o := range out {
		rank := ""
		if o.Status == lottery.Selected {
			rank = strconv.Itoa(o.Rank)
		}
		fmt.Fprintf(h, "%s,%s,%s,%s\n", o.ID, o.Province, o.Status, rank)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// specDraw is docs/selection.md, "The algorithm", written independently of
// lottery.Draw: key = lower-case hex of SHA-256 over the bytes of seed, ":"
// and the id; within a province the eligible applicants in ascending key
// order (then id); ranks 1, 2, … in that order; the first quota (0 for a
// province without one) selected, the others not selected; ineligible
// applicants excluded with rank 0.
func specDraw(seed string, es []lottery.Entry, quotas map[string]int) []lottery.Outcome {
	type cand struct {
		key string
		i   int
	}
	byProvince := map[string][]cand{}
	out := make([]lottery.Outcome, len(es))
	for i, e := range es {
		out[i] = lottery.Outcome{ID: e.ID, Province: e.Province, Status: lottery.Excluded}
		if !e.Eligible {
			continue
		}
		sum := sha256.Sum256([]byte(seed + ":" + e.ID))
		byProvince[e.Province] = append(byProvince[e.Province], cand{hex.EncodeToString(sum[:]), i})
	}
	for prov, cs := range byProvince {
		sort.Slice(cs, func(a, b int) bool {
			if cs[a].key != cs[b].key {
				return cs[a].key < cs[b].key
			}
			return es[cs[a].i].ID < es[cs[b].i].ID
		})
		for n, c := range cs {
			out[c.i].Rank = n + 1
			out[c.i].Status = lottery.NotSelected
			if n+1 <= quotas[prov] {
				out[c.i].Status = lottery.Selected
			}
		}
	}
	return out
}

func equalOutcomes(a, b []lottery.Outcome) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func katPublication() lottery.Publication {
	return lottery.Publication{Wave: 1, Commitment: katCommitment, Seed: katSeed,
		Quotas: map[string]int{"11": 3, "32": 1}, Applicants: 10, Selected: 4}
}

func readKAT(t *testing.T) ([]lottery.Entry, []lottery.Outcome) {
	t.Helper()
	apps, err := lottery.ReadApplicants(strings.NewReader(katApplicantsCSV))
	if err != nil {
		t.Fatal(err)
	}
	res, err := lottery.ReadResults(strings.NewReader(katResults))
	if err != nil {
		t.Fatal(err)
	}
	return apps, res
}

func TestReadPublishedVector(t *testing.T) {
	apps, res := readKAT(t)
	if len(apps) != len(katApplicants) {
		t.Fatalf("%d applicants read", len(apps))
	}
	for i := range apps {
		if apps[i] != katApplicants[i] {
			t.Errorf("applicant %d = %+v, want %+v", i, apps[i], katApplicants[i])
		}
	}
	for i, o := range res {
		want := katDraw[i]
		if want.Status != lottery.Selected {
			want.Rank = 0
		}
		if o != want {
			t.Errorf("result %d = %+v, want %+v", i, o, want)
		}
	}
}

// TestVerify changes one thing at a time in the published vector.
func TestVerify(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *lottery.Publication, apps []lottery.Entry, res []lottery.Outcome) []lottery.Outcome
		want   string // "" when it verifies; else a part of the error
	}{
		{"as published", nil, ""},
		{"only the commitment wrong", func(p *lottery.Publication, _ []lottery.Entry, res []lottery.Outcome) []lottery.Outcome {
			p.Commitment = lottery.Commitment("another seed")
			return res
		}, "commitment"},
		{"commitment in upper case", func(p *lottery.Publication, _ []lottery.Entry, res []lottery.Outcome) []lottery.Outcome {
			p.Commitment = strings.ToUpper(p.Commitment)
			return res
		}, "commitment"},
		{"a seed chosen after the commitment, with results that match it", func(p *lottery.Publication, apps []lottery.Entry, _ []lottery.Outcome) []lottery.Outcome {
			p.Seed = "chosen later"
			return published(specDraw(p.Seed, apps, p.Quotas))
		}, "commitment"},
		{"only one rank wrong", func(_ *lottery.Publication, _ []lottery.Entry, res []lottery.Outcome) []lottery.Outcome {
			res[3].Rank = 3 // ap04 is rank 2
			return res
		}, "ap04: published selected/3, recomputed selected/2"},
		{"a rank on a not selected applicant", func(_ *lottery.Publication, _ []lottery.Entry, res []lottery.Outcome) []lottery.Outcome {
			res[0].Rank = 4 // ap01: ranked 4th, but only the selected carry a rank
			return res
		}, "ap01: published not_selected/4, recomputed not_selected/0"},
		{"only one quota lower", func(p *lottery.Publication, _ []lottery.Entry, res []lottery.Outcome) []lottery.Outcome {
			p.Quotas["11"] = 2
			return res
		}, "ap07: published selected/3, recomputed not_selected/0"},
		{"only one quota higher", func(p *lottery.Publication, _ []lottery.Entry, res []lottery.Outcome) []lottery.Outcome {
			p.Quotas["32"] = 2
			return res
		}, "ap08: published not_selected/0, recomputed selected/2"},
		{"a quota for a province that had none", func(p *lottery.Publication, _ []lottery.Entry, res []lottery.Outcome) []lottery.Outcome {
			p.Quotas["51"] = 1
			return res
		}, "ap09: published not_selected/0, recomputed selected/1"},
		{"an excluded applicant published as not selected", func(_ *lottery.Publication, _ []lottery.Entry, res []lottery.Outcome) []lottery.Outcome {
			res[2].Status = lottery.NotSelected
			return res
		}, "ap03: published not_selected/0, recomputed excluded/0"},
		{"only one province wrong", func(_ *lottery.Publication, _ []lottery.Entry, res []lottery.Outcome) []lottery.Outcome {
			res[7].Province = "11"
			return res
		}, "ap08"},
		{"an applicant missing from the results", func(_ *lottery.Publication, _ []lottery.Entry, res []lottery.Outcome) []lottery.Outcome {
			return res[1:]
		}, "10 applicants but 9 results"},
		{"a result twice and one missing", func(_ *lottery.Publication, _ []lottery.Entry, res []lottery.Outcome) []lottery.Outcome {
			res[1] = res[0]
			return res
		}, "10 applicants but 9 results"},
		{"a result for someone who did not apply", func(_ *lottery.Publication, _ []lottery.Entry, res []lottery.Outcome) []lottery.Outcome {
			res[1].ID = "ap99"
			return res
		}, "ap02: published /0, recomputed not_selected/0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			apps, res := readKAT(t)
			pub := katPublication()
			if tt.change != nil {
				res = tt.change(&pub, apps, res)
			}
			n, err := lottery.Verify(pub, apps, res)
			switch {
			case tt.want == "" && (err != nil || n != len(apps)):
				t.Errorf("Verify = %d, %v; want %d, nil", n, err, len(apps))
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || n != 0):
				t.Errorf("Verify = %d, %v; want 0 and an error containing %q", n, err, tt.want)
			}
		})
	}
}

// published turns a draw into the published form (rank only when selected).
func published(out []lottery.Outcome) []lottery.Outcome {
	res := make([]lottery.Outcome, len(out))
	for i, o := range out {
		res[i] = o
		if o.Status != lottery.Selected {
			res[i].Rank = 0
		}
	}
	return res
}

// TestVerifyReportsTheFirstTenDifferences: every result wrong, ten reported,
// one a line.
func TestVerifyReportsTheFirstTenDifferences(t *testing.T) {
	var apps []lottery.Entry
	for i := range 30 {
		apps = append(apps, lottery.Entry{ID: fmt.Sprintf("ap%02d", i), Province: "11", Eligible: true})
	}
	pub := lottery.Publication{Commitment: lottery.Commitment("s"), Seed: "s", Quotas: map[string]int{"11": 30}}
	res := published(specDraw("s", apps, pub.Quotas))
	for i := range res {
		res[i].Status, res[i].Rank = lottery.NotSelected, 0 // all 30 were selected
	}
	_, err := lottery.Verify(pub, apps, res)
	if err == nil {
		t.Fatal("verified")
	}
	lines := strings.Split(err.Error(), "\n")
	if lines[0] != "results differ from the recomputed draw:" || len(lines) != 11 {
		t.Fatalf("error has %d lines:\n%v", len(lines), err)
	}
	for i, l := range lines[1:] {
		want := fmt.Sprintf("  ap%02d: published not_selected/0, recomputed selected/", i)
		if !strings.HasPrefix(l, want) {
			t.Errorf("line %d = %q, want prefix %q", i+1, l, want)
		}
	}
}
