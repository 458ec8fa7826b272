// Package app wires the services of the platform into one HTTP handler, for
// the serve command and for tests that exercise the whole stack.
package app

import (
	"log/slog"
	"net/http"

	"github.com/kartuprakerja/platform/graph"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/server"
	"github.com/kartuprakerja/platform/internal/sms"
	"github.com/kartuprakerja/platform/pwa"
)

// Config is what the wiring needs beyond the store.
type Config struct {
	Auth   auth.Config
	Server server.Config
	SMS    sms.Sender // nil logs messages
	Log    *slog.Logger
}

// App is the wired platform.
type App struct {
	Handler http.Handler
	Auth    *auth.Service
}

// New wires the services over db.
func New(db *database.DB, cfg Config) (*App, error) {
	if cfg.SMS == nil {
		cfg.SMS = sms.LogSender{Log: cfg.Log}
	}
	authn, err := auth.New(db.Client, cfg.SMS, cfg.Auth)
	if err != nil {
		return nil, err
	}
	gql := graph.NewHandler(graph.NewSchema(graph.Services{Client: db.Client, Auth: authn}),
		graph.HandlerConfig{Log: cfg.Log})
	h, err := server.New(cfg.Server, server.Deps{
		GraphQL: gql, Auth: authn, Ready: db.Ping, PWA: pwa.Files(), Log: cfg.Log,
	})
	if err != nil {
		return nil, err
	}
	return &App{Handler: h, Auth: authn}, nil
}
