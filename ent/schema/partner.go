package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// partnerFields are what every partner organisation has.
func partnerFields() []ent.Field {
	return []ent.Field{
		field.String("code").Unique().NotEmpty().MaxLen(32).Annotations(entgql.OrderField("CODE")),
		field.String("name").NotEmpty().MaxLen(120).Annotations(entgql.OrderField("NAME")),
		field.Bool("active").Default(true),
	}
}

// partnerAccounts is the edge to a partner's service accounts (hidden).
func partnerAccounts() ent.Edge {
	return edge.To("accounts", Account.Type).Annotations(internal())
}

// TrainingInstitution (Lembaga Pelatihan) designs and runs courses.
type TrainingInstitution struct{ ent.Schema }

func (TrainingInstitution) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ti"), timestamps{}}
}

func (TrainingInstitution) Fields() []ent.Field {
	return append(partnerFields(),
		field.String("city").Default("").MaxLen(80),
	)
}

func (TrainingInstitution) Edges() []ent.Edge {
	return []ent.Edge{
		partnerAccounts(),
		edge.To("courses", Course.Type).Annotations(connection()),
	}
}

func (TrainingInstitution) Annotations() []schema.Annotation { return browsable() }
func (TrainingInstitution) Policy() ent.Policy               { return publicPolicy() }

// DigitalPlatform (Platform Digital) sells and delivers courses and reports completion.
type DigitalPlatform struct{ ent.Schema }

func (DigitalPlatform) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("dp"), timestamps{}}
}

func (DigitalPlatform) Fields() []ent.Field {
	return append(partnerFields(),
		field.String("url").Default("").MaxLen(255),
	)
}

func (DigitalPlatform) Edges() []ent.Edge {
	return []ent.Edge{
		partnerAccounts(),
		edge.From("courses", Course.Type).Ref("platforms").Annotations(connection()),
		edge.To("purchases", Purchase.Type).Annotations(internal()),
	}
}

func (DigitalPlatform) Annotations() []schema.Annotation { return browsable() }
func (DigitalPlatform) Policy() ent.Policy               { return publicPolicy() }

// PaymentPartner is a bank or e-wallet that links accounts, runs KYC and pays out.
type PaymentPartner struct{ ent.Schema }

func (PaymentPartner) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("pp"), timestamps{}}
}

func (PaymentPartner) Fields() []ent.Field {
	return append(partnerFields(),
		field.Enum("kind").Values("bank", "ewallet"),
	)
}

func (PaymentPartner) Edges() []ent.Edge {
	return []ent.Edge{
		partnerAccounts(),
		edge.To("linked_accounts", LinkedAccount.Type).Annotations(internal()),
		edge.To("payouts", Payout.Type).Annotations(internal()),
	}
}

func (PaymentPartner) Annotations() []schema.Annotation { return browsable() }
func (PaymentPartner) Policy() ent.Policy               { return publicPolicy() }

// JobPortal feeds vacancies and receives job applications.
type JobPortal struct{ ent.Schema }

func (JobPortal) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("jp"), timestamps{}}
}

func (JobPortal) Fields() []ent.Field {
	return append(partnerFields(),
		field.String("url").Default("").MaxLen(255),
	)
}

func (JobPortal) Edges() []ent.Edge {
	return []ent.Edge{
		partnerAccounts(),
		edge.To("vacancies", Vacancy.Type).Annotations(connection()),
	}
}

func (JobPortal) Annotations() []schema.Annotation { return browsable() }
func (JobPortal) Policy() ent.Policy               { return publicPolicy() }
