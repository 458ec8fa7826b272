package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// RegistryPerson is one person of the synthetic population behind the
// embedded registry: the stand-in for Dukcapil and the exclusion registries
// that lets a default install verify identities with no outside service. A
// real deployment points the registry interfaces at the real services and
// leaves this table empty. Never exposed through GraphQL.
type RegistryPerson struct{ ent.Schema }

func (RegistryPerson) Mixin() []ent.Mixin { return []ent.Mixin{pulid.MixinWithPrefix("rp")} }

func (RegistryPerson) Fields() []ent.Field {
	return []ent.Field{
		field.String("nik").Unique().MinLen(16).MaxLen(16),
		field.String("kk_number").MinLen(16).MaxLen(16),
		field.String("full_name"),
		field.Time("birth_date").SchemaType(dateColumn),
		field.String("birth_place"),
		field.Enum("gender").Values("female", "male"),
		field.String("mother_maiden_name"),
		field.Bool("deceased").Default(false),
		field.Strings("exclusions").Optional().
			Comment("registries listing the person: dapodik, pddikti, dtks, pns, kades, bsu, bpum, prakerja"),
	}
}

func (RegistryPerson) Annotations() []schema.Annotation { return []schema.Annotation{internal()} }
func (RegistryPerson) Policy() ent.Policy               { return secretPolicy() }
