package app_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/console"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// consoleWorld is a world with one recipient (p, with a card number), a
// second one (q) and one signed-in account of every role.
type consoleWorld struct {
	db      *database.DB
	w       *fixture.World
	p, q    *fixture.Person
	card    string
	as      map[viewer.Role]gqltest.Client
	account map[viewer.Role]pulid.ID
	anon    gqltest.Client
}

func newConsoleWorld(t *testing.T, db *database.DB) *consoleWorld {
	t.Helper()
	s := newStack(t, db)
	cw := &consoleWorld{db: db, w: fixture.NewWorld(t, db.Client), card: "0023000000000007",
		as: map[viewer.Role]gqltest.Client{}, account: map[viewer.Role]pulid.ID{}, anon: gqltest.Client{URL: s.URL}}
	cw.p = cw.w.NewPerson(t, db.Client, 1, cw.w.Platform)
	cw.q = cw.w.NewPerson(t, db.Client, 2, cw.w.Platform2)
	db.Client.Recipient.UpdateOneID(cw.p.Recipient.ID).SetCardNumber(cw.card).ExecX(rule.System(context.Background(), "test"))
	cw.as[viewer.RoleRecipient] = gqltest.SignIn(t, s.URL, s.SMS, cw.p.Phone)
	cw.account[viewer.RoleRecipient] = cw.p.Account.ID
	orgs := map[viewer.Role]pulid.ID{viewer.RoleInstitution: cw.w.Institution.ID, viewer.RolePlatform: cw.w.Platform.ID,
		viewer.RolePaymentPartner: cw.w.Partner.ID, viewer.RoleJobPortal: cw.w.Portal.ID}
	for i, role := range rule.ConsoleRoles() {
		phone := fmt.Sprintf("+62811000007%02d", i)
		cw.account[role] = fixture.NewAccount(t, db.Client, phone, role, orgs[role]).ID
		cw.as[role] = gqltest.SignIn(t, s.URL, s.SMS, phone)
	}
	return cw
}

// audits counts the audit entries of action.
func (cw *consoleWorld) audits(action string) int {
	return cw.db.Client.AuditLog.Query().Where(auditlog.Action(action)).CountX(rule.System(context.Background(), "test"))
}

// sectionsOf returns the ids of the sections role is given.
func (cw *consoleWorld) sectionsOf(t *testing.T, role viewer.Role) []string {
	t.Helper()
	var data struct{ ConsoleSections []struct{ ID, Title string } }
	cw.as[role].Do(t, `{ consoleSections { id title } }`, nil).MustData(t, &data)
	var ids []string
	for _, s := range data.ConsoleSections {
		if s.Title == "" || s.Title == "console.section."+s.ID {
			t.Errorf("%s: section %s has no title: %q", role, s.ID, s.Title)
		}
		ids = append(ids, s.ID)
	}
	return ids
}

// sectionProbe is an operation a section's screen uses: the section must be
// listed for a role exactly when the operation is not FORBIDDEN to it.
// field names the schema field the probe needs ("Query.apiKeys"); a probe
// whose field this build lacks is skipped and logged, so the rows of
// operations other branches add are here already.
type sectionProbe struct {
	section, field, doc string
	vars                map[string]any
}

func (cw *consoleWorld) probes() []sectionProbe {
	return []sectionProbe{
		{"home", "Query.me", `{ me { id } }`, nil},
		{"waves", "Wave.phases", `{ waves(first: 1) { edges { node { phases { name } } } } }`, nil},
		{"recipients", "Query.findRecipients", `query($q: String!) { findRecipients(query: $q) { id } }`,
			map[string]any{"q": cw.q.Phone}},
		{"recipients", "Mutation.revealRecipientIdentity",
			`mutation($id: ID!) { revealRecipientIdentity(recipientId: $id, reason: "Probe of the console test") { nik } }`,
			map[string]any{"id": cw.q.Recipient.ID}},
		// A partner role the organisation does not match: refused after the
		// permission check (BAD_USER_INPUT), so nothing is written.
		{"partners", "Mutation.createPartnerAccount",
			`mutation($org: ID!) { createPartnerAccount(input: {phone: "081355550001", displayName: "Probe", role: job_portal, organizationId: $org}) { id } }`,
			map[string]any{"org": cw.w.Platform.ID}},
		{"keys", "Query.apiKeys", `{ apiKeys { prefix } }`, nil},
		{"calls", "Query.partnerCalls", `{ partnerCalls(first: 1) { totalCount } }`, nil},
		{"docs", "Query.partnerAPIDocs", `{ partnerAPIDocs { name } }`, nil},
		{"audit", "Query.auditLogs", `{ auditLogs(first: 1) { totalCount } }`, nil},
		{"payouts", "Query.payouts", `{ payouts(first: 1) { totalCount } }`, nil},
		{"purchases", "Query.purchases", `{ purchases(first: 1) { totalCount } }`, nil},
		// Unknown ids: refused after the need check (NOT_FOUND), nothing written.
		{"courses", "Mutation.assessCourse",
			`mutation { assessCourse(courseId: "co00000000000000000000000000", scores: []) { id } }`, nil},
		{"courses", "Mutation.monitorCourse",
			`mutation { monitorCourse(courseId: "co00000000000000000000000000", scores: []) { id } }`, nil},
		{"courses", "Mutation.hideReview",
			`mutation { hideReview(reviewId: "rv00000000000000000000000000", reason: "Probe of the console test") { id } }`, nil},
	}
}

// unprobed are the sections whose screens read only public data today; the
// operations that will guard them must check the section's Need.
var unprobed = map[string]string{
	"vacancies": "vacancy management must check rule.NeedVacancies (vacancies are public)",
}

// TestConsoleSectionsFollowTheirOperations proves "nothing hidden only in
// the UI" by class, on both stores: for every console role and every
// section, the section is listed iff the operations its screen uses answer
// that role (not FORBIDDEN); recipients get no section, anonymous callers
// UNAUTHENTICATED; every section has a probe or a stated reason.
func TestConsoleSectionsFollowTheirOperations(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		cw := newConsoleWorld(t, db)
		fields := schemaFields(t, cw.anon)
		probed := map[string]bool{}
		checked := 0
		for _, pr := range cw.probes() {
			probed[pr.section] = true
			if !fields[pr.field] {
				t.Logf("%s: %s is not in this build's schema; skipped", pr.section, pr.field)
				continue
			}
			for _, role := range rule.ConsoleRoles() {
				listed := slices.Contains(cw.sectionsOf(t, role), pr.section)
				r := cw.as[role].Do(t, pr.doc, pr.vars)
				if !onlyCodes(r, "FORBIDDEN", "BAD_USER_INPUT", "NOT_FOUND") {
					t.Fatalf("%s as %s: %+v", pr.field, role, r.Errors)
				}
				if forbidden := slices.Contains(r.Codes(), "FORBIDDEN"); listed == forbidden {
					t.Errorf("%s as %s: section %s listed %v but the operation forbidden %v (%s)",
						pr.field, role, pr.section, listed, forbidden, r.Data)
				}
				checked++
			}
		}
		for _, s := range console.Sections() {
			if !probed[s.ID] && unprobed[s.ID] == "" {
				t.Errorf("section %s has no probe: add its operation to probes()", s.ID)
			}
		}
		if checked < 70 {
			t.Errorf("only %d role × operation checks", checked)
		}
		if got := cw.sectionsOf(t, viewer.RoleRecipient); len(got) != 0 {
			t.Errorf("a recipient got console sections %v", got)
		}
		if r := cw.anon.Do(t, `{ consoleSections { id } }`, nil); !slices.Equal(r.Codes(), []string{"UNAUTHENTICATED"}) {
			t.Errorf("anonymous consoleSections: %s %v", r.Data, r.Codes())
		}
		want := map[viewer.Role][]string{ // the table as it stands, for the reader
			viewer.RoleSupport:  {"home", "recipients", "payouts", "purchases"},
			viewer.RoleAssessor: {"home", "courses"},
		}
		for role, ids := range want {
			if got := cw.sectionsOf(t, role); !slices.Equal(got, ids) {
				t.Errorf("%s sections %v, want %v", role, got, ids)
			}
		}
	})
}

// schemaFields lists "Type.field" for every field of every object type.
func schemaFields(t *testing.T, c gqltest.Client) map[string]bool {
	t.Helper()
	var schema struct {
		Schema struct {
			Types []struct {
				Name   string
				Fields []struct{ Name string }
			}
		} `json:"__schema"`
	}
	c.Do(t, `{ __schema { types { name fields { name } } } }`, nil).MustData(t, &schema)
	out := map[string]bool{}
	for _, ty := range schema.Schema.Types {
		for _, f := range ty.Fields {
			out[ty.Name+"."+f.Name] = true
		}
	}
	return out
}

// TestFindRecipients: support finds a recipient by phone (both forms), card
// number and NIK (with a reason), each search audited with its kind and
// reason and never the NIK; bad queries and a NIK without a reason are
// BAD_USER_INPUT naming the field, audited nowhere; other staff are refused.
func TestFindRecipients(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		cw := newConsoleWorld(t, db)
		const q = `query($q: String!, $r: String) { findRecipients(query: $q, reason: $r) { id nik nikMasked account { id } regency { id } } }`
		local := "0" + cw.p.Phone[3:]
		reason := "Keluhan pelanggan nomor 42"
		nikOf := map[pulid.ID]string{cw.p.Recipient.ID: cw.p.Recipient.Nik, cw.q.Recipient.ID: cw.q.Recipient.Nik}
		tests := []struct {
			name, query string
			reason      any
			role        viewer.Role
			want        []pulid.ID
			code, field string
			kind        string
		}{
			{"phone 08", local, nil, viewer.RoleSupport, []pulid.ID{cw.p.Recipient.ID}, "", "", console.KindPhone},
			{"phone +62 with spaces", "+62 " + cw.p.Phone[3:], nil, viewer.RoleAdmin, []pulid.ID{cw.p.Recipient.ID}, "", "", console.KindPhone},
			{"card", cw.card, nil, viewer.RoleSupport, []pulid.ID{cw.p.Recipient.ID}, "", "", console.KindCard},
			{"nik with reason", cw.q.Recipient.Nik, reason, viewer.RoleSupport, []pulid.ID{cw.q.Recipient.ID}, "", "", console.KindNIK},
			{"no match", "081399998888", nil, viewer.RoleSupport, nil, "", "", console.KindPhone},
			{"nik without reason", cw.q.Recipient.Nik, nil, viewer.RoleSupport, nil, "BAD_USER_INPUT", "reason", ""},
			{"nik short reason", cw.q.Recipient.Nik, "  pendek  ", viewer.RoleSupport, nil, "BAD_USER_INPUT", "reason", ""},
			{"words", "Budi Santoso", nil, viewer.RoleSupport, nil, "BAD_USER_INPUT", "query", ""},
			{"15 digits", "327301010190000", nil, viewer.RoleSupport, nil, "BAD_USER_INPUT", "query", ""},
			{"analyst", local, nil, viewer.RoleAnalyst, nil, "FORBIDDEN", "", ""},
			{"finance", local, nil, viewer.RoleFinanceChecker, nil, "FORBIDDEN", "", ""},
			{"platform", local, nil, viewer.RolePlatform, nil, "FORBIDDEN", "", ""},
			{"recipient", local, nil, viewer.RoleRecipient, nil, "FORBIDDEN", "", ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := cw.audits(console.ActionSearch)
				r := cw.as[tt.role].Do(t, q, map[string]any{"q": tt.query, "r": tt.reason})
				if tt.code != "" {
					if !slices.Equal(r.Codes(), []string{tt.code}) {
						t.Fatalf("codes %v, want %s: %s", r.Codes(), tt.code, r.Data)
					}
					if tt.field != "" {
						if _, ok := r.Errors[0].Extensions["fields"].(map[string]any)[tt.field]; !ok {
							t.Errorf("error names no field %s: %+v", tt.field, r.Errors[0])
						}
					}
					if tt.field == "query" && !strings.Contains(r.Errors[0].Message, "08") {
						t.Errorf("message does not say what to type: %q", r.Errors[0].Message)
					}
					if n := cw.audits(console.ActionSearch); n != before {
						t.Errorf("a refused search was audited (%d -> %d)", before, n)
					}
					return
				}
				var data struct {
					FindRecipients []struct {
						ID        pulid.ID
						Nik       *string
						NikMasked string
					}
				}
				r.MustData(t, &data)
				var got []pulid.ID
				for _, f := range data.FindRecipients {
					got = append(got, f.ID)
					if f.Nik != nil || f.NikMasked != console.MaskNIK(nikOf[f.ID]) {
						t.Errorf("staff see nik %v, nikMasked %q", f.Nik, f.NikMasked)
					}
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("found %v, want %v", got, tt.want)
				}
				e := cw.db.Client.AuditLog.Query().Where(auditlog.Action(console.ActionSearch)).
					Order(auditlog.ByCreatedAt(), auditlog.ByID()).AllX(rule.System(context.Background(), "test"))
				if len(e) != before+1 {
					t.Fatalf("%d search entries after, %d before: want one more", len(e), before)
				}
				last := e[len(e)-1]
				wantReason, _ := tt.reason.(string)
				if last.Detail["kind"] != tt.kind || last.Reason != wantReason || last.ActorID != cw.account[tt.role] ||
					last.Detail["matches"] != strings.Join(idStrings(tt.want), ",") {
					t.Errorf("audit entry %+v, want kind %s reason %q actor %s", last, tt.kind, wantReason, cw.account[tt.role])
				}
				if strings.Contains(fmt.Sprint(last.Detail, last.Reason), tt.query) {
					t.Errorf("the audit entry holds the query itself: %+v", last)
				}
			})
		}
	})
}

func idStrings(ids []pulid.ID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// TestRevealRecipientIdentity: admin and support see a NIK and KK for a
// reason, each reveal one audit entry (action, target, reason, actor, read
// back through AuditLog.actor); a short reason, an unknown recipient and
// every other role are refused with no entry.
func TestRevealRecipientIdentity(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		cw := newConsoleWorld(t, db)
		const m = `mutation($id: ID!, $r: String!) { revealRecipientIdentity(recipientId: $id, reason: $r) { nik kkNumber } }`
		reason := "Verifikasi keluhan #42"
		tests := []struct {
			name   string
			role   viewer.Role
			id     pulid.ID
			reason string
			code   string
		}{
			{"support", viewer.RoleSupport, cw.q.Recipient.ID, reason, ""},
			{"admin", viewer.RoleAdmin, cw.p.Recipient.ID, reason, ""},
			{"short reason", viewer.RoleSupport, cw.q.Recipient.ID, "singkat", "BAD_USER_INPUT"},
			{"unknown recipient", viewer.RoleSupport, pulid.New("rc"), reason, "NOT_FOUND"},
			{"analyst", viewer.RoleAnalyst, cw.q.Recipient.ID, reason, "FORBIDDEN"},
			{"assessor", viewer.RoleAssessor, cw.q.Recipient.ID, reason, "FORBIDDEN"},
			{"finance maker", viewer.RoleFinanceMaker, cw.q.Recipient.ID, reason, "FORBIDDEN"},
			{"payment partner", viewer.RolePaymentPartner, cw.q.Recipient.ID, reason, "FORBIDDEN"},
			{"the recipient", viewer.RoleRecipient, cw.p.Recipient.ID, reason, "FORBIDDEN"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := cw.audits(console.ActionIdentityRead)
				r := cw.as[tt.role].Do(t, m, map[string]any{"id": tt.id, "r": tt.reason})
				if tt.code != "" {
					if !slices.Equal(r.Codes(), []string{tt.code}) || !noData(r, "revealRecipientIdentity") {
						t.Errorf("codes %v data %s, want %s", r.Codes(), r.Data, tt.code)
					}
					if n := cw.audits(console.ActionIdentityRead); n != before {
						t.Errorf("refused reveal audited (%d -> %d)", before, n)
					}
					return
				}
				var data struct {
					RevealRecipientIdentity struct{ Nik, KkNumber string }
				}
				r.MustData(t, &data)
				rec := cw.db.Client.Recipient.GetX(rule.System(context.Background(), "test"), tt.id)
				if data.RevealRecipientIdentity.Nik != rec.Nik || data.RevealRecipientIdentity.KkNumber != rec.KkNumber {
					t.Errorf("revealed %+v", data)
				}
				var logs struct {
					AuditLogs struct {
						Edges []struct {
							Node struct {
								TargetID pulid.ID
								Reason   string
								Actor    *struct{ ID pulid.ID }
							}
						}
					}
				}
				cw.as[viewer.RoleAdmin].Do(t, `query($w: AuditLogWhereInput) { auditLogs(where: $w, orderBy: {field: CREATED_AT, direction: DESC}) { edges { node { targetID reason actor { id } } } } }`,
					map[string]any{"w": map[string]any{"action": console.ActionIdentityRead, "actorID": cw.account[tt.role]}}).
					MustData(t, &logs)
				if n := cw.audits(console.ActionIdentityRead); n != before+1 || len(logs.AuditLogs.Edges) == 0 {
					t.Fatalf("reveal audited %d times, want once", n-before)
				}
				got := logs.AuditLogs.Edges[0].Node
				if got.TargetID != tt.id || got.Reason != tt.reason || got.Actor == nil || got.Actor.ID != cw.account[tt.role] {
					t.Errorf("audit entry %+v, want target %s reason %q actor %s", got, tt.id, tt.reason, cw.account[tt.role])
				}
			})
		}
	})
}

// TestRecipientHistory: admin and support read one recipient's whole
// history (identity checks, tests, applications with their results,
// purchases, payouts, notifications, complaints) in one query; the
// finance staff are refused the recipient, the owner reads its NIK.
func TestRecipientHistory(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		cw := newConsoleWorld(t, db)
		const q = `query($id: ID!) { node(id: $id) { ... on Recipient { id nik nikMasked
			identityChecks(first: 10) { edges { node { id } } }
			testAttempts(first: 10) { edges { node { id } } }
			applications(first: 10) { edges { node { id result { id } } } }
			purchases(first: 10) { edges { node { id } } }
			payouts(first: 10) { edges { node { id } } }
			account { id notifications(first: 10) { edges { node { id } } } complaints(first: 10) { edges { node { id } } } } } } }`
		p := cw.p.Private
		want := []pulid.ID{p["Recipient"], p["IdentityCheck"], p["TestAttempt"], p["Application"], p["SelectionResult"],
			p["Purchase"], p["Payout"], p["Account"], p["Notification"], p["Complaint"]}
		for _, role := range []viewer.Role{viewer.RoleAdmin, viewer.RoleSupport, viewer.RoleRecipient} {
			r := cw.as[role].Do(t, q, map[string]any{"id": cw.p.Recipient.ID})
			if len(r.Errors) > 0 {
				t.Fatalf("%s: %+v", role, r.Errors)
			}
			got := idsIn(t, r.Data)
			for _, id := range want {
				if !got[id] {
					t.Errorf("%s: history misses %s: %s", role, id, r.Data)
				}
			}
			ownNIK := strings.Contains(string(r.Data), cw.p.Recipient.Nik)
			if ownNIK != (role == viewer.RoleRecipient) || !strings.Contains(string(r.Data), console.MaskNIK(cw.p.Recipient.Nik)) {
				t.Errorf("%s: nik shown %v, masked missing? %s", role, ownNIK, r.Data)
			}
		}
		for _, role := range []viewer.Role{viewer.RoleFinanceMaker, viewer.RoleAssessor} {
			r := cw.as[role].Do(t, q, map[string]any{"id": cw.p.Recipient.ID})
			if !slices.Equal(r.Codes(), []string{"FORBIDDEN"}) || strings.Contains(string(r.Data), string(cw.p.Recipient.ID)) {
				t.Errorf("%s read a recipient: %s %v", role, r.Data, r.Codes())
			}
		}
	})
}

// staffReads says which of a recipient's rows each staff role reads.
var staffReads = map[viewer.Role][]string{
	viewer.RoleAdmin: nil, viewer.RoleAnalyst: nil, viewer.RoleSupport: nil, // nil: every row
	viewer.RoleAssessor:       {},
	viewer.RoleFinanceMaker:   {"Purchase", "LinkedAccount", "Payout"},
	viewer.RoleFinanceChecker: {"Purchase", "LinkedAccount", "Payout"},
}

// TestStaffPrivacyMatrix proves, on both stores, least privilege among the
// staff: admin, analyst and support read every personal row; finance reads
// purchases, linked accounts and payouts and no identity; an assessor reads
// none; through node, nodes and every top-level connection.
func TestStaffPrivacyMatrix(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		cw := newConsoleWorld(t, db)
		conns := connectionFields(t, cw.anon)
		listed := map[string]bool{}
		for _, cn := range conns {
			listed[cn.typ] = true
		}
		for _, role := range rule.ConsoleRoles() {
			types, ok := staffReads[role]
			if !role.IsStaff() {
				continue
			}
			if !ok {
				t.Errorf("staff role %s has no row in staffReads", role)
				continue
			}
			may := func(typ string) bool { return types == nil || slices.Contains(types, typ) }
			c := cw.as[role]
			t.Run(string(role), func(t *testing.T) {
				var seen = map[pulid.ID]bool{}
				for _, cn := range conns {
					for id := range connectionIDs(t, c, cn.field) {
						seen[id] = true
					}
				}
				for typ, id := range cw.q.Private {
					r := c.Do(t, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
					got := strings.Contains(string(r.Data), string(id))
					if got != may(typ) {
						t.Errorf("%s reads %s via node: %v, want %v (%v)", role, typ, got, may(typ), r.Codes())
					}
					if listed[typ] && seen[id] != may(typ) {
						t.Errorf("%s sees %s in a connection: %v, want %v", role, typ, seen[id], may(typ))
					}
				}
			})
		}
	})
}
