package vc

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors.json")

// vector is one case shared with the PWA's verifier (e2e/tests/vc.test.mjs).
type vector struct {
	Name  string `json:"name"`
	Input string `json:"input"`
	Code  Code   `json:"code"`
}

// vectors are the cases every verifier must agree on, under did (the DID
// document of testdata/vectors.json). Each refusal is one rule broken.
func vectors(t *testing.T) (KeySet, []vector) {
	t.Helper()
	ks := testKeys(t)
	issued := sample().IssuedAt
	cred := New(sample(), ks.DID, "http://localhost:8080")
	good := sign(t, ks, cred, issued)
	other := KeySet{DID: ks.DID, Keys: []Key{keyFromSeed("key-9", [32]byte{9}, t0, time.Time{})}}
	forged := KeySet{DID: ks.DID, Keys: []Key{keyFromSeed("key-1", [32]byte{9}, t0, time.Time{})}}
	foreign := KeySet{DID: "did:web:example.com", Keys: []Key{keyFromSeed("key-1", seed, t0, time.Time{})}}
	early := sign(t, KeySet{DID: ks.DID, Keys: []Key{keyFromSeed("key-1", seed, time.Time{}, time.Time{})}}, cred, t0.Add(-time.Hour))
	notOB := cred
	notOB.Type = []string{"VerifiableCredential"}
	return ks, []vector{
		{"valid JWT", good, OK},
		{"valid QR payload", qr(t, good), OK},
		{"one byte of the claims changed", tamper(t, good, "Kusumawardhani", "Kusumawardhana"), Tampered},
		{"score raised in a QR payload", qr(t, tamper(t, good, `"value":"84"`, `"value":"94"`)), Tampered},
		{"signature of another key under the program's kid", sign(t, forged, cred, issued), Tampered},
		{"signature cut", good[:len(good)-4], Tampered},
		{"signed by a key the program does not publish", sign(t, other, cred, issued), UnknownKey},
		{"signed under another DID", sign(t, foreign, cred, issued), UnknownKey},
		{"signed before the key's window", early, ExpiredKey},
		{"not a credential", "hello", Malformed},
		{"QR payload that does not inflate", QRPrefix + "ABCDEF", Malformed},
		{"alg none", noneAlg(t, good), Malformed},
		{"not an OpenBadgeCredential", sign(t, ks, notOB, issued), Malformed},
	}
}

func sign(t *testing.T, ks KeySet, c Credential, at time.Time) string {
	t.Helper()
	tok, _, err := Sign(ks, c, at)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func qr(t *testing.T, tok string) string {
	t.Helper()
	s, err := ToQR(tok)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// tamper replaces old by new in the claims, keeping the signature.
func tamper(t *testing.T, tok, old, new string) string {
	t.Helper()
	p := strings.Split(tok, ".")
	b, _ := base64.RawURLEncoding.DecodeString(p[1])
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("claims have no %q", old)
	}
	p[1] = base64.RawURLEncoding.EncodeToString(bytes.Replace(b, []byte(old), []byte(new), 1))
	return strings.Join(p, ".")
}

func noneAlg(t *testing.T, tok string) string {
	t.Helper()
	p := strings.Split(tok, ".")
	p[0] = base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","kid":"did:web:localhost%3A8080#key-1","typ":"vc+jwt"}`))
	return p[0] + "." + p[1] + "."
}

func TestVerifyVectors(t *testing.T) {
	ks, vs := vectors(t)
	for _, v := range vs {
		t.Run(v.Name, func(t *testing.T) {
			got := Verify(ks, v.Input)
			if got.Code != v.Code {
				t.Fatalf("code %s, want %s", got.Code, v.Code)
			}
			if got.Valid() != (v.Code == OK) {
				t.Errorf("Valid() = %v", got.Valid())
			}
		})
	}
	writeVectors(t, ks, vs)
}

// writeVectors keeps testdata/vectors.json (the DID document and the cases)
// equal to what this test computes; -update rewrites it. Signatures are
// deterministic (Ed25519), so the file is stable.
func writeVectors(t *testing.T, ks KeySet, vs []vector) {
	t.Helper()
	b, err := json.MarshalIndent(map[string]any{"did": ks.Document(), "vectors": vs}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	const path = "testdata/vectors.json"
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(old, b) {
		t.Errorf("%s is stale: go test ./internal/certificate/vc -run TestVerifyVectors -update", path)
	}
}

func TestVerifyReadsFields(t *testing.T) {
	ks, vs := vectors(t)
	for _, input := range []string{vs[0].Input, vs[1].Input, vs[2].Input} {
		f := Verify(ks, input).Fields
		want := Fields{Number: "PKJ/2026/7K3M9QXA", HolderName: "Ni Luh Putu Ayu Kusumawardhani",
			CourseTitle: sample().CourseTitle, InstitutionName: sample().InstitutionName, Score: "84",
			IssuedAt: sample().IssuedAt, Issuer: ks.DID}
		if input == vs[2].Input {
			want.HolderName = "Ni Luh Putu Ayu Kusumawardhana" // what it says, refused
		}
		if f != want {
			t.Errorf("fields\n got %+v\nwant %+v", f, want)
		}
	}
}

func TestKeyWindows(t *testing.T) {
	t1, t2 := t0.Add(100*24*time.Hour), t0.Add(200*24*time.Hour)
	old := keyFromSeed("k-old", seed, t0, t1)
	cur := keyFromSeed("k-new", [32]byte{7}, t1, time.Time{})
	ks := KeySet{DID: "did:web:prakerja.go.id", Keys: []Key{old, cur}}
	cred := New(sample(), ks.DID, "https://prakerja.go.id")
	cases := []struct {
		name     string
		signedAt time.Time
		signer   KeySet // nil keys: ks chooses
		wantKID  string
		want     Code
	}{
		{"the old key signs inside its window", t0.Add(time.Hour), ks, "k-old", OK},
		{"the new key signs after the rotation", t2, ks, "k-new", OK},
		{"the rotation instant belongs to the new key", t1, ks, "k-new", OK},
		{"the old key used after its window", t2, KeySet{DID: ks.DID, Keys: []Key{{ID: "k-old", Private: old.Private, Public: old.Public}}}, "k-old", ExpiredKey},
		{"the new key used before its window", t0.Add(time.Hour), KeySet{DID: ks.DID, Keys: []Key{{ID: "k-new", Private: cur.Private, Public: cur.Public}}}, "k-new", ExpiredKey},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tok, kid, err := Sign(c.signer, cred, c.signedAt)
			if err != nil {
				t.Fatal(err)
			}
			if kid != ks.DID+"#"+c.wantKID {
				t.Errorf("kid %s", kid)
			}
			if got := Verify(ks, tok); got.Code != c.want || got.KID != kid {
				t.Errorf("code %s kid %s, want %s", got.Code, got.KID, c.want)
			}
		})
	}
	if _, _, err := Sign(KeySet{DID: ks.DID, Keys: []Key{old}}, cred, t2); err != ErrNoSigningKey {
		t.Errorf("a retired key signed: %v", err)
	}
}

func TestDIDWeb(t *testing.T) {
	for in, want := range map[string]string{
		"http://localhost:8080":        "did:web:localhost%3A8080",
		"https://prakerja.go.id/":      "did:web:prakerja.go.id",
		"https://example.org/prakerja": "did:web:example.org:prakerja",
	} {
		if got, err := DIDWeb(in); err != nil || got != want {
			t.Errorf("DIDWeb(%s) = %s, %v; want %s", in, got, err, want)
		}
	}
	if _, err := DIDWeb("not a url"); err == nil {
		t.Error("no host accepted")
	}
}

func TestDocumentShapeAndRoundTrip(t *testing.T) {
	t1 := t0.Add(time.Hour)
	ks := KeySet{DID: "did:web:localhost%3A8080", Keys: []Key{keyFromSeed("a", seed, t0, t1), keyFromSeed("b", [32]byte{2}, t1, time.Time{})}}
	b, _ := json.Marshal(ks.Document())
	var raw map[string]any
	_ = json.Unmarshal(b, &raw)
	if raw["id"] != ks.DID {
		t.Errorf("id %v", raw["id"])
	}
	vm := raw["verificationMethod"].([]any)
	m := vm[0].(map[string]any)
	jwk := m["publicKeyJwk"].(map[string]any)
	if len(vm) != 2 || m["id"] != ks.DID+"#a" || m["type"] != "JsonWebKey" || m["controller"] != ks.DID ||
		jwk["kty"] != "OKP" || jwk["crv"] != "Ed25519" || jwk["d"] != nil || m["validUntil"] != t1.Format(time.RFC3339) {
		t.Errorf("method %v", m)
	}
	if am := raw["assertionMethod"].([]any); len(am) != 2 || am[1] != ks.DID+"#b" {
		t.Errorf("assertionMethod %v", am)
	}
	back, err := ParseDocument(b)
	if err != nil || len(back.Keys) != 2 || back.DID != ks.DID || !back.Keys[0].Until.Equal(t1) || back.Keys[1].Private != nil ||
		!back.Keys[1].Public.Equal(ks.Keys[1].Public) || !back.Keys[1].Until.IsZero() {
		t.Fatalf("parsed %+v %v", back, err)
	}
	// A method that is not an assertion method does not verify.
	d := ks.Document()
	d.AssertionMethod = d.AssertionMethod[1:]
	b, _ = json.Marshal(d)
	if back, _ := ParseDocument(b); len(back.Keys) != 1 || back.Keys[0].ID != "b" {
		t.Errorf("non-assertion key kept: %+v", back.Keys)
	}
	for _, bad := range []string{`{`, `{"id":"did:key:x"}`, `{"id":"did:web:x","verificationMethod":[]}`} {
		if _, err := ParseDocument([]byte(bad)); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

func TestKeyFile(t *testing.T) {
	f, err := NewKeyFile("k1", t0)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(f)
	ks, err := ParseKeyFile(b, "did:web:x")
	if err != nil || len(ks.Keys) != 1 || ks.Keys[0].Private == nil || !ks.Keys[0].From.Equal(t0) {
		t.Fatalf("%+v %v", ks, err)
	}
	x := base64.RawURLEncoding.EncodeToString(ks.Keys[0].Public)
	pub, err := ParseKeyFile([]byte(`{"keys":[{"id":"k1","x":"`+x+`","from":"2026-01-01T00:00:00Z"}]}`), "did:web:x")
	if err != nil || pub.Keys[0].Private != nil || !pub.Keys[0].Public.Equal(ks.Keys[0].Public) {
		t.Fatalf("%+v %v", pub, err)
	}
	for _, bad := range []string{`{"keys":[]}`, `{"keys":[{"id":"a#b","seed":"00"}]}`, `{"keys":[{"id":"a","seed":"zz"}]}`,
		`{"keys":[{"id":"a"}]}`, `{"keys":[{"id":"a","x":"AAAA"}]}`, `nope`} {
		if _, err := ParseKeyFile([]byte(bad), "did:web:x"); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

func TestBase45(t *testing.T) {
	// RFC 9285 section 4.3's examples.
	for in, want := range map[string]string{"AB": "BB8", "Hello!!": "%69 VD92EX0", "base-45": "UJCLQE7W581", "ietf!": "QED8WEX0"} {
		if got := base45Encode([]byte(in)); got != want {
			t.Errorf("encode %q = %q, want %q", in, got, want)
		}
		if got, err := base45Decode(want); err != nil || string(got) != in {
			t.Errorf("decode %q = %q %v", want, got, err)
		}
	}
	for _, bad := range []string{"GGW", "A", "ab", "::"} {
		if _, err := base45Decode(bad); err == nil {
			t.Errorf("decoded %q", bad)
		}
	}
}
