package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// CourseProposal records one proposeCourse call of an institution by its
// idempotency key (internal/curation): a resend with the same key returns
// the same course; the same key with other content is a conflict.
type CourseProposal struct{ ent.Schema }

func (CourseProposal) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("cq")}
}

func (CourseProposal) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable(),
		field.String("training_institution_id").GoType(pulid.ID("")).Immutable(),
		field.String("idempotency_key").NotEmpty().MaxLen(128).Immutable(),
		field.String("request_hash").NotEmpty().Immutable().Comment("sha256 of the proposal's input"),
		field.String("course_id").GoType(pulid.ID("")).Immutable(),
	}
}

func (CourseProposal) Indexes() []ent.Index {
	return []ent.Index{index.Fields("training_institution_id", "idempotency_key").Unique()}
}

func (CourseProposal) Annotations() []schema.Annotation { return []schema.Annotation{internal()} }

// Policy: only the curation service (as the system) reads and writes.
func (CourseProposal) Policy() ent.Policy { return secretPolicy() }
