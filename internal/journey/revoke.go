package journey

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/balanceentry"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/audit"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// ReasonNoPurchase is the revocation reason of the 30-day rule, stored as
// its message key and shown in the reader's language.
const ReasonNoPurchase = string(msg.RevokedNoPurchase)

// RecordFirstPurchase stops the recipient's 30-day clock. The marketplace
// calls it, in the purchase's transaction, for every purchase: only the
// first one counts, so repeating it is harmless.
func RecordFirstPurchase(ctx context.Context, tx *ent.Tx, recipientID pulid.ID, at time.Time) error {
	n, err := tx.Recipient.Update().
		Where(recipient.ID(recipientID), recipient.FirstPurchaseAtIsNil()).
		SetFirstPurchaseAt(at).Save(rule.System(ctx, "first purchase stops the 30-day clock"))
	if err != nil {
		return fmt.Errorf("record first purchase: %w", err)
	}
	if n == 0 {
		return nil // not the first purchase
	}
	return audit.Record(ctx, tx.Client(), audit.Entry{Action: "recipient.first_purchase",
		TargetType: "Recipient", TargetID: recipientID})
}

// ClockResult counts what one run of the 30-day clock did.
type ClockResult struct{ Warned, Revoked int }

// EnforcePurchaseDeadline runs the 30-day rule at now: recipients accepted
// more than PurchaseWithin ago who bought nothing are revoked (balance
// forfeited); those within WarnBefore of the deadline are warned (once:
// the notification's event key dedupes). It is idempotent and safe to run
// from several servers; a scheduler runs it every hour.
func (s *Service) EnforcePurchaseDeadline(ctx context.Context) (ClockResult, error) {
	ctx = rule.System(ctx, "30-day first-purchase rule")
	now := s.now()
	var res ClockResult
	due, err := s.client.Recipient.Query().Where(recipient.StatusEQ(recipient.StatusRecipient),
		recipient.FirstPurchaseAtIsNil(), recipient.AcceptedAtLTE(now.Add(-s.cfg.PurchaseWithin))).All(ctx)
	if err != nil {
		return res, fmt.Errorf("find overdue recipients: %w", err)
	}
	for _, r := range due {
		ok, err := s.revoke(ctx, r.ID, ReasonNoPurchase, "recipient.revoked.no_purchase")
		if err != nil {
			return res, err
		}
		if ok {
			res.Revoked++
		}
	}
	warn, err := s.client.Recipient.Query().Where(recipient.StatusEQ(recipient.StatusRecipient),
		recipient.FirstPurchaseAtIsNil(),
		recipient.AcceptedAtLTE(now.Add(-(s.cfg.PurchaseWithin - s.cfg.WarnBefore))),
		recipient.AcceptedAtGT(now.Add(-s.cfg.PurchaseWithin))).All(ctx)
	if err != nil {
		return res, fmt.Errorf("find recipients to warn: %w", err)
	}
	for _, r := range warn {
		err := withTx(ctx, s.client, func(tx *ent.Tx) error {
			return s.notify.RevocationWarning(ctx, tx, r, r.AcceptedAt.Add(s.cfg.PurchaseWithin))
		})
		if err != nil {
			return res, fmt.Errorf("warn %s: %w", r.ID, err)
		}
		res.Warned++
	}
	return res, nil
}

// RevokeRecipient is a staff decision: revoke a recipient with a reason
// shown to them. Only admins may (rule.NeedRevokeRecipient: a program
// decision; support agents look recipients up but do not revoke them).
func (s *Service) RevokeRecipient(ctx context.Context, id pulid.ID, reason string) (*ent.Recipient, error) {
	if _, err := rule.NeedRevokeRecipient().Check(ctx); err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if len(reason) < 10 {
		return nil, apperr.Invalid("reason", msg.RevokeReason)
	}
	ok, err := s.revoke(ctx, id, reason, "recipient.revoked.by_staff")
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, apperr.E(apperr.Conflict, msg.OnlyActiveRevoked)
	}
	return s.client.Recipient.Get(ctx, id)
}

// revoke moves an active recipient to revoked, forfeiting the balance, with
// an audit entry and a notification, in one transaction. It reports false
// when the recipient was not active (already revoked, for instance).
func (s *Service) revoke(ctx context.Context, id pulid.ID, reason, action string) (bool, error) {
	done := false
	err := withTx(ctx, s.client, func(tx *ent.Tx) error {
		sys := rule.System(ctx, "revocation")
		// The row is locked (PostgreSQL; SQLite's transaction holds the write
		// lock) so the balance forfeited is the one set to zero.
		before, err := database.ForUpdate(s.dialect, tx.Recipient.Query().Where(recipient.ID(id))).Only(sys)
		if err != nil {
			return err
		}
		n, err := tx.Recipient.Update().Where(recipient.ID(id), recipient.StatusEQ(recipient.StatusRecipient)).
			SetStatus(recipient.StatusRevoked).SetRevokedAt(s.now()).SetRevocationReason(reason).
			SetTrainingBalance(0).Save(ctx)
		if err != nil || n == 0 {
			return err
		}
		if err := s.forfeit(sys, tx, before); err != nil {
			return err
		}
		r, err := tx.Recipient.Get(sys, id)
		if err != nil {
			return err
		}
		if err := audit.Record(ctx, tx.Client(), audit.Entry{Action: action, TargetType: "Recipient",
			TargetID: id, Reason: reason}); err != nil {
			return err
		}
		done = true
		return s.notify.Revoked(ctx, tx, r)
	})
	return done, err
}

// forfeit appends the forfeit of r's remaining balance to the ledger (key
// "forfeit:<recipientID>", amount -balance), so the ledger's sum stays the
// balance (now zero). Nothing is written for an empty balance.
func (s *Service) forfeit(ctx context.Context, tx *ent.Tx, r *ent.Recipient) error {
	if r.TrainingBalance == 0 {
		return nil
	}
	err := tx.BalanceEntry.Create().SetRecipientID(r.ID).SetKind(balanceentry.KindForfeit).
		SetAmount(-r.TrainingBalance).SetBalanceAfter(0).SetKey("forfeit:" + string(r.ID)).
		SetCreatedAt(s.now()).Exec(ctx)
	if err != nil {
		return fmt.Errorf("forfeit balance of %s: %w", r.ID, err)
	}
	return nil
}
