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

// Certificate proves a completed course (post-test score above the pass mark).
type Certificate struct{ ent.Schema }

func (Certificate) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ce"), timestamps{}, recipientOwned{ref: "certificates"}}
}

func (Certificate) Fields() []ent.Field {
	return []ent.Field{
		field.String("course_id").GoType(pulid.ID("")).Immutable(),
		field.String("purchase_id").GoType(pulid.ID("")).Unique().Immutable(),
		field.String("number").Unique().NotEmpty().Immutable(),
		field.Int("post_test_score").Min(0).Max(100),
		field.Time("issued_at").Immutable().Annotations(entgql.OrderField("ISSUED_AT")),
		field.Text("credential").Optional().
			Comment("the Open Badges 3.0 credential as a VC-JWT (EdDSA), signed by the program's did:web"),
		field.String("key_id").Optional().Comment("the verification method (kid) that signed the credential"),
		field.Time("revoked_at").Optional().Nillable(),
		field.String("revocation_reason").Optional().Nillable(),
	}
}

func (Certificate) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("course", Course.Type).Ref("certificates").Field("course_id").
			Unique().Required().Immutable(),
		edge.From("purchase", Purchase.Type).Ref("certificate").Field("purchase_id").
			Unique().Required().Immutable(),
	}
}

func (Certificate) Annotations() []schema.Annotation { return browsable() }

func (Certificate) Policy() ent.Policy {
	return privatePolicy(rule.Private(
		rule.OwnRecipient("recipient_id"),
		rule.PartnerVia(viewer.RoleInstitution, "course", "training_institution_id"),
	))
}
