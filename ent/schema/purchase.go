package schema

import (
	"crypto/rand"

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

// Purchase is a course bought with the training balance on a platform.
type Purchase struct{ ent.Schema }

func (Purchase) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("pu"), timestamps{}, recipientOwned{ref: "purchases"}}
}

func (Purchase) Fields() []ent.Field {
	return []ent.Field{
		field.String("course_id").GoType(pulid.ID("")).Immutable(),
		field.String("digital_platform_id").GoType(pulid.ID("")).Immutable(),
		field.Int64("price").GoType(money.Rupiah(0)).Annotations(entgql.Type("Rupiah")).Immutable(),
		field.String("invoice_code").Unique().NotEmpty().Immutable(),
		field.String("idempotency_key").Unique().NotEmpty().Immutable().Annotations(internal()).
			Comment("the recipient's client id of the purchase, scoped to the recipient"),
		field.String("redemption_code").Unique().NotEmpty().Immutable().DefaultFunc(newRedemptionCode).
			Comment("what the recipient gives the platform to start the course"),
		field.Enum("status").Values("paid", "redeemed", "in_progress", "completed", "cancelled", "refunded").
			Default("paid").Annotations(entgql.OrderField("STATUS")).
			Comment("paid: code issued, not redeemed; cancelled by the recipient; refunded by curation"),
		field.Int("progress_percent").Default(0).Min(0).Max(100),
		field.Int("pre_test_score").Optional().Nillable().Min(0).Max(100),
		field.Int("post_test_score").Optional().Nillable().Min(0).Max(100),
		field.Time("redeemed_at").Optional().Nillable(),
		field.Time("progress_at").Optional().Nillable().
			Comment("when the latest applied progress report happened (reports arriving older are ignored)"),
		field.Time("completed_at").Optional().Nillable(),
		field.Time("cancelled_at").Optional().Nillable().Comment("cancelled by the recipient or refunded"),
	}
}

func (Purchase) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("course", Course.Type).Ref("purchases").Field("course_id").
			Unique().Required().Immutable(),
		edge.From("platform", DigitalPlatform.Type).Ref("purchases").Field("digital_platform_id").
			Unique().Required().Immutable(),
		edge.To("certificate", Certificate.Type).Unique(),
		edge.To("review", Review.Type).Unique().Annotations(internal()),
		edge.To("balance_entries", BalanceEntry.Type).Annotations(internal()),
		edge.To("reports", TrainingReport.Type).Annotations(internal()),
	}
}

func (Purchase) Annotations() []schema.Annotation { return browsable() }

func (Purchase) Policy() ent.Policy {
	return privatePolicy(rule.Private(
		rule.OwnRecipient("recipient_id"),
		rule.Partner(viewer.RolePlatform, "digital_platform_id"),
		rule.PartnerVia(viewer.RoleInstitution, "course", "training_institution_id"),
		rule.Staff(rule.FinanceStaff()...),
	))
}

// redemptionAlphabet is Crockford's base 32: no I, L, O or U to misread.
const redemptionAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// newRedemptionCode is a random code of 12 characters in three groups
// (60 bits), e.g. "K7QX-2M9D-HT4B": short enough to type from a phone.
func newRedemptionCode() string {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	out := make([]byte, 0, 14)
	for i, x := range b {
		if i == 4 || i == 8 {
			out = append(out, '-')
		}
		out = append(out, redemptionAlphabet[x&31])
	}
	return string(out)
}
