package console

import (
	"testing"

	"github.com/kartuprakerja/platform/internal/webbuild"
)

// TestStringsInBothLanguages: the console's strings (src/i18n) have the
// same keys in Indonesian and English, none empty, with the same {name}
// placeholders, and the code uses no key the catalogue lacks.
func TestStringsInBothLanguages(t *testing.T) {
	d := webbuild.Dirs{Src: "src"}
	if err := d.CheckStrings(); err != nil {
		t.Fatal(err)
	}
	id, err := webbuild.ReadStrings("src", "id")
	if err != nil {
		t.Fatal(err)
	}
	en, err := webbuild.ReadStrings("src", "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(id) < 100 {
		t.Fatalf("id.json has %d strings", len(id))
	}
	for _, p := range webbuild.StringMismatches(id, en) {
		t.Error(p)
	}
}
