package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/privacy"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Application is a recipient's entry in one wave; its outcome, once the wave
// is drawn, is its SelectionResult.
type Application struct{ ent.Schema }

func (Application) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ap"), timestamps{}, recipientOwned{ref: "applications"}}
}

func (Application) Fields() []ent.Field {
	return []ent.Field{
		field.String("wave_id").GoType(pulid.ID("")).Immutable(),
		field.String("province_id").GoType(pulid.ID("")).Immutable().Annotations(internal()).
			Comment("the province whose quota the application competes for"),
	}
}

func (Application) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("wave", Wave.Type).Ref("applications").Field("wave_id").
			Unique().Required().Immutable(),
	}
}

func (Application) Indexes() []ent.Index {
	return []ent.Index{
		uniqueOn("recipient_id", "wave_id"),
		indexOn("wave_id"), // the wave's applicant list
	}
}

func (Application) Annotations() []schema.Annotation { return browsable() }

func (Application) Policy() ent.Policy {
	// A recipient enters itself into a wave (journey.JoinWave, after its
	// checks); every other write is the system's or an admin's.
	return privatePolicy(rule.Private(rule.OwnRecipient("recipient_id")),
		privacy.OnMutationOperation(rule.OwnWrites("recipient_id", rule.RecipientOf), ent.OpCreate))
}
