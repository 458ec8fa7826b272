// Package rule owns the privacy rules that the ent schema attaches to every
// entity: who may read and write which rows. Resolvers never check access
// themselves; queries are filtered to the viewer's own rows here.
package rule

import (
	"context"
	"errors"
	"fmt"
	"reflect"

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
// seeding and sign-in); the reason documents why at the call site.
func System(ctx context.Context, reason string) context.Context {
	_ = reason
	return privacy.DecisionContext(ctx, privacy.Allow)
}

// IsSystem reports whether ctx carries the system decision.
func IsSystem(ctx context.Context) bool {
	d, ok := privacy.DecisionFromContext(ctx)
	return ok && d == nil
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

// Private is the query rule for personal rows: staff read everything, others
// read what their scopes allow, anonymous callers are refused.
func Private(scopes ...Scope) privacy.QueryRule {
	return queryRule(func(ctx context.Context, q ent.Query) error {
		v := viewer.FromContext(ctx)
		switch {
		case v == nil:
			return ErrUnauthenticated
		case v.Role.IsStaff():
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
