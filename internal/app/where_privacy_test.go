package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	entschema "entgo.io/ent/dialect/sql/schema"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/migrate"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestWherePrivacyMatrix proves that a where filter tells a viewer nothing
// about rows it may not read. By introspection it finds every where input,
// every edge predicate on it (hasX, hasXWith) and every connection that takes
// it (top-level, and on entities reached through a top-level connection);
// then, for every role, for every row x of every edge's target:
//   - x unreadable by the viewer: hasXWith {id: x} is refused or matches
//     nothing, one level deep and two (hasXWith: {hasYWith: {id: y}});
//   - x readable: the filter still works, giving exactly the rows an admin's
//     filter gives that the viewer may read;
//   - hasX true/false match exactly the rows linked / not linked to an X the
//     viewer may read (or are refused).
//
// No other error than FORBIDDEN/UNAUTHENTICATED is accepted.
func TestWherePrivacyMatrix(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		a := w.NewPerson(t, db.Client, 1, w.Platform)
		w.NewPerson(t, db.Client, 2, w.Platform2)
		c := w.NewPerson(t, db.Client, 3, w.Platform)
		vs := whereViewers(t, s, db, w, a)
		addSecondOrganisations(t, db.Client, w, a, c, vs.support)

		anon := gqltest.Client{URL: s.URL}
		ws := introspectWhere(t, anon)
		if len(ws.edges) < 20 || len(ws.conns) < 30 {
			t.Fatalf("introspection found %d where inputs with edges and %d connections", len(ws.edges), len(ws.conns))
		}
		m := &whereMatrix{byType: typedIDs(t, db, vs.admin)}
		m.readable = map[string]map[pulid.ID]bool{}
		for _, v := range vs.all {
			m.readable[v.name] = readableIDs(t, v.c, m.byType)
		}

		t.Run("one level", func(t *testing.T) {
			for _, wc := range ws.conns {
				for _, e := range ws.edges[wc.input] {
					m.oneLevel(t, vs, wc, e)
				}
			}
		})
		t.Run("two levels", func(t *testing.T) {
			for _, wc := range ws.conns {
				if wc.via != "" {
					continue
				}
				for _, e1 := range ws.edges[wc.input] {
					for _, e2 := range ws.edges[e1.target] {
						m.twoLevels(t, vs, wc, e1, e2)
					}
				}
			}
		})
		t.Logf("checked %d filtered results (%d non-empty positive controls, %d refusals)", m.checks, m.positives, m.refusals)
		if m.positives < 50 || m.refusals < 50 {
			t.Errorf("matrix too thin: %d positive controls, %d refusals", m.positives, m.refusals)
		}

		t.Run("examples", func(t *testing.T) {
			const q = `query($w: PurchaseWhereInput) { purchases(where: $w) { totalCount edges { node { id } } } }`
			deep := map[string]any{"hasRecipientWith": map[string]any{"hasAccountWith": map[string]any{"phoneHasPrefix": "+62812"}}}
			r := vs.byName("digital_platform").c.Do(t, q, map[string]any{"w": deep})
			if !slices.Contains(r.Codes(), "FORBIDDEN") || !strings.Contains(r.Errors[0].Message, "where.hasRecipientWith") ||
				!strings.Contains(r.Errors[0].Message, "tidak diizinkan") {
				t.Errorf("platform rebuilding a recipient's phone: %s %+v", r.Data, r.Errors)
			}
			var got struct{ Purchases struct{ TotalCount int } }
			vs.admin.Do(t, q, map[string]any{"w": deep}).MustData(t, &got)
			if got.Purchases.TotalCount != 4 {
				t.Errorf("admin filtering freely: %d purchases, want 4", got.Purchases.TotalCount)
			}
			own := map[string]any{"hasCourseWith": map[string]any{"id": w.Course.ID}}
			vs.byName("recipient").c.Do(t, q, map[string]any{"w": own}).MustData(t, &got)
			if got.Purchases.TotalCount != 1 {
				t.Errorf("recipient filtering own purchases by own course: %d, want 1", got.Purchases.TotalCount)
			}
			mine := map[string]any{"hasRecipientWith": map[string]any{"hasAccountWith": map[string]any{"id": a.Account.ID}}}
			vs.byName("recipient").c.Do(t, q, map[string]any{"w": mine}).MustData(t, &got)
			if got.Purchases.TotalCount != 1 {
				t.Errorf("recipient filtering own purchases by own account, two levels: %d, want 1", got.Purchases.TotalCount)
			}
		})
	})
}

// whereViewer is one signed-in (or anonymous) caller of the matrix.
type whereViewer struct {
	name string
	c    gqltest.Client
}

type whereViewerSet struct {
	all     []whereViewer // every role, admin included
	admin   gqltest.Client
	support *ent.Account
}

func (vs whereViewerSet) byName(name string) whereViewer {
	for _, v := range vs.all {
		if v.name == name {
			return v
		}
	}
	panic("no viewer " + name)
}

// whereViewers signs in one viewer of every role: anonymous, the recipient
// a, each partner kind on the world's first organisations, and the staff.
func whereViewers(t *testing.T, s *stack, db *database.DB, w *fixture.World, a *fixture.Person) whereViewerSet {
	t.Helper()
	vs := whereViewerSet{all: []whereViewer{{name: "anonymous", c: gqltest.Client{URL: s.URL}},
		{name: "recipient", c: gqltest.SignIn(t, s.URL, s.SMS, a.Phone)}}}
	accounts := []struct {
		role viewer.Role
		org  pulid.ID
	}{
		{viewer.RoleInstitution, w.Institution.ID}, {viewer.RolePlatform, w.Platform.ID},
		{viewer.RolePaymentPartner, w.Partner.ID}, {viewer.RoleJobPortal, w.Portal.ID},
		{viewer.RoleAdmin, ""}, {viewer.RoleAnalyst, ""}, {viewer.RoleSupport, ""},
		{viewer.RoleAssessor, ""}, {viewer.RoleFinanceMaker, ""}, {viewer.RoleFinanceChecker, ""},
	}
	for i, acc := range accounts {
		phone := fmt.Sprintf("+628110000009%d", i)
		account := fixture.NewAccount(t, db.Client, phone, acc.role, acc.org)
		c := gqltest.SignIn(t, s.URL, s.SMS, phone)
		vs.all = append(vs.all, whereViewer{name: string(acc.role), c: c})
		switch acc.role {
		case viewer.RoleAdmin:
			vs.admin = c
		case viewer.RoleSupport:
			vs.support = account
		}
	}
	return vs
}

// addSecondOrganisations gives every partner kind rows it may not read (a
// second institution, payment partner and job portal, used by recipient c)
// and a's complaint a reply from a support agent, whose account a may not
// read.
func addSecondOrganisations(t *testing.T, c *ent.Client, w *fixture.World, a, p *fixture.Person, support *ent.Account) {
	t.Helper()
	ctx := rule.System(context.Background(), "where privacy test")
	rid := p.Recipient.ID
	inst := mustDo(c.TrainingInstitution.Create().SetCode("where-lp2").SetName("LP Dua").Save(ctx))
	course := mustDo(c.Course.Create().SetTitle("Dasar Akuntansi").SetCategory("other").SetMethod("lms").
		SetPrice(400_000).SetDurationHours(4).SetTrainingInstitutionID(inst.ID).AddPlatformIDs(w.Platform2.ID).Save(ctx))
	pu := mustDo(c.Purchase.Create().SetRecipientID(rid).SetCourseID(course.ID).SetDigitalPlatformID(w.Platform2.ID).
		SetPrice(400_000).SetInvoiceCode("INV-where-2").SetIdempotencyKey("where-buy-2").SetStatus("completed").Save(ctx))
	mustDo(c.Certificate.Create().SetRecipientID(rid).SetCourseID(course.ID).SetPurchaseID(pu.ID).
		SetNumber("CERT-where-2").SetPostTestScore(70).SetIssuedAt(time.Now()).Save(ctx))
	partner := mustDo(c.PaymentPartner.Create().SetCode("where-pp2").SetName("Bank Dua").SetKind("bank").Save(ctx))
	la := mustDo(c.LinkedAccount.Create().SetRecipientID(rid).SetPaymentPartnerID(partner.ID).
		SetAccountMasked("****9876").SetAccountHash([]byte("where-2")).SetKycStatus("verified").Save(ctx))
	mustDo(c.Payout.Create().SetRecipientID(rid).SetKind("incentive").SetInstallment(2).SetAmount(600_000).
		SetScheduledFor(time.Now()).SetIdempotencyKey("where-inc-2").SetLinkedAccountID(la.ID).
		SetPaymentPartnerID(partner.ID).Save(ctx))
	portal := mustDo(c.JobPortal.Create().SetCode("where-jp2").SetName("Portal Dua").Save(ctx))
	vacancy := mustDo(c.Vacancy.Create().SetJobPortalID(portal.ID).SetExternalID("W2").SetTitle("Kasir").
		SetCompany("PT Dua").SetEducationMin("senior_secondary").SetJobType("part_time").
		SetPostedAt(time.Now()).SetRegencyID(w.Regency.ID).Save(ctx))
	mustDo(c.JobApplication.Create().SetRecipientID(rid).SetVacancyID(vacancy.ID).SetClientID("where-ja-2").Save(ctx))
	mustDo(c.ChatMessage.Create().SetComplaintID(a.Private["Complaint"]).SetSenderID(support.ID).
		SetClientID("where-cm-support").SetBody("Kami bantu").Save(ctx))
}

func mustDo[T any](v T, err error) T {
	if err != nil {
		panic(fmt.Sprintf("where privacy test setup: %v", err))
	}
	return v
}

// whereEdge is one hasXWith predicate of a where input (its bare sibling is
// the same name without "With") and the where input of X.
type whereEdge struct{ field, target string }

func (e whereEdge) bare() string { return strings.TrimSuffix(e.field, "With") }

// nodeType is the entity type a where input filters.
func nodeType(input string) string { return strings.TrimSuffix(input, "WhereInput") }

// whereConn is a connection field taking a where argument; via names the
// top-level connection of its parent type ("" when it is top-level itself).
type whereConn struct{ via, field, input string }

func (wc whereConn) String() string {
	if wc.via == "" {
		return wc.field
	}
	return wc.via + "." + wc.field
}

type whereSchema struct {
	edges map[string][]whereEdge // where input -> its edge predicates
	conns []whereConn
}

type introType struct {
	Kind   string
	Name   *string
	OfType *introType
}

func (t *introType) named() string {
	for ; t != nil; t = t.OfType {
		if t.Name != nil {
			return *t.Name
		}
	}
	return ""
}

// introspectWhere finds every where input's edge predicates and every field
// that takes a where argument.
func introspectWhere(t *testing.T, c gqltest.Client) whereSchema {
	t.Helper()
	var out struct {
		Schema struct {
			QueryType struct{ Name string }
			Types     []struct {
				Kind, Name string
				Fields     []struct {
					Name string
					Args []struct {
						Name string
						Type introType
					}
					Type introType
				}
				InputFields []struct {
					Name string
					Type introType
				}
			}
		} `json:"__schema"`
	}
	c.Do(t, `{ __schema { queryType { name } types { kind name
		fields { name args { name type { ...T } } type { ...T } }
		inputFields { name type { ...T } } } } }
		fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`, nil).MustData(t, &out)
	ws := whereSchema{edges: map[string][]whereEdge{}}
	top := map[string]string{} // node type -> top-level connection
	for _, typ := range out.Schema.Types {
		if typ.Name != out.Schema.QueryType.Name {
			continue
		}
		for _, f := range typ.Fields {
			if n, ok := strings.CutSuffix(f.Type.named(), "Connection"); ok {
				top[n] = f.Name
			}
		}
	}
	for _, typ := range out.Schema.Types {
		if typ.Kind == "INPUT_OBJECT" && strings.HasSuffix(typ.Name, "WhereInput") {
			fields := map[string]string{}
			for _, f := range typ.InputFields {
				fields[f.Name] = f.Type.named()
			}
			for _, secret := range sensitiveFields[nodeType(typ.Name)] {
				for name := range fields {
					if strings.HasPrefix(name, secret) {
						t.Errorf("%s.%s filters on the sensitive field %s", typ.Name, name, secret)
					}
				}
			}
			for name, ft := range fields {
				if !strings.HasPrefix(name, "has") || !strings.HasSuffix(name, "With") || !strings.HasSuffix(ft, "WhereInput") {
					continue // a field predicate (e.g. hasDisability of the has_disability field)
				}
				if fields[strings.TrimSuffix(name, "With")] != "Boolean" {
					t.Errorf("%s.%s has no bare sibling", typ.Name, name)
				}
				ws.edges[typ.Name] = append(ws.edges[typ.Name], whereEdge{field: name, target: ft})
			}
			slices.SortFunc(ws.edges[typ.Name], func(x, y whereEdge) int { return strings.Compare(x.field, y.field) })
		}
		for _, f := range typ.Fields {
			for _, arg := range f.Args {
				if arg.Name != "where" {
					continue
				}
				wc := whereConn{field: f.Name, input: arg.Type.named()}
				if !strings.HasSuffix(f.Type.named(), "Connection") {
					t.Errorf("%s.%s takes where but is not a connection", typ.Name, f.Name)
					continue
				}
				if typ.Name != out.Schema.QueryType.Name {
					if wc.via = top[typ.Name]; wc.via == "" {
						t.Errorf("%s.%s takes where but %s has no top-level connection", typ.Name, f.Name, typ.Name)
						continue
					}
				}
				ws.conns = append(ws.conns, wc)
			}
		}
	}
	slices.SortFunc(ws.conns, func(x, y whereConn) int { return strings.Compare(x.String(), y.String()) })
	return ws
}

// sensitiveFields are the ent fields marked Sensitive (and the idempotency
// keys) of the types with where inputs: no where input may filter on them.
var sensitiveFields = map[string][]string{
	"Recipient":     {"nik", "kkNumber", "motherMaidenHash"},
	"Wave":          {"seed"},
	"Device":        {"token", "p256dh", "authSecret"},
	"LinkedAccount": {"accountHash"},
	"Purchase":      {"idempotencyKey"},
	"Payout":        {"idempotencyKey"},
}

// typedIDs lists every row of the store by GraphQL type (read by the admin
// through nodes; rows of types outside the API are left out).
func typedIDs(t *testing.T, db *database.DB, admin gqltest.Client) map[string][]pulid.ID {
	t.Helper()
	var ids []pulid.ID
	for _, tb := range migrate.Tables {
		if !slices.ContainsFunc(tb.Columns, func(c *entschema.Column) bool { return c.Name == "id" }) {
			continue
		}
		rows, err := db.SQL.Query(fmt.Sprintf(`SELECT id FROM "%s"`, tb.Name))
		if err != nil {
			t.Fatalf("ids of %s: %v", tb.Name, err)
		}
		for rows.Next() {
			var id pulid.ID
			if err := rows.Scan(&id); err != nil {
				t.Fatalf("scan id of %s: %v", tb.Name, err)
			}
			ids = append(ids, id)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	out := map[string][]pulid.ID{}
	for chunk := range slices.Chunk(ids, 50) {
		var res struct {
			Nodes []*struct {
				Typename string `json:"__typename"`
				ID       pulid.ID
			}
		}
		r := admin.Do(t, `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, map[string]any{"ids": chunk})
		if err := json.Unmarshal(r.Data, &res); err != nil {
			t.Fatalf("nodes: %v: %s", err, r.Data)
		}
		for _, n := range res.Nodes {
			if n != nil {
				out[n.Typename] = append(out[n.Typename], n.ID)
			}
		}
	}
	return out
}

// readableIDs is the set of rows c may read through nodes.
func readableIDs(t *testing.T, c gqltest.Client, byType map[string][]pulid.ID) map[pulid.ID]bool {
	t.Helper()
	var all []pulid.ID
	for _, ids := range byType {
		all = append(all, ids...)
	}
	got := map[pulid.ID]bool{}
	for chunk := range slices.Chunk(all, 50) {
		var res struct{ Nodes []*struct{ ID pulid.ID } }
		r := c.Do(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": chunk})
		if slices.Contains(r.Codes(), "INTERNAL_SERVER_ERROR") {
			t.Fatalf("nodes: %+v", r.Errors)
		}
		if err := json.Unmarshal(r.Data, &res); err != nil {
			t.Fatalf("nodes: %v: %s", err, r.Data)
		}
		for _, n := range res.Nodes {
			if n != nil {
				got[n.ID] = true
			}
		}
	}
	return got
}

// whereResult is what one filtered connection returned: refused, or the
// rows (for a nested connection: "parent/child" pairs).
type whereResult struct {
	refused bool
	rows    map[string]bool
}

var aliasRE = regexp.MustCompile(`^a\d+$`)

// runWhere sends the filters (nil: none) to one connection for c, a few per
// request as aliases.
func runWhere(t *testing.T, c gqltest.Client, wc whereConn, filters []any) []whereResult {
	t.Helper()
	per := 6
	if wc.via != "" {
		per = 2
	}
	var out []whereResult
	for chunk := range slices.Chunk(filters, per) {
		out = append(out, runWhereChunk(t, c, wc, chunk)...)
	}
	return out
}

func runWhereChunk(t *testing.T, c gqltest.Client, wc whereConn, filters []any) []whereResult {
	t.Helper()
	var decl, sel []string
	vars := map[string]any{}
	first := 50
	if wc.via != "" {
		first = 10
	}
	for i, f := range filters {
		decl = append(decl, fmt.Sprintf("$w%d: %s", i, wc.input))
		sel = append(sel, fmt.Sprintf("a%d: %s(first: %d, where: $w%d) { totalCount edges { node { id } } }", i, wc.field, first, i))
		vars[fmt.Sprintf("w%d", i)] = f
	}
	body := strings.Join(sel, " ")
	if wc.via != "" {
		body = fmt.Sprintf("p: %s(first: 20) { totalCount edges { node { id %s } } }", wc.via, body)
	}
	r := c.Do(t, fmt.Sprintf("query(%s) { %s }", strings.Join(decl, ", "), body), vars)
	out := make([]whereResult, len(filters))
	for i := range out {
		out[i].rows = map[string]bool{}
	}
	for _, e := range r.Errors {
		if code := e.Code(); code != "FORBIDDEN" && code != "UNAUTHENTICATED" {
			t.Fatalf("%s: unexpected error %s: %s (path %v)", wc, code, e.Message, e.Path)
		}
		alias := ""
		for _, p := range e.Path {
			if s, ok := p.(string); ok && aliasRE.MatchString(s) {
				alias = s
			}
		}
		if alias == "" { // the parent connection itself: every filter refused
			for i := range out {
				out[i].refused = true
			}
			continue
		}
		var i int
		fmt.Sscanf(alias, "a%d", &i)
		out[i].refused = true
	}
	type conn struct {
		TotalCount int
		Edges      []struct{ Node struct{ ID pulid.ID } }
	}
	collect := func(prefix string, conns map[string]json.RawMessage) {
		for i := range out {
			var cn *conn
			if raw, ok := conns[fmt.Sprintf("a%d", i)]; ok {
				if err := json.Unmarshal(raw, &cn); err != nil {
					t.Fatalf("%s: %v: %s", wc, err, raw)
				}
			}
			if cn == nil {
				continue
			}
			if cn.TotalCount != len(cn.Edges) || len(cn.Edges) == first {
				t.Errorf("%s: totalCount %d for %d rows (page %d)", wc, cn.TotalCount, len(cn.Edges), first)
			}
			for _, e := range cn.Edges {
				out[i].rows[prefix+string(e.Node.ID)] = true
			}
		}
	}
	if wc.via == "" {
		var data map[string]json.RawMessage
		if err := json.Unmarshal(r.Data, &data); err != nil {
			t.Fatalf("%s: %v: %s", wc, err, r.Data)
		}
		collect("", data)
		return out
	}
	var data struct {
		P *struct {
			TotalCount int
			Edges      []struct{ Node map[string]json.RawMessage }
		}
	}
	if err := json.Unmarshal(r.Data, &data); err != nil {
		t.Fatalf("%s: %v: %s", wc, err, r.Data)
	}
	if data.P == nil {
		return out
	}
	if data.P.TotalCount != len(data.P.Edges) {
		t.Fatalf("%s: %d parents, page of 20 too small", wc, data.P.TotalCount)
	}
	for _, e := range data.P.Edges {
		var id pulid.ID
		if err := json.Unmarshal(e.Node["id"], &id); err != nil {
			t.Fatalf("%s: parent id: %v", wc, err)
		}
		collect(string(id)+"/", e.Node)
	}
	return out
}

// whereMatrix holds the store's rows and what each viewer may read.
type whereMatrix struct {
	byType                      map[string][]pulid.ID
	readable                    map[string]map[pulid.ID]bool // viewer -> rows
	checks, positives, refusals int
}

func idIs(id pulid.ID) map[string]any { return map[string]any{"id": id} }

// oneLevel checks hasXWith {id: x} for every row x of X and hasX true/false
// on one connection, for every viewer, against the admin's results.
func (m *whereMatrix) oneLevel(t *testing.T, vs whereViewerSet, wc whereConn, e whereEdge) {
	t.Helper()
	xs := m.byType[nodeType(e.target)]
	filters := []any{nil, map[string]any{e.bare(): true}, map[string]any{e.bare(): false}}
	for _, x := range xs {
		filters = append(filters, map[string]any{e.field: idIs(x)})
	}
	oracle := runWhere(t, vs.admin, wc, filters)
	for i, o := range oracle {
		if o.refused {
			t.Fatalf("%s %s filter %d refused to the admin", wc, e.field, i)
		}
	}
	for _, v := range vs.all {
		got := runWhere(t, v.c, wc, filters)
		base := got[0]
		linked := map[string]bool{} // rows linked to an X the viewer may read
		for k, x := range xs {
			res := got[3+k]
			m.checks++
			if res.refused {
				m.refusals++
			}
			if !m.readable[v.name][x] || base.refused {
				if !res.refused && len(res.rows) > 0 {
					t.Errorf("%s: %s(where: {%s: {id: %s}}) matched %v: a row it may not read", v.name, wc, e.field, x, slices.Sorted(maps.Keys(res.rows)))
				}
				continue
			}
			want := intersect(oracle[3+k].rows, base.rows)
			maps.Copy(linked, want)
			if res.refused || !maps.Equal(res.rows, want) {
				t.Errorf("%s: %s(where: {%s: {id: %s}}) on a readable row = %v refused=%v; want %v",
					v.name, wc, e.field, x, slices.Sorted(maps.Keys(res.rows)), res.refused, slices.Sorted(maps.Keys(want)))
			}
			if len(want) > 0 {
				m.positives++
			}
		}
		if base.refused {
			continue
		}
		notLinked := map[string]bool{}
		for r := range base.rows {
			if !linked[r] {
				notLinked[r] = true
			}
		}
		for i, want := range []map[string]bool{linked, notLinked} {
			res := got[1+i]
			m.checks++
			if !res.refused && !maps.Equal(res.rows, want) {
				t.Errorf("%s: %s(where: {%s: %v}) = %v; want %v (rows linked to what the viewer may read)",
					v.name, wc, e.bare(), i == 0, slices.Sorted(maps.Keys(res.rows)), slices.Sorted(maps.Keys(want)))
			}
		}
	}
}

// twoLevels checks hasXWith {hasYWith {id: y}} for every row y the viewer
// may not read: refused or empty.
func (m *whereMatrix) twoLevels(t *testing.T, vs whereViewerSet, wc whereConn, e1, e2 whereEdge) {
	t.Helper()
	for _, v := range vs.all {
		var ys []pulid.ID
		var filters []any
		for _, y := range m.byType[nodeType(e2.target)] {
			if !m.readable[v.name][y] {
				ys = append(ys, y)
				filters = append(filters, map[string]any{e1.field: map[string]any{e2.field: idIs(y)}})
			}
		}
		for k, res := range runWhere(t, v.c, wc, filters) {
			m.checks++
			if res.refused {
				m.refusals++
			} else if len(res.rows) > 0 {
				t.Errorf("%s: %s(where: {%s: {%s: {id: %s}}}) matched %v: a row it may not read",
					v.name, wc, e1.field, e2.field, ys[k], slices.Sorted(maps.Keys(res.rows)))
			}
		}
	}
}

func intersect(a, b map[string]bool) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		if b[k] {
			out[k] = true
		}
	}
	return out
}
