package journey

import (
	"time"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
)

// Failure explains a failed check in the applicant's language.
type Failure struct {
	Rule     string
	Message  string
	WhatToDo string
}

// ruleMismatch is the answer to a failed verification after the first: it
// names no field, so repeated tries cannot tell which one is wrong.
const ruleMismatch = "identity_mismatch"

// tooManyFailures is the RATE_LIMITED error of a registration refused
// after too many failed verifications; wait is when a try comes back.
func tooManyFailures(wait time.Duration) error {
	if wait < time.Hour {
		return apperr.E(apperr.RateLimited, msg.TooManyFailuresMins, max(int((wait+time.Minute-1)/time.Minute), 1))
	}
	return apperr.E(apperr.RateLimited, msg.TooManyFailuresHours, int((wait+time.Hour-1)/time.Hour))
}

// explain returns the failure of rule in locale ("en" or Indonesian): the
// catalogue's msg.RuleFailed and msg.RuleTodo of the rule.
func explain(rule, locale string) Failure {
	what, todo := msg.RuleFailed(rule), msg.RuleTodo(rule)
	if !msg.Has(what) || !msg.Has(todo) {
		what, todo = msg.CheckFailed, msg.CheckFailedTodo
	}
	return Failure{Rule: rule, Message: msg.Render(locale, what), WhatToDo: msg.Render(locale, todo)}
}
