package webbuild

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestPage(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "index.html")
	cases := []struct {
		name, src, want, err string
	}{
		{"filled and joined", "<html>\n  <script src=\"%JS%\"></script>\n</html>\n", `<html><script src="/app.1.js"></script></html>`, ""},
		{"unknown placeholder", "<p>%NOPE%</p>", "", "unknown placeholders [%NOPE%]"},
	}
	for _, c := range cases {
		if err := os.WriteFile(p, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := Page(p, map[string]string{"JS": "/app.1.js"})
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: err %v, want %q", c.name, err, c.err)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("%s: %q, %v; want %q", c.name, got, err, c.want)
		}
	}
}

// TestWrite: the output directory holds exactly the files given, with
// .br/.gz copies of text files only where they are smaller; files of an
// earlier build are removed.
func TestWrite(t *testing.T) {
	d := Dirs{Out: t.TempDir()}
	if err := os.WriteFile(filepath.Join(d.Out, "old.0123456789.js"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("console.log('Kartu Prakerja');", 50)
	if err := d.Write(map[string][]byte{"app.js": []byte(big), "a.js": []byte("1"), "i.png": []byte(big)}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(d.Out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"a.js", "app.js", "app.js.br", "app.js.gz", "i.png"}; !slices.Equal(names, want) {
		t.Errorf("files %v, want %v", names, want)
	}
}

func TestStringMismatches(t *testing.T) {
	id := map[string]string{"ok": "Halo {name}", "empty": "Ada", "ph": "{n} hasil"}
	en := map[string]string{"ok": "Hello {name}", "empty": " ", "ph": "{count} results"}
	got := StringMismatches(id, en)
	if len(got) != 2 || !strings.Contains(got[0], `"empty"`) || !strings.Contains(got[1], `"ph"`) {
		t.Errorf("mismatches %q", got)
	}
}
