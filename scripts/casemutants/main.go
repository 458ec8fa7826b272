// Command casemutants runs the mutants gremlins v0.6.0 reports NOT COVERED
// only because Go's coverage profile has no counter for them: conditions of
// switch cases and constant expressions (go-gremlins/gremlins#298; the fix
// proposed upstream, #299, runs exactly these two kinds). It reads a
// gremlins report, applies each such mutant with the same token swap as
// gremlins, through `go test -overlay` (the tree is never written), and
// prints one line a mutant and a summary line:
//
//	casemutants: killed K lived L
//
// Usage: go run ./scripts/casemutants -pkg internal/phone -report gremlins.txt
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// swaps are gremlins' token mutations (internal/engine/mappings.go, v0.6.0)
// for the mutant types enabled by default.
var swaps = map[string]map[string]string{
	"CONDITIONALS_NEGATION": {"==": "!=", "!=": "==", ">=": "<", ">": "<=", "<=": ">", "<": ">="},
	"CONDITIONALS_BOUNDARY": {">=": ">", ">": ">=", "<=": "<", "<": "<="},
	"ARITHMETIC_BASE":       {"+": "-", "-": "+", "*": "/", "/": "*", "%": "*"},
	"INVERT_NEGATIVES":      {"-": "+"},
	"INCREMENT_DECREMENT":   {"++": "--", "--": "++"},
}

var line = regexp.MustCompile(`NOT COVERED ([A-Z_]+) at (\S+\.go):(\d+):(\d+)`)

type mutant struct {
	kind, file string
	line, col  int
}

func main() {
	pkg := flag.String("pkg", "", "package directory, relative to the module root")
	report := flag.String("report", "", "gremlins output")
	timeout := flag.Duration("timeout", 5*time.Minute, "longest test run of one mutant")
	flag.Parse()
	if err := run(*pkg, *report, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "casemutants:", err)
		os.Exit(1)
	}
}

func run(pkg, report string, timeout time.Duration) error {
	ms, err := readReport(report)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "casemutants-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	killed, lived := 0, 0
	for i, m := range ms {
		path := filepath.Join(pkg, m.file)
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		off, op, why, err := locate(path, src, m)
		if err != nil {
			return err
		}
		if why == "" {
			continue // a mutant really not covered: gremlins' verdict stands
		}
		to, ok := swaps[m.kind][op]
		if !ok {
			return fmt.Errorf("%s:%d:%d: no %s mutation of %q", m.file, m.line, m.col, m.kind, op)
		}
		mutated := string(src[:off]) + to + string(src[off+len(op):])
		status, err := test(tmp, i, pkg, path, mutated, timeout)
		if err != nil {
			return err
		}
		if status == "KILLED" {
			killed++
		} else {
			lived++
		}
		fmt.Printf("%12s %s at %s:%d:%d (%s, %q -> %q)\n", status, m.kind, m.file, m.line, m.col, why, op, to)
	}
	fmt.Printf("casemutants: killed %d lived %d\n", killed, lived)
	return nil
}

func readReport(name string) ([]mutant, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []mutant
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		g := line.FindStringSubmatch(sc.Text())
		if g == nil {
			continue
		}
		l, _ := strconv.Atoi(g[3])
		c, _ := strconv.Atoi(g[4])
		out = append(out, mutant{kind: g[1], file: g[2], line: l, col: c})
	}
	return out, sc.Err()
}

// locate finds the operator of m and says why Go's coverage misses it:
// "case condition" (in the List of a case clause), "constant", or "" when
// it is neither. Running such a mutant cannot flatter the figures: one the
// tests never reach lives, and counts against the efficacy.
func locate(path string, src []byte, m mutant) (int, string, string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
	if err != nil {
		return 0, "", "", err
	}
	tf := fset.File(f.Pos())
	pos := tf.LineStart(m.line) + token.Pos(m.col-1)
	off := tf.Offset(pos)
	op := ""
	for _, cand := range []string{"==", "!=", ">=", "<=", "++", "--", ">", "<", "+", "-", "*", "/", "%"} {
		if strings.HasPrefix(string(src[off:]), cand) {
			op = cand
			break
		}
	}
	if op == "" {
		return 0, "", "", fmt.Errorf("%s:%d:%d: no operator", m.file, m.line, m.col)
	}
	why := ""
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CaseClause:
			for _, e := range n.List {
				if e.Pos() <= pos && pos < e.End() {
					why = "case condition"
				}
			}
		case *ast.GenDecl:
			if n.Tok == token.CONST && n.Pos() <= pos && pos < n.End() {
				why = "constant"
			}
		}
		return why == ""
	})
	return off, op, why, nil
}

// test runs the package's tests with the mutated file in place of path.
func test(tmp string, i int, pkg, path, mutated string, timeout time.Duration) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	file := filepath.Join(tmp, fmt.Sprintf("m%d_%s", i, filepath.Base(path)))
	if err := os.WriteFile(file, []byte(mutated), 0o644); err != nil {
		return "", err
	}
	overlay, _ := json.Marshal(map[string]any{"Replace": map[string]string{abs: file}})
	ov := filepath.Join(tmp, fmt.Sprintf("m%d.json", i))
	if err := os.WriteFile(ov, overlay, 0o644); err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "test", "-count=1", "-failfast", "-overlay", ov, "./"+pkg)
	out, err := cmd.CombinedOutput()
	switch {
	case ctx.Err() != nil:
		return "TIMED OUT", nil
	case err == nil:
		return "LIVED", nil
	case strings.Contains(string(out), "[build failed]") || strings.Contains(string(out), "[setup failed]"):
		return "", fmt.Errorf("%s: the mutant does not build:\n%s", path, out)
	}
	return "KILLED", nil
}
