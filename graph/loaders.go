package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vikstrous/dataloadgen"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/journey"
)

// loaders batch the reads a list would otherwise make one row at a time.
// Each operation gets its own (its cache lives as long as the operation,
// and its fetches run with the operation's viewer).
type loaders struct {
	results  *dataloadgen.Loader[pulid.ID, *ent.SelectionResult]
	accounts *dataloadgen.Loader[pulid.ID, *ent.Account]
}

type loadersKey struct{}

// Loaders is the operation middleware that gives each operation its loaders.
func Loaders(s Services) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		l := &loaders{results: dataloadgen.NewLoader(s.Journey.Results, dataloadgen.WithWait(time.Millisecond)),
			accounts: dataloadgen.NewLoader(accountsOf(s.Client), dataloadgen.WithWait(time.Millisecond))}
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

// accountsOf fetches accounts by id as the operation's viewer: an account
// the viewer may not read (or that is gone) loads as nil.
func accountsOf(c *ent.Client) func(context.Context, []pulid.ID) ([]*ent.Account, []error) {
	return func(ctx context.Context, ids []pulid.ID) ([]*ent.Account, []error) {
		as, err := c.Account.Query().Where(account.IDIn(ids...)).All(ctx)
		if err != nil {
			return nil, []error{fmt.Errorf("load accounts: %w", err)}
		}
		byID := make(map[pulid.ID]*ent.Account, len(as))
		for _, a := range as {
			byID[a.ID] = a
		}
		out := make([]*ent.Account, len(ids))
		for i, id := range ids {
			out[i] = byID[id]
		}
		return out, nil
	}
}

// accountByID loads an account through the operation's loader (one query
// for the actors of an audit log page).
func accountByID(ctx context.Context, c *ent.Client, id pulid.ID) (*ent.Account, error) {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l.accounts.Load(ctx, id)
	}
	as, errs := accountsOf(c)(ctx, []pulid.ID{id})
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return as[0], nil
}
