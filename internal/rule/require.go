package rule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"

	"entgo.io/ent"

	"github.com/kartuprakerja/platform/internal/apperr"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Denial is a refused action: ErrUnauthenticated or ErrForbidden with the
// action named (for logs) and, when the generic message is not enough, the
// key of a more specific message in the message catalogue (internal/msg).
type Denial struct {
	Action string
	Key    msg.Key // "" for the generic message of the code
	err    error
}

func (d *Denial) Error() string { return d.Action + ": " + d.err.Error() }

// Unwrap lets errors.Is see ErrUnauthenticated / ErrForbidden (and through
// them privacy.Deny).
func (d *Denial) Unwrap() error { return d.err }

// KeyOf returns the message key carried by a denial in err's chain, or "".
func KeyOf(err error) msg.Key {
	var d *Denial
	if errors.As(err, &d) {
		return d.Key
	}
	return ""
}

// Need states what an action needs of its caller. The zero Roles means any
// signed-in account.
type Need struct {
	Action string        // e.g. "wave.open", named in the error
	Roles  []viewer.Role // the roles allowed; empty: every role
	// Registered requires a recipient row: the viewer's RecipientID is set.
	Registered bool
	Key        msg.Key // message key for FORBIDDEN; "" for the generic one
}

// Check returns the viewer if it may perform the action: anonymous callers
// get ErrUnauthenticated, others outside Roles (or without a recipient row
// when Registered) ErrForbidden, both as a *Denial naming the action.
func (n Need) Check(ctx context.Context) (*viewer.Viewer, error) {
	v := viewer.FromContext(ctx)
	switch {
	case v == nil:
		return nil, &Denial{Action: n.Action, err: ErrUnauthenticated}
	case len(n.Roles) > 0 && !slices.Contains(n.Roles, v.Role),
		n.Registered && v.RecipientID == "":
		return nil, &Denial{Action: n.Action, Key: n.Key, err: ErrForbidden}
	}
	return v, nil
}

// Require returns the viewer if it is signed in with one of roles (any role
// when none is given); see Need for the errors.
func Require(ctx context.Context, action string, roles ...viewer.Role) (*viewer.Viewer, error) {
	return Need{Action: action, Roles: roles}.Check(ctx)
}

// RequireRecipient returns the viewer if it is a recipient account with a
// registered recipient row; key names the FORBIDDEN message ("" generic).
func RequireRecipient(ctx context.Context, action string, key msg.Key) (*viewer.Viewer, error) {
	return Need{Action: action, Roles: []viewer.Role{viewer.RoleRecipient}, Registered: true, Key: key}.Check(ctx)
}

// Forbid returns a FORBIDDEN denial of action with a message key, for a
// refusal decided from the viewer's own state (a recipient account that is
// already registered, say) after Require let it in.
func Forbid(action string, key msg.Key) error {
	return &Denial{Action: action, Key: key, err: ErrForbidden}
}

// String names the need for logs and test failures.
func (n Need) String() string { return fmt.Sprintf("%s needs %v", n.Action, n.Roles) }

// LogSystemWrites is a hook for the ent client: every write made in a
// system context is logged at debug with the reason given to System, so a
// write no viewer authorised can be traced to the code that allowed it. It
// costs one Enabled check per write when debug logging is off.
func LogSystemWrites(log *slog.Logger) ent.Hook {
	return func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if log.Enabled(ctx, slog.LevelDebug) {
				if reason, ok := SystemReason(ctx); ok {
					log.DebugContext(ctx, "system write", "entity", m.Type(), "op", m.Op().String(), "reason", reason)
				}
			}
			return next.Mutate(ctx, m)
		})
	}
}

// Code is the API code err reaches a client with: "" for nil,
// UNAUTHENTICATED for ErrUnauthenticated, FORBIDDEN for any other privacy
// denial, a typed error's own code (internal/apperr), INTERNAL for anything
// else (the handler hides those).
func Code(err error) apperr.Code {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrUnauthenticated):
		return apperr.Unauthenticated
	case IsDenied(err):
		return apperr.Forbidden
	}
	if e, ok := apperr.As(err); ok {
		return e.Code
	}
	return apperr.Internal
}
