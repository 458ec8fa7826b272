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
	"github.com/kartuprakerja/platform/internal/rule"
)

// Recipient is an applicant with a verified identity, and later a Kartu
// Prakerja holder. NIK and KK are personal data: the GraphQL layer shows them
// only to their owner and audits every staff read; the mother's maiden name
// is kept only as a salted hash for the registry check.
type Recipient struct{ ent.Schema }

func (Recipient) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("rc"), timestamps{}}
}

func (Recipient) Fields() []ent.Field {
	return []ent.Field{
		field.String("account_id").GoType(pulid.ID("")).Unique().Immutable(),
		field.String("nik").Unique().Sensitive().MinLen(16).MaxLen(16).Immutable().
			Annotations(internal()),
		field.String("kk_number").Sensitive().MinLen(16).MaxLen(16).Annotations(internal()),
		field.Bytes("mother_maiden_hash").Sensitive().Optional().Annotations(internal()),
		field.String("full_name").NotEmpty().MaxLen(120).Annotations(entgql.OrderField("FULL_NAME")),
		field.Time("birth_date").SchemaType(dateColumn),
		field.String("birth_place").Default("").MaxLen(80),
		field.Enum("gender").Values("female", "male"),
		field.String("regency_id").GoType(pulid.ID("")),
		field.Enum("area").Values("rural", "urban").Comment("domicile classification"),
		field.Enum("education").Values("primary", "junior_secondary", "senior_secondary",
			"diploma", "bachelor", "postgraduate"),
		field.Enum("employment").Values("not_working", "employed", "self_employed"),
		field.Bool("has_disability").Default(false),
		field.Bool("former_migrant_worker").Default(false),
		field.Bool("had_financial_account").Default(false).
			Comment("had a bank account or e-wallet before joining"),
		field.Enum("status").
			Values("registered", "verified", "rejected", "recipient", "revoked").
			Default("registered").Annotations(entgql.OrderField("STATUS")),
		field.String("rejection_reason").Optional().Nillable(),
		field.String("card_number").Optional().Nillable().Unique(),
		field.Int64("training_balance").GoType(money.Rupiah(0)).Annotations(entgql.Type("Rupiah")).Default(0),
		field.Time("verified_at").Optional().Nillable(),
		field.Time("accepted_at").Optional().Nillable().Annotations(entgql.OrderField("ACCEPTED_AT")),
		field.Time("first_purchase_at").Optional().Nillable().
			Comment("stops the 30-day clock"),
		field.Time("revoked_at").Optional().Nillable(),
		field.String("revocation_reason").Optional().Nillable().
			Comment("a message key of internal/msg for the program's own revocations, else a staff member's words").
			Annotations(entgql.Skip(entgql.SkipType)), // served rendered: graph/schema/journey.graphql
	}
}

func (Recipient) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("recipient").Field("account_id").
			Unique().Required().Immutable(),
		edge.From("regency", Regency.Type).Ref("recipients").Field("regency_id").
			Unique().Required(),
		edge.To("identity_checks", IdentityCheck.Type).Annotations(connection()),
		edge.To("applications", Application.Type).Annotations(connection()),
		edge.To("test_attempts", TestAttempt.Type).Annotations(connection()),
		edge.To("purchases", Purchase.Type).Annotations(connection()),
		edge.To("balance_entries", BalanceEntry.Type).Annotations(connection()),
		edge.To("certificates", Certificate.Type).Annotations(connection()),
		edge.To("reviews", Review.Type).Annotations(connection()),
		edge.To("linked_accounts", LinkedAccount.Type).Annotations(connection()),
		edge.To("payouts", Payout.Type).Annotations(connection()),
		edge.To("survey_responses", SurveyResponse.Type).Annotations(connection()),
		edge.To("job_applications", JobApplication.Type).Annotations(connection()),
	}
}

func (Recipient) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("regency_id"),
		index.Fields("status", "accepted_at"),
	}
}

func (Recipient) Annotations() []schema.Annotation { return browsable() }

func (Recipient) Policy() ent.Policy {
	return privatePolicy(rule.Private(rule.OwnRecipient("id")))
}
