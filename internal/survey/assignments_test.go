package survey_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent/surveyresponse"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/survey"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestMySurveys: windows and statuses from the first incentive, questions
// in order, nothing without a first incentive.
func TestMySurveys(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		e.newSurvey(t, "SE3", 3, 60, 90)
		first := e.now.Add(-40 * day)
		_, ctx := e.recipient(t, first)
		if _, err := e.svc.Submit(ctx, e.submission("my-1")); err != nil {
			t.Fatal(err)
		}
		_, fresh := e.recipient(t, e.now.Add(-40*day))
		_, lapsed := e.recipient(t, e.now.Add(-200*day))
		_, unpaid := e.recipient(t, time.Time{})
		gone, revoked := e.recipient(t, e.now.Add(-40*day))
		e.revoke(gone, e.now.Add(-5*day))

		cases := []struct {
			name string
			ctx  context.Context
			want map[string]survey.Status // by code; SE1 is the fixture's, answered by every fixture person
		}{
			{"answered, open and upcoming", ctx, map[string]survey.Status{"SE1": survey.StatusAnswered,
				"SE2": survey.StatusAnswered, "SE3": survey.StatusUpcoming}},
			{"open", fresh, map[string]survey.Status{"SE1": survey.StatusAnswered, "SE2": survey.StatusOpen,
				"SE3": survey.StatusUpcoming}},
			{"closed", lapsed, map[string]survey.Status{"SE1": survey.StatusAnswered, "SE2": survey.StatusClosed,
				"SE3": survey.StatusClosed}},
			{"no first incentive", unpaid, map[string]survey.Status{}},
			{"revoked: open closes, upcoming cancelled", revoked, map[string]survey.Status{"SE1": survey.StatusAnswered,
				"SE2": survey.StatusClosed}},
			{"staff", staff(t, e, viewer.RoleAdmin), map[string]survey.Status{}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				as, err := e.svc.MySurveys(c.ctx)
				if err != nil {
					t.Fatal(err)
				}
				if as == nil || len(as) != len(c.want) {
					t.Fatalf("%d assignments (%v), want %d", len(as), as, len(c.want))
				}
				for _, a := range as {
					if a.Status != c.want[a.Survey.Code] {
						t.Errorf("%s: %s, want %s", a.Survey.Code, a.Status, c.want[a.Survey.Code])
					}
					if (a.Status == survey.StatusAnswered) != (a.Response != nil) {
						t.Errorf("%s: status %s with response %v", a.Survey.Code, a.Status, a.Response)
					}
				}
			})
		}
		as, err := e.svc.MySurveys(ctx)
		if err != nil || len(as) != 3 {
			t.Fatalf("my surveys: %d, %v", len(as), err)
		}
		se2 := as[1]
		if se2.Survey.Code != "SE2" || !se2.OpensAt.Equal(first.Add(30*day)) || !se2.ClosesAt.Equal(first.Add(120*day)) {
			t.Errorf("SE2 window %s - %s, want %s - %s", se2.OpensAt, se2.ClosesAt, first.Add(30*day), first.Add(120*day))
		}
		var keys []string
		for _, q := range se2.Survey.Edges.Questions {
			keys = append(keys, q.Key)
		}
		if want := "skills_improved status uses income children note"; strings.Join(keys, " ") != want {
			t.Errorf("questions in order %q, want %q", strings.Join(keys, " "), want)
		}
		if _, err := e.svc.MySurveys(context.Background()); rule.Code(err) != apperr.Unauthenticated {
			t.Errorf("anonymous: %v", err)
		}
	})
}

// TestPrivacy: a recipient neither reads nor answers for another; only
// recipients answer; only admins and analysts read aggregates.
func TestPrivacy(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db)
		a, asA := e.recipient(t, e.open())
		b, asB := e.recipient(t, e.open())
		ra, err := e.svc.Submit(asA, e.submission("a-1"))
		if err != nil {
			t.Fatal(err)
		}
		if n := db.Client.SurveyResponse.Query().Where(surveyresponse.ID(ra.ID)).CountX(asB); n != 0 {
			t.Errorf("recipient B reads A's response")
		}
		if n := db.Client.SurveyResponse.Query().Where(surveyresponse.ID(ra.ID)).CountX(asA); n != 1 {
			t.Errorf("recipient A cannot read their own response")
		}
		if ra.RecipientID != a.Recipient.ID {
			t.Errorf("A's submission recorded for %s, want A (%s)", ra.RecipientID, a.Recipient.ID)
		}
		rb, err := e.svc.Submit(asB, e.submission("b-1"))
		if err != nil {
			t.Fatalf("B's submission: %v", err)
		}
		if rb.RecipientID != b.Recipient.ID {
			t.Errorf("B's submission recorded for %s, want B (%s)", rb.RecipientID, b.Recipient.ID)
		}
		bs, err := e.svc.MySurveys(asB)
		if err != nil {
			t.Fatal(err)
		}
		answered := 0
		for _, x := range bs {
			if x.Response == nil {
				continue
			}
			answered++
			if x.Response.RecipientID != b.Recipient.ID {
				t.Errorf("B's surveys show %s's response to %s", x.Response.RecipientID, x.Survey.Code)
			}
		}
		if answered != 2 { // the fixture's SE1 and SE2 just submitted
			t.Errorf("B's surveys show %d answered, want 2", answered)
		}
		for _, role := range []viewer.Role{viewer.RoleAdmin, viewer.RoleSupport, viewer.RoleAnalyst} {
			if _, err := e.svc.Submit(staff(t, e, role), e.submission("staff-"+string(role))); rule.Code(err) != apperr.Forbidden {
				t.Errorf("%s submitting: %v", role, err)
			}
		}
		if _, err := e.svc.Submit(context.Background(), e.submission("anon")); rule.Code(err) != apperr.Unauthenticated {
			t.Errorf("anonymous submitting: %v", err)
		}
		for _, c := range []struct {
			ctx  context.Context
			want apperr.Code
		}{
			{asA, apperr.Forbidden}, {staff(t, e, viewer.RoleSupport), apperr.Forbidden},
			{context.Background(), apperr.Unauthenticated},
			{staff(t, e, viewer.RoleAdmin), ""}, {staff(t, e, viewer.RoleAnalyst), ""},
		} {
			if _, err := e.svc.Results(c.ctx, e.sv.ID); rule.Code(err) != c.want {
				t.Errorf("results: %v, want %q", err, c.want)
			}
		}
	})
}
