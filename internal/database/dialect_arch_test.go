package database_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoDialectOutsideDatabase keeps every SQLite/PostgreSQL difference in
// this package: no Go file of the module outside internal/database (and
// the generated ent code) names dialect.Postgres or dialect.SQLite of
// entgo.io/ent/dialect. Tests may, to choose the store they run on.
func TestNoDialectOutsideDatabase(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	err = filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if e.IsDir() {
			switch rel {
			case "ent", "internal/database", "node_modules", "pwa", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		uses, err := dialectNames(path)
		for _, u := range uses {
			found = append(found, rel+":"+u)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Errorf("%s: ask internal/database (a database.Dialect method or a bulk statement) instead of comparing dialects", f)
	}
}

// dialectNames lists where the file at path names dialect.Postgres or
// dialect.SQLite, whatever it calls the import.
func dialectNames(path string) ([]string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	local := ""
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == "entgo.io/ent/dialect" {
			local = "dialect"
			if im.Name != nil {
				local = im.Name.Name
			}
		}
	}
	if local == "" {
		return nil, nil
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if x, ok := sel.X.(*ast.Ident); ok && x.Name == local && (sel.Sel.Name == "Postgres" || sel.Sel.Name == "SQLite") {
			out = append(out, strconv.Itoa(fset.Position(sel.Pos()).Line)+": "+local+"."+sel.Sel.Name)
		}
		return true
	})
	return out, nil
}
