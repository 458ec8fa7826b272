// Command build turns the console's sources (console/src) into the files
// the binary embeds (console/app): the app bundled and minified with
// esbuild (both string catalogues inside: staff read English as often as
// Indonesian), fingerprinted names (cached for a year), the shell
// (index.html, CSS inlined) and .br/.gz copies of text files. The steps are
// internal/webbuild's, shared with pwa/build. Run from console/ (go generate
// does).
package main

import (
	"path/filepath"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/kartuprakerja/platform/internal/webbuild"
)

const prefix = "/konsol/"

var dirs = webbuild.Dirs{Src: "src", Out: "app"}

const svgIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="#083f78"/><rect x="17" y="28" width="66" height="44" rx="6" fill="#fff"/><rect x="25" y="38" width="14" height="11" rx="2" fill="#f4b400"/><rect x="17" y="56" width="66" height="7" fill="#0b5cad"/></svg>`

func main() {
	dirs.Run("console/build", build)
}

func build() (map[string][]byte, error) {
	if err := dirs.CheckStrings(); err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	add := func(base, ext string, b []byte) string {
		name := base + "." + webbuild.Fingerprint(b) + "." + ext
		out[name] = b
		return prefix + name
	}
	icon := add("icon", "svg", []byte(svgIcon))
	js, err := dirs.Bundle("main.js", api.FormatESModule, nil)
	if err != nil {
		return nil, err
	}
	jsName := add("console", "js", js)
	css, err := webbuild.MinifyCSS(filepath.Join(dirs.Src, "app.css"))
	if err != nil {
		return nil, err
	}
	page, err := webbuild.Page(filepath.Join(dirs.Src, "index.html"), map[string]string{"CSS": css, "JS": jsName, "ICON": icon})
	if err != nil {
		return nil, err
	}
	out["index.html"] = page
	return out, nil
}
