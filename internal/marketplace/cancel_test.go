package marketplace_test

import (
	"errors"
	"testing"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/balanceentry"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
)

// TestCancel: the recipient cancels an unredeemed purchase: status
// cancelled, price back with a cancellation entry, the course counts one
// fewer, the 30-day clock stays stopped; again returns it unchanged; a
// redeemed or refunded purchase conflicts; another's is not found.
func TestCancel(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		c := e.course(t, course.StatusPublished, 300_000)
		ctx, r := e.recipient(t, recipient.StatusRecipient, 1_000_000)
		p, err := e.svc.Purchase(ctx, e.order(c, "a"))
		must(t, err)
		got, err := e.svc.Cancel(ctx, p.ID)
		must(t, err)
		if got.Status != purchase.StatusCancelled || got.CancelledAt == nil {
			t.Fatalf("cancelled %+v", got)
		}
		e.checkLedger(t, r, 1_000_000)
		be := db.Client.BalanceEntry.Query().Where(balanceentry.KindEQ(balanceentry.KindCancellation)).OnlyX(sys())
		if be.Amount != 300_000 || be.BalanceAfter != 1_000_000 || be.Key != "cancellation:"+string(p.ID) {
			t.Errorf("entry %+v", be)
		}
		if n := db.Client.Course.GetX(sys(), c.ID).PurchaseCount; n != 0 {
			t.Errorf("purchase count %d", n)
		}
		if rec := db.Client.Recipient.GetX(sys(), r.ID); rec.FirstPurchaseAt == nil || e.svc.PurchaseDeadline(rec) != nil {
			t.Errorf("the 30-day clock restarted: %v", rec.FirstPurchaseAt)
		}
		again, err := e.svc.Cancel(ctx, p.ID)
		must(t, err)
		if again.ID != p.ID || again.Status != purchase.StatusCancelled {
			t.Errorf("again %+v", again)
		}
		e.checkLedger(t, r, 1_000_000)

		redeemed, err := e.svc.Purchase(ctx, e.order(c, "b"))
		must(t, err)
		db.Client.Purchase.UpdateOneID(redeemed.ID).SetStatus(purchase.StatusRedeemed).ExecX(sys())
		refunded, err := e.svc.Purchase(ctx, e.order(e.course(t, course.StatusPublished, 100_000), "c"))
		must(t, err)
		db.Client.Purchase.UpdateOneID(refunded.ID).SetStatus(purchase.StatusRefunded).ExecX(sys())
		otherCtx, _ := e.recipient(t, recipient.StatusRecipient, 1_000_000)
		mine, err := e.svc.Purchase(ctx, e.order(c, "d"))
		must(t, err)
		for _, tc := range []struct {
			name string
			p    *ent.Purchase
			ctx  func() error
			code apperr.Code
		}{
			{"redeemed", redeemed, func() error { _, err := e.svc.Cancel(ctx, redeemed.ID); return err }, apperr.Conflict},
			{"refunded", refunded, func() error { _, err := e.svc.Cancel(ctx, refunded.ID); return err }, apperr.Conflict},
			{"another's", mine, func() error { _, err := e.svc.Cancel(otherCtx, mine.ID); return err }, apperr.NotFound},
			{"unknown", mine, func() error { _, err := e.svc.Cancel(ctx, "pu01unknown"); return err }, apperr.NotFound},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if got := codeOf(tc.ctx()); got != tc.code {
					t.Fatalf("code %s, want %s", got, tc.code)
				}
				if p := db.Client.Purchase.GetX(sys(), tc.p.ID); p.Status != tc.p.Status && tc.name != "redeemed" && tc.name != "refunded" {
					t.Errorf("status changed to %s", p.Status)
				}
			})
		}
		e.checkLedger(t, r, 1_000_000-300_000-100_000-300_000)
	})
}

// TestRefundUnredeemed: suspension refunds every paid purchase of the
// course (price back, refund entry, count down) and leaves redeemed ones
// and other courses alone; a second run refunds nothing.
func TestRefundUnredeemed(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		c := e.course(t, course.StatusPublished, 200_000)
		other := e.course(t, course.StatusPublished, 200_000)
		ctx1, r1 := e.recipient(t, recipient.StatusRecipient, 1_000_000)
		ctx2, r2 := e.recipient(t, recipient.StatusRecipient, 1_000_000)
		p1, err := e.svc.Purchase(ctx1, e.order(c, "1"))
		must(t, err)
		_, err = e.svc.Purchase(ctx2, e.order(c, "2"))
		must(t, err)
		used, err := e.svc.Purchase(ctx2, e.order(c, "3"))
		must(t, err)
		db.Client.Purchase.UpdateOneID(used.ID).SetStatus(purchase.StatusRedeemed).ExecX(sys())
		_, err = e.svc.Purchase(ctx1, e.order(other, "4"))
		must(t, err)
		for run, want := range []int{2, 0} {
			var n int
			must(t, database.WithTx(sys(), db.Client, func(tx *ent.Tx) error {
				n, err = e.svc.RefundUnredeemed(sys(), tx, c.ID, "suspended by monitoring")
				return err
			}))
			if n != want {
				t.Fatalf("run %d refunded %d, want %d", run, n, want)
			}
		}
		e.checkLedger(t, r1, 800_000)
		e.checkLedger(t, r2, 800_000)
		if p := db.Client.Purchase.GetX(sys(), p1.ID); p.Status != purchase.StatusRefunded || p.CancelledAt == nil {
			t.Errorf("refunded %+v", p)
		}
		if n := db.Client.BalanceEntry.Query().Where(balanceentry.KindEQ(balanceentry.KindRefund)).CountX(sys()); n != 2 {
			t.Errorf("%d refund entries", n)
		}
		if n := db.Client.Course.GetX(sys(), c.ID).PurchaseCount; n != 1 {
			t.Errorf("purchase count %d, want 1 (the redeemed one)", n)
		}
		if n := db.Client.Course.GetX(sys(), other.ID).PurchaseCount; n != 1 {
			t.Errorf("other course's count %d", n)
		}
	})
}

// TestLedgerAppendOnly: no context, the system's included, updates or
// deletes a ledger entry.
func TestLedgerAppendOnly(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		_, r := e.recipient(t, recipient.StatusRecipient, 1_000_000)
		be := db.Client.BalanceEntry.Query().Where(balanceentry.RecipientID(r.ID)).OnlyX(sys())
		for name, write := range map[string]func() error{
			"update one": func() error { return db.Client.BalanceEntry.UpdateOneID(be.ID).Exec(sys()) },
			"update":     func() error { _, err := db.Client.BalanceEntry.Update().Save(sys()); return err },
			"delete one": func() error { return db.Client.BalanceEntry.DeleteOneID(be.ID).Exec(sys()) },
			"delete":     func() error { _, err := db.Client.BalanceEntry.Delete().Exec(sys()); return err },
		} {
			if err := write(); !errors.Is(err, schema.ErrLedgerAppendOnly) {
				t.Errorf("%s: %v", name, err)
			}
		}
		e.checkLedger(t, r, 1_000_000)
	})
}
