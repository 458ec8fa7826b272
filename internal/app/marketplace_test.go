package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/balanceentry"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/rule"
)

const buyCourse = `mutation($c: ID!, $p: ID!, $k: String!) {
  purchaseCourse(courseId: $c, platformId: $p, clientId: $k) {
    id status price invoiceCode redemptionCode redeemUrl cancellable course { id title } platform { id name }
  }
}`

type boughtPurchase struct {
	ID, Status, InvoiceCode, RedemptionCode, RedeemURL string
	Price                                              int64
	Cancellable                                        bool
}

// TestPurchaseStopsThe30DayRule: a seeded recipient within the 30 days sees
// the deadline on the dashboard, buys a published course through GraphQL
// (code and the platform's redeem URL), the deadline is gone, and the
// hourly 30-day rule does not revoke them once the 30 days have passed,
// while an identical recipient who bought nothing is revoked (balance
// forfeited in the ledger). Refusals come back typed; a cancellation
// returns the price and the clock stays stopped.
func TestPurchaseStopsThe30DayRule(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := seededStack(t, db)
		sys := rule.System(context.Background(), "test")
		buyer, idle := freshRecipients(t, db, sys)
		c := gqltest.SignIn(t, s.URL, s.SMS, buyer.Edges.Account.Phone)
		c.Language = "en"

		var dash struct {
			Me struct {
				Recipient struct{ PurchaseDeadline *time.Time }
			}
		}
		c.Do(t, `{ me { recipient { purchaseDeadline } } }`, nil).MustData(t, &dash)
		want := buyer.AcceptedAt.Add(30 * 24 * time.Hour)
		if d := dash.Me.Recipient.PurchaseDeadline; d == nil || !d.Equal(want) {
			t.Fatalf("deadline %v, want %v", d, want)
		}
		co := db.Client.Course.Query().Where(course.StatusEQ(course.StatusPublished),
			course.PriceLTE(buyer.TrainingBalance)).WithPlatforms().FirstX(sys)
		pl := co.Edges.Platforms[0]
		vars := map[string]any{"c": co.ID, "p": pl.ID, "k": "app-1"}
		var out struct{ PurchaseCourse boughtPurchase }
		c.Do(t, buyCourse, vars).MustData(t, &out)
		p := out.PurchaseCourse
		if p.Status != "paid" || !p.Cancellable || p.Price != int64(co.Price) ||
			p.RedeemURL != strings.TrimRight(pl.URL, "/")+"/prakerja/tukar?kode="+p.RedemptionCode {
			t.Errorf("purchase %+v (platform url %q)", p, pl.URL)
		}
		var again struct{ PurchaseCourse boughtPurchase }
		c.Do(t, buyCourse, vars).MustData(t, &again)
		if again.PurchaseCourse.ID != p.ID {
			t.Errorf("resend made a second purchase")
		}
		c.Do(t, `{ me { recipient { purchaseDeadline } } }`, nil).MustData(t, &dash)
		if dash.Me.Recipient.PurchaseDeadline != nil {
			t.Errorf("deadline still shown after buying")
		}
		for name, tc := range map[string]struct {
			vars map[string]any
			code string
		}{
			"unknown course": {map[string]any{"c": "co01JZZZZZZZZZZZZZZZZZZZZZ", "p": pl.ID, "k": "x1"}, "NOT_FOUND"},
			"empty client":   {map[string]any{"c": co.ID, "p": pl.ID, "k": ""}, "BAD_USER_INPUT"},
			"client reused":  {map[string]any{"c": otherCourse(t, db, sys, co).ID, "p": pl.ID, "k": "app-1"}, "CONFLICT"},
		} {
			if r := c.Do(t, buyCourse, tc.vars); len(r.Errors) != 1 || r.Errors[0].Code() != tc.code {
				t.Errorf("%s: %+v, want %s", name, r.Errors, tc.code)
			}
		}

		// Day 31: the rule revokes the idle recipient only.
		for _, r := range []*ent.Recipient{buyer, idle} {
			db.Client.Recipient.UpdateOneID(r.ID).SetAcceptedAt(time.Now().Add(-31 * 24 * time.Hour)).ExecX(sys)
		}
		if _, err := s.App.Journey.EnforcePurchaseDeadline(context.Background()); err != nil {
			t.Fatal(err)
		}
		if st := db.Client.Recipient.GetX(sys, buyer.ID).Status; st != recipient.StatusRecipient {
			t.Errorf("the buyer was %s by the 30-day rule", st)
		}
		if st := db.Client.Recipient.GetX(sys, idle.ID).Status; st != recipient.StatusRevoked {
			t.Errorf("the idle recipient is %s, want revoked (the rule did not run?)", st)
		}

		// Cancelling returns the price; the clock stays stopped.
		var cancelled struct{ CancelPurchase struct{ Status string } }
		c.Do(t, `mutation($id: ID!) { cancelPurchase(purchaseId: $id) { status } }`, map[string]any{"id": p.ID}).MustData(t, &cancelled)
		if cancelled.CancelPurchase.Status != "cancelled" {
			t.Errorf("cancel: %+v", cancelled)
		}
		if _, err := s.App.Journey.EnforcePurchaseDeadline(context.Background()); err != nil {
			t.Fatal(err)
		}
		for _, r := range []*ent.Recipient{buyer, idle} {
			checkRecipientLedger(t, db, sys, r.ID)
		}
		if st := db.Client.Recipient.GetX(sys, buyer.ID).Status; st != recipient.StatusRecipient {
			t.Errorf("the buyer was %s after cancelling", st)
		}
	})
}

// freshRecipients makes two seeded card holders as if accepted 29 days ago
// with nothing bought yet.
func freshRecipients(t *testing.T, db *database.DB, sys context.Context) (*ent.Recipient, *ent.Recipient) {
	t.Helper()
	rs := db.Client.Recipient.Query().Where(recipient.StatusEQ(recipient.StatusRecipient),
		recipient.TrainingBalanceGTE(1_000_000), recipient.HasAccountWith(account.PhoneNEQ("+6281200000001"))).
		Limit(2).AllX(sys)
	if len(rs) < 2 {
		t.Fatalf("%d seeded recipients with a balance", len(rs))
	}
	for i, r := range rs {
		rs[i] = db.Client.Recipient.UpdateOne(r).SetAcceptedAt(time.Now().Add(-29 * 24 * time.Hour).Truncate(time.Second)).
			ClearFirstPurchaseAt().SaveX(sys)
		rs[i].Edges.Account = r.QueryAccount().OnlyX(sys)
	}
	return rs[0], rs[1]
}

func otherCourse(t *testing.T, db *database.DB, sys context.Context, not *ent.Course) *ent.Course {
	t.Helper()
	return db.Client.Course.Query().Where(course.StatusEQ(course.StatusPublished), course.IDNEQ(not.ID)).FirstX(sys)
}

// checkRecipientLedger: the balance is the ledger's sum, never negative.
func checkRecipientLedger(t *testing.T, db *database.DB, sys context.Context, id pulid.ID) {
	t.Helper()
	r := db.Client.Recipient.GetX(sys, id)
	var sum money.Rupiah
	for _, e := range db.Client.BalanceEntry.Query().Where(balanceentry.RecipientID(id)).AllX(sys) {
		sum += e.Amount
	}
	if sum != r.TrainingBalance || sum < 0 {
		t.Errorf("recipient %s (%s): balance %d, ledger sum %d", id, r.Status, r.TrainingBalance, sum)
	}
}
