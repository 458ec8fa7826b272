package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
)

// RateLimit is one token bucket of internal/ratelimit, shared by every
// server instance on the store: the bucket of subject (a hashed client
// network, account, NIK...) within scope (sign-in codes, code guesses,
// failed registrations...). It is kept as the bucket's theoretical arrival
// time (GCRA): the moment the bucket is full again. A row whose tat has
// passed is a full bucket, the same as no row, and is deleted. Never exposed
// through GraphQL; only the system context reads it.
type RateLimit struct{ ent.Schema }

func (RateLimit) Mixin() []ent.Mixin { return []ent.Mixin{pulid.MixinWithPrefix("rl")} }

func (RateLimit) Fields() []ent.Field {
	return []ent.Field{
		field.String("scope").NotEmpty().MaxLen(32).Immutable(),
		field.String("subject").NotEmpty().MaxLen(64).Immutable().
			Comment("hex SHA-256 of the limited key: no phone, NIK or address is stored as typed"),
		field.Int64("tat").
			Comment("theoretical arrival time, Unix nanoseconds: the bucket is full again at tat"),
	}
}

func (RateLimit) Indexes() []ent.Index {
	return []ent.Index{index.Fields("scope", "subject").Unique(), indexOn("tat")}
}

func (RateLimit) Annotations() []schema.Annotation { return []schema.Annotation{internal()} }
func (RateLimit) Policy() ent.Policy               { return secretPolicy() }
