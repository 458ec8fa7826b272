package vc

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Document is a did:web DID document (DID Core 1.0) listing the program's
// keys as JsonWebKey verification methods, every one an assertionMethod.
// Each method also carries its window (validFrom, validUntil; RFC 3339): an
// extension property, so an offline verifier can tell expired_key without
// asking the server.
type Document struct {
	Context            []string `json:"@context"`
	ID                 string   `json:"id"`
	VerificationMethod []Method `json:"verificationMethod"`
	AssertionMethod    []string `json:"assertionMethod"`
}

// Method is one verification method.
type Method struct {
	ID           string `json:"id"`
	Type         string `json:"type"`
	Controller   string `json:"controller"`
	PublicKeyJwk JWK    `json:"publicKeyJwk"`
	ValidFrom    string `json:"validFrom"`
	ValidUntil   string `json:"validUntil,omitempty"`
}

// JWK is an Ed25519 public key (RFC 8037).
type JWK struct {
	Kty string `json:"kty"`
	Crv string `json:"crv"`
	X   string `json:"x"`
	Kid string `json:"kid,omitempty"`
}

// Document returns the DID document of ks (public parts only).
func (ks KeySet) Document() Document {
	d := Document{Context: []string{"https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"}, ID: ks.DID,
		VerificationMethod: []Method{}, AssertionMethod: []string{}}
	for _, k := range ks.Keys {
		m := Method{ID: ks.KID(k), Type: "JsonWebKey", Controller: ks.DID,
			PublicKeyJwk: JWK{Kty: "OKP", Crv: "Ed25519", X: base64.RawURLEncoding.EncodeToString(k.Public), Kid: k.ID},
			ValidFrom:    k.From.UTC().Format(time.RFC3339)}
		if !k.Until.IsZero() {
			m.ValidUntil = k.Until.UTC().Format(time.RFC3339)
		}
		d.VerificationMethod = append(d.VerificationMethod, m)
		d.AssertionMethod = append(d.AssertionMethod, m.ID)
	}
	return d
}

// ParseDocument reads a DID document into a verifier's key set: the
// JsonWebKey Ed25519 methods that are assertion methods.
func ParseDocument(b []byte) (KeySet, error) {
	var d Document
	if err := json.Unmarshal(b, &d); err != nil {
		return KeySet{}, fmt.Errorf("vc: DID document: %w", err)
	}
	if !strings.HasPrefix(d.ID, "did:web:") {
		return KeySet{}, fmt.Errorf("vc: DID document id %q is not a did:web", d.ID)
	}
	ks := KeySet{DID: d.ID}
	for _, m := range d.VerificationMethod {
		k, ok := m.key(d)
		if ok {
			ks.Keys = append(ks.Keys, k)
		}
	}
	if len(ks.Keys) == 0 {
		return KeySet{}, errors.New("vc: DID document has no Ed25519 assertion key")
	}
	return ks, nil
}

func (m Method) key(d Document) (Key, bool) {
	did, id, ok := strings.Cut(m.ID, "#")
	x, err := base64.RawURLEncoding.DecodeString(m.PublicKeyJwk.X)
	from, ferr := time.Parse(time.RFC3339, m.ValidFrom)
	if !ok || did != d.ID || m.Type != "JsonWebKey" || m.PublicKeyJwk.Kty != "OKP" || m.PublicKeyJwk.Crv != "Ed25519" ||
		err != nil || len(x) != ed25519.PublicKeySize || ferr != nil || !contains(d.AssertionMethod, m.ID) {
		return Key{}, false
	}
	k := Key{ID: id, Public: x, From: from}
	if m.ValidUntil != "" {
		until, err := time.Parse(time.RFC3339, m.ValidUntil)
		if err != nil {
			return Key{}, false
		}
		k.Until = until
	}
	return k, true
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
