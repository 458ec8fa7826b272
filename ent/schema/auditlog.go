package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/privacy"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
)

// AuditLog is an append-only record of an action on personal data, money, a
// wave seat or a revocation: who did what to which row, and why.
type AuditLog struct{ ent.Schema }

func (AuditLog) Mixin() []ent.Mixin { return []ent.Mixin{pulid.MixinWithPrefix("al")} }

func (AuditLog) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Immutable().Annotations(entgql.OrderField("CREATED_AT")),
		field.String("actor_id").GoType(pulid.ID("")).Optional().Annotations(entgql.Type("ID")).Immutable().Comment("empty for the system"),
		field.String("actor_role").Default("system").Immutable(),
		field.String("action").NotEmpty().Immutable().Annotations(entgql.OrderField("ACTION")),
		field.String("target_type").Default("").Immutable(),
		field.String("target_id").GoType(pulid.ID("")).Optional().Annotations(entgql.Type("ID")).Immutable(),
		field.String("reason").Default("").Immutable(),
		field.JSON("detail", map[string]string{}).Optional().Immutable().Annotations(internal()),
	}
}

func (AuditLog) Indexes() []ent.Index {
	return []ent.Index{indexOn("target_id", "created_at"), indexOn("actor_id", "created_at")}
}

func (AuditLog) Annotations() []schema.Annotation { return browsable() }

func (AuditLog) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.StaffOnly(rule.NeedAudit().Roles...)},
		Mutation: privacy.MutationPolicy{rule.DenyWrites()},
	}
}
