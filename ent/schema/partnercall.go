package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/privacy"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
)

// PartnerCall is one GraphQL request made with a partner's API key: the call
// log partners read for their organisation (admins for all). internal/partnerapi
// writes it, as the system, after the response is known; rows older than the
// retention period are deleted by a periodic job.
type PartnerCall struct{ ent.Schema }

func (PartnerCall) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("pc")}
}

func (PartnerCall) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.String("org_id").GoType(pulid.ID("")).Immutable().Annotations(internal()).
			Comment("the partner organisation of the key's account"),
		field.String("account_id").GoType(pulid.ID("")).Immutable().Annotations(internal()),
		field.String("api_key_prefix").Immutable().MaxLen(16),
		field.String("operation").Immutable().MaxLen(255).
			Comment("the operation name, else the root fields called"),
		field.String("status").Immutable().MaxLen(64).
			Annotations(entgql.OrderField("STATUS")).
			Comment("ok, or the first error's code"),
		field.String("error_message").Optional().Nillable().Immutable().MaxLen(500),
		field.Int("duration_ms").Immutable().Min(0).
			Annotations(entgql.OrderField("DURATION_MS")),
	}
}

func (PartnerCall) Indexes() []ent.Index {
	return []ent.Index{indexOn("org_id", "created_at"), indexOn("created_at")}
}

func (PartnerCall) Annotations() []schema.Annotation {
	return browsable()
}

// Policy: partners read their organisation's calls, admins all; only the
// system writes.
func (PartnerCall) Policy() ent.Policy {
	var scopes []rule.Scope
	for _, s := range orgFields {
		scopes = append(scopes, rule.Partner(s.role, "org_id"))
	}
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.Within(rule.NeedPartnerCalls(), scopes...)},
		Mutation: privacy.MutationPolicy{rule.DenyWrites()},
	}
}
