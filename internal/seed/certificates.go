package seed

import (
	"context"
	"fmt"

	"github.com/kartuprakerja/platform/ent"
	entcert "github.com/kartuprakerja/platform/ent/certificate"
	"github.com/kartuprakerja/platform/internal/certificate"
	"github.com/kartuprakerja/platform/internal/certificate/vc"
	"github.com/kartuprakerja/platform/internal/database"
)

// CertificateSigner signs a certificate's credential (internal/certificate's
// Service; Options.Certificates).
type CertificateSigner interface {
	Sign(facts vc.Certificate) (token, kid string, err error)
}

// signPage is how many certificates one transaction signs.
const signPage = 1000

// signCertificates gives every seeded certificate its signed credential (a
// pass after the recipients are written, a transaction a page), so the demo
// certificates verify by number and by QR code.
func signCertificates(ctx context.Context, client *ent.Client, opts Options) (int, error) {
	signer := opts.Certificates
	if signer == nil {
		s, err := certificate.New(nil, certificate.Config{})
		if err != nil {
			return 0, err
		}
		signer = s
	}
	n := 0
	for {
		page, err := client.Certificate.Query().Where(entcert.Or(entcert.CredentialIsNil(), entcert.CredentialEQ(""))).
			WithRecipient().WithCourse(func(q *ent.CourseQuery) { q.WithInstitution() }).
			Order(ent.Asc(entcert.FieldID)).Limit(signPage).All(ctx)
		if err != nil {
			return n, fmt.Errorf("seed certificates: %w", err)
		}
		if len(page) == 0 {
			return n, nil
		}
		if err := database.WithTx(ctx, client, func(tx *ent.Tx) error { return signAll(ctx, tx, signer, page) }); err != nil {
			return n, err
		}
		n += len(page)
	}
}

func signAll(ctx context.Context, tx *ent.Tx, signer CertificateSigner, page []*ent.Certificate) error {
	for _, c := range page {
		facts := certificate.Facts(c.Number, c.Edges.Recipient, c.Edges.Course, c.PostTestScore, c.IssuedAt)
		token, kid, err := signer.Sign(facts)
		if err != nil {
			return err
		}
		if err := tx.Certificate.UpdateOneID(c.ID).SetCredential(token).SetKeyID(kid).Exec(ctx); err != nil {
			return fmt.Errorf("seed certificate %s: %w", c.Number, err)
		}
	}
	return nil
}
