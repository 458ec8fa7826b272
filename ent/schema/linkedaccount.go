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

// LinkedAccount is a recipient's bank account or e-wallet at a payment partner.
type LinkedAccount struct{ ent.Schema }

func (LinkedAccount) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("la"), timestamps{}, recipientOwned{ref: "linked_accounts"}}
}

func (LinkedAccount) Fields() []ent.Field {
	return []ent.Field{
		field.String("payment_partner_id").GoType(pulid.ID("")).Immutable(),
		field.String("account_masked").NotEmpty().MaxLen(32).Comment("e.g. ****1234"),
		field.Bytes("account_hash").Sensitive().Annotations(internal()),
		field.Enum("kyc_status").Values("pending", "verified", "failed").Default("pending"),
		field.Bool("primary").Default(false),
		field.Time("verified_at").Optional().Nillable(),
	}
}

func (LinkedAccount) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("partner", PaymentPartner.Type).Ref("linked_accounts").
			Field("payment_partner_id").Unique().Required().Immutable(),
		edge.To("payouts", Payout.Type).Annotations(internal()),
	}
}

func (LinkedAccount) Annotations() []schema.Annotation { return browsable() }

func (LinkedAccount) Policy() ent.Policy {
	return privatePolicy(rule.Private(
		rule.OwnRecipient("recipient_id"),
		rule.Partner(viewer.RolePaymentPartner, "payment_partner_id"),
		rule.Staff(rule.FinanceStaff()...),
	))
}
