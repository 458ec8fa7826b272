package vc

import (
	"errors"
	"strings"
)

// base45 (RFC 9285) writes bytes in the 45 characters of a QR code's
// alphanumeric mode, which stores two of them in 11 bits: 8.25 bits a byte,
// against 10.7 for base64url in byte mode (the EU Digital COVID Certificate
// uses the same for the same reason).
const base45Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

func base45Encode(b []byte) string {
	var s strings.Builder
	for i := 0; i+1 < len(b); i += 2 {
		n := int(b[i])<<8 | int(b[i+1])
		s.WriteByte(base45Alphabet[n%45])
		s.WriteByte(base45Alphabet[n/45%45])
		s.WriteByte(base45Alphabet[n/2025])
	}
	if len(b)%2 == 1 {
		n := int(b[len(b)-1])
		s.WriteByte(base45Alphabet[n%45])
		s.WriteByte(base45Alphabet[n/45])
	}
	return s.String()
}

var errBase45 = errors.New("vc: not base45")

func base45Decode(s string) ([]byte, error) {
	if len(s)%3 == 1 {
		return nil, errBase45
	}
	var out []byte
	for i := 0; i < len(s); i += 3 {
		n, w := 0, 1
		end := min(i+3, len(s))
		for j := i; j < end; j++ {
			d := strings.IndexByte(base45Alphabet, s[j])
			if d < 0 {
				return nil, errBase45
			}
			n += d * w
			w *= 45
		}
		if end-i == 3 {
			if n > 0xffff {
				return nil, errBase45
			}
			out = append(out, byte(n>>8), byte(n))
		} else {
			if n > 0xff {
				return nil, errBase45
			}
			out = append(out, byte(n))
		}
	}
	return out, nil
}
