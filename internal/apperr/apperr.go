// Package apperr owns the typed errors the API returns: every error a client
// can see carries one of these codes in extensions.code.
package apperr

import (
	"errors"
	"fmt"
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

// Error is an error with a code, a message safe to show, and optional
// per-field details (field path -> message).
type Error struct {
	Code    Code
	Message string
	Fields  map[string]string
	Retry   bool
	cause   error
}

func (e *Error) Error() string {
	if e.cause != nil {
		return e.Message + ": " + e.cause.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.cause }

// New returns an error with a code and a message.
func New(code Code, format string, a ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, a...)}
}

// Wrap attaches a code and a safe message to a cause (the cause is logged,
// never shown).
func Wrap(code Code, cause error, message string) *Error {
	return &Error{Code: code, Message: message, cause: cause}
}

// Invalid returns a BAD_USER_INPUT error for one field.
func Invalid(field, message string) *Error {
	return &Error{Code: BadUserInput, Message: message, Fields: map[string]string{field: message}}
}

// InvalidFields returns a BAD_USER_INPUT error with a message per field, or
// nil when fields is empty (a form's checks collected in one pass).
func InvalidFields(message string, fields map[string]string) error {
	if len(fields) == 0 {
		return nil
	}
	return &Error{Code: BadUserInput, Message: message, Fields: fields}
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
