package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/99designs/gqlgen/graphql"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// whereArg is the argument every filtered connection takes.
const whereArg = "where"

// scopeWhere wraps a field resolver so that the field's where filter can only
// match what the viewer may read: every edge predicate (hasX, hasXWith, at any
// depth) is narrowed to the rows of X the viewer's privacy policy allows, and
// one on an entity the viewer may not read at all is refused, naming the
// filter. Nested connections that the resolver eager-loads unmarshal their
// filters through ent.WithScopedWhereInputs and are scoped the same way.
func scopeWhere(next graphql.Resolver) graphql.Resolver {
	return func(ctx context.Context) (any, error) {
		fc := graphql.GetFieldContext(ctx)
		if fc == nil || !(fc.IsMethod || fc.IsResolver) {
			return next(ctx) // a plain struct field runs no query
		}
		if w, ok := fc.Args[whereArg].(ent.ViewerScoper); ok {
			if err := w.ScopeToViewer(ctx); err != nil {
				return nil, filterDenied(err)
			}
		}
		return next(ent.WithScopedWhereInputs(ctx))
	}
}

// filterDenied presents a refused filter: FORBIDDEN (UNAUTHENTICATED for an
// anonymous caller) naming the filter.
func filterDenied(err error) error {
	var fd *ent.FilterDeniedError
	if !errors.As(err, &fd) {
		return fmt.Errorf("scope where filter: %w", err)
	}
	code := apperr.Forbidden
	key := msg.FilterForbidden
	if errors.Is(err, rule.ErrUnauthenticated) {
		code, key = apperr.Unauthenticated, msg.FilterSignIn
	}
	return apperr.Wrap(code, err, key, fd.Filter).InField(fd.Filter)
}
