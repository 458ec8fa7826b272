// Package playground serves GraphiQL for app developers at /playground: a
// page of its own with a sign-in panel above GraphiQL (the token goes into
// GraphiQL's headers) and example operations as its first tabs. Every
// script is embedded in the binary (graphiql 4.1.2, react 18.2.0, the npm
// builds whose hashes gqlgen pins for its CDN links, and playground.js), so
// the playground works where a CDN is slow or unreachable, under a Content
// Security Policy that allows only this server.
package playground

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"net/http"
)

//go:embed assets page.html
var files embed.FS

// Subresource-integrity hashes of the embedded third-party files (identical
// to the ones gqlgen uses for the same versions on the CDN).
const (
	jsSRI       = "sha256-hnImuor1znlJkD/FOTL3jayfS/xsyNoP04abi8bFJWs="
	cssSRI      = "sha256-MEh+B2NdMSpj9kexQNN3QKc8UzMrCXW/Sx/phcpuyIU="
	reactSRI    = "sha256-S0lp+k7zWUMk2ixteM6HZvu8L9Eh//OVrt+ZfbCpmgY="
	reactDOMSRI = "sha256-IXWO0ITNDjfnNXIu5POVfqlgYoop36bDzhodR6LW5Pc="
)

// csp allows scripts, styles and requests from this server only. GraphiQL
// sets style attributes (CodeMirror, React), hence 'unsafe-inline' for
// styles; no script runs inline.
const csp = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

var page = template.Must(template.ParseFS(files, "page.html"))

// Handler serves the playground page at prefix and its assets under
// prefix+"/assets/", talking to the GraphQL endpoint.
func Handler(prefix, endpoint string) http.Handler {
	a := prefix + "/assets/"
	var html bytes.Buffer
	err := page.Execute(&html, map[string]string{"Assets": a, "Endpoint": endpoint,
		"JSSRI": jsSRI, "CSSSRI": cssSRI, "ReactSRI": reactSRI, "ReactDOMSRI": reactDOMSRI,
		"OwnJS": own(a, "playground.js"), "OwnCSS": own(a, "playground.css"),
		"OwnJSSRI": sri("assets/playground.js"), "OwnCSSSRI": sri("assets/playground.css")})
	if err != nil {
		panic(fmt.Sprintf("playground page: %v", err)) // the embedded template is fixed at build time
	}
	body := html.Bytes()
	mux := http.NewServeMux()
	mux.HandleFunc(prefix, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("Cache-Control", "no-cache")
		w.Write(body)
	})
	static := http.StripPrefix(prefix, http.FileServerFS(files))
	mux.Handle(a, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=86400")
		static.ServeHTTP(w, r)
	}))
	return mux
}

// own is the URL of one of the playground's own assets, versioned by its
// content: a day's caching never pairs a new page with an old file (whose
// integrity hash would then fail).
func own(assets, name string) string { return assets + name + "?v=" + sri("assets/" + name)[7:19] }

// sri is the subresource-integrity hash of an embedded file.
func sri(name string) string {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(fmt.Sprintf("playground: %v", err))
	}
	sum := sha256.Sum256(b)
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}
