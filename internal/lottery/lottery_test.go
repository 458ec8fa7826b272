package lottery

import (
	"fmt"
	"testing"
)

func entries(n int, provinces ...string) []Entry {
	var out []Entry
	for i := range n {
		out = append(out, Entry{ID: fmt.Sprintf("ap%06d", i), Province: provinces[i%len(provinces)], Eligible: i%3 != 0})
	}
	return out
}

func TestDraw(t *testing.T) {
	es := entries(1000, "11", "32")
	quotas := map[string]int{"11": 100, "32": 500}
	out := Draw("seed-1", es, quotas)
	count := map[string]map[Status]int{"11": {}, "32": {}}
	for i, o := range out {
		count[o.Province][o.Status]++
		if !es[i].Eligible && (o.Status != Excluded || o.Rank != 0) {
			t.Errorf("ineligible %s got %+v", o.ID, o)
		}
	}
	// 500 per province, every third ineligible: 167 excluded, 333 eligible each.
	want := map[string]map[Status]int{
		"11": {Selected: 100, NotSelected: 233, Excluded: 167},
		"32": {Selected: 333, Excluded: 167}, // quota larger than the eligible applicants
	}
	for p, w := range want {
		for st, n := range w {
			if count[p][st] != n {
				t.Errorf("province %s %s = %d, want %d", p, st, count[p][st], n)
			}
		}
	}
}

func TestDrawIsReproducibleAndOrderIndependent(t *testing.T) {
	es := entries(500, "11", "32", "51")
	q := map[string]int{"11": 20, "32": 30, "51": 5}
	a := Draw("s", es, q)
	rev := make([]Entry, len(es))
	for i := range es {
		rev[len(es)-1-i] = es[i]
	}
	b := Draw("s", rev, q)
	byID := map[string]Outcome{}
	for _, o := range b {
		byID[o.ID] = o
	}
	for _, o := range a {
		if byID[o.ID] != o {
			t.Fatalf("order changed the result of %s: %+v vs %+v", o.ID, o, byID[o.ID])
		}
	}
	c := Draw("other seed", es, q)
	same := 0
	for i := range a {
		if a[i].Status == Selected && c[i].Status == Selected {
			same++
		}
	}
	if same == 55 {
		t.Errorf("a different seed selected exactly the same applicants")
	}
}

func TestCommitment(t *testing.T) {
	// sha256("abc")
	if got := Commitment("abc"); got != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Errorf("Commitment = %s", got)
	}
}

func BenchmarkDraw3M(b *testing.B) {
	provinces := make([]string, 34)
	quotas := map[string]int{}
	for i := range provinces {
		provinces[i] = fmt.Sprint(11 + i)
		quotas[provinces[i]] = 600_000 / 34
	}
	es := entries(3_000_000, provinces...)
	b.ResetTimer()
	for range b.N {
		Draw("seed", es, quotas)
	}
}
