package lottery

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// Publication is what the program publishes about a wave's lottery.
type Publication struct {
	Wave       int            `json:"wave"`
	Commitment string         `json:"commitment"`
	Seed       string         `json:"seed"`
	Quotas     map[string]int `json:"quotas"`
	Applicants int            `json:"applicants"`
	Selected   int            `json:"selected"`
}

// ApplicantsHeader is the header of the applicant list CSV.
func ApplicantsHeader() []string { return []string{"id", "province", "eligible"} }

// ResultsHeader is the header of the results CSV (rank empty unless selected).
func ResultsHeader() []string { return []string{"id", "province", "status", "rank"} }

// ReadApplicants parses the published applicant list.
func ReadApplicants(r io.Reader) ([]Entry, error) {
	rows, err := readCSV(r, ApplicantsHeader())
	if err != nil {
		return nil, err
	}
	out := make([]Entry, len(rows))
	for i, row := range rows {
		out[i] = Entry{ID: row[0], Province: row[1], Eligible: row[2] == "true"}
	}
	return out, nil
}

// ReadResults parses the published results.
func ReadResults(r io.Reader) ([]Outcome, error) {
	rows, err := readCSV(r, ResultsHeader())
	if err != nil {
		return nil, err
	}
	out := make([]Outcome, len(rows))
	for i, row := range rows {
		out[i] = Outcome{ID: row[0], Province: row[1], Status: Status(row[2])}
		if row[3] != "" {
			if out[i].Rank, err = strconv.Atoi(row[3]); err != nil {
				return nil, fmt.Errorf("results row %d: rank %q", i+2, row[3])
			}
		}
	}
	return out, nil
}

func readCSV(r io.Reader, header []string) ([][]string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(header)
	cr.ReuseRecord = false
	h, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read header: %w", err)
	}
	for i := range header {
		if h[i] != header[i] {
			return nil, fmt.Errorf("unexpected header %v, want %v", h, header)
		}
	}
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read rows: %w", err)
	}
	return rows, nil
}

// Verify recomputes the draw from the publication and the applicant list
// and compares it with the published results. It returns the number of
// applicants checked, or an error describing the first differences.
func Verify(pub Publication, applicants []Entry, results []Outcome) (int, error) {
	if Commitment(pub.Seed) != pub.Commitment {
		return 0, fmt.Errorf("the seed does not match the commitment published before the draw")
	}
	published := make(map[string]Outcome, len(results))
	for _, o := range results {
		published[o.ID] = o
	}
	if len(published) != len(applicants) {
		return 0, fmt.Errorf("%d applicants but %d results", len(applicants), len(published))
	}
	var diffs []string
	for _, want := range Draw(pub.Seed, applicants, pub.Quotas) {
		got, ok := published[want.ID]
		rank := want.Rank
		if want.Status != Selected {
			rank = 0 // only the selected carry a published rank
		}
		if !ok || got.Status != want.Status || got.Rank != rank || got.Province != want.Province {
			diffs = append(diffs, fmt.Sprintf("%s: published %s/%d, recomputed %s/%d", want.ID, got.Status, got.Rank, want.Status, rank))
			if len(diffs) == 10 {
				break
			}
		}
	}
	if len(diffs) > 0 {
		return 0, fmt.Errorf("results differ from the recomputed draw:\n  %s", joinLines(diffs))
	}
	return len(applicants), nil
}

func joinLines(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += "\n  "
		}
		out += s
	}
	return out
}
