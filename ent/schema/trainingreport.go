package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/privacy"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// TrainingReport is one report a digital platform made about a purchase
// (redemption, progress, a pre- or post-test score, completion), through
// the GraphQL partner API or as an xAPI statement. The platform's
// idempotency key (the statement id for xAPI) is unique per platform: the
// same key again returns the first outcome; with other content it is a
// conflict.
type TrainingReport struct{ ent.Schema }

func (TrainingReport) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("tr")}
}

func (TrainingReport) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.String("digital_platform_id").GoType(pulid.ID("")).Immutable().Annotations(internal()),
		field.String("purchase_id").GoType(pulid.ID("")).Immutable(),
		field.String("idempotency_key").NotEmpty().MaxLen(128).Immutable(),
		field.Enum("kind").Values("redeem", "progress", "pre_test", "post_test", "completion").Immutable(),
		field.Enum("channel").Values("graphql", "xapi").Immutable(),
		field.String("content_hash").Immutable().Annotations(internal()).
			Comment("SHA-256 of the report's canonical content: the same key with another hash conflicts"),
		field.Int("value").Optional().Nillable().Immutable().Comment("percent or score"),
		field.Time("occurred_at").Immutable().Comment("when it happened on the platform"),
		field.Bool("applied").Immutable().Comment("false when an older report arrived after a newer one"),
		field.Text("statement").Optional().Immutable().Annotations(internal()).
			Comment("the xAPI statement as received"),
	}
}

func (TrainingReport) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("purchase", Purchase.Type).Ref("reports").Field("purchase_id").
			Unique().Required().Immutable(),
	}
}

func (TrainingReport) Indexes() []ent.Index {
	return []ent.Index{uniqueOn("digital_platform_id", "idempotency_key"), indexOn("purchase_id")}
}

func (TrainingReport) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.MultiOrder()}
}

// Policy: the reporting platform and finance/admin staff read; only the
// training service (as the system) writes.
func (TrainingReport) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.Private(
			rule.Partner(viewer.RolePlatform, "digital_platform_id"),
			rule.Staff(rule.FinanceStaff()...))},
		Mutation: privacy.MutationPolicy{rule.DenyWrites()},
	}
}
