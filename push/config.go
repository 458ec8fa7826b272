package push

import (
	"fmt"
	"time"
)

// Config is what the push service needs; the caller reads it (from flags or
// the environment) starting from DefaultConfig.
type Config struct {
	FCM     FCMConfig
	WebPush WebPushConfig
	// PWAOrigin is the PWA's https origin; when set, FCM web pushes carry an
	// absolute link (fcm_options.link). Deep links stay relative elsewhere.
	PWAOrigin string

	// Rate is the most messages sent per second across every sender of this
	// process (a token bucket). FCM's quota is 600,000 messages a minute per
	// project: the default of 10,000/s stays at it. 0 turns the limit off.
	Rate float64
	// BatchSize is the number of notifications per delivery job (at most
	// 500: one FCM SendEach call).
	BatchSize int
	// PageSize is the number of applications a wave fan-out reads and
	// notifies per transaction.
	PageSize int
	// Workers is the number of delivery jobs this process runs at once.
	Workers int
	// JobTimeout bounds one delivery job. It is also the claim lease: a
	// notification handed to the provider by a worker that died is sent
	// again only after the lease, so two live workers never send it at once.
	JobTimeout time.Duration
	// RescueAfter is when a job whose worker died is run again (river's
	// RescueStuckJobsAfter); it must exceed JobTimeout.
	RescueAfter time.Duration
	// MaxRounds bounds the resends of one message after 429/5xx answers.
	MaxRounds int
	// PollInterval is how often idle workers look for new jobs.
	PollInterval time.Duration
}

// FCMConfig selects the Firebase project and how to reach it.
type FCMConfig struct {
	// ProjectID is the Firebase project; empty disables FCM delivery
	// (FCM devices then count as unreachable and the inbox still holds the
	// notification).
	ProjectID string
	// CredentialsFile is a service-account JSON file; empty uses Google's
	// application default credentials. Ignored when Endpoint is set.
	CredentialsFile string
	// Endpoint replaces https://fcm.googleapis.com/v1 (tests and benchmarks
	// point it at push/fcmfake); requests are then sent without credentials.
	Endpoint string
	// Connections bounds the HTTP connections to FCM (SendEach runs 50
	// requests at once per call).
	Connections int
}

// WebPushConfig holds the VAPID identity of the server (RFC 8292).
type WebPushConfig struct {
	// PublicKey and PrivateKey are the base64url VAPID keys (GenerateVAPIDKeys
	// makes a pair). Empty disables Web Push delivery.
	PublicKey  string
	PrivateKey string
	// Subject is the contact the push services see: an e-mail address
	// (without "mailto:") or an https URL.
	Subject string
	// Concurrency bounds the Web Push requests in flight per job.
	Concurrency int
}

// DefaultConfig returns the production defaults.
func DefaultConfig() Config {
	return Config{
		FCM:          FCMConfig{Connections: 128},
		WebPush:      WebPushConfig{Subject: "push@prakerja.go.id", Concurrency: 32},
		Rate:         10_000,
		BatchSize:    500,
		PageSize:     2_000,
		Workers:      3,
		JobTimeout:   2 * time.Minute,
		RescueAfter:  3 * time.Minute,
		MaxRounds:    8,
		PollInterval: time.Second,
	}
}

// withDefaults fills zero fields (except Rate, where 0 means no limit).
func (c Config) withDefaults() (Config, error) {
	d := DefaultConfig()
	if c.BatchSize <= 0 {
		c.BatchSize = d.BatchSize
	}
	if c.PageSize <= 0 {
		c.PageSize = d.PageSize
	}
	if c.Workers <= 0 {
		c.Workers = d.Workers
	}
	if c.JobTimeout <= 0 {
		c.JobTimeout = d.JobTimeout
	}
	if c.RescueAfter <= 0 {
		c.RescueAfter = c.JobTimeout + time.Minute
	}
	if c.MaxRounds <= 0 {
		c.MaxRounds = d.MaxRounds
	}
	if c.PollInterval <= 0 {
		c.PollInterval = d.PollInterval
	}
	if c.FCM.Connections <= 0 {
		c.FCM.Connections = d.FCM.Connections
	}
	if c.WebPush.Concurrency <= 0 {
		c.WebPush.Concurrency = d.WebPush.Concurrency
	}
	if c.WebPush.Subject == "" {
		c.WebPush.Subject = d.WebPush.Subject
	}
	switch {
	case c.BatchSize > maxFCMBatch:
		return c, fmt.Errorf("push: batch size %d exceeds FCM's %d", c.BatchSize, maxFCMBatch)
	case c.RescueAfter <= c.JobTimeout:
		return c, fmt.Errorf("push: rescue delay %s must exceed the job timeout %s", c.RescueAfter, c.JobTimeout)
	case c.Rate < 0:
		return c, fmt.Errorf("push: negative rate %v", c.Rate)
	}
	return c, nil
}
