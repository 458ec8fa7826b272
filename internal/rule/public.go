package rule

import (
	"context"
	"slices"

	"entgo.io/ent"
	"entgo.io/ent/entql"
	"entgo.io/ent/privacy"

	"github.com/kartuprakerja/platform/internal/viewer"
)

// PublicWhere is the query rule of rows that are public only in some state
// (a published course, a review not hidden): anyone, signed in or not,
// reads the rows matching public; the staff of roles read every row; a
// viewer to whom one of scopes applies reads the public rows and its own
// (an institution its proposed courses, an author its hidden review).
func PublicWhere(public entql.P, roles []viewer.Role, scopes ...Scope) privacy.QueryRule {
	return queryRule(func(ctx context.Context, q ent.Query) error {
		v := viewer.FromContext(ctx)
		if v == nil {
			return filter(q, public)
		}
		if slices.Contains(roles, v.Role) {
			return privacy.Allow
		}
		for _, scope := range scopes {
			if p := scope(v); p != nil {
				return filter(q, entql.Or(public, p))
			}
		}
		return filter(q, public)
	})
}
