package app_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// waveDesk is a store with three provinces (11 without applicants, 32 with
// three verified ones, 33 with one, plus one recipient in 32 who no longer
// waits) and signed-in admin, analyst and recipient clients (English).
type waveDesk struct {
	db                      *database.DB
	world                   *fixture.World
	admin, analyst, citizen gqltest.Client
	waiting                 []*ent.Recipient
}

func newWaveDesk(t *testing.T, db *database.DB) *waveDesk {
	t.Helper()
	s := newStack(t, db)
	d := &waveDesk{db: db, world: fixture.NewWorld(t, db.Client)}
	ctx := rule.System(context.Background(), "test")
	regency := map[string]pulid.ID{"32": d.world.Regency.ID}
	for _, code := range []string{"11", "33"} {
		p := db.Client.Province.Create().SetCode(code).SetName("PROVINSI " + code).SetTimeZone("WIB").SaveX(ctx)
		regency[code] = db.Client.Regency.Create().SetCode(code + "01").SetName("KAB " + code).SetKind("kabupaten").
			SetProvinceID(p.ID).SaveX(ctx).ID
	}
	for i, p := range []struct{ province, status string }{{"32", "verified"}, {"32", "verified"}, {"32", "verified"},
		{"33", "verified"}, {"32", "recipient"}} {
		acc := db.Client.Account.Create().SetPhone(fmt.Sprintf("+62813%08d", i)).SetRole(viewer.RoleRecipient).SaveX(ctx)
		r := db.Client.Recipient.Create().SetAccountID(acc.ID).SetNik(fmt.Sprintf("3273011001900%03d", i)).
			SetKkNumber(fmt.Sprintf("3273010000%06d", i)).SetFullName(fmt.Sprintf("Pendaftar %d", i)).
			SetBirthDate(time.Date(1990, 1, 10, 0, 0, 0, 0, time.UTC)).SetGender("male").
			SetRegencyID(regency[p.province]).SetArea("urban").SetEducation("senior_secondary").
			SetEmployment("not_working").SetStatus(recipient.Status(p.status)).SaveX(ctx)
		if p.status == "verified" {
			d.waiting = append(d.waiting, r)
		}
	}
	fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
	fixture.NewAccount(t, db.Client, "+6281100000002", viewer.RoleAnalyst, "")
	db.Client.Account.Update().SetLocale("en").ExecX(ctx) // the account's language wins over Accept-Language
	d.admin = gqltest.SignIn(t, s.URL, s.SMS, "+6281100000001")
	d.analyst = gqltest.SignIn(t, s.URL, s.SMS, "+6281100000002")
	d.citizen = gqltest.SignIn(t, s.URL, s.SMS, "+6281300000000")
	for _, c := range []*gqltest.Client{&d.admin, &d.analyst, &d.citizen} {
		c.Language = "en"
	}
	return d
}

// written counts the rows a refused wave request must leave alone.
func (d *waveDesk) written(t *testing.T) [3]int {
	ctx := rule.System(context.Background(), "test")
	return [3]int{d.db.Client.Wave.Query().CountX(ctx), d.db.Client.WaveQuota.Query().CountX(ctx),
		d.db.Client.AuditLog.Query().Where(auditlog.ActionHasPrefix("wave.")).CountX(ctx)}
}

// TestSuggestWaveQuotas: every province is listed with its waiting
// applicants, and the quotas follow them by the largest remainder (7.5 and
// 2.5 of 10 seats: the tie goes to the lower code); admins only; a size
// out of range and a store without applicants are typed refusals.
func TestSuggestWaveQuotas(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		d := newWaveDesk(t, db)
		const q = `query($n: Int!) { suggestWaveQuotas(size: $n) { provinceCode provinceName applicants quota } }`
		var got struct {
			SuggestWaveQuotas []struct {
				ProvinceCode, ProvinceName string
				Applicants, Quota          int
			}
		}
		d.admin.Do(t, q, map[string]any{"n": 10}).MustData(t, &got)
		var rows []string
		for _, p := range got.SuggestWaveQuotas {
			rows = append(rows, fmt.Sprintf("%s:%d:%d", p.ProvinceCode, p.Applicants, p.Quota))
		}
		if want := []string{"11:0:0", "32:3:8", "33:1:2"}; !slices.Equal(rows, want) {
			t.Errorf("suggestion %v, want %v", rows, want)
		}
		refusals := []struct {
			name   string
			client gqltest.Client
			size   any
			code   string
			field  string
		}{
			{"analyst", d.analyst, 10, "FORBIDDEN", ""},
			{"recipient", d.citizen, 10, "FORBIDDEN", ""},
			{"zero seats", d.admin, 0, "BAD_USER_INPUT", "size"},
			{"negative seats", d.admin, -5, "BAD_USER_INPUT", "size"},
			{"beyond the maximum", d.admin, 10_000_001, "BAD_USER_INPUT", "size"},
			{"not a number", d.admin, "abc", "GRAPHQL_VALIDATION_FAILED", "n"},
		}
		for _, tt := range refusals {
			r := tt.client.Do(t, q, map[string]any{"n": tt.size})
			checkRefusal(t, tt.name, r, tt.code, tt.field, "")
		}
		ctx := rule.System(context.Background(), "test")
		db.Client.Recipient.Update().SetStatus("rejected").ExecX(ctx)
		r := d.admin.Do(t, q, map[string]any{"n": 10})
		checkRefusal(t, "no applicants", r, "CONFLICT", "", "No verified applicants")
	})
}

// checkRefusal checks a response is one error with code, naming field in
// extensions.fields (when field is set) and saying text (when set).
func checkRefusal(t *testing.T, name string, r gqltest.Response, code, field, text string) {
	t.Helper()
	if len(r.Errors) != 1 || r.Errors[0].Code() != code {
		t.Errorf("%s: errors %+v, want one %s", name, r.Errors, code)
		return
	}
	e := r.Errors[0]
	if field != "" {
		fields, _ := e.Extensions["fields"].(map[string]any)
		if _, ok := fields[field]; !ok {
			t.Errorf("%s: extensions.fields %v, want %s", name, e.Extensions["fields"], field)
		}
	}
	if !strings.Contains(e.Message, text) {
		t.Errorf("%s: message %q, want it to say %q", name, e.Message, text)
	}
}

// TestCreateWaveBadQuotas: each wrong quota table is refused as
// BAD_USER_INPUT naming the row (provinceQuotas.<i>.quota or .provinceCode)
// so the console can mark the cell, in the reader's language, and nothing
// is written.
func TestCreateWaveBadQuotas(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		d := newWaveDesk(t, db)
		before := d.written(t)
		const m = `mutation($in: CreateWaveInput!) { createWave(input: $in) { id } }`
		row := func(code string, quota any) map[string]any {
			return map[string]any{"provinceCode": code, "quota": quota}
		}
		tests := []struct {
			name  string
			quota int
			rows  []map[string]any
			field string
			text  string
		}{
			{"quotas do not add up", 10, []map[string]any{row("32", 4), row("33", 5)}, "provinceQuotas", "(9) must add up to the wave quota (10)"},
			{"a negative quota", 10, []map[string]any{row("32", 11), row("33", -1)}, "provinceQuotas.1.quota", "cannot be negative"},
			{"a province listed twice", 10, []map[string]any{row("32", 5), row("32", 5)}, "provinceQuotas.1.provinceCode", "Province 32 is listed more than once"},
			{"an unknown province", 10, []map[string]any{row("32", 5), row("99", 5)}, "provinceQuotas.1.provinceCode", "Province code 99 is unknown"},
		}
		for _, tt := range tests {
			r := d.admin.Do(t, m, map[string]any{"in": waveInput(40, tt.quota, tt.rows)})
			checkRefusal(t, tt.name, r, "BAD_USER_INPUT", tt.field, tt.text)
		}
		// A quota that is not a number never reaches the service: the
		// variable's validation refuses it, naming the cell.
		r := d.admin.Do(t, m, map[string]any{"in": waveInput(40, 10, []map[string]any{row("32", 5), row("33", "abc")})})
		checkRefusal(t, "a quota that is not a number", r, "GRAPHQL_VALIDATION_FAILED", "provinceQuotas.1.quota", "The request does not fit the schema.")
		if f, _ := r.Errors[0].Extensions["fields"].(map[string]any); len(r.Errors) == 1 && f["provinceQuotas.1.quota"] != "Must be a whole number." {
			t.Errorf("non-numeric quota's field message: %v", r.Errors[0].Extensions)
		}
		r = d.citizen.Do(t, m, map[string]any{"in": waveInput(40, 1, []map[string]any{row("99", -1)})})
		checkRefusal(t, "a recipient's bad quotas", r, "FORBIDDEN", "", "")
		if after := d.written(t); after != before {
			t.Errorf("waves, quotas, audit entries %v -> %v after refusals", before, after)
		}
	})
}

// TestWaveLifeThroughAPI: each action in the wrong state is CONFLICT saying
// the state and what can be done; a second selection returns the first
// result; the wave's phases come out in order with the selection's timed
// steps (staff only), and the verify command appears once it is announced.
func TestWaveLifeThroughAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		d := newWaveDesk(t, db)
		var created struct{ CreateWave struct{ ID string } }
		d.admin.Do(t, `mutation($in: CreateWaveInput!) { createWave(input: $in) { id } }`, map[string]any{"in": waveInput(30, 10,
			[]map[string]any{{"provinceCode": "32", "quota": 8}, {"provinceCode": "33", "quota": 2}})}).MustData(t, &created)
		id := created.CreateWave.ID
		do := func(op string) gqltest.Response {
			return d.admin.Do(t, `mutation($w: ID!) { `+op+`(waveId: $w) { __typename } }`, map[string]any{"w": id})
		}
		ok := func(op string) {
			t.Helper()
			do(op).MustData(t, &struct{}{})
		}
		var summary func() string
		steps := []struct {
			op, refusal string // refusal "": the action succeeds
		}{
			{"closeWave", "Wave 30 is a draft; the only thing it can do now is be opened."},
			{"runSelection", "Wave 30 is a draft; the only thing it can do now is be opened."},
			{"openWave", ""},
			{"openWave", "Wave 30 is open; the only thing it can do now is be closed."},
			{"runSelection", "Wave 30 is open; the only thing it can do now is be closed."},
			{"closeWave", ""},
			{"closeWave", ""}, // closing twice returns the closed wave
			{"openWave", "Wave 30 is closed; the only thing it can do now is have its selection run."},
		}
		for i, st := range steps {
			before := d.written(t)
			if st.refusal == "" {
				ok(st.op)
				if st.op == "openWave" { // the waiting applicants join
					ctx := rule.System(context.Background(), "test")
					for _, r := range d.waiting {
						db.Client.Application.Create().SetRecipientID(r.ID).SetWaveID(pulid.ID(id)).
							SetProvinceID(d.provinceOf(t, r)).ExecX(ctx)
					}
				}
				continue
			}
			checkRefusal(t, fmt.Sprintf("step %d %s", i, st.op), do(st.op), "CONFLICT", "", st.refusal)
			if after := d.written(t); after != before {
				t.Errorf("step %d %s refused but wrote: %v -> %v", i, st.op, before, after)
			}
		}
		summary = func() string {
			var s struct {
				RunSelection struct {
					Seed, Commitment     string
					Applicants, Selected int
				}
			}
			d.admin.Do(t, `mutation($w: ID!) { runSelection(waveId: $w) { seed commitment applicants selected } }`,
				map[string]any{"w": id}).MustData(t, &s)
			return fmt.Sprintf("%+v", s.RunSelection)
		}
		first, second := summary(), summary()
		if first != second || !strings.Contains(first, "Applicants:4 Selected:4") {
			t.Errorf("second selection %s, first %s", second, first)
		}
		ctx := rule.System(context.Background(), "test")
		if n := db.Client.AuditLog.Query().Where(auditlog.Action("wave.selection")).CountX(ctx); n != 1 {
			t.Errorf("%d selection audit entries, want 1 (the second run draws nothing)", n)
		}

		const q = `query($w: ID!) { node(id: $w) { ... on Wave { verifyCommand phases { name label at durationMs rows } } } }`
		type phase struct {
			Name, Label      string
			At               *time.Time
			DurationMs, Rows *int
		}
		var w struct {
			Node struct {
				VerifyCommand *string
				Phases        []phase
			}
		}
		d.admin.Do(t, q, map[string]any{"w": id}).MustData(t, &w)
		var names []string
		for i, p := range w.Node.Phases {
			names = append(names, p.Name)
			if i > 0 && p.At != nil && w.Node.Phases[i-1].At != nil && p.At.Before(*w.Node.Phases[i-1].At) {
				t.Errorf("phase %s at %v, before %s at %v", p.Name, p.At, w.Node.Phases[i-1].Name, w.Node.Phases[i-1].At)
			}
			selection := strings.HasPrefix(p.Name, "selection.")
			if p.At == nil || p.Label == "" || p.Label == p.Name || selection != (p.DurationMs != nil && p.Rows != nil) {
				t.Errorf("phase %+v", p)
			}
			if selection && p.Name != "selection.accept" && *p.Rows != 4 {
				t.Errorf("phase %s handled %d rows, want 4", p.Name, *p.Rows)
			}
		}
		want := []string{"created", "opened", "closed", "selection.applicants", "selection.draw", "selection.results",
			"selection.accept", "selection.notify", "announced"}
		if !slices.Equal(names, want) {
			t.Errorf("phases %v, want %v", names, want)
		}
		if len(w.Node.Phases) > 4 && w.Node.Phases[4].Label != "Selection: lottery drawn" {
			t.Errorf("draw label %q", w.Node.Phases[4].Label)
		}
		if w.Node.VerifyCommand == nil || *w.Node.VerifyCommand != "prakerja verify-selection -source http://localhost:8080 -wave 30" {
			t.Errorf("verifyCommand %v", w.Node.VerifyCommand)
		}
		var seen struct{ Node struct{ Phases []phase } }
		d.analyst.Do(t, q, map[string]any{"w": id}).MustData(t, &seen)
		if len(seen.Node.Phases) != len(want) {
			t.Errorf("analyst sees %d phases, want %d", len(seen.Node.Phases), len(want))
		}
		if codes := d.citizen.Do(t, q, map[string]any{"w": id}).Codes(); !slices.Equal(codes, []string{"FORBIDDEN"}) {
			t.Errorf("a recipient asking for phases: codes %v, want [FORBIDDEN]", codes)
		}
		var draft struct {
			Node struct{ VerifyCommand *string }
		}
		d.admin.Do(t, `query($w: ID!) { node(id: $w) { ... on Wave { verifyCommand } } }`,
			map[string]any{"w": d.world.Wave.ID}).MustData(t, &draft)
		if draft.Node.VerifyCommand != nil {
			t.Errorf("an open wave has a verify command: %s", *draft.Node.VerifyCommand)
		}
	})
}

// waveInput is a CreateWaveInput open from an hour ago to an hour from now.
func waveInput(number, quota int, rows []map[string]any) map[string]any {
	return map[string]any{"number": number, "name": fmt.Sprintf("Gelombang %d", number),
		"opensAt": time.Now().Add(-time.Hour).Format(time.RFC3339), "closesAt": time.Now().Add(time.Hour).Format(time.RFC3339),
		"quota": quota, "provinceQuotas": rows}
}

func (d *waveDesk) provinceOf(t *testing.T, r *ent.Recipient) pulid.ID {
	t.Helper()
	return d.db.Client.Regency.GetX(rule.System(context.Background(), "test"), r.RegencyID).ProvinceID
}
