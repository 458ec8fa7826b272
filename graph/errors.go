package graph

import (
	"errors"
	"strings"

	"entgo.io/ent/privacy"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/graph/scalars"
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
		return invalidField(ve)
	case errors.As(err, &ce):
		return apperr.Wrap(apperr.Conflict, err, "Bertentangan dengan data yang sudah ada (sudah terdaftar, atau rujukannya tidak ada).")
	case isCursorMismatch(err):
		return apperr.Wrap(apperr.BadUserInput, err, "Kursor halaman tidak cocok dengan urutan ini; mulai lagi dari halaman pertama.")
	case database.IsBusy(err):
		e := apperr.Wrap(apperr.Unavailable, err, "Server sedang sibuk; tidak ada yang tersimpan. Coba lagi sebentar lagi.")
		e.Retry = true
		return e
	}
	return nil
}

// nameRefusedArgument names the field of an argument a scalar refused
// (graph/scalars reads values before any resolver runs, without knowing the
// field) in extensions.fields.
func nameRefusedArgument(err error, gqlErr *gqlerror.Error) {
	if f := scalars.Fields(err, gqlErr.Message, gqlErr.Path); f != nil && gqlErr.Extensions["fields"] == nil {
		gqlErr.Extensions["fields"] = f
	}
}

// invalidField turns a model validator's refusal (a value the client sent
// that ent's MaxLen, NotEmpty, Match… refuse) into BAD_USER_INPUT naming the
// field the GraphQL way (display_name -> displayName), with a message for
// people instead of ent's.
func invalidField(ve *ent.ValidationError) *apperr.Error {
	msg := "Nilai tidak valid."
	switch cause := ve.Error(); {
	case strings.Contains(cause, "greater than the required length"):
		msg = "Terlalu panjang."
	case strings.Contains(cause, "less than the required length"), strings.Contains(cause, "missing required field"):
		msg = "Wajib diisi."
	}
	return apperr.Invalid(lowerCamel(ve.Name), msg)
}

func lowerCamel(snake string) string {
	parts := strings.Split(snake, "_")
	for i := 1; i < len(parts); i++ {
		if p := parts[i]; p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "")
}

// isCursorMismatch reports entgql's refusal of a cursor whose values do not
// fit the order asked for (a cursor of another orderBy, or a crafted one):
// the client's input, though entgql says it with untyped errors only
// (internal/app TestCraftedCursors notices if their wording changes).
func isCursorMismatch(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "cursor values length ") && strings.Contains(msg, " do not match orderBy fields length ") ||
		strings.HasPrefix(msg, "cursor ") && strings.HasSuffix(msg, " is not a slice")
}
