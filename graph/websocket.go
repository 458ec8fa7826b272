package graph

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Authenticate turns an Authorization value ("Bearer <token>", "ApiKey
// <key>") into a viewer: nil for none, an UNAUTHENTICATED error for bad
// credentials. The HTTP middleware uses the same one (auth.Service).
type Authenticate func(ctx context.Context, header string) (*viewer.Viewer, error)

// WebsocketConfig is how sockets sign in.
type WebsocketConfig struct {
	Authenticate Authenticate  // nil: sockets stay anonymous
	Recheck      time.Duration // how often a signed-in socket's credentials are checked again; 0 means 30 s
}

// closeUnauthorized is graphql-transport-ws's close code for a refused
// connection_init.
const closeUnauthorized = 4403

func newWebsocket(cfg WebsocketConfig, log *slog.Logger) transport.Websocket {
	if cfg.Recheck <= 0 {
		cfg.Recheck = 30 * time.Second
	}
	ws := transport.Websocket{KeepAlivePingInterval: 25 * time.Second, InitTimeout: 10 * time.Second}
	if cfg.Authenticate != nil {
		ws.InitFunc = socketSignIn(cfg, log)
	}
	return ws
}

// socketSignIn authenticates connection_init: its payload's Authorization
// (or authToken, the name Apollo and graphql-ws clients use) through the
// same authenticator as HTTP requests, else the credentials of the upgrade
// request. A signed-in socket is checked again every Recheck and closed once
// its session expired or was signed out.
func socketSignIn(cfg WebsocketConfig, log *slog.Logger) transport.WebsocketInitFunc {
	return func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		cred := initCredentials(p)
		if cred == "" {
			cred = upgradeCredentials(ctx)
		}
		v, err := cfg.Authenticate(ctx, cred)
		if err != nil {
			ctx = transport.WithWebsocketCloseCode(ctx, closeUnauthorized)
			if apperr.Is(err, apperr.Unauthenticated) {
				return transport.AppendCloseReason(ctx, "unauthenticated"), nil,
					errors.New(msg.Render(msg.LocaleOf(ctx), msg.SessionInvalid))
			}
			log.ErrorContext(ctx, "websocket sign-in", "err", err)
			return transport.AppendCloseReason(ctx, "unavailable"), nil,
				errors.New(msg.Render(msg.LocaleOf(ctx), msg.WebsocketUnavailable))
		}
		if v == nil {
			return ctx, nil, nil // anonymous, as over HTTP
		}
		ctx, cancel := context.WithCancel(viewer.NewContext(ctx, v))
		go watchSession(ctx, cancel, cfg, cred, log)
		return transport.AppendCloseReason(ctx, "session ended"), nil, nil
	}
}

// watchSession cancels the socket's context (gqlgen then closes the
// socket) once the credentials stop authenticating. A store outage keeps
// the socket open: only a definite refusal ends it.
func watchSession(ctx context.Context, cancel context.CancelFunc, cfg WebsocketConfig, cred string, log *slog.Logger) {
	defer cancel()
	t := time.NewTicker(cfg.Recheck)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		v, err := cfg.Authenticate(context.WithoutCancel(ctx), cred)
		switch {
		case err == nil && v != nil:
			continue
		case err != nil && !apperr.Is(err, apperr.Unauthenticated):
			log.WarnContext(ctx, "websocket session re-check", "err", err)
			continue
		}
		return
	}
}

func initCredentials(p transport.InitPayload) string {
	if a := p.Authorization(); a != "" {
		return a
	}
	if t := p.GetString("authToken"); t != "" {
		return "Bearer " + t
	}
	return ""
}

type upgradeKey struct{}

// WithUpgradeCredentials keeps the Authorization header of websocket
// upgrade requests for connection_init, which cannot see the request.
func WithUpgradeCredentials(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a := r.Header.Get("Authorization"); a != "" && r.Header.Get("Upgrade") != "" {
			r = r.WithContext(context.WithValue(r.Context(), upgradeKey{}, a))
		}
		next.ServeHTTP(w, r)
	})
}

func upgradeCredentials(ctx context.Context) string {
	s, _ := ctx.Value(upgradeKey{}).(string)
	return s
}
