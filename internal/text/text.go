// Package text owns what text the platform accepts from outside and how it is
// cut to a length: one rule for every string a client sends (NUL, invalid
// UTF-8 and control characters refused; line breaks only where a field is
// multi-line), and truncation that never splits a character, so that what is
// stored is valid on SQLite and PostgreSQL alike.
package text

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// Errors of Check, by cause; messages are for logs, the API says its own.
var (
	ErrNUL         = errors.New("text contains a NUL character")
	ErrInvalidUTF8 = errors.New("text is not valid UTF-8")
	ErrControl     = errors.New("text contains a control character")
	ErrLineBreak   = errors.New("text contains a line break in a single-line field")
)

// Kind says which whitespace controls a field may hold.
type Kind int

const (
	// Multiline text may hold line feeds, carriage returns and tabs.
	Multiline Kind = iota
	// SingleLine text may hold none of them.
	SingleLine
)

// Check reports whether s is acceptable text of kind k: valid UTF-8, no NUL,
// and no control character (C0, DEL, C1) other than tab, line feed and
// carriage return, which only multi-line text may hold.
func Check(s string, k Kind) error {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return ErrInvalidUTF8
		case r == 0:
			return ErrNUL
		case r == '\n' || r == '\r' || r == '\t':
			if k == SingleLine {
				return ErrLineBreak
			}
		case isControl(r):
			return ErrControl
		}
		i += size
	}
	return nil
}

func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }

// Truncate returns the longest prefix of s of at most maxBytes bytes that
// does not end inside a character (ent's MaxLen and the store's limits count
// bytes of UTF-8 on SQLite; PostgreSQL refuses a cut character).
func Truncate(s string, maxBytes int) string {
	if maxBytes <= 0 {
		return ""
	}
	if len(s) <= maxBytes {
		return s
	}
	cut := maxBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// Clean makes arbitrary bytes from outside (an HTTP header, a partner's
// reply) storable: invalid UTF-8 becomes U+FFFD, control characters are
// dropped, and the result is cut to maxBytes on a character boundary.
func Clean(s string, maxBytes int) string {
	if Check(s, SingleLine) == nil {
		return Truncate(s, maxBytes)
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if r == '\t' || r == '\n' || r == '\r' || r == 0 || isControl(r) {
			continue
		}
		b.WriteRune(r)
	}
	return Truncate(b.String(), maxBytes)
}
