package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Device is a push endpoint of an account: an FCM registration token (the
// Android app) or a standard Web Push subscription (the PWA).
type Device struct{ ent.Schema }

func (Device) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("dv"), timestamps{}, accountOwned{ref: "devices"}}
}

func (Device) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Values("fcm", "webpush"),
		field.String("token").Unique().NotEmpty().MaxLen(1024).Sensitive().Annotations(internal()).
			Comment("FCM token or Web Push endpoint URL"),
		field.String("p256dh").Optional().Sensitive().Annotations(internal()),
		field.String("auth_secret").Optional().Sensitive().Annotations(internal()),
		field.String("label").Default("").MaxLen(120),
		field.Time("last_seen_at").Optional().Nillable(),
		field.Time("disabled_at").Optional().Nillable(),
		field.String("disabled_reason").Optional().Nillable(),
	}
}

func (Device) Annotations() []schema.Annotation { return browsable() }

func (Device) Policy() ent.Policy {
	return privatePolicy(rule.Private(rule.OwnAccount("account_id")),
		rule.OwnWrites("account_id", rule.AccountOf))
}
