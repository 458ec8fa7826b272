package scalars

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kartuprakerja/platform/internal/apperr"
)

func TestUnmarshalString(t *testing.T) {
	tests := []struct {
		in any
		ok bool
	}{
		{"Gelombang 23 é 😀", true},
		{"baris 1\nbaris 2\tx\r\n", true}, // line breaks: the field's rule (graph's singleLineText)
		{"", true},
		{"a\x00b", false},
		{"a\xffb", false},
		{"\x1b[2J", false},
		{"a\u0085", false},
		{json.Number("12"), true}, // gqlgen's coercion of numbers is kept
	}
	for _, tt := range tests {
		_, err := UnmarshalString(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("UnmarshalString(%q) = %v; want ok=%v", tt.in, err, tt.ok)
		}
		if err != nil && !apperr.Is(err, apperr.BadUserInput) {
			t.Errorf("UnmarshalString(%q): %v is not BAD_USER_INPUT", tt.in, err)
		}
	}
}

func TestUnmarshalInt(t *testing.T) {
	tests := []struct {
		in   any
		want int
		ok   bool
	}{
		{json.Number("2147483647"), 2147483647, true},
		{json.Number("-2147483648"), -2147483648, true},
		{json.Number("2147483648"), 0, false},
		{json.Number("-2147483649"), 0, false},
		{json.Number("4611686018427387904"), 0, false}, // 2^62
		{json.Number("9223372036854775808"), 0, false}, // 2^63
		{json.Number("1.5"), 0, false},
		{int64(1 << 40), 0, false},
		{7, 7, true},
	}
	for _, tt := range tests {
		got, err := UnmarshalInt(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("UnmarshalInt(%v) = %d, %v; want %d ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if got64, err64 := UnmarshalInt64(tt.in); (err64 == nil) != tt.ok || got64 != int64(tt.want) {
			t.Errorf("UnmarshalInt64(%v) = %d, %v", tt.in, got64, err64)
		}
	}
}

func TestUnmarshalIDAndRupiah(t *testing.T) {
	if _, err := UnmarshalID("rc01\x00"); !apperr.Is(err, apperr.BadUserInput) {
		t.Errorf("ID with NUL: %v", err)
	}
	if id, err := UnmarshalID("🙂"); err != nil || id != "🙂" {
		t.Errorf("an unknown but storable ID is for the lookup to refuse: %v", err)
	}
	if _, err := UnmarshalRupiah(json.Number("9007199254740992")); !apperr.Is(err, apperr.BadUserInput) {
		t.Errorf("Rupiah 2^53: %v", err)
	}
}

func TestFields(t *testing.T) {
	_, refused := UnmarshalString("a\x00")
	path := func(p ...any) ast.Path {
		var out ast.Path
		for _, x := range p {
			switch v := x.(type) {
			case string:
				out = append(out, ast.PathName(v))
			case int:
				out = append(out, ast.PathIndex(v))
			}
		}
		return out
	}
	tests := []struct {
		err  error
		path ast.Path
		want string // "" for no fields
	}{
		{refused, path("createWave", "input", "name"), "name"},
		{refused, path("createWave", "input", "provinceQuotas", 0, "provinceCode"), "provinceQuotas.0.provinceCode"},
		{refused, path("createAPIKey", "label"), "label"},
		{refused, path("revokeRecipient", "input"), "input"}, // an argument named input that is itself the value
		{refused, path("createWave"), ""},
		{apperr.E(apperr.BadUserInput, "other"), path("createWave", "input", "name"), ""},
		{errors.New("plain"), path("createWave", "input", "name"), ""},
	}
	for _, tt := range tests {
		got := Fields(tt.err, "m", tt.path)
		if tt.want == "" && got != nil || tt.want != "" && got[tt.want] != "m" {
			t.Errorf("Fields(%v, %v) = %v; want %q", tt.err, tt.path, got, tt.want)
		}
	}
}
