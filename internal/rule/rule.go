// Package rule owns who may do what: the privacy rules that the ent schema
// attaches to every entity (who reads and writes which rows) and the one
// check of actions (Require, RequireRecipient, Need). Resolvers never check
// access themselves.
//
// Reads are decided in the model: queries are filtered to the viewer's own
// rows by the entity's query policy (Private, Within, StaffOnly, Everyone,
// Nobody).
//
// Writes are decided in two places, one per kind of write:
//   - An action of a domain service (join a wave, run a selection, submit a
//     survey) starts with Require / RequireRecipient naming the action and the
//     roles it needs; the role set of a family of actions is stated once in
//     its domain (journey's staff(), for instance). A refusal is a *Denial
//     wrapping ErrUnauthenticated or ErrForbidden, with the action for logs
//     and an optional message key (internal/msg) the API renders in the viewer's
//     language.
//   - A write of one's own rows goes through the entity's mutation policy, as
//     the viewer, never as the system: OwnWrites (devices, complaints, one's
//     account, its own wave application) and OwnUpdates for the fields an
//     owner may change (a notification's read_at, an ability test's answers).
//
// System writes: a service that has authorised a write itself (a selection,
// a registration after the registry checks) runs it under System(ctx,
// reason). The reason stays in the context: LogSystemWrites logs every such
// write at debug with it, and audit.Record writes it to the audit log when
// an entry gives no reason of its own. The audit rule is by entity: a system
// write to a row holding a person's identity, membership or money
// (Recipient, IdentityCheck, Application, SelectionResult, SurveyResponse,
// Payout, LinkedAccount) is recorded with audit.Record, once per action: a
// job over many rows (a selection, a carry-over, a notification fan-out)
// writes one entry per run naming the reason, never one per row.
// Notifications and test attempts the system writes (a fan-out, drawing
// and scoring a test) are logged, not audited.
//
// The one exception to "decided here": field-level rules. A recipient's NIK
// and KK number are resolved in graph (personalField): shown to their owner
// and null to everyone else (staff read them through
// revealRecipientIdentity, with a reason that goes to the audit log), while
// the rest of the row follows the entity's policy.
//
// The console (internal/console) lists the screens a viewer may use by the
// Needs of needs.go, the same values its operations check.
package rule

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"

	"entgo.io/ent"
	"entgo.io/ent/entql"
	"entgo.io/ent/privacy"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Errors wrap privacy.Deny so ent reports them as denials; the GraphQL layer
// maps them to UNAUTHENTICATED and FORBIDDEN.
var (
	ErrUnauthenticated = fmt.Errorf("%w: sign-in required", privacy.Deny)
	ErrForbidden       = fmt.Errorf("%w: not permitted for this account", privacy.Deny)
)

// System returns a context in which privacy rules allow everything. Domain
// services use it for writes they have already authorised (and for jobs,
// seeding and sign-in). The reason travels with the context: SystemReason
// reads it, LogSystemWrites logs it with every write, and audit.Record
// writes it to the audit log when an entry gives none.
func System(ctx context.Context, reason string) context.Context {
	ctx = context.WithValue(ctx, reasonKey{}, reason)
	return privacy.DecisionContext(ctx, privacy.Allow)
}

type reasonKey struct{}

// IsSystem reports whether ctx carries the system decision.
func IsSystem(ctx context.Context) bool {
	d, ok := privacy.DecisionFromContext(ctx)
	return ok && d == nil
}

// SystemReason returns the reason given to System for ctx, and whether ctx
// is a system context at all.
func SystemReason(ctx context.Context) (string, bool) {
	if !IsSystem(ctx) {
		return "", false
	}
	r, _ := ctx.Value(reasonKey{}).(string)
	return r, true
}

// filterer is the generic filter ent generates for every query and mutation.
type filterer interface {
	Where(entql.P)
}

// filter narrows the query or mutation v to the rows matched by p. Every
// generated query and mutation has a Filter method returning its typed
// filter; it is found by reflection so this package needs no generated code.
func filter(v any, p entql.P) error {
	m := reflect.ValueOf(v).MethodByName("Filter")
	if !m.IsValid() || m.Type().NumIn() != 0 || m.Type().NumOut() != 1 {
		return fmt.Errorf("%w: %T cannot be filtered", privacy.Deny, v)
	}
	f, ok := m.Call(nil)[0].Interface().(filterer)
	if !ok {
		return fmt.Errorf("%w: %T has no entql filter", privacy.Deny, v)
	}
	f.Where(p)
	return privacy.Allow
}

// none matches no row (ids are never null): a viewer with nothing of its
// own sees an empty list.
var none = entql.FieldNil("id")

// eq matches rows whose field equals id, or none for an empty id.
func eq(field string, id pulid.ID) entql.P {
	if id == "" {
		return none
	}
	return entql.FieldEQ(field, string(id))
}

// Scope narrows a query to the rows one viewer may see. It returns nil when
// the viewer has no access at all.
type Scope func(v *viewer.Viewer) entql.P

// OwnRecipient scopes rows to the viewer's recipient through field.
func OwnRecipient(field string) Scope {
	return func(v *viewer.Viewer) entql.P {
		if v.Role != viewer.RoleRecipient {
			return nil
		}
		return eq(field, v.RecipientID)
	}
}

// OwnAccount scopes rows to the viewer's account through field.
func OwnAccount(field string) Scope {
	return func(v *viewer.Viewer) entql.P { return eq(field, v.AccountID) }
}

// OwnAccountVia scopes rows whose edge leads to a row owned by the viewer's
// account through field.
func OwnAccountVia(edge, field string) Scope {
	return func(v *viewer.Viewer) entql.P {
		return entql.HasEdgeWith(edge, eq(field, v.AccountID))
	}
}

// Partner scopes rows to a partner organisation of role through field.
func Partner(role viewer.Role, field string) Scope {
	return func(v *viewer.Viewer) entql.P {
		if v.Role != role {
			return nil
		}
		return eq(field, v.OrgID)
	}
}

// PartnerVia scopes rows whose edge leads to a row whose field is the
// partner's organisation (one join away).
func PartnerVia(role viewer.Role, edge, field string) Scope {
	return func(v *viewer.Viewer) entql.P {
		if v.Role != role {
			return nil
		}
		return entql.HasEdgeWith(edge, eq(field, v.OrgID))
	}
}

// Staff scopes every row to the staff of the given roles: a grant of one
// entity to a staff role that does not read personal data program-wide
// (finance reading payouts, for instance).
func Staff(roles ...viewer.Role) Scope {
	return func(v *viewer.Viewer) entql.P {
		if !slices.Contains(roles, v.Role) {
			return nil
		}
		return every
	}
}

// every matches every row (ids are never null).
var every = entql.FieldNotNil("id")

// Private is the query rule for personal rows: the staff who read personal
// data (viewer.Role.ReadsPersonalData) read everything, others read what
// their scopes allow, anonymous callers are refused.
func Private(scopes ...Scope) privacy.QueryRule {
	return scopedRead(func(v *viewer.Viewer) bool { return v.Role.ReadsPersonalData() }, scopes)
}

// scopedRead lets viewers for whom all holds read every row, others the
// rows of their first scope that applies; the rest are refused.
func scopedRead(all func(*viewer.Viewer) bool, scopes []Scope) privacy.QueryRule {
	return queryRule(func(ctx context.Context, q ent.Query) error {
		v := viewer.FromContext(ctx)
		switch {
		case v == nil:
			return ErrUnauthenticated
		case all(v):
			return privacy.Allow
		}
		for _, scope := range scopes {
			if p := scope(v); p != nil {
				return filter(q, p)
			}
		}
		return ErrForbidden
	})
}

// Within is the query rule of rows only the roles of need may read, each
// through the first scope that applies to it, every row when none does:
// Within(NeedPartnerCalls(), Partner(...)...) lets admins read every call
// and each partner its own, and refuses everyone else (analyst and support
// included, unlike Private), so a console section and its list agree.
func Within(need Need, scopes ...Scope) privacy.QueryRule {
	return queryRule(func(ctx context.Context, q ent.Query) error {
		v, err := need.Check(ctx)
		if err != nil {
			return err
		}
		for _, scope := range scopes {
			if p := scope(v); p != nil {
				return filter(q, p)
			}
		}
		return privacy.Allow
	})
}

// StaffOnly lets staff of the given roles read; nobody else.
func StaffOnly(roles ...viewer.Role) privacy.QueryRule {
	return queryRule(func(ctx context.Context, _ ent.Query) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return ErrUnauthenticated
		}
		for _, r := range roles {
			if v.Role == r {
				return privacy.Allow
			}
		}
		return ErrForbidden
	})
}

// Everyone lets anyone read, signed in or not: the public catalogue.
func Everyone() privacy.QueryRule {
	return queryRule(func(context.Context, ent.Query) error { return privacy.Allow })
}

// Nobody refuses every read outside the system context: secrets and
// sign-in records.
func Nobody() privacy.QueryRule {
	return queryRule(func(context.Context, ent.Query) error { return ErrForbidden })
}

// AdminWrites allows writes by admins and refuses everyone else.
func AdminWrites() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, _ ent.Mutation) error {
		v := viewer.FromContext(ctx)
		switch {
		case v == nil:
			return ErrUnauthenticated
		case v.Role == viewer.RoleAdmin:
			return privacy.Allow
		}
		return ErrForbidden
	})
}

// OwnWrites lets a viewer create rows whose column is their own id (per
// scope) and update or delete only their own rows.
func OwnWrites(column string, own func(*viewer.Viewer) pulid.ID) privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return ErrUnauthenticated
		}
		id := own(v)
		if id == "" {
			return privacy.Skip
		}
		if m.Op().Is(ent.OpCreate) {
			got, ok := m.Field(column)
			if !ok || fmt.Sprint(got) != string(id) {
				return ErrForbidden
			}
			return privacy.Allow
		}
		return filter(m, eq(column, id))
	})
}

// OwnUpdates lets a viewer update the given fields (and nothing else) of
// its own rows, found through column; creates and deletes are left to the
// rules after it. Notifications use it: their owner marks them read.
func OwnUpdates(column string, own func(*viewer.Viewer) pulid.ID, fields ...string) privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return ErrUnauthenticated
		}
		id := own(v)
		if id == "" || !m.Op().Is(ent.OpUpdate|ent.OpUpdateOne) {
			return privacy.Skip
		}
		for _, f := range append(m.Fields(), m.ClearedFields()...) {
			if !slices.Contains(fields, f) {
				return fmt.Errorf("%w: field %s", ErrForbidden, f)
			}
		}
		return filter(m, eq(column, id))
	})
}

// RecipientOf returns the viewer's recipient id, for OwnWrites.
func RecipientOf(v *viewer.Viewer) pulid.ID {
	if v.Role != viewer.RoleRecipient {
		return ""
	}
	return v.RecipientID
}

// AccountOf returns the viewer's account id, for OwnWrites.
func AccountOf(v *viewer.Viewer) pulid.ID { return v.AccountID }

// DenyWrites ends a mutation policy: whatever no earlier rule allowed is refused.
func DenyWrites() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, _ ent.Mutation) error {
		if viewer.FromContext(ctx) == nil {
			return ErrUnauthenticated
		}
		return ErrForbidden
	})
}

// IsDenied reports whether err is a privacy denial.
func IsDenied(err error) bool { return errors.Is(err, privacy.Deny) }

type queryRule func(context.Context, ent.Query) error

func (f queryRule) EvalQuery(ctx context.Context, q ent.Query) error { return f(ctx, q) }
