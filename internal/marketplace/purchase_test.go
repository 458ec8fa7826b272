package marketplace_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/balanceentry"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/hook"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/marketplace"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestPurchaseRefusals: every refused purchase has its typed code (and
// field), and writes nothing: balance, ledger, purchases and the course's
// count unchanged.
func TestPurchaseRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		published := e.course(t, course.StatusPublished, 500_000)
		tests := []struct {
			name    string
			status  recipient.Status
			balance money.Rupiah
			ctx     func(context.Context) context.Context // replaces the buyer's context when set
			order   func(marketplace.Order) marketplace.Order
			code    apperr.Code
			field   string
			text    string
		}{
			{name: "not signed in", status: "recipient", balance: 1_000_000, code: apperr.Unauthenticated,
				ctx: func(context.Context) context.Context { return context.Background() }},
			{name: "staff", status: "recipient", balance: 1_000_000, code: apperr.Forbidden,
				ctx: func(context.Context) context.Context {
					return viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: "ac1", Role: viewer.RoleAdmin})
				}},
			{name: "applicant not selected", status: "verified", balance: 1_000_000, code: apperr.Forbidden, text: "belum menjadi penerima"},
			{name: "registered only", status: "registered", balance: 0, code: apperr.Forbidden, text: "belum menjadi penerima"},
			{name: "revoked", status: "revoked", balance: 1_000_000, code: apperr.Forbidden, text: "dicabut"},
			{name: "unknown course", status: "recipient", balance: 1_000_000, code: apperr.NotFound, field: "courseId",
				order: func(o marketplace.Order) marketplace.Order { o.CourseID = "co01unknown"; return o }},
			{name: "proposed course", status: "recipient", balance: 1_000_000, code: apperr.NotFound, field: "courseId",
				order: e.withCourse(t, course.StatusProposed)},
			{name: "rejected course", status: "recipient", balance: 1_000_000, code: apperr.NotFound, field: "courseId",
				order: e.withCourse(t, course.StatusRejected)},
			{name: "suspended course", status: "recipient", balance: 1_000_000, code: apperr.Conflict, field: "courseId",
				text: "dihentikan sementara", order: e.withCourse(t, course.StatusSuspended)},
			{name: "platform not the course's", status: "recipient", balance: 1_000_000, code: apperr.BadUserInput, field: "platformId",
				order: func(o marketplace.Order) marketplace.Order { o.PlatformID = e.world.Platform2.ID; return o }},
			{name: "unknown platform", status: "recipient", balance: 1_000_000, code: apperr.BadUserInput, field: "platformId",
				order: func(o marketplace.Order) marketplace.Order { o.PlatformID = "dp01unknown"; return o }},
			{name: "price above balance", status: "recipient", balance: 499_999, code: apperr.Conflict,
				text: "harga Rp500.000, saldo Anda Rp499.999"},
			{name: "empty client id", status: "recipient", balance: 1_000_000, code: apperr.BadUserInput, field: "clientId",
				order: func(o marketplace.Order) marketplace.Order { o.ClientID = ""; return o }},
			{name: "client id of 65", status: "recipient", balance: 1_000_000, code: apperr.BadUserInput, field: "clientId",
				order: func(o marketplace.Order) marketplace.Order { o.ClientID = strings.Repeat("x", 65); return o }},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				ctx, r := e.recipient(t, tc.status, tc.balance)
				if tc.ctx != nil {
					ctx = tc.ctx(ctx)
				}
				o := e.order(published, "c-1")
				if tc.order != nil {
					o = tc.order(o)
				}
				_, err := e.svc.Purchase(ctx, o)
				if got := codeOf(err); got != tc.code {
					t.Fatalf("code %s, want %s (%v)", got, tc.code, err)
				}
				if ae, ok := apperr.As(err); ok {
					if _, has := ae.Fields[tc.field]; tc.field != "" && !has {
						t.Errorf("no message on field %s: %v", tc.field, ae.Fields)
					}
					if m := ae.Message(msg.ID); !strings.Contains(m, tc.text) {
						t.Errorf("message %q lacks %q", m, tc.text)
					}
				}
				e.checkLedger(t, r, tc.balance)
				if n := db.Client.Purchase.Query().Where(purchase.RecipientID(r.ID)).CountX(sys()); n != 0 {
					t.Errorf("%d purchases written", n)
				}
				if c := db.Client.Course.GetX(sys(), published.ID); c.PurchaseCount != 0 {
					t.Errorf("purchase count %d", c.PurchaseCount)
				}
			})
		}
	})
}

// withCourse returns an order change to a new course of status.
func (e *env) withCourse(t *testing.T, status course.Status) func(marketplace.Order) marketplace.Order {
	c := e.course(t, status, 100_000)
	return func(o marketplace.Order) marketplace.Order { o.CourseID = c.ID; return o }
}

// TestPurchaseWrites: an accepted purchase debits the balance, stores a
// paid purchase with a readable invoice code and a redemption code, a
// ledger entry, counts the purchase on the course and stops the 30-day
// clock, all at once; a client id of 64 characters is accepted.
func TestPurchaseWrites(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		c := e.course(t, course.StatusPublished, 400_000)
		ctx, r := e.recipient(t, recipient.StatusRecipient, 1_000_000)
		p, err := e.svc.Purchase(ctx, e.order(c, strings.Repeat("k", 64)))
		must(t, err)
		if p.Status != purchase.StatusPaid || p.Price != 400_000 || p.RecipientID != r.ID {
			t.Errorf("purchase %+v", p)
		}
		if !regexp.MustCompile(`^INV/2026/12/[0-9A-Z]{10}$`).MatchString(p.InvoiceCode) {
			t.Errorf("invoice code %q", p.InvoiceCode)
		}
		if !regexp.MustCompile(`^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$`).MatchString(p.RedemptionCode) {
			t.Errorf("redemption code %q", p.RedemptionCode)
		}
		e.checkLedger(t, r, 600_000)
		be := db.Client.BalanceEntry.Query().Where(balanceentry.KindEQ(balanceentry.KindPurchase)).OnlyX(sys())
		if be.Amount != -400_000 || be.BalanceAfter != 600_000 || be.Key != "purchase:"+string(p.ID) || *be.PurchaseID != p.ID {
			t.Errorf("entry %+v", be)
		}
		if n := db.Client.Course.GetX(sys(), c.ID).PurchaseCount; n != 1 {
			t.Errorf("purchase count %d", n)
		}
		got := db.Client.Recipient.GetX(sys(), r.ID)
		if got.FirstPurchaseAt == nil || !got.FirstPurchaseAt.Equal(e.now) {
			t.Errorf("first purchase at %v", got.FirstPurchaseAt)
		}
		if e.svc.PurchaseDeadline(got) != nil {
			t.Error("deadline shown after a purchase")
		}
		// A second purchase keeps the first purchase time.
		e.now = e.now.Add(48 * 3600e9)
		_, err = e.svc.Purchase(ctx, e.order(e.course(t, course.StatusPublished, 100_000), "k2"))
		must(t, err)
		if got := db.Client.Recipient.GetX(sys(), r.ID); !got.FirstPurchaseAt.Equal(e.now.Add(-48 * 3600e9)) {
			t.Errorf("first purchase moved to %v", got.FirstPurchaseAt)
		}
		e.checkLedger(t, r, 500_000)
	})
}

// TestPurchaseIdempotent: a resend returns the same purchase and debits
// once; the same client id for another course conflicts; another
// recipient's identical client id is a purchase of its own.
func TestPurchaseIdempotent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		c := e.course(t, course.StatusPublished, 300_000)
		other := e.course(t, course.StatusPublished, 100_000)
		ctx, r := e.recipient(t, recipient.StatusRecipient, 1_000_000)
		p1, err := e.svc.Purchase(ctx, e.order(c, "same"))
		must(t, err)
		p2, err := e.svc.Purchase(ctx, e.order(c, "same"))
		must(t, err)
		if p1.ID != p2.ID {
			t.Fatalf("resend made %s and %s", p1.ID, p2.ID)
		}
		e.checkLedger(t, r, 700_000)
		_, err = e.svc.Purchase(ctx, e.order(other, "same"))
		if codeOf(err) != apperr.Conflict {
			t.Fatalf("same client id, other course: %v", err)
		}
		ctx2, r2 := e.recipient(t, recipient.StatusRecipient, 1_000_000)
		p3, err := e.svc.Purchase(ctx2, e.order(c, "same"))
		must(t, err)
		if p3.ID == p1.ID || p3.RecipientID != r2.ID {
			t.Errorf("another recipient got %+v", p3)
		}
		e.checkLedger(t, r, 700_000)
		if n := db.Client.Course.GetX(sys(), c.ID).PurchaseCount; n != 2 {
			t.Errorf("purchase count %d", n)
		}
	})
}

// TestPurchaseRace: purchases racing for a balance that covers one: exactly
// one wins, the others are refused with CONFLICT, and the balance is the
// ledger's sum, never negative. Concurrent resends of one client id all
// return the one purchase.
func TestPurchaseRace(t *testing.T) {
	const n = 8
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		courses := make([]*ent.Course, n)
		for i := range courses {
			courses[i] = e.course(t, course.StatusPublished, 600_000)
		}
		t.Run("different courses", func(t *testing.T) {
			ctx, r := e.recipient(t, recipient.StatusRecipient, 1_000_000)
			errs := race(n, func(i int) error {
				_, err := e.svc.Purchase(ctx, e.order(courses[i], fmt.Sprintf("race-%d", i)))
				return err
			})
			won := 0
			for _, err := range errs {
				switch codeOf(err) {
				case "":
					won++
				case apperr.Conflict:
				default:
					t.Errorf("refusal %v", err)
				}
			}
			if won != 1 {
				t.Fatalf("%d purchases won, want 1", won)
			}
			e.checkLedger(t, r, 400_000)
		})
		t.Run("one client id", func(t *testing.T) {
			ctx, r := e.recipient(t, recipient.StatusRecipient, 1_000_000)
			ids := make([]string, n)
			errs := race(n, func(i int) error {
				p, err := e.svc.Purchase(ctx, e.order(courses[0], "resent"))
				if err == nil {
					ids[i] = string(p.ID)
				}
				return err
			})
			for i, err := range errs {
				if err != nil || ids[i] != ids[0] {
					t.Fatalf("resend %d: %s %v (first %s)", i, ids[i], err, ids[0])
				}
			}
			e.checkLedger(t, r, 400_000)
		})
	})
}

// race runs f(0..n-1) at once and returns their errors.
func race(n int, f func(i int) error) []error {
	errs := make([]error, n)
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range n {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			errs[i] = f(i)
		}()
	}
	start.Done()
	done.Wait()
	return errs
}

// TestRevokedDuringPurchase: a recipient revoked after the checks but
// before the balance decrement (here: inside the purchase's transaction)
// buys nothing: the decrement's own status condition refuses it.
func TestRevokedDuringPurchase(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		c := e.course(t, course.StatusPublished, 100_000)
		ctx, r := e.recipient(t, recipient.StatusRecipient, 1_000_000)
		db.Client.Purchase.Use(func(next ent.Mutator) ent.Mutator {
			return hook.PurchaseFunc(func(hctx context.Context, m *ent.PurchaseMutation) (ent.Value, error) {
				if err := m.Client().Recipient.UpdateOneID(r.ID).SetStatus(recipient.StatusRevoked).Exec(sys()); err != nil {
					return nil, err
				}
				return next.Mutate(hctx, m)
			})
		})
		_, err := e.svc.Purchase(ctx, e.order(c, "x"))
		if got := codeOf(err); got != apperr.Conflict && got != apperr.Forbidden {
			t.Fatalf("purchase by a recipient revoked meanwhile: %v", err)
		}
		e.checkLedger(t, r, 1_000_000)
		if n := db.Client.Purchase.Query().CountX(sys()); n != 0 {
			t.Errorf("%d purchases written", n)
		}
	})
}
