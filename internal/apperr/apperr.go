// Package apperr owns the typed errors the API returns: every error a client
// can see carries one of these codes in extensions.code, and a message key
// of internal/msg that the GraphQL boundary renders in the viewer's locale.
package apperr

import (
	"errors"

	"github.com/kartuprakerja/platform/internal/msg"
)

// Code is a machine-readable error class.
type Code string

// Codes. Clients branch on these, never on messages.
const (
	Unauthenticated Code = "UNAUTHENTICATED"
	Forbidden       Code = "FORBIDDEN"
	NotFound        Code = "NOT_FOUND"
	BadUserInput    Code = "BAD_USER_INPUT"
	Conflict        Code = "CONFLICT"
	RateLimited     Code = "RATE_LIMITED"
	Unavailable     Code = "UNAVAILABLE" // a dependency failed; retrying later may succeed
	Internal        Code = "INTERNAL_SERVER_ERROR"
)

// Error is an error with a code, a message safe to show (a catalogue key
// and its arguments, rendered late in the reader's locale), and optional
// per-field messages (field path -> message).
type Error struct {
	Code   Code
	Text   msg.Text
	Fields map[string]msg.Text
	Retry  bool
	cause  error
}

// Error is the message in Indonesian (for logs), with the cause.
func (e *Error) Error() string {
	m := e.Text.In(msg.ID)
	if e.cause != nil {
		return m + ": " + e.cause.Error()
	}
	return m
}

func (e *Error) Unwrap() error { return e.cause }

// Message renders the error's message in locale.
func (e *Error) Message(locale string) string { return e.Text.In(locale) }

// FieldMessages renders the per-field messages in locale (nil when none).
func (e *Error) FieldMessages(locale string) map[string]string {
	if len(e.Fields) == 0 {
		return nil
	}
	out := make(map[string]string, len(e.Fields))
	for f, t := range e.Fields {
		out[f] = t.In(locale)
	}
	return out
}

// E returns an error with a code and a message key with its arguments.
func E(code Code, key msg.Key, args ...any) *Error {
	return &Error{Code: code, Text: msg.T(key, args...)}
}

// Wrap attaches a code and a safe message to a cause (the cause is logged,
// never shown).
func Wrap(code Code, cause error, key msg.Key, args ...any) *Error {
	return &Error{Code: code, Text: msg.T(key, args...), cause: cause}
}

// Invalid returns a BAD_USER_INPUT error for one field.
func Invalid(field string, key msg.Key, args ...any) *Error {
	t := msg.T(key, args...)
	return &Error{Code: BadUserInput, Text: t, Fields: map[string]msg.Text{field: t}}
}

// InField returns e with its message also attached to field.
func (e *Error) InField(field string) *Error {
	if e.Fields == nil {
		e.Fields = map[string]msg.Text{}
	}
	e.Fields[field] = e.Text
	return e
}

// InvalidFields returns a BAD_USER_INPUT error with a message per field, or
// nil when fields is empty (a form's checks collected in one pass).
func InvalidFields(key msg.Key, fields map[string]msg.Text) error {
	if len(fields) == 0 {
		return nil
	}
	return &Error{Code: BadUserInput, Text: msg.T(key), Fields: fields}
}

// As returns the *Error in err's chain, if any.
func As(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Is reports whether err carries code.
func Is(err error, code Code) bool {
	e, ok := As(err)
	return ok && e.Code == code
}
