package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/money"
)

// Course is a training in the catalogue, run by one institution and sold on
// one or more digital platforms.
type Course struct{ ent.Schema }

func (Course) Mixin() []ent.Mixin { return []ent.Mixin{pulid.MixinWithPrefix("co"), timestamps{}} }

func (Course) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").NotEmpty().MaxLen(200).Annotations(entgql.OrderField("TITLE")),
		field.Text("description").Default(""),
		field.Strings("outline").Optional().Comment("the modules, in order"),
		field.Strings("tags").Optional().Comment(`topic tags such as "hidroponik", "bahasa Korea"`),
		field.String("instructor").Default("").MaxLen(120),
		field.Enum("category").Values("it", "sales_marketing", "lifestyle", "language", "office",
			"engineering", "agriculture", "finance", "food_beverage", "management",
			"social_behaviour", "other").Annotations(entgql.OrderField("CATEGORY")),
		field.Enum("method").Values("webinar", "lms", "hybrid"),
		field.Int64("price").GoType(money.Rupiah(0)).Annotations(entgql.Type("Rupiah")).Annotations(entgql.OrderField("PRICE")),
		field.Int("duration_hours").Positive(),
		field.String("training_institution_id").GoType(pulid.ID("")),
		field.Int("assessment_score").Default(0).Min(0).Max(52).
			Comment("indicators met of the 52 assessed before entry"),
		field.Float("rating_average").Default(0).Annotations(entgql.OrderField("RATING")),
		field.Int("rating_count").Default(0),
		field.Int("purchase_count").Default(0).Annotations(entgql.OrderField("POPULARITY")),
		field.Enum("status").Values("proposed", "rejected", "published", "suspended").Default("published").
			Comment("curation: proposed by its institution, published once assessed, suspended by monitoring"),
		field.Time("published_at").Optional().Nillable(),
		field.Time("suspended_at").Optional().Nillable(),
	}
}

func (Course) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("institution", TrainingInstitution.Type).Ref("courses").
			Field("training_institution_id").Unique().Required(),
		edge.To("platforms", DigitalPlatform.Type),
		edge.To("purchases", Purchase.Type).Annotations(internal()),
		edge.To("certificates", Certificate.Type).Annotations(internal()),
		edge.To("reviews", Review.Type).Annotations(connection()),
		edge.To("questions", Question.Type).Annotations(internal()),
		edge.To("assessments", CourseAssessment.Type).Annotations(internal()),
	}
}

func (Course) Indexes() []ent.Index {
	return []ent.Index{index.Fields("category", "status"), index.Fields("training_institution_id")}
}

func (Course) Annotations() []schema.Annotation { return browsable() }
func (Course) Policy() ent.Policy               { return coursePolicy() }
