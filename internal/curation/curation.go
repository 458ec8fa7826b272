// Package curation owns the curation of the catalogue and the reviews:
// institutions propose courses (idempotent per institution), assessors
// score a proposed course on the 52 assessment indicators (a pass publishes
// it, a fail rejects it with reasons) and a published course on the 40
// monitoring indicators (a fail suspends it and refunds the unredeemed
// purchases through the Refunder), recipients review a completed purchase
// once, and staff hide abusive reviews. Every decision is audited in the
// transaction that makes it. The indicators and pass rules are in the
// indicator subpackage; docs/curation.md explains them.
//
// It does not own the refund itself (the marketplace does, behind
// Refunder), nor who reads a course or a review (the ent privacy policies
// of Course, CourseAssessment and Review).
package curation

import (
	"context"
	"log/slog"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
)

// Refunder refunds every unredeemed (paid) purchase of a course in tx,
// returning how many; the marketplace implements it.
type Refunder interface {
	RefundUnredeemed(ctx context.Context, tx *ent.Tx, courseID pulid.ID, reason string) (int, error)
}

// Deps are the Service's collaborators.
type Deps struct {
	Client   *ent.Client
	Dialect  string // the store's dialect: row locks on PostgreSQL
	Refunder Refunder
	Log      *slog.Logger     // nil discards
	Now      func() time.Time // nil is time.Now
}

// Service runs curation and reviews.
type Service struct {
	client   *ent.Client
	dialect  database.Dialect
	refunder Refunder
	log      *slog.Logger
	now      func() time.Time
}

// New returns a Service.
func New(d Deps) *Service {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{client: d.Client, dialect: database.Dialect(d.Dialect), refunder: d.Refunder, log: d.Log, now: d.Now}
}

// Limits of a proposal and a review.
const (
	// MaxPrice is the training balance a recipient receives (Rp1,000,000):
	// a course above it could never be bought with the card alone.
	MaxPrice     = 1_000_000
	MaxHours     = 1000
	MaxTags      = 10
	MaxTagLen    = 40
	MaxKeyLen    = 128
	MaxReviewLen = 2000
	MinHideLen   = 10
	// MaxAssessmentsShown is how many decisions Course.assessments lists
	// (the newest); courseAssessments pages through all.
	MaxAssessmentsShown = 50
)
