package main

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/internal/app"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/certificate/vc"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/server"
	"github.com/kartuprakerja/platform/push"
)

// config is every setting of the binary. Each has a flag and an environment
// variable (PRAKERJA_<NAME>); the flag wins.
type config struct {
	Addr           string
	DataDir        string
	DatabaseURL    string
	AllowedOrigins string
	Secret         string
	LogLevel       string
	Playground     bool
	MaxBodyBytes   int64
	Demo           bool
	Seed           int64
	Recipients     int
	SessionTTL     time.Duration
	RegistryURL    string
	RegistryKey    string
	TestPassMark   int
	FCMProject     string
	FCMCredentials string
	FCMEndpoint    string
	VAPIDPublic    string
	VAPIDPrivate   string
	VAPIDSubject   string
	PWAOrigin      string
	PublicURL      string
	GCPercent      int

	CertificateKeys    string
	CertificateKeySeed string

	CodesPerNetworkMinute   int
	SignInsPerNetworkMinute int
	RegisterFailures        registerFailures
	TrustedProxies          string
	Introspection           optionalBool // default: on when the playground is

	ScheduleEvery   time.Duration
	SessionCacheTTL time.Duration
	DBMaxConns      int
	PushRate        float64

	TwilioAccountSID, TwilioAuthToken, TwilioFrom, TwilioMessagingService, TwilioBaseURL string
}

// register declares the flags. A default that belongs to a package is read
// from that package's DefaultConfig, never stated again here.
func (c *config) register(fs *flag.FlagSet) {
	a, j, p := auth.DefaultConfig(), journey.DefaultConfig(), push.DefaultConfig()
	fs.StringVar(&c.Addr, "addr", env("ADDR", ":8080"), "listen address")
	fs.StringVar(&c.DataDir, "data-dir", env("DATA_DIR", "data"), "directory for the SQLite file and the generated secret")
	fs.StringVar(&c.DatabaseURL, "database-url", env("DATABASE_URL", ""), "postgres://… for PostgreSQL; default: SQLite file <data-dir>/prakerja.db")
	fs.StringVar(&c.AllowedOrigins, "allowed-origins", env("ALLOWED_ORIGINS", ""), "comma-separated CORS origins allowed to call /graphql")
	fs.StringVar(&c.Secret, "secret", env("SECRET", ""), "hex key (32+ bytes) for sign-in codes; default: generated into <data-dir>/secret.key")
	fs.IntVar(&c.CodesPerNetworkMinute, "codes-per-network-minute", int(envInt("CODES_PER_NETWORK_MINUTE", int64(a.CodesPerNetworkMinute))), "sign-in codes one client network (IPv4 address, IPv6 /64) may request a minute; 0: no limit")
	fs.IntVar(&c.SignInsPerNetworkMinute, "sign-ins-per-network-minute", int(envInt("SIGN_INS_PER_NETWORK_MINUTE", int64(a.SignInsPerNetworkMinute))), "sign-in attempts (code guesses) one client network may make a minute; 0: no limit")
	c.RegisterFailures.register(fs)
	fs.StringVar(&c.TrustedProxies, "trusted-proxies", env("TRUSTED_PROXIES", ""), "comma-separated proxy addresses/CIDRs whose X-Forwarded-For is believed")
	fs.StringVar(&c.TwilioAccountSID, "twilio-account-sid", env("TWILIO_ACCOUNT_SID", ""), "Twilio account for sign-in SMS; empty: codes are written to the log")
	fs.StringVar(&c.TwilioAuthToken, "twilio-auth-token", env("TWILIO_AUTH_TOKEN", ""), "Twilio auth token")
	fs.StringVar(&c.TwilioFrom, "twilio-from", env("TWILIO_FROM", ""), "SMS sender number or alphanumeric id")
	fs.StringVar(&c.TwilioMessagingService, "twilio-messaging-service", env("TWILIO_MESSAGING_SERVICE", ""), "Twilio messaging service SID (instead of -twilio-from)")
	fs.StringVar(&c.TwilioBaseURL, "twilio-base-url", env("TWILIO_BASE_URL", ""), "Twilio API base URL (default https://api.twilio.com)")
	fs.IntVar(&c.GCPercent, "gc-percent", int(envInt("GC_PERCENT", 400)), "garbage collector target (Go's GOGC); $GOGC, when set, wins")
	fs.StringVar(&c.LogLevel, "log-level", env("LOG_LEVEL", "info"), "debug, info, warn or error")
	fs.BoolVar(&c.Playground, "playground", envBool("PLAYGROUND", true), "serve GraphiQL at /playground")
	c.Introspection = envOptionalBool("INTROSPECTION")
	fs.Var(&c.Introspection, "introspection", "answer __schema/__type queries (default: on when -playground is)")
	fs.Int64Var(&c.MaxBodyBytes, "max-body-bytes", envInt("MAX_BODY_BYTES", server.DefaultMaxBodyBytes), "largest GraphQL request body")
	fs.BoolVar(&c.Demo, "demo", envBool("DEMO", false), "seed demo data into an empty database before serving")
	fs.Int64Var(&c.Seed, "seed", envInt("SEED", 1), "seed number of the demo data")
	fs.IntVar(&c.Recipients, "recipients", int(envInt("RECIPIENTS", 2000)), "recipients in the demo data")
	fs.DurationVar(&c.SessionTTL, "session-ttl", envDuration("SESSION_TTL", a.SessionTTL), "how long a sign-in lasts")
	fs.StringVar(&c.RegistryURL, "registry-url", env("REGISTRY_URL", ""), "base URL of the Dukcapil/exclusion registry API; empty: the embedded synthetic registry")
	fs.StringVar(&c.RegistryKey, "registry-key", env("REGISTRY_KEY", ""), "bearer key for the registry API")
	fs.StringVar(&c.FCMProject, "fcm-project", env("FCM_PROJECT", ""), "Firebase project for FCM pushes; empty: FCM off")
	fs.StringVar(&c.FCMCredentials, "fcm-credentials", env("FCM_CREDENTIALS", ""), "service-account JSON for FCM; empty: Google default credentials")
	fs.StringVar(&c.FCMEndpoint, "fcm-endpoint", env("FCM_ENDPOINT", ""), "replaces https://fcm.googleapis.com/v1 (a local fake FCM in tests)")
	fs.StringVar(&c.VAPIDPublic, "vapid-public-key", env("VAPID_PUBLIC_KEY", ""), "Web Push VAPID public key; default: generated into <data-dir>/vapid.json")
	fs.StringVar(&c.VAPIDPrivate, "vapid-private-key", env("VAPID_PRIVATE_KEY", ""), "Web Push VAPID private key")
	fs.StringVar(&c.VAPIDSubject, "vapid-subject", env("VAPID_SUBJECT", "push@prakerja.go.id"), "contact address sent with Web Push")
	fs.StringVar(&c.PublicURL, "public-url", env("PUBLIC_URL", ""), "public base URL of this server: named in the command that verifies a wave's selection, and the did:web host of certificates; default: http://localhost:<port of -addr>")
	fs.StringVar(&c.CertificateKeys, "certificate-keys", env("CERTIFICATE_KEYS", ""), "JSON file of the Ed25519 keys that sign certificates, with their validity windows (docs/certificates.md); default: generated into <data-dir>/certificate-keys.json")
	fs.StringVar(&c.CertificateKeySeed, "certificate-key-seed", env("CERTIFICATE_KEY_SEED", ""), "hex seed (64 characters) of a single certificate signing key, instead of -certificate-keys")
	fs.StringVar(&c.PWAOrigin, "pwa-origin", env("PWA_ORIGIN", ""), "the PWA's https origin, for links in web pushes")
	fs.DurationVar(&c.ScheduleEvery, "schedule-every", envDuration("SCHEDULE_EVERY", app.DefaultScheduleEvery), "period of the scheduled jobs (30-day rule, survey openings); one instance's job queue leader enqueues them")
	fs.DurationVar(&c.SessionCacheTTL, "session-cache-ttl", envDuration("SESSION_CACHE_TTL", a.SessionCacheTTL), "how long an instance trusts a cached session: a sign-out on another instance takes effect within it; 0: no cache")
	fs.IntVar(&c.DBMaxConns, "database-max-conns", int(envInt("DATABASE_MAX_CONNS", 0)), "most connections this instance opens to the store (the job queue shares them); 0: 20 on PostgreSQL, 8 on SQLite")
	fs.Float64Var(&c.PushRate, "push-rate", envFloat("PUSH_RATE", p.Rate), "most push messages a second this instance sends (FCM allows 10,000/s per project: with N instances use 10000/N); 0: no limit")
	fs.IntVar(&c.TestPassMark, "test-pass-mark", int(envInt("TEST_PASS_MARK", int64(j.PassMark))), "score (0-100) that passes the motivation and basic ability test")
}

func (c *config) databaseURL() string {
	if c.DatabaseURL != "" {
		return c.DatabaseURL
	}
	return filepath.Join(c.DataDir, "prakerja.db")
}

func (c *config) origins() []string {
	var out []string
	for _, o := range strings.Split(c.AllowedOrigins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, o)
		}
	}
	return out
}

func (c *config) logger() *slog.Logger {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(c.LogLevel)); err != nil {
		lvl = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))
}

// secret returns the configured key, or the one kept in the data directory
// (created on first use), so a demo needs no setup.
func (c *config) secret() ([]byte, error) {
	if c.Secret != "" {
		return decodeSecret(c.Secret)
	}
	path := filepath.Join(c.DataDir, "secret.key")
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		raw := make([]byte, 32)
		if _, err := rand.Read(raw); err != nil {
			return nil, err
		}
		if err := os.MkdirAll(c.DataDir, 0o750); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, []byte(hex.EncodeToString(raw)), 0o600); err != nil {
			return nil, fmt.Errorf("write %s: %w", path, err)
		}
		return raw, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return decodeSecret(strings.TrimSpace(string(b)))
}

func decodeSecret(s string) ([]byte, error) {
	b, err := hex.DecodeString(s)
	if err != nil || len(b) < 32 {
		return nil, fmt.Errorf("secret must be at least 64 hex characters")
	}
	return b, nil
}

func env(name, def string) string {
	if v, ok := os.LookupEnv("PRAKERJA_" + name); ok {
		return v
	}
	return def
}

func envBool(name string, def bool) bool {
	b, err := strconv.ParseBool(env(name, strconv.FormatBool(def)))
	if err != nil {
		return def
	}
	return b
}

func envInt(name string, def int64) int64 {
	n, err := strconv.ParseInt(env(name, strconv.FormatInt(def, 10)), 10, 64)
	if err != nil {
		return def
	}
	return n
}

func envFloat(name string, def float64) float64 {
	f, err := strconv.ParseFloat(env(name, strconv.FormatFloat(def, 'f', -1, 64)), 64)
	if err != nil {
		return def
	}
	return f
}

func envDuration(name string, def time.Duration) time.Duration {
	d, err := time.ParseDuration(env(name, def.String()))
	if err != nil {
		return def
	}
	return d
}

// vapidKeys returns the configured Web Push keys, or the pair kept in the
// data directory (generated on first use).
func (c *config) vapidKeys(generate func() (priv, pub string, err error)) (pub, priv string, err error) {
	if c.VAPIDPublic != "" && c.VAPIDPrivate != "" {
		return c.VAPIDPublic, c.VAPIDPrivate, nil
	}
	path := filepath.Join(c.DataDir, "vapid.json")
	var keys struct{ Public, Private string }
	if b, err := os.ReadFile(path); err == nil {
		if err := json.Unmarshal(b, &keys); err != nil {
			return "", "", fmt.Errorf("read %s: %w", path, err)
		}
		return keys.Public, keys.Private, nil
	}
	if keys.Private, keys.Public, err = generate(); err != nil {
		return "", "", err
	}
	b, _ := json.Marshal(keys)
	if err := os.MkdirAll(c.DataDir, 0o750); err != nil {
		return "", "", err
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return "", "", fmt.Errorf("write %s: %w", path, err)
	}
	return keys.Public, keys.Private, nil
}

// certificateKeys returns the keys that sign certificates: a single key from
// -certificate-key-seed, the key file -certificate-keys, else the file kept
// in the data directory (one key generated on first use).
func (c *config) certificateKeys() (vc.KeySet, error) {
	if c.CertificateKeySeed != "" {
		b, _ := json.Marshal(vc.KeyFile{Keys: []vc.FileKey{{ID: "key-1", Seed: c.CertificateKeySeed,
			From: time.Date(2020, time.January, 1, 0, 0, 0, 0, time.UTC)}}})
		return vc.ParseKeyFile(b, "")
	}
	path := c.CertificateKeys
	if path == "" {
		path = filepath.Join(c.DataDir, "certificate-keys.json")
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			if err := writeKeyFile(path, time.Now()); err != nil {
				return vc.KeySet{}, err
			}
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return vc.KeySet{}, fmt.Errorf("certificate keys: %w", err)
	}
	return vc.ParseKeyFile(b, "")
}

func writeKeyFile(path string, now time.Time) error {
	f, err := vc.NewKeyFile("key-"+now.UTC().Format("20060102"), now)
	if err != nil {
		return err
	}
	b, _ := json.MarshalIndent(f, "", "  ")
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
