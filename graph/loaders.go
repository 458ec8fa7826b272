package graph

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/journey"
)

// loaders batch the reads a list would otherwise make one row at a time.
// Each operation gets its own (its cache lives as long as the operation,
// and its fetches run with the operation's viewer).
type loaders struct {
	results *dataloadgen.Loader[pulid.ID, *ent.SelectionResult]
}

type loadersKey struct{}

// Loaders is the operation middleware that gives each operation its loaders.
func Loaders(s Services) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		l := &loaders{results: dataloadgen.NewLoader(s.Journey.Results, dataloadgen.WithWait(time.Millisecond))}
		return next(context.WithValue(ctx, loadersKey{}, l))
	}
}

// selectionResult loads an application's result through the operation's
// loader (one query for the applications of a list).
func selectionResult(ctx context.Context, j *journey.Service, applicationID pulid.ID) (*ent.SelectionResult, error) {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l.results.Load(ctx, applicationID)
	}
	rs, errs := j.Results(ctx, []pulid.ID{applicationID})
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return rs[0], nil
}
