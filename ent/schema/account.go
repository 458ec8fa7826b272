package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/privacy"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Account is anyone who signs in: applicants and recipients by phone, staff,
// and partner organisations' service accounts (which use API keys).
type Account struct{ ent.Schema }

func (Account) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ac"), timestamps{}}
}

func (Account) Fields() []ent.Field {
	return []ent.Field{
		field.String("phone").Unique().NotEmpty().MaxLen(16).
			Comment("E.164, +62…; one phone, one account"),
		field.Enum("role").GoType(viewer.Role("")).Default(string(viewer.RoleRecipient)),
		field.String("display_name").Default("").MaxLen(120),
		field.Enum("locale").Values("id", "en").Default("id"),
		field.Bool("data_saver").Default(false),
		field.Strings("muted_kinds").Optional().
			Comment("notification kinds the account switched off"),
		field.Int("quiet_start_minute").Default(21 * 60).Min(0).Max(24*60 - 1),
		field.Int("quiet_end_minute").Default(6 * 60).Min(0).Max(24*60 - 1),
		field.Int("daily_push_cap").Default(5).Min(1).Max(50),
		field.Time("last_sign_in_at").Optional().Nillable(),
		field.Time("disabled_at").Optional().Nillable(),
		field.String("training_institution_id").GoType(pulid.ID("")).Optional().Nillable(),
		field.String("digital_platform_id").GoType(pulid.ID("")).Optional().Nillable(),
		field.String("payment_partner_id").GoType(pulid.ID("")).Optional().Nillable(),
		field.String("job_portal_id").GoType(pulid.ID("")).Optional().Nillable(),
	}
}

func (Account) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("recipient", Recipient.Type).Unique(),
		edge.To("sessions", Session.Type).Annotations(internal()),
		edge.To("api_keys", APIKey.Type).Annotations(entgql.Skip(entgql.SkipAll)), // Account.apiKeys in partner.graphql
		edge.To("devices", Device.Type).Annotations(connection()),
		edge.To("notifications", Notification.Type).Annotations(connection()),
		edge.To("complaints", Complaint.Type).Annotations(connection()),
		edge.To("chat_messages", ChatMessage.Type).Annotations(internal()),
		edge.From("training_institution", TrainingInstitution.Type).Ref("accounts").
			Field("training_institution_id").Unique(),
		edge.From("digital_platform", DigitalPlatform.Type).Ref("accounts").
			Field("digital_platform_id").Unique(),
		edge.From("payment_partner", PaymentPartner.Type).Ref("accounts").
			Field("payment_partner_id").Unique(),
		edge.From("job_portal", JobPortal.Type).Ref("accounts").
			Field("job_portal_id").Unique(),
	}
}

func (Account) Annotations() []schema.Annotation { return browsable() }

func (Account) Policy() ent.Policy {
	// Partner operators also read their organisation's other accounts
	// (TrainingInstitution.operators and the like).
	scopes := append(orgScopes(), rule.OwnAccount("id"))
	return privatePolicy(rule.Private(scopes...),
		privacy.OnMutationOperation(rule.OwnWrites("id", rule.AccountOf), ent.OpUpdateOne))
}

// Session is a revocable sign-in. Only the SHA-256 of the token is stored.
type Session struct{ ent.Schema }

func (Session) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ss"), timestamps{}, accountOwned{ref: "sessions"}}
}

func (Session) Fields() []ent.Field {
	return []ent.Field{
		field.Bytes("token_hash").Unique().Sensitive().NotEmpty(),
		field.Time("expires_at"),
		field.Time("revoked_at").Optional().Nillable(),
		field.String("user_agent").Default("").MaxLen(255),
	}
}

func (Session) Annotations() []schema.Annotation { return []schema.Annotation{internal()} }
func (Session) Policy() ent.Policy               { return secretPolicy() }

// OtpChallenge is a one-time sign-in code sent by SMS; only its keyed hash is stored.
type OtpChallenge struct{ ent.Schema }

func (OtpChallenge) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ot"), timestamps{}}
}

func (OtpChallenge) Fields() []ent.Field {
	return []ent.Field{
		field.String("phone").NotEmpty().MaxLen(16),
		field.Bytes("code_hash").Sensitive().NotEmpty(),
		field.Time("expires_at"),
		field.Int("attempts").Default(0),
		field.Time("used_at").Optional().Nillable(),
	}
}

func (OtpChallenge) Indexes() []ent.Index { return []ent.Index{indexOn("phone", "created_at")} }
func (OtpChallenge) Annotations() []schema.Annotation {
	return []schema.Annotation{internal()}
}
func (OtpChallenge) Policy() ent.Policy { return secretPolicy() }

// APIKey authenticates a partner's service account. The key is shown once;
// the prefix finds the row and only the SHA-256 of the secret is stored.
// Scopes name what the key may call (internal/partnerapi). Admins read every
// key, partner operators their organisation's, nobody else any; the
// secret's hash never leaves the store.
type APIKey struct{ ent.Schema }

func (APIKey) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("ak"), timestamps{}, accountOwned{ref: "api_keys"}}
}

func (APIKey) Fields() []ent.Field {
	return []ent.Field{
		field.String("prefix").Unique().NotEmpty().MaxLen(16),
		field.Bytes("secret_hash").Sensitive().NotEmpty().Annotations(internal()),
		field.String("label").Default("").MaxLen(120),
		field.Strings("scopes").Default([]string{}).Annotations(entsql.Default("[]")), // keys issued before scopes: none
		field.Time("last_used_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable(),
	}
}

func (APIKey) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipWhereInput)}
}

// Policy: keys are written by internal/auth after its own checks (system
// context); reads follow AdminOr with the key's account's organisation.
func (APIKey) Policy() ent.Policy {
	var scopes []rule.Scope
	for _, s := range orgFields {
		scopes = append(scopes, rule.PartnerVia(s.role, "account", s.field))
	}
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.Within(rule.NeedPartnerKeys(), scopes...)},
		Mutation: privacy.MutationPolicy{rule.DenyWrites()},
	}
}

// orgFields are the account columns naming each kind of partner's organisation.
var orgFields = []struct {
	role  viewer.Role
	field string
}{
	{viewer.RoleInstitution, "training_institution_id"},
	{viewer.RolePlatform, "digital_platform_id"},
	{viewer.RolePaymentPartner, "payment_partner_id"},
	{viewer.RoleJobPortal, "job_portal_id"},
}

// orgScopes scope accounts to the partner operator's organisation.
func orgScopes() []rule.Scope {
	var out []rule.Scope
	for _, s := range orgFields {
		out = append(out, rule.Partner(s.role, s.field))
	}
	return out
}
