package certificate

import (
	"crypto/ed25519"
	"crypto/sha256"
	"time"

	"github.com/kartuprakerja/platform/internal/certificate/vc"
)

// DefaultPublicURL is the public URL when none is configured (the demo and
// tests): it names the did:web of the demo install.
const DefaultPublicURL = "http://localhost:8080"

// DemoKeys is the key set of tests and of a wiring given no keys: one key
// derived from a published phrase, so anyone can forge with it. The serve
// command never uses it: it loads or generates a private key file
// (docs/certificates.md).
func DemoKeys() vc.KeySet {
	seed := sha256.Sum256([]byte("kartu prakerja demo certificate key 1 (public: tests and demos only)"))
	priv := ed25519.NewKeyFromSeed(seed[:])
	return vc.KeySet{Keys: []vc.Key{{ID: "demo-1", Private: priv, Public: priv.Public().(ed25519.PublicKey),
		From: time.Date(2020, time.January, 1, 0, 0, 0, 0, time.UTC)}}}
}
