package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
)

// SelectionResult is one application's outcome in its wave's lottery. A
// wave's results are written once, together, when the draw is recorded, and
// never changed: appending them to their own narrow table keeps a national
// draw (millions of rows) to sequential inserts instead of rewriting every
// application. An application without a result has not been drawn yet.
//
// The application and recipient are plain columns, not edges: a foreign key
// would check and lock the parent row of each of the millions of results (a
// heap write per row, most of a draw's time on PostgreSQL). Only the draw
// writes results, from the applications it has just read in the same
// transaction, and applications are never deleted. A result's id is its
// application's ULID under the prefix "se": the primary key makes it one
// result per application and finds it (no second unique index to maintain).
// GraphQL reaches a result from its application (Application.result).
type SelectionResult struct{ ent.Schema }

func (SelectionResult) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("se"), timestamps{}}
}

func (SelectionResult) Fields() []ent.Field {
	return []ent.Field{
		field.String("application_id").GoType(pulid.ID("")).Immutable().Annotations(internal()).
			Comment("the application; the result's id is its ULID under the prefix se (one result each)"),
		field.String("wave_id").GoType(pulid.ID("")).Immutable().Annotations(internal()).
			Comment("the application's wave, for per-wave counts and walks"),
		field.String("recipient_id").GoType(pulid.ID("")).Immutable().Annotations(internal()).
			Comment("the applicant, whose own result it is to read (reached by application: no index)"),
		field.Enum("status").Values("selected", "not_selected", "excluded").Immutable(),
		field.Int("rank").Optional().Nillable().Immutable().Comment("draw position within the province (selected only)"),
		field.String("exclusion_reason").Optional().Nillable().Immutable().
			Comment("why the applicant could not be drawn: the registration status at the draw"),
		field.Time("decided_at").Immutable(),
	}
}

func (SelectionResult) Indexes() []ent.Index {
	return []ent.Index{
		indexOn("wave_id", "status"), // counts of a wave by result, the not-selected carried over
	}
}

func (SelectionResult) Policy() ent.Policy {
	return privatePolicy(rule.Private(rule.OwnRecipient("recipient_id")))
}
