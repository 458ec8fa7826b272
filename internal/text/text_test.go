package text

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		in   string
		kind Kind
		want error
	}{
		{"plain", "Gelombang 23", SingleLine, nil},
		{"multi-byte", "Pelatihan é ꦲꦤ 😀", SingleLine, nil},
		{"literal replacement character", "a\uFFFDb", SingleLine, nil},
		{"empty", "", SingleLine, nil},
		{"NUL", "a\x00b", Multiline, ErrNUL},
		{"NUL single-line", "\x00", SingleLine, ErrNUL},
		{"invalid byte", "a\xffb", Multiline, ErrInvalidUTF8},
		{"cut character", "caf\xc3", Multiline, ErrInvalidUTF8},
		{"surrogate half", "\xed\xa0\x80", Multiline, ErrInvalidUTF8},
		{"overlong slash", "\xc0\xaf", Multiline, ErrInvalidUTF8},
		{"bell", "a\x07", Multiline, ErrControl},
		{"escape", "\x1b[31m", Multiline, ErrControl},
		{"DEL", "a\x7f", Multiline, ErrControl},
		{"C1 control", "a\u0085b", Multiline, ErrControl},
		{"last C1 control", "a\u009fb", Multiline, ErrControl},
		{"no-break space is text", "a\u00a0b", SingleLine, nil},
		{"newline multi-line", "baris 1\r\nbaris 2\tx", Multiline, nil},
		{"newline single-line", "baris 1\nbaris 2", SingleLine, ErrLineBreak},
		{"tab single-line", "a\tb", SingleLine, ErrLineBreak},
		{"CR single-line", "a\rb", SingleLine, ErrLineBreak},
	}
	for _, tt := range tests {
		if got := Check(tt.in, tt.kind); !errors.Is(got, tt.want) {
			t.Errorf("%s: Check(%q) = %v; want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 5, "abc"},
		{"abc", 3, "abc"},
		{"abc", 2, "ab"},
		{"abc", 0, ""},
		{"abc", -1, ""},
		{strings.Repeat("a", 254) + "é", 255, strings.Repeat("a", 254)}, // é is 2 bytes: not cut in half
		{"aé", 3, "aé"},
		{"a😀", 4, "a"},
		{"a😀", 2, "a"},
		{"😀😀", 7, "😀"},
		{"😀😀", 8, "😀😀"},
		{"\x80\x80\x80", 2, ""}, // no character start at all: nothing, not a panic
	}
	for _, tt := range tests {
		got := Truncate(tt.in, tt.n)
		if got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q; want %q", tt.in, tt.n, got, tt.want)
		}
		if !utf8.ValidString(got) || len(got) > max(tt.n, 0) {
			t.Errorf("Truncate(%q, %d) = %q: invalid or too long", tt.in, tt.n, got)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Mozilla/5.0", 255, "Mozilla/5.0"},
		{"Mozilla\xff/5.0", 255, "Mozilla\uFFFD/5.0"},
		{"a\x00b\x07c\td\ne", 255, "abcde"},
		{strings.Repeat("a", 254) + "é", 255, strings.Repeat("a", 254)},
		{strings.Repeat("a", 253) + "\xff", 255, strings.Repeat("a", 253)}, // U+FFFD is 3 bytes: dropped whole
	}
	for _, tt := range tests {
		got := Clean(tt.in, tt.n)
		if got != tt.want {
			t.Errorf("Clean(%q, %d) = %q; want %q", tt.in, tt.n, got, tt.want)
		}
		if Check(got, SingleLine) != nil || len(got) > tt.n {
			t.Errorf("Clean(%q, %d) = %q: not acceptable text", tt.in, tt.n, got)
		}
	}
}

func FuzzTruncate(f *testing.F) {
	f.Add("aé😀", 3)
	f.Fuzz(func(t *testing.T, s string, n int) {
		got := Truncate(s, n)
		if len(got) > max(n, 0) || !strings.HasPrefix(s, got) {
			t.Fatalf("Truncate(%q, %d) = %q", s, n, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Truncate(%q, %d) = %q cut a character", s, n, got)
		}
	})
}
