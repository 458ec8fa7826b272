package app_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/kartuprakerja/platform/internal/database/dbtest"
	"github.com/kartuprakerja/platform/internal/fixture"
	"github.com/kartuprakerja/platform/internal/gqltest"
)

var jsConst = regexp.MustCompile("(?m)^(?:export )?const (\\w+) = ([`'])(.*?)[`'];$")

// pwaOperations reads every GraphQL operation of the PWA (pwa/src/queries.js).
func pwaOperations(t *testing.T) map[string]string {
	t.Helper()
	src, err := os.ReadFile("../../pwa/src/queries.js")
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]string{}
	for _, m := range jsConst.FindAllStringSubmatch(string(src), -1) {
		consts[m[1]] = m[3]
	}
	ops := map[string]string{}
	for name, text := range consts {
		for k, v := range consts {
			text = strings.ReplaceAll(text, "${"+k+"}", v)
		}
		if strings.HasPrefix(text, "query") || strings.HasPrefix(text, "mutation") {
			ops[name] = text
		}
	}
	return ops
}

// TestPWAOperationsWithinLimits: the limits leave room for what the app
// sends (its largest: every survey form in one query).
func TestPWAOperationsWithinLimits(t *testing.T) {
	db := dbtest.Open(t, "sqlite3")
	s := newStack(t, db)
	w := fixture.NewWorld(t, db.Client)
	p := w.NewPerson(t, db.Client, 1, w.Platform)
	asP := gqltest.SignIn(t, s.URL, s.SMS, p.Phone)
	ops := pwaOperations(t)
	if len(ops) < 25 {
		t.Fatalf("found only %d operations in queries.js", len(ops))
	}
	for name, op := range ops {
		doc, err := parser.ParseQuery(&ast.Source{Input: op})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		vars, ok := sampleVariables(doc.Operations[0].VariableDefinitions)
		if !ok {
			t.Logf("%s: needs an input object; skipped", name)
			continue
		}
		if name == "SIGN_OUT" {
			continue // would end the session the others use
		}
		r := asP.Do(t, op, vars)
		if r.Status == 401 {
			t.Fatalf("%s: signed out (%v); the limits were not reached", name, r.Codes())
		}
		for _, code := range []string{"COMPLEXITY_LIMIT_EXCEEDED", "QUERY_TOO_LARGE", "RESPONSE_TOO_LARGE"} {
			if slices.Contains(r.Codes(), code) {
				t.Errorf("%s refused by a limit: %v", name, r.Errors)
			}
		}
	}
}

// sampleVariables gives each required scalar variable a value of its type.
func sampleVariables(defs ast.VariableDefinitionList) (map[string]any, bool) {
	vars := map[string]any{}
	for _, d := range defs {
		if !d.Type.NonNull {
			continue
		}
		switch d.Type.Name() {
		case "ID", "String":
			if d.Type.Elem != nil {
				vars[d.Variable] = []string{"rc01ZZZZZZZZZZZZZZZZZZZZZZZZ"}
			} else {
				vars[d.Variable] = "rc01ZZZZZZZZZZZZZZZZZZZZZZZZ"
			}
		case "Int":
			vars[d.Variable] = 1
		default:
			return nil, false
		}
	}
	return vars, true
}
