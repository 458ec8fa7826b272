// Package stem owns the Indonesian stemmer of catalogue search: the Snowball
// Indonesian algorithm (Tala's rules as Snowball publishes them), which is
// what PostgreSQL's `indonesian` text-search configuration runs. SQLite has
// no stemmer, so its search documents and queries are stemmed here in Go;
// the tests check it word for word against PostgreSQL.
package stem

import (
	"strings"
	"unicode"
)

// Prefix kinds the suffix rules depend on (Snowball's I_prefix).
const (
	prefixNone = iota
	prefixDiMengTer
	prefixPe
	prefixKePeng
	prefixBer
)

// stemmer is the state of one word being stemmed.
type stemmer struct {
	w       string
	measure int // vowels left in w: affixes come off only while it is above 2
	prefix  int
}

// Word returns the stem of a lower-case word. Words of two vowels or fewer
// come back unchanged.
func Word(w string) string {
	s := stemmer{w: w, measure: vowels(w)}
	if s.measure <= 2 {
		return w
	}
	s.cut(particles)
	if s.measure <= 2 {
		return s.w
	}
	s.cut(possessives)
	if s.measure <= 2 {
		return s.w
	}
	if s.firstOrderPrefix() {
		if s.measure > 2 && s.suffix() && s.measure > 2 {
			s.secondOrderPrefix()
		}
		return s.w
	}
	s.secondOrderPrefix()
	if s.measure > 2 {
		s.suffix()
	}
	return s.w
}

var (
	particles   = []string{"kah", "lah", "pun"}
	possessives = []string{"nya", "ku", "mu"}
)

// cut removes the first of ends that w ends with.
func (s *stemmer) cut(ends []string) {
	for _, e := range ends {
		if strings.HasSuffix(s.w, e) {
			s.w = s.w[:len(s.w)-len(e)]
			s.measure--
			return
		}
	}
}

// suffix removes -kan, -an or -i where the prefix taken allows it.
func (s *stemmer) suffix() bool {
	w := s.w
	switch {
	case strings.HasSuffix(w, "kan") && s.prefix != prefixKePeng && s.prefix != prefixPe:
		s.w = w[:len(w)-3]
	case strings.HasSuffix(w, "an") && s.prefix != prefixDiMengTer:
		s.w = w[:len(w)-2]
	case strings.HasSuffix(w, "i") && s.prefix <= prefixPe && !strings.HasSuffix(w, "si"):
		s.w = w[:len(w)-1]
	default:
		return false
	}
	s.measure--
	return true
}

// firstOrderPrefix removes di-, ke-, me(N)-, pe(N)- or ter-.
func (s *stemmer) firstOrderPrefix() bool {
	w := s.w
	afterIsVowel := func(n int) bool { return len(w) > n && isVowel(w[n]) }
	var cut, kind int
	repl := ""
	switch {
	case strings.HasPrefix(w, "meng"):
		cut, kind = 4, prefixDiMengTer
	case strings.HasPrefix(w, "meny") && afterIsVowel(4):
		cut, kind, repl = 4, prefixDiMengTer, "s"
	case strings.HasPrefix(w, "men"):
		cut, kind = 3, prefixDiMengTer
	case strings.HasPrefix(w, "mem"):
		cut, kind = 3, prefixDiMengTer
		if afterIsVowel(3) {
			repl = "p"
		}
	case strings.HasPrefix(w, "me"), strings.HasPrefix(w, "di"), strings.HasPrefix(w, "ter"):
		cut, kind = 2, prefixDiMengTer
		if w[0] == 't' {
			cut = 3
		}
	case strings.HasPrefix(w, "peng"):
		cut, kind = 4, prefixKePeng
	case strings.HasPrefix(w, "peny") && afterIsVowel(4):
		cut, kind, repl = 4, prefixKePeng, "s"
	case strings.HasPrefix(w, "pen"), strings.HasPrefix(w, "ke"):
		cut, kind = 3, prefixKePeng
		if w[0] == 'k' {
			cut = 2
		}
	case strings.HasPrefix(w, "pem"):
		cut, kind = 3, prefixKePeng
		if afterIsVowel(3) {
			repl = "p"
		}
	default:
		return false
	}
	s.w, s.prefix = repl+w[cut:], kind
	s.measure--
	return true
}

// secondOrderPrefix removes ber-, be- (before a consonant and "er"), per-,
// pe-, and turns belajar/pelajar into ajar.
func (s *stemmer) secondOrderPrefix() {
	w := s.w
	switch {
	case strings.HasPrefix(w, "belajar"):
		s.w, s.prefix = "ajar"+w[7:], prefixBer
	case strings.HasPrefix(w, "ber"):
		s.w, s.prefix = w[3:], prefixBer
	case strings.HasPrefix(w, "be") && len(w) >= 5 && !isVowel(w[2]) && w[3:5] == "er":
		s.w, s.prefix = w[2:], prefixBer
	case strings.HasPrefix(w, "pelajar"):
		s.w = "ajar" + w[7:]
	case strings.HasPrefix(w, "per"):
		s.w, s.prefix = w[3:], prefixPe
	case strings.HasPrefix(w, "pe"):
		s.w, s.prefix = w[2:], prefixPe
	default:
		return
	}
	s.measure--
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func vowels(w string) int {
	n := 0
	for i := range len(w) {
		if isVowel(w[i]) {
			n++
		}
	}
	return n
}

// Tokens splits text into lower-case words of letters and digits, the
// units both stores index.
func Tokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Stems is the stem of each word of text, in order.
func Stems(text string) []string {
	t := Tokens(text)
	for i, w := range t {
		t[i] = Word(w)
	}
	return t
}
