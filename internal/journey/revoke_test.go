package journey_test

import (
	"context"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/rule"
)

// recordingNotifier counts the journey's events.
type recordingNotifier struct {
	journey.NopNotifier
	warned, revoked []string
}

func (n *recordingNotifier) RevocationWarning(_ context.Context, _ *ent.Tx, r *ent.Recipient, _ time.Time) error {
	n.warned = append(n.warned, string(r.ID))
	return nil
}

func (n *recordingNotifier) Revoked(_ context.Context, _ *ent.Tx, r *ent.Recipient) error {
	n.revoked = append(n.revoked, string(r.ID))
	return nil
}

func TestPurchaseDeadline(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil, nil)
		rec := &recordingNotifier{}
		svc := journey.New(journey.Deps{Client: db.Client, Regions: regionsStub{}, Notifier: rec, Dialect: db.Dialect},
			journey.DefaultConfig())
		sys := rule.System(context.Background(), "test")
		day := 24 * time.Hour
		accept := func(n int, ago time.Duration) *ent.Recipient {
			p := e.world.NewPerson(t, db.Client, 100+n, e.world.Platform)
			return db.Client.Recipient.UpdateOne(p.Recipient).SetAcceptedAt(time.Now().Add(-ago)).SaveX(sys)
		}
		fresh := accept(1, 2*day)    // nothing to do
		warn := accept(2, 25*day)    // within 7 days of the deadline
		overdue := accept(3, 31*day) // past the deadline
		bought := accept(4, 40*day)  // bought in time
		withTx(t, db, func(tx *ent.Tx) {
			if err := journey.RecordFirstPurchase(sys, tx, bought.ID, time.Now().Add(-35*day)); err != nil {
				t.Fatal(err)
			}
			// Repeating it does not move the date.
			if err := journey.RecordFirstPurchase(sys, tx, bought.ID, time.Now()); err != nil {
				t.Fatal(err)
			}
		})
		for range 2 { // a second run changes nothing
			if _, err := svc.EnforcePurchaseDeadline(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
		get := func(r *ent.Recipient) *ent.Recipient { return db.Client.Recipient.GetX(sys, r.ID) }
		if get(fresh).Status != "recipient" || get(warn).Status != "recipient" || get(bought).Status != "recipient" {
			t.Errorf("revoked someone within the rules")
		}
		if g := get(overdue); g.Status != "revoked" || g.TrainingBalance != 0 || g.RevocationReason == nil {
			t.Errorf("overdue recipient: %+v", g)
		}
		// The forfeit is a ledger entry of the balance the revocation zeroed.
		if f := overdue.QueryBalanceEntries().AllX(sys); len(f) != 1 || f[0].Kind != "forfeit" ||
			f[0].Amount != -overdue.TrainingBalance || f[0].BalanceAfter != 0 || f[0].Key != "forfeit:"+string(overdue.ID) {
			t.Errorf("forfeit entries %+v (balance was %d)", f, overdue.TrainingBalance)
		}
		if len(rec.revoked) != 1 || rec.revoked[0] != string(overdue.ID) {
			t.Errorf("revoked notifications %v", rec.revoked)
		}
		if len(rec.warned) != 2 || rec.warned[0] != string(warn.ID) {
			t.Errorf("warnings %v (the notifier dedupes repeats by event key)", rec.warned)
		}
		if p := get(bought); p.FirstPurchaseAt == nil || time.Since(*p.FirstPurchaseAt) < 30*day {
			t.Errorf("first purchase date moved: %v", p.FirstPurchaseAt)
		}
		if n := db.Client.AuditLog.Query().Where(auditlog.Action("recipient.revoked.no_purchase")).CountX(sys); n != 1 {
			t.Errorf("%d audit entries for the revocation", n)
		}
	})
}

func TestStaffRevocation(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	e := newEnv(t, db, nil, nil)
	p := e.world.NewPerson(t, db.Client, 1, e.world.Platform)
	if _, err := e.svc.RevokeRecipient(e.admin, p.Recipient.ID, "short"); !apperr.Is(err, apperr.BadUserInput) {
		t.Errorf("short reason: %v", err)
	}
	r, err := e.svc.RevokeRecipient(e.admin, p.Recipient.ID, "Data rekening terbukti palsu.")
	if err != nil || r.Status != "revoked" {
		t.Fatalf("revoke: %+v %v", r, err)
	}
	if _, err := e.svc.RevokeRecipient(e.admin, p.Recipient.ID, "Data rekening terbukti palsu."); !apperr.Is(err, apperr.Conflict) {
		t.Errorf("revoking twice: %v", err)
	}
	entry := db.Client.AuditLog.Query().Where(auditlog.Action("recipient.revoked.by_staff")).
		OnlyX(rule.System(context.Background(), "t"))
	if entry.Reason != "Data rekening terbukti palsu." || entry.ActorID == "" {
		t.Errorf("audit entry %+v", entry)
	}
}

func withTx(t *testing.T, db *database.DB, fn func(*ent.Tx)) {
	t.Helper()
	tx, err := db.Client.Tx(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	fn(tx)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}
