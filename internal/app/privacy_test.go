package app_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/ent/auditlog"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TestPrivacyMatrix proves that a recipient reads only their own personal
// rows through node, nodes, every top-level connection and connections
// reached from public entities; that partners see only their own; and that
// anonymous callers see nothing personal.
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
				if strings.Contains(string(r.Data), string(id)) || !slices.Contains(r.Codes(), "NOT_FOUND") {
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

		t.Run("partner sees only its own", func(t *testing.T) {
			fixture.NewAccount(t, db.Client, "+6281100000012", viewer.RolePlatform, w.Platform.ID)
			asPlatform := gqltest.SignIn(t, s.URL, s.SMS, "+6281100000012")
			got := connectionIDs(t, asPlatform, "purchases")
			if !got[a.Private["Purchase"]] || got[b.Private["Purchase"]] || len(got) != 1 {
				t.Errorf("platform purchases = %v; want only %s", got, a.Private["Purchase"])
			}
			if ids := connectionIDs(t, asPlatform, "payouts"); len(ids) != 0 {
				t.Errorf("platform read payouts: %v", ids)
			}
		})

		t.Run("anonymous", func(t *testing.T) {
			anon := gqltest.Client{URL: s.URL}
			r := anon.Do(t, `{ recipients { totalCount } }`, nil)
			if !slices.Contains(r.Codes(), "UNAUTHENTICATED") {
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
			ctx := rule.System(context.Background(), "test")
			before := db.Client.AuditLog.Query().Where(auditlog.Action("recipient.nik.read")).CountX(ctx)
			fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
			asAdmin := gqltest.SignIn(t, s.URL, s.SMS, "+6281100000001")
			var staff struct{ Node struct{ Nik *string } }
			asAdmin.Do(t, q, map[string]any{"id": b.Recipient.ID}).MustData(t, &staff)
			if staff.Node.Nik == nil || *staff.Node.Nik != b.Recipient.Nik {
				t.Errorf("admin NIK read: %+v", staff)
			}
			after := db.Client.AuditLog.Query().Where(auditlog.Action("recipient.nik.read"),
				auditlog.TargetID(b.Recipient.ID)).CountX(ctx)
			if after != before+1 {
				t.Errorf("staff NIK read audited %d times, want 1", after-before)
			}
			r := asA.Do(t, `{ auditLogs { totalCount } }`, nil)
			if !slices.Contains(r.Codes(), "FORBIDDEN") {
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
