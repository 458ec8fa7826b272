package rule_test

// The rules on the real generated ent client, on SQLite and PostgreSQL: who
// reads which rows, who writes. Every check has rows of someone else present
// (another recipient, the other organisation of the same kind) that a broken
// filter would let through.

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"entgo.io/ent/privacy"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// world: recipients A and B from the fixture (A buys on Platform, B on
// Platform2; both bought the fixture course of Institution, applied to the
// fixture vacancy of Portal and linked an account at Partner), plus a second
// organisation of each partner kind with rows of B only.
type world struct {
	c       *ent.Client
	w       *fixture.World
	a, b    *fixture.Person
	inst2   *ent.TrainingInstitution
	course2 *ent.Course
	// B's rows at the second organisations.
	purchase2, certificate2, jobApp2, linked2, payout2 pulid.ID
	portal2                                            *ent.JobPortal
	partner2                                           *ent.PaymentPartner
}

func newWorld(t *testing.T, db *database.DB) *world {
	t.Helper()
	c := db.Client
	ctx := rule.System(context.Background(), "test fixture")
	w := fixture.NewWorld(t, c)
	x := &world{c: c, w: w, a: w.NewPerson(t, c, 1, w.Platform), b: w.NewPerson(t, c, 2, w.Platform2)}
	rid := x.b.Recipient.ID
	x.inst2 = c.TrainingInstitution.Create().SetCode("LP002").SetName("LP Dua").SaveX(ctx)
	course2 := c.Course.Create().SetTitle("Bahasa Inggris Kerja").SetCategory("language").SetMethod("webinar").
		SetPrice(400_000).SetDurationHours(4).SetTrainingInstitutionID(x.inst2.ID).
		AddPlatformIDs(w.Platform2.ID).SaveX(ctx)
	x.course2 = course2
	pu := c.Purchase.Create().SetRecipientID(rid).SetCourseID(course2.ID).SetDigitalPlatformID(w.Platform2.ID).
		SetPrice(400_000).SetInvoiceCode("INV-B2").SetIdempotencyKey("buy-b2").SetStatus("completed").SaveX(ctx)
	x.purchase2 = pu.ID
	x.certificate2 = c.Certificate.Create().SetRecipientID(rid).SetCourseID(course2.ID).SetPurchaseID(pu.ID).
		SetNumber("CERT-B2").SetPostTestScore(90).SetIssuedAt(time.Now()).SaveX(ctx).ID
	x.portal2 = c.JobPortal.Create().SetCode("jobstreet").SetName("Jobstreet").SaveX(ctx)
	vac2 := c.Vacancy.Create().SetJobPortalID(x.portal2.ID).SetExternalID("V2").SetTitle("Kasir").
		SetCompany("PT Lain").SetEducationMin("senior_secondary").SetJobType("part_time").
		SetPostedAt(time.Now()).SaveX(ctx)
	x.jobApp2 = c.JobApplication.Create().SetRecipientID(rid).SetVacancyID(vac2.ID).SetClientID("ja-b2").SaveX(ctx).ID
	x.partner2 = c.PaymentPartner.Create().SetCode("bni").SetName("BNI").SetKind("bank").SaveX(ctx)
	la := c.LinkedAccount.Create().SetRecipientID(rid).SetPaymentPartnerID(x.partner2.ID).
		SetAccountMasked("****9876").SetAccountHash([]byte{0xb2}).SetKycStatus("verified").SaveX(ctx)
	x.linked2 = la.ID
	x.payout2 = c.Payout.Create().SetRecipientID(rid).SetKind("incentive").SetInstallment(2).SetAmount(600_000).
		SetScheduledFor(time.Now()).SetIdempotencyKey("inc-b2").SetLinkedAccountID(la.ID).
		SetPaymentPartnerID(x.partner2.ID).SaveX(ctx).ID
	return x
}

func as(v *viewer.Viewer) context.Context { return viewer.NewContext(context.Background(), v) }

func recipient(p *fixture.Person) context.Context {
	return as(&viewer.Viewer{AccountID: p.Account.ID, Role: viewer.RoleRecipient, RecipientID: p.Recipient.ID})
}

func partner(role viewer.Role, org pulid.ID) context.Context {
	return as(&viewer.Viewer{AccountID: "ac-partner", Role: role, OrgID: org})
}

func staff(role viewer.Role) context.Context {
	return as(&viewer.Viewer{AccountID: "ac-staff", Role: role})
}

// sees lists the IDs of one entity a context reads (sorted), or the error.
type sees func(ctx context.Context) ([]pulid.ID, error)

func (x *world) entities() map[string]sees {
	c := x.c
	return map[string]sees{
		"Purchase":       func(ctx context.Context) ([]pulid.ID, error) { return c.Purchase.Query().IDs(ctx) },
		"Certificate":    func(ctx context.Context) ([]pulid.ID, error) { return c.Certificate.Query().IDs(ctx) },
		"JobApplication": func(ctx context.Context) ([]pulid.ID, error) { return c.JobApplication.Query().IDs(ctx) },
		"LinkedAccount":  func(ctx context.Context) ([]pulid.ID, error) { return c.LinkedAccount.Query().IDs(ctx) },
		"Payout":         func(ctx context.Context) ([]pulid.ID, error) { return c.Payout.Query().IDs(ctx) },
		"Application":    func(ctx context.Context) ([]pulid.ID, error) { return c.Application.Query().IDs(ctx) },
		"Device":         func(ctx context.Context) ([]pulid.ID, error) { return c.Device.Query().IDs(ctx) },
		"ChatMessage":    func(ctx context.Context) ([]pulid.ID, error) { return c.ChatMessage.Query().IDs(ctx) },
		"Account":        func(ctx context.Context) ([]pulid.ID, error) { return c.Account.Query().IDs(ctx) },
	}
}

func ids(v ...pulid.ID) []pulid.ID {
	out := slices.Clone(v)
	slices.Sort(out)
	if out == nil {
		out = []pulid.ID{}
	}
	return out
}

// TestRules builds one world per store (a PostgreSQL database costs seconds
// to make and migrate) and runs the reads before the writes that change it.
func TestRules(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		x := newWorld(t, db)
		t.Run("row filters", func(t *testing.T) { testRowFilters(t, x) })
		t.Run("public and secret reads", func(t *testing.T) { testPublicAndSecretReads(t, x) })
		t.Run("writes", func(t *testing.T) { testWrites(t, x) })
	})
}

func testRowFilters(t *testing.T, x *world) {
	a, b, w := x.a.Private, x.b.Private, x.w
	denied := []pulid.ID(nil) // the query is refused
	tests := []struct {
		name   string
		ctx    context.Context
		entity string
		want   []pulid.ID
		err    error // for denied
	}{
		// A recipient reads its own rows only.
		{"recipient A purchases", recipient(x.a), "Purchase", ids(a["Purchase"]), nil},
		{"recipient B purchases", recipient(x.b), "Purchase", ids(b["Purchase"], x.purchase2), nil},
		{"recipient A certificates", recipient(x.a), "Certificate", ids(a["Certificate"]), nil},
		{"recipient A job applications", recipient(x.a), "JobApplication", ids(a["JobApplication"]), nil},
		{"recipient A payouts", recipient(x.a), "Payout", ids(a["Payout"]), nil},
		{"recipient A applications", recipient(x.a), "Application", ids(a["Application"]), nil},
		{"recipient A devices (own account)", recipient(x.a), "Device", ids(a["Device"]), nil},
		{"recipient A chat messages (own complaint)", recipient(x.a), "ChatMessage", ids(a["ChatMessage"]), nil},
		{"recipient A account", recipient(x.a), "Account", ids(a["Account"]), nil},
		{"a recipient not yet registered", as(&viewer.Viewer{AccountID: x.a.Account.ID, Role: viewer.RoleRecipient}), "Purchase", ids(), nil},
		// Institutions (PartnerVia over the course): their own courses' rows.
		{"institution 1 purchases", partner(viewer.RoleInstitution, w.Institution.ID), "Purchase", ids(a["Purchase"], b["Purchase"]), nil},
		{"institution 2 purchases", partner(viewer.RoleInstitution, x.inst2.ID), "Purchase", ids(x.purchase2), nil},
		{"institution 1 certificates", partner(viewer.RoleInstitution, w.Institution.ID), "Certificate", ids(a["Certificate"], b["Certificate"]), nil},
		{"institution 2 certificates", partner(viewer.RoleInstitution, x.inst2.ID), "Certificate", ids(x.certificate2), nil},
		{"institution without an organisation", partner(viewer.RoleInstitution, ""), "Purchase", ids(), nil},
		{"institution reads no payouts", partner(viewer.RoleInstitution, w.Institution.ID), "Payout", denied, rule.ErrForbidden},
		// Job portals (PartnerVia over the vacancy).
		{"portal 1 job applications", partner(viewer.RoleJobPortal, w.Portal.ID), "JobApplication", ids(a["JobApplication"], b["JobApplication"]), nil},
		{"portal 2 job applications", partner(viewer.RoleJobPortal, x.portal2.ID), "JobApplication", ids(x.jobApp2), nil},
		{"portal without an organisation", partner(viewer.RoleJobPortal, ""), "JobApplication", ids(), nil},
		{"portal reads no purchases", partner(viewer.RoleJobPortal, w.Portal.ID), "Purchase", denied, rule.ErrForbidden},
		// Digital platforms (Partner): purchases made on them.
		{"platform 1 purchases", partner(viewer.RolePlatform, w.Platform.ID), "Purchase", ids(a["Purchase"]), nil},
		{"platform 2 purchases", partner(viewer.RolePlatform, w.Platform2.ID), "Purchase", ids(b["Purchase"], x.purchase2), nil},
		{"platform reads no certificates", partner(viewer.RolePlatform, w.Platform.ID), "Certificate", denied, rule.ErrForbidden},
		// Payment partners (Partner): their linked accounts and payouts.
		{"payment partner 1 linked accounts", partner(viewer.RolePaymentPartner, w.Partner.ID), "LinkedAccount", ids(a["LinkedAccount"], b["LinkedAccount"]), nil},
		{"payment partner 2 linked accounts", partner(viewer.RolePaymentPartner, x.partner2.ID), "LinkedAccount", ids(x.linked2), nil},
		{"payment partner 2 payouts", partner(viewer.RolePaymentPartner, x.partner2.ID), "Payout", ids(x.payout2), nil},
		{"payment partner without an organisation", partner(viewer.RolePaymentPartner, ""), "Payout", ids(), nil},
		{"payment partner reads no applications", partner(viewer.RolePaymentPartner, w.Partner.ID), "Application", denied, rule.ErrForbidden},
		// Staff read everything; nobody anonymous.
		{"analyst purchases", staff(viewer.RoleAnalyst), "Purchase", ids(a["Purchase"], b["Purchase"], x.purchase2), nil},
		{"support job applications", staff(viewer.RoleSupport), "JobApplication", ids(a["JobApplication"], b["JobApplication"], x.jobApp2), nil},
		{"anonymous purchases", context.Background(), "Purchase", denied, rule.ErrUnauthenticated},
	}
	ents := x.entities()
	for _, tt := range tests {
		got, err := ents[tt.entity](tt.ctx)
		slices.Sort(got)
		if got == nil && err == nil {
			got = []pulid.ID{}
		}
		switch {
		case tt.err != nil:
			if !errors.Is(err, tt.err) || !rule.IsDenied(err) {
				t.Errorf("%s: %v %v, want %v", tt.name, got, err, tt.err)
			}
		case err != nil || !slices.Equal(got, tt.want):
			t.Errorf("%s: %s = %v %v, want %v", tt.name, tt.entity, got, err, tt.want)
		}
	}
}

func testPublicAndSecretReads(t *testing.T, x *world) {
	c := x.c
	// Everyone: the catalogue, signed in or not.
	for name, ctx := range map[string]context.Context{"anonymous": context.Background(), "recipient": recipient(x.a)} {
		if n, err := c.Course.Query().Count(ctx); err != nil || n != 2 {
			t.Errorf("%s reads the catalogue: %d %v, want 2", name, n, err)
		}
	}
	// Nobody: secrets, not even for admins; the system context reads them.
	sys := rule.System(context.Background(), "test")
	c.RegistryPerson.Create().SetNik("3273011001900001").SetKkNumber("3273010000000001").SetFullName("X").
		SetBirthDate(time.Date(1990, 1, 10, 0, 0, 0, 0, time.UTC)).SetBirthPlace("Bandung").SetGender("male").
		SetMotherMaidenName("Y").ExecX(sys)
	for name, ctx := range map[string]context.Context{"admin": staff(viewer.RoleAdmin), "anonymous": context.Background(), "recipient": recipient(x.a)} {
		if _, err := c.RegistryPerson.Query().All(ctx); !errors.Is(err, rule.ErrForbidden) {
			t.Errorf("%s reads the registry: %v, want forbidden", name, err)
		}
	}
	if n, err := c.RegistryPerson.Query().Count(sys); err != nil || n != 1 {
		t.Errorf("system reads the registry: %d %v", n, err)
	}
	// StaffOnly(admin, analyst): the audit log.
	c.AuditLog.Create().SetCreatedAt(time.Now()).SetAction("test").ExecX(sys)
	for _, tt := range []struct {
		name string
		ctx  context.Context
		err  error
	}{
		{"admin", staff(viewer.RoleAdmin), nil},
		{"analyst", staff(viewer.RoleAnalyst), nil},
		{"support", staff(viewer.RoleSupport), rule.ErrForbidden},
		{"recipient", recipient(x.a), rule.ErrForbidden},
		{"institution", partner(viewer.RoleInstitution, x.w.Institution.ID), rule.ErrForbidden},
		{"anonymous", context.Background(), rule.ErrUnauthenticated},
	} {
		n, err := c.AuditLog.Query().Count(tt.ctx)
		if tt.err == nil && (err != nil || n != 1) || tt.err != nil && !errors.Is(err, tt.err) {
			t.Errorf("%s reads the audit log: %d %v, want %v", tt.name, n, err, tt.err)
		}
	}
}

func testWrites(t *testing.T, x *world) {
	c := x.c
	sys := rule.System(context.Background(), "test")
	actx, aid, bid := recipient(x.a), x.a.Account.ID, x.b.Account.ID
	n := 0
	device := func(ctx context.Context, account pulid.ID) error {
		n++
		return c.Device.Create().SetAccountID(account).SetKind("webpush").SetToken(fmt.Sprintf("w-%d", n)).Exec(ctx)
	}
	check := func(name string, err, want error) {
		t.Helper()
		if want == nil && err != nil || want != nil && !errors.Is(err, want) {
			t.Errorf("%s: %v, want %v", name, err, want)
		}
	}
	// OwnWrites: create with one's own id only.
	check("A creates a device of A", device(actx, aid), nil)
	check("A creates a device of B", device(actx, bid), rule.ErrForbidden)
	check("A creates a device without an account", c.Device.Create().SetKind("fcm").SetToken("none").Exec(actx), rule.ErrForbidden)
	check("anonymous creates a device", device(context.Background(), aid), rule.ErrUnauthenticated)
	// OwnWrites: update and delete only one's own rows.
	bDevice := x.b.Private["Device"]
	if err := c.Device.UpdateOneID(bDevice).SetLabel("taken").Exec(actx); !ent.IsNotFound(err) {
		t.Errorf("A updates B's device: %v, want not found", err)
	}
	if k, err := c.Device.Update().SetLabel("mine").Save(actx); err != nil || k != 2 {
		t.Errorf("A updates all devices: %d rows %v, want A's 2", k, err)
	}
	if k, err := c.Device.Delete().Exec(actx); err != nil || k != 2 {
		t.Errorf("A deletes all devices: %d %v, want A's 2", k, err)
	}
	if d := c.Device.GetX(sys, bDevice); d.Label != "" {
		t.Errorf("B's device label changed to %q", d.Label)
	}
	// OwnWrites with RecipientOf: an account that is not a recipient has
	// no own reviews (Skip), so the next rule (AdminWrites) decides.
	review := func(ctx context.Context, recipientID, purchaseID pulid.ID) error {
		return c.Review.Create().SetRecipientID(recipientID).SetCourseID(x.course2.ID).SetPurchaseID(purchaseID).
			SetRating(4).Exec(ctx)
	}
	check("B reviews as B", review(recipient(x.b), x.b.Recipient.ID, x.purchase2), nil)
	check("A reviews as B", review(actx, x.b.Recipient.ID, x.purchase2), rule.ErrForbidden)
	check("analyst reviews as A", review(staff(viewer.RoleAnalyst), x.a.Recipient.ID, x.a.Private["Purchase"]), rule.ErrForbidden)
	aBought := c.Purchase.Create().SetRecipientID(x.a.Recipient.ID).SetCourseID(x.course2.ID).
		SetDigitalPlatformID(x.w.Platform2.ID).SetPrice(400_000).SetInvoiceCode("INV-A2").SetIdempotencyKey("buy-a2").
		SetStatus("completed").SaveX(sys)
	check("admin reviews as A", review(staff(viewer.RoleAdmin), x.a.Recipient.ID, aBought.ID), nil)
	// AdminWrites: the catalogue.
	inst := func(ctx context.Context, code string) error {
		return c.TrainingInstitution.Create().SetCode(code).SetName("LP").Exec(ctx)
	}
	check("admin adds an institution", inst(staff(viewer.RoleAdmin), "LP100"), nil)
	check("analyst adds an institution", inst(staff(viewer.RoleAnalyst), "LP101"), rule.ErrForbidden)
	check("institution adds an institution", inst(partner(viewer.RoleInstitution, x.w.Institution.ID), "LP102"), rule.ErrForbidden)
	check("anonymous adds an institution", inst(context.Background(), "LP103"), rule.ErrUnauthenticated)
	// DenyWrites: the audit log is written by the system only.
	audit := func(ctx context.Context) error {
		return c.AuditLog.Create().SetCreatedAt(time.Now()).SetAction("x").Exec(ctx)
	}
	check("admin writes the audit log", audit(staff(viewer.RoleAdmin)), rule.ErrForbidden)
	check("anonymous writes the audit log", audit(context.Background()), rule.ErrUnauthenticated)
	check("the system writes the audit log", audit(sys), nil)
	testOwnUpdates(t, x)
}

// testOwnUpdates: an owner sets the listed fields of its own rows only.
func testOwnUpdates(t *testing.T, x *world) {
	c, sys, actx := x.c, rule.System(context.Background(), "test"), recipient(x.a)
	mine, theirs := x.a.Private["Notification"], x.b.Private["Notification"]
	now := time.Now()
	tests := []struct {
		name string
		ctx  context.Context
		do   func(ctx context.Context) error
		want error // nil, rule.ErrForbidden, rule.ErrUnauthenticated, or errNotFound
	}{
		{"A marks its notification read", actx, func(ctx context.Context) error {
			return c.Notification.UpdateOneID(mine).SetReadAt(now).Exec(ctx)
		}, nil},
		{"A rewrites its notification's title", actx, func(ctx context.Context) error {
			return c.Notification.UpdateOneID(mine).SetTitle("lain").Exec(ctx)
		}, rule.ErrForbidden},
		{"A marks B's notification read", actx, func(ctx context.Context) error {
			return c.Notification.UpdateOneID(theirs).SetReadAt(now).Exec(ctx)
		}, errNotFound},
		{"A creates a notification for itself", actx, func(ctx context.Context) error {
			return c.Notification.Create().SetAccountID(x.a.Account.ID).SetKind("job_match").SetEventKey("x").
				SetTitle("t").SetBody("b").Exec(ctx)
		}, rule.ErrForbidden},
		{"A deletes its notification", actx, func(ctx context.Context) error {
			return c.Notification.DeleteOneID(mine).Exec(ctx)
		}, rule.ErrForbidden},
		{"anonymous marks A's notification read", context.Background(), func(ctx context.Context) error {
			return c.Notification.UpdateOneID(mine).SetReadAt(now).Exec(ctx)
		}, rule.ErrUnauthenticated},
	}
	for _, tt := range tests {
		err := tt.do(tt.ctx)
		switch {
		case tt.want == errNotFound:
			if !ent.IsNotFound(err) {
				t.Errorf("%s: %v, want not found", tt.name, err)
			}
		case tt.want == nil && err != nil, tt.want != nil && !errors.Is(err, tt.want):
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
	if n := c.Notification.GetX(sys, theirs); n.ReadAt != nil {
		t.Errorf("B's notification was marked read")
	}
}

var errNotFound = errors.New("not found")

func TestSystemAndIsDenied(t *testing.T) {
	bg := context.Background()
	if !rule.IsSystem(rule.System(bg, "why")) {
		t.Error("System is not IsSystem")
	}
	if rule.IsSystem(bg) || rule.IsSystem(privacy.DecisionContext(bg, privacy.Deny)) ||
		rule.IsSystem(as(&viewer.Viewer{Role: viewer.RoleAdmin})) {
		t.Error("IsSystem without the system decision")
	}
	for _, err := range []error{rule.ErrForbidden, rule.ErrUnauthenticated, privacy.Deny,
		fmt.Errorf("query: %w", rule.ErrForbidden)} {
		if !rule.IsDenied(err) {
			t.Errorf("IsDenied(%v) = false", err)
		}
	}
	for _, err := range []error{nil, errors.New("deny"), privacy.Allow, privacy.Skip} {
		if rule.IsDenied(err) {
			t.Errorf("IsDenied(%v) = true", err)
		}
	}
	if rule.ErrForbidden.Error() != "ent/privacy: deny rule: not permitted for this account" ||
		rule.ErrUnauthenticated.Error() != "ent/privacy: deny rule: sign-in required" {
		t.Errorf("messages: %q, %q", rule.ErrForbidden, rule.ErrUnauthenticated)
	}
}

// Queries the rules cannot narrow are refused, never let through unfiltered.
type (
	noFilter       struct{}
	filterWithArg  struct{}
	filterTwoOuts  struct{}
	filterNotWhere struct{}
)

func (filterWithArg) Filter(int) any       { return nil }
func (filterTwoOuts) Filter() (any, error) { return nil, nil }
func (filterNotWhere) Filter() int         { return 0 }

func TestUnfilterableQueriesAreRefused(t *testing.T) {
	ctx := recipient(&fixture.Person{Account: &ent.Account{ID: "ac1"}, Recipient: &ent.Recipient{ID: "re1"}})
	read := rule.Private(rule.OwnRecipient("recipient_id"))
	for _, q := range []any{noFilter{}, filterWithArg{}, filterTwoOuts{}, filterNotWhere{}} {
		err := read.EvalQuery(ctx, q)
		if !rule.IsDenied(err) || errors.Is(err, rule.ErrForbidden) {
			t.Errorf("%T: %v, want a denial that it cannot be filtered", q, err)
		}
	}
}

// TestWithin: only the need's roles read, each through its scope (a payment
// partner its own payouts), every row for a role no scope narrows (admin);
// staff outside the need (support) and anonymous callers are refused; and
// Staff grants a role every row.
func TestWithin(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		x := newWorld(t, db)
		need := rule.Need{Action: "payout.test", Roles: []viewer.Role{viewer.RoleAdmin, viewer.RolePaymentPartner,
			viewer.RoleFinanceMaker}}
		read := rule.Within(need, rule.Partner(viewer.RolePaymentPartner, "payment_partner_id"),
			rule.Staff(viewer.RoleFinanceMaker))
		all := []pulid.ID{x.a.Private["Payout"], x.b.Private["Payout"], x.payout2}
		tests := []struct {
			name string
			v    *viewer.Viewer
			want []pulid.ID
			err  error
		}{
			{"admin", &viewer.Viewer{AccountID: "ac-admin", Role: viewer.RoleAdmin}, all, nil},
			{"finance maker", &viewer.Viewer{AccountID: "ac-fm", Role: viewer.RoleFinanceMaker}, all, nil},
			{"partner 2", &viewer.Viewer{AccountID: "ac-pp", Role: viewer.RolePaymentPartner, OrgID: x.partner2.ID},
				[]pulid.ID{x.payout2}, nil},
			{"support", &viewer.Viewer{AccountID: "ac-sup", Role: viewer.RoleSupport}, nil, rule.ErrForbidden},
			{"anonymous", nil, nil, rule.ErrUnauthenticated},
		}
		for _, tt := range tests {
			ctx := context.Background()
			if tt.v != nil {
				ctx = as(tt.v)
			}
			q := x.c.Payout.Query()
			err := read.EvalQuery(ctx, q)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Errorf("%s: %v, want %v", tt.name, err, tt.err)
				}
				continue
			}
			if !errors.Is(err, privacy.Allow) {
				t.Fatalf("%s: %v", tt.name, err)
			}
			got := q.IDsX(rule.System(context.Background(), "test: run the filtered query"))
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s read %v, want %v", tt.name, got, want)
			}
		}
	})
}
