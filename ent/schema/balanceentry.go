package schema

import (
	"context"
	"errors"
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/privacy"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/rule"
)

// BalanceEntry is one change of a recipient's training balance: the grant on
// acceptance, a purchase, a cancellation or curation refund, the forfeit on
// revocation. The ledger is append-only: the sum of a recipient's entries is
// their balance, and no entry is ever changed or deleted.
type BalanceEntry struct{ ent.Schema }

func (BalanceEntry) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("be"), recipientOwned{ref: "balance_entries"}}
}

func (BalanceEntry) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.Enum("kind").Values("grant", "purchase", "cancellation", "refund", "forfeit").Immutable(),
		field.Int64("amount").GoType(money.Rupiah(0)).Annotations(entgql.Type("Rupiah")).Immutable().
			Comment("signed: negative for a purchase or forfeit"),
		field.Int64("balance_after").GoType(money.Rupiah(0)).Annotations(entgql.Type("Rupiah")).Immutable(),
		field.String("purchase_id").GoType(pulid.ID("")).Optional().Nillable().Immutable(),
		field.String("key").Unique().NotEmpty().Immutable().Annotations(internal()).
			Comment("one entry per event: a retried purchase or refund cannot write it twice"),
	}
}

func (BalanceEntry) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("purchase", Purchase.Type).Ref("balance_entries").Field("purchase_id").
			Unique().Immutable(),
	}
}

func (BalanceEntry) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.MultiOrder()}
}

// Policy: the recipient and finance staff read; only the system writes, and
// nobody updates or deletes (rule.AppendOnly).
func (BalanceEntry) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.Private(rule.OwnRecipient("recipient_id"), rule.Staff(rule.FinanceStaff()...))},
		Mutation: privacy.MutationPolicy{rule.DenyWrites()},
	}
}

// ErrLedgerAppendOnly refuses a change or removal of a ledger entry.
var ErrLedgerAppendOnly = errors.New("balance ledger is append-only: entries are never updated or deleted")

// Hooks: the ledger is append-only for everyone, the system context
// included (privacy rules are bypassed by rule.System; this hook is not).
// A correction is a new entry.
func (BalanceEntry) Hooks() []ent.Hook {
	return []ent.Hook{func(next ent.Mutator) ent.Mutator {
		return ent.MutateFunc(func(ctx context.Context, m ent.Mutation) (ent.Value, error) {
			if !m.Op().Is(ent.OpCreate) {
				return nil, ErrLedgerAppendOnly
			}
			return next.Mutate(ctx, m)
		})
	}}
}
