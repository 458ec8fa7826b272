package app_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestPrivacyMatrix proves that a recipient reads only their own personal
// rows through node, nodes, every top-level connection and connections
// reached from public entities, and that anonymous callers see nothing
// personal. TestPartnerPrivacyMatrix does the same for every partner role.
func TestPrivacyMatrix(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		a := w.NewPerson(t, db.Client, 1, w.Platform)
		b := w.NewPerson(t, db.Client, 2, w.Platform2)
		asA := gqltest.SignIn(t, s.URL, s.SMS, a.Phone)
		conns := connectionFields(t, gqltest.Client{URL: s.URL})
		if len(conns) < 15 {
			t.Fatalf("introspection found only %d connections: %v", len(conns), conns)
		}

		t.Run("node", func(t *testing.T) {
			for typ, id := range b.Private {
				r := asA.Do(t, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
				if strings.Contains(string(r.Data), string(id)) || !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
					t.Errorf("%s of another recipient via node: data=%s codes=%v", typ, r.Data, r.Codes())
				}
			}
			for typ, id := range a.Private {
				r := asA.Do(t, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
				if !strings.Contains(string(r.Data), string(id)) {
					t.Errorf("own %s not readable via node: %s %v", typ, r.Data, r.Errors)
				}
			}
		})

		t.Run("nodes", func(t *testing.T) {
			var ids []pulid.ID
			for _, id := range b.Private {
				ids = append(ids, id)
			}
			r := asA.Do(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids})
			for _, id := range ids {
				if strings.Contains(string(r.Data), string(id)) {
					t.Errorf("nodes leaked %s: %s", id, r.Data)
				}
			}
		})

		t.Run("connections", func(t *testing.T) {
			seen := map[string]bool{}
			for _, c := range conns {
				got := connectionIDs(t, asA, c.field)
				for typ, id := range b.Private {
					if got[id] {
						t.Errorf("%s connection leaked another recipient's %s", c.field, typ)
					}
				}
				if id, ok := a.Private[c.typ]; ok {
					seen[c.typ] = true
					if !got[id] {
						t.Errorf("%s connection misses the viewer's own %s", c.field, c.typ)
					}
				}
			}
			if len(seen) < 10 {
				t.Errorf("only %d personal types checked through connections: %v", len(seen), seen)
			}
		})

		t.Run("through public entities", func(t *testing.T) {
			r := asA.Do(t, `{ waves(first: 5) { edges { node { applications(first: 10) { totalCount edges { node { id } } } } } }
				courses(first: 5) { edges { node { reviews(first: 10) { edges { node { id rating } } } } } } }`, nil)
			if len(r.Errors) > 0 && !onlyCodes(r, "NOT_FOUND") {
				t.Fatalf("errors: %+v", r.Errors)
			}
			if strings.Contains(string(r.Data), string(b.Private["Application"])) ||
				strings.Contains(string(r.Data), string(b.Private["Recipient"])) {
				t.Errorf("public entities leaked private rows: %s", r.Data)
			}
			if !strings.Contains(string(r.Data), string(a.Private["Application"])) ||
				!strings.Contains(string(r.Data), string(b.Review.ID)) {
				t.Errorf("expected own application and the public review: %s", r.Data)
			}
		})

		t.Run("anonymous", func(t *testing.T) {
			anon := gqltest.Client{URL: s.URL}
			r := anon.Do(t, `{ recipients { totalCount } }`, nil)
			if !slices.Equal(r.Codes(), []string{"UNAUTHENTICATED"}) {
				t.Errorf("anonymous recipients: %s %v", r.Data, r.Codes())
			}
			if ids := connectionIDs(t, anon, "courses"); len(ids) != 1 {
				t.Errorf("anonymous should browse the catalogue: %v", ids)
			}
		})

		t.Run("personal fields", func(t *testing.T) {
			q := `query($id: ID!) { node(id: $id) { ... on Recipient { nik kkNumber } } }`
			var own struct {
				Node struct{ Nik, KkNumber *string }
			}
			asA.Do(t, q, map[string]any{"id": a.Recipient.ID}).MustData(t, &own)
			if own.Node.Nik == nil || *own.Node.Nik != a.Recipient.Nik {
				t.Errorf("owner cannot read own NIK: %+v", own)
			}
			fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
			asAdmin := gqltest.SignIn(t, s.URL, s.SMS, "+6281100000001")
			var staff struct {
				Node struct{ Nik, KkNumber *string }
			}
			asAdmin.Do(t, q, map[string]any{"id": b.Recipient.ID}).MustData(t, &staff)
			if staff.Node.Nik != nil || staff.Node.KkNumber != nil {
				t.Errorf("admin read NIK/KK as fields (they take revealRecipientIdentity with a reason): %+v", staff)
			}
			r := asA.Do(t, `{ auditLogs { totalCount } }`, nil)
			if !slices.Equal(r.Codes(), []string{"FORBIDDEN"}) {
				t.Errorf("recipient read the audit log: %s %v", r.Data, r.Codes())
			}
		})
	})
}

type conn struct{ field, typ string }

// connectionFields lists every top-level connection of the Query type.
func connectionFields(t *testing.T, c gqltest.Client) []conn {
	t.Helper()
	var schema struct {
		Schema struct {
			QueryType struct {
				Fields []struct {
					Name string
					Type struct {
						Name   string
						OfType *struct{ Name string }
					}
				}
			}
		} `json:"__schema"`
	}
	c.Do(t, `{ __schema { queryType { fields { name type { name ofType { name } } } } } }`, nil).MustData(t, &schema)
	var out []conn
	for _, f := range schema.Schema.QueryType.Fields {
		name := f.Type.Name
		if f.Type.OfType != nil {
			name = f.Type.OfType.Name
		}
		if typ, ok := strings.CutSuffix(name, "Connection"); ok {
			out = append(out, conn{field: f.Name, typ: typ})
		}
	}
	return out
}

// connectionIDs returns the ids of the first 100 rows of a top-level
// connection; a denial (FORBIDDEN) reads as an empty set.
func connectionIDs(t *testing.T, c gqltest.Client, field string) map[pulid.ID]bool {
	t.Helper()
	r := c.Do(t, `{ `+field+`(first: 100) { totalCount edges { node { id } } } }`, nil)
	if len(r.Errors) > 0 {
		if onlyCodes(r, "FORBIDDEN", "UNAUTHENTICATED") {
			return map[pulid.ID]bool{}
		}
		t.Fatalf("%s: %+v", field, r.Errors)
	}
	var data map[string]struct {
		TotalCount int
		Edges      []struct{ Node struct{ ID pulid.ID } }
	}
	if err := json.Unmarshal(r.Data, &data); err != nil {
		t.Fatalf("%s: %v", field, err)
	}
	got := map[pulid.ID]bool{}
	for _, e := range data[field].Edges {
		got[e.Node.ID] = true
	}
	if data[field].TotalCount != len(got) {
		t.Errorf("%s: totalCount %d but %d rows", field, data[field].TotalCount, len(got))
	}
	return got
}

func onlyCodes(r gqltest.Response, codes ...string) bool {
	for _, c := range r.Codes() {
		if !slices.Contains(codes, c) {
			return false
		}
	}
	return true
}

// partnerReads says which of a recipient's rows each partner role may read,
// and which of the person's organisations decides whether it is its own.
var partnerReads = []struct {
	role  viewer.Role
	types []string
	org   func(fixture.Orgs) pulid.ID
}{
	{viewer.RoleInstitution, []string{"Purchase", "Certificate"}, fixture.Orgs.Institution},
	{viewer.RolePlatform, []string{"Purchase"}, func(o fixture.Orgs) pulid.ID { return o.Platform.ID }},
	{viewer.RolePaymentPartner, []string{"LinkedAccount", "Payout"}, func(o fixture.Orgs) pulid.ID { return o.Partner.ID }},
	{viewer.RoleJobPortal, []string{"JobApplication"}, fixture.Orgs.Portal},
}

// TestPartnerPrivacyMatrix proves, on both stores, that every partner role
// (training institution, digital platform, payment partner, job portal) with
// two organisations of each kind reads exactly its own rows: the rows of the
// other organisation of its kind are present and never readable, through
// node, nodes, every top-level connection (introspected), every connection
// and edge one step below them, and me.
func TestPartnerPrivacyMatrix(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		c := db.Client
		w := fixture.NewWorld(t, c)
		o := w.NewOtherOrgs(t, c)
		people := []*fixture.Person{
			w.NewPersonAt(t, c, 1, fixture.Orgs{Course: w.Course, Platform: w.Platform, Partner: w.Partner, Vacancy: w.Vacancy}),
			w.NewPersonAt(t, c, 2, fixture.Orgs{Course: o.Course, Platform: w.Platform2, Partner: o.Partner, Vacancy: o.Vacancy}),
			// Crossed: the first institution's course bought on the second
			// platform, so no kind's rows coincide with another kind's.
			w.NewPersonAt(t, c, 3, fixture.Orgs{Course: w.Course, Platform: w.Platform2, Partner: o.Partner, Vacancy: w.Vacancy}),
		}
		type partner struct {
			name    string
			role    viewer.Role
			org     pulid.ID
			account pulid.ID
			client  gqltest.Client
		}
		orgs := []struct {
			name string
			role viewer.Role
			id   pulid.ID
		}{
			{"institution 1", viewer.RoleInstitution, w.Institution.ID}, {"institution 2", viewer.RoleInstitution, o.Institution.ID},
			{"platform 1", viewer.RolePlatform, w.Platform.ID}, {"platform 2", viewer.RolePlatform, w.Platform2.ID},
			{"payment partner 1", viewer.RolePaymentPartner, w.Partner.ID}, {"payment partner 2", viewer.RolePaymentPartner, o.Partner.ID},
			{"job portal 1", viewer.RoleJobPortal, w.Portal.ID}, {"job portal 2", viewer.RoleJobPortal, o.Portal.ID},
		}
		// universe: every personal row and every partner account, by id.
		universe := map[pulid.ID]string{}
		for _, p := range people {
			for typ, id := range p.Private {
				universe[id] = typ
			}
		}
		var partners []partner
		for i, org := range orgs {
			phone := fmt.Sprintf("+62811000001%02d", i)
			acc := fixture.NewAccount(t, c, phone, org.role, org.id)
			universe[acc.ID] = "Account"
			partners = append(partners, partner{org.name, org.role, org.id, acc.ID, gqltest.SignIn(t, s.URL, s.SMS, phone)})
		}
		conns := connectionFields(t, gqltest.Client{URL: s.URL})
		nested := nestedFields(t, gqltest.Client{URL: s.URL})
		ids := slices.Collect(maps.Keys(universe))

		for _, pa := range partners {
			want := map[pulid.ID]bool{pa.account: true}
			for _, k := range partnerReads {
				if k.role != pa.role {
					continue
				}
				for _, p := range people {
					if k.org(p.Orgs) == pa.org {
						for _, typ := range k.types {
							want[p.Private[typ]] = true
						}
					}
				}
			}
			if len(want) < 2 {
				t.Fatalf("%s: the fixture gives it no rows of its own", pa.name)
			}
			// check reports rows of the universe seen where they must not be.
			check := func(t *testing.T, via string, got map[pulid.ID]bool) {
				t.Helper()
				for id := range got {
					if _, known := universe[id]; known && !want[id] {
						t.Errorf("%s read another's %s %s via %s", pa.name, universe[id], id, via)
					}
				}
			}
			t.Run(pa.name, func(t *testing.T) {
				t.Run("node", func(t *testing.T) {
					for id, typ := range universe {
						r := pa.client.Do(t, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": id})
						got := strings.Contains(string(r.Data), string(id))
						switch {
						case want[id] && (!got || len(r.Errors) > 0):
							t.Errorf("%s: own %s %s not readable via node: %s %+v", pa.name, typ, id, r.Data, r.Errors)
						case !want[id] && got:
							t.Errorf("%s: another's %s %s readable via node: %s", pa.name, typ, id, r.Data)
						case !want[id] && !slices.Equal(r.Codes(), []string{denial(pa.role, typ)}):
							t.Errorf("%s: another's %s via node: %v, want %s", pa.name, typ, r.Codes(), denial(pa.role, typ))
						}
					}
				})
				t.Run("nodes", func(t *testing.T) {
					r := pa.client.Do(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids})
					got := idsIn(t, r.Data)
					check(t, "nodes", got)
					for id := range want {
						if !got[id] {
							t.Errorf("own %s %s missing from nodes", universe[id], id)
						}
					}
				})
				t.Run("connections", func(t *testing.T) {
					seen, paths := map[pulid.ID]bool{}, 0
					for _, cn := range conns {
						got := connectionIDs(t, pa.client, cn.field)
						check(t, cn.field, got)
						maps.Copy(seen, got)
						if len(got) == 0 {
							continue
						}
						for _, f := range nested[cn.typ] {
							q := `{ ` + cn.field + `(first: 20) { edges { node { id ` + f + ` } } } }`
							r := pa.client.Do(t, q, nil)
							if !onlyCodes(r, "FORBIDDEN", "NOT_FOUND") {
								t.Fatalf("%s: %+v", q, r.Errors)
							}
							check(t, cn.field+"."+f, idsIn(t, r.Data))
							paths++
						}
					}
					for id := range want {
						if !seen[id] {
							t.Errorf("own %s %s missing from every connection", universe[id], id)
						}
					}
					// Every non-empty connection was walked one step down
					// (24 to 29 paths per role today).
					if paths < 20 {
						t.Errorf("only %d nested paths walked", paths)
					}
				})
				t.Run("me", func(t *testing.T) {
					for _, f := range append(nested["Account"], "") {
						r := pa.client.Do(t, `{ me { id `+f+` } }`, nil)
						if !onlyCodes(r, "FORBIDDEN", "NOT_FOUND") {
							t.Fatalf("me { %s }: %+v", f, r.Errors)
						}
						got := idsIn(t, r.Data)
						check(t, "me "+f, got)
						if !got[pa.account] {
							t.Errorf("me { %s } is not the partner's account: %s", f, r.Data)
						}
					}
				})
			})
		}
	})
}

// accountOwned are the types every signed-in account has rows of its own in.
var accountOwned = []string{"Account", "Device", "Notification", "Complaint", "ChatMessage"}

// denial is the code a partner of role gets reading another's row of typ:
// NOT_FOUND where it has rows of its own of that type (the row is filtered
// out), FORBIDDEN where it may read none.
func denial(role viewer.Role, typ string) string {
	if slices.Contains(accountOwned, typ) {
		return "NOT_FOUND"
	}
	for _, k := range partnerReads {
		if k.role == role && slices.Contains(k.types, typ) {
			return "NOT_FOUND"
		}
	}
	return "FORBIDDEN"
}

// nestedFields lists, per object type, selections of every field that leads
// to other entities without required arguments: connections (first 20
// ids) and edges to Node types (their id).
func nestedFields(t *testing.T, c gqltest.Client) map[string][]string {
	t.Helper()
	type typeRef struct {
		Kind, Name string
		OfType     *typeRef
	}
	var schema struct {
		Schema struct {
			Types []struct {
				Kind, Name string
				Interfaces []struct{ Name string }
				Fields     []struct {
					Name string
					Args []struct {
						Name string
						Type typeRef
					}
					Type typeRef
				}
			}
		} `json:"__schema"`
	}
	ref := `kind name ofType { kind name ofType { kind name ofType { kind name } } }`
	c.Do(t, `{ __schema { types { kind name interfaces { name } fields { name args { name type { `+ref+` } } type { `+ref+` } } } } }`, nil).
		MustData(t, &schema)
	named := func(r typeRef) string {
		for r.OfType != nil {
			r = *r.OfType
		}
		return r.Name
	}
	isNode := map[string]bool{}
	for _, ty := range schema.Schema.Types {
		for _, i := range ty.Interfaces {
			if i.Name == "Node" {
				isNode[ty.Name] = true
			}
		}
	}
	out := map[string][]string{}
	for _, ty := range schema.Schema.Types {
		if ty.Kind != "OBJECT" || !isNode[ty.Name] {
			continue
		}
	fields:
		for _, f := range ty.Fields {
			hasFirst := false
			for _, a := range f.Args {
				if a.Type.Kind == "NON_NULL" {
					continue fields
				}
				hasFirst = hasFirst || a.Name == "first"
			}
			switch target := named(f.Type); {
			case strings.HasSuffix(target, "Connection") && hasFirst:
				out[ty.Name] = append(out[ty.Name], f.Name+`(first: 20) { edges { node { id } } }`)
			case isNode[target]:
				out[ty.Name] = append(out[ty.Name], f.Name+` { id }`)
			}
		}
	}
	return out
}

// idsIn collects the value of every "id" key anywhere in a JSON document.
func idsIn(t *testing.T, data json.RawMessage) map[pulid.ID]bool {
	t.Helper()
	got := map[pulid.ID]bool{}
	if len(data) == 0 || string(data) == "null" {
		return got
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("decode %s: %v", data, err)
	}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "id" {
					got[pulid.ID(s)] = true
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return got
}
