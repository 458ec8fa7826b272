// Package graph owns the GraphQL resolvers. They are thin: reads go straight
// to ent (whose privacy rules filter them), writes call the domain services.
package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/graph/generated"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/certificate"
	"github.com/kartuprakerja/platform/internal/console"
	"github.com/kartuprakerja/platform/internal/curation"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/marketplace"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/search"
	"github.com/kartuprakerja/platform/internal/support"
	"github.com/kartuprakerja/platform/internal/survey"
	"github.com/kartuprakerja/platform/internal/training"
	"github.com/kartuprakerja/platform/internal/viewer"
	"github.com/kartuprakerja/platform/push"
)

// maxNodes bounds nodes(ids:).
const maxNodes = 100

// Resolver is the root resolver; it holds the services a request may use.
type Resolver struct {
	client  *ent.Client
	auth    *auth.Service
	journey *journey.Service
	surveys *survey.Service
	push    *push.Service
	support *support.Service
	console *console.Service
	market  *marketplace.Service

	certificates *certificate.Service
	training     *training.Service
	search       *search.Service
	curation     *curation.Service
}

// Services are what the resolvers call.
type Services struct {
	Client  *ent.Client
	Auth    *auth.Service
	Journey *journey.Service
	Surveys *survey.Service
	Push    *push.Service
	Support *support.Service
	Market  *marketplace.Service // purchases and the balance ledger

	Certificates *certificate.Service
	Training     *training.Service // the platforms' reports (GraphQL and xAPI)
	Search       *search.Service   // catalogue search
	Curation     *curation.Service // curation and reviews
}

// NewSchema returns the executable schema over the services.
func NewSchema(s Services) graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{
		Resolvers: &Resolver{client: s.Client, auth: s.Auth, journey: s.Journey, surveys: s.Surveys,
			push: s.Push, support: s.Support, console: console.New(s.Client), market: s.Market,
			certificates: s.Certificates, training: s.Training,
			search: s.Search, curation: s.Curation},
	})
}

// personalField returns a sensitive identity field to its owner, and null
// to everyone else: staff read it through revealRecipientIdentity, which
// takes a reason and audits it (internal/console).
func personalField(ctx context.Context, rec *ent.Recipient, value string) *string {
	if v := viewer.FromContext(ctx); v != nil && v.Role == viewer.RoleRecipient && v.RecipientID == rec.ID {
		return &value
	}
	return nil
}

// locale is the reader's language: "en" or Indonesian (msg.LocaleOf).
func locale(ctx context.Context) string { return msg.LocaleOf(ctx) }

// publicationURL is where an announced wave's lottery data is published.
func publicationURL(s *journey.Summary, file string) *string {
	if s.Wave.Status != wave.StatusAnnounced {
		return nil
	}
	u := fmt.Sprintf("/publication/waves/%d/%s", s.Wave.Number, file)
	return &u
}
