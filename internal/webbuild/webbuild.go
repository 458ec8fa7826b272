// Package webbuild owns the steps shared by the builds of the binary's web
// apps (pwa/build, console/build): esbuild bundling and minifying,
// fingerprinted names, the %NAME% placeholders of pages, the check of the
// string catalogues, and writing an output directory with precompressed
// (.br, .gz) copies of its text files. The output depends only on the
// sources and the versions in go.mod, so CI can rebuild and compare.
package webbuild

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/evanw/esbuild/pkg/api"
)

// Dirs are an app's source and output directories.
type Dirs struct {
	Src, Out string
}

// Run is a build command's main: it builds the files and writes them to
// Out, or exits with the error, prefixed by name.
func (d Dirs) Run(name string, build func() (map[string][]byte, error)) {
	log.SetFlags(0)
	log.SetPrefix(name + ": ")
	out, err := build()
	if err != nil {
		log.Fatal(err)
	}
	if err := d.Write(out); err != nil {
		log.Fatal(err)
	}
}

// Fingerprint is the first ten hex digits of b's SHA-256.
func Fingerprint(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])[:10]
}

// Quote returns s as a JavaScript string literal (for esbuild's Define).
func Quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// Bundle bundles and minifies the entry (a file of Src) with its imports.
func (d Dirs) Bundle(entry string, format api.Format, define map[string]string) ([]byte, error) {
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{filepath.Join(d.Src, entry)},
		Bundle:            true,
		Write:             false,
		Outfile:           filepath.Join(d.Out, entry),
		Format:            format,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2020,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		Define:            define,
		LogLevel:          api.LogLevelSilent,
	})
	if err := buildErrors(res.Errors); err != nil {
		return nil, fmt.Errorf("bundle %s: %w", entry, err)
	}
	if len(res.OutputFiles) != 1 {
		return nil, fmt.Errorf("bundle %s: %d output files, want 1", entry, len(res.OutputFiles))
	}
	return res.OutputFiles[0].Contents, nil
}

func buildErrors(msgs []api.Message) error {
	if len(msgs) == 0 {
		return nil
	}
	var b strings.Builder
	for _, m := range msgs {
		if m.Location != nil {
			fmt.Fprintf(&b, "%s:%d:%d: ", m.Location.File, m.Location.Line, m.Location.Column)
		}
		fmt.Fprintln(&b, m.Text)
	}
	return fmt.Errorf("%s", b.String())
}

// MinifyCSS returns a stylesheet minified.
func MinifyCSS(path string) (string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	res := api.Transform(string(src), api.TransformOptions{
		Loader: api.LoaderCSS, MinifyWhitespace: true, MinifySyntax: true, Charset: api.CharsetUTF8,
		LegalComments: api.LegalCommentsNone, Target: api.ES2020,
	})
	if err := buildErrors(res.Errors); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return strings.TrimSpace(string(res.Code)), nil
}

// MinifyJSON returns a JSON file compacted.
func MinifyJSON(path string) ([]byte, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Compact(&b, src); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b.Bytes(), nil
}

var placeholder = regexp.MustCompile(`%([A-Z]+)%`)

// Page fills a page's %NAME% placeholders and drops the indentation and
// line breaks between tags; an unknown placeholder is an error.
func Page(path string, vars map[string]string) ([]byte, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var missing []string
	s := placeholder.ReplaceAllStringFunc(string(src), func(m string) string {
		v, ok := vars[m[1:len(m)-1]]
		if !ok {
			missing = append(missing, m)
		}
		return v
	})
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: unknown placeholders %v", path, missing)
	}
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		b.WriteString(strings.TrimSpace(line))
	}
	return []byte(b.String()), nil
}

// ReadStrings reads one language of an app's catalogue (i18n/<lang>.json
// under dir).
func ReadStrings(dir, lang string) (map[string]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "i18n", lang+".json"))
	if err != nil {
		return nil, err
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s.json: %w", lang, err)
	}
	return m, nil
}

// CheckStrings fails the build when the code of Src uses a string key
// (t('key')) that the Indonesian strings lack, or when the two locales have
// different keys.
func (d Dirs) CheckStrings() error {
	id, err := ReadStrings(d.Src, "id")
	if err != nil {
		return err
	}
	en, err := ReadStrings(d.Src, "en")
	if err != nil {
		return err
	}
	var problems []string
	for k := range id {
		if _, ok := en[k]; !ok {
			problems = append(problems, "en.json lacks "+k)
		}
	}
	for k := range en {
		if _, ok := id[k]; !ok {
			problems = append(problems, "id.json lacks "+k+" (in en.json)")
		}
	}
	use := regexp.MustCompile(`\bt\('([a-z0-9_]+)'\s*[,)]`)
	err = filepath.WalkDir(d.Src, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || filepath.Ext(path) != ".js" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range use.FindAllSubmatch(b, -1) {
			if _, ok := id[string(m[1])]; !ok {
				problems = append(problems, fmt.Sprintf("%s uses unknown string %q", path, m[1]))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		problems = slices.Compact(problems)
		return fmt.Errorf("strings:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}

// compressible lists the extensions precompressed for the static handler.
var compressible = map[string]bool{".html": true, ".js": true, ".json": true, ".webmanifest": true, ".svg": true, ".css": true}

// Write makes Out hold exactly the given files plus their .br and .gz
// versions (when smaller), touching only files whose bytes change.
func (d Dirs) Write(files map[string][]byte) error {
	want := map[string][]byte{}
	for name, b := range files {
		want[name] = b
		if !compressible[filepath.Ext(name)] {
			continue
		}
		br, gz, err := compress(b)
		if err != nil {
			return err
		}
		if len(br) < len(b) {
			want[name+".br"] = br
		}
		if len(gz) < len(b) {
			want[name+".gz"] = gz
		}
	}
	if err := os.MkdirAll(d.Out, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(d.Out)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if _, ok := want[e.Name()]; !ok && !e.IsDir() {
			if err := os.Remove(filepath.Join(d.Out, e.Name())); err != nil {
				return err
			}
		}
	}
	for name, b := range want {
		p := filepath.Join(d.Out, name)
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, b) {
			continue
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func compress(b []byte) (br, gz []byte, err error) {
	var bb bytes.Buffer
	w := brotli.NewWriterLevel(&bb, brotli.BestCompression)
	if _, err := w.Write(b); err != nil {
		return nil, nil, err
	}
	if err := w.Close(); err != nil {
		return nil, nil, err
	}
	var gb bytes.Buffer
	g, err := gzip.NewWriterLevel(&gb, gzip.BestCompression)
	if err != nil {
		return nil, nil, err
	}
	if _, err := g.Write(b); err != nil {
		return nil, nil, err
	}
	if err := g.Close(); err != nil {
		return nil, nil, err
	}
	return bb.Bytes(), gb.Bytes(), nil
}

// StringMismatches lists the keys of two languages' catalogues whose text
// is empty in either, or whose {name} placeholders differ.
func StringMismatches(id, en map[string]string) []string {
	var out []string
	for k, v := range id {
		if strings.TrimSpace(v) == "" || strings.TrimSpace(en[k]) == "" {
			out = append(out, fmt.Sprintf("%q has an empty text (id %q, en %q)", k, v, en[k]))
		}
		if !slices.Equal(placeholders(v), placeholders(en[k])) {
			out = append(out, fmt.Sprintf("%q: placeholders differ: id %v, en %v", k, placeholders(v), placeholders(en[k])))
		}
	}
	slices.Sort(out)
	return out
}

var braces = regexp.MustCompile(`\{(\w+)\}`)

func placeholders(s string) []string {
	var out []string
	for _, m := range braces.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return out
}
