package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/certificate"
	"github.com/kartuprakerja/platform/internal/clientip"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/registry"
	"github.com/kartuprakerja/platform/internal/seed"
	"github.com/kartuprakerja/platform/internal/server"
	"github.com/kartuprakerja/platform/internal/sms"
	"github.com/kartuprakerja/platform/push"
)

// serve runs the server; once it is ready to answer (migrated, seeded,
// listening) it prints where to open it to out.
func serve(ctx context.Context, cfg *config, out io.Writer) error {
	start := time.Now()
	log := cfg.logger()
	setGCPercent(cfg.GCPercent, log)
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	ln, err := net.Listen("tcp", cfg.Addr) // before the seed and the app: the default public URL has its port
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	defer ln.Close()
	if cfg.Demo {
		if err := seedIfEmpty(ctx, db, cfg, log, publicURL(cfg.PublicURL, ln.Addr())); err != nil {
			return err
		}
	}
	a, err := buildApp(cfg, db, log, ln.Addr())
	if err != nil {
		return err
	}
	if err := a.Push.Start(ctx); err != nil {
		return fmt.Errorf("push workers: %w", err)
	}
	defer stopPush(a, log)
	log.Info("serving", "addr", ln.Addr().String(), "store", db.Dialect, "ready_in", time.Since(start).Round(time.Millisecond))
	fmt.Fprint(out, readyBanner(ln.Addr(), cfg.Playground, cfg.Demo))
	return server.Serve(ctx, ln, a.Handler, log)
}

// readyBanner says where to open a server listening at addr: the app, the
// playground, and with demo data the phones to sign in with.
func readyBanner(addr net.Addr, playground, demo bool) string {
	base := publicURL("", addr)
	var b strings.Builder
	fmt.Fprintf(&b, "\nKartu Prakerja siap / ready:\n  app:         %s/\n", base)
	if playground {
		fmt.Fprintf(&b, "  playground:  %s/playground\n", base)
	}
	if demo {
		var phones []string
		for _, a := range seed.DemoPhones() {
			phones = append(phones, a.Phone+" ("+a.Name+")")
		}
		fmt.Fprintf(&b, "  demo phones: %s\n", strings.Join(phones, ", "))
		b.WriteString("  the sign-in code appears in this log (kode masuk muncul di log ini)\n")
	}
	return b.String()
}

// publicURL is the configured public base URL, else this server as a
// browser on this machine reaches it.
func publicURL(configured string, addr net.Addr) string {
	if configured != "" {
		return strings.TrimSuffix(configured, "/")
	}
	return "http://" + browseHost(addr)
}

// browseHost is addr as a browser on this machine reaches it: localhost
// for a wildcard address.
func browseHost(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

func buildApp(cfg *config, db *database.DB, log *slog.Logger, addr net.Addr) (*app.App, error) {
	secret, err := cfg.secret()
	if err != nil {
		return nil, err
	}
	acfg := auth.DefaultConfig()
	acfg.Secret, acfg.SessionTTL = secret, cfg.SessionTTL
	acfg.CodesPerNetworkMinute = cfg.CodesPerNetworkMinute
	acfg.SessionCacheTTL = cfg.SessionCacheTTL
	acfg.SignInsPerNetworkMinute = cfg.SignInsPerNetworkMinute
	proxies, err := clientip.ParsePrefixes(cfg.TrustedProxies)
	if err != nil {
		return nil, err
	}
	playground := ""
	if cfg.Playground {
		playground = "/playground"
	}
	pcfg, err := pushConfig(cfg)
	if err != nil {
		return nil, err
	}
	jcfg := journey.DefaultConfig()
	jcfg.PassMark = cfg.TestPassMark
	jcfg.PublicURL = publicURL(cfg.PublicURL, addr)
	cfg.RegisterFailures.apply(&jcfg)
	sender, err := smsSender(cfg)
	if err != nil {
		return nil, err
	}
	keys, err := cfg.certificateKeys()
	if err != nil {
		return nil, err
	}
	return app.New(db, app.Config{
		SMS:     sender,
		Journey: jcfg,
		Push:    pcfg,
		Auth:    acfg,
		Server: server.Config{
			AllowedOrigins: cfg.origins(), MaxBodyBytes: cfg.MaxBodyBytes, PlaygroundPath: playground,
			TrustedProxies: proxies,
		},
		Registry:      registry.ClientConfig{BaseURL: cfg.RegistryURL, APIKey: cfg.RegistryKey},
		Log:           log,
		Introspection: new(cfg.Introspection.or(cfg.Playground)),
		ScheduleEvery: cfg.ScheduleEvery,
		Certificates:  certificate.Config{PublicURL: jcfg.PublicURL, Keys: keys, Log: log},
	})
}

func openMigrated(ctx context.Context, cfg *config, log *slog.Logger) (*database.DB, error) {
	db, err := database.Open(ctx, cfg.databaseURL(), database.Options{MaxOpenConns: cfg.DBMaxConns})
	if err != nil {
		return nil, err
	}
	if _, err := db.Migrate(ctx, log); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return db, nil
}

func pushConfig(cfg *config) (push.Config, error) {
	p := push.DefaultConfig()
	p.FCM.ProjectID, p.FCM.CredentialsFile, p.FCM.Endpoint = cfg.FCMProject, cfg.FCMCredentials, cfg.FCMEndpoint
	pub, priv, err := cfg.vapidKeys(push.GenerateVAPIDKeys)
	if err != nil {
		return p, err
	}
	p.WebPush.PublicKey, p.WebPush.PrivateKey, p.WebPush.Subject = pub, priv, cfg.VAPIDSubject
	p.PWAOrigin, p.Rate = cfg.PWAOrigin, cfg.PushRate
	return p, nil
}

func stopPush(a *app.App, log *slog.Logger) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := a.Push.Stop(ctx); err != nil {
		log.Error("push workers", "err", err)
	}
}

// setGCPercent sets the collector's target unless $GOGC does. The server
// allocates in bursts that die young (GraphQL responses, push batches): at
// 400 rather than Go's 100 a fan-out spends about a sixth less CPU for about
// twice the heap (docs/push.md).
func setGCPercent(pct int, log *slog.Logger) {
	if os.Getenv("GOGC") != "" || pct <= 0 {
		return
	}
	debug.SetGCPercent(pct)
	log.Debug("garbage collector target set", "percent", pct)
}

// smsSender is Twilio when an account is configured, otherwise nil (the
// app logs the codes: demo and development).
func smsSender(cfg *config) (sms.Sender, error) {
	if cfg.TwilioAccountSID == "" {
		return nil, nil
	}
	return sms.NewTwilio(sms.TwilioConfig{BaseURL: cfg.TwilioBaseURL, AccountSID: cfg.TwilioAccountSID,
		AuthToken: cfg.TwilioAuthToken, From: cfg.TwilioFrom, MessagingServiceSID: cfg.TwilioMessagingService})
}
