package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// keyArg is, for each call that takes a message key, the key's position.
var keyArg = map[string]map[string]int{
	"apperr": {"E": 1, "Wrap": 2, "Invalid": 1, "InvalidFields": 0},
	"msg":    {"T": 0, "Render": 1},
}

// TestKeysInCodeAreCatalogued: every message key the server's code passes
// is a catalogue constant, never a string written in place (which would
// compile, as Key is a string type, and reach users untranslated).
func TestKeysInCodeAreCatalogued(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	calls := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "ent" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, ok := sel.X.(*ast.Ident)
			if !ok {
				return true
			}
			i, ok := keyArg[pkg.Name][sel.Sel.Name]
			if !ok || i >= len(call.Args) {
				return true
			}
			calls++
			if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				t.Errorf("%s: key written as a string %s; add a constant to the catalogue", fset.Position(lit.Pos()), lit.Value)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 100 {
		t.Errorf("found only %d calls taking a key: is the walk reading the code?", calls)
	}
}
