package server

import (
	"net/http"

	"github.com/klauspost/compress/gzhttp"
)

// withCompression gzips responses for clients that accept it: GraphQL
// answers (a dashboard query shrinks several times) and anything else not
// already compressed. The PWA's files carry precompressed Brotli and gzip
// variants made at build time and pass through untouched, since their
// Content-Encoding is already set. Websocket upgrades are never wrapped.
func withCompression(next http.Handler) (http.Handler, error) {
	wrap, err := gzhttp.NewWrapper(gzhttp.MinSize(512), gzhttp.EnableZstd(false))
	if err != nil {
		return nil, err
	}
	compressed := wrap(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Upgrade") != "" {
			next.ServeHTTP(w, r)
			return
		}
		compressed(w, r)
	}), nil
}
