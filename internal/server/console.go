package server

import (
	"io/fs"
	"net/http"
	"strings"
)

// consoleCSP allows the console only its own scripts and the API of its
// origin; styles may be inline (the shell inlines its CSS, charts set
// widths), nothing may frame it.
const consoleCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"

// newConsole serves the console under /konsol/ like the PWA at / (same
// caching, ETags and precompressed files, client-side routes answered with
// the shell), with security headers for a screen that shows personal data
// and API keys.
func newConsole(files fs.FS) http.Handler {
	static := newStatic(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", consoleCSP)
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/" + strings.TrimPrefix(r.URL.Path, "/konsol/")
		r2.URL.RawPath = ""
		static.ServeHTTP(w, r2)
	})
}
