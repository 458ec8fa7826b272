// Package viewer owns the identity of whoever is making a request: the
// account, its role, and the recipient or partner organisation it acts for.
// Privacy rules in the ent schema read it from the context.
package viewer

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// Role is what an account may do.
type Role string

// Roles. Staff roles are admin, analyst, support, assessor and the two
// finance roles; of them only admin, analyst and support read personal data
// program-wide (ReadsPersonalData).
const (
	RoleRecipient      Role = "recipient"
	RoleAdmin          Role = "admin"
	RoleAnalyst        Role = "analyst"
	RoleSupport        Role = "support"
	RoleAssessor       Role = "assessor"        // curates trainings: courses, institutions, reviews
	RoleFinanceMaker   Role = "finance_maker"   // prepares payouts
	RoleFinanceChecker Role = "finance_checker" // approves what a maker prepared
	RoleInstitution    Role = "training_institution"
	RolePlatform       Role = "digital_platform"
	RolePaymentPartner Role = "payment_partner"
	RoleJobPortal      Role = "job_portal"
)

// Values lists every role; ent uses it for the enum column.
func (Role) Values() []string {
	return []string{
		string(RoleRecipient), string(RoleAdmin), string(RoleAnalyst), string(RoleSupport),
		string(RoleAssessor), string(RoleFinanceMaker), string(RoleFinanceChecker),
		string(RoleInstitution), string(RolePlatform), string(RolePaymentPartner), string(RoleJobPortal),
	}
}

// IsStaff reports whether the role belongs to program management.
func (r Role) IsStaff() bool {
	return r.ReadsPersonalData() || r == RoleAssessor || r == RoleFinanceMaker || r == RoleFinanceChecker
}

// ReadsPersonalData reports whether the role reads every recipient's rows
// (admin, analyst, support). The other staff roles read only what their
// work needs, granted entity by entity (internal/rule).
func (r Role) ReadsPersonalData() bool {
	return r == RoleAdmin || r == RoleAnalyst || r == RoleSupport
}

// IsPartner reports whether the role is an integrated partner organisation.
func (r Role) IsPartner() bool {
	return r == RoleInstitution || r == RolePlatform || r == RolePaymentPartner || r == RoleJobPortal
}

// Viewer is the authenticated caller.
type Viewer struct {
	AccountID   pulid.ID
	Role        Role
	RecipientID pulid.ID // set once the account has registered as an applicant
	OrgID       pulid.ID // the partner organisation of a partner account
	SessionID   pulid.ID // empty for API-key callers
	Scopes      []string // an API key's scopes (internal/partnerapi); nil for sessions
	Locale      string   // "id" or "en"
}

type ctxKey struct{}

// NewContext returns a context carrying v.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer, or nil for an anonymous caller.
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(ctxKey{}).(*Viewer)
	return v
}

// MarshalGQL implements graphql.Marshaler.
func (r Role) MarshalGQL(w io.Writer) { _, _ = io.WriteString(w, strconv.Quote(string(r))) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (r *Role) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("role must be a string")
	}
	if !slices.Contains(Role("").Values(), s) {
		return fmt.Errorf("%q is not a valid role", s)
	}
	*r = Role(s)
	return nil
}
