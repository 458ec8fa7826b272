package marketplace_test

import (
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/marketplace"
	"github.com/kartuprakerja/platform/internal/msg"
)

func TestRules(t *testing.T) {
	code := func(err error) apperr.Code { return codeOf(err) }
	tests := []struct {
		name string
		err  error
		want apperr.Code
	}{
		{"client id 1", marketplace.CheckClientID("a"), ""},
		{"client id 64", marketplace.CheckClientID(strings.Repeat("é", 64)), ""},
		{"client id empty", marketplace.CheckClientID(""), apperr.BadUserInput},
		{"client id 65", marketplace.CheckClientID(strings.Repeat("a", 65)), apperr.BadUserInput},
		{"recipient buys", marketplace.CheckBuyer("recipient"), ""},
		{"revoked", marketplace.CheckBuyer("revoked"), apperr.Forbidden},
		{"verified", marketplace.CheckBuyer("verified"), apperr.Forbidden},
		{"rejected", marketplace.CheckBuyer("rejected"), apperr.Forbidden},
		{"published", marketplace.CheckCourse("published"), ""},
		{"suspended", marketplace.CheckCourse("suspended"), apperr.Conflict},
		{"proposed", marketplace.CheckCourse("proposed"), apperr.NotFound},
		{"rejected course", marketplace.CheckCourse("rejected"), apperr.NotFound},
		{"price equals balance", marketplace.CheckBalance(500, 500), ""},
		{"price above balance", marketplace.CheckBalance(501, 500), apperr.Conflict},
	}
	for _, tc := range tests {
		if got := code(tc.err); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	e, _ := apperr.As(marketplace.CheckBalance(552_000, 100_000))
	if m := e.Message(msg.EN); m != "Your training balance is not enough: the price is Rp552,000, your balance is Rp100,000." {
		t.Errorf("message %q", m)
	}
	if k := marketplace.IdempotencyKey("rc1", "x"); k != "rc1:x" {
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
		got := marketplace.Deadline(tc.status, tc.accepted, tc.buy, month)
		if (got == nil) != (tc.want == nil) || got != nil && !got.Equal(*tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

func ptr[T any](v T) *T { return &v }
