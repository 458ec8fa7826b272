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
// fails on any difference. Run from pwa/ (go generate does). The steps it
// shares with the console's build are in internal/webbuild.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/kartuprakerja/platform/internal/webbuild"
)

const srcDir = "src"

var dirs = webbuild.Dirs{Src: srcDir, Out: "app"}

func main() {
	dirs.Run("pwa/build", build)
}

// build returns every output file by name.
func build() (map[string][]byte, error) {
	out := map[string][]byte{}
	add := func(base, ext string, b []byte) string {
		name := base + "." + webbuild.Fingerprint(b) + "." + ext
		out[name] = b
		return name
	}
	if err := dirs.CheckStrings(); err != nil {
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

	en, err := webbuild.MinifyJSON(filepath.Join(srcDir, "i18n", "en.json"))
	if err != nil {
		return nil, err
	}
	enName := add("en", "json", en)

	appJS, err := dirs.Bundle("main.js", api.FormatESModule, map[string]string{"EN_URL": webbuild.Quote("/" + enName)})
	if err != nil {
		return nil, err
	}
	jsName := add("app", "js", appJS)

	css, err := webbuild.MinifyCSS(filepath.Join(srcDir, "app.css"))
	if err != nil {
		return nil, err
	}
	vars := map[string]string{"CSS": css, "JS": jsName, "MANIFEST": manifest, "ICON": favicon, "APPLE": icon192}
	for _, page := range []string{"index.html", "offline.html"} {
		b, err := webbuild.Page(filepath.Join(srcDir, page), vars)
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
	sw, err := dirs.Bundle("sw.js", api.FormatIIFE, map[string]string{
		"PRECACHE": string(list),
		"VERSION":  webbuild.Quote(hex.EncodeToString(h.Sum(nil))[:12]),
		"ICON":     webbuild.Quote("/" + icon192),
	})
	if err != nil {
		return nil, err
	}
	out["sw.js"] = sw
	return out, nil
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
