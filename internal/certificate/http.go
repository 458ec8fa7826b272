package certificate

import (
	"encoding/json"
	"html/template"
	"net/http"
	"strings"

	"github.com/kartuprakerja/platform/internal/certificate/vc"
	"github.com/kartuprakerja/platform/internal/msg"
)

// DIDPath is where the did:web DID document is served.
const DIDPath = "/.well-known/did.json"

// DIDHandler serves the DID document: public, cacheable, readable from any
// origin (a verifier elsewhere fetches it; the PWA caches it for offline).
func (s *Service) DIDHandler() http.Handler {
	doc, _ := json.MarshalIndent(s.cfg.Keys.Document(), "", "  ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "application/did+json")
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Cache-Control", "public, max-age=3600")
		_, _ = w.Write(doc)
	})
}

// pageCSP allows the page nothing but its inline style: no script at all.
const pageCSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// PageHandler serves /sertifikat/<number>: the verification of a number in
// Bahasa Indonesia with English, server-rendered, without script.
func (s *Service) PageHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		number := strings.TrimPrefix(r.URL.Path, vc.CertificatePath)
		res, err := s.VerifyNumber(r.Context(), number)
		if err != nil {
			s.cfg.Log.ErrorContext(r.Context(), "certificate page", "number", number, "err", err)
			http.Error(w, msg.Render(msg.ID, msg.Internal)+" / "+msg.Render(msg.EN, msg.Internal), http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store") // a revocation shows at once
		if res.Code == vc.NotFound {
			w.WriteHeader(http.StatusNotFound)
		}
		_ = page.Execute(w, pageData(res))
	})
}

type pageView struct {
	Valid  bool
	Code   string
	Rows   []pageRow
	Result [2]string
	Title  [2]string
	Hint   [2]string
}

type pageRow struct{ Label, Value string }

func pageData(res Result) pageView {
	both := func(k msg.Key) [2]string { return [2]string{msg.Render(msg.ID, k), msg.Render(msg.EN, k)} }
	v := pageView{Valid: res.Valid(), Code: string(res.Code), Title: both(msg.CertificatePageTitle),
		Result: [2]string{res.Message(msg.ID), res.Message(msg.EN)}, Hint: both(msg.CertificateOfflineHint)}
	f := res.Fields
	row := func(k msg.Key, val string) {
		if val != "" {
			v.Rows = append(v.Rows, pageRow{msg.Render(msg.ID, k) + " / " + msg.Render(msg.EN, k), val})
		}
	}
	row(msg.CertificateNumberLabel, f.Number)
	if res.Code != vc.NotFound {
		row(msg.CertificateHolder, f.HolderName)
		row(msg.CertificateCourse, f.CourseTitle)
		row(msg.CertificateInstitution, f.InstitutionName)
		if !f.IssuedAt.IsZero() {
			row(msg.CertificateIssued, msg.Date(msg.ID, f.IssuedAt)+" / "+msg.Date(msg.EN, f.IssuedAt))
		}
	}
	return v
}

var page = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{index .Title 0}}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:36rem;padding:1rem;color:#222}
.r{padding:1rem;border-radius:.5rem;margin:1rem 0}.ok{background:#e6f4ea;border:2px solid #1e7e34}
.no{background:#fdecea;border:2px solid #b00020}.en{color:#555;font-size:.9em}dt{font-weight:600;margin-top:.5rem}dd{margin:0}</style>
</head><body>
<h1>{{index .Title 0}}<br><span class="en" lang="en">{{index .Title 1}}</span></h1>
<div class="r {{if .Valid}}ok{{else}}no{{end}}" data-code="{{.Code}}"><strong>{{if .Valid}}✔{{else}}✘{{end}} {{index .Result 0}}</strong><br><span class="en" lang="en">{{index .Result 1}}</span></div>
<dl>{{range .Rows}}<dt>{{.Label}}</dt><dd>{{.Value}}</dd>{{end}}</dl>
<p>{{index .Hint 0}}<br><span class="en" lang="en">{{index .Hint 1}}</span></p>
</body></html>
`))
