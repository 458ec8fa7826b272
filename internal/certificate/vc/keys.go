package vc

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Key is one of the program's signing keys. It signs credentials issued in
// [From, Until) (Until zero: still in use) and verifies, for ever, those
// signed inside that window; a credential it signed outside it is refused
// as expired_key. A compromised key is removed from the set: what it signed
// is then unknown_key.
type Key struct {
	ID      string // the fragment of the verification method: did:web:<host>#<ID>
	Public  ed25519.PublicKey
	Private ed25519.PrivateKey // nil in a verifier's set
	From    time.Time
	Until   time.Time
}

// covers reports whether t is inside the key's window.
func (k Key) covers(t time.Time) bool {
	return !t.Before(k.From) && (k.Until.IsZero() || t.Before(k.Until))
}

// KeySet is the issuer's keys under one DID.
type KeySet struct {
	DID  string
	Keys []Key
}

// ErrNoSigningKey is returned when no key with a private part covers the
// issue time.
var ErrNoSigningKey = errors.New("vc: no signing key covers this time")

// signer returns the key that signs at t: of those with a private part whose
// window covers t, the most recent.
func (ks KeySet) signer(t time.Time) (Key, error) {
	var best Key
	found := false
	for _, k := range ks.Keys {
		if k.Private != nil && k.covers(t) && (!found || k.From.After(best.From)) {
			best, found = k, true
		}
	}
	if !found {
		return Key{}, ErrNoSigningKey
	}
	return best, nil
}

// KID is the JOSE kid of k: its verification method.
func (ks KeySet) KID(k Key) string { return ks.DID + "#" + k.ID }

// lookup finds the key a kid names.
func (ks KeySet) lookup(kid string) (Key, bool) {
	did, id, ok := strings.Cut(kid, "#")
	if !ok || did != ks.DID {
		return Key{}, false
	}
	for _, k := range ks.Keys {
		if k.ID == id {
			return k, true
		}
	}
	return Key{}, false
}

// DIDWeb is the did:web of a public base URL: its host, a port encoded as
// %3A, a path as colon-separated segments (did:web method specification).
func DIDWeb(baseURL string) (string, error) {
	u, err := url.Parse(baseURL)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("vc: public URL %q has no host", baseURL)
	}
	did := "did:web:" + strings.ReplaceAll(u.Host, ":", "%3A")
	for _, seg := range strings.Split(strings.Trim(u.Path, "/"), "/") {
		if seg != "" {
			did += ":" + seg
		}
	}
	return did, nil
}

// FileKey is one key in the key file (JSON), with its 32-byte Ed25519 seed in
// hex; verifiers' files leave the seed out and give the public key (x,
// base64url) instead.
type FileKey struct {
	ID    string    `json:"id"`
	Seed  string    `json:"seed,omitempty"`
	X     string    `json:"x,omitempty"`
	From  time.Time `json:"from"`
	Until time.Time `json:"until,omitzero"`
}

// KeyFile is the key file: {"keys":[…]}.
type KeyFile struct {
	Keys []FileKey `json:"keys"`
}

// NewKeyFile makes a key file with one fresh key valid from from.
func NewKeyFile(id string, from time.Time) (KeyFile, error) {
	seed := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return KeyFile{}, fmt.Errorf("vc: key: %w", err)
	}
	return KeyFile{Keys: []FileKey{{ID: id, Seed: hex.EncodeToString(seed), From: from.UTC().Truncate(time.Second)}}}, nil
}

// ParseKeyFile reads a key file into the key set of did.
func ParseKeyFile(b []byte, did string) (KeySet, error) {
	var f KeyFile
	if err := json.Unmarshal(b, &f); err != nil {
		return KeySet{}, fmt.Errorf("vc: key file: %w", err)
	}
	ks := KeySet{DID: did}
	for _, fk := range f.Keys {
		k, err := fk.key()
		if err != nil {
			return KeySet{}, err
		}
		ks.Keys = append(ks.Keys, k)
	}
	if len(ks.Keys) == 0 {
		return KeySet{}, errors.New("vc: key file has no keys")
	}
	return ks, nil
}

func (fk FileKey) key() (Key, error) {
	k := Key{ID: fk.ID, From: fk.From, Until: fk.Until}
	if fk.ID == "" || strings.ContainsAny(fk.ID, "#:/ ") {
		return k, fmt.Errorf("vc: key id %q: want letters, digits, - or _", fk.ID)
	}
	switch {
	case fk.Seed != "":
		seed, err := hex.DecodeString(fk.Seed)
		if err != nil || len(seed) != ed25519.SeedSize {
			return k, fmt.Errorf("vc: key %s: the seed must be 64 hex characters", fk.ID)
		}
		k.Private = ed25519.NewKeyFromSeed(seed)
		k.Public = k.Private.Public().(ed25519.PublicKey)
	case fk.X != "":
		x, err := base64.RawURLEncoding.DecodeString(fk.X)
		if err != nil || len(x) != ed25519.PublicKeySize {
			return k, fmt.Errorf("vc: key %s: x must be a base64url Ed25519 public key", fk.ID)
		}
		k.Public = x
	default:
		return k, fmt.Errorf("vc: key %s has neither seed nor x", fk.ID)
	}
	return k, nil
}
