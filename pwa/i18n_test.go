package pwa

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func readStrings(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("src", "i18n", lang+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

// TestStringsInBothLanguages: the PWA's own strings (src/i18n) have the
// same keys in Indonesian and English, none empty, with the same {name}
// placeholders.
func TestStringsInBothLanguages(t *testing.T) {
	id, en := readStrings(t, "id"), readStrings(t, "en")
	if len(id) < 50 {
		t.Fatalf("id.json has %d strings", len(id))
	}
	for _, pair := range []struct {
		name        string
		from, other map[string]string
	}{{"en", id, en}, {"id", en, id}} {
		for k := range pair.from {
			if _, ok := pair.other[k]; !ok {
				t.Errorf("%q is missing from %s.json", k, pair.name)
			}
		}
	}
	for k, v := range id {
		if strings.TrimSpace(v) == "" || strings.TrimSpace(en[k]) == "" {
			t.Errorf("%q has an empty text (id %q, en %q)", k, v, en[k])
		}
		if !slices.Equal(placeholders(v), placeholders(en[k])) {
			t.Errorf("%q: placeholders differ: id %v, en %v", k, placeholders(v), placeholders(en[k]))
		}
	}
}

func placeholders(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s[i+1:], '}')
		if i < 0 || j < 0 {
			break
		}
		out = append(out, s[i+1:i+1+j])
		s = s[i+2+j:]
	}
	slices.Sort(out)
	return out
}
