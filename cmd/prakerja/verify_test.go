package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/internal/lottery"
)

// writePublication writes the three published files of a synthetic wave.
func writePublication(t *testing.T, dir string, tamper bool) {
	t.Helper()
	var entries []lottery.Entry
	for i := range 300 {
		entries = append(entries, lottery.Entry{ID: fmt.Sprintf("ap%04d", i), Province: []string{"11", "32"}[i%2], Eligible: i%7 != 0})
	}
	quotas := map[string]int{"11": 40, "32": 60}
	pub := lottery.Publication{Wave: 23, Seed: "s3cret", Commitment: lottery.Commitment("s3cret"), Quotas: quotas}
	b, _ := json.Marshal(pub)
	os.WriteFile(filepath.Join(dir, "selection.json"), b, 0o600)
	writeCSV(t, filepath.Join(dir, "applicants.csv"), lottery.ApplicantsHeader(), len(entries), func(i int) []string {
		return []string{entries[i].ID, entries[i].Province, strconv.FormatBool(entries[i].Eligible)}
	})
	outs := lottery.Draw(pub.Seed, entries, quotas)
	if tamper { // swap one selected and one not-selected applicant of a province
		for i := range outs {
			if outs[i].Status == lottery.NotSelected && outs[i].Province == "32" {
				outs[i].Status = lottery.Selected
				break
			}
		}
	}
	writeCSV(t, filepath.Join(dir, "results.csv"), lottery.ResultsHeader(), len(outs), func(i int) []string {
		rank := ""
		if outs[i].Status == lottery.Selected {
			rank = strconv.Itoa(outs[i].Rank)
		}
		return []string{outs[i].ID, outs[i].Province, string(outs[i].Status), rank}
	})
}

func writeCSV(t *testing.T, path string, header []string, n int, row func(int) []string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := csv.NewWriter(f)
	w.Write(header)
	for i := range n {
		w.Write(row(i))
	}
	w.Flush()
}

func TestVerifySelectionFromFiles(t *testing.T) {
	for _, tt := range []struct {
		name    string
		tamper  bool
		wantErr string
	}{
		{"honest publication", false, ""},
		{"tampered result", true, "NOT VERIFIED"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writePublication(t, dir, tt.tamper)
			err := verifySelection(context.Background(), []string{"-source", dir})
			if (tt.wantErr == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("verifySelection = %v, want error %q", err, tt.wantErr)
			}
		})
	}
}
