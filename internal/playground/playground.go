// Package playground serves GraphiQL for app developers with its scripts
// embedded in the binary (graphiql 4.1.2, react 18.2.0, the npm builds whose
// hashes gqlgen pins for its CDN links), so the playground works where the
// CDN is slow or unreachable.
package playground

import (
	"embed"
	"net/http"

	gqlplayground "github.com/99designs/gqlgen/graphql/playground"
)

//go:embed assets
var assets embed.FS

// Subresource-integrity hashes of the embedded files (identical to the ones
// gqlgen uses for the same versions on the CDN).
const (
	jsSRI       = "sha256-hnImuor1znlJkD/FOTL3jayfS/xsyNoP04abi8bFJWs="
	cssSRI      = "sha256-MEh+B2NdMSpj9kexQNN3QKc8UzMrCXW/Sx/phcpuyIU="
	reactSRI    = "sha256-S0lp+k7zWUMk2ixteM6HZvu8L9Eh//OVrt+ZfbCpmgY="
	reactDOMSRI = "sha256-IXWO0ITNDjfnNXIu5POVfqlgYoop36bDzhodR6LW5Pc="
)

// Handler serves the GraphiQL page at prefix and its assets under
// prefix+"/assets/", talking to the GraphQL endpoint.
func Handler(prefix, endpoint string) http.Handler {
	a := prefix + "/assets/"
	page := gqlplayground.Handler("Kartu Prakerja API", endpoint,
		gqlplayground.WithGraphiqlVersion(a+"graphiql.min.js", a+"graphiql.min.css", jsSRI, cssSRI),
		gqlplayground.WithGraphiqlReactVersion(a+"react.production.min.js", a+"react-dom.production.min.js", reactSRI, reactDOMSRI),
		gqlplayground.WithGraphiqlEnablePluginExplorer(false),
	)
	mux := http.NewServeMux()
	mux.Handle(prefix, page)
	files := http.StripPrefix(prefix, http.FileServerFS(assets))
	mux.Handle(a, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	}))
	return mux
}
