package graph

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
)

// Limits bound what one GraphQL request may cost. The README's "Limits"
// section gives each value and how it was chosen.
type Limits struct {
	Complexity    int           // cost: 1 per field, lists and connections multiplied by their size
	Depth         int           // nesting of selections, fragments expanded
	Tokens        int           // lexer tokens of the document, counted before validation
	Fields        int           // field selections of the document, fragments expanded, before validation
	ResponseBytes int           // largest marshalled response
	Timeout       time.Duration // execution deadline of a query or mutation
}

// DefaultLimits are the production limits.
func DefaultLimits() Limits {
	return Limits{Complexity: 20_000, Depth: 15, Tokens: 5_000, Fields: 500,
		ResponseBytes: 4 << 20, Timeout: 15 * time.Second}
}

// withDefaults fills zero values from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	l.Complexity = cmp.Or(l.Complexity, d.Complexity)
	l.Depth = cmp.Or(l.Depth, d.Depth)
	l.Tokens = cmp.Or(l.Tokens, d.Tokens)
	l.Fields = cmp.Or(l.Fields, d.Fields)
	l.ResponseBytes = cmp.Or(l.ResponseBytes, d.ResponseBytes)
	l.Timeout = cmp.Or(l.Timeout, d.Timeout)
	return l
}

// documentLimit refuses a document over the token, field or depth limit
// before gqlgen validates it: validation grows with the square of repeated
// fields, so it must never see a large document. It parses the document
// itself (linear, and capped at Tokens), counts the fields and depth with
// each fragment expanded once (memoised, so nested fragments cannot blow
// up the count) and remembers documents it accepted.
type documentLimit struct {
	limits   Limits
	accepted *lru.LRU[bool]
}

var (
	_ graphql.HandlerExtension          = documentLimit{}
	_ graphql.OperationParameterMutator = documentLimit{}
)

func newDocumentLimit(l Limits) documentLimit {
	return documentLimit{limits: l, accepted: lru.New[bool](1000)}
}

func (documentLimit) ExtensionName() string                   { return "DocumentLimit" }
func (documentLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d documentLimit) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if p.Query == "" {
		return nil // a persisted-query hash alone: APQ answers it
	}
	if _, ok := d.accepted.Get(ctx, p.Query); ok {
		return nil
	}
	if err := d.check(p.Query); err != nil {
		return err
	}
	d.accepted.Add(ctx, p.Query, true)
	return nil
}

// check returns a QUERY_TOO_LARGE error, or nil (parse errors are left to
// gqlgen, which reports them as GRAPHQL_PARSE_FAILED).
func (d documentLimit) check(query string) *gqlerror.Error {
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, d.limits.Tokens)
	if err != nil {
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && gqlErr.Message == tokenLimitMessage(d.limits.Tokens) {
			return limitError(msg.QueryTooLong, d.limits.Tokens)
		}
		return nil
	}
	m := measure(doc)
	if m.fields > d.limits.Fields {
		return limitError(msg.QueryTooWide, d.limits.Fields)
	}
	if m.depth > d.limits.Depth {
		return limitError(msg.QueryTooDeep, d.limits.Depth)
	}
	return nil
}

func tokenLimitMessage(n int) string {
	return gqlerror.Errorf("exceeded token limit of %d", n).Message
}

// limitError is QUERY_TOO_LARGE; the presenter renders its message.
func limitError(key msg.Key, n int) *gqlerror.Error {
	e := apperr.E(apperr.QueryTooLarge, key, n)
	return &gqlerror.Error{Err: e, Message: e.Error(), Extensions: map[string]any{"code": string(apperr.QueryTooLarge)}}
}

// size is the expanded measure of a selection set.
type size struct{ fields, depth int }

// measure returns the fields of every operation and fragment definition of
// doc, fragments expanded, and the deepest nesting. A fragment is measured
// once; a cycle (which validation refuses) counts as empty.
func measure(doc *ast.QueryDocument) size {
	memo := map[string]*size{}
	var frag func(name string) size
	var set func(ss ast.SelectionSet) size
	frag = func(name string) size {
		if m, ok := memo[name]; ok {
			if m == nil {
				return size{}
			}
			return *m
		}
		memo[name] = nil
		var m size
		if f := doc.Fragments.ForName(name); f != nil {
			m = set(f.SelectionSet)
		}
		memo[name] = &m
		return m
	}
	set = func(ss ast.SelectionSet) size {
		var out size
		for _, s := range ss {
			var m size
			switch s := s.(type) {
			case *ast.Field:
				m = set(s.SelectionSet)
				m.fields++
				m.depth++
			case *ast.InlineFragment:
				m = set(s.SelectionSet)
			case *ast.FragmentSpread:
				m = frag(s.Name)
			}
			out.fields = satAdd(out.fields, m.fields)
			out.depth = max(out.depth, m.depth)
		}
		return out
	}
	var total size
	for _, op := range doc.Operations {
		m := set(op.SelectionSet)
		total.fields, total.depth = satAdd(total.fields, m.fields), max(total.depth, m.depth)
	}
	for _, f := range doc.Fragments {
		total.fields = satAdd(total.fields, frag(f.Name).fields)
	}
	return total
}

// satAdd adds without overflowing (nested fragments double per level).
func satAdd(a, b int) int {
	if s := a + b; s >= a && s >= b {
		return s
	}
	return int(^uint(0) >> 1)
}

// responseLimit gives queries and mutations an execution deadline and
// replaces a response over the ceiling with a RESPONSE_TOO_LARGE error.
func responseLimit(l Limits) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		if op := graphql.GetOperationContext(ctx).Operation; op != nil && op.Operation != ast.Subscription {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, l.Timeout)
			defer cancel()
		}
		resp := next(ctx)
		if resp == nil || responseSize(resp) <= l.ResponseBytes {
			return resp
		}
		e := gqlerror.Errorf("%s", msg.Render(msg.LocaleOf(ctx), msg.ResponseTooLarge, l.ResponseBytes))
		e.Extensions = map[string]any{"code": string(apperr.ResponseTooLarge), "messageKey": string(msg.ResponseTooLarge)}
		return &graphql.Response{Errors: gqlerror.List{e}}
	}
}

func responseSize(r *graphql.Response) int {
	n := len(r.Data)
	if len(r.Errors) > 0 {
		b, _ := json.Marshal(r.Errors)
		n += len(b)
	}
	return n
}
