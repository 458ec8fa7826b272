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

// Vacancy is a job offer fed by a job portal.
type Vacancy struct{ ent.Schema }

func (Vacancy) Mixin() []ent.Mixin { return []ent.Mixin{pulid.MixinWithPrefix("va"), timestamps{}} }

func (Vacancy) Fields() []ent.Field {
	return []ent.Field{
		field.String("job_portal_id").GoType(pulid.ID("")).Immutable(),
		field.String("external_id").NotEmpty().MaxLen(64).Immutable(),
		field.String("title").NotEmpty().MaxLen(200).Annotations(entgql.OrderField("TITLE")),
		field.String("company").NotEmpty().MaxLen(200),
		field.String("regency_id").GoType(pulid.ID("")).Optional().Nillable(),
		field.Enum("education_min").Values("primary", "junior_secondary", "senior_secondary",
			"diploma", "bachelor", "postgraduate"),
		field.String("industry").Default("").MaxLen(80),
		field.Enum("job_type").Values("full_time", "part_time", "contract", "internship", "freelance"),
		field.Int64("salary_min").GoType(money.Rupiah(0)).Annotations(entgql.Type("Rupiah")).Optional().Nillable().Annotations(entgql.OrderField("SALARY_MIN")),
		field.Int64("salary_max").GoType(money.Rupiah(0)).Annotations(entgql.Type("Rupiah")).Optional().Nillable(),
		field.Strings("skills").Optional(),
		field.Time("posted_at").Annotations(entgql.OrderField("POSTED_AT")),
		field.Time("expires_at").Optional().Nillable(),
	}
}

func (Vacancy) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("portal", JobPortal.Type).Ref("vacancies").Field("job_portal_id").
			Unique().Required().Immutable(),
		edge.From("regency", Regency.Type).Ref("vacancies").Field("regency_id").Unique(),
		edge.To("applications", JobApplication.Type).Annotations(internal()),
	}
}

func (Vacancy) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("job_portal_id", "external_id").Unique(),
		index.Fields("regency_id", "posted_at"),
	}
}

func (Vacancy) Annotations() []schema.Annotation { return browsable() }
func (Vacancy) Policy() ent.Policy               { return publicPolicy() }
