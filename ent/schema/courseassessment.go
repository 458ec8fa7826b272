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
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// CourseAssessment is one curation decision on a course: the assessment
// of a proposed course on the 52 indicators before publication, or a
// monitoring of a published course on the 40 indicators. Its scores, the
// outcome and the reasons are what the institution sees.
type CourseAssessment struct{ ent.Schema }

func (CourseAssessment) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ca")}
}

func (CourseAssessment) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.String("course_id").GoType(pulid.ID("")).Immutable(),
		field.String("training_institution_id").GoType(pulid.ID("")).Immutable().Annotations(internal()),
		field.String("assessor_id").GoType(pulid.ID("")).Immutable().Annotations(internal()).
			Comment("the staff account that decided"),
		field.Enum("kind").Values("assessment", "monitoring").Immutable(),
		field.JSON("scores", []schematype.IndicatorScore{}).Immutable(),
		field.Int("met").Immutable().Comment("indicators met"),
		field.Int("total").Immutable().Comment("indicators scored (52 or 40)"),
		field.Bool("passed").Immutable(),
		field.Strings("reasons").Optional().Immutable().Comment("why it failed, message keys of the indicators not met"),
		field.String("notes").Default("").MaxLen(2000).Immutable(),
	}
}

func (CourseAssessment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("course", Course.Type).Ref("assessments").Field("course_id").
			Unique().Required().Immutable(),
	}
}

func (CourseAssessment) Indexes() []ent.Index {
	return []ent.Index{indexOn("course_id", "created_at")}
}

func (CourseAssessment) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection(), entgql.MultiOrder()}
}

// Policy: the course's institution and curation staff read; only the
// curation service (as the system) writes.
func (CourseAssessment) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.Private(
			rule.Partner(viewer.RoleInstitution, "training_institution_id"),
			rule.Staff(viewer.RoleAssessor))},
		Mutation: privacy.MutationPolicy{rule.DenyWrites()},
	}
}
