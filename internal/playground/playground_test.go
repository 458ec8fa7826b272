package playground

import (
	"crypto/sha256"
	"encoding/base64"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// TestPageLoadsOnlyItsOwnFiles: the page names every script and style by a
// path of this server with the integrity hash of the file served there
// (a wrong hash would leave a blank page), loads nothing from elsewhere,
// runs no inline script, and comes with a CSP allowing this server only.
func TestPageLoadsOnlyItsOwnFiles(t *testing.T) {
	srv := httptest.NewServer(Handler("/playground", "/graphql"))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/playground")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if c := resp.Header.Get("Content-Security-Policy"); !strings.Contains(c, "script-src 'self';") || !strings.Contains(c, "default-src 'none'") {
		t.Errorf("CSP %q", c)
	}
	if strings.Contains(string(page), "https://") || strings.Contains(string(page), "<script>") {
		t.Errorf("the page loads from elsewhere or runs inline script:\n%s", page)
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)" integrity="([^"]+)"`).FindAllStringSubmatch(string(page), -1)
	if len(refs) != 6 || strings.Count(string(page), "<script") != 4 {
		t.Fatalf("%d files with integrity, %d scripts: %s", len(refs), strings.Count(string(page), "<script"), page)
	}
	for _, r := range refs {
		resp, err := http.Get(srv.URL + r[1])
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: %v %v", r[1], err, resp)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		sum := sha256.Sum256(b)
		if got := "sha256-" + base64.StdEncoding.EncodeToString(sum[:]); got != html.UnescapeString(r[2]) {
			t.Errorf("%s: served file hashes to %s, page says %s", r[1], got, r[2])
		}
	}
	if resp, _ := http.Get(srv.URL + "/playground/page.html"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("the page's template is served: %s", resp.Status)
	}
}
