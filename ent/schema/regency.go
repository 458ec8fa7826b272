package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// Regency is a kabupaten (regency) or kota (city), 514 in all.
type Regency struct{ ent.Schema }

func (Regency) Mixin() []ent.Mixin { return []ent.Mixin{pulid.MixinWithPrefix("rg")} }

func (Regency) Fields() []ent.Field {
	return []ent.Field{
		field.String("code").Unique().NotEmpty().MaxLen(4).Annotations(entgql.OrderField("CODE")),
		field.String("name").NotEmpty().Annotations(entgql.OrderField("NAME")),
		field.Enum("kind").Values("kabupaten", "kota"),
		field.String("province_id").GoType(pulid.ID("")),
	}
}

func (Regency) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("province", Province.Type).Ref("regencies").Field("province_id").Unique().Required(),
		edge.To("recipients", Recipient.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("vacancies", Vacancy.Type).Annotations(connection()),
	}
}

func (Regency) Annotations() []schema.Annotation { return browsable() }
func (Regency) Policy() ent.Policy               { return publicPolicy() }
