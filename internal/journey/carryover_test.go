package journey_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/application"
	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/selectionresult"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestCarryOver: wave 40 announced, wave 41 opened: exactly the applicants
// of wave 40 who were not selected and are still verified get an
// application to wave 41 (in the same province); the selected, the
// excluded, the undrawn, those revoked or rejected since, and those of an
// older wave do not; opening again and rerunning the carry-over add nothing.
func TestCarryOver(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		e := newEnv(t, db, nil, nil)
		sys := rule.System(context.Background(), "test")
		c := db.Client
		older := announcedWave(t, c, 39)
		last := announcedWave(t, c, 40)
		cases := []struct {
			name    string
			wave    *ent.Wave
			result  selectionresult.Status // "" = never drawn
			status  recipient.Status       // the registration now
			carried bool
		}{
			{"not selected", last, selectionresult.StatusNotSelected, recipient.StatusVerified, true},
			{"not selected too", last, selectionresult.StatusNotSelected, recipient.StatusVerified, true},
			{"selected", last, selectionresult.StatusSelected, recipient.StatusRecipient, false},
			{"selected, still verified", last, selectionresult.StatusSelected, recipient.StatusVerified, false},
			{"not selected, revoked since", last, selectionresult.StatusNotSelected, recipient.StatusRevoked, false},
			{"not selected, rejected since", last, selectionresult.StatusNotSelected, recipient.StatusRejected, false},
			{"not selected, registration pending", last, selectionresult.StatusNotSelected, recipient.StatusRegistered, false},
			{"excluded, verified again", last, selectionresult.StatusExcluded, recipient.StatusVerified, false},
			{"never drawn", last, "", recipient.StatusVerified, false},
			{"not selected in an older wave", older, selectionresult.StatusNotSelected, recipient.StatusVerified, false},
		}
		want := map[pulid.ID]string{} // recipient -> case name
		names := map[pulid.ID]string{}
		for i, tc := range cases {
			r := applicant(t, db, e, 100+i, tc.status)
			names[r.ID] = tc.name
			app := c.Application.Create().SetRecipientID(r.ID).SetWaveID(tc.wave.ID).
				SetProvinceID(e.world.Province.ID).SaveX(sys)
			if tc.result != "" {
				c.SelectionResult.Create().SetID(app.ID.Sibling("se")).SetApplicationID(app.ID).
					SetRecipientID(r.ID).SetWaveID(tc.wave.ID).SetStatus(tc.result).SetDecidedAt(time.Now()).ExecX(sys)
			}
			if tc.carried {
				want[r.ID] = tc.name
			}
		}

		next, err := e.svc.CreateWave(e.admin, journey.NewWave{Number: 41, Name: "Gelombang 41",
			OpensAt: time.Now().Add(-time.Hour), ClosesAt: time.Now().Add(time.Hour), Quota: 5,
			ProvinceQuotas: map[string]int{"32": 5}})
		if err != nil {
			t.Fatalf("create wave: %v", err)
		}
		if _, err := e.svc.OpenWave(e.admin, next.ID); err != nil {
			t.Fatalf("open wave: %v", err)
		}
		first := carriedInto(t, db, next.ID, e.world.Province.ID, names)
		if got := slices.Sorted(maps.Values(first)); !slices.Equal(got, slices.Sorted(maps.Values(want))) {
			t.Fatalf("carried over %q, want %q", got, slices.Sorted(maps.Values(want)))
		}
		detail := c.AuditLog.Query().Where(auditlog.Action("wave.opened"), auditlog.TargetID(next.ID)).OnlyX(sys).Detail
		if detail["carried_over"] != fmt.Sprint(len(want)) {
			t.Errorf("audit says %q carried over, want %d", detail["carried_over"], len(want))
		}

		if _, err := e.svc.OpenWave(e.admin, next.ID); !apperr.Is(err, apperr.Conflict) {
			t.Errorf("opening an open wave again: %v, want CONFLICT", err)
		}
		opened := c.Wave.GetX(sys, next.ID)
		if opened.Status != wave.StatusOpen {
			t.Fatalf("wave 41 is %s", opened.Status)
		}
		withTx(t, db, func(tx *ent.Tx) {
			if _, err := e.svc.CarryOver(sys, tx, opened); err != nil {
				t.Fatalf("carry over again: %v", err)
			}
		})
		if again := carriedInto(t, db, next.ID, e.world.Province.ID, names); !maps.Equal(again, first) {
			t.Errorf("a rerun changed the carried applications: %v, was %v", again, first)
		}
	})
}

// announcedWave creates a wave whose selection was announced.
func announcedWave(t *testing.T, c *ent.Client, number int) *ent.Wave {
	t.Helper()
	sys := rule.System(context.Background(), "test")
	return c.Wave.Create().SetNumber(number).SetName(fmt.Sprintf("Gelombang %d", number)).
		SetOpensAt(time.Now().Add(-96 * time.Hour)).SetClosesAt(time.Now().Add(-72 * time.Hour)).
		SetStatus(wave.StatusAnnounced).SetQuota(1).SaveX(sys)
}

// applicant creates a registered person numbered n whose registration now
// has status.
func applicant(t *testing.T, db *database.DB, e *env, n int, status recipient.Status) *ent.Recipient {
	t.Helper()
	sys := rule.System(context.Background(), "test")
	acc := db.Client.Account.Create().SetPhone(fmt.Sprintf("+62814%08d", n)).SetRole(viewer.RoleRecipient).SaveX(sys)
	return db.Client.Recipient.Create().SetAccountID(acc.ID).SetNik(fmt.Sprintf("327301070395%04d", n)).
		SetKkNumber(fmt.Sprintf("327301000001%04d", n)).SetFullName(fmt.Sprintf("Pelamar %d", n)).
		SetBirthDate(time.Date(1995, 3, 7, 0, 0, 0, 0, time.UTC)).SetGender("male").
		SetRegencyID(e.world.Regency.ID).SetArea("urban").SetEducation("senior_secondary").
		SetEmployment("not_working").SetStatus(status).SaveX(sys)
}

// carriedInto returns the applications of wave by id, as case names of
// their recipients, checking each competes in province.
func carriedInto(t *testing.T, db *database.DB, waveID, province pulid.ID, names map[pulid.ID]string) map[pulid.ID]string {
	t.Helper()
	sys := rule.System(context.Background(), "test")
	out := map[pulid.ID]string{}
	for _, a := range db.Client.Application.Query().Where(application.WaveID(waveID)).AllX(sys) {
		name, ok := names[a.RecipientID]
		if !ok {
			t.Errorf("application %s of an unknown recipient %s", a.ID, a.RecipientID)
		}
		if a.ProvinceID != province {
			t.Errorf("%s carried into province %s, want %s", name, a.ProvinceID, province)
		}
		out[a.ID] = name
	}
	return out
}
