// Package app wires the services of the platform into one HTTP handler, for
// the serve command and for tests that exercise the whole stack.
package app

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/kartuprakerja/platform/console"
	"github.com/kartuprakerja/platform/graph"
	"github.com/kartuprakerja/platform/internal/auth"
	"github.com/kartuprakerja/platform/internal/certificate"
	"github.com/kartuprakerja/platform/internal/certificate/vc"
	"github.com/kartuprakerja/platform/internal/curation"
	"github.com/kartuprakerja/platform/internal/database"
	"github.com/kartuprakerja/platform/internal/journey"
	"github.com/kartuprakerja/platform/internal/marketplace"
	"github.com/kartuprakerja/platform/internal/partnerapi"
	"github.com/kartuprakerja/platform/internal/regions"
	"github.com/kartuprakerja/platform/internal/registry"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/search"
	"github.com/kartuprakerja/platform/internal/server"
	"github.com/kartuprakerja/platform/internal/sms"
	"github.com/kartuprakerja/platform/internal/support"
	"github.com/kartuprakerja/platform/internal/survey"
	"github.com/kartuprakerja/platform/internal/training"
	"github.com/kartuprakerja/platform/push"
	"github.com/kartuprakerja/platform/pwa"
)

// Config is what the wiring needs beyond the store.
type Config struct {
	Auth     auth.Config
	Server   server.Config
	Journey  journey.Config
	Registry registry.ClientConfig // BaseURL empty: the embedded registry
	SMS      sms.Sender            // nil logs messages
	Notifier journey.Notifier      // nil: the push service
	Push     push.Config           // zero: no FCM, no Web Push (the inbox still fills)
	Log      *slog.Logger
	// Certificates: the issuer's public URL and keys; zero: the demo key
	// under Journey.PublicURL (internal/certificate.DemoKeys).
	Certificates certificate.Config

	Limits        graph.Limits  // GraphQL limits; zero values: graph.DefaultLimits
	Introspection *bool         // nil: on when Server.PlaygroundPath is set
	SocketRecheck time.Duration // how often a websocket's credentials are checked again; 0: 30 s
	// ScheduleEvery is the period of the domains' schedules (the 30-day
	// rule, survey openings); zero is DefaultScheduleEvery.
	ScheduleEvery time.Duration
}

// DefaultScheduleEvery is the period of the domains' schedules when
// Config.ScheduleEvery is zero.
const DefaultScheduleEvery = time.Hour

// App is the wired platform.
type App struct {
	Handler http.Handler
	Auth    *auth.Service
	Journey *journey.Service
	Surveys *survey.Service
	Push    *push.Service // Start/Stop run the job queue: deliveries and the domains' schedules
	// Certificates issues (training.CertificateIssuer), verifies and revokes.
	Certificates *certificate.Service
	Training     *training.Service
}

// New wires the services over db.
func New(db *database.DB, cfg Config) (*App, error) {
	if cfg.SMS == nil {
		cfg.SMS = sms.LogSender{Log: cfg.Log}
	}
	if cfg.Log != nil {
		db.Client.Use(rule.LogSystemWrites(cfg.Log)) // system writes at debug, with their reason
	}
	if cfg.Journey == (journey.Config{}) {
		cfg.Journey = journey.DefaultConfig()
	}
	authn, err := auth.New(db.Client, cfg.SMS, cfg.Auth)
	if err != nil {
		return nil, err
	}
	pu, err := push.New(context.Background(), db, cfg.Push, cfg.Log)
	if err != nil {
		return nil, err
	}
	if cfg.Notifier == nil {
		cfg.Notifier = pu
	}
	jr, err := newJourney(db, cfg)
	if err != nil {
		return nil, err
	}
	sv := survey.New(survey.Deps{Client: db.Client, Dialect: db.Dialect, Log: cfg.Log}, survey.DefaultConfig())
	if cfg.ScheduleEvery <= 0 {
		cfg.ScheduleEvery = DefaultScheduleEvery
	}
	calls := partnerapi.NewCallLog(db.Client, cfg.Log)
	if err := pu.AddSchedules(append(schedules(jr, sv, pu, cfg.ScheduleEvery),
		partnerapi.NewPruneSchedule(calls, cfg.ScheduleEvery))...); err != nil {
		return nil, err
	}
	certs, err := newCertificates(db, cfg)
	if err != nil {
		return nil, err
	}
	tr := training.New(training.Deps{Client: db.Client, Dialect: db.Dialect, Issuer: certs, Log: cfg.Log},
		training.Config{PublicURL: cfg.Journey.PublicURL})
	market := marketplace.New(marketplace.Deps{Client: db.Client, Dialect: db.Dialect, Log: cfg.Log,
		PurchaseWithin: cfg.Journey.PurchaseWithin})
	services := graph.Services{Client: db.Client, Auth: authn, Journey: jr, Surveys: sv, Push: pu,
		Support:      support.New(db.Client),
		Market:       market,
		Certificates: certs, Training: tr,
		Search:   search.New(db),
		Curation: curation.New(curation.Deps{Client: db.Client, Dialect: db.Dialect, Log: cfg.Log, Refunder: market})}
	gql := graph.NewHandler(graph.NewSchema(services), graph.HandlerConfig{Log: cfg.Log,
		Operations: []graphql.OperationMiddleware{graph.Loaders(services)}, Limits: cfg.Limits,
		Introspection: cfg.introspection(),
		Calls:         calls,
		Websocket:     graph.WebsocketConfig{Authenticate: authn.Authenticate, Recheck: cfg.SocketRecheck}})
	h, err := server.New(cfg.Server, server.Deps{
		GraphQL: graph.WithUpgradeCredentials(gql), Auth: authn, Ready: db.Ping, PWA: pwa.Files(), Console: console.Files(), Log: cfg.Log,
		Routes: map[string]http.Handler{"/publication/": jr.PublicationHandler(),
			certificate.DIDPath: certs.DIDHandler(), vc.CertificatePath: certs.PageHandler(),
			"/xapi/": tr.Handler(authn)},
	})
	if err != nil {
		return nil, err
	}
	return &App{Handler: h, Auth: authn, Journey: jr, Surveys: sv, Push: pu, Certificates: certs, Training: tr}, nil
}

func newCertificates(db *database.DB, cfg Config) (*certificate.Service, error) {
	c := cfg.Certificates
	if c.PublicURL == "" {
		c.PublicURL = cfg.Journey.PublicURL
	}
	if c.Log == nil {
		c.Log = cfg.Log
	}
	return certificate.New(db.Client, c)
}

func (c Config) introspection() bool {
	if c.Introspection != nil {
		return *c.Introspection
	}
	return c.Server.PlaygroundPath != ""
}

func newJourney(db *database.DB, cfg Config) (*journey.Service, error) {
	rs, err := regions.Load()
	if err != nil {
		return nil, err
	}
	var pop registry.Population = registry.Embedded{Client: db.Client}
	var excl registry.Exclusions = registry.Embedded{Client: db.Client}
	if cfg.Registry.BaseURL != "" {
		c := registry.NewClient(cfg.Registry)
		pop, excl = c, c
	}
	return journey.New(journey.Deps{Client: db.Client, Population: pop, Exclusions: excl,
		Regions: rs, Notifier: cfg.Notifier, Dialect: db.Dialect, Log: cfg.Log}, cfg.Journey), nil
}

// schedules are the domains' periodic jobs, run by the job queue: river's
// elected leader enqueues each once a period across every instance.
func schedules(jr *journey.Service, sv *survey.Service, pu *push.Service, every time.Duration) []push.Schedule {
	return []push.Schedule{
		journey.NewPurchaseDeadlineSchedule(jr, every),
		survey.NewOpeningsSchedule(sv, surveyNotifier{pu}, every),
	}
}

// surveyNotifier turns survey openings into survey_available notifications
// (the survey package does not know push, nor push the survey package).
type surveyNotifier struct{ push *push.Service }

// SurveysOpened implements survey.OpeningsNotifier in one transaction.
func (n surveyNotifier) SurveysOpened(ctx context.Context, openings []survey.Opening) error {
	events := make([]push.Event, len(openings))
	for i, o := range openings {
		events[i] = push.SurveyAvailable(o.AccountID, o.Survey.ID, o.Survey.TitleID, o.Survey.TitleEn, o.Survey.Incentive, o.Window.Closes)
	}
	_, err := n.push.NotifyNow(ctx, events...)
	return err
}
