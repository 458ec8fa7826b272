package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"

	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/money"
)

// Wave (gelombang) is one selection round with a total quota and
// per-province quotas. Its lottery is committed before closing (commitment =
// hash of a secret seed) and the seed is revealed after selection.
type Wave struct{ ent.Schema }

func (Wave) Mixin() []ent.Mixin { return []ent.Mixin{pulid.MixinWithPrefix("wv"), timestamps{}} }

func (Wave) Fields() []ent.Field {
	return []ent.Field{
		field.Int("number").Unique().Positive().Annotations(entgql.OrderField("NUMBER")),
		field.String("name").NotEmpty().MaxLen(80),
		field.Time("opens_at").Annotations(entgql.OrderField("OPENS_AT")),
		field.Time("closes_at"),
		field.Enum("status").Values("draft", "open", "closed", "selecting", "announced").
			Default("draft").Annotations(entgql.OrderField("STATUS")),
		field.Int("quota").NonNegative(),
		field.Int64("training_balance").GoType(money.Rupiah(0)).Annotations(entgql.Type("Rupiah")).Default(1_000_000),
		field.String("commitment").Optional().Nillable().
			Comment("hex SHA-256 of the secret seed, published before closing"),
		field.String("seed").Optional().Nillable().Sensitive().
			Comment("revealed (published) after selection"),
		field.Time("selected_at").Optional().Nillable(),
		field.Time("announced_at").Optional().Nillable(),
		field.Time("opened_at").Optional().Nillable().Annotations(entgql.Skip()),
		field.Time("closed_at").Optional().Nillable().Annotations(entgql.Skip()),
		field.JSON("selection_steps", []SelectionStep{}).Optional().Annotations(entgql.Skip()).
			Comment("the selection run's steps, timed, written in the selection's transaction (Wave.phases)"),
	}
}

// SelectionStep is one timed step of a wave's selection run.
type SelectionStep struct {
	Name       string    `json:"name"` // e.g. selection.draw
	At         time.Time `json:"at"`   // when it ended
	DurationMs int64     `json:"durationMs"`
	Rows       int       `json:"rows"`
}

func (Wave) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("quotas", WaveQuota.Type),
		edge.To("applications", Application.Type).
			Annotations(connection(), entgql.Skip(entgql.SkipWhereInput)), // no existence oracle on applicants
	}
}

func (Wave) Annotations() []schema.Annotation { return browsable() }
func (Wave) Policy() ent.Policy               { return publicPolicy() }

// WaveQuota is the number of seats of one province in one wave.
type WaveQuota struct{ ent.Schema }

func (WaveQuota) Mixin() []ent.Mixin { return []ent.Mixin{pulid.MixinWithPrefix("wq")} }

func (WaveQuota) Fields() []ent.Field {
	return []ent.Field{
		field.String("wave_id").GoType(pulid.ID("")).Immutable(),
		field.String("province_id").GoType(pulid.ID("")).Immutable(),
		field.Int("quota").NonNegative(),
	}
}

func (WaveQuota) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("wave", Wave.Type).Ref("quotas").Field("wave_id").Unique().Required().Immutable(),
		edge.From("province", Province.Type).Ref("wave_quotas").Field("province_id").
			Unique().Required().Immutable(),
	}
}

func (WaveQuota) Indexes() []ent.Index {
	return []ent.Index{uniqueOn("wave_id", "province_id")}
}

func (WaveQuota) Policy() ent.Policy { return publicPolicy() }
