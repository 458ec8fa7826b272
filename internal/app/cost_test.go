package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/graph"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

type field struct {
	Name string
	Args []struct {
		Name         string
		Type         typeRef
		DefaultValue *string
	}
	Type typeRef
}

// required reports whether the field needs an argument.
func (f field) required() bool {
	for _, a := range f.Args {
		if a.Type.Kind == "NON_NULL" && a.DefaultValue == nil {
			return true
		}
	}
	return false
}

type schemaTypes map[string][]field

func introspect(t *testing.T, c gqltest.Client) schemaTypes {
	t.Helper()
	var out struct {
		Schema struct {
			Types []struct {
				Name, Kind string
				Fields     []field
			}
		} `json:"__schema"`
	}
	c.Do(t, `{ __schema { types { name kind fields { name
		args { name defaultValue type { kind name ofType { kind name } } }
		type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`, nil).MustData(t, &out)
	types := schemaTypes{}
	for _, ty := range out.Schema.Types {
		if (ty.Kind == "OBJECT" || ty.Kind == "INTERFACE") && !strings.HasPrefix(ty.Name, "__") {
			types[ty.Name] = ty.Fields
		}
	}
	return types
}

// step is one field of a query path: its text opens the selection that
// reaches the next type.
type step struct {
	owner string // the type the field is on
	f     field
	page  int // first: of a connection; 0 means 100, the largest page
}

func (s step) open() string {
	if strings.HasSuffix(s.f.Type.named().Name, "Connection") {
		return fmt.Sprintf("%s(first: %d) { edges { node { ", s.f.Name, s.pageSize())
	}
	return s.f.Name + " { "
}

func (s step) pageSize() int {
	if s.page == 0 {
		return 100
	}
	return s.page
}

func (s step) close() string {
	if strings.HasSuffix(s.f.Type.named().Name, "Connection") {
		return "} } } "
	}
	return "} "
}

// target is the type a step leads to (a connection's node type).
func (s step) target(types schemaTypes) string {
	n := s.f.Type.named().Name
	if strings.HasSuffix(n, "Connection") {
		for _, f := range types[n] {
			if f.Name == "edges" {
				for _, e := range types[f.Type.named().Name] {
					if e.Name == "node" {
						return e.Type.named().Name
					}
				}
			}
		}
	}
	return n
}

// path finds the shortest chain of argument-free fields from one type to
// another (nil when there is none; empty when from == to).
func path(types schemaTypes, from, to string) []step {
	prev := map[string]step{}
	seen := map[string]bool{from: true}
	queue := []string{from}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == to {
			out := []step{}
			for at := to; at != from; at = prev[at].owner {
				out = append([]step{prev[at]}, out...)
			}
			return out
		}
		for _, f := range types[cur] {
			s := step{owner: cur, f: f}
			next := s.target(types)
			if f.required() || strings.HasPrefix(f.Name, "__") || types[next] == nil || seen[next] {
				continue
			}
			seen[next] = true
			prev[next] = s
			queue = append(queue, next)
		}
	}
	return nil
}

// worst is the most values (fields, counted per item) a chain of steps
// ending in leaf fields can return, from the declared sizes: a
// connection's page, a list's bound in graph.ListBounds.
func worst(t *testing.T, steps []step, leaves int) int {
	n := leaves
	for i := len(steps) - 1; i >= 0; i-- {
		s := steps[i]
		switch {
		case strings.HasSuffix(s.f.Type.named().Name, "Connection"):
			n = 1 + s.pageSize()*(1+(1+n)) // edges, node, then the node's fields, per item
		case s.f.Type.isList():
			bound, ok := graph.ListBounds[s.owner+"."+s.f.Name]
			if !ok {
				t.Fatalf("%s.%s: a list without a declared bound", s.owner, s.f.Name)
			}
			n = 1 + bound*n
		default:
			n = 1 + n
		}
		n = min(n, 1<<40)
	}
	return n
}

func leafFor(types schemaTypes, typ string) (string, int) {
	for _, f := range types[typ] {
		if f.Name == "id" {
			return "id __typename ", 2
		}
	}
	return "__typename ", 1
}

// countValues counts the fields in a JSON response, per item of lists.
func countValues(v any) int {
	switch x := v.(type) {
	case map[string]any:
		n := 0
		for _, e := range x {
			n += 1 + countValues(e)
		}
		return n
	case []any:
		n := 0
		for _, e := range x {
			n += countValues(e)
		}
		return n
	}
	return 0
}

// TestQueryCostCountsEveryList walks every list edge of the schema found by
// introspection, nests it through the way back to its owner as deep as the
// limits let a query go, and shows: a query whose worst response (from the
// declared list sizes) exceeds the complexity limit is refused, and what is
// answered stays within that worst case and the response ceiling.
func TestQueryCostCountsEveryList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *database.DB) {
		s := newStack(t, db)
		w := fixture.NewWorld(t, db.Client)
		w.NewPerson(t, db.Client, 1, w.Platform)
		ctx := rule.System(context.Background(), "test")
		for i := range 33 { // a quota per province, as a real wave has
			p := db.Client.Province.Create().SetCode(fmt.Sprintf("%02d", 40+i)).SetName(fmt.Sprintf("P%d", i)).
				SetTimeZone("WIB").SaveX(ctx)
			db.Client.WaveQuota.Create().SetWaveID(w.Wave.ID).SetProvinceID(p.ID).SetQuota(1).SaveX(ctx)
		}
		fixture.NewAccount(t, db.Client, "+6281100000001", viewer.RoleAdmin, "")
		asAdmin := gqltest.SignIn(t, s.URL, s.SMS, "+6281100000001")
		types := introspect(t, asAdmin)
		limits := graph.DefaultLimits()

		checked := 0
		for owner, fields := range types {
			if owner == "Mutation" {
				continue
			}
			for _, f := range fields {
				first := step{owner: owner, f: f}
				elem := first.target(types)
				if !f.Type.isList() || types[elem] == nil || strings.HasSuffix(owner, "Connection") || f.required() {
					continue
				}
				root := path(types, "Query", owner)
				if root == nil {
					continue
				}
				for i := range root {
					root[i].page = 1 // a cheap way in; the nesting under test asks for the most
				}
				back := path(types, elem, owner)
				checked++
				t.Run(owner+"."+f.Name, func(t *testing.T) {
					probe(t, asAdmin, types, limits, root, first, back)
				})
			}
		}
		if checked < 8 {
			t.Errorf("only %d list edges reachable from Query were checked", checked)
		}

		t.Run("the issue's attack: Wave.quotas -> WaveQuota.wave -> quotas", func(t *testing.T) {
			q := func(levels int) string {
				return "{ currentWave { " + strings.Repeat("quotas { wave { ", levels-1) + "quotas { id quota } " +
					strings.Repeat("} } ", levels-1) + "} }"
			}
			r := asAdmin.Do(t, q(2), nil)
			if len(r.Errors) > 0 || !strings.Contains(string(r.Data), `"quota":1`) {
				t.Fatalf("two levels: %v %.200s", r.Errors, r.Data)
			}
			for _, levels := range []int{3, 4, 5} {
				if r := (gqltest.Client{URL: s.URL}).Do(t, q(levels), nil); !slices.Equal(r.Codes(), []string{"COMPLEXITY_LIMIT_EXCEEDED"}) {
					t.Errorf("%d levels (%d bytes, anonymous): codes %v, data %.100s", levels, len(q(levels)), r.Codes(), r.Data)
				}
			}
		})

		t.Run("a list longer than its bound is refused", func(t *testing.T) {
			p := db.Client.Province.Create().SetCode("99").SetName("EXTRA").SetTimeZone("WIT").SaveX(ctx)
			db.Client.WaveQuota.Create().SetWaveID(w.Wave.ID).SetProvinceID(p.ID).SetQuota(1).SaveX(ctx)
			r := asAdmin.Do(t, `{ currentWave { quotas { id } } }`, nil)
			if !slices.Equal(r.Codes(), []string{"RESPONSE_TOO_LARGE"}) {
				t.Errorf("35 quotas against a bound of 34: codes %v data %.200s", r.Codes(), r.Data)
			}
		})
	})
}

// probe sends root, then first (+ back to its owner) nested deeper and
// deeper, until a limit refuses it.
func probe(t *testing.T, c gqltest.Client, types schemaTypes, l graph.Limits, root []step, first step, back []step) {
	leaf, leaves := leafFor(types, first.target(types))
	for depth := 1; depth <= 12; depth++ {
		steps := slices.Clone(root)
		for i := range depth {
			steps = append(steps, first)
			if i < depth-1 {
				if back == nil {
					t.Logf("no way back to %s: one level answered", first.owner)
					return // no way back: one level is all a query can nest
				}
				steps = append(steps, back...)
			}
		}
		var open, closing strings.Builder
		for _, s := range steps {
			open.WriteString(s.open())
		}
		for i := len(steps) - 1; i >= 0; i-- {
			closing.WriteString(steps[i].close())
		}
		q := "{ " + open.String() + leaf + closing.String() + "}"
		bound := worst(t, steps, leaves)
		r := c.Do(t, q, nil)
		refused := slices.ContainsFunc(r.Codes(), func(code string) bool {
			return code == "COMPLEXITY_LIMIT_EXCEEDED" || code == "QUERY_TOO_LARGE"
		})
		if refused {
			t.Logf("refused at depth %d (worst case %d values): %v", depth, bound, r.Codes())
			return
		}
		if bound > l.Complexity {
			t.Fatalf("depth %d answered, though its worst case is %d values (limit %d): %s", depth, bound, l.Complexity, q)
		}
		var data any
		_ = json.Unmarshal(r.Data, &data)
		if n := countValues(data); n > bound {
			t.Errorf("depth %d returned %d values, more than its worst case %d: %s", depth, n, bound, q)
		}
		if len(r.Data) > l.ResponseBytes {
			t.Errorf("depth %d returned %d bytes, over the ceiling", depth, len(r.Data))
		}
		for _, e := range r.Errors {
			if e.Code() == "" || e.Code() == "INTERNAL_SERVER_ERROR" {
				t.Errorf("depth %d: %+v", depth, e)
			}
		}
	}
	t.Errorf("never refused up to depth 12")
}
