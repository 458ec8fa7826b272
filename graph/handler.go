package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kartuprakerja/platform/internal/apperr"
)

// Page sizes of every connection.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// HandlerConfig tunes the GraphQL endpoint.
type HandlerConfig struct {
	ComplexityLimit int // 0 means Limits.Complexity
	APQCacheSize    int // persisted queries kept in memory; 0 means 1,000
	Log             *slog.Logger
	Operations      []graphql.OperationMiddleware // e.g. Loaders
	Limits          Limits                        // zero values: DefaultLimits
	Introspection   bool                          // answer __schema and __type
	Websocket       WebsocketConfig               // connection_init sign-in
}

// NewHandler returns the GraphQL HTTP handler: POST, GET (for persisted
// queries) and websocket transports, automatic persisted queries, the
// limits of Limits (cost counting every list, depth, tokens, fields,
// response size, deadline), introspection when configured, and typed errors.
func NewHandler(es graphql.ExecutableSchema, cfg HandlerConfig) *handler.Server {
	cfg.Limits = cfg.Limits.withDefaults()
	if cfg.ComplexityLimit == 0 {
		cfg.ComplexityLimit = cfg.Limits.Complexity
	}
	if cfg.APQCacheSize == 0 {
		cfg.APQCacheSize = 1000
	}
	srv := handler.New(boundedComplexity{es})
	srv.AddTransport(newWebsocket(cfg.Websocket, cfg.Log))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(cfg.Limits.Tokens)
	if cfg.Introspection {
		srv.Use(extension.Introspection{})
	} else {
		srv.Use(noIntrospection{})
	}
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](cfg.APQCacheSize)})
	srv.Use(newDocumentLimit(cfg.Limits)) // after APQ, which fills in the query
	srv.Use(extension.FixedComplexityLimit(cfg.ComplexityLimit))
	for _, m := range cfg.Operations {
		srv.AroundOperations(m)
	}
	srv.AroundResponses(responseLimit(cfg.Limits))
	srv.AroundFields(fieldMiddleware(cfg.Log))
	srv.AroundFields(singleLineText(es.Schema()))
	srv.SetErrorPresenter(presentError)
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		cfg.Log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p))
		return apperr.New(apperr.Internal, "internal error")
	})
	return srv
}

// fieldMiddleware gives every connection a default and a maximum page size,
// and classifies every resolver error (unknown ones are logged and hidden).
func fieldMiddleware(log *slog.Logger) graphql.FieldMiddleware {
	return func(ctx context.Context, next graphql.Resolver) (any, error) {
		if err := boundPage(graphql.GetFieldContext(ctx)); err != nil {
			return nil, err
		}
		res, err := resolveBounded(ctx, log, scopeWhere(next))
		if err != nil {
			err = classify(ctx, log, err)
		}
		return res, err
	}
}

func boundPage(fc *graphql.FieldContext) error {
	if fc == nil || fc.Args == nil {
		return nil
	}
	_, hasFirst := fc.Args["first"]
	_, hasLast := fc.Args["last"]
	if !hasFirst || !hasLast {
		return nil // not a connection
	}
	first, _ := fc.Args["first"].(*int)
	last, _ := fc.Args["last"].(*int)
	for name, n := range map[string]*int{"first": first, "last": last} {
		if n != nil && (*n < 0 || *n > MaxPageSize) {
			return apperr.Invalid(name, fmt.Sprintf("%s must be between 0 and %d", name, MaxPageSize))
		}
	}
	if first == nil && last == nil {
		n := DefaultPageSize
		fc.Args["first"] = &n
	}
	return nil
}

func pageArg(v any) (int, bool) {
	switch x := v.(type) {
	case int:
		return x, true
	case int64:
		return int(x), true
	case float64:
		return int(x), true
	case json.Number:
		n, err := x.Int64()
		return int(n), err == nil
	}
	return 0, false
}

// presentError shapes every error: extensions.code always set, messages of
// internal errors never leak.
func presentError(ctx context.Context, err error) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	if gqlErr.Extensions == nil {
		gqlErr.Extensions = map[string]any{}
	}
	if e, ok := apperr.As(err); ok {
		gqlErr.Message = e.Message
		gqlErr.Extensions["code"] = string(e.Code)
		if len(e.Fields) > 0 {
			gqlErr.Extensions["fields"] = e.Fields
		}
		nameRefusedArgument(err, gqlErr)
		if e.Retry {
			gqlErr.Extensions["retryable"] = true
		}
		return gqlErr
	}
	if _, ok := gqlErr.Extensions["code"]; !ok {
		// Not from a resolver (those are classified): gqlgen's own coercion
		// of arguments and variables, i.e. the client's input.
		gqlErr.Extensions["code"] = string(apperr.BadUserInput)
	}
	return gqlErr
}

// classify maps a resolver error to a typed one.
func classify(ctx context.Context, log *slog.Logger, err error) error {
	if e, ok := apperr.As(err); ok {
		return e
	}
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Extensions["code"] != nil {
		return err
	}
	if e := classifyStore(err); e != nil {
		return e
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		e := apperr.Wrap(apperr.Unavailable, err, "request cancelled or timed out")
		e.Retry = true
		return e
	}
	log.ErrorContext(ctx, "resolver error", "err", err, "path", graphql.GetPath(ctx).String())
	return apperr.Wrap(apperr.Internal, err, "internal error")
}
