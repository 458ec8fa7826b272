package app_test

import (
	"crypto/rand"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/server"
	"github.com/kartuprakerja/platform/internal/sms"
)

// stack is the whole platform behind a test HTTP server.
type stack struct {
	URL string // the GraphQL endpoint
	SMS *sms.Recorder
	App *app.App
}

func newStack(t *testing.T, db *database.DB) *stack {
	t.Helper()
	return newStackWith(t, db, func(*app.Config) {})
}

// newStackWith is newStack with the configuration changed by tune.
func newStackWith(t *testing.T, db *database.DB, tune func(*app.Config)) *stack {
	t.Helper()
	rec := &sms.Recorder{}
	cfg := app.Config{
		Auth:   testAuthConfig(),
		Server: server.Config{MaxBodyBytes: 64 << 10, PlaygroundPath: "/playground", AllowedOrigins: []string{"https://app.example"}},
		SMS:    rec,
		Log:    slog.New(slog.NewTextHandler(testWriter{t}, nil)),
	}
	tune(&cfg)
	a, err := app.New(db, cfg)
	if err != nil {
		t.Fatalf("wire app: %v", err)
	}
	srv := httptest.NewServer(a.Handler)
	t.Cleanup(srv.Close)
	return &stack{URL: srv.URL + "/graphql", SMS: rec, App: a}
}

// testAuthConfig has a random secret and no sign-in rate limits.
func testAuthConfig() auth.Config {
	secret := make([]byte, 32)
	_, _ = rand.Read(secret)
	acfg := auth.DefaultConfig()
	acfg.Secret, acfg.ResendInterval, acfg.CodesPerHour, acfg.CodesPerNetworkMinute = secret, 0, 1000, 0
	acfg.SignInsPerNetworkMinute = 0
	return acfg
}

// testWriter sends the stack's logs to the test log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}
