// Package console embeds the staff and partner console, the web app served
// by the binary at /konsol/ (waves, recipients, partners and API keys, the
// audit log, and the lists each role may read).
//
// The sources are in src/; `go generate` (./build) bundles, fingerprints and
// precompresses them into app/, which is committed so the server runs from a
// fresh clone without Node. See docs/console.md.
package console

//go:generate go run ./build

import (
	"embed"
	"io/fs"
)

// Prefix is the path the console is served under.
const Prefix = "/konsol/"

//go:embed all:app
var files embed.FS

// Files returns the console's files, index.html at the root.
func Files() fs.FS {
	sub, err := fs.Sub(files, "app")
	if err != nil {
		panic(err) // the embedded directory is fixed at compile time
	}
	return sub
}
