package curation_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/courseassessment"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/curation"
	"github.com/kartuprakerja/platform/internal/curation/indicator"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

var sys = rule.System(context.Background(), "test")

type env struct {
	db       *database.DB
	w        *fixture.World
	o        *fixture.OtherOrgs
	svc      *curation.Service
	refunds  *fakeRefunder
	inst     context.Context // the world's institution
	other    context.Context // another institution
	assessor context.Context
	admin    context.Context
	analyst  context.Context
	support  context.Context
	platform context.Context
}

// fakeRefunder counts its calls and writes a marker row in tx, so a test sees
// the refund roll back with the decision; fail makes it fail.
type fakeRefunder struct {
	mu    sync.Mutex
	calls []pulid.ID
	fail  bool
}

func (f *fakeRefunder) RefundUnredeemed(ctx context.Context, tx *ent.Tx, courseID pulid.ID, reason string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail {
		return 0, errors.New("ledger unavailable")
	}
	f.calls = append(f.calls, courseID)
	return 3, nil
}

func as(v *viewer.Viewer) context.Context { return viewer.NewContext(context.Background(), v) }

func newEnv(t *testing.T, db *database.DB) *env {
	t.Helper()
	w := fixture.NewWorld(t, db.Client)
	e := &env{db: db, w: w, o: w.NewOtherOrgs(t, db.Client), refunds: &fakeRefunder{}}
	e.svc = curation.New(curation.Deps{Client: db.Client, Dialect: db.Dialect, Refunder: e.refunds})
	e.inst = as(&viewer.Viewer{AccountID: "acinst", Role: viewer.RoleInstitution, OrgID: w.Institution.ID})
	e.other = as(&viewer.Viewer{AccountID: "acother", Role: viewer.RoleInstitution, OrgID: e.o.Institution.ID})
	e.assessor = as(&viewer.Viewer{AccountID: "acassessor", Role: viewer.RoleAssessor})
	e.admin = as(&viewer.Viewer{AccountID: "acadmin", Role: viewer.RoleAdmin})
	e.analyst = as(&viewer.Viewer{AccountID: "acanalyst", Role: viewer.RoleAnalyst})
	e.support = as(&viewer.Viewer{AccountID: "acsupport", Role: viewer.RoleSupport})
	e.platform = as(&viewer.Viewer{AccountID: "acplatform", Role: viewer.RolePlatform, OrgID: w.Platform.ID})
	return e
}

func (e *env) proposal() curation.Proposal {
	return curation.Proposal{Title: "Budidaya Hidroponik", Description: "Menanam sayur tanpa tanah.",
		Outline: []string{"Pengenalan", "Nutrisi", "Panen"}, Category: course.CategoryAgriculture,
		Method: course.MethodLms, Price: 450_000, DurationHours: 8, Instructor: "Ibu Sari",
		Tags: []string{"hidroponik"}, PlatformIDs: []pulid.ID{e.w.Platform.ID}}
}

func (e *env) propose(t *testing.T, key string) *ent.Course {
	t.Helper()
	c, err := e.svc.Propose(e.inst, e.proposal(), key)
	if err != nil {
		t.Fatalf("propose: %v", err)
	}
	return c
}

// scores is every indicator of kind met but notMet.
func scores(kind indicator.Kind, notMet ...string) []schematype.IndicatorScore {
	var out []schematype.IndicatorScore
	for _, in := range indicator.All(kind) {
		met := true
		for _, c := range notMet {
			met = met && c != in.Code
		}
		out = append(out, schematype.IndicatorScore{Code: in.Code, Met: met})
	}
	return out
}

func code(err error) apperr.Code { return rule.Code(err) }

func fieldsOf(err error) map[string]string {
	e, ok := apperr.As(err)
	if !ok {
		return nil
	}
	return e.FieldMessages(msg.EN)
}

func TestPropose(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		inactive := e.db.Client.DigitalPlatform.Create().SetCode("mati").SetName("Mati").SetActive(false).SaveX(sys)
		tests := []struct {
			name   string
			ctx    context.Context
			change func(p *curation.Proposal)
			key    string
			want   apperr.Code
			field  string
		}{
			{"valid", e.inst, func(*curation.Proposal) {}, "k-valid", "", ""},
			{"a recipient", as(&viewer.Viewer{AccountID: "a", Role: viewer.RoleRecipient, RecipientID: "r"}), func(*curation.Proposal) {}, "k1", apperr.Forbidden, ""},
			{"an assessor", e.assessor, func(*curation.Proposal) {}, "k1", apperr.Forbidden, ""},
			{"anonymous", context.Background(), func(*curation.Proposal) {}, "k1", apperr.Unauthenticated, ""},
			{"no key", e.inst, func(*curation.Proposal) {}, "", apperr.BadUserInput, "idempotencyKey"},
			{"no title", e.inst, func(p *curation.Proposal) { p.Title = "  " }, "k2", apperr.BadUserInput, "title"},
			{"no description", e.inst, func(p *curation.Proposal) { p.Description = "" }, "k2", apperr.BadUserInput, "description"},
			{"no outline", e.inst, func(p *curation.Proposal) { p.Outline = nil }, "k2", apperr.BadUserInput, "outline"},
			{"an empty module", e.inst, func(p *curation.Proposal) { p.Outline = []string{"a", " "} }, "k2", apperr.BadUserInput, "outline.1"},
			{"price 0", e.inst, func(p *curation.Proposal) { p.Price = 0 }, "k2", apperr.BadUserInput, "price"},
			{"price over the balance", e.inst, func(p *curation.Proposal) { p.Price = 1_000_001 }, "k2", apperr.BadUserInput, "price"},
			{"price at the balance", e.inst, func(p *curation.Proposal) { p.Price = 1_000_000 }, "k-max", "", ""},
			{"price 1", e.inst, func(p *curation.Proposal) { p.Price = 1 }, "k-min", "", ""},
			{"0 hours", e.inst, func(p *curation.Proposal) { p.DurationHours = 0 }, "k2", apperr.BadUserInput, "durationHours"},
			{"no instructor", e.inst, func(p *curation.Proposal) { p.Instructor = "" }, "k2", apperr.BadUserInput, "instructor"},
			{"11 tags", e.inst, func(p *curation.Proposal) { p.Tags = strings.Split("a,b,c,d,e,f,g,h,i,j,k", ",") }, "k2", apperr.BadUserInput, "tags"},
			{"10 tags", e.inst, func(p *curation.Proposal) { p.Tags = strings.Split("a,b,c,d,e,f,g,h,i,j", ",") }, "k-10tags", "", ""},
			{"no platform", e.inst, func(p *curation.Proposal) { p.PlatformIDs = nil }, "k2", apperr.BadUserInput, "platformIds"},
			{"a platform twice", e.inst, func(p *curation.Proposal) { p.PlatformIDs = []pulid.ID{e.w.Platform.ID, e.w.Platform.ID} }, "k2", apperr.BadUserInput, "platformIds"},
			{"an inactive platform", e.inst, func(p *curation.Proposal) { p.PlatformIDs = []pulid.ID{e.w.Platform.ID, inactive.ID} }, "k2", apperr.BadUserInput, "platformIds.1"},
			{"an unknown platform", e.inst, func(p *curation.Proposal) { p.PlatformIDs = []pulid.ID{"dp0000"} }, "k2", apperr.BadUserInput, "platformIds.0"},
			{"a platform by code", e.inst, func(p *curation.Proposal) { p.PlatformIDs, p.PlatformCodes = nil, []string{"pintaria"} }, "k-code", "", ""},
			{"an unknown code", e.inst, func(p *curation.Proposal) { p.PlatformCodes = []string{"nope"} }, "k2", apperr.BadUserInput, "platformCodes.0"},
			{"one platform by id and code", e.inst, func(p *curation.Proposal) { p.PlatformCodes = []string{"tokopedia"} }, "k2", apperr.BadUserInput, "platformCodes.0"},
			{"a bad category", e.inst, func(p *curation.Proposal) { p.Category = "x" }, "k2", apperr.BadUserInput, "category"},
		}
		before := e.db.Client.Course.Query().CountX(sys)
		created := 0
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := e.proposal()
				tt.change(&p)
				c, err := e.svc.Propose(tt.ctx, p, tt.key)
				if code(err) != tt.want {
					t.Fatalf("got %v (%s), want %s", err, code(err), tt.want)
				}
				if tt.field != "" && fieldsOf(err)[tt.field] == "" {
					t.Errorf("fields %v, want %s", fieldsOf(err), tt.field)
				}
				if tt.want != "" {
					return
				}
				created++
				if c.Status != course.StatusProposed || c.TrainingInstitutionID != e.w.Institution.ID || c.AssessmentScore != 0 {
					t.Errorf("course %+v", c)
				}
			})
		}
		if n := e.db.Client.Course.Query().CountX(sys); n != before+created {
			t.Errorf("%d courses, want %d: a refused proposal wrote one", n, before+created)
		}
	})
}

func TestProposeIdempotent(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		first := e.propose(t, "same")
		again := e.propose(t, "same")
		if again.ID != first.ID {
			t.Errorf("replay made course %s, first %s", again.ID, first.ID)
		}
		p := e.proposal()
		p.Title = "Lain"
		if _, err := e.svc.Propose(e.inst, p, "same"); code(err) != apperr.Conflict {
			t.Errorf("same key, other content: %v", err)
		}
		// The key is per institution: another institution's "same" is its own.
		p = e.proposal()
		c, err := e.svc.Propose(e.other, p, "same")
		if err != nil || c.ID == first.ID || c.TrainingInstitutionID != e.o.Institution.ID {
			t.Fatalf("other institution: %v %v", c, err)
		}
		// Concurrent sends of one key make one course.
		var wg sync.WaitGroup
		ids := make([]pulid.ID, 6)
		for i := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if c, err := e.svc.Propose(e.inst, e.proposal(), "race"); err == nil {
					ids[i] = c.ID
				} else {
					t.Errorf("concurrent propose: %v", err)
				}
			}()
		}
		wg.Wait()
		for _, id := range ids {
			if id != ids[0] {
				t.Errorf("concurrent proposals made %v", ids)
			}
		}
	})
}

func TestAssess(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		a := indicator.Assessment
		tests := []struct {
			name    string
			ctx     context.Context
			scores  []schematype.IndicatorScore
			want    apperr.Code
			status  course.Status
			met     int
			reasons []string
			field   string
		}{
			{"all met: published", e.assessor, scores(a), "", course.StatusPublished, 52, nil, ""},
			{"admin may assess", e.admin, scores(a, "A02"), "", course.StatusPublished, 51, []string{"curation.indicator.A02"}, ""},
			{"a critical miss: rejected", e.assessor, scores(a, "A45", "A03"), "", course.StatusRejected, 50,
				[]string{"curation.indicator.A03", "curation.indicator.A45"}, ""},
			{"an analyst", e.analyst, scores(a), apperr.Forbidden, course.StatusProposed, 0, nil, ""},
			{"the institution itself", e.inst, scores(a), apperr.Forbidden, course.StatusProposed, 0, nil, ""},
			{"a missing indicator", e.assessor, scores(a)[1:], apperr.BadUserInput, course.StatusProposed, 0, nil, "scores.missing"},
			{"a duplicate", e.assessor, append(scores(a), scores(a)[4]), apperr.BadUserInput, course.StatusProposed, 0, nil, "scores.duplicate"},
			{"an unknown code", e.assessor, append(scores(a), schematype.IndicatorScore{Code: "Z9"}), apperr.BadUserInput, course.StatusProposed, 0, nil, "scores.unknown"},
			{"monitoring codes", e.assessor, scores(indicator.Monitoring), apperr.BadUserInput, course.StatusProposed, 0, nil, "scores.missing"},
		}
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c := e.propose(t, fmt.Sprintf("assess-%d", i))
				got, err := e.svc.Assess(tt.ctx, c.ID, tt.scores, "catatan")
				if code(err) != tt.want {
					t.Fatalf("got %v, want %s", err, tt.want)
				}
				if tt.field != "" && fieldsOf(err)[tt.field] == "" {
					t.Errorf("fields %v, want %s", fieldsOf(err), tt.field)
				}
				after := e.db.Client.Course.GetX(sys, c.ID)
				if after.Status != tt.status {
					t.Errorf("status %s, want %s", after.Status, tt.status)
				}
				n := e.db.Client.CourseAssessment.Query().Where(courseassessment.CourseID(c.ID)).CountX(sys)
				audits := e.db.Client.AuditLog.Query().Where(auditlog.Action("course.assessment"), auditlog.TargetID(c.ID)).CountX(sys)
				if tt.want != "" {
					if n != 0 || audits != 0 {
						t.Errorf("refused, yet %d assessments, %d audits", n, audits)
					}
					return
				}
				if n != 1 || audits != 1 || got.Met != tt.met || got.Total != 52 || got.Passed != (tt.status == course.StatusPublished) ||
					got.TrainingInstitutionID != e.w.Institution.ID || got.Kind != courseassessment.KindAssessment ||
					strings.Join(got.Reasons, ",") != strings.Join(tt.reasons, ",") || got.AssessorID == "" {
					t.Errorf("assessment %+v (%d rows, %d audits)", got, n, audits)
				}
				if after.AssessmentScore != tt.met || (after.PublishedAt != nil) != (tt.status == course.StatusPublished) {
					t.Errorf("course score %d published_at %v", after.AssessmentScore, after.PublishedAt)
				}
				// Decided once: a second assessment is a conflict.
				if _, err := e.svc.Assess(e.assessor, c.ID, scores(a), ""); code(err) != apperr.Conflict {
					t.Errorf("second assessment: %v", err)
				}
			})
		}
		if _, err := e.svc.Assess(e.assessor, "co0000", scores(a), ""); code(err) != apperr.NotFound {
			t.Errorf("unknown course: %v", err)
		}
		if _, err := e.svc.Assess(e.assessor, e.w.Course.ID, scores(a), ""); code(err) != apperr.Conflict {
			t.Errorf("a published course: %v", err)
		}
	})
}

func TestMonitor(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		m := indicator.Monitoring
		published := func(t *testing.T, key string) *ent.Course {
			c := e.propose(t, key)
			if _, err := e.svc.Assess(e.assessor, c.ID, scores(indicator.Assessment), ""); err != nil {
				t.Fatal(err)
			}
			return c
		}
		c := published(t, "m1")
		if got, err := e.svc.Monitor(e.assessor, c.ID, scores(m, "M02"), ""); err != nil || !got.Passed || got.Total != 40 {
			t.Fatalf("passing monitoring: %+v %v", got, err)
		}
		if st := e.db.Client.Course.GetX(sys, c.ID).Status; st != course.StatusPublished || len(e.refunds.calls) != 0 {
			t.Errorf("after a pass: %s, refunds %v", st, e.refunds.calls)
		}
		// A failed refund rolls the suspension back: nothing half-written.
		e.refunds.fail = true
		if _, err := e.svc.Monitor(e.assessor, c.ID, scores(m, "M36"), ""); err == nil {
			t.Fatal("a failed refund passed")
		}
		if st := e.db.Client.Course.GetX(sys, c.ID).Status; st != course.StatusPublished ||
			e.db.Client.CourseAssessment.Query().Where(courseassessment.CourseID(c.ID), courseassessment.KindEQ(courseassessment.KindMonitoring)).CountX(sys) != 1 {
			t.Errorf("after a failed refund: %s", st)
		}
		e.refunds.fail = false
		got, err := e.svc.Monitor(e.admin, c.ID, scores(m, "M36"), "harga berbeda")
		if err != nil || got.Passed || got.Reasons[0] != "curation.indicator.M36" {
			t.Fatalf("failing monitoring: %+v %v", got, err)
		}
		after := e.db.Client.Course.GetX(sys, c.ID)
		if after.Status != course.StatusSuspended || after.SuspendedAt == nil || len(e.refunds.calls) != 1 || e.refunds.calls[0] != c.ID {
			t.Errorf("after a fail: %s %v, refunds %v", after.Status, after.SuspendedAt, e.refunds.calls)
		}
		if a := e.db.Client.AuditLog.Query().Where(auditlog.Action("course.monitoring"), auditlog.TargetID(c.ID)).AllX(sys); len(a) != 2 ||
			a[1].Detail["refunded"] != "3" {
			t.Errorf("audits %+v", a)
		}
		if _, err := e.svc.Monitor(e.assessor, c.ID, scores(m), ""); code(err) != apperr.Conflict {
			t.Errorf("monitoring a suspended course: %v", err)
		}
		proposed := e.propose(t, "m2")
		if _, err := e.svc.Monitor(e.assessor, proposed.ID, scores(m), ""); code(err) != apperr.Conflict {
			t.Errorf("monitoring a proposed course: %v", err)
		}
		if _, err := e.svc.Monitor(e.assessor, published(t, "m3").ID, scores(indicator.Assessment), ""); code(err) != apperr.BadUserInput {
			t.Errorf("assessment codes for a monitoring: %v", err)
		}
		if _, err := e.svc.Monitor(e.support, c.ID, scores(m), ""); code(err) != apperr.Forbidden {
			t.Errorf("support: %v", err)
		}
	})
}
