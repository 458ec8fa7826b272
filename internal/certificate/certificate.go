// Package certificate owns the program's certificates as credentials anyone
// can verify: issuing one when a training is passed (the Open Badges 3.0
// credential signed as a VC-JWT, internal/certificate/vc), the register
// (numbers, revocations), verification by number and by credential with one
// set of reasons, the did:web DID document at /.well-known/did.json and the
// public verification page /sertifikat/<number>.
package certificate

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	entcert "github.com/kartuprakerja/platform/ent/certificate"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/internal/certificate/vc"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Config is the issuer's identity and keys.
type Config struct {
	// PublicURL is the server's public base URL: the did:web is its host,
	// a credential's id is PublicURL/sertifikat/<number>.
	PublicURL string
	// Keys sign (the key whose window covers now) and verify. Their DID is
	// set from PublicURL.
	Keys vc.KeySet
	Now  func() time.Time // nil: time.Now
	Log  *slog.Logger
}

// Service issues, verifies and revokes certificates.
type Service struct {
	client *ent.Client
	cfg    Config
}

// New returns the service; the key set's DID becomes the did:web of
// cfg.PublicURL (DefaultPublicURL when empty; DemoKeys when it has none). A
// nil client makes a service that only signs (the seed's).
func New(client *ent.Client, cfg Config) (*Service, error) {
	if cfg.PublicURL == "" {
		cfg.PublicURL = DefaultPublicURL
	}
	if len(cfg.Keys.Keys) == 0 {
		cfg.Keys = DemoKeys()
	}
	did, err := vc.DIDWeb(cfg.PublicURL)
	if err != nil {
		return nil, err
	}
	cfg.Keys.DID = did
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	return &Service{client: client, cfg: cfg}, nil
}

// Keys returns the issuer's key set (with its DID).
func (s *Service) Keys() vc.KeySet { return s.cfg.Keys }

// Issue creates the certificate of a passed purchase in tx, signed; a
// purchase that has one already gets it back (purchase_id is unique). It
// implements training.CertificateIssuer.
func (s *Service) Issue(ctx context.Context, tx *ent.Tx, p *ent.Purchase, score int, at time.Time) (*ent.Certificate, error) {
	ctx = rule.System(ctx, "certificate: issue for a passed training")
	if c, err := tx.Certificate.Query().Where(entcert.PurchaseID(p.ID)).Only(ctx); err == nil {
		return c, nil
	} else if !ent.IsNotFound(err) {
		return nil, fmt.Errorf("certificate: look up purchase %s: %w", p.ID, err)
	}
	number, err := s.freeNumber(ctx, tx, at)
	if err != nil {
		return nil, err
	}
	facts, err := factsOf(ctx, tx.Client(), p, number, score, at)
	if err != nil {
		return nil, err
	}
	token, kid, err := s.Sign(facts)
	if err != nil {
		return nil, err
	}
	c, err := tx.Certificate.Create().SetRecipientID(p.RecipientID).SetCourseID(p.CourseID).SetPurchaseID(p.ID).
		SetNumber(number).SetPostTestScore(score).SetIssuedAt(at).SetCredential(token).SetKeyID(kid).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("certificate: create for purchase %s: %w", p.ID, err)
	}
	return c, nil
}

// Sign signs the credential of a certificate's facts with the key in use now.
func (s *Service) Sign(facts vc.Certificate) (token, kid string, err error) {
	token, kid, err = vc.Sign(s.cfg.Keys, vc.New(facts, s.cfg.Keys.DID, s.cfg.PublicURL), s.cfg.Now())
	if err != nil {
		return "", "", fmt.Errorf("certificate %s: %w", facts.Number, err)
	}
	return token, kid, nil
}

// factsOf reads what a certificate of p says.
func factsOf(ctx context.Context, client *ent.Client, p *ent.Purchase, number string, score int, at time.Time) (vc.Certificate, error) {
	rec, err := client.Recipient.Get(ctx, p.RecipientID)
	if err != nil {
		return vc.Certificate{}, fmt.Errorf("certificate: recipient of %s: %w", p.ID, err)
	}
	co, err := client.Course.Query().Where(course.ID(p.CourseID)).WithInstitution().Only(ctx)
	if err != nil {
		return vc.Certificate{}, fmt.Errorf("certificate: course of %s: %w", p.ID, err)
	}
	return Facts(number, rec, co, score, at), nil
}

// Facts are what the certificate of rec for co says (co with its institution
// loaded).
func Facts(number string, rec *ent.Recipient, co *ent.Course, score int, at time.Time) vc.Certificate {
	f := vc.Certificate{Number: number, HolderName: rec.FullName, CourseID: string(co.ID), CourseTitle: co.Title,
		CourseDesc: co.Description, InstitutionID: string(co.TrainingInstitutionID), Score: score, IssuedAt: at}
	if co.Edges.Institution != nil {
		f.InstitutionName = co.Edges.Institution.Name
	}
	return f
}

// numberAlphabet is Crockford's base32: no I, L, O, U to misread.
const numberAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// freeNumber draws a number PKJ/<year>/<8 characters> (40 random bits) not
// yet in the register.
func (s *Service) freeNumber(ctx context.Context, tx *ent.Tx, at time.Time) (string, error) {
	for range 5 {
		n := NewNumber(at)
		taken, err := tx.Certificate.Query().Where(entcert.Number(n)).Exist(ctx)
		if err != nil {
			return "", fmt.Errorf("certificate: check number: %w", err)
		}
		if !taken {
			return n, nil
		}
	}
	return "", errors.New("certificate: no free number in 5 draws")
}

// NewNumber draws a certificate number of the year of at.
func NewNumber(at time.Time) string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	var sb strings.Builder
	fmt.Fprintf(&sb, "PKJ/%d/", at.Year())
	for _, c := range b {
		sb.WriteByte(numberAlphabet[int(c)%len(numberAlphabet)])
	}
	return sb.String()
}

// QRPayload is the QR code's text of c, or "" without a credential.
func QRPayload(c *ent.Certificate) string {
	if c.Credential == "" {
		return ""
	}
	s, err := vc.ToQR(c.Credential)
	if err != nil {
		return ""
	}
	return s
}
