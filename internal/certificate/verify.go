package certificate

import (
	"context"
	"fmt"
	"time"

	"github.com/kartuprakerja/platform/ent"
	entcert "github.com/kartuprakerja/platform/ent/certificate"
	"github.com/kartuprakerja/platform/internal/certificate/vc"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Result is a verification: the reason and what the certificate says (its
// public facts only: number, holder, course, institution, issue date).
type Result struct {
	Code             vc.Code
	Fields           vc.Fields
	RevocationReason string
}

// Valid reports whether the certificate is accepted.
func (r Result) Valid() bool { return r.Code == vc.OK }

// Message is the result in the reader's language.
func (r Result) Message(locale string) string {
	if r.Code == vc.Revoked {
		return msg.Render(locale, msg.CertificateRevoked, r.RevocationReason)
	}
	return msg.Render(locale, messages[r.Code])
}

var messages = map[vc.Code]msg.Key{
	vc.OK: msg.CertificateOK, vc.NotFound: msg.CertificateNotFound, vc.Tampered: msg.CertificateTampered,
	vc.UnknownKey: msg.CertificateUnknownKey, vc.ExpiredKey: msg.CertificateExpiredKey,
	vc.Revoked: msg.CertificateRevoked, vc.Malformed: msg.CertificateMalformed,
}

// maxInput bounds a credential or QR payload given to VerifyCredential.
const maxInput = 8 << 10

// VerifyNumber checks the register: the certificate exists, is not revoked,
// and its stored credential (when it has one) verifies. Anyone may ask.
func (s *Service) VerifyNumber(ctx context.Context, number string) (Result, error) {
	c, err := s.lookup(ctx, number)
	if ent.IsNotFound(err) {
		return Result{Code: vc.NotFound, Fields: vc.Fields{Number: number}}, nil
	}
	if err != nil {
		return Result{}, err
	}
	r := Result{Code: vc.OK, Fields: registerFields(c, s.cfg.Keys.DID)}
	if c.Credential != "" {
		r.Code = vc.Verify(s.cfg.Keys, c.Credential).Code
	}
	return withRevocation(r, c), nil
}

// VerifyCredential checks a VC-JWT or QR payload: its signature and the
// program's keys, then the register (a revoked or unknown number is refused).
func (s *Service) VerifyCredential(ctx context.Context, input string) (Result, error) {
	if len(input) > maxInput {
		return Result{Code: vc.Malformed}, nil
	}
	v := vc.Verify(s.cfg.Keys, input)
	r := Result{Code: v.Code, Fields: v.Fields}
	if !v.Valid() {
		return r, nil
	}
	c, err := s.lookup(ctx, v.Fields.Number)
	if ent.IsNotFound(err) {
		r.Code = vc.NotFound
		return r, nil
	}
	if err != nil {
		return Result{}, err
	}
	return withRevocation(r, c), nil
}

func withRevocation(r Result, c *ent.Certificate) Result {
	if c.RevokedAt != nil {
		r.Code = vc.Revoked
		if c.RevocationReason != nil {
			r.RevocationReason = *c.RevocationReason
		}
	}
	return r
}

// lookup reads a certificate by number with its holder and course, for a
// public check (no viewer needed; only public facts leave this package).
func (s *Service) lookup(ctx context.Context, number string) (*ent.Certificate, error) {
	ctx = rule.System(ctx, "certificate: public verification by number")
	c, err := s.client.Certificate.Query().Where(entcert.Number(number)).
		WithRecipient().WithCourse(func(q *ent.CourseQuery) { q.WithInstitution() }).Only(ctx)
	if err != nil && !ent.IsNotFound(err) {
		return nil, fmt.Errorf("certificate: look up %q: %w", number, err)
	}
	return c, err
}

func registerFields(c *ent.Certificate, did string) vc.Fields {
	f := vc.Fields{Number: c.Number, Score: fmt.Sprint(c.PostTestScore), IssuedAt: c.IssuedAt.UTC().Truncate(time.Second), Issuer: did}
	if r := c.Edges.Recipient; r != nil {
		f.HolderName = r.FullName
	}
	if co := c.Edges.Course; co != nil {
		f.CourseTitle = co.Title
		if co.Edges.Institution != nil {
			f.InstitutionName = co.Edges.Institution.Name
		}
	}
	return f
}
