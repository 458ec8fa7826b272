package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/entql"
	"entgo.io/ent/privacy"

	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// coursePolicy (internal/curation): published and suspended courses are
// public (a suspended course stays readable for the recipients who bought
// it); a proposed or rejected course is read only by its own institution
// and by curation staff (assessor, admin, analyst). Admins write; the
// curation service writes as the system after its own checks.
func coursePolicy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.PublicWhere(
			entql.FieldIn("status", "published", "suspended"),
			[]viewer.Role{viewer.RoleAssessor, viewer.RoleAdmin, viewer.RoleAnalyst},
			rule.Partner(viewer.RoleInstitution, "training_institution_id"))},
		Mutation: privacy.MutationPolicy{rule.AdminWrites()},
	}
}
