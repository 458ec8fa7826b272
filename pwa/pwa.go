// Package pwa embeds the recipients' web app, served by the binary at /.
package pwa

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
