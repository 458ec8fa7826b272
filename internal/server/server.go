// Package server owns the HTTP surface of the binary: routing, CORS, body
// limits, authentication of requests, health and readiness, metrics, and
// serving the PWA and the console.
package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/rs/cors"

	"github.com/kartuprakerja/platform/internal/clientip"
	"github.com/kartuprakerja/platform/internal/playground"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Config is the HTTP configuration.
type Config struct {
	AllowedOrigins []string       // CORS allow-list; empty allows none
	MaxBodyBytes   int64          // largest GraphQL request body
	PlaygroundPath string         // where GraphiQL is served; "" disables it
	TrustedProxies []netip.Prefix // proxies whose X-Forwarded-For names the client
}

// Authenticator turns an Authorization header into a viewer.
type Authenticator interface {
	Authenticate(ctx context.Context, header string) (*viewer.Viewer, error)
}

// Readiness reports whether the store is reachable and migrated.
type Readiness func(ctx context.Context) error

// Deps are the parts the routes are built from.
type Deps struct {
	GraphQL  http.Handler
	Auth     Authenticator
	Ready    Readiness
	PWA      fs.FS // the web app's files; index.html at the root
	Console  fs.FS // the staff and partner console's files, served under /konsol/
	Log      *slog.Logger
	Registry *prometheus.Registry
	Routes   map[string]http.Handler // domain endpoints by pattern (e.g. /publication/)
}

// New returns the root handler.
func New(cfg Config, d Deps) (http.Handler, error) {
	if d.Registry == nil {
		d.Registry = prometheus.NewRegistry()
		d.Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	m := newMetrics(d.Registry)
	mux := http.NewServeMux()
	gql := withCodedErrors(withGraphQLRequest(clientip.New(cfg.TrustedProxies).Middleware(
		withBodyLimit(cfg.MaxBodyBytes, withViewer(d.Auth, d.Log, d.GraphQL)))))
	mux.Handle("/graphql", m.instrument("graphql", gql))
	if cfg.PlaygroundPath != "" {
		pg := m.instrument("playground", playground.Handler(cfg.PlaygroundPath, "/graphql"))
		mux.Handle(cfg.PlaygroundPath, pg)
		mux.Handle(cfg.PlaygroundPath+"/", pg)
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintln(w, "ok")
	})
	mux.Handle("GET /readyz", readyHandler(d.Ready))
	for pattern, h := range d.Routes {
		mux.Handle(pattern, m.instrument(pattern, h))
	}
	mux.Handle("GET /metrics", promhttp.HandlerFor(d.Registry, promhttp.HandlerOpts{}))
	if d.Console != nil {
		mux.Handle("/konsol/", m.instrument("console", newConsole(d.Console)))
		mux.Handle("GET /konsol", http.RedirectHandler("/konsol/", http.StatusMovedPermanently))
	}
	if d.PWA != nil {
		mux.Handle("/", m.instrument("pwa", newStatic(d.PWA)))
	}
	copts := cors.Options{
		AllowedOrigins:   cfg.AllowedOrigins,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders:   []string{"Authorization", "Content-Type", "Accept-Language"},
		AllowCredentials: false,
		MaxAge:           600,
	}
	if len(cfg.AllowedOrigins) == 0 {
		// rs/cors allows every origin for an empty list; ours means none
		// (the PWA is same-origin, native apps need no CORS).
		copts.AllowOriginFunc = func(string) bool { return false }
	}
	c := cors.New(copts)
	zipped, err := withCompression(mux)
	if err != nil {
		return nil, err
	}
	return withRequestLog(d.Log, c.Handler(zipped)), nil
}

func readyHandler(ready Readiness) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if ready != nil {
			if err := ready(ctx); err != nil {
				http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
				return
			}
		}
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintln(w, "ready")
	})
}

// Serve runs h on ln until ctx is done, then drains for up to 15 seconds.
// It speaks HTTP/1.1 and HTTP/2 without TLS (h2c with prior knowledge): TLS
// ends at the load balancer, which may forward HTTP/2.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	var protocols http.Protocols
	protocols.SetHTTP1(true)
	protocols.SetUnencryptedHTTP2(true)
	srv := &http.Server{
		Protocols:         &protocols,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		IdleTimeout:       120 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
