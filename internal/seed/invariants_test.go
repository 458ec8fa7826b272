package seed

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/selectionresult"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/msg"
	"github.com/kartuprakerja/platform/internal/rule"
)

// TestDemoWorldInvariants seeds a fresh store at two different presents and
// checks that the demo world does not contradict itself: the waves and the
// demo recipient's journey happen in order and before Now, each payout
// exists once, every notification's text names the date and amount of the
// row it speaks of, and balances are the wave's balance less the purchases.
func TestDemoWorldInvariants(t *testing.T) {
	for _, now := range []time.Time{
		time.Date(2026, time.December, 1, 12, 34, 0, 0, time.UTC),
		time.Date(2027, time.February, 28, 23, 30, 0, 0, time.UTC), // late evening UTC: the next day in WIB
	} {
		t.Run(now.Format(time.DateOnly), func(t *testing.T) {
			ctx := rule.System(context.Background(), "test")
			client := openClient(t, filepath.Join(t.TempDir(), "seed.db"))
			if _, err := Run(ctx, client, Options{Seed: 11, Recipients: 400, Now: now}); err != nil {
				t.Fatalf("Run: %v", err)
			}
			checkWaveOrder(t, ctx, client, now)
			checkDemoJourney(t, ctx, client, now)
			checkPayoutsOnce(t, ctx, client)
			checkDemoNotifications(t, ctx, client, now)
			checkBalances(t, ctx, client)
		})
	}
}

// checkWaveOrder: each wave opens, closes, is drawn and announced in order
// (with the times the console shows as its phases),
// before the next opens; the announced ones are past, the last open now.
func checkWaveOrder(t *testing.T, ctx context.Context, c *ent.Client, now time.Time) {
	t.Helper()
	waves := c.Wave.Query().Order(ent.Asc(wave.FieldNumber)).AllX(ctx)
	for i, w := range waves {
		if !w.OpensAt.Before(w.ClosesAt) {
			t.Errorf("wave %d closes %s before it opens %s", w.Number, w.ClosesAt, w.OpensAt)
		}
		if i > 0 && !waves[i-1].ClosesAt.Before(w.OpensAt) {
			t.Errorf("wave %d opens %s before wave %d closed", w.Number, w.OpensAt, waves[i-1].Number)
		}
		// The console's phases read when a wave was opened and closed.
		if w.OpenedAt == nil || !w.OpenedAt.Equal(w.OpensAt) {
			t.Errorf("wave %d (%s) opened at %v, want its opening %s", w.Number, w.Status, w.OpenedAt, w.OpensAt)
		}
		if w.Status != wave.StatusAnnounced {
			continue
		}
		if w.ClosedAt == nil || !w.ClosedAt.Equal(w.ClosesAt) {
			t.Errorf("wave %d closed at %v, want its closing %s", w.Number, w.ClosedAt, w.ClosesAt)
		}
		if w.SelectedAt == nil || w.AnnouncedAt == nil || !w.ClosesAt.Before(*w.SelectedAt) ||
			w.SelectedAt.After(*w.AnnouncedAt) || !w.AnnouncedAt.Before(now) {
			t.Errorf("wave %d: closes %s, selected %v, announced %v (now %s)", w.Number, w.ClosesAt, w.SelectedAt, w.AnnouncedAt, now)
		}
	}
	last := waves[len(waves)-1]
	if last.Status != wave.StatusOpen || !last.OpensAt.Before(now) || !last.ClosesAt.After(now) {
		t.Errorf("wave %d is %s from %s to %s, want open at %s", last.Number, last.Status, last.OpensAt, last.ClosesAt, now)
	}
	// The history ends shortly before Now: wave 22's payouts and surveys
	// are this year's, not five years later.
	if prev := waves[len(waves)-2]; now.Sub(*prev.AnnouncedAt) > 90*24*time.Hour {
		t.Errorf("wave %d announced %s, more than 90 days before %s", prev.Number, prev.AnnouncedAt, now)
	}
}

// demoRecipient loads the demo recipient with her whole journey.
func demoRecipient(t *testing.T, ctx context.Context, c *ent.Client) *ent.Recipient {
	t.Helper()
	r, err := c.Recipient.Query().Where(recipient.HasAccountWith(account.Phone(phoneDemoRecipient))).
		WithAccount().WithTestAttempts().WithApplications(func(q *ent.ApplicationQuery) { q.WithWave() }).
		WithPurchases().WithCertificates().WithPayouts().Only(ctx)
	if err != nil {
		t.Fatalf("demo recipient: %v", err)
	}
	return r
}

// dated is a step of a journey and when it happened.
type dated struct {
	name string
	at   time.Time
}

// checkDemoJourney: registration < test < wave < selection < acceptance <
// purchase < certificate < incentives < surveys, all before Now.
func checkDemoJourney(t *testing.T, ctx context.Context, c *ent.Client, now time.Time) {
	t.Helper()
	r := demoRecipient(t, ctx, c)
	app := r.Edges.Applications[0]
	w := app.Edges.Wave
	var firstSent, firstPurchase, cert time.Time
	for _, p := range r.Edges.Payouts {
		if p.Kind == payout.KindIncentive && p.Installment == 1 && p.SentAt != nil {
			firstSent = *p.SentAt
		}
	}
	firstPurchase = *r.FirstPurchaseAt
	cert = r.Edges.Certificates[0].IssuedAt
	steps := []dated{
		{"registration", r.Edges.Account.CreatedAt},
		{"verification", *r.VerifiedAt},
		{"ability test", *r.Edges.TestAttempts[0].SubmittedAt},
		{"wave opens", w.OpensAt},
		{"application", app.CreatedAt},
		{"wave closes", w.ClosesAt},
		{"selection", c.SelectionResult.Query().Where(selectionresult.ApplicationID(app.ID)).OnlyX(ctx).DecidedAt},
		{"announcement", *w.AnnouncedAt},
		{"acceptance", *r.AcceptedAt},
		{"first purchase", firstPurchase},
		{"certificate", cert},
		{"first incentive sent", firstSent},
	}
	for _, sv := range c.Survey.Query().AllX(ctx) {
		if sv.OpensAfterDays <= 30 { // Survei Evaluasi I and II: open in the demo
			steps = append(steps, dated{"survey " + sv.Code + " opens", firstSent.Add(time.Duration(sv.OpensAfterDays) * 24 * time.Hour)})
		}
	}
	steps = append(steps, dated{"now", now})
	for i := 1; i < len(steps); i++ {
		if steps[i].at.Before(steps[i-1].at) {
			t.Errorf("%s (%s) before %s (%s)", steps[i].name, steps[i].at, steps[i-1].name, steps[i-1].at)
		}
	}
	if w.Number != lastWave {
		t.Errorf("demo recipient in wave %d, want %d", w.Number, lastWave)
	}
}

// checkPayoutsOnce: no recipient has two payouts of one kind and instalment.
func checkPayoutsOnce(t *testing.T, ctx context.Context, c *ent.Client) {
	t.Helper()
	seen := map[string]bool{}
	for _, p := range c.Payout.Query().AllX(ctx) {
		k := fmt.Sprintf("%s/%s/%d", p.RecipientID, p.Kind, p.Installment)
		if seen[k] {
			t.Errorf("payout %s twice", k)
		}
		seen[k] = true
	}
}

// checkDemoNotifications: each payout notice names its payout's amount and
// (scheduled) its date as the day in WIB, and comes after what it reports;
// the selection notice names the wave and its balance; none is in the future.
func checkDemoNotifications(t *testing.T, ctx context.Context, c *ent.Client, now time.Time) {
	t.Helper()
	r := demoRecipient(t, ctx, c)
	byID := map[pulid.ID]*ent.Payout{}
	for _, p := range r.Edges.Payouts {
		if p.Kind == payout.KindIncentive {
			byID[p.ID] = p
		}
	}
	notes := c.Notification.Query().Where(notification.AccountID(r.AccountID)).AllX(ctx)
	payoutNotes := 0
	for _, n := range notes {
		if n.CreatedAt.After(now) {
			t.Errorf("notification %q dated %s, after now %s", n.Title, n.CreatedAt, now)
		}
		switch n.Kind {
		case notification.KindSelectionResult:
			w := r.Edges.Applications[0].Edges.Wave
			if !strings.Contains(n.Title, strconv.Itoa(w.Number)) || !strings.Contains(n.Body, msg.Money(msg.ID, int64(w.TrainingBalance))) {
				t.Errorf("selection notice %q / %q does not name wave %d and %s", n.Title, n.Body, w.Number, msg.Money(msg.ID, int64(w.TrainingBalance)))
			}
		case notification.KindPayoutSent, notification.KindPayoutScheduled:
			payoutNotes++
			p := byID[pulid.ID(n.EventKey[strings.LastIndex(n.EventKey, ":")+1:])]
			if p == nil {
				t.Errorf("notice %q speaks of a payout that does not exist", n.EventKey)
				continue
			}
			if !strings.Contains(n.Body, msg.Money(msg.ID, int64(p.Amount))) || !strings.Contains(n.Title, fmt.Sprintf("tahap %d", p.Installment)) {
				t.Errorf("notice %q / %q does not name instalment %d of %s", n.Title, n.Body, p.Installment, msg.Money(msg.ID, int64(p.Amount)))
			}
			checkPayoutNote(t, n, p)
		}
	}
	if payoutNotes == 0 {
		t.Error("no payout notices in the demo inbox")
	}
}

func checkPayoutNote(t *testing.T, n *ent.Notification, p *ent.Payout) {
	t.Helper()
	switch n.Kind {
	case notification.KindPayoutSent:
		if p.Status != payout.StatusSent || p.SentAt == nil || n.CreatedAt.Before(*p.SentAt) {
			t.Errorf("notice %q at %s, payout %s sent %v", n.EventKey, n.CreatedAt, p.Status, p.SentAt)
		}
	case notification.KindPayoutScheduled:
		want := msg.Date(msg.ID, p.ScheduledFor)
		if p.Status != payout.StatusScheduled || !strings.Contains(n.Body, want) {
			t.Errorf("notice %q says %q; payout %s scheduled for %s (WIB)", n.EventKey, n.Body, p.Status, want)
		}
	}
}

// checkBalances: every card holder's training balance is the wave's
// balance less the price of their purchases.
func checkBalances(t *testing.T, ctx context.Context, c *ent.Client) {
	t.Helper()
	rs := c.Recipient.Query().Where(recipient.StatusEQ(recipient.StatusRecipient)).
		WithPurchases().WithApplications(func(q *ent.ApplicationQuery) { q.WithWave() }).AllX(ctx)
	if len(rs) < 100 {
		t.Fatalf("%d card holders, want the demo's and the population's", len(rs))
	}
	for _, r := range rs {
		want := r.Edges.Applications[0].Edges.Wave.TrainingBalance
		for _, p := range r.Edges.Purchases {
			want -= p.Price
		}
		if r.TrainingBalance != want || want < 0 {
			t.Errorf("recipient %s: balance %d, want %d", r.ID, r.TrainingBalance, want)
		}
	}
	checkLedger(t, ctx, c)
}

// checkLedger: every recipient's balance is the sum of its ledger entries
// (grant and purchases), and no balance is negative.
func checkLedger(t *testing.T, ctx context.Context, c *ent.Client) {
	t.Helper()
	rs := c.Recipient.Query().WithBalanceEntries().AllX(ctx)
	entries := 0
	for _, r := range rs {
		var sum money.Rupiah
		for _, e := range r.Edges.BalanceEntries {
			sum += e.Amount
			entries++
		}
		if sum != r.TrainingBalance || r.TrainingBalance < 0 {
			t.Errorf("recipient %s (%s): balance %d, ledger sum %d", r.ID, r.Status, r.TrainingBalance, sum)
		}
	}
	if entries == 0 {
		t.Fatal("no ledger entries seeded")
	}
}
