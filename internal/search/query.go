package search

import (
	"context"
	"fmt"
	"slices"

	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/search/stem"
)

// Typo tolerance: a query word of at least minFuzzyLen letters that is not
// a word of any title or tag is matched also to up to maxNear vocabulary
// words whose trigram similarity to it is at least minSimilarity.
const (
	minFuzzyLen   = 4
	maxNear       = 3
	minSimilarity = 0.35
	nearCandidate = 200
)

// parse splits the query into words and finds near words for those that
// look misspelt. A query of only spaces and punctuation has no words.
func (s *Service) parse(ctx context.Context, text string) (database.SearchQuery, error) {
	words := stem.Tokens(text)
	if len(words) > maxWords {
		words = words[:maxWords]
	}
	q := database.SearchQuery{Words: words, Near: make([][]string, len(words))}
	for i, w := range words {
		near, err := s.nearWords(ctx, w)
		if err != nil {
			return q, fmt.Errorf("search: %w", err)
		}
		q.Near[i] = append([]string{w}, near...)
	}
	return q, nil
}

// nearWords is near, remembered for nearTTL.
func (s *Service) nearWords(ctx context.Context, w string) ([]string, error) {
	if near, ok := s.near.Get(w); ok {
		return near, nil
	}
	near, err := s.lookupNear(ctx, w)
	if err == nil {
		s.near.Add(w, near)
	}
	return near, err
}

func (s *Service) lookupNear(ctx context.Context, w string) ([]string, error) {
	if len([]rune(w)) < minFuzzyLen {
		return nil, nil
	}
	cands, err := s.db.NearWords(ctx, w, nearCandidate)
	if err != nil {
		return nil, err
	}
	if slices.Contains(cands, w) {
		return nil, nil // a real word: no guessing
	}
	type scored struct {
		w   string
		sim float64
	}
	var best []scored
	for _, c := range cands {
		if sim := Similarity(w, c); sim >= minSimilarity {
			best = append(best, scored{c, sim})
		}
	}
	slices.SortFunc(best, func(x, y scored) int {
		if x.sim != y.sim {
			if x.sim > y.sim {
				return -1
			}
			return 1
		}
		return compareStrings(x.w, y.w)
	})
	var out []string
	for _, b := range best[:min(len(best), maxNear)] {
		out = append(out, b.w)
	}
	return out, nil
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Similarity is pg_trgm's similarity of two words: the share of their
// trigrams (the word padded with two spaces before and one after) they
// have in common.
func Similarity(a, b string) float64 {
	ta, tb := trigramSet(a), trigramSet(b)
	common := 0
	for g := range ta {
		if tb[g] {
			common++
		}
	}
	union := len(ta) + len(tb) - common
	if union == 0 {
		return 0
	}
	return float64(common) / float64(union)
}

func trigramSet(w string) map[string]bool {
	r := []rune("  " + w + " ")
	set := make(map[string]bool, len(r))
	for i := 0; i+3 <= len(r); i++ {
		set[string(r[i:i+3])] = true
	}
	return set
}
