package marketplace_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/balanceentry"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/marketplace"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// env is a marketplace over a fixture world (its course costs Rp500.000
// and is sold on both platforms) with a fixed clock.
type env struct {
	db    *database.DB
	svc   *marketplace.Service
	world *fixture.World
	now   time.Time
	n     int
}

func newEnv(t testing.TB, db *database.DB) *env {
	t.Helper()
	e := &env{db: db, world: fixture.NewWorld(t, db.Client), now: time.Date(2026, 12, 1, 3, 0, 0, 0, time.UTC)}
	e.svc = marketplace.New(marketplace.Deps{Client: db.Client, Dialect: db.Dialect, Now: func() time.Time { return e.now }})
	return e
}

func sys() context.Context { return rule.System(context.Background(), "test") }

// recipient is a recipient account with the status and balance given (the
// balance granted by one ledger entry, as selection does) and its context.
func (e *env) recipient(t testing.TB, status recipient.Status, balance money.Rupiah) (context.Context, *ent.Recipient) {
	t.Helper()
	e.n++
	c := e.db.Client
	a, err := c.Account.Create().SetPhone(fmt.Sprintf("+62813%08d", e.n)).SetRole(viewer.RoleRecipient).Save(sys())
	must(t, err)
	accepted := e.now.Add(-24 * time.Hour)
	r, err := c.Recipient.Create().SetAccountID(a.ID).SetNik(fmt.Sprintf("3273011019%06d", e.n)).
		SetKkNumber(fmt.Sprintf("3273010000%06d", e.n)).SetFullName(fmt.Sprintf("Pembeli %d", e.n)).
		SetBirthDate(time.Date(1990, 1, 10, 0, 0, 0, 0, time.UTC)).SetGender("female").SetRegencyID(e.world.Regency.ID).
		SetArea("rural").SetEducation("senior_secondary").SetEmployment("not_working").SetStatus(status).
		SetTrainingBalance(balance).SetAcceptedAt(accepted).Save(sys())
	must(t, err)
	if balance > 0 {
		must(t, c.BalanceEntry.Create().SetRecipientID(r.ID).SetKind(balanceentry.KindGrant).SetAmount(balance).
			SetBalanceAfter(balance).SetKey("grant:"+string(r.ID)).Exec(sys()))
	}
	ctx := viewer.NewContext(context.Background(), &viewer.Viewer{AccountID: a.ID, Role: viewer.RoleRecipient,
		RecipientID: r.ID, Locale: "id"})
	return ctx, r
}

// course adds a course of the world's institution with status and price,
// sold on the world's first platform only.
func (e *env) course(t testing.TB, status course.Status, price money.Rupiah) *ent.Course {
	t.Helper()
	e.n++
	c, err := e.db.Client.Course.Create().SetTitle(fmt.Sprintf("Kursus %d", e.n)).SetCategory("it").SetMethod("lms").
		SetPrice(price).SetDurationHours(4).SetTrainingInstitutionID(e.world.Institution.ID).SetStatus(status).
		AddPlatformIDs(e.world.Platform.ID).Save(sys())
	must(t, err)
	return c
}

func (e *env) order(c *ent.Course, client string) marketplace.Order {
	return marketplace.Order{CourseID: c.ID, PlatformID: e.world.Platform.ID, ClientID: client}
}

// balance is the recipient's balance and the sum of its ledger.
func (e *env) balance(t testing.TB, rid ent.Recipient) (money.Rupiah, money.Rupiah) {
	t.Helper()
	r, err := e.db.Client.Recipient.Get(sys(), rid.ID)
	must(t, err)
	entries, err := e.db.Client.BalanceEntry.Query().Where(balanceentry.RecipientID(rid.ID)).All(sys())
	must(t, err)
	var sum money.Rupiah
	for _, be := range entries {
		sum += be.Amount
	}
	return r.TrainingBalance, sum
}

// checkLedger fails unless the recipient's balance is want and equals
// the sum of its ledger.
func (e *env) checkLedger(t testing.TB, r *ent.Recipient, want money.Rupiah) {
	t.Helper()
	got, sum := e.balance(t, *r)
	if got != want || sum != got {
		t.Fatalf("balance %d, ledger sum %d, want both %d", got, sum, want)
	}
}

func codeOf(err error) apperr.Code {
	if err == nil {
		return ""
	}
	if e, ok := apperr.As(err); ok {
		return e.Code
	}
	if errors.Is(err, rule.ErrUnauthenticated) {
		return apperr.Unauthenticated
	}
	if errors.Is(err, rule.ErrForbidden) {
		return apperr.Forbidden
	}
	return apperr.Code(fmt.Sprintf("untyped: %v", err))
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
