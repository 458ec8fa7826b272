// Command build turns the PWA's sources (pwa/src) into the files the binary
// embeds (pwa/app). It bundles and minifies the app and the service worker
// with esbuild, fingerprints every asset with its SHA-256 (app.3f9a1c2b5d.js,
// cached for a year), draws the icons, writes the web manifest, the shell
// (index.html, with the CSS inlined) and the offline page, gives the service
// worker its precache list, and precompresses text files (.br, .gz) so the
// server sends them without compressing at run time.
//
// The output depends only on the sources (and the versions of esbuild,
// brotli and Go's compressors in go.mod): CI runs `go generate ./...` and
// fails on any difference. Run from pwa/ (go generate does).
package main

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
	"sort"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/evanw/esbuild/pkg/api"
)

const (
	srcDir = "src"
	outDir = "app"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("pwa/build: ")
	out, err := build()
	if err != nil {
		log.Fatal(err)
	}
	if err := write(out); err != nil {
		log.Fatal(err)
	}
}

// build returns every output file by name.
func build() (map[string][]byte, error) {
	out := map[string][]byte{}
	add := func(base, ext string, b []byte) string {
		name := base + "." + fingerprint(b) + "." + ext
		out[name] = b
		return name
	}
	if err := checkStrings(); err != nil {
		return nil, err
	}

	icons, err := drawIcons()
	if err != nil {
		return nil, err
	}
	favicon := add("icon", "svg", []byte(svgIcon))
	icon192 := add("icon-192", "png", icons["icon-192"])
	icon512 := add("icon-512", "png", icons["icon-512"])
	maskable := add("maskable-512", "png", icons["maskable-512"])
	manifest := add("manifest", "webmanifest", webManifest(favicon, icon192, icon512, maskable))

	en, err := minifyJSON(filepath.Join(srcDir, "i18n", "en.json"))
	if err != nil {
		return nil, err
	}
	enName := add("en", "json", en)

	appJS, err := bundle("main.js", api.FormatESModule, map[string]string{"EN_URL": quote("/" + enName)})
	if err != nil {
		return nil, err
	}
	jsName := add("app", "js", appJS)

	css, err := minifyCSS(filepath.Join(srcDir, "app.css"))
	if err != nil {
		return nil, err
	}
	vars := map[string]string{"CSS": css, "JS": jsName, "MANIFEST": manifest, "ICON": favicon, "APPLE": icon192}
	for _, page := range []string{"index.html", "offline.html"} {
		b, err := page2html(filepath.Join(srcDir, page), vars)
		if err != nil {
			return nil, err
		}
		out[page] = b
	}

	// The service worker precaches everything above; its version is the
	// hash of all of it, so any change installs a new worker.
	precache := []string{"/", "/offline.html"}
	for name := range out {
		if name != "index.html" && name != "offline.html" {
			precache = append(precache, "/"+name)
		}
	}
	sort.Strings(precache[2:])
	h := sha256.New()
	for _, p := range precache {
		name := strings.TrimPrefix(p, "/")
		if name == "" {
			name = "index.html"
		}
		fmt.Fprintf(h, "%s %x\n", p, sha256.Sum256(out[name]))
	}
	list, _ := json.Marshal(precache)
	sw, err := bundle("sw.js", api.FormatIIFE, map[string]string{
		"PRECACHE": string(list),
		"VERSION":  quote(hex.EncodeToString(h.Sum(nil))[:12]),
		"ICON":     quote("/" + icon192),
	})
	if err != nil {
		return nil, err
	}
	out["sw.js"] = sw
	return out, nil
}

func fingerprint(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])[:10]
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func bundle(entry string, format api.Format, define map[string]string) ([]byte, error) {
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{filepath.Join(srcDir, entry)},
		Bundle:            true,
		Write:             false,
		Outfile:           filepath.Join(outDir, entry),
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

func minifyCSS(path string) (string, error) {
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

func minifyJSON(path string) ([]byte, error) {
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

// page2html fills a page's %NAME% placeholders and drops the indentation
// and line breaks between tags.
func page2html(path string, vars map[string]string) ([]byte, error) {
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

func webManifest(svg, icon192, icon512, maskable string) []byte {
	type icon struct {
		Src     string `json:"src"`
		Sizes   string `json:"sizes"`
		Type    string `json:"type"`
		Purpose string `json:"purpose,omitempty"`
	}
	m := struct {
		ID              string `json:"id"`
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		Description     string `json:"description"`
		Lang            string `json:"lang"`
		StartURL        string `json:"start_url"`
		Scope           string `json:"scope"`
		Display         string `json:"display"`
		Orientation     string `json:"orientation"`
		BackgroundColor string `json:"background_color"`
		ThemeColor      string `json:"theme_color"`
		Icons           []icon `json:"icons"`
	}{
		ID: "/", Name: "Kartu Prakerja", ShortName: "Prakerja",
		Description: "Aplikasi penerima Kartu Prakerja: pendaftaran, pelatihan, insentif, survei dan lowongan kerja.",
		Lang:        "id", StartURL: "/", Scope: "/", Display: "standalone", Orientation: "portrait",
		BackgroundColor: "#f6f8fb", ThemeColor: "#0b5cad",
		Icons: []icon{
			{Src: "/" + icon192, Sizes: "192x192", Type: "image/png"},
			{Src: "/" + icon512, Sizes: "512x512", Type: "image/png"},
			{Src: "/" + maskable, Sizes: "512x512", Type: "image/png", Purpose: "maskable"},
			{Src: "/" + svg, Sizes: "any", Type: "image/svg+xml"},
		},
	}
	b, _ := json.Marshal(m)
	return b
}

// checkStrings fails the build when the code uses a string key that the
// Indonesian strings lack, or when the two locales have different keys.
func checkStrings() error {
	load := func(name string) (map[string]string, error) {
		b, err := os.ReadFile(filepath.Join(srcDir, "i18n", name))
		if err != nil {
			return nil, err
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return m, nil
	}
	id, err := load("id.json")
	if err != nil {
		return err
	}
	en, err := load("en.json")
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
	err = filepath.WalkDir(srcDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".js" {
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

// write makes outDir hold exactly the given files plus their .br and .gz
// versions (when smaller), touching only files whose bytes change.
func write(files map[string][]byte) error {
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
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(outDir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if _, ok := want[e.Name()]; !ok && !e.IsDir() {
			if err := os.Remove(filepath.Join(outDir, e.Name())); err != nil {
				return err
			}
		}
	}
	for name, b := range want {
		p := filepath.Join(outDir, name)
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
