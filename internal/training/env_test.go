package training_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/domainevent"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/trainingreport"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/training"
	"github.com/kartuprakerja/platform/internal/viewer"
)

const base = "https://prakerja.test"

// env is a world with the training service over one store and a fake
// certificate issuer.
type env struct {
	db     *database.DB
	w      *fixture.World
	svc    *training.Service
	issuer *fakeIssuer
	now    time.Time
	n      int
}

func newEnv(t *testing.T, db *database.DB) *env {
	t.Helper()
	e := &env{db: db, w: fixture.NewWorld(t, db.Client), issuer: &fakeIssuer{},
		now: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)}
	e.svc = training.New(training.Deps{Client: db.Client, Dialect: db.Dialect, Issuer: e.issuer,
		Now: func() time.Time { return e.now }}, training.Config{PublicURL: base})
	return e
}

// fakeIssuer writes a certificate row and counts its calls.
type fakeIssuer struct {
	mu    sync.Mutex
	calls atomic.Int32
}

func (f *fakeIssuer) Issue(ctx context.Context, tx *ent.Tx, p *ent.Purchase, score int, at time.Time) (*ent.Certificate, error) {
	f.calls.Add(1)
	return tx.Certificate.Create().SetRecipientID(p.RecipientID).SetCourseID(p.CourseID).SetPurchaseID(p.ID).
		SetNumber("CERT-" + string(p.ID)).SetPostTestScore(score).SetIssuedAt(at).Save(ctx)
}

// recipient creates a recipient with no purchase.
func (e *env) recipient(t *testing.T) *ent.Recipient {
	t.Helper()
	e.n++
	ctx := rule.System(context.Background(), "test")
	c := e.db.Client
	a := c.Account.Create().SetPhone(fmt.Sprintf("+62813%08d", e.n)).SetRole(viewer.RoleRecipient).SaveX(ctx)
	return c.Recipient.Create().SetAccountID(a.ID).SetNik(fmt.Sprintf("327301%06d%04d", 20190, e.n)).
		SetKkNumber(fmt.Sprintf("3273020000%06d", e.n)).SetFullName("Penerima").
		SetBirthDate(time.Date(1990, 1, 10, 0, 0, 0, 0, time.UTC)).SetGender("female").
		SetRegencyID(e.w.Regency.ID).SetArea("rural").SetEducation("senior_secondary").
		SetEmployment("not_working").SetStatus("recipient").SaveX(ctx)
}

// purchase creates a purchase of r on the world's first platform with status.
func (e *env) purchase(t *testing.T, r *ent.Recipient, status purchase.Status) *ent.Purchase {
	t.Helper()
	e.n++
	ctx := rule.System(context.Background(), "test")
	return e.db.Client.Purchase.Create().SetRecipientID(r.ID).SetCourseID(e.w.Course.ID).
		SetDigitalPlatformID(e.w.Platform.ID).SetPrice(500_000).SetInvoiceCode(fmt.Sprintf("INV-%d", e.n)).
		SetIdempotencyKey(fmt.Sprintf("buy-%d", e.n)).SetRedemptionCode(fmt.Sprintf("TEST-%04d-0000", e.n)).
		SetStatus(status).SaveX(ctx)
}

// platform is a platform's API-key viewer with the training scope.
func (e *env) platform(p *ent.DigitalPlatform, scopes ...string) context.Context {
	if scopes == nil {
		scopes = []string{training.Scope}
	}
	return viewer.NewContext(context.Background(),
		&viewer.Viewer{AccountID: "ac_platform", Role: viewer.RolePlatform, OrgID: p.ID, Scopes: scopes})
}

// reload reads a purchase back.
func (e *env) reload(t *testing.T, p *ent.Purchase) *ent.Purchase {
	t.Helper()
	return e.db.Client.Purchase.GetX(rule.System(context.Background(), "test"), p.ID)
}

// reports counts the report rows of a purchase (applied ones when applied is set).
func (e *env) reports(t *testing.T, p *ent.Purchase) (all, applied int) {
	t.Helper()
	ctx := rule.System(context.Background(), "test")
	q := e.db.Client.TrainingReport.Query().Where(trainingreport.PurchaseID(p.ID))
	all = q.Clone().CountX(ctx)
	applied = q.Where(trainingreport.Applied(true)).CountX(ctx)
	return all, applied
}

// events counts the first-certificate events of a recipient.
func (e *env) events(t *testing.T, r *ent.Recipient) []*ent.DomainEvent {
	t.Helper()
	return e.db.Client.DomainEvent.Query().Where(domainevent.RecipientID(r.ID),
		domainevent.Topic(training.TopicFirstCertificate)).AllX(rule.System(context.Background(), "test"))
}

func codeOf(err error) apperr.Code {
	if err == nil {
		return ""
	}
	return rule.Code(err)
}

func fieldOf(err error) string {
	e, ok := apperr.As(err)
	if !ok {
		return ""
	}
	for f := range e.Fields {
		return f
	}
	return ""
}

func ptr[T any](v T) *T { return &v }

func rulesSystem() context.Context { return rule.System(context.Background(), "test") }
