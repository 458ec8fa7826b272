package phone

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"081234567890", "+6281234567890", true},
		{"+62 812-3456-7890", "+6281234567890", true},
		{"6281234567890", "+6281234567890", true},
		{"812345678", "+62812345678", true}, // the shortest: 9 digits after the 0
		{"81234567", "", false},
		{"0212345678", "", false},       // landline
		{"+1 415 555 0100", "", false},  // not Indonesia
		{"08123", "", false},            // too short
		{"0812345678901234", "", false}, // too long
		{"0812abc", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, err := Normalize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("Normalize(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
