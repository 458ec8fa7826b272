// Package training owns the digital platforms' reports on a purchase:
// redemption of the code, progress, pre- and post-test scores and
// completion, offered twice over one Service: as GraphQL mutations (the
// resolvers call Report) and as an xAPI 1.0.3 statements endpoint
// (Handler, POST /xapi/statements). Every report is a TrainingReport row,
// idempotent by the platform's key, applied in one transaction with the
// purchase row locked. A completed purchase with a post-test above 60
// issues the certificate through the CertificateIssuer seam, and the
// recipient's first certificate publishes the domain event
// certificate.first_issued in the same transaction.
//
// It does not own the certificates themselves (internal/certificate), the
// purchases' creation (internal/marketplace) nor the API keys (internal/auth).
// The statement shape is documented in docs/xapi.md.
package training

import (
	"context"
	"log/slog"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/database"
)

// CertificateIssuer creates the certificate of a purchase in tx; a second
// call for the same purchase returns the existing one.
type CertificateIssuer interface {
	Issue(ctx context.Context, tx *ent.Tx, p *ent.Purchase, score int, at time.Time) (*ent.Certificate, error)
}

// Config holds the rules of reporting.
type Config struct {
	// ClockSkew is how far a report's time may be ahead of the server's.
	ClockSkew time.Duration
	// PublicURL is the server's public base URL: the xAPI actor's homePage
	// and the prefix of the activity ids.
	PublicURL string
}

// DefaultConfig returns the rules in force.
func DefaultConfig() Config {
	return Config{ClockSkew: 5 * time.Minute, PublicURL: "http://localhost:8080"}
}

// Deps are the Service's collaborators.
type Deps struct {
	Client  *ent.Client
	Dialect string
	Issuer  CertificateIssuer
	Log     *slog.Logger     // nil discards
	Now     func() time.Time // nil is time.Now
}

// Service applies the platforms' reports.
type Service struct {
	client  *ent.Client
	dialect database.Dialect
	issuer  CertificateIssuer
	cfg     Config
	log     *slog.Logger
	now     func() time.Time
}

// New returns a Service; zero Config fields take DefaultConfig's.
func New(d Deps, cfg Config) *Service {
	def := DefaultConfig()
	if cfg.ClockSkew == 0 {
		cfg.ClockSkew = def.ClockSkew
	}
	if cfg.PublicURL == "" {
		cfg.PublicURL = def.PublicURL
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{client: d.Client, dialect: database.Dialect(d.Dialect), issuer: d.Issuer, cfg: cfg,
		log: d.Log, now: d.Now}
}

// Config returns the rules in force.
func (s *Service) Config() Config { return s.cfg }
