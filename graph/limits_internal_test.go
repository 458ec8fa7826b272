package graph

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

// introspectionQuery is graphql-js's getIntrospectionQuery() (v16), what
// GraphiQL sends: it must pass the depth and field limits.
const introspectionQuery = `query IntrospectionQuery { __schema { queryType { name } mutationType { name }
 subscriptionType { name } types { ...FullType } directives { name description locations args { ...InputValue } } } }
fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description
 args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
 inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description
 isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType {
 kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`

func testHandler(t testing.TB) http.Handler {
	return NewHandler(NewSchema(Services{}), HandlerConfig{Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Introspection: true})
}

func post(t testing.TB, h http.Handler, query string) (int, []string) {
	body, _ := json.Marshal(map[string]any{"query": query})
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var resp struct {
		Errors []struct {
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("decode %q: %v", rec.Body.String(), err)
	}
	var codes []string
	for _, e := range resp.Errors {
		codes = append(codes, fmt.Sprint(e.Extensions["code"]))
	}
	return rec.Code, codes
}

// repeated is { me { id id … } } with n fields.
func repeated(n int) string { return "{ me { " + strings.Repeat("id ", n) + "} }" }

// nestedFragments doubles the fields at each of n levels: 2^n fields once
// expanded, in a document of a few hundred bytes.
func nestedFragments(n int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }\n")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { __typename }\n", n)
	return b.String()
}

func nestedTypes(depth int) string {
	return "{ __schema { types { fields { type { " + strings.Repeat("ofType { ", depth) + "name" +
		strings.Repeat(" }", depth) + " } } } } }"
}

func TestDocumentLimits(t *testing.T) {
	h := testHandler(t)
	l := DefaultLimits()
	tests := []struct {
		name, query string
		refused     bool
	}{
		{"introspection (GraphiQL)", introspectionQuery, false},
		{"10,000 repeated fields", repeated(10_000), true},
		{"over the token limit", "{ " + strings.Repeat("a: __typename ", l.Tokens/3+1) + "}", true},
		{"fields at the limit", "{ " + strings.Repeat("__typename ", l.Fields) + "}", false},
		{"one field over the limit", "{ " + strings.Repeat("__typename ", l.Fields+1) + "}", true},
		{"nested fragments doubling 40 times", nestedFragments(40), true},
		{"depth at the limit", nestedTypes(l.Depth - 5), false},
		{"one level too deep", nestedTypes(l.Depth - 4), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, codes := post(t, h, tt.query)
			refused := len(codes) == 1 && codes[0] == "QUERY_TOO_LARGE"
			if refused != tt.refused {
				t.Errorf("status %d codes %v; refused=%v, want %v", status, codes, refused, tt.refused)
			}
			for _, c := range codes {
				if c == "" || c == "<nil>" || c == "INTERNAL_SERVER_ERROR" {
					t.Errorf("uncoded or internal error: %v", codes)
				}
			}
		})
	}
}

// cpuPerOp reports the process's CPU time (user + system) per iteration,
// which a busy machine inflates far less than the wall-clock ns/op.
func cpuPerOp(b *testing.B, run func()) {
	var before, after syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	n := 0
	for b.Loop() {
		run()
		n++
	}
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/op")
}

// BenchmarkRepeatedFields measures the CPU one document of n repeated
// fields costs: "unlimited" is parsing and validation as before the limits
// (what gqlgen did with it), "handler" the whole handler now (refused at
// 10,000; at 500, validated once, then answered from the query cache).
func BenchmarkRepeatedFields(b *testing.B) {
	schema := NewSchema(Services{}).Schema()
	h := testHandler(b)
	for _, n := range []int{500, 10_000} {
		q := repeated(n)
		b.Run(fmt.Sprintf("unlimited/%d", n), func(b *testing.B) {
			cpuPerOp(b, func() {
				doc, err := parser.ParseQuery(&ast.Source{Input: q})
				if err != nil {
					b.Fatal(err)
				}
				if errs := validator.Validate(schema, doc); len(errs) > 0 {
					b.Fatal(errs)
				}
			})
		})
		b.Run(fmt.Sprintf("handler/%d", n), func(b *testing.B) {
			cpuPerOp(b, func() { post(b, h, q) })
		})
	}
	b.Run("handler/nested-fragments-40", func(b *testing.B) {
		q := nestedFragments(40)
		cpuPerOp(b, func() { post(b, h, q) })
	})
}

// TestIntrospectionCannotNest: introspection lists are not multiplied
// (their size is the schema's), so nesting them must be refused; gqlparser's
// MaxIntrospectionDepth rule does it, and the full introspection answer
// stays under the response ceiling.
func TestIntrospectionCannotNest(t *testing.T) {
	h := testHandler(t)
	for _, q := range []string{
		`{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`,
		`{ __schema { types { fields { type { ofType { fields { type { ofType { fields { name } } } } } } } } } }`,
		`{ __schema { types { possibleTypes { interfaces { possibleTypes { interfaces { name } } } } } } }`,
	} {
		if _, codes := post(t, h, q); len(codes) != 1 || codes[0] != "GRAPHQL_VALIDATION_FAILED" {
			t.Errorf("%s: %v", q, codes)
		}
	}
	body, _ := json.Marshal(map[string]any{"query": introspectionQuery})
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 || rec.Body.Len() > DefaultLimits().ResponseBytes/4 || !strings.Contains(rec.Body.String(), `"queryType"`) {
		t.Errorf("introspection: status %d, %d bytes", rec.Code, rec.Body.Len())
	}
}
