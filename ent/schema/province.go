package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// Province is one of Indonesia's 34 provinces (Kemendagri codes).
type Province struct{ ent.Schema }

func (Province) Mixin() []ent.Mixin { return []ent.Mixin{pulid.MixinWithPrefix("pv")} }

func (Province) Fields() []ent.Field {
	return []ent.Field{
		field.String("code").Unique().NotEmpty().MaxLen(2).Annotations(entgql.OrderField("CODE")),
		field.String("name").NotEmpty().Annotations(entgql.OrderField("NAME")),
		field.Enum("time_zone").Values("WIB", "WITA", "WIT").Comment("local time zone for quiet hours"),
	}
}

func (Province) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("regencies", Regency.Type).Annotations(connection()),
		edge.To("wave_quotas", WaveQuota.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

func (Province) Annotations() []schema.Annotation { return browsable() }
func (Province) Policy() ent.Policy               { return publicPolicy() }
