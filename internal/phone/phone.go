// Package phone owns the normalisation of Indonesian mobile numbers to E.164.
package phone

import (
	"fmt"
	"strings"
)

// Normalize turns 08…, 628…, +628… (with spaces, dots or dashes) into
// +628…, and rejects anything that is not an Indonesian mobile number
// (8 to 12 digits after the leading 8).
func Normalize(s string) (string, error) {
	var b strings.Builder
	for i, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0, r == ' ', r == '-', r == '.':
		default:
			return "", fmt.Errorf("phone number contains %q", r)
		}
	}
	d := b.String()
	switch {
	case strings.HasPrefix(d, "62"):
		d = d[2:]
	case strings.HasPrefix(d, "0"):
		d = d[1:]
	}
	if !strings.HasPrefix(d, "8") || len(d) < 9 || len(d) > 13 {
		return "", fmt.Errorf("not an Indonesian mobile number")
	}
	return "+62" + d, nil
}
