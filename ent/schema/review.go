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

// Review is a recipient's rating (1-5) and comment on a course. Reviews are
// public on the course page; the reviewer is not (the owner is hidden from
// GraphQL).
type Review struct{ ent.Schema }

func (Review) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("rv"), timestamps{}, recipientOwned{ref: "reviews", anonymous: true}}
}

func (Review) Fields() []ent.Field {
	return []ent.Field{
		field.String("course_id").GoType(pulid.ID("")).Immutable(),
		field.Int("rating").Range(1, 5).Annotations(entgql.OrderField("RATING")),
		field.String("body").Default("").MaxLen(2000),
	}
}

func (Review) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("course", Course.Type).Ref("reviews").Field("course_id").
			Unique().Required().Immutable(),
	}
}

func (Review) Indexes() []ent.Index {
	return []ent.Index{uniqueOn("recipient_id", "course_id"), indexOn("course_id")}
}

func (Review) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.MultiOrder()}
}

func (Review) Policy() ent.Policy {
	return privatePolicy(rule.Everyone(), rule.OwnWrites("recipient_id", rule.RecipientOf))
}
