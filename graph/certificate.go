package graph

import (
	"context"

	"github.com/kartuprakerja/platform/graph/model"
	"github.com/kartuprakerja/platform/internal/certificate"
)

var certificateQR = certificate.QRPayload

// verification is a certificate check as the API returns it.
func verification(ctx context.Context, res certificate.Result) *model.CertificateVerification {
	f := res.Fields
	v := &model.CertificateVerification{Valid: res.Valid(), Code: string(res.Code), Message: res.Message(locale(ctx)),
		Number: nonEmpty(f.Number), HolderName: nonEmpty(f.HolderName), CourseTitle: nonEmpty(f.CourseTitle),
		InstitutionName: nonEmpty(f.InstitutionName), Issuer: nonEmpty(f.Issuer)}
	if !f.IssuedAt.IsZero() {
		v.IssuedAt = &f.IssuedAt
	}
	return v
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
