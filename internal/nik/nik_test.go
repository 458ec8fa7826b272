package nik

import (
	"errors"
	"testing"
	"time"
)

type regions map[string]bool

func (r regions) HasRegency(code string) bool { return r[code] }

func TestCheck(t *testing.T) {
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	known := regions{"3273": true}
	date := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name   string
		nik    string
		birth  time.Time
		female bool
		rule   string // "" for valid
	}{
		{"man", "3273011001900001", date(1990, 1, 10), false, ""},
		{"woman day+40", "3273015001900001", date(1990, 1, 10), true, ""},
		{"short", "327301100190000", date(1990, 1, 10), false, "shape"},
		{"letters", "32730110019000a1", date(1990, 1, 10), false, "shape"},
		{"month 13", "3273011013900001", date(1990, 1, 10), false, "shape"},
		{"district 00", "3273001001900001", date(1990, 1, 10), false, "shape"},
		{"serial 0000", "3273011001900000", date(1990, 1, 10), false, "shape"},
		{"unknown regency", "9999011001900001", date(1990, 1, 10), false, "region"},
		{"date mismatch", "3273011101900001", date(1990, 1, 10), false, "birth_date"},
		{"year mismatch", "3273011001910001", date(1990, 1, 10), false, "birth_date"},
		{"gender mismatch", "3273011001900001", date(1990, 1, 10), true, "gender"},
		{"too young", "3273011001100001", date(2010, 1, 10), false, "age"},
		{"18 tomorrow", "3273012811080001", date(2008, 11, 28), false, "age"},
		{"18 today", "3273012711080001", date(2008, 11, 27), false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Check(tt.nik, tt.birth, tt.female, known, 18, now)
			var p *Problem
			switch {
			case tt.rule == "" && err != nil:
				t.Errorf("unexpected %v", err)
			case tt.rule != "" && (!errors.As(err, &p) || p.Rule != tt.rule):
				t.Errorf("got %v, want rule %s", err, tt.rule)
			}
		})
	}
}
