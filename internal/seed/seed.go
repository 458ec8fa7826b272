// Package seed owns the demo data set: a synthetic Kartu Prakerja world
// generated from a seed number. It writes the regions, the partner
// organisations and the training catalogue, the waves of 2021 and one open
// wave, the evaluation surveys, the ability-test question bank, staff and
// partner accounts with fixed demo phones, a synthetic population in the
// embedded registry and a chosen number of recipients with the report's mix,
// plus one demo recipient whose journey is complete.
//
// The same seed yields the same rows: identifiers, NIKs, birth dates,
// phones, names and the order and spacing of every date. The dates follow
// Options.Now: the history of the 2021 program (waves 12-22 at their 2021
// rhythm) is moved by a whole number of days so that wave 22 was announced
// about two months before Now and wave 23 is open at Now; identifiers are
// made from the unshifted times, so they do not change with Now.
package seed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	_ "github.com/kartuprakerja/platform/ent/runtime" // privacy policies, hooks and defaults
	"github.com/kartuprakerja/platform/internal/regions"
	"github.com/kartuprakerja/platform/internal/rule"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// ErrAlreadySeeded is returned when the database already holds reference
// data: seeding twice would collide, and seeding over real data must never
// happen. The caller decides what to do (start from an empty database).
var ErrAlreadySeeded = errors.New("seed: the database already holds data (provinces exist); seed an empty database")

// Options configure a run.
type Options struct {
	Seed       int64        // the same seed yields the same rows
	Recipients int          // synthetic recipients, besides the demo recipient
	Now        time.Time    // the present of the demo; zero means time.Now()
	Logger     *slog.Logger // progress logs; nil discards them
	// Parallel lets two goroutines share each write transaction (see
	// writeSegment). Only SQLite runs statements that way; PostgreSQL's
	// driver returns the inserted ids as rows, which cannot interleave.
	Parallel bool
	// Certificates signs the seeded certificates' credentials; nil: the
	// demo key under the default public URL (internal/certificate.DemoKeys).
	Certificates CertificateSigner
}

// Summary counts what a run wrote and lists the demo accounts.
type Summary struct {
	Provinces, Regencies                                   int
	Platforms, Institutions, Courses                       int
	PaymentPartners, JobPortals, Vacancies                 int
	Waves, WaveQuotas, Surveys, SurveyQuestions, Questions int
	Accounts, Recipients, RegistryPeople, Applications     int
	Purchases, Certificates, Reviews                       int
	LinkedAccounts, Payouts, Notifications                 int
	DemoAccounts                                           []DemoAccount
	Elapsed                                                time.Duration
}

// DemoAccount is an account with a fixed phone for signing in to the demo.
type DemoAccount struct {
	Phone string
	Role  viewer.Role
	Name  string // display name
	Org   string // the partner organisation, for partner accounts
}

// String renders the summary for a command's output.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "seeded in %s\n", s.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(&b, "  regions: %d provinces, %d regencies\n", s.Provinces, s.Regencies)
	fmt.Fprintf(&b, "  catalogue: %d platforms, %d institutions, %d courses\n", s.Platforms, s.Institutions, s.Courses)
	fmt.Fprintf(&b, "  partners: %d payment partners, %d job portals, %d vacancies\n", s.PaymentPartners, s.JobPortals, s.Vacancies)
	fmt.Fprintf(&b, "  waves: %d (%d quotas); surveys: %d (%d questions); test questions: %d\n",
		s.Waves, s.WaveQuotas, s.Surveys, s.SurveyQuestions, s.Questions)
	fmt.Fprintf(&b, "  people: %d accounts, %d recipients, %d registry people, %d applications\n",
		s.Accounts, s.Recipients, s.RegistryPeople, s.Applications)
	fmt.Fprintf(&b, "  journeys: %d purchases, %d certificates, %d reviews, %d linked accounts, %d payouts, %d notifications\n",
		s.Purchases, s.Certificates, s.Reviews, s.LinkedAccounts, s.Payouts, s.Notifications)
	b.WriteString("  demo accounts (sign in by phone):\n")
	for _, a := range s.DemoAccounts {
		fmt.Fprintf(&b, "    %-15s %-21s %s", a.Phone, a.Role, a.Name)
		if a.Org != "" && !strings.Contains(a.Name, a.Org) {
			fmt.Fprintf(&b, " (%s)", a.Org)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Run writes the demo data set through client. It refuses a database that
// already holds provinces (ErrAlreadySeeded). The reference data and the
// catalogue are written in one transaction; recipients follow in
// transactions of a few thousand, so a failed run can leave part of the
// population behind: start again from an empty database.
func Run(ctx context.Context, client *ent.Client, opts Options) (Summary, error) {
	start := time.Now()
	opts, err := opts.normalized()
	if err != nil {
		return Summary{}, err
	}
	ctx = rule.System(ctx, "seed")
	n, err := client.Province.Query().Count(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("seed: check for existing data: %w", err)
	}
	if n > 0 {
		return Summary{}, ErrAlreadySeeded
	}
	set, err := regions.Load()
	if err != nil {
		return Summary{}, fmt.Errorf("seed: %w", err)
	}
	var sum Summary
	w, err := writeWorld(ctx, client, opts, set, &sum)
	if err != nil {
		return sum, err
	}
	opts.Logger.Info("seed: reference data written", "courses", sum.Courses, "elapsed", time.Since(start).Round(time.Millisecond))
	if err := writeDemoRecipient(ctx, client, opts, w, &sum); err != nil {
		return sum, fmt.Errorf("seed demo recipient: %w", err)
	}
	if err := writePopulation(ctx, client, opts, w, &sum); err != nil {
		return sum, fmt.Errorf("seed recipients: %w", err)
	}
	if err := updateCourseStats(ctx, client, w); err != nil {
		return sum, fmt.Errorf("seed course stats: %w", err)
	}
	signStart := time.Now()
	signed, err := signCertificates(ctx, client, opts)
	if err != nil {
		return sum, err
	}
	opts.Logger.Info("seed: certificates signed", "certificates", signed, "elapsed", time.Since(signStart).Round(time.Millisecond))
	sum.Elapsed = time.Since(start)
	opts.Logger.Info("seed: done", "recipients", sum.Recipients, "registry_people", sum.RegistryPeople,
		"elapsed", sum.Elapsed.Round(time.Millisecond))
	return sum, nil
}

func (o Options) normalized() (Options, error) {
	if o.Recipients < 0 || o.Recipients > MaxRecipients {
		return o, fmt.Errorf("seed: recipients must be 0-%d, got %d", MaxRecipients, o.Recipients)
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	o.Now = o.Now.UTC().Truncate(time.Second)
	if o.Now.Before(earliestNow) {
		return o, fmt.Errorf("seed: now (%s) must be from %s", o.Now.Format(time.DateOnly), earliestNow.Format(time.DateOnly))
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return o, nil
}

// earliestNow is the earliest present the demo world accepts: one where the
// history is moved forward, never back before 2021.
var earliestNow = time.Date(2022, time.March, 1, 0, 0, 0, 0, time.UTC)

// Streams of the random source. Every part of the data set draws from its own
// stream, so the catalogue does not change with the number of recipients.
const (
	streamRegions uint64 = iota + 1
	streamCatalogue
	streamPartners
	streamWaves
	streamSurveys
	streamQuestions
	streamVacancies
	streamAccounts
	streamDemo
	streamPopulation
	streamIdentities
)

// rng returns the random source of one stream of the seed.
func (o Options) rng(stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(o.Seed), stream))
}
