package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// hashed matches fingerprinted asset names (app.3f9a1c2b.js): they never
// change, so browsers may keep them for a year.
var hashed = regexp.MustCompile(`\.[0-9a-f]{8,}\.[a-z0-9]+$`)

// contentTypes covers what the PWA ships; the standard library's table
// lacks some (.webmanifest) and the system's may be missing.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".css":         "text/css; charset=utf-8",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
}

// asset is one file of the app with its precompressed variants.
type asset struct {
	body, br, gz []byte
	ctype, etag  string
}

// newStatic serves the PWA: fingerprinted assets immutable for a year, the
// shell and the service worker always revalidated (by ETag, so an unchanged
// file costs a 304), unknown paths without an extension answered with the
// shell (client-side routes). Files are sent Brotli- or gzip-compressed
// when the build left a smaller .br/.gz beside them and the client accepts
// it. Everything is read once, at start.
func newStatic(files fs.FS) http.Handler {
	assets := map[string]*asset{}
	_ = fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return err
		}
		body, err := fs.ReadFile(files, p)
		if err != nil {
			return err
		}
		a := &asset{body: body, ctype: contentType(p, body)}
		a.br, _ = fs.ReadFile(files, p+".br")
		a.gz, _ = fs.ReadFile(files, p+".gz")
		sum := sha256.Sum256(body)
		a.etag = `"` + hex.EncodeToString(sum[:8]) + `"`
		assets[p] = a
		return nil
	})
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
		a := assets[p]
		if a == nil {
			if path.Ext(p) != "" {
				http.NotFound(w, r)
				return
			}
			p, a = "index.html", assets["index.html"] // a client-side route
			if a == nil {
				http.NotFound(w, r)
				return
			}
		}
		serveAsset(w, r, p, a)
	})
}

func serveAsset(w http.ResponseWriter, r *http.Request, p string, a *asset) {
	h := w.Header()
	setCacheHeaders(w, p)
	h.Set("Content-Type", a.ctype)
	h.Set("ETag", a.etag)
	body, enc := a.body, ""
	if a.br != nil || a.gz != nil {
		h.Set("Vary", "Accept-Encoding")
		switch ae := r.Header.Get("Accept-Encoding"); {
		case a.br != nil && accepts(ae, "br"):
			body, enc = a.br, "br"
		case a.gz != nil && accepts(ae, "gzip"):
			body, enc = a.gz, "gzip"
		}
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
		// A distinct validator per representation (RFC 9110 8.8.3).
		h.Set("ETag", strings.TrimSuffix(a.etag, `"`)+"-"+enc+`"`)
		// ServeContent leaves out Content-Length for encoded bodies (a range
		// would count encoded bytes); these are sent whole, with their length.
		h.Set("Content-Length", strconv.Itoa(len(body)))
		r = r.Clone(r.Context())
		r.Header.Del("Range")
	}
	// ServeContent handles If-None-Match (304), HEAD and ranges.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// accepts reports whether an Accept-Encoding value allows coding (q > 0).
func accepts(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		params = strings.ReplaceAll(params, " ", "")
		return !strings.HasPrefix(params, "q=0") || strings.HasPrefix(params, "q=0.") && strings.Trim(params[4:], "0") != ""
	}
	return false
}

func contentType(p string, body []byte) string {
	ext := path.Ext(p)
	if ct, ok := contentTypes[ext]; ok {
		return ct
	}
	if ct := mime.TypeByExtension(ext); ct != "" {
		return ct
	}
	return http.DetectContentType(body)
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
