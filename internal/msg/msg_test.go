package msg

import (
	"context"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// verbs are fmt placeholders (explicit indexes allowed), not %%.
var verbs = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z]`)

// named are {name} placeholders (notifications).
var named = regexp.MustCompile(`\{\w+\}`)

func placeholders(s string) []string {
	found := verbs.FindAllString(regexp.MustCompile(`%%`).ReplaceAllString(s, ""), -1)
	found = append(found, named.FindAllString(s, -1)...)
	slices.Sort(found)
	return found
}

// TestEveryKeyHasBothLanguages: every key of the catalogue has a non-empty
// Indonesian and English text with the same placeholders.
func TestEveryKeyHasBothLanguages(t *testing.T) {
	keys := Keys()
	if len(keys) < 100 {
		t.Fatalf("catalogue has %d keys; expected the whole server's texts", len(keys))
	}
	for _, k := range keys {
		id, en, ok := Texts(k)
		switch {
		case !ok:
			t.Errorf("%s: listed but not in the catalogue", k)
		case id == "" || en == "":
			t.Errorf("%s: empty text (id %q, en %q)", k, id, en)
		case id == en:
			t.Errorf("%s: the English text is the Indonesian one (%q)", k, id)
		case !slices.Equal(placeholders(id), placeholders(en)):
			t.Errorf("%s: placeholders differ: id %v, en %v", k, placeholders(id), placeholders(en))
		}
	}
}

// TestEveryRuleExplained: each registration check has a meaning and a
// what-to-do in the catalogue.
func TestEveryRuleExplained(t *testing.T) {
	for _, r := range Rules() {
		for _, k := range []Key{RuleFailed(r), RuleTodo(r)} {
			if !Has(k) {
				t.Errorf("rule %s: no text %s", r, k)
			}
		}
	}
}

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"no verbs", nil},
		{"%d of %s", []string{"%d", "%s"}},
		{"100%% %q", []string{"%q"}},
		{"%[2]s %[1]d", []string{"%[1]d", "%[2]s"}},
		{"{amount} ke {partner}-mu", []string{"{amount}", "{partner}"}},
	}
	for _, tt := range tests {
		if got := placeholders(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("placeholders(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		locale string
		n      int64
		want   string
	}{
		{ID, 552_000, "Rp552.000"},
		{EN, 552_000, "Rp552,000"},
		{ID, 0, "Rp0"},
		{EN, 999, "Rp999"},
		{ID, 1_000, "Rp1.000"},
		{EN, 3_500_000, "Rp3,500,000"},
		{ID, -42_600, "-Rp42.600"},
		{"en-GB", 600_000, "Rp600,000"},
		{"", 600_000, "Rp600.000"},
	}
	for _, tt := range tests {
		if got := Money(tt.locale, tt.n); got != tt.want {
			t.Errorf("Money(%q, %d) = %q, want %q", tt.locale, tt.n, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	morning := time.Date(2026, 12, 21, 2, 0, 0, 0, time.UTC)   // 09.00 WIB
	lateUTC := time.Date(2026, 12, 20, 18, 30, 0, 0, time.UTC) // 01.30 WIB the next day
	tests := []struct {
		name, got, want string
	}{
		{"date id", Date(ID, morning), "21 Desember 2026"},
		{"date en", Date(EN, morning), "21 December 2026"},
		{"date in WIB, not UTC", Date(ID, lateUTC), "21 Desember 2026"},
		{"clock id", Clock(ID, morning), "pukul 09.00 WIB"},
		{"clock en", Clock(EN, morning), "9:00 WIB"},
		{"date time id", DateTime(ID, lateUTC), "21 Desember 2026 pukul 01.30 WIB"},
		{"date time en", DateTime(EN, lateUTC), "21 December 2026, 1:30 WIB"},
		{"may", Date(ID, time.Date(2027, 5, 1, 0, 0, 0, 0, WIB)), "1 Mei 2027"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestRender(t *testing.T) {
	closes := time.Date(2026, 12, 21, 2, 0, 0, 0, time.UTC)
	tests := []struct {
		locale string
		key    Key
		args   []any
		want   string
	}{
		{ID, SurveyClosed, []any{closes}, "Survei ini sudah ditutup pada 21 Desember 2026."},
		{EN, SurveyClosed, []any{closes}, "This survey closed on 21 December 2026."},
		{"en-US", Forbidden, nil, "This account cannot do this."},
		{"fr", Forbidden, nil, "Akun ini tidak dapat melakukan tindakan ini."},
		{EN, WaveExists, []any{22}, "Wave 22 already exists."},
		{EN, "not catalogued %d", []any{3}, "not catalogued 3"},
		{ID, SurveyClosed, []any{At(closes)}, "Survei ini sudah ditutup pada 21 Desember 2026 pukul 09.00 WIB."},
		{EN, KindUnknown, []any{T(SurveyNotFound)}, `Unknown notification kind "Survey not found.".`},
	}
	for _, tt := range tests {
		if got := Render(tt.locale, tt.key, tt.args...); got != tt.want {
			t.Errorf("Render(%q, %s) = %q, want %q", tt.locale, tt.key, got, tt.want)
		}
	}
	if got := Render(EN, KindUnknown, money.Rupiah(552_000)); got != `Unknown notification kind "Rp552,000".` {
		t.Errorf("rupiah argument: %q", got)
	}
}

func TestLocale(t *testing.T) {
	tests := []struct {
		name   string
		ctx    context.Context
		header string
		want   string
	}{
		{"nothing: Indonesian", context.Background(), "", ID},
		{"account locale wins", viewer.NewContext(context.Background(), &viewer.Viewer{Locale: "en"}), "id", EN},
		{"account in Indonesian", viewer.NewContext(context.Background(), &viewer.Viewer{Locale: "id"}), "en", ID},
		{"anonymous, English asked", context.Background(), "en-GB,en;q=0.9", EN},
		{"anonymous, Indonesian first", context.Background(), "id-ID, en;q=0.5", ID},
		{"anonymous, neither", context.Background(), "fr-FR,de", ID},
		{"anonymous, other then English", context.Background(), "fr, en;q=0.8", EN},
	}
	for _, tt := range tests {
		ctx := WithLocale(tt.ctx, FromAcceptLanguage(tt.header))
		if got := LocaleOf(ctx); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A reason kept in the store is a catalogue key when the program wrote it
// (rendered in the reader's language) and a person's words otherwise.
func TestStored(t *testing.T) {
	tests := []struct{ locale, stored, want string }{
		{ID, string(RevokedNoPurchase), "Tidak membeli pelatihan pertama dalam 30 hari setelah diterima."},
		{EN, string(RevokedNoPurchase), "No first training was bought within 30 days of acceptance."},
		{EN, "Data rekening terbukti palsu.", "Data rekening terbukti palsu."},
		{ID, "journey.no_such_key", "journey.no_such_key"},
	}
	for _, tt := range tests {
		if got := Stored(tt.locale, tt.stored); got != tt.want {
			t.Errorf("Stored(%s, %q) = %q, want %q", tt.locale, tt.stored, got, tt.want)
		}
	}
}
