package graph

import (
	"errors"

	"entgo.io/ent/privacy"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/rule"
)

// classifyStore maps ent's errors (privacy, not found, validation,
// constraints) to typed API errors; nil when err is none of them.
func classifyStore(err error) *apperr.Error {
	var nf *ent.NotFoundError
	var ve *ent.ValidationError
	var ce *ent.ConstraintError
	switch {
	case errors.Is(err, rule.ErrUnauthenticated):
		return apperr.Wrap(apperr.Unauthenticated, err, "sign-in required")
	case errors.Is(err, privacy.Deny):
		return apperr.Wrap(apperr.Forbidden, err, "not permitted for this account")
	case errors.As(err, &nf), ent.IsNotSingular(err):
		return apperr.Wrap(apperr.NotFound, err, "not found")
	case errors.As(err, &ve):
		return apperr.Invalid(ve.Name, ve.Error())
	case errors.As(err, &ce):
		return apperr.Wrap(apperr.Conflict, err, "conflicts with an existing record")
	case database.IsBusy(err):
		e := apperr.Wrap(apperr.Unavailable, err, "Server sedang sibuk; tidak ada yang tersimpan. Coba lagi sebentar lagi.")
		e.Retry = true
		return e
	}
	return nil
}
