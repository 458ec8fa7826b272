package vc

import (
	"bytes"
	"compress/flate"
	"strings"
	"testing"
)

func TestShorten(t *testing.T) {
	exact := strings.Repeat("é", maxDescription)
	if got := shorten(exact, maxDescription); got != exact {
		t.Errorf("a description of exactly %d characters was cut", maxDescription)
	}
	long := exact + "x"
	if got := []rune(shorten(long, maxDescription)); len(got) != maxDescription || got[len(got)-1] != '…' {
		t.Errorf("cut to %d runes: %q", len(got), string(got))
	}
}

func TestFieldsRules(t *testing.T) {
	ks := testKeys(t)
	base := New(sample(), ks.DID, "http://localhost:8080")
	if _, ok := base.fields(); !ok {
		t.Fatal("the issued form is refused")
	}
	cases := map[string]func(c *Credential){
		"no result":                func(c *Credential) { c.CredentialSubject.Result = nil },
		"id without base URL":      func(c *Credential) { c.ID, c.Jti = "/sertifikat/PKJ/2026/X", "/sertifikat/PKJ/2026/X" },
		"id without the page":      func(c *Credential) { c.ID, c.Jti = "urn:uuid:1", "urn:uuid:1" },
		"empty number":             func(c *Credential) { c.ID, c.Jti = "http://x/sertifikat/", "http://x/sertifikat/" },
		"iss differs":              func(c *Credential) { c.Iss = "did:web:other" },
		"jti differs":              func(c *Credential) { c.Jti = c.ID + "x" },
		"nbf differs":              func(c *Credential) { c.Nbf++ },
		"no issuer":                func(c *Credential) { c.Issuer.ID, c.Iss = "", "" },
		"validFrom not RFC 3339":   func(c *Credential) { c.ValidFrom = "31/01/2026" },
		"one context":              func(c *Credential) { c.Context = c.Context[:1] },
		"other context":            func(c *Credential) { c.Context = []string{ContextVC, "https://example.org"} },
		"first context not VC 2.0": func(c *Credential) { c.Context = []string{ContextOB3, ContextOB3} },
		"three types":              func(c *Credential) { c.Type = append(c.Type, "X") },
		"not a VerifiableCredential": func(c *Credential) {
			c.Type = []string{"X", "OpenBadgeCredential"}
		},
	}
	for name, mutate := range cases {
		c := base
		c.CredentialSubject.Result = append([]Result(nil), base.CredentialSubject.Result...)
		mutate(&c)
		f, ok := c.fields()
		if name == "no result" {
			if !ok || f.Score != "" {
				t.Errorf("%s: ok %v score %q", name, ok, f.Score)
			}
			continue
		}
		if ok {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestQRInflateLimit(t *testing.T) {
	pack := func(n int) string {
		var buf bytes.Buffer
		w, _ := flate.NewWriter(&buf, flate.BestCompression)
		_, _ = w.Write(append([]byte("a\x00b\x00"), bytes.Repeat([]byte("c"), n-4)...))
		_ = w.Close()
		return QRPrefix + base45Encode(buf.Bytes())
	}
	if _, err := FromQR(pack(maxQRBytes)); err != nil {
		t.Errorf("exactly the limit refused: %v", err)
	}
	if _, err := FromQR(pack(maxQRBytes + 1)); err == nil {
		t.Error("past the limit accepted")
	}
	if _, err := FromQR(QRPrefix + base45Encode([]byte{1, 2, 3})); err == nil {
		t.Error("not DEFLATE accepted")
	}
}

func TestBase45Edges(t *testing.T) {
	if b, err := base45Decode("U5"); err != nil || !bytes.Equal(b, []byte{0xff}) {
		t.Errorf("U5 = %v %v, want ff", b, err)
	}
	if b, err := base45Decode("FGW"); err != nil || !bytes.Equal(b, []byte{0xff, 0xff}) {
		t.Errorf("FGW = %v %v, want ffff", b, err)
	}
	if _, err := base45Decode("V5"); err == nil {
		t.Error("256 in two characters accepted")
	}
	for _, n := range []int{0, 1, 2, 3, 255} {
		in := bytes.Repeat([]byte{0xab}, n)
		if out, err := base45Decode(base45Encode(in)); err != nil || !bytes.Equal(out, in) {
			t.Errorf("%d bytes: %v %v", n, out, err)
		}
	}
}
