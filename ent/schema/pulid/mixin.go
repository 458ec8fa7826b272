package pulid

import (
	"fmt"

	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"
)

// Mixin gives a schema a prefixed ULID primary key.
type Mixin struct {
	mixin.Schema
	prefix string
}

// MixinWithPrefix returns the ID mixin for one type prefix.
func MixinWithPrefix(prefix string) Mixin {
	if len(prefix) != PrefixLen {
		panic(fmt.Sprintf("pulid: prefix %q must be %d characters", prefix, PrefixLen))
	}
	return Mixin{prefix: prefix}
}

// Fields implements ent.Mixin.
func (m Mixin) Fields() []ent.Field {
	return []ent.Field{
		field.String("id").
			GoType(ID("")).
			MaxLen(PrefixLen + 26).
			Immutable().
			DefaultFunc(func() ID { return New(m.prefix) }),
	}
}

// Annotation carries the prefix into code generation.
type Annotation struct {
	Prefix string
}

// Name implements schema.Annotation.
func (Annotation) Name() string { return "PULID" }

// Annotations implements ent.Mixin.
func (m Mixin) Annotations() []schema.Annotation {
	return []schema.Annotation{Annotation{Prefix: m.prefix}}
}
