package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// timestamps records when a row was created and last changed.
type timestamps struct{ mixin.Schema }

func (timestamps) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.Time("updated_at").Default(time.Now).UpdateDefault(time.Now).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// recipientOwned ties a row to one recipient: the recipient_id column, the
// edge back to the recipient (ref names the recipient's edge to these rows)
// and an index for the per-recipient queries every privacy filter runs.
type recipientOwned struct {
	mixin.Schema
	ref       string
	anonymous bool // hide the owner from GraphQL (public rows such as reviews)
}

func (m recipientOwned) Fields() []ent.Field {
	f := field.String("recipient_id").GoType(pulid.ID("")).Immutable()
	if m.anonymous {
		f.Annotations(internal())
	}
	return []ent.Field{f}
}

func (m recipientOwned) Edges() []ent.Edge {
	e := edge.From("recipient", Recipient.Type).Ref(m.ref).Field("recipient_id").
		Unique().Required().Immutable()
	if m.anonymous {
		e.Annotations(internal())
	}
	return []ent.Edge{e}
}

func (m recipientOwned) Indexes() []ent.Index {
	return []ent.Index{index.Fields("recipient_id")}
}

// accountOwned ties a row to one account (applicants who are not yet
// recipients have complaints, devices and notifications too).
type accountOwned struct {
	mixin.Schema
	ref string
}

func (m accountOwned) Fields() []ent.Field {
	return []ent.Field{field.String("account_id").GoType(pulid.ID("")).Immutable()}
}

func (m accountOwned) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref(m.ref).Field("account_id").
			Unique().Required().Immutable(),
	}
}

func (m accountOwned) Indexes() []ent.Index {
	return []ent.Index{index.Fields("account_id")}
}

// browsable marks an entity as a top-level Relay connection with filters.
func browsable() []schema.Annotation {
	return []schema.Annotation{entgql.QueryField(), entgql.RelayConnection(), entgql.MultiOrder()}
}

// connection marks a has-many edge as a paginated Relay connection.
func connection() schema.Annotation { return entgql.RelayConnection() }

// internal hides a field from the GraphQL schema entirely.
func internal() schema.Annotation { return entgql.Skip(entgql.SkipAll) }

// indexOn declares a plain composite index.
func indexOn(fields ...string) ent.Index { return index.Fields(fields...) }

// dateColumn stores a calendar date (birth dates, payout dates).
var dateColumn = map[string]string{
	dialect.SQLite:   "date",
	dialect.Postgres: "date",
}

// uniqueOn declares a composite unique index.
func uniqueOn(fields ...string) ent.Index { return index.Fields(fields...).Unique() }
