package vc

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// Sign secures c as a VC-JWT with the key that signs at now (iat), and
// returns the compact JWS and the kid that signed it.
func Sign(ks KeySet, c Credential, now time.Time) (token, kid string, err error) {
	k, err := ks.signer(now)
	if err != nil {
		return "", "", err
	}
	kid = ks.KID(k)
	c.Iat = now.Unix()
	payload, err := json.Marshal(c)
	if err != nil {
		return "", "", fmt.Errorf("vc: encode credential: %w", err)
	}
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.EdDSA, Key: jose.JSONWebKey{Key: k.Private, KeyID: kid}},
		(&jose.SignerOptions{}).WithType(MediaType))
	if err != nil {
		return "", "", fmt.Errorf("vc: signer: %w", err)
	}
	jws, err := s.Sign(payload)
	if err != nil {
		return "", "", fmt.Errorf("vc: sign: %w", err)
	}
	token, err = jws.CompactSerialize()
	if err != nil {
		return "", "", fmt.Errorf("vc: serialize: %w", err)
	}
	return token, kid, nil
}

// Verification is the outcome of Verify.
type Verification struct {
	Code   Code
	KID    string
	Fields Fields // what the credential says, when it could be read (also when refused)
}

// Valid reports whether the credential is accepted.
func (v Verification) Valid() bool { return v.Code == OK }

// Verify checks a VC-JWT or a QR payload against ks: its form, the key that
// signed it, the signature, then the key's window at the signing time.
// Revocation is the register's business (the caller's).
func Verify(ks KeySet, input string) Verification {
	token, err := Token(input)
	if err != nil {
		return Verification{Code: Malformed}
	}
	jws, err := jose.ParseSignedCompact(token, []jose.SignatureAlgorithm{jose.EdDSA})
	if err != nil || len(jws.Signatures) != 1 {
		return Verification{Code: Malformed}
	}
	h := jws.Signatures[0].Protected
	v := Verification{KID: h.KeyID}
	var c Credential
	if c, err = parseCredential(jws.UnsafePayloadWithoutVerification()); err == nil {
		v.Fields, _ = c.fields()
	}
	if typ, _ := h.ExtraHeaders[jose.HeaderType].(string); typ != MediaType || h.KeyID == "" {
		v.Code = Malformed
		return v
	}
	k, ok := ks.lookup(h.KeyID)
	if !ok {
		v.Code = UnknownKey
		return v
	}
	payload, err := jws.Verify(k.Public)
	if err != nil {
		v.Code = Tampered
		return v
	}
	v.Code = judge(k, payload)
	return v
}

// judge is the verdict on a payload whose signature k verified.
func judge(k Key, payload []byte) Code {
	c, err := parseCredential(payload)
	if err != nil {
		return Malformed
	}
	if _, ok := c.fields(); !ok {
		return Malformed
	}
	if !k.covers(time.Unix(c.Iat, 0)) {
		return ExpiredKey
	}
	return OK
}

// Token returns the compact JWS of input: a VC-JWT as it is, or the QR
// payload (QRPrefix…) unpacked.
func Token(input string) (string, error) {
	input = strings.Trim(input, "\r\n\t") // not spaces: base45 has one
	if strings.HasPrefix(input, QRPrefix) {
		return FromQR(input)
	}
	input = strings.TrimSpace(input)
	if strings.Count(input, ".") != 2 {
		return "", fmt.Errorf("vc: not a JWT nor a QR payload")
	}
	return input, nil
}
