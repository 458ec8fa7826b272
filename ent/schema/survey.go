package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Survey is an evaluation survey (Survei Evaluasi I, II, III). It opens for a
// recipient a number of days after their first incentive payment and stays
// open for a window of days.
type Survey struct{ ent.Schema }

func (Survey) Mixin() []ent.Mixin { return []ent.Mixin{pulid.MixinWithPrefix("sv"), timestamps{}} }

func (Survey) Fields() []ent.Field {
	return []ent.Field{
		field.String("code").Unique().NotEmpty().MaxLen(8).Annotations(entgql.OrderField("CODE")),
		field.Int("ordinal").Positive(),
		field.String("title_id").NotEmpty(),
		field.String("title_en").Default(""),
		field.Text("description_id").Default(""),
		field.Text("description_en").Default(""),
		field.Int64("incentive").GoType(money.Rupiah(0)).Annotations(entgql.Type("Rupiah")).Default(50_000),
		field.Int("opens_after_days").NonNegative().
			Comment("days after the first incentive payment"),
		field.Int("window_days").Positive(),
		field.Bool("active").Default(true),
	}
}

func (Survey) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("questions", SurveyQuestion.Type),
		edge.To("responses", SurveyResponse.Type).Annotations(internal()),
	}
}

func (Survey) Annotations() []schema.Annotation { return browsable() }
func (Survey) Policy() ent.Policy               { return publicPolicy() }

// SurveyQuestion is one question of a survey.
type SurveyQuestion struct{ ent.Schema }

func (SurveyQuestion) Mixin() []ent.Mixin { return []ent.Mixin{pulid.MixinWithPrefix("sq")} }

func (SurveyQuestion) Fields() []ent.Field {
	return []ent.Field{
		field.String("survey_id").GoType(pulid.ID("")).Immutable(),
		field.String("key").NotEmpty().MaxLen(40).Comment("stable key used in answers and reports"),
		field.Int("position"),
		field.Enum("kind").Values("single", "multiple", "likert", "number", "text"),
		field.Text("prompt_id"),
		field.Text("prompt_en").Default(""),
		field.JSON("options", []schematype.SurveyOption{}).Optional().
			Annotations(entgql.Type("[SurveyOption!]")),
		field.Bool("required").Default(true),
		field.Int64("min").Optional().Nillable(),
		field.Int64("max").Optional().Nillable(),
	}
}

func (SurveyQuestion) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("survey", Survey.Type).Ref("questions").Field("survey_id").
			Unique().Required().Immutable(),
	}
}

func (SurveyQuestion) Indexes() []ent.Index { return []ent.Index{uniqueOn("survey_id", "key")} }
func (SurveyQuestion) Policy() ent.Policy   { return publicPolicy() }

// SurveyResponse is a recipient's answers to one survey: one per recipient
// per survey, keyed by the client's id so an offline retry is harmless.
type SurveyResponse struct{ ent.Schema }

func (SurveyResponse) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("sr"), timestamps{}, recipientOwned{ref: "survey_responses"}}
}

func (SurveyResponse) Fields() []ent.Field {
	return []ent.Field{
		field.String("survey_id").GoType(pulid.ID("")).Immutable(),
		field.String("client_id").Unique().NotEmpty().MaxLen(64).Immutable(),
		field.JSON("answers", []schematype.SurveyAnswer{}).Annotations(entgql.Type("[SurveyAnswer!]")),
		field.Time("answered_at").Immutable().Comment("client clock, checked against server bounds"),
	}
}

func (SurveyResponse) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("survey", Survey.Type).Ref("responses").Field("survey_id").
			Unique().Required().Immutable(),
	}
}

func (SurveyResponse) Indexes() []ent.Index {
	return []ent.Index{uniqueOn("recipient_id", "survey_id"), indexOn("survey_id")}
}

func (SurveyResponse) Annotations() []schema.Annotation { return browsable() }

func (SurveyResponse) Policy() ent.Policy {
	return privatePolicy(rule.Private(rule.OwnRecipient("recipient_id")))
}
