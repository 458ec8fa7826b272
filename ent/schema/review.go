package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/entql"
	"entgo.io/ent/privacy"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
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
		field.String("purchase_id").GoType(pulid.ID("")).Unique().Immutable().Annotations(internal()).
			Comment("one review per purchase, written after its completion"),
		field.Int("rating").Range(1, 5).Annotations(entgql.OrderField("RATING")),
		field.String("body").Default("").MaxLen(2000),
		field.Time("hidden_at").Optional().Nillable().Comment("hidden by staff as abusive"),
		field.String("hidden_reason").Optional().Nillable().Annotations(internal()).
			Comment("shown to its author and staff (Review.hiddenReason)"),
		field.String("hidden_by_id").GoType(pulid.ID("")).Optional().Nillable().Annotations(internal()),
	}
}

func (Review) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("course", Course.Type).Ref("reviews").Field("course_id").
			Unique().Required().Immutable(),
		edge.From("purchase", Purchase.Type).Ref("review").Field("purchase_id").
			Unique().Required().Immutable().Annotations(internal()),
	}
}

func (Review) Indexes() []ent.Index {
	return []ent.Index{indexOn("course_id", "hidden_at")}
}

func (Review) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.MultiOrder()}
}

// Policy: reviews not hidden are public; a hidden review is read by its
// author (who sees why) and by staff. The curation service writes (as the
// system) after its own checks (a completed purchase, one review); the
// mutation rules are the owner's and admins', as before.
func (Review) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.PublicWhere(entql.FieldNil("hidden_at"),
			[]viewer.Role{viewer.RoleAdmin, viewer.RoleAssessor, viewer.RoleAnalyst, viewer.RoleSupport},
			rule.OwnRecipient("recipient_id"))},
		Mutation: privacy.MutationPolicy{rule.OwnWrites("recipient_id", rule.RecipientOf), rule.AdminWrites()},
	}
}
