package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func testFiles() fstest.MapFS {
	return fstest.MapFS{
		"index.html":                      {Data: []byte("<!doctype html><title>shell</title>")},
		"index.html.br":                   {Data: []byte("BR-SHELL")},
		"index.html.gz":                   {Data: []byte("GZ-SHELL")},
		"app.0123456789.js":               {Data: []byte("console.log(1)")},
		"app.0123456789.js.br":            {Data: []byte("BR-APP")},
		"sw.js":                           {Data: []byte("self.x=1")},
		"manifest.abcdef0123.webmanifest": {Data: []byte(`{"name":"x"}`)},
	}
}

func get(h http.Handler, path string, hdr ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestStaticPrecompressedAndCaching(t *testing.T) {
	h := newStatic(testFiles())
	cases := []struct {
		path, accept, wantBody, wantEnc, wantCache, wantType string
	}{
		{"/", "gzip, deflate, br, zstd", "BR-SHELL", "br", "no-cache", "text/html; charset=utf-8"},
		{"/", "gzip", "GZ-SHELL", "gzip", "no-cache", "text/html; charset=utf-8"},
		{"/", "br;q=0, gzip", "GZ-SHELL", "gzip", "no-cache", "text/html; charset=utf-8"},
		{"/", "", "<!doctype html><title>shell</title>", "", "no-cache", "text/html; charset=utf-8"},
		{"/survei/sv01ABC", "br", "BR-SHELL", "br", "no-cache", "text/html; charset=utf-8"}, // client route
		{"/app.0123456789.js", "br", "BR-APP", "br", "public, max-age=31536000, immutable", "text/javascript; charset=utf-8"},
		{"/app.0123456789.js", "gzip", "console.log(1)", "", "public, max-age=31536000, immutable", "text/javascript; charset=utf-8"},
		{"/sw.js", "br", "self.x=1", "", "no-cache", "text/javascript; charset=utf-8"},
		{"/manifest.abcdef0123.webmanifest", "", `{"name":"x"}`, "", "public, max-age=31536000, immutable", "application/manifest+json"},
	}
	for _, c := range cases {
		w := get(h, c.path, "Accept-Encoding", c.accept)
		if w.Code != http.StatusOK || w.Body.String() != c.wantBody {
			t.Errorf("%s (%q): %d %q, want %q", c.path, c.accept, w.Code, w.Body.String(), c.wantBody)
		}
		if got := w.Header().Get("Content-Encoding"); got != c.wantEnc {
			t.Errorf("%s (%q): Content-Encoding %q, want %q", c.path, c.accept, got, c.wantEnc)
		}
		if got := w.Header().Get("Cache-Control"); got != c.wantCache {
			t.Errorf("%s: Cache-Control %q, want %q", c.path, got, c.wantCache)
		}
		if got := w.Header().Get("Content-Type"); got != c.wantType {
			t.Errorf("%s: Content-Type %q, want %q", c.path, got, c.wantType)
		}
		if got, want := w.Header().Get("Content-Length"), strconv.Itoa(len(c.wantBody)); got != want {
			t.Errorf("%s (%q): Content-Length %q, want %s", c.path, c.accept, got, want)
		}
	}
	if w := get(h, "/", "Accept-Encoding", "br"); w.Header().Get("Vary") != "Accept-Encoding" {
		t.Errorf("Vary %q", w.Header().Get("Vary"))
	}
}

func TestStaticRevalidation(t *testing.T) {
	h := newStatic(testFiles())
	for _, enc := range []string{"br", "gzip", ""} {
		first := get(h, "/", "Accept-Encoding", enc)
		etag := first.Header().Get("ETag")
		if etag == "" {
			t.Fatalf("%q: no ETag", enc)
		}
		again := get(h, "/", "Accept-Encoding", enc, "If-None-Match", etag)
		if again.Code != http.StatusNotModified || again.Body.Len() != 0 {
			t.Errorf("%q: revalidation got %d with %d bytes", enc, again.Code, again.Body.Len())
		}
	}
	br := get(h, "/", "Accept-Encoding", "br").Header().Get("ETag")
	gz := get(h, "/", "Accept-Encoding", "gzip").Header().Get("ETag")
	if br == gz {
		t.Errorf("br and gzip representations share the ETag %s", br)
	}
}

func TestStaticNotFoundAndMethods(t *testing.T) {
	h := newStatic(testFiles())
	if w := get(h, "/missing.js"); w.Code != http.StatusNotFound {
		t.Errorf("missing asset: %d", w.Code)
	}
	if w := get(h, "/index.html.br"); w.Code != http.StatusNotFound {
		t.Errorf("a precompressed variant is not a URL of its own: %d", w.Code)
	}
	r := httptest.NewRequest(http.MethodPost, "/", nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", w.Code)
	}
}

func TestCompressionMiddleware(t *testing.T) {
	payload := `{"data":{"me":{"notifications":[` + strings.Repeat(`{"title":"Insentif tahap 1 sudah dikirim"},`, 60) + `{}]}}}`
	api := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, payload)
	})
	mux := http.NewServeMux()
	mux.Handle("/graphql", api)
	mux.Handle("/", newStatic(testFiles()))
	h, err := withCompression(mux)
	if err != nil {
		t.Fatal(err)
	}

	w := get(h, "/graphql", "Accept-Encoding", "gzip, br")
	if w.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("GraphQL answer not gzipped: %v", w.Header())
	}
	zr, err := gzip.NewReader(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(zr)
	if string(body) != payload || w.Body.Len() >= len(payload)/4 {
		t.Errorf("gzip: %d -> %d bytes, round trip ok=%v", len(payload), w.Body.Len(), string(body) == payload)
	}
	if w := get(h, "/graphql"); w.Header().Get("Content-Encoding") != "" || w.Body.String() != payload {
		t.Errorf("client without gzip got %q", w.Header().Get("Content-Encoding"))
	}
	// Precompressed files pass through untouched.
	if w := get(h, "/", "Accept-Encoding", "gzip, br"); w.Header().Get("Content-Encoding") != "br" || w.Body.String() != "BR-SHELL" {
		t.Errorf("static: %q %q", w.Header().Get("Content-Encoding"), w.Body.String())
	}
	// Websocket handshakes are never wrapped.
	if w := get(h, "/graphql", "Accept-Encoding", "gzip", "Upgrade", "websocket"); w.Header().Get("Content-Encoding") != "" {
		t.Errorf("upgrade request was compressed")
	}
}
