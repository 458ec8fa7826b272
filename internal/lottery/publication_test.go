package lottery_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/internal/lottery"
)

func TestReadRejectsMalformedFiles(t *testing.T) {
	tests := []struct {
		name, applicants, results, want string
	}{
		{"empty applicants", "", "", "read header"},
		{"applicants header renamed", "id,region,eligible\nap01,11,true\n", "", "unexpected header"},
		{"applicants header reordered", "province,id,eligible\n11,ap01,true\n", "", "unexpected header"},
		{"applicants row with a missing field", "id,province,eligible\nap01,11\n", "", "read rows"},
		{"results header of the applicants", "", "id,province,eligible\nap01,11,true\n", "read header"},
		{"results header renamed", "", "id,province,status,position\nap01,11,selected,1\n", "unexpected header"},
		{"results rank not a number", "", "id,province,status,rank\nap01,11,selected,1\nap02,11,selected,first\n", `results row 3: rank "first"`},
		{"results row with an extra field", "", "id,province,status,rank\nap01,11,selected,1,x\n", "read rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.applicants != "" || tt.results == "" {
				var es []lottery.Entry
				es, err = lottery.ReadApplicants(strings.NewReader(tt.applicants))
				if es != nil {
					t.Errorf("entries returned with an error: %v", es)
				}
			} else {
				var outs []lottery.Outcome
				outs, err = lottery.ReadResults(strings.NewReader(tt.results))
				if outs != nil {
					t.Errorf("outcomes returned with an error: %v", outs)
				}
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// Only the exact word "true" makes an applicant eligible.
func TestReadApplicantsEligibility(t *testing.T) {
	es, err := lottery.ReadApplicants(strings.NewReader("id,province,eligible\na,11,true\nb,11,false\nc,11,TRUE\nd,11,\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, false, false, false}
	for i, e := range es {
		if e.Eligible != want[i] {
			t.Errorf("%s eligible = %v, want %v", e.ID, e.Eligible, want[i])
		}
	}
}

func TestHeaders(t *testing.T) {
	if got := strings.Join(lottery.ApplicantsHeader(), ","); got != "id,province,eligible" {
		t.Errorf("applicants header %s", got)
	}
	if got := strings.Join(lottery.ResultsHeader(), ","); got != "id,province,status,rank" {
		t.Errorf("results header %s", got)
	}
}

// The field names of selection.json are part of the published format.
func TestPublicationJSON(t *testing.T) {
	b, err := json.Marshal(katPublication())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"wave":1,"commitment":"` + katCommitment + `","seed":"kat-seed-2026","quotas":{"11":3,"32":1},"applicants":10,"selected":4}`
	if string(b) != want {
		t.Errorf("selection.json = %s\nwant %s", b, want)
	}
}
