// Package msg owns every user-facing text the server makes: error messages,
// per-field explanations, notifications and other sentences a person reads.
// Each text has a stable Key (a typed constant in catalogue.go) and a
// Bahasa Indonesia and an English version; Render fills its placeholders
// in the reader's locale. The package also owns how money and dates become
// text (Money, Date, DateTime), so every place formats them alike.
package msg

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Key names one text of the catalogue. Keys are stable: clients may log
// them (extensions.messageKey), tests refer to them.
type Key string

// Locales. Indonesian is the default for everyone and everything.
const (
	ID = "id"
	EN = "en"
)

// Text is a key with its arguments, rendered later in the reader's locale
// (errors carry Texts; the GraphQL boundary renders them).
type Text struct {
	Key  Key
	Args []any
}

// T returns the Text of key with args.
func T(key Key, args ...any) Text { return Text{Key: key, Args: args} }

// In renders t in locale.
func (t Text) In(locale string) string { return Render(locale, t.Key, t.Args...) }

// At marks a time shown with its clock time ("21 Desember 2026 pukul
// 09.00 WIB"); a plain time.Time argument shows its date only.
type At time.Time

// Render returns key's text in locale ("en", else Indonesian) with its
// fmt placeholders filled by args. Arguments are shown for the locale:
// time.Time as a WIB date, At as a WIB date and time, money.Rupiah as
// rupiah, a Key or Text rendered in turn. A key missing from the
// catalogue renders as itself (tests keep every key in code catalogued).
func Render(locale string, key Key, args ...any) string {
	locale = Normalize(locale)
	f := string(key)
	if t, ok := catalogue[key]; ok {
		f = t.id
		if locale == EN {
			f = t.en
		}
	}
	if len(args) == 0 {
		return f
	}
	shown := make([]any, len(args))
	for i, a := range args {
		shown[i] = show(locale, a)
	}
	return fmt.Sprintf(f, shown...)
}

// Stored renders a reason kept in the store: the text of a catalogue key
// (what the program itself wrote) in locale, or the stored words as they
// are (what a person typed).
func Stored(locale, s string) string {
	if _, ok := catalogue[Key(s)]; ok {
		return Render(locale, Key(s))
	}
	return s
}

func show(locale string, a any) any {
	switch v := a.(type) {
	case time.Time:
		return Date(locale, v)
	case At:
		return DateTime(locale, time.Time(v))
	case money.Rupiah:
		return Money(locale, int64(v))
	case Key:
		return Render(locale, v)
	case Text:
		return v.In(locale)
	}
	return a
}

// Normalize maps a locale tag to "en" or "id": any English tag ("en",
// "en-GB") is English, everything else Indonesian.
func Normalize(locale string) string {
	l := strings.ToLower(strings.TrimSpace(locale))
	if l == EN || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en_") {
		return EN
	}
	return ID
}

// FromAcceptLanguage picks "en" or "id" from an Accept-Language header:
// the first of the two languages named, Indonesian when neither is.
func FromAcceptLanguage(header string) string {
	for _, part := range strings.Split(header, ",") {
		tag, _, _ := strings.Cut(part, ";")
		tag = strings.ToLower(strings.TrimSpace(tag))
		switch {
		case tag == EN || strings.HasPrefix(tag, "en-"):
			return EN
		case tag == ID || strings.HasPrefix(tag, "id-") || tag == "in":
			return ID
		}
	}
	return ID
}

type ctxKey struct{}

// WithLocale returns a context carrying the locale a request asked for
// (its Accept-Language), used for callers who are not signed in.
func WithLocale(ctx context.Context, locale string) context.Context {
	return context.WithValue(ctx, ctxKey{}, Normalize(locale))
}

// LocaleOf is the reader's locale: the signed-in account's language, else
// the one the request asked for, else Indonesian.
func LocaleOf(ctx context.Context) string {
	if v := viewer.FromContext(ctx); v != nil && v.Locale != "" {
		return Normalize(v.Locale)
	}
	if l, ok := ctx.Value(ctxKey{}).(string); ok {
		return l
	}
	return ID
}
