package nik

import (
	"errors"
	"testing"
	"time"
)

// TestParseDateBoundaries: the day and month at and beyond each limit, for
// men (day as is) and women (day + 40).
func TestParseDateBoundaries(t *testing.T) {
	tests := []struct {
		name       string
		nik        string
		ok         bool
		female     bool
		day, month int
	}{
		{"day 01", "3273010101900001", true, false, 1, 1},
		{"day 00", "3273010001900001", false, false, 0, 0},
		{"day 31", "3273013112900001", true, false, 31, 12},
		{"day 32", "3273013212900001", false, false, 0, 0},
		{"day 40", "3273014001900001", false, false, 0, 0}, // neither a man's day nor a woman's
		{"woman day 41 is the 1st", "3273014101900001", true, true, 1, 1},
		{"woman day 71 is the 31st", "3273017112900001", true, true, 31, 12},
		{"woman day 72", "3273017212900001", false, false, 0, 0},
		{"month 00", "3273011000900001", false, false, 0, 0},
		{"month 12", "3273011012900001", true, false, 10, 12},
		{"month 13", "3273011013900001", false, false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.nik)
			if !tt.ok {
				var pr *Problem
				if !errors.As(err, &pr) || pr.Rule != "shape" || p != (Parsed{}) {
					t.Errorf("Parse = %+v, %v; want a shape problem", p, err)
				}
				return
			}
			if err != nil || p.Female != tt.female || p.Day != tt.day || p.Month != tt.month {
				t.Errorf("Parse = %+v, %v; want female=%v day %d month %d", p, err, tt.female, tt.day, tt.month)
			}
		})
	}
}

func TestParseFields(t *testing.T) {
	p, err := Parse("3273025507951234")
	want := Parsed{RegencyCode: "3273", District: "02", Female: true, Day: 15, Month: 7, YY: 95, Serial: "1234"}
	if err != nil || p != want {
		t.Errorf("Parse = %+v, %v; want %+v", p, err, want)
	}
}

func TestProblemError(t *testing.T) {
	_, err := Parse("123")
	if err == nil || err.Error() != "shape: NIK harus 16 digit angka." {
		t.Errorf("error = %v", err)
	}
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	_, err = Check("3273011001100001", time.Date(2010, 1, 10, 0, 0, 0, 0, time.UTC), false, regions{"3273": true}, 18, now)
	if err == nil || err.Error() != "age: Usia minimal 18 tahun." {
		t.Errorf("error = %v", err)
	}
}

func TestAge(t *testing.T) {
	birth := time.Date(2000, 6, 15, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		now  time.Time
		want int
	}{
		{time.Date(2018, 6, 14, 0, 0, 0, 0, time.UTC), 17},
		{time.Date(2018, 6, 15, 0, 0, 0, 0, time.UTC), 18},
		{time.Date(2018, 5, 30, 0, 0, 0, 0, time.UTC), 17},
		{time.Date(2018, 7, 1, 0, 0, 0, 0, time.UTC), 18},
		{time.Date(2018, 12, 31, 0, 0, 0, 0, time.UTC), 18},
		{time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), 18},
	} {
		if got := Age(birth, tt.now); got != tt.want {
			t.Errorf("Age at %s = %d, want %d", tt.now.Format("2006-01-02"), got, tt.want)
		}
	}
}
