package curation_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/review"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// buyer is a recipient with purchases of one fresh published course.
type buyer struct {
	ctx    context.Context
	person *fixture.Person
}

func (e *env) buyer(t *testing.T, n int) buyer {
	t.Helper()
	p := e.w.NewPerson(t, e.db.Client, n, e.w.Platform)
	return buyer{person: p, ctx: as(&viewer.Viewer{AccountID: p.Account.ID, Role: viewer.RoleRecipient, RecipientID: p.Recipient.ID})}
}

var purchases int

func (e *env) purchase(t *testing.T, b buyer, c *ent.Course, status purchase.Status) *ent.Purchase {
	t.Helper()
	purchases++
	return e.db.Client.Purchase.Create().SetRecipientID(b.person.Recipient.ID).SetCourseID(c.ID).
		SetDigitalPlatformID(e.w.Platform.ID).SetPrice(c.Price).SetInvoiceCode(fmt.Sprintf("INV-T%d", purchases)).
		SetIdempotencyKey(fmt.Sprintf("k-t%d", purchases)).SetStatus(status).SaveX(sys)
}

func (e *env) freshCourse(t *testing.T, title string) *ent.Course {
	t.Helper()
	return e.db.Client.Course.Create().SetTitle(title).SetCategory("it").SetMethod("lms").SetPrice(100_000).
		SetDurationHours(3).SetTrainingInstitutionID(e.w.Institution.ID).SaveX(sys)
}

func TestWriteReview(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		c := e.freshCourse(t, "Excel Dasar")
		b := e.buyer(t, 1)
		other := e.buyer(t, 2)
		done := e.purchase(t, b, c, purchase.StatusCompleted)
		tests := []struct {
			name   string
			ctx    context.Context
			p      *ent.Purchase
			rating int
			body   string
			want   apperr.Code
			field  string
		}{
			{"paid, not finished", b.ctx, e.purchase(t, b, c, purchase.StatusPaid), 5, "", apperr.Conflict, ""},
			{"in progress", b.ctx, e.purchase(t, b, c, purchase.StatusInProgress), 5, "", apperr.Conflict, ""},
			{"redeemed", b.ctx, e.purchase(t, b, c, purchase.StatusRedeemed), 5, "", apperr.Conflict, ""},
			{"refunded", b.ctx, e.purchase(t, b, c, purchase.StatusRefunded), 5, "", apperr.Conflict, ""},
			{"someone else's purchase", other.ctx, done, 5, "", apperr.NotFound, "purchaseId"},
			{"staff", e.admin, done, 5, "", apperr.Forbidden, ""},
			{"rating 0", b.ctx, done, 0, "", apperr.BadUserInput, "rating"},
			{"rating 6", b.ctx, done, 6, "", apperr.BadUserInput, "rating"},
			{"body too long", b.ctx, done, 4, strings.Repeat("a", 2001), apperr.BadUserInput, "body"},
			{"body too long in bytes", b.ctx, done, 4, strings.Repeat("é", 1001), apperr.BadUserInput, "body"},
			{"completed", b.ctx, done, 4, strings.Repeat("a", 2000), "", ""},
			{"a second review", b.ctx, done, 5, "", apperr.Conflict, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r, err := e.svc.WriteReview(tt.ctx, tt.p.ID, tt.rating, tt.body)
				if code(err) != tt.want {
					t.Fatalf("got %v, want %s", err, tt.want)
				}
				if tt.field != "" && fieldsOf(err)[tt.field] == "" {
					t.Errorf("fields %v, want %s", fieldsOf(err), tt.field)
				}
				if tt.want == "" && (r.Rating != tt.rating || r.CourseID != c.ID || r.RecipientID != b.person.Recipient.ID) {
					t.Errorf("review %+v", r)
				}
			})
		}
		after := e.db.Client.Course.GetX(sys, c.ID)
		if after.RatingCount != 1 || after.RatingAverage != 4 || e.db.Client.Review.Query().Where(review.CourseID(c.ID)).CountX(sys) != 1 {
			t.Errorf("course rating %v × %d", after.RatingAverage, after.RatingCount)
		}
	})
}

// TestConcurrentReviewsExact: many recipients review one course at once;
// the average and count equal the reviews table's afterwards.
func TestConcurrentReviewsExact(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		c := e.freshCourse(t, "Bahasa Korea")
		const n = 12
		type job struct {
			ctx context.Context
			p   *ent.Purchase
		}
		jobs := make([]job, n)
		for i := range jobs {
			b := e.buyer(t, 10+i)
			jobs[i] = job{b.ctx, e.purchase(t, b, c, purchase.StatusCompleted)}
		}
		var wg sync.WaitGroup
		sum := 0
		for i, j := range jobs {
			sum += i%5 + 1
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := e.svc.WriteReview(j.ctx, j.p.ID, i%5+1, "bagus"); err != nil {
					t.Errorf("review %d: %v", i, err)
				}
			}()
		}
		wg.Wait()
		after := e.db.Client.Course.GetX(sys, c.ID)
		if after.RatingCount != n || after.RatingAverage != float64(sum)/n {
			t.Errorf("rating %v × %d, want %v × %d", after.RatingAverage, after.RatingCount, float64(sum)/n, n)
		}
	})
}

func TestHideReview(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		c := e.freshCourse(t, "Menjahit")
		b1, b2 := e.buyer(t, 1), e.buyer(t, 2)
		r1, err := e.svc.WriteReview(b1.ctx, e.purchase(t, b1, c, purchase.StatusCompleted).ID, 1, "kata kasar")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.svc.WriteReview(b2.ctx, e.purchase(t, b2, c, purchase.StatusCompleted).ID, 5, "bagus"); err != nil {
			t.Fatal(err)
		}
		const reason = "Kata-kata kasar kepada pelatih"
		tests := []struct {
			name   string
			ctx    context.Context
			reason string
			want   apperr.Code
		}{
			{"a recipient", b2.ctx, reason, apperr.Forbidden},
			{"analyst", e.analyst, reason, apperr.Forbidden},
			{"the institution", e.inst, reason, apperr.Forbidden},
			{"a short reason", e.assessor, "kasar    ", apperr.BadUserInput},
			{"assessor", e.assessor, reason, ""},
			{"again", e.admin, reason, apperr.Conflict},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if _, err := e.svc.HideReview(tt.ctx, r1.ID, tt.reason); code(err) != tt.want {
					t.Fatalf("got %v, want %s", err, tt.want)
				}
			})
		}
		if _, err := e.svc.HideReview(e.admin, "rv0000", reason); code(err) != apperr.NotFound {
			t.Errorf("unknown review: %v", err)
		}
		after := e.db.Client.Course.GetX(sys, c.ID)
		if after.RatingCount != 1 || after.RatingAverage != 5 {
			t.Errorf("after hiding: %v × %d", after.RatingAverage, after.RatingCount)
		}
		if n := e.db.Client.AuditLog.Query().Where(auditlog.Action("review.hide"), auditlog.TargetID(r1.ID), auditlog.Reason(reason)).CountX(sys); n != 1 {
			t.Errorf("%d audit entries", n)
		}
		// The privacy policy: the public and other recipients no longer read
		// it; its author (with the reason) and staff do.
		reads := []struct {
			name string
			ctx  context.Context
			sees bool
		}{
			{"anonymous", context.Background(), false},
			{"another recipient", b2.ctx, false},
			{"the institution", e.inst, false},
			{"its author", b1.ctx, true},
			{"assessor", e.assessor, true},
			{"admin", e.admin, true},
		}
		for _, rd := range reads {
			got, err := e.db.Client.Review.Query().Where(review.CourseID(c.ID)).All(rd.ctx)
			if err != nil {
				t.Fatalf("%s: %v", rd.name, err)
			}
			seen := false
			for _, r := range got {
				if r.ID == r1.ID {
					seen = r.HiddenReason != nil && *r.HiddenReason == reason
				}
			}
			if seen != rd.sees || len(got) < 1 {
				t.Errorf("%s sees the hidden review %v (of %d), want %v", rd.name, seen, len(got), rd.sees)
			}
		}
	})
}

// TestCourseVisibility: proposed and rejected courses are read only by their
// institution and curation staff, by id, in lists and through filters.
func TestCourseVisibility(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		proposed := e.propose(t, "v1")
		rejected := e.propose(t, "v2")
		if _, err := e.svc.Assess(e.assessor, rejected.ID, scores("assessment", "A01"), ""); err != nil {
			t.Fatal(err)
		}
		suspended := e.freshCourse(t, "Ditangguhkan")
		e.db.Client.Course.UpdateOne(suspended).SetStatus(course.StatusSuspended).ExecX(sys)
		b := e.buyer(t, 1)
		tests := []struct {
			name string
			ctx  context.Context
			sees bool
		}{
			{"anonymous", context.Background(), false},
			{"a recipient", b.ctx, false},
			{"another institution", e.other, false},
			{"a platform", e.platform, false},
			{"support", e.support, false},
			{"its institution", e.inst, true},
			{"assessor", e.assessor, true},
			{"admin", e.admin, true},
			{"analyst", e.analyst, true},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				for _, c := range []*ent.Course{proposed, rejected} {
					_, err := e.db.Client.Course.Get(tt.ctx, c.ID)
					if (err == nil) != tt.sees || (err != nil && !ent.IsNotFound(err)) {
						t.Errorf("get %s: %v", c.Status, err)
					}
				}
				ids := e.db.Client.Course.Query().IDsX(tt.ctx)
				filtered := e.db.Client.Course.Query().Where(course.StatusIn(course.StatusProposed, course.StatusRejected)).CountX(tt.ctx)
				want := 0
				if tt.sees {
					want = 2
				}
				if filtered != want {
					t.Errorf("filter on status: %d, want %d", filtered, want)
				}
				public := map[bool]int{false: 0}
				for _, id := range ids {
					public[id == proposed.ID || id == rejected.ID]++
				}
				if public[true] != want || !contains(ids, suspended.ID) || !contains(ids, e.w.Course.ID) {
					t.Errorf("list %v", ids)
				}
			})
		}
	})
}

func contains[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
