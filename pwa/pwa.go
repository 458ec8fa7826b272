// Package pwa embeds the recipients' web app, served by the binary at /.
//
// The sources are in src/; `go generate` (./build) bundles, fingerprints and
// precompresses them into app/, which is committed so the server runs from a
// fresh clone without Node. See docs/pwa.md.
package pwa

//go:generate go run ./build

import (
	"embed"
	"io/fs"
)

//go:embed all:app
var files embed.FS

// Files returns the app's files, index.html at the root.
func Files() fs.FS {
	sub, err := fs.Sub(files, "app")
	if err != nil {
		panic(err) // the embedded directory is fixed at compile time
	}
	return sub
}
