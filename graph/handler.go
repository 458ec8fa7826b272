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
	"github.com/kartuprakerja/platform/internal/msg"
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
	Calls           CallRecorder                  // the partner call log; nil records nothing
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
	if cfg.Calls != nil {
		srv.AroundResponses(recordCalls(cfg.Calls)) // API-key calls, once their response is known
	}
	for _, m := range cfg.Operations {
		srv.AroundOperations(m)
	}
	srv.AroundResponses(responseLimit(cfg.Limits))
	srv.AroundFields(fieldMiddleware(cfg.Log))
	srv.AroundFields(singleLineText(es.Schema()))
	srv.AroundFields(keyScopes) // last, so outermost: an API key outside its scopes is refused first
	srv.SetErrorPresenter(presentError)
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		cfg.Log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p))
		return apperr.E(apperr.Internal, msg.Internal)
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
			return apperr.Invalid(name, msg.PageSize, name, MaxPageSize)
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
	locale := msg.LocaleOf(ctx)
	if e, ok := apperr.As(err); ok {
		gqlErr.Message = e.Message(locale)
		gqlErr.Extensions["code"] = string(e.Code)
		gqlErr.Extensions["messageKey"] = string(e.Text.Key)
		if f := e.FieldMessages(locale); f != nil {
			gqlErr.Extensions["fields"] = f
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
	renderForeign(gqlErr, locale)
	return gqlErr
}

// classify maps a resolver error to a typed one.
func classify(ctx context.Context, log *slog.Logger, err error) error {
	if e, ok := apperr.As(err); ok {
		return e
	}
	if isNodeNotFound(err) {
		return apperr.Wrap(apperr.NotFound, err, msg.NotFound)
	}
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Extensions["code"] != nil {
		return err
	}
	if e := classifyStore(err); e != nil {
		return e
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		e := apperr.Wrap(apperr.Unavailable, err, msg.Cancelled)
		e.Retry = true
		return e
	}
	log.ErrorContext(ctx, "resolver error", "err", err, "path", graphql.GetPath(ctx).String())
	return apperr.Wrap(apperr.Internal, err, msg.Internal)
}
