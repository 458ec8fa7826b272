package marketplace

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/balanceentry"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/digitalplatform"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/marketplace/checks"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Order is what the recipient's app sends to buy a course.
type Order struct {
	CourseID, PlatformID pulid.ID
	ClientID             string
}

// errRefused is a purchase the conditional balance decrement refused (the
// balance did not cover the price, or the recipient stopped being active).
var errRefused = errors.New("balance decrement refused")

// Purchase buys o's course for the signed-in recipient, exactly once per
// client id: a resend returns the stored purchase (CONFLICT when it was
// for another course), and concurrent resends are settled by the unique
// idempotency key. In one transaction: the balance decrement (conditional:
// it refuses rather than go below zero), the purchase, its ledger entry,
// the course's purchase count and the end of the 30-day clock.
func (s *Service) Purchase(ctx context.Context, o Order) (*ent.Purchase, error) {
	v, err := rule.RequireRecipient(ctx, "marketplace.purchase", msg.PurchaseRecipientsOnly)
	if err != nil {
		return nil, err
	}
	if err := checks.CheckClientID(o.ClientID); err != nil {
		return nil, err
	}
	sys := rule.System(ctx, "purchase by the signed-in recipient, checked by the marketplace")
	key := checks.IdempotencyKey(string(v.RecipientID), o.ClientID)
	if p, err := s.replay(sys, key, o); p != nil || err != nil {
		return p, err
	}
	c, err := s.admit(sys, v.RecipientID, o)
	if err != nil {
		return s.settled(sys, key, o, err)
	}
	p, err := s.buy(sys, v.RecipientID, c, o, key)
	switch {
	case ent.IsConstraintError(err):
		return s.settled(sys, key, o, fmt.Errorf("purchase: %w", err))
	case errors.Is(err, errRefused):
		return s.settled(sys, key, o, s.refusal(sys, v.RecipientID, c.Price))
	}
	return p, err
}

// settled answers a purchase that failed: when a concurrent send of the same
// client id won meanwhile (its debit is why this one saw too little balance,
// or its row why this one hit the unique key), the winner's purchase is the
// answer; otherwise failure stands.
func (s *Service) settled(ctx context.Context, key string, o Order, failure error) (*ent.Purchase, error) {
	if p, err := s.replay(ctx, key, o); p != nil || err != nil {
		return p, err
	}
	return nil, failure
}

// replay returns the purchase stored under key: the same one for the same
// course and platform, CONFLICT for another; (nil, nil) when there is none.
func (s *Service) replay(ctx context.Context, key string, o Order) (*ent.Purchase, error) {
	p, err := s.client.Purchase.Query().Where(purchase.IdempotencyKey(key)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("look up purchase %q: %w", key, err)
	}
	if p.CourseID != o.CourseID || p.DigitalPlatformID != o.PlatformID {
		return nil, apperr.E(apperr.Conflict, msg.PurchaseClientIDDiffers).InField("clientId")
	}
	return p, nil
}

// admit checks the buyer, the course and its platform, and the balance as
// it is now (the transaction decides again, atomically).
func (s *Service) admit(ctx context.Context, rid pulid.ID, o Order) (*ent.Course, error) {
	r, err := s.client.Recipient.Get(ctx, rid)
	if err != nil {
		return nil, fmt.Errorf("load recipient: %w", err)
	}
	if err := checks.CheckBuyer(string(r.Status)); err != nil {
		return nil, err
	}
	c, err := s.client.Course.Query().Where(course.ID(o.CourseID)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, checks.CheckCourse("unknown")
	}
	if err != nil {
		return nil, fmt.Errorf("load course: %w", err)
	}
	if err := checks.CheckCourse(string(c.Status)); err != nil {
		return nil, err
	}
	sold, err := c.QueryPlatforms().Where(digitalplatform.ID(o.PlatformID)).Exist(ctx)
	if err != nil {
		return nil, fmt.Errorf("course platforms: %w", err)
	}
	if !sold {
		return nil, apperr.Invalid("platformId", msg.PurchasePlatform)
	}
	return c, checks.CheckBalance(c.Price, r.TrainingBalance)
}

// buy writes the purchase in one transaction.
func (s *Service) buy(ctx context.Context, rid pulid.ID, c *ent.Course, o Order, key string) (*ent.Purchase, error) {
	now := s.now()
	var p *ent.Purchase
	err := database.WithTx(ctx, s.client, func(tx *ent.Tx) error {
		var err error
		p, err = tx.Purchase.Create().SetRecipientID(rid).SetCourseID(c.ID).SetDigitalPlatformID(o.PlatformID).
			SetPrice(c.Price).SetInvoiceCode(invoiceCode(now)).SetIdempotencyKey(key).
			SetCreatedAt(now).SetUpdatedAt(now).Save(ctx)
		if err != nil {
			return fmt.Errorf("save purchase: %w", err)
		}
		after, err := s.debit(ctx, tx, rid, c.Price, now)
		if err != nil {
			return err
		}
		if err := s.record(ctx, tx, p, balanceentry.KindPurchase, -c.Price, after, now); err != nil {
			return err
		}
		if err := journey.RecordFirstPurchase(ctx, tx, rid, now); err != nil {
			return err
		}
		// Last: a popular course's row is the hottest lock of a purchase
		// (PostgreSQL), held from here to the commit only.
		if err := tx.Course.UpdateOneID(c.ID).AddPurchaseCount(1).Exec(ctx); err != nil {
			return fmt.Errorf("count purchase: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p.Unwrap(), nil // off the committed transaction: the resolvers load its edges
}

// debit takes price from an active recipient's balance in one conditional
// statement (never read-then-write): errRefused when it does not cover
// the price. It returns the balance after.
func (s *Service) debit(ctx context.Context, tx *ent.Tx, rid pulid.ID, price money.Rupiah, now time.Time) (money.Rupiah, error) {
	after, err := s.adjust(ctx, tx, `UPDATE recipients SET training_balance = training_balance - ?, updated_at = ?
		WHERE id = ? AND training_balance >= ? AND status = 'recipient' RETURNING training_balance`,
		int64(price), now, string(rid), int64(price))
	if errors.Is(err, sql.ErrNoRows) {
		return 0, errRefused
	}
	return after, err
}

// credit returns amount to the recipient's balance and returns the balance after.
func (s *Service) credit(ctx context.Context, tx *ent.Tx, rid pulid.ID, amount money.Rupiah, now time.Time) (money.Rupiah, error) {
	return s.adjust(ctx, tx, `UPDATE recipients SET training_balance = training_balance + ?, updated_at = ?
		WHERE id = ? RETURNING training_balance`, int64(amount), now, string(rid))
}

// adjust runs one balance statement returning the new balance
// (sql.ErrNoRows when it matched no row).
func (s *Service) adjust(ctx context.Context, tx *ent.Tx, q string, args ...any) (money.Rupiah, error) {
	rows, err := tx.QueryContext(ctx, s.dialect.Rebind(q), args...)
	if err != nil {
		return 0, fmt.Errorf("adjust balance: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return 0, fmt.Errorf("adjust balance: %w", err)
		}
		return 0, sql.ErrNoRows
	}
	var after int64
	if err := rows.Scan(&after); err != nil {
		return 0, fmt.Errorf("adjust balance: %w", err)
	}
	return money.Rupiah(after), rows.Close()
}

// record appends p's ledger entry of kind (key "<kind>:<purchaseID>").
func (s *Service) record(ctx context.Context, tx *ent.Tx, p *ent.Purchase, kind balanceentry.Kind, amount, after money.Rupiah, now time.Time) error {
	err := tx.BalanceEntry.Create().SetRecipientID(p.RecipientID).SetKind(kind).SetAmount(amount).
		SetBalanceAfter(after).SetPurchaseID(p.ID).SetKey(fmt.Sprintf("%s:%s", kind, p.ID)).SetCreatedAt(now).Exec(ctx)
	if err != nil {
		return fmt.Errorf("ledger %s of %s: %w", kind, p.ID, err)
	}
	return nil
}

// refusal explains a decrement the store refused, from the recipient as
// the transaction found them.
func (s *Service) refusal(ctx context.Context, rid pulid.ID, price money.Rupiah) error {
	r, err := s.client.Recipient.Get(ctx, rid)
	if err != nil {
		return fmt.Errorf("load recipient: %w", err)
	}
	if err := checks.CheckBuyer(string(r.Status)); err != nil {
		return err
	}
	return checks.BalanceShort(price, r.TrainingBalance)
}

// invoiceCode is a readable, unique invoice number: INV/<year>/<month>/
// and ten random characters of Crockford's base 32 (50 bits).
func invoiceCode(now time.Time) string {
	const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
	var b [10]byte
	_, _ = rand.Read(b[:]) // crypto/rand does not fail on supported platforms
	for i := range b {
		b[i] = alphabet[b[i]&31]
	}
	return fmt.Sprintf("INV/%d/%02d/%s", now.Year(), int(now.Month()), b[:])
}
