// Package scalars owns how scalars are read from clients: the text rule of
// internal/text for every String and ID input (NUL, invalid UTF-8 and control
// characters other than line breaks and tabs refused), Int held to the 32
// bits the GraphQL specification gives it, and Rupiah to money's range.
// Refusals are BAD_USER_INPUT; the error presenter names the field from the
// error's path (Fields).
package scalars

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/text"
)

// MarshalString writes a string (output is not checked: it is ours).
func MarshalString(s string) graphql.Marshaler { return graphql.MarshalString(s) }

// UnmarshalString reads a String input and refuses text that no field may
// hold. Whether a field may hold line breaks is its service's rule.
func UnmarshalString(v any) (string, error) {
	s, err := graphql.UnmarshalString(v)
	if err != nil {
		return "", inputError(err, msg.TextInvalid)
	}
	if err := text.Check(s, text.Multiline); err != nil {
		return "", inputError(err, textMessage(err))
	}
	return s, nil
}

func textMessage(err error) msg.Key {
	switch {
	case errors.Is(err, text.ErrNUL):
		return msg.TextNUL
	case errors.Is(err, text.ErrInvalidUTF8):
		return msg.TextUTF8
	}
	return msg.TextControl
}

// MarshalInt writes an int.
func MarshalInt(i int) graphql.Marshaler { return graphql.MarshalInt(i) }

// UnmarshalInt reads an Int input: a whole number within 32 bits.
func UnmarshalInt(v any) (int, error) {
	n, err := unmarshalInt32(v)
	return int(n), err
}

// MarshalInt64 writes an int64.
func MarshalInt64(i int64) graphql.Marshaler { return graphql.MarshalInt64(i) }

// UnmarshalInt64 reads an Int input into an int64 field: still 32 bits.
func UnmarshalInt64(v any) (int64, error) {
	n, err := unmarshalInt32(v)
	return int64(n), err
}

// MarshalInt32 writes an int32.
func MarshalInt32(i int32) graphql.Marshaler { return graphql.MarshalInt32(i) }

// UnmarshalInt32 reads an Int input into an int32.
func UnmarshalInt32(v any) (int32, error) { return unmarshalInt32(v) }

func unmarshalInt32(v any) (int32, error) {
	n, err := graphql.UnmarshalInt64(v)
	if err != nil {
		return 0, inputError(err, msg.WholeNumber)
	}
	if n > math.MaxInt32 || n < math.MinInt32 {
		return 0, inputError(fmt.Errorf("%d overflows GraphQL Int (32 bits)", n),
			msg.WholeNumberRange, math.MinInt32, math.MaxInt32)
	}
	return int32(n), nil
}

// refusal marks a scalar's refusal in an error chain.
type refusal struct{ error }

func (r refusal) Unwrap() error { return r.error }

// inputError is a BAD_USER_INPUT without a field: the scalar does not know
// which field it reads; Fields names it when the error is presented.
func inputError(cause error, key msg.Key, args ...any) *apperr.Error {
	return apperr.Wrap(apperr.BadUserInput, refusal{cause}, key, args...)
}

// Fields returns extensions.fields for a scalar's refusal, named from the
// error's path without the operation's field and a leading "input" (the
// way services name fields: "name", "provinceQuotas.0.quota"); nil for any
// other error.
func Fields(err error, message string, path ast.Path) map[string]string {
	var r refusal
	if !errors.As(err, &r) || len(path) < 2 {
		return nil
	}
	rest := path[1:]
	if len(rest) > 1 && rest[0] == ast.PathName("input") {
		rest = rest[1:]
	}
	name := ""
	for i, p := range rest {
		if i > 0 {
			name += "."
		}
		switch x := p.(type) {
		case ast.PathName:
			name += string(x)
		case ast.PathIndex:
			name += strconv.Itoa(int(x))
		}
	}
	return map[string]string{name: message}
}

// MarshalID writes an ID.
func MarshalID(id pulid.ID) graphql.Marshaler { return id }

// UnmarshalID reads an ID input under the String text rule (an unknown ID
// is NOT_FOUND where it is looked up; one no store can hold is bad input).
func UnmarshalID(v any) (pulid.ID, error) {
	var id pulid.ID
	if err := id.UnmarshalGQL(v); err != nil {
		return "", inputError(err, msg.IDInvalid)
	}
	if err := text.Check(string(id), text.SingleLine); err != nil {
		return "", inputError(err, msg.IDInvalid)
	}
	return id, nil
}

// MarshalRupiah writes an amount.
func MarshalRupiah(r money.Rupiah) graphql.Marshaler { return r }

// UnmarshalRupiah reads an amount: whole rupiah a JavaScript client keeps
// exactly (money.Rupiah's rule), refused with the field named otherwise.
func UnmarshalRupiah(v any) (money.Rupiah, error) {
	var r money.Rupiah
	if err := r.UnmarshalGQL(v); err != nil {
		return 0, inputError(err, msg.RupiahInvalid)
	}
	return r, nil
}

// MarshalCursor writes a page cursor.
func MarshalCursor(c ent.Cursor) graphql.Marshaler { return c }

// UnmarshalCursor reads a page cursor. Cursors are ours, but a client can
// craft one: its ID and values go into SQL, so they are held to the text
// rule, and its values must have the shape pagination reads (a list of
// plain values).
func UnmarshalCursor(v any) (ent.Cursor, error) {
	var c ent.Cursor
	if err := c.UnmarshalGQL(v); err != nil {
		return c, inputError(err, msg.CursorInvalid)
	}
	if err := text.Check(string(c.ID), text.SingleLine); err != nil {
		return c, inputError(err, msg.CursorInvalid)
	}
	if c.Value == nil {
		return c, nil
	}
	values, ok := c.Value.([]any)
	if !ok {
		return c, inputError(fmt.Errorf("cursor value %T is not a list", c.Value), msg.CursorInvalid)
	}
	for _, x := range values {
		if err := plainValue(x); err != nil {
			return c, inputError(err, msg.CursorInvalid)
		}
	}
	return c, nil
}

// plainValue accepts what an order field's value can be: text under the
// text rule, numbers, booleans, times and null.
func plainValue(v any) error {
	switch x := v.(type) {
	case nil, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64, time.Time:
		return nil
	case string:
		return text.Check(x, text.SingleLine)
	}
	return fmt.Errorf("cursor value of type %T", v)
}
