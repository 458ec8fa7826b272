package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
)

// IdentityCheck records one verification of a recipient against Dukcapil or
// an exclusion registry, with its outcome: the explanation for a rejection.
type IdentityCheck struct{ ent.Schema }

func (IdentityCheck) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ic"), timestamps{}, recipientOwned{ref: "identity_checks"}}
}

func (IdentityCheck) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("registry").Values("dukcapil", "dapodik", "pddikti", "dtks", "pns",
			"kades", "bsu", "bpum", "prakerja").Annotations(entgql.OrderField("REGISTRY")),
		field.Enum("outcome").Values("pass", "fail", "error"),
		field.String("reason_code").Default(""),
	}
}

func (IdentityCheck) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.MultiOrder()}
}

func (IdentityCheck) Policy() ent.Policy {
	return privatePolicy(rule.Private(rule.OwnRecipient("recipient_id")))
}
