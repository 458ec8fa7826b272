package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Application is a recipient's entry in one wave and, after selection, its
// result. The ticket is the lottery key; rank is the position drawn.
type Application struct{ ent.Schema }

func (Application) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ap"), timestamps{}, recipientOwned{ref: "applications"}}
}

func (Application) Fields() []ent.Field {
	return []ent.Field{
		field.String("wave_id").GoType(pulid.ID("")).Immutable(),
		field.String("province_id").GoType(pulid.ID("")).Immutable().Annotations(internal()).
			Comment("the province whose quota the application competes for"),
		field.Enum("status").Values("pending", "selected", "not_selected", "excluded", "withdrawn").
			Default("pending").Annotations(entgql.OrderField("STATUS")),
		field.Int("rank").Optional().Nillable().Comment("draw position within the province"),
		field.String("exclusion_reason").Optional().Nillable(),
		field.Time("decided_at").Optional().Nillable(),
	}
}

func (Application) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("wave", Wave.Type).Ref("applications").Field("wave_id").
			Unique().Required().Immutable(),
	}
}

func (Application) Indexes() []ent.Index {
	return []ent.Index{
		uniqueOn("recipient_id", "wave_id"),
		indexOn("wave_id", "province_id", "status"),
		indexOn("wave_id", "status"), // counts of a wave by result
	}
}

func (Application) Annotations() []schema.Annotation { return browsable() }

func (Application) Policy() ent.Policy {
	return privatePolicy(rule.Private(rule.OwnRecipient("recipient_id")))
}
