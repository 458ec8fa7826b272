package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Purchase is a course bought with the training balance on a platform.
type Purchase struct{ ent.Schema }

func (Purchase) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("pu"), timestamps{}, recipientOwned{ref: "purchases"}}
}

func (Purchase) Fields() []ent.Field {
	return []ent.Field{
		field.String("course_id").GoType(pulid.ID("")).Immutable(),
		field.String("digital_platform_id").GoType(pulid.ID("")).Immutable(),
		field.Int64("price").GoType(money.Rupiah(0)).Annotations(entgql.Type("Rupiah")).Immutable(),
		field.String("invoice_code").Unique().NotEmpty().Immutable(),
		field.String("idempotency_key").Unique().NotEmpty().Immutable().Annotations(internal()),
		field.Enum("status").Values("paid", "in_progress", "completed", "refunded").Default("paid").
			Annotations(entgql.OrderField("STATUS")),
		field.Int("progress_percent").Default(0).Min(0).Max(100),
		field.Time("completed_at").Optional().Nillable(),
	}
}

func (Purchase) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("course", Course.Type).Ref("purchases").Field("course_id").
			Unique().Required().Immutable(),
		edge.From("platform", DigitalPlatform.Type).Ref("purchases").Field("digital_platform_id").
			Unique().Required().Immutable(),
		edge.To("certificate", Certificate.Type).Unique(),
	}
}

func (Purchase) Annotations() []schema.Annotation { return browsable() }

func (Purchase) Policy() ent.Policy {
	return privatePolicy(rule.Private(
		rule.OwnRecipient("recipient_id"),
		rule.Partner(viewer.RolePlatform, "digital_platform_id"),
		rule.PartnerVia(viewer.RoleInstitution, "course", "training_institution_id"),
		rule.Staff(rule.FinanceStaff()...),
	))
}
