package partnerapi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kartuprakerja/platform/graph/generated"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/partnerapi"
)

func schema() *ast.Schema {
	return generated.NewExecutableSchema(generated.Config{}).Schema()
}

// TestEveryRootFieldIsClassified: every root field of Query and Mutation is
// decided for API keys: granted by scopes, node lookup, session-only or not
// a partner's operation, and only one of these. A root field added without
// deciding fails here.
func TestEveryRootFieldIsClassified(t *testing.T) {
	s := schema()
	n := 0
	for _, root := range []*ast.Definition{s.Query, s.Mutation} {
		for _, f := range root.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			n++
			scoped := 0
			for _, k := range partnerapi.Kinds() {
				for _, sc := range partnerapi.Scopes(k) {
					if sc.Grants(f.Name) {
						scoped++
					}
				}
			}
			switch c := partnerapi.ClassOf(f.Name); {
			case c == partnerapi.Unclassified:
				t.Errorf("%s.%s is in no scope and in neither sessionOnly nor notForPartners: decide", root.Name, f.Name)
			case c != partnerapi.Scoped && scoped > 0:
				t.Errorf("%s.%s is granted by %d scopes and also listed as class %d", root.Name, f.Name, scoped, c)
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d root fields found", n)
	}
}

// TestScopesAreWellFormed: per kind, scope names are unique and of the form
// thing:read, each grants root fields that exist, with a catalogued
// description, and at most one scope of a kind grants a field.
func TestScopesAreWellFormed(t *testing.T) {
	s := schema()
	for _, k := range partnerapi.Kinds() {
		seen, granted := map[string]bool{}, map[string]string{}
		scopes := partnerapi.Scopes(k)
		if len(scopes) > partnerapi.MaxScopes || len(partnerapi.Docs(k)) > partnerapi.MaxDocs {
			t.Errorf("%s: %d scopes, %d docs: over the bounds of graph.ListBounds", k, len(scopes), len(partnerapi.Docs(k)))
		}
		if len(scopes) < 3 || scopes[0].Name != "partner:read" {
			t.Errorf("%s: scopes %v: want partner:read and at least two more", k, scopes)
		}
		for _, sc := range scopes {
			if seen[sc.Name] || !(strings.HasSuffix(sc.Name, ":read") || strings.HasSuffix(sc.Name, ":write")) {
				t.Errorf("%s: scope %q repeated or neither a read nor a write scope", k, sc.Name)
			}
			seen[sc.Name] = true
			if len(sc.Operations) > partnerapi.MaxOperations {
				t.Errorf("%s %s: %d operations, over MaxOperations", k, sc.Name, len(sc.Operations))
			}
			if !msg.Has(sc.Description) || len(sc.Operations) == 0 || len(sc.Nodes) == 0 {
				t.Errorf("%s %s: description %q, %d operations, %d node types", k, sc.Name, sc.Description, len(sc.Operations), len(sc.Nodes))
			}
			for _, op := range sc.Operations {
				if s.Query.Fields.ForName(op) == nil && s.Mutation.Fields.ForName(op) == nil {
					t.Errorf("%s %s grants %s, not a root field", k, sc.Name, op)
				}
				if other, ok := granted[op]; ok {
					t.Errorf("%s: %s granted by %s and %s", k, op, other, sc.Name)
				}
				granted[op] = sc.Name
			}
		}
	}
}

// TestDocsAreValidExamples: every scope of every kind has at least one
// documented operation; each document is valid against the schema, names
// its operation, calls only root fields of its scope, and its variables
// are a JSON object. Running them is internal/app's TestPartnerAPIDocsRun.
func TestDocsAreValidExamples(t *testing.T) {
	s := schema()
	for _, k := range partnerapi.Kinds() {
		documented := map[string]bool{}
		for _, d := range partnerapi.Docs(k) {
			documented[d.Scope] = true
			doc, errs := gqlparser.LoadQuery(s, d.Document)
			if errs != nil {
				t.Errorf("%s %s: %v", k, d.Name, errs)
				continue
			}
			if len(doc.Operations) != 1 || doc.Operations[0].Name != d.Name {
				t.Errorf("%s %s: the document's operation is not named %s", k, d.Name, d.Name)
				continue
			}
			sc, _ := partnerapi.ScopeNamed(k, d.Scope)
			for _, sel := range doc.Operations[0].SelectionSet {
				if f, ok := sel.(*ast.Field); ok && !sc.Grants(f.Name) {
					t.Errorf("%s %s calls %s, outside %s", k, d.Name, f.Name, d.Scope)
				}
			}
			var vars map[string]any
			if err := json.Unmarshal([]byte(d.Variables), &vars); err != nil {
				t.Errorf("%s %s: variables %q: %v", k, d.Name, d.Variables, err)
			}
			if !msg.Has(d.Description) {
				t.Errorf("%s %s: description key %q not catalogued", k, d.Name, d.Description)
			}
		}
		for _, sc := range partnerapi.Scopes(k) {
			if !documented[sc.Name] {
				t.Errorf("%s: scope %s has no documented operation", k, sc.Name)
			}
		}
	}
}
