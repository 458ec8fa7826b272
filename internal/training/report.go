package training

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/certificate"
	"github.com/kartuprakerja/platform/ent/domainevent"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/trainingreport"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/partnerapi"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Scope is the partner API scope that grants reporting.
const Scope = "training:write"

// TopicFirstCertificate is the domain event of a recipient's first certificate.
const TopicFirstCertificate = "certificate.first_issued"

// Outcome is what a report did.
type Outcome struct {
	Purchase *ent.Purchase
	Replayed bool // the same key and content came before: nothing new happened
	Applied  bool // the report changed the purchase
}

// Report applies one report of the viewer's platform in one transaction
// and returns the purchase as it is after it.
func (s *Service) Report(ctx context.Context, r Report) (*ent.Purchase, error) {
	out, err := s.ReportAll(ctx, []Report{r})
	if err != nil {
		return nil, err
	}
	return out[0].Purchase, nil
}

// ReportAll applies reports of the viewer's platform in order, all in one
// transaction: one refused report refuses them all (an xAPI batch).
func (s *Service) ReportAll(ctx context.Context, rs []Report) ([]Outcome, error) {
	platformID, err := platformOf(ctx)
	if err != nil {
		return nil, err
	}
	now := s.now()
	for i := range rs {
		rs[i] = rs[i].Normalize()
		if err := rs[i].Validate(now, s.cfg.ClockSkew); err != nil {
			return nil, err
		}
	}
	out := make([]Outcome, len(rs))
	sys := rule.System(ctx, "training report of a platform, authorised")
	err = database.WithTx(sys, s.client, func(tx *ent.Tx) error {
		for i, r := range rs {
			o, err := s.apply(sys, tx, platformID, r, now)
			if err != nil {
				return err
			}
			out[i] = o
		}
		return nil
	})
	if err != nil {
		return nil, reused(err)
	}
	for i := range out {
		out[i].Purchase = out[i].Purchase.Unwrap() // read its edges outside the closed transaction
	}
	return out, nil
}

// platformOf returns the reporting platform: a platform account (a key
// must hold the training scope).
func platformOf(ctx context.Context) (pulid.ID, error) {
	v, err := rule.Require(ctx, "training.report", viewer.RolePlatform)
	if err != nil {
		return "", err
	}
	if partnerapi.KeyCaller(v) && !slices.Contains(v.Scopes, Scope) {
		return "", apperr.E(apperr.Forbidden, msg.ScopeMissing, Scope)
	}
	if v.OrgID == "" {
		return "", apperr.E(apperr.Forbidden, msg.TrainingPlatformOnly)
	}
	return v.OrgID, nil
}

// reused turns a unique violation on the report key (the same key used at
// once for two purchases) into the CONFLICT of a reused key.
func reused(err error) error {
	if ent.IsConstraintError(err) {
		return apperr.Wrap(apperr.Conflict, err, msg.TrainingKeyReused).InField("idempotencyKey")
	}
	return err
}

func (s *Service) apply(ctx context.Context, tx *ent.Tx, platformID pulid.ID, r Report, now time.Time) (Outcome, error) {
	p, err := database.ForUpdate(s.dialect, tx.Purchase.Query().
		Where(purchase.RedemptionCode(r.Code), purchase.DigitalPlatformID(platformID))).Only(ctx)
	if ent.IsNotFound(err) {
		return Outcome{}, apperr.E(apperr.NotFound, msg.TrainingCodeNotFound).InField("code")
	}
	if err != nil {
		return Outcome{}, fmt.Errorf("load purchase: %w", err)
	}
	if r.Learner != nil && *r.Learner != LearnerOf(p) {
		return Outcome{}, apperr.Invalid("actor", msg.XAPIActorMismatch)
	}
	hash := r.ContentHash()
	prev, err := tx.TrainingReport.Query().
		Where(trainingreport.DigitalPlatformID(platformID), trainingreport.IdempotencyKey(r.Key)).Only(ctx)
	switch {
	case err == nil && prev.ContentHash == hash && prev.PurchaseID == p.ID:
		return Outcome{Purchase: p, Replayed: true, Applied: prev.Applied}, nil
	case err == nil:
		return Outcome{}, apperr.E(apperr.Conflict, msg.TrainingKeyReused).InField("idempotencyKey")
	case !ent.IsNotFound(err):
		return Outcome{}, fmt.Errorf("load report: %w", err)
	}
	at := now
	if r.At != nil {
		at = *r.At
	}
	next, applied, err := Apply(stateOf(p), r.Kind, r.Value, at)
	if err != nil {
		return Outcome{}, err
	}
	if applied {
		if p, err = save(ctx, tx, p, next, now); err != nil {
			return Outcome{}, err
		}
	}
	if err := record(ctx, tx, platformID, p.ID, r, hash, at, applied); err != nil {
		return Outcome{}, err
	}
	if applied && next.Certifiable() {
		if err := s.certify(ctx, tx, p, *next.PostTest, at); err != nil {
			return Outcome{}, err
		}
	}
	return Outcome{Purchase: p, Applied: applied}, nil
}

func stateOf(p *ent.Purchase) State {
	return State{Status: Status(p.Status), Progress: p.ProgressPercent, PreTest: p.PreTestScore,
		PostTest: p.PostTestScore, RedeemedAt: p.RedeemedAt, ProgressAt: p.ProgressAt, CompletedAt: p.CompletedAt}
}

// save writes the new state of p (one UPDATE, no read back) and returns
// p with it.
func save(ctx context.Context, tx *ent.Tx, p *ent.Purchase, st State, now time.Time) (*ent.Purchase, error) {
	err := tx.Purchase.Update().Where(purchase.ID(p.ID)).SetStatus(purchase.Status(st.Status)).
		SetProgressPercent(st.Progress).SetNillablePreTestScore(st.PreTest).SetNillablePostTestScore(st.PostTest).
		SetNillableRedeemedAt(st.RedeemedAt).SetNillableProgressAt(st.ProgressAt).
		SetNillableCompletedAt(st.CompletedAt).SetUpdatedAt(now).Exec(ctx)
	if err != nil {
		return nil, fmt.Errorf("save purchase: %w", err)
	}
	out := *p
	out.Status, out.ProgressPercent, out.PreTestScore, out.PostTestScore = purchase.Status(st.Status), st.Progress, st.PreTest, st.PostTest
	out.RedeemedAt, out.ProgressAt, out.CompletedAt, out.UpdatedAt = st.RedeemedAt, st.ProgressAt, st.CompletedAt, now
	return &out, nil
}

// record writes the report row.
func record(ctx context.Context, tx *ent.Tx, platformID, purchaseID pulid.ID, r Report, hash string, at time.Time, applied bool) error {
	c := tx.TrainingReport.Create().SetDigitalPlatformID(platformID).SetPurchaseID(purchaseID).
		SetIdempotencyKey(r.Key).SetKind(trainingreport.Kind(r.Kind)).SetChannel(trainingreport.Channel(r.Channel)).
		SetContentHash(hash).SetOccurredAt(at).SetApplied(applied)
	if r.Kind.hasValue() {
		c.SetValue(r.Value)
	}
	if r.Statement != "" {
		c.SetStatement(r.Statement)
	}
	if err := c.Exec(ctx); err != nil {
		return fmt.Errorf("record report: %w", err)
	}
	return nil
}

// certify issues p's certificate unless it has one; the recipient's first
// certificate publishes TopicFirstCertificate, once (the key is unique).
func (s *Service) certify(ctx context.Context, tx *ent.Tx, p *ent.Purchase, score int, at time.Time) error {
	if s.issuer == nil {
		return nil
	}
	had, err := tx.Certificate.Query().Where(certificate.PurchaseID(p.ID)).Exist(ctx)
	if err != nil || had {
		return err
	}
	c, err := s.issuer.Issue(ctx, tx, p, score, at)
	if err != nil {
		return fmt.Errorf("issue certificate: %w", err)
	}
	n, err := tx.Certificate.Query().Where(certificate.RecipientID(p.RecipientID)).Count(ctx)
	if err != nil || n != 1 {
		return err
	}
	rid := p.RecipientID
	err = tx.DomainEvent.Create().SetTopic(TopicFirstCertificate).
		SetKey(TopicFirstCertificate + ":" + string(rid)).SetRecipientID(rid).
		SetPayload(map[string]string{"certificateId": string(c.ID), "purchaseId": string(p.ID),
			"courseId": string(p.CourseID), "issuedAt": c.IssuedAt.UTC().Format(time.RFC3339)}).
		OnConflictColumns(domainevent.FieldKey).DoNothing().Exec(ctx)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("publish first certificate: %w", err)
	}
	return nil
}
