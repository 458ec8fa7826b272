package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The shared vectors of internal/certificate/vc: the same verdicts as the
// server and the PWA.
type vectorFile struct {
	DID     json.RawMessage `json:"did"`
	Vectors []struct {
		Name, Input, Code string
	} `json:"vectors"`
}

func loadVectors(t *testing.T) (string, vectorFile) {
	t.Helper()
	b, err := os.ReadFile("../../internal/certificate/vc/testdata/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var f vectorFile
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	did := filepath.Join(t.TempDir(), "did.json")
	if err := os.WriteFile(did, f.DID, 0o644); err != nil {
		t.Fatal(err)
	}
	return did, f
}

func TestVerifyCertificateCommand(t *testing.T) {
	did, f := loadVectors(t)
	for _, v := range f.Vectors {
		t.Run(v.Name, func(t *testing.T) {
			var out bytes.Buffer
			err := verifyCertificate(context.Background(), []string{"-did", did, v.Input}, strings.NewReader(""), &out)
			if (err == nil) != (v.Code == "ok") || !strings.Contains(out.String(), "("+v.Code+")") {
				t.Fatalf("err %v, output:\n%s", err, out.String())
			}
			if v.Code == "ok" && !strings.Contains(out.String(), "SAH / VALID") || v.Code != "ok" && !strings.Contains(out.String(), "DITOLAK / REFUSED") {
				t.Errorf("verdict:\n%s", out.String())
			}
		})
	}
}

func TestVerifyCertificateInputs(t *testing.T) {
	did, f := loadVectors(t)
	good := f.Vectors[1].Input // the QR payload
	file := filepath.Join(t.TempDir(), "cred.txt")
	_ = os.WriteFile(file, []byte(good+"\n"), 0o644)
	for name, c := range map[string]struct {
		args  []string
		stdin string
	}{
		"file":  {[]string{"-did", did, "-file", file}, ""},
		"stdin": {[]string{"-did", did}, good + "\n"},
		"dash":  {[]string{"-did", did, "-"}, good},
	} {
		var out bytes.Buffer
		if err := verifyCertificate(context.Background(), c.args, strings.NewReader(c.stdin), &out); err != nil ||
			!strings.Contains(out.String(), "Ni Luh Putu Ayu Kusumawardhani") {
			t.Errorf("%s: %v\n%s", name, err, out.String())
		}
	}
	var out bytes.Buffer
	if err := verifyCertificate(context.Background(), []string{good}, strings.NewReader(""), &out); err == nil {
		t.Error("no -did accepted")
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	_ = os.WriteFile(bad, []byte(`{"id":"did:web:x"}`), 0o644)
	if err := verifyCertificate(context.Background(), []string{"-did", bad, good}, strings.NewReader(""), &out); err == nil {
		t.Error("a DID document without keys accepted")
	}
}

func TestCertificateKeys(t *testing.T) {
	c := config{DataDir: t.TempDir()}
	first, err := c.certificateKeys()
	if err != nil || len(first.Keys) != 1 || first.Keys[0].Private == nil {
		t.Fatalf("%+v %v", first, err)
	}
	again, err := c.certificateKeys()
	if err != nil || !again.Keys[0].Public.Equal(first.Keys[0].Public) {
		t.Errorf("the generated key changed: %v", err)
	}
	if fi, err := os.Stat(filepath.Join(c.DataDir, "certificate-keys.json")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file %v %v", fi, err)
	}
	c.CertificateKeySeed = strings.Repeat("ab", 32)
	s1, err1 := c.certificateKeys()
	s2, err2 := c.certificateKeys()
	if err1 != nil || err2 != nil || !s1.Keys[0].Public.Equal(s2.Keys[0].Public) || s1.Keys[0].Public.Equal(first.Keys[0].Public) {
		t.Errorf("seeded key: %v %v", err1, err2)
	}
	c.CertificateKeySeed = "zz"
	if _, err := c.certificateKeys(); err == nil {
		t.Error("bad seed accepted")
	}
}
