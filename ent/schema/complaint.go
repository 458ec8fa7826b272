package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/rule"
)

// Complaint is a ticket from the complaint form, live chat or call centre.
type Complaint struct{ ent.Schema }

func (Complaint) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("cp"), timestamps{}, accountOwned{ref: "complaints"}}
}

func (Complaint) Fields() []ent.Field {
	return []ent.Field{
		field.String("client_id").Unique().NotEmpty().MaxLen(64).Immutable(),
		field.Enum("channel").Values("form", "chat", "call"),
		field.Enum("category").Values("registration", "verification", "training", "incentive",
			"survey", "jobs", "other").Annotations(entgql.OrderField("CATEGORY")),
		field.String("subject").NotEmpty().MaxLen(200),
		field.Text("body"),
		field.Enum("status").Values("open", "answered", "closed").Default("open").
			Annotations(entgql.OrderField("STATUS")),
		field.Time("closed_at").Optional().Nillable(),
	}
}

func (Complaint) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("messages", ChatMessage.Type).Annotations(connection()),
	}
}

func (Complaint) Indexes() []ent.Index { return []ent.Index{indexOn("status", "created_at")} }

func (Complaint) Annotations() []schema.Annotation { return browsable() }

func (Complaint) Policy() ent.Policy {
	return privatePolicy(rule.Private(rule.OwnAccount("account_id")),
		rule.OwnWrites("account_id", rule.AccountOf))
}

// ChatMessage is one message in a complaint's conversation, from the
// complainant or a support agent.
type ChatMessage struct{ ent.Schema }

func (ChatMessage) Mixin() []ent.Mixin {
	return []ent.Mixin{pulid.MixinWithPrefix("cm"), timestamps{}}
}

func (ChatMessage) Fields() []ent.Field {
	return []ent.Field{
		field.String("complaint_id").GoType(pulid.ID("")).Immutable(),
		field.String("sender_id").GoType(pulid.ID("")).Immutable(),
		field.String("client_id").Unique().NotEmpty().MaxLen(64).Immutable(),
		field.Text("body"),
	}
}

func (ChatMessage) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("complaint", Complaint.Type).Ref("messages").Field("complaint_id").
			Unique().Required().Immutable(),
		edge.From("sender", Account.Type).Ref("chat_messages").Field("sender_id").
			Unique().Required().Immutable(),
	}
}

func (ChatMessage) Indexes() []ent.Index { return []ent.Index{indexOn("complaint_id", "created_at")} }

func (ChatMessage) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

func (ChatMessage) Policy() ent.Policy {
	return privatePolicy(rule.Private(rule.OwnAccountVia("complaint", "account_id")))
}
