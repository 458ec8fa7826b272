package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Notification is one message to an account: kept in the in-app inbox and
// pushed to its devices. The event key dedupes: an account never gets the
// same event twice.
type Notification struct{ ent.Schema }

func (Notification) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("nt"), timestamps{}, accountOwned{ref: "notifications"}}
}

func (Notification) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Values("selection_result", "revocation_warning", "revoked",
			"payout_scheduled", "payout_sent", "payout_failed", "survey_available",
			"job_match", "complaint_reply").Annotations(entgql.OrderField("KIND")),
		field.String("event_key").NotEmpty().MaxLen(128).Immutable(),
		field.String("title").NotEmpty(),
		field.String("body").NotEmpty(),
		field.String("link").Default("/").Comment("deep link into the PWA"),
		field.JSON("data", map[string]string{}).Optional().Annotations(internal()),
		field.Time("expires_at").Optional().Nillable(),
		field.Enum("push_status").Values("pending", "sent", "failed", "suppressed", "no_device").
			Default("pending"),
		field.Time("pushed_at").Optional().Nillable(),
		field.Time("read_at").Optional().Nillable(),
	}
}

func (Notification) Indexes() []ent.Index {
	return []ent.Index{uniqueOn("account_id", "event_key"), indexOn("account_id", "created_at")}
}

func (Notification) Annotations() []schema.Annotation { return browsable() }

func (Notification) Policy() ent.Policy {
	return privatePolicy(rule.Private(rule.OwnAccount("account_id")),
		rule.OwnUpdates("account_id", rule.AccountOf, "read_at", "updated_at"))
}
