package checks_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/marketplace"
	"github.com/kartuprakerja/platform/internal/marketplace/checks"
	"github.com/kartuprakerja/platform/internal/msg"
)

func TestRules(t *testing.T) {
	code := func(err error) apperr.Code {
		if e, ok := apperr.As(err); ok {
			return e.Code
		}
		return ""
	}
	tests := []struct {
		name string
		err  error
		want apperr.Code
	}{
		{"client id 1", checks.CheckClientID("a"), ""},
		{"client id 64", checks.CheckClientID(strings.Repeat("é", 64)), ""},
		{"client id empty", checks.CheckClientID(""), apperr.BadUserInput},
		{"client id 65", checks.CheckClientID(strings.Repeat("a", 65)), apperr.BadUserInput},
		{"recipient buys", checks.CheckBuyer("recipient"), ""},
		{"revoked", checks.CheckBuyer("revoked"), apperr.Forbidden},
		{"verified", checks.CheckBuyer("verified"), apperr.Forbidden},
		{"rejected", checks.CheckBuyer("rejected"), apperr.Forbidden},
		{"published", checks.CheckCourse("published"), ""},
		{"suspended", checks.CheckCourse("suspended"), apperr.Conflict},
		{"proposed", checks.CheckCourse("proposed"), apperr.NotFound},
		{"rejected course", checks.CheckCourse("rejected"), apperr.NotFound},
		{"price equals balance", checks.CheckBalance(500, 500), ""},
		{"price above balance", checks.CheckBalance(501, 500), apperr.Conflict},
	}
	for _, tc := range tests {
		if got := code(tc.err); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	e, _ := apperr.As(checks.CheckBalance(552_000, 100_000))
	if m := e.Message(msg.EN); m != "Your training balance is not enough: the price is Rp552,000, your balance is Rp100,000." {
		t.Errorf("message %q", m)
	}
	if k := checks.IdempotencyKey("rc1", "x"); k != "rc1:x" {
		t.Errorf("key %q", k)
	}
	if u := marketplace.RedeemURL("https://tokopedia.com/", "AB12-CD34"); u != "https://tokopedia.com/prakerja/tukar?kode=AB12-CD34" {
		t.Errorf("url %q", u)
	}
}

func TestDeadline(t *testing.T) {
	at := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	month := 30 * 24 * time.Hour
	for _, tc := range []struct {
		name          string
		status        string
		accepted, buy *time.Time
		want          *time.Time
	}{
		{"running", "recipient", &at, nil, ptr(at.Add(month))},
		{"bought", "recipient", &at, &at, nil},
		{"revoked", "revoked", &at, nil, nil},
		{"applicant", "verified", nil, nil, nil},
	} {
		got := checks.Deadline(tc.status, tc.accepted, tc.buy, month)
		if (got == nil) != (tc.want == nil) || got != nil && !got.Equal(*tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func ptr[T any](v T) *T { return &v }
