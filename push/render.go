package push

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/internal/msg"
)

// Rendered is a notification's text in the account's language.
type Rendered struct {
	Title, Body, Link string
	// Data is the payload the app keeps for offline use: the event's raw
	// parameters plus kind and link.
	Data map[string]string
}

// Render returns the text of event e in locale (Indonesian unless "en").
func Render(e Event, locale account.Locale) (Rendered, error) {
	t, ok := templates[e.Kind]
	if !ok {
		return Rendered{}, fmt.Errorf("push: no template for kind %q", e.Kind)
	}
	v, ok := t.variants[e.Params["result"]]
	if !ok {
		return Rendered{}, fmt.Errorf("push: kind %s has no text for result %q", e.Kind, e.Params["result"])
	}
	var r Rendered
	var err error
	loc := string(locale)
	if r.Title, err = expand(msg.Render(loc, v.title), e.Params, locale); err != nil {
		return r, fmt.Errorf("push: %s title: %w", e.Kind, err)
	}
	if r.Body, err = expand(msg.Render(loc, v.body), e.Params, locale); err != nil {
		return r, fmt.Errorf("push: %s body: %w", e.Kind, err)
	}
	if r.Link, err = expand(t.link, e.Params, ""); err != nil {
		return r, fmt.Errorf("push: %s link: %w", e.Kind, err)
	}
	r.Data = make(map[string]string, len(e.Params)+2)
	for k, v := range e.Params {
		r.Data[k] = v
	}
	r.Data["kind"], r.Data["link"] = string(e.Kind), r.Link
	return r, nil
}

// expand replaces each {name} in s by the parameter, formatted for locale
// (an empty locale leaves values raw, for links).
func expand(s string, params map[string]string, locale account.Locale) (string, error) {
	if !strings.Contains(s, "{") {
		return s, nil
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return "", fmt.Errorf("unclosed placeholder in %q", s)
		}
		name := s[i+1 : i+j]
		if _, ok := params[name]; !ok {
			return "", fmt.Errorf("missing parameter %q", name)
		}
		b.WriteString(s[:i])
		b.WriteString(format(name, params, locale))
		s = s[i+j+1:]
	}
}

// format shows a raw parameter for locale: amounts as rupiah, dates in
// words (internal/msg's formats), and a parameter with an English twin
// (name_en, e.g. a survey's title) in English to English readers.
func format(name string, params map[string]string, locale account.Locale) string {
	raw := params[name]
	if locale == "" {
		return raw
	}
	loc := string(locale)
	switch name {
	case "amount", "balance":
		if n, err := strconv.ParseInt(raw, 10, 64); err == nil {
			return msg.Money(loc, n)
		}
	case "date", "deadline":
		if t, err := time.ParseInLocation(time.DateOnly, raw, msg.WIB); err == nil {
			return msg.Date(loc, t)
		}
	}
	if en := params[name+"_en"]; en != "" && msg.Normalize(loc) == msg.EN {
		return en
	}
	return raw
}
