package schema

import (
	"time"

	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// DomainEvent is an event one domain publishes for others in the same
// transaction as the change it reports (a transactional outbox): the first
// certificate of a recipient, which the incentives consume. The key makes
// an event unique (one first certificate per recipient); consumers mark
// what they handled.
type DomainEvent struct{ ent.Schema }

func (DomainEvent) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ev")}
}

func (DomainEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable(),
		field.String("topic").NotEmpty().MaxLen(64).Immutable().Comment("e.g. certificate.first_issued"),
		field.String("key").Unique().NotEmpty().MaxLen(128).Immutable(),
		field.String("recipient_id").GoType(pulid.ID("")).Optional().Nillable().Immutable(),
		field.JSON("payload", map[string]string{}).Optional().Immutable(),
		field.Time("consumed_at").Optional().Nillable(),
	}
}

func (DomainEvent) Indexes() []ent.Index {
	return []ent.Index{indexOn("topic", "consumed_at")}
}

func (DomainEvent) Annotations() []schema.Annotation { return []schema.Annotation{internal()} }

// Policy: only the system reads and writes.
func (DomainEvent) Policy() ent.Policy { return secretPolicy() }
