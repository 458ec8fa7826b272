package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// listFields enumerates every list field of the schema's object and
// interface types, except connections' edges (bounded by the page).
func listFields(s *ast.Schema) []string {
	var out []string
	for name, def := range s.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") || (def.Kind != ast.Object && def.Kind != ast.Interface) {
			continue
		}
		for _, f := range def.Fields {
			if f.Type.Elem != nil && !isEdgeList(name, f.Name) && !strings.HasPrefix(f.Name, "__") {
				out = append(out, name+"."+f.Name)
			}
		}
	}
	return out
}

// TestEveryListFieldIsBounded: every list field of the schema has a bound,
// and its cost is its child's cost times that bound (or times the ids it
// is given), so no list counts once.
func TestEveryListFieldIsBounded(t *testing.T) {
	es := NewSchema(Services{})
	c := boundedComplexity{es}
	fields := listFields(es.Schema())
	if len(fields) < 15 {
		t.Fatalf("only %d list fields found: %v", len(fields), fields)
	}
	const child = 7
	for _, key := range fields {
		typ, field, _ := strings.Cut(key, ".")
		bound, ok := ListBounds[key]
		if !ok {
			t.Errorf("%s has no entry in ListBounds", key)
			continue
		}
		args := map[string]any{}
		if def := es.Schema().Types[typ].Fields.ForName(field); def.Arguments.ForName("ids") != nil {
			args["ids"] = []pulid.ID{"a", "b", "c"}
			bound = 3
		}
		got, _ := c.Complexity(context.Background(), typ, field, child, args)
		if want := 1 + child*bound; got != want {
			t.Errorf("%s: complexity %d with child %d, want %d (bound %d)", key, got, child, want, bound)
		}
	}
	known := map[string]bool{}
	for _, f := range fields {
		known[f] = true
	}
	for key := range ListBounds {
		if !known[key] {
			t.Errorf("ListBounds has %s, which is not a list field of the schema", key)
		}
	}
}

func TestConnectionsCountTheirPage(t *testing.T) {
	c := boundedComplexity{NewSchema(Services{})}
	for _, tt := range []struct {
		args map[string]any
		want int
	}{
		{map[string]any{}, 1 + 5*DefaultPageSize},
		{map[string]any{"first": 100}, 1 + 5*100},
		{map[string]any{"last": 7}, 1 + 5*7},
	} {
		if got, _ := c.Complexity(context.Background(), "Query", "provinces", 5, tt.args); got != tt.want {
			t.Errorf("provinces(%v): %d, want %d", tt.args, got, tt.want)
		}
	}
	if got, _ := c.Complexity(context.Background(), "ProvinceConnection", "edges", 5, nil); got != 6 {
		t.Errorf("edges: %d, want 6 (the connection counted the page)", got)
	}
}
