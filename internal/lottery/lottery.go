// Package lottery owns the selection algorithm of a wave, in a form anyone
// can recompute from published data:
//
//  1. Before the wave closes the program publishes commitment =
//     hex(SHA-256(seed)), where seed is a secret random string.
//  2. After closing it publishes the seed, the quota of every province and
//     the applicant list: application id, province code, and whether the
//     applicant was eligible at selection time.
//  3. Every eligible applicant's key is hex(SHA-256(seed + ":" + id)).
//     Within each province, eligible applicants are ordered by key (then
//     id); the first quota of them are selected, in that order (rank 1…),
//     the rest are not selected (ranks continue). Ineligible applicants are
//     excluded and have no rank.
//
// The result depends only on the published data, so `prakerja
// verify-selection` reproduces it exactly.
package lottery

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
)

// Entry is one applicant of the published list.
type Entry struct {
	ID       string
	Province string
	Eligible bool
}

// Status of an applicant after the draw.
type Status string

// Statuses.
const (
	Selected    Status = "selected"
	NotSelected Status = "not_selected"
	Excluded    Status = "excluded"
)

// Outcome is one applicant's result.
type Outcome struct {
	ID       string
	Province string
	Status   Status
	Rank     int // 1-based within the province; 0 when excluded
}

// Commitment returns hex(SHA-256(seed)).
func Commitment(seed string) string {
	h := sha256.Sum256([]byte(seed))
	return hex.EncodeToString(h[:])
}

// Key is an applicant's draw key.
func Key(seed, id string) [32]byte { return sha256.Sum256([]byte(seed + ":" + id)) }

type keyed struct {
	key [32]byte
	idx int
}

// Draw runs the lottery. The outcomes come back in the order of entries.
func Draw(seed string, entries []Entry, quotas map[string]int) []Outcome {
	out := make([]Outcome, len(entries))
	byProvince := map[string][]keyed{}
	for i, e := range entries {
		out[i] = Outcome{ID: e.ID, Province: e.Province, Status: Excluded}
		if e.Eligible {
			byProvince[e.Province] = append(byProvince[e.Province], keyed{Key(seed, e.ID), i})
		}
	}
	for prov, ks := range byProvince {
		slices.SortFunc(ks, func(a, b keyed) int {
			if c := bytes.Compare(a.key[:], b.key[:]); c != 0 {
				return c
			}
			return strings.Compare(entries[a.idx].ID, entries[b.idx].ID)
		})
		q := quotas[prov]
		for rank, k := range ks {
			o := &out[k.idx]
			o.Rank = rank + 1
			o.Status = NotSelected
			if rank < q {
				o.Status = Selected
			}
		}
	}
	return out
}
