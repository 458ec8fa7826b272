package server

import (
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
)

// TestConsoleRoutes: /konsol/ serves the console's own shell and assets
// (client-side routes answered with its shell, same caching and
// precompression as the PWA) with security headers; / stays the PWA's.
func TestConsoleRoutes(t *testing.T) {
	console := fstest.MapFS{
		"index.html":               {Data: []byte("<!doctype html><title>konsol</title>")},
		"index.html.br":            {Data: []byte("BR-KONSOL")},
		"console.0123456789.js":    {Data: []byte("console.log(2)")},
		"console.0123456789.js.gz": {Data: []byte("GZ-KONSOL-JS")},
	}
	h, err := New(Config{}, Deps{GraphQL: http.NotFoundHandler(), PWA: testFiles(), Console: console,
		Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path, accept, wantBody, wantCache string
		wantCode                          int
		console                           bool
	}{
		{"/konsol/", "br", "BR-KONSOL", "no-cache", 200, true},
		{"/konsol/", "", "<!doctype html><title>konsol</title>", "no-cache", 200, true},
		{"/konsol/waves/wv01ABC", "br", "BR-KONSOL", "no-cache", 200, true}, // client route
		{"/konsol/masuk", "br", "BR-KONSOL", "no-cache", 200, true},
		{"/konsol/console.0123456789.js", "gzip", "GZ-KONSOL-JS", "public, max-age=31536000, immutable", 200, true},
		{"/konsol/missing.0123456789.js", "", "", "", 404, true},
		{"/", "br", "BR-SHELL", "no-cache", 200, false},
		{"/akun", "br", "BR-SHELL", "no-cache", 200, false},
	}
	for _, c := range cases {
		w := get(h, c.path, "Accept-Encoding", c.accept)
		if w.Code != c.wantCode {
			t.Errorf("%s: %d, want %d", c.path, w.Code, c.wantCode)
			continue
		}
		if c.wantCode == 200 && (w.Body.String() != c.wantBody || w.Header().Get("Cache-Control") != c.wantCache) {
			t.Errorf("%s (%q): %q cache %q, want %q cache %q", c.path, c.accept, w.Body.String(), w.Header().Get("Cache-Control"), c.wantBody, c.wantCache)
		}
		csp := w.Header().Get("Content-Security-Policy")
		if c.console != strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: Content-Security-Policy %q", c.path, csp)
		}
		if c.console && (w.Header().Get("X-Frame-Options") != "DENY" || w.Header().Get("Referrer-Policy") != "no-referrer") {
			t.Errorf("%s: security headers %v", c.path, w.Header())
		}
	}
	if w := get(h, "/konsol"); w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != "/konsol/" {
		t.Errorf("/konsol: %d %q", w.Code, w.Header().Get("Location"))
	}
	etag := get(h, "/konsol/", "Accept-Encoding", "br").Header().Get("ETag")
	if w := get(h, "/konsol/waves", "Accept-Encoding", "br", "If-None-Match", etag); w.Code != http.StatusNotModified {
		t.Errorf("revalidating the console shell: %d", w.Code)
	}
}
