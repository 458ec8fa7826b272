package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Payout is one transfer to a recipient: a monthly incentive instalment or a
// survey incentive. The idempotency key makes scheduling and sending safe to
// retry; a payout is never created or sent twice.
type Payout struct{ ent.Schema }

func (Payout) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("po"), timestamps{}, recipientOwned{ref: "payouts"}}
}

func (Payout) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Values("incentive", "survey"),
		field.Int("installment").Positive().Comment("1-4 for incentives, 1-3 for surveys"),
		field.Int64("amount").GoType(money.Rupiah(0)).Annotations(entgql.Type("Rupiah")).Immutable(),
		field.Time("scheduled_for").SchemaType(dateColumn).Annotations(entgql.OrderField("SCHEDULED_FOR")),
		field.Enum("status").Values("entitled", "scheduled", "processing", "sent", "failed", "cancelled").
			Default("entitled").Annotations(entgql.OrderField("STATUS")),
		field.String("idempotency_key").Unique().NotEmpty().Immutable().Annotations(internal()),
		field.String("linked_account_id").GoType(pulid.ID("")).Optional().Nillable(),
		field.String("payment_partner_id").GoType(pulid.ID("")).Optional().Nillable(),
		field.String("reference").Optional().Nillable().Comment("the partner's transfer reference"),
		field.Time("sent_at").Optional().Nillable(),
		field.String("failure_reason").Optional().Nillable(),
	}
}

func (Payout) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("linked_account", LinkedAccount.Type).Ref("payouts").
			Field("linked_account_id").Unique(),
		edge.From("partner", PaymentPartner.Type).Ref("payouts").
			Field("payment_partner_id").Unique(),
	}
}

func (Payout) Indexes() []ent.Index {
	return []ent.Index{uniqueOn("recipient_id", "kind", "installment"), indexOn("status", "scheduled_for")}
}

func (Payout) Annotations() []schema.Annotation { return browsable() }

func (Payout) Policy() ent.Policy {
	return privatePolicy(rule.Private(
		rule.OwnRecipient("recipient_id"),
		rule.Partner(viewer.RolePaymentPartner, "payment_partner_id"),
		rule.Staff(rule.FinanceStaff()...),
	))
}
