package stem_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/internal/search/stem"
)

// TestWordMatchesPostgres checks the stemmer word for word against
// PostgreSQL's `indonesian` configuration: testdata/oracle.tsv is each word
// of testdata/words.txt (the words of the seeded catalogue and affixed
// forms) with ts_lexize('indonesian_stem', word), written by
// internal/search's TestStemmerOracleFile from a live server.
func TestWordMatchesPostgres(t *testing.T) {
	f, err := os.Open("testdata/oracle.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		word, want, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("line %q", sc.Text())
		}
		if got := stem.Word(word); got != want {
			t.Errorf("Word(%q) = %q, PostgreSQL %q", word, got, want)
		}
		n++
	}
	if n < 600 {
		t.Errorf("only %d words in the oracle file", n)
	}
}

// TestRules pins each rule of the algorithm with a word it decides.
func TestRules(t *testing.T) {
	for _, c := range []struct{ word, want, rule string }{
		{"pemasaran", "pasar", "pem+vowel becomes p; -an"},
		{"memasarkan", "pasar", "mem+vowel becomes p; -kan"},
		{"membeli", "beli", "mem+consonant is removed"},
		{"pembeli", "beli", "pem+consonant is removed"},
		{"menyanyi", "sanyi", "meny+vowel becomes s"},
		{"penyanyi", "sanyi", "peny+vowel becomes s"},
		{"mengajar", "ajar", "meng"},
		{"menulis", "ulis", "men"},
		{"pelatihan", "latih", "pe + -an"},
		{"belajar", "ajar", "belajar"},
		{"pelajaran", "ajar", "pelajar + -an"},
		{"bekerja", "kerja", "be before consonant+er"},
		{"bermain", "main", "ber"},
		{"perbaikan", "baik", "per + -kan"},
		{"keamanan", "aman", "ke + -an"},
		{"dimulai", "mula", "di + -i"},
		{"terkenal", "kenal", "ter"},
		{"bukunya", "buku", "-nya"},
		{"apakah", "apa", "-kah"},
		{"itulah", "itu", "-lah"},
		{"siapapun", "siapa", "-pun"},
		{"makan", "makan", "two vowels: untouched"}, {"kuenya", "kue", "three vowels: -nya goes"},
		{"mencari", "cari", "men + -i"},
		{"berikah", "beri", "two vowels left after -kah: stop"},
		{"berinya", "beri", "two vowels left after -nya: stop"},
		{"bunyalah", "bunya", "two vowels left after -lah: -nya stays"},
		{"perbaiki", "baik", "per + -i"},
		{"analisis", "analisis", "-i kept after s"},
		{"", "", "empty"},
	} {
		if got := stem.Word(c.word); got != c.want {
			t.Errorf("%s: Word(%q) = %q, want %q", c.rule, c.word, got, c.want)
		}
	}
}

func TestTokens(t *testing.T) {
	got := strings.Join(stem.Tokens("  Desain UI/UX, (K3)!  Bahasa-Korea "), "|")
	if got != "desain|ui|ux|k3|bahasa|korea" {
		t.Errorf("Tokens = %q", got)
	}
	if got := stem.Tokens(" ,.!? -- "); len(got) != 0 {
		t.Errorf("punctuation only: %q", got)
	}
	if got := strings.Join(stem.Stems("Pelatihan Pemasaran"), " "); got != "latih pasar" {
		t.Errorf("Stems = %q", got)
	}
}
