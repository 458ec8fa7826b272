package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// JobApplication is a recipient applying to a vacancy through the dashboard.
type JobApplication struct{ ent.Schema }

func (JobApplication) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ja"), timestamps{}, recipientOwned{ref: "job_applications"}}
}

func (JobApplication) Fields() []ent.Field {
	return []ent.Field{
		field.String("vacancy_id").GoType(pulid.ID("")).Immutable(),
		field.String("client_id").Unique().NotEmpty().MaxLen(64).Immutable(),
		field.Bool("from_recommendation").Default(false),
		field.Enum("status").Values("submitted", "viewed", "called", "rejected", "hired").
			Default("submitted").Annotations(entgql.OrderField("STATUS")),
	}
}

func (JobApplication) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("vacancy", Vacancy.Type).Ref("applications").Field("vacancy_id").
			Unique().Required().Immutable(),
	}
}

func (JobApplication) Indexes() []ent.Index {
	return []ent.Index{uniqueOn("recipient_id", "vacancy_id"), indexOn("vacancy_id")}
}

func (JobApplication) Annotations() []schema.Annotation { return browsable() }

func (JobApplication) Policy() ent.Policy {
	return privatePolicy(rule.Private(
		rule.OwnRecipient("recipient_id"),
		rule.PartnerVia(viewer.RoleJobPortal, "vacancy", "job_portal_id"),
	))
}
