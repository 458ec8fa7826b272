package marketplace

import (
	"context"
	"fmt"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/balanceentry"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Cancel cancels the signed-in recipient's own purchase while its code is
// unredeemed: the price returns to the balance (ledger kind cancellation)
// and the course counts one purchase fewer. Cancelling a cancelled
// purchase returns it; another's purchase is not found (privacy).
//
// The 30-day clock is not restarted: first_purchase_at stays (see checks.Deadline).
func (s *Service) Cancel(ctx context.Context, id pulid.ID) (*ent.Purchase, error) {
	if _, err := rule.RequireRecipient(ctx, "marketplace.cancel", msg.PurchaseRecipientsOnly); err != nil {
		return nil, err
	}
	p, err := s.client.Purchase.Get(ctx, id) // the viewer's privacy: own purchases only
	if ent.IsNotFound(err) {
		return nil, apperr.E(apperr.NotFound, msg.PurchaseNotFound).InField("purchaseId")
	}
	if err != nil {
		return nil, fmt.Errorf("load purchase: %w", err)
	}
	sys := rule.System(ctx, "cancellation by the purchase's recipient")
	err = database.WithTx(sys, s.client, func(tx *ent.Tx) error {
		return s.giveBack(sys, tx, p, purchase.StatusCancelled, balanceentry.KindCancellation)
	})
	if err != nil {
		return nil, err
	}
	p, err = s.client.Purchase.Get(sys, id)
	if err != nil {
		return nil, fmt.Errorf("reload purchase: %w", err)
	}
	if p.Status != purchase.StatusCancelled {
		return nil, apperr.E(apperr.Conflict, msg.PurchaseNotCancellable).InField("purchaseId")
	}
	return p, nil
}

// RefundUnredeemed refunds every paid purchase of a course (curation
// suspended it) in tx: each becomes refunded, its price returns to the
// balance (ledger kind refund). It returns how many; reason goes to the log.
func (s *Service) RefundUnredeemed(ctx context.Context, tx *ent.Tx, courseID pulid.ID, reason string) (int, error) {
	ctx = rule.System(ctx, "refund of unredeemed purchases of a suspended course")
	q := tx.Purchase.Query().Where(purchase.CourseID(courseID), purchase.StatusEQ(purchase.StatusPaid)).Order(purchase.ByID())
	ps, err := database.ForUpdate(s.dialect, q).All(ctx)
	if err != nil {
		return 0, fmt.Errorf("unredeemed purchases of %s: %w", courseID, err)
	}
	n := 0
	for _, p := range ps {
		if err := s.giveBack(ctx, tx, p, purchase.StatusRefunded, balanceentry.KindRefund); err != nil {
			return n, err
		}
		n++
	}
	s.log.Info("refunded unredeemed purchases", "course", courseID, "purchases", n, "reason", reason)
	return n, nil
}

// giveBack ends a paid purchase with status (cancelled or refunded) and
// returns its price with a ledger entry of kind, in tx. The status change
// is conditional on paid, so a purchase is given back at most once; a
// purchase no longer paid is left as it is.
func (s *Service) giveBack(ctx context.Context, tx *ent.Tx, p *ent.Purchase, status purchase.Status, kind balanceentry.Kind) error {
	now := s.now()
	n, err := tx.Purchase.Update().Where(purchase.ID(p.ID), purchase.StatusEQ(purchase.StatusPaid)).
		SetStatus(status).SetCancelledAt(now).SetUpdatedAt(now).Save(ctx)
	if err != nil || n == 0 {
		return err
	}
	after, err := s.credit(ctx, tx, p.RecipientID, p.Price, now)
	if err != nil {
		return err
	}
	if err := s.record(ctx, tx, p, kind, p.Price, after, now); err != nil {
		return err
	}
	return uncount(ctx, tx, p.CourseID)
}

// uncount takes a cancelled or refunded purchase off the course's count.
func uncount(ctx context.Context, tx *ent.Tx, courseID pulid.ID) error {
	err := tx.Course.Update().Where(course.ID(courseID), course.PurchaseCountGT(0)).AddPurchaseCount(-1).Exec(ctx)
	if err != nil {
		return fmt.Errorf("uncount purchase: %w", err)
	}
	return nil
}
