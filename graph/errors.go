package graph

import (
	"cmp"
	"errors"
	"fmt"
	"strings"

	"entgo.io/ent/privacy"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/graph/scalars"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/msg"
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
		return apperr.Wrap(apperr.Unauthenticated, err, msg.SignInRequired)
	case errors.Is(err, privacy.Deny):
		return apperr.Wrap(apperr.Forbidden, err, cmp.Or(rule.KeyOf(err), msg.Forbidden))
	case errors.As(err, &nf), ent.IsNotSingular(err):
		return apperr.Wrap(apperr.NotFound, err, msg.NotFound)
	case errors.As(err, &ve):
		return invalidField(ve)
	case errors.As(err, &ce):
		return apperr.Wrap(apperr.Conflict, err, msg.StoreConflict)
	case isCursorMismatch(err):
		return apperr.Wrap(apperr.BadUserInput, err, msg.CursorMismatch)
	case database.IsBusy(err):
		e := apperr.Wrap(apperr.Unavailable, err, msg.Busy)
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
	key := msg.ValueInvalid
	switch cause := ve.Error(); {
	case strings.Contains(cause, "greater than the required length"):
		key = msg.ValueTooLong
	case strings.Contains(cause, "less than the required length"), strings.Contains(cause, "missing required field"):
		key = msg.ValueRequired
	}
	return apperr.Invalid(lowerCamel(ve.Name), key)
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

// isNodeNotFound reports entgql's refusal of a global id that names no
// node (node(id:), nodes(ids:)), which it says in English with code
// NOT_FOUND.
func isNodeNotFound(err error) bool {
	var gqlErr *gqlerror.Error
	return errors.As(err, &gqlErr) && gqlErr.Extensions["code"] == string(apperr.NotFound)
}

// foreignKeys are the messages of gqlgen's and gqlparser's own errors (by
// extensions.code), which they write in English: the presenter shows the
// catalogue's sentence and keeps theirs in extensions.detail.
var foreignKeys = map[string]msg.Key{
	"GRAPHQL_PARSE_FAILED":      msg.QueryUnreadable,
	"GRAPHQL_VALIDATION_FAILED": msg.QueryInvalid,
	"COMPLEXITY_LIMIT_EXCEEDED": msg.QueryTooComplex,
	string(apperr.BadUserInput): msg.InputInvalid,
}

// renderForeign replaces the English message of an error gqlgen made
// itself (parse and validation errors, arguments and variables it could
// not coerce) by the catalogue's, in locale; others it leaves alone (a
// persisted-query miss is a protocol message clients compare).
func renderForeign(gqlErr *gqlerror.Error, locale string) {
	code, _ := gqlErr.Extensions["code"].(string)
	key, ok := foreignKeys[code]
	if !ok {
		return
	}
	gqlErr.Extensions["detail"] = gqlErr.Message
	gqlErr.Extensions["messageKey"] = string(key)
	nameRefusedVariable(gqlErr, locale)
	gqlErr.Message = msg.Render(locale, key)
}

// nameRefusedVariable names, in extensions.fields, the part of a variable
// the GraphQL layer refused for its type (a quota "abc" sent for Int): the
// path inside the variable ("provinceQuotas.0.quota" of $in), or the
// variable's name when it is the whole value, so a form can mark the
// cell. Only its Int refusals get their own sentence.
func nameRefusedVariable(gqlErr *gqlerror.Error, locale string) {
	path := gqlErr.Path
	if len(path) < 2 || path[0] != ast.PathName("variable") || gqlErr.Extensions["fields"] != nil {
		return
	}
	inside := path[2:]
	if len(inside) == 0 {
		inside = path[1:]
	}
	parts := make([]string, len(inside))
	for i, p := range inside {
		parts[i] = fmt.Sprint(p)
	}
	key := msg.ValueInvalid
	if strings.HasSuffix(gqlErr.Message, " as Int") {
		key = msg.WholeNumber
	}
	gqlErr.Extensions["fields"] = map[string]string{strings.Join(parts, "."): msg.Render(locale, key)}
}
