// Package registry owns the checks of an applicant against outside
// registries: identity at Dukcapil (NIK, KK number, birth date, mother's
// maiden name) and the exclusion registries (DAPODIK and PDDikti students,
// social-assistance (DTKS), civil servants, village heads, BSU and BPUM
// recipients, past Prakerja recipients). Each has two implementations: an
// HTTP client of the registry API (docs/registry.md) and an embedded
// registry over the seeded synthetic population, so a default install works
// with no outside service.
package registry

import (
	"context"
	"errors"
	"strings"
	"time"
)

// Identity is what the applicant states.
type Identity struct {
	NIK              string    `json:"nik"`
	KKNumber         string    `json:"kkNumber"`
	FullName         string    `json:"fullName"`
	BirthDate        time.Time `json:"-"`
	MotherMaidenName string    `json:"motherMaidenName"`
}

// Mismatch reasons a population registry reports.
const (
	NIKNotFound       = "nik_not_found"
	KKMismatch        = "kk_mismatch"
	BirthDateMismatch = "birth_date_mismatch"
	MotherMismatch    = "mother_mismatch"
	NameMismatch      = "name_mismatch"
	Deceased          = "deceased"
)

// Verdict is the population registry's answer.
type Verdict struct {
	Match  bool   `json:"match"`
	Reason string `json:"reason,omitempty"` // one of the mismatch reasons when !Match
}

// Population verifies identities (Dukcapil).
type Population interface {
	Verify(ctx context.Context, id Identity) (Verdict, error)
}

// Exclusions lists the exclusion registries that hold a NIK.
type Exclusions interface {
	Listings(ctx context.Context, nik string) ([]string, error)
}

// Checker answers both questions at once, when a registry can (the
// embedded one reads one row for both).
type Checker interface {
	Check(ctx context.Context, id Identity) (Verdict, []string, error)
}

// ErrUnavailable means the registry could not answer (timeout, 5xx, circuit
// open, malformed answer): the check may be retried later; nothing about
// the applicant is known.
var ErrUnavailable = errors.New("registry unavailable")

// ExclusionRegistries lists the exclusion registries, in the order checked.
func ExclusionRegistries() []string {
	return []string{"dapodik", "pddikti", "dtks", "pns", "kades", "bsu", "bpum", "prakerja"}
}

// NormalizeName compares names case- and space-insensitively.
func NormalizeName(s string) string {
	return strings.Join(strings.Fields(strings.ToUpper(s)), " ")
}
