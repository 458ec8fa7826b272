package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Question is one multiple-choice item of the motivation and basic ability
// test, or of a course's pre- and post-test. The answer key never leaves the
// server.
type Question struct{ ent.Schema }

func (Question) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("qu"), timestamps{}}
}

func (Question) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("test").Values("ability", "course"),
		field.String("course_id").GoType(pulid.ID("")).Optional().Nillable(),
		field.String("topic").Default("").MaxLen(40),
		field.Text("prompt_id"),
		field.Text("prompt_en").Default(""),
		field.Strings("choices_id"),
		field.Strings("choices_en").Optional(),
		field.Int("answer").NonNegative().Annotations(internal()),
		field.Bool("active").Default(true),
	}
}

func (Question) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("course", Course.Type).Ref("questions").Field("course_id").Unique(),
	}
}

func (Question) Annotations() []schema.Annotation { return []schema.Annotation{internal()} }

func (Question) Policy() ent.Policy {
	return privatePolicy(rule.StaffOnly(viewer.RoleAdmin, viewer.RoleAnalyst))
}
