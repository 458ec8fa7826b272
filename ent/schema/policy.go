package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/privacy"

	"github.com/kartuprakerja/platform/internal/rule"
)

// publicPolicy: anyone reads (the catalogue, regions, waves); admins write.
func publicPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.Everyone()},
		Mutation: privacy.MutationPolicy{rule.AdminWrites()},
	}
}

// privatePolicy: reads go through read; writes are allowed by the given
// rules, then by admins, and refused otherwise. Domain services that have
// authorised a write themselves use rule.System.
func privatePolicy(read privacy.QueryRule, writes ...privacy.MutationRule) ent.Policy {
	m := append(privacy.MutationPolicy{}, writes...)
	m = append(m, rule.AdminWrites())
	return privacy.Policy{Query: privacy.QueryPolicy{read}, Mutation: m}
}

// secretPolicy: only the system context reads; writes only by the given
// rules (or the system context).
func secretPolicy(writes ...privacy.MutationRule) ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.Nobody()},
		Mutation: append(append(privacy.MutationPolicy{}, writes...), rule.DenyWrites()),
	}
}
