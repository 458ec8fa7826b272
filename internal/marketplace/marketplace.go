// Package marketplace owns step 4's buying half: purchases of courses from
// the training balance (idempotent by the app's client id, one winner when
// purchases race for one balance), cancellations by the recipient while the
// code is unredeemed, refunds when curation suspends a course, and the
// append-only balance ledger that records every change of a balance: the
// sum of a recipient's entries is their balance, never below zero.
package marketplace

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/marketplace/checks"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Deps are the Service's collaborators.
type Deps struct {
	Client  *ent.Client
	Dialect string           // the store's dialect
	Log     *slog.Logger     // optional
	Now     func() time.Time // optional: time.Now
	// PurchaseWithin is the 30-day rule's window (journey.Config.PurchaseWithin).
	PurchaseWithin time.Duration
}

// Service sells courses for the training balance.
type Service struct {
	client  *ent.Client
	dialect database.Dialect
	log     *slog.Logger
	now     func() time.Time
	within  time.Duration
}

// New returns a Service.
func New(d Deps) *Service {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.PurchaseWithin == 0 {
		d.PurchaseWithin = 30 * 24 * time.Hour
	}
	return &Service{client: d.Client, dialect: database.Dialect(d.Dialect), log: d.Log, now: d.Now, within: d.PurchaseWithin}
}

// PurchaseDeadline is the last moment for r's first purchase (accepted_at +
// the 30-day window) while r is an active recipient who bought nothing; nil
// otherwise.
func (s *Service) PurchaseDeadline(r *ent.Recipient) *time.Time {
	return checks.Deadline(string(r.Status), r.AcceptedAt, r.FirstPurchaseAt, s.within)
}

// RedeemURL is where the recipient uses p's code: the platform's page for it.
func (s *Service) RedeemURL(ctx context.Context, p *ent.Purchase) (string, error) {
	pl, err := p.Edges.PlatformOrErr()
	if err != nil {
		pl, err = s.client.DigitalPlatform.Get(rule.System(ctx, "platform of a readable purchase"), p.DigitalPlatformID)
		if err != nil {
			return "", fmt.Errorf("platform of purchase %s: %w", p.ID, err)
		}
	}
	return RedeemURL(pl.URL, p.RedemptionCode), nil
}

// RedeemURL joins a platform's base URL and the path that takes a code.
func RedeemURL(base, code string) string {
	return strings.TrimRight(base, "/") + "/prakerja/tukar?kode=" + url.QueryEscape(code)
}

// Cancellable reports whether the recipient may still cancel p.
func Cancellable(p *ent.Purchase) bool { return p.Status == purchase.StatusPaid }
