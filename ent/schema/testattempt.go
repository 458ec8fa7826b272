package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/internal/rule"
)

// TestAttempt is one sitting of the ability test or a course's pre/post-test.
// Answers are saved as they are given, so a dropped connection loses nothing.
type TestAttempt struct{ ent.Schema }

func (TestAttempt) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ta"), timestamps{}, recipientOwned{ref: "test_attempts"}}
}

func (TestAttempt) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Values("ability", "pretest", "posttest"),
		field.String("course_id").GoType(pulid.ID("")).Optional().Annotations(entgql.Type("ID")),
		field.Strings("question_ids").Annotations(internal()),
		field.JSON("answers", []schematype.TestAnswer{}).Optional().Annotations(internal()),
		field.Time("deadline"),
		field.Time("submitted_at").Optional().Nillable(),
		field.Int("score").Optional().Nillable().Min(0).Max(100),
		field.Bool("passed").Optional().Nillable(),
	}
}

func (TestAttempt) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.MultiOrder()}
}

func (TestAttempt) Policy() ent.Policy {
	// Its owner saves answers; the questions, deadline and score are the
	// system's (journey draws and scores).
	return privatePolicy(rule.Private(rule.OwnRecipient("recipient_id")),
		rule.OwnUpdates("recipient_id", rule.RecipientOf, "answers", "updated_at"))
}
