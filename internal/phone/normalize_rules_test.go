package phone

import (
	"strings"
	"testing"
)

// TestNormalizeRules walks each clause of Normalize's contract: the
// accepted prefixes, the separators, the digits after the leading 8 (8 to
// 12 of them, 9 to 13 digits in all), and what is refused.
func TestNormalizeRules(t *testing.T) {
	tests := []struct {
		in, want string
		err      string // "" when accepted
	}{
		// The three prefixes give the same number.
		{"08123456789", "+628123456789", ""},
		{"628123456789", "+628123456789", ""},
		{"+628123456789", "+628123456789", ""},
		// Separators and surrounding space.
		{"  0812 3456 789\t", "+628123456789", ""},
		{"0812.3456.789", "+628123456789", ""},
		{"+62-812-3456-789", "+628123456789", ""},
		{"(0812) 3456789", "", `contains '('`},
		{"0812/3456789", "", `contains '/'`},
		// A plus only at the start.
		{"0812+3456789", "", `contains '+'`},
		{"++628123456789", "", `contains '+'`},
		// Length: 9 to 13 digits from the leading 8.
		{"0" + "81234567", "", "not an Indonesian mobile number"},       // 8
		{"0" + "812345678", "+62812345678", ""},                         // 9
		{"0" + "8123456789012", "+628123456789012", ""},                 // 13
		{"62" + "8123456789012", "+628123456789012", ""},                // 13 after 62
		{"0" + "81234567890123", "", "not an Indonesian mobile number"}, // 14
		// Not mobile, not Indonesian, not a number.
		{"0218123456", "", "not an Indonesian mobile number"},
		{"6221812345678", "", "not an Indonesian mobile number"},
		{"+6581234567", "", "not an Indonesian mobile number"},
		{"008123456789", "", "not an Indonesian mobile number"}, // one prefix only
		{"62628123456789", "", "not an Indonesian mobile number"},
		{"   ", "", "not an Indonesian mobile number"},
		{"081234567８9", "", "contains"}, // a full-width digit
	}
	for _, tt := range tests {
		got, err := Normalize(tt.in)
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("Normalize(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || got != ""):
			t.Errorf("Normalize(%q) = %q, %v; want an error containing %q", tt.in, got, err, tt.err)
		}
	}
}
