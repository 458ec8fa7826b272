package money

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		in   Rupiah
		want string
	}{
		{0, "Rp0"},
		{5, "Rp5"},
		{99, "Rp99"},
		{999, "Rp999"},
		{1000, "Rp1.000"},
		{12345, "Rp12.345"},
		{600_000, "Rp600.000"},
		{1_000_000, "Rp1.000.000"},
		{3_550_000, "Rp3.550.000"},
		{-1, "-Rp1"},
		{-1000, "-Rp1.000"},
		{-12_345_678, "-Rp12.345.678"},
		{maxSafe, "Rp9.007.199.254.740.991"},
		{math.MaxInt64, "Rp9.223.372.036.854.775.807"},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("Rupiah(%d).String() = %q, want %q", int64(tt.in), got, tt.want)
		}
	}
}

func TestMarshalGQL(t *testing.T) {
	for _, tt := range []struct {
		in   Rupiah
		want string
	}{{0, "0"}, {1_000_000, "1000000"}, {-600_000, "-600000"}, {maxSafe, "9007199254740991"}} {
		var b strings.Builder
		tt.in.MarshalGQL(&b)
		if b.String() != tt.want {
			t.Errorf("MarshalGQL(%d) = %q, want %q", int64(tt.in), b.String(), tt.want)
		}
	}
}

func TestUnmarshalGQL(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want Rupiah
		err  string // "" when accepted
	}{
		{"int", 1_000_000, 1_000_000, ""},
		{"int64", int64(600_000), 600_000, ""},
		{"negative int", -5, -5, ""},
		{"json number", json.Number("3550000"), 3_550_000, ""},
		{"json number with a fraction", json.Number("1.5"), 0, "whole number"},
		{"whole float", float64(250_000), 250_000, ""},
		{"float with a fraction", 0.5, 0, "whole number"},
		{"string", "750000", 750_000, ""},
		{"string with a fraction", "1.5", 0, "whole number"},
		{"string not a number", "satu juta", 0, "whole number"},
		{"bool", true, 0, "must be a number, got bool"},
		{"nil", nil, 0, "must be a number"},
		{"largest safe", int64(maxSafe), maxSafe, ""},
		{"smallest safe", int64(-maxSafe), -maxSafe, ""},
		{"above safe", int64(maxSafe + 1), 0, "out of range"},
		{"below safe", int64(-maxSafe - 1), 0, "out of range"},
		{"above safe as a string", "9007199254740992", 0, "out of range"},
		{"above safe as a float", float64(1 << 60), 0, "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Rupiah
			err := r.UnmarshalGQL(tt.in)
			switch {
			case tt.err == "" && (err != nil || r != tt.want):
				t.Errorf("UnmarshalGQL(%v) = %d, %v; want %d", tt.in, r, err, tt.want)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("UnmarshalGQL(%v) error %v, want one containing %q", tt.in, err, tt.err)
			}
		})
	}
}

func TestScanAndValue(t *testing.T) {
	r := Rupiah(42)
	if err := r.Scan(int64(1_000_000)); err != nil || r != 1_000_000 {
		t.Errorf("Scan(int64) = %d, %v", r, err)
	}
	if err := r.Scan(nil); err != nil || r != 0 {
		t.Errorf("Scan(nil) = %d, %v", r, err)
	}
	r = 7
	if err := r.Scan("1000"); err == nil || !strings.Contains(err.Error(), "unexpected column type string") || r != 7 {
		t.Errorf("Scan(string) = %d, %v; want an error and no change", r, err)
	}
	if err := r.Scan(1.5); err == nil {
		t.Errorf("Scan(float64) accepted")
	}
	v, err := Rupiah(-600_000).Value()
	if x, ok := v.(int64); err != nil || !ok || x != -600_000 {
		t.Errorf("Value() = %#v, %v", v, err)
	}
}
