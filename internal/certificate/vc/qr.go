package vc

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
)

// QRPrefix starts a QR payload; the digit is the format's version.
const QRPrefix = "PKJ1:"

// maxQRBytes bounds what a QR payload may inflate to (a zip bomb stops here).
const maxQRBytes = 16 << 10

// ToQR packs a compact JWS for a QR code: the header's and the payload's JSON
// and the 64 signature bytes, joined by NUL bytes (JSON holds none), raw
// DEFLATE, base45 (RFC 9285: a QR code's alphanumeric mode), after QRPrefix. The JSON compresses far better than
// its base64url; the verifier re-encodes the parts, which base64url without
// padding makes exact, and so checks the same signing input.
func ToQR(token string) (string, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "", errors.New("vc: not a compact JWS")
	}
	var raw [][]byte
	for _, p := range parts {
		b, err := base64.RawURLEncoding.DecodeString(p)
		if err != nil {
			return "", fmt.Errorf("vc: JWS part: %w", err)
		}
		raw = append(raw, b)
	}
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	if _, err := w.Write(bytes.Join(raw, []byte{0})); err != nil {
		return "", fmt.Errorf("vc: compress: %w", err)
	}
	if err := w.Close(); err != nil {
		return "", fmt.Errorf("vc: compress: %w", err)
	}
	return QRPrefix + base45Encode(buf.Bytes()), nil
}

// FromQR unpacks a QR payload into the compact JWS.
func FromQR(s string) (string, error) {
	b, err := base45Decode(strings.TrimPrefix(s, QRPrefix))
	if err != nil {
		return "", fmt.Errorf("vc: QR payload: %w", err)
	}
	raw, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(b)), maxQRBytes+1))
	if err != nil || len(raw) > maxQRBytes {
		return "", fmt.Errorf("vc: QR payload does not inflate")
	}
	parts := bytes.SplitN(raw, []byte{0}, 3)
	if len(parts) != 3 {
		return "", errors.New("vc: QR payload has not three parts")
	}
	enc := make([]string, 3)
	for i, p := range parts {
		enc[i] = base64.RawURLEncoding.EncodeToString(p)
	}
	return strings.Join(enc, "."), nil
}
