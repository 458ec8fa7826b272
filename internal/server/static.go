package server

import (
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"strings"
)

// hashed matches fingerprinted asset names (app.3f9a1c2b.js): they never
// change, so browsers may keep them for a year.
var hashed = regexp.MustCompile(`\.[0-9a-f]{8,}\.[a-z0-9]+$`)

// newStatic serves the PWA: fingerprinted assets immutable for a year, the
// shell and the service worker always revalidated, unknown paths without an
// extension answered with the shell (client-side routes).
func newStatic(files fs.FS) http.Handler {
	fileServer := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if p == "" {
			p = "index.html"
		}
		if _, err := fs.Stat(files, p); err != nil {
			if path.Ext(p) != "" {
				http.NotFound(w, r)
				return
			}
			p = "index.html" // a client-side route
		}
		setCacheHeaders(w, p)
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + p
		if p == "index.html" {
			r2.URL.Path = "/"
		}
		fileServer.ServeHTTP(w, r2)
	})
}

func setCacheHeaders(w http.ResponseWriter, p string) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	switch {
	case hashed.MatchString(p):
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	default:
		h.Set("Cache-Control", "no-cache")
	}
}
