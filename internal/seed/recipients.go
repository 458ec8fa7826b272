package seed

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/application"
	"github.com/kartuprakerja/platform/ent/linkedaccount"
	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/registryperson"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Shares of the recipients' journeys.
const (
	shareAccepted  = 0.85 // card holders of waves 12-22
	shareVerified  = 0.12 // verified, applying to the open wave; the rest only registered
	shareCompleted = 0.25 // of the card holders: a completed training with a certificate
	sharePaid      = 0.40 // of those: a linked account and the first incentive sent
	shareReviewed  = 0.70 // of those with a certificate: a review
)

// Batching. A batch of recipients is generated while the previous one is
// written; a transaction commits every commitEvery recipients (about five
// rows each), which keeps SQLite's write-ahead log small.
const (
	batchSize   = 1_000
	commitEvery = 10_000
)

// batch holds the rows of batchSize recipients, ready to insert.
type batch struct {
	recipients   int
	accounts     []*ent.AccountCreate
	rows         []*ent.RecipientCreate
	people       []*ent.RegistryPersonCreate
	applications []*ent.ApplicationCreate
	purchases    []*ent.PurchaseCreate
	certificates []*ent.CertificateCreate
	reviews      []*ent.ReviewCreate
	linked       []*ent.LinkedAccountCreate
	payouts      []*ent.PayoutCreate
}

// write inserts the batch in foreign-key order. Statement sizes keep rows ×
// columns under SQLite's 32,766 bound variables.
func (b *batch) write(ctx context.Context, tx *ent.Tx) error {
	steps := []struct {
		name string
		run  func() error
	}{
		{"accounts", func() error { return bulk(ctx, b.accounts, 2000, tx.Account.CreateBulk) }},
		{"recipients", func() error { return bulk(ctx, b.rows, 1000, tx.Recipient.CreateBulk) }},
		{"registry people", func() error { return bulk(ctx, b.people, 2000, tx.RegistryPerson.CreateBulk) }},
		{"applications", func() error { return bulk(ctx, b.applications, 2000, tx.Application.CreateBulk) }},
		{"purchases", func() error { return bulk(ctx, b.purchases, 2000, tx.Purchase.CreateBulk) }},
		{"certificates", func() error { return bulk(ctx, b.certificates, 2000, tx.Certificate.CreateBulk) }},
		{"reviews", func() error { return bulk(ctx, b.reviews, 2000, tx.Review.CreateBulk) }},
		{"linked accounts", func() error { return bulk(ctx, b.linked, 2000, tx.LinkedAccount.CreateBulk) }},
		{"payouts", func() error { return bulk(ctx, b.payouts, 2000, tx.Payout.CreateBulk) }},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return nil
}

func (b *batch) count(sum *Summary) {
	sum.Accounts += len(b.accounts)
	sum.Recipients += len(b.rows)
	sum.RegistryPeople += len(b.people)
	sum.Applications += len(b.applications)
	sum.Purchases += len(b.purchases)
	sum.Certificates += len(b.certificates)
	sum.Reviews += len(b.reviews)
	sum.LinkedAccounts += len(b.linked)
	sum.Payouts += len(b.payouts)
}

// writePopulation generates the recipients in one goroutine and writes them
// in this one, so generation and SQLite share the two cores.
func writePopulation(ctx context.Context, client *ent.Client, opts Options, w *world, sum *Summary) error {
	if opts.Recipients == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	gen := newRecipientGen(w, client, opts)
	batches := make(chan *batch, 2)
	go gen.produce(ctx, batches)
	err := consume(ctx, client, opts, batches, sum)
	if err != nil {
		cancel()
		for range batches { // let the producer finish
		}
	}
	return err
}

// consume writes the batches, committing every commitEvery recipients.
func consume(ctx context.Context, client *ent.Client, opts Options, batches <-chan *batch, sum *Summary) error {
	start := time.Now()
	var tx *ent.Tx
	pending, done := 0, 0
	for b := range batches {
		if tx == nil {
			var err error
			if tx, err = client.Tx(ctx); err != nil {
				return fmt.Errorf("begin: %w", err)
			}
		}
		if err := b.write(ctx, tx); err != nil {
			_ = tx.Rollback()
			return err
		}
		b.count(sum)
		pending += b.recipients
		done += b.recipients
		if pending >= commitEvery {
			if err := tx.Commit(); err != nil {
				return fmt.Errorf("commit: %w", err)
			}
			tx, pending = nil, 0
			opts.Logger.Info("seed: recipients", "written", done, "of", opts.Recipients,
				"elapsed", time.Since(start).Round(time.Millisecond))
		}
	}
	if err := ctx.Err(); err != nil {
		if tx != nil {
			_ = tx.Rollback()
		}
		return err
	}
	if tx != nil {
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("commit: %w", err)
		}
	}
	return nil
}

// recipientGen draws recipients and their journeys. One goroutine uses it.
// Builders are made from the root client and executed by a transaction's
// client: a builder holds no connection, only its mutation and hooks.
type recipientGen struct {
	w      *world
	client *ent.Client
	r      *rand.Rand
	pop    *population
	ids    identities
	now    time.Time
	total  int
	start  time.Time     // of registrations
	step   time.Duration // between registrations
	seq    int           // purchases, certificates and payouts so far
	rural  [2]float64    // chance of a rural area in a kabupaten and in a kota
}

func newRecipientGen(w *world, client *ent.Client, opts Options) *recipientGen {
	r := opts.rng(streamPopulation)
	g := &recipientGen{
		w: w, client: client, r: r, pop: newPopulation(w, r), ids: newIdentities(opts.rng(streamIdentities), opts.Recipients),
		now: opts.Now, total: opts.Recipients, start: firstWaveOpens.AddDate(0, 0, -14),
	}
	g.pop.reserve(demoNIK)
	end := w.waves[len(w.waves)-1].closes.AddDate(0, 0, -3)
	g.step = end.Sub(g.start) / time.Duration(g.total)
	// 10% of city dwellers count as rural; kabupaten make up the rest of 62%.
	g.rural[1] = 0.10
	g.rural[0] = (shareRural - g.rural[1]*w.kotaShare) / (1 - w.kotaShare)
	return g
}

// produce sends batches until every recipient is drawn or ctx is done.
func (g *recipientGen) produce(ctx context.Context, out chan<- *batch) {
	defer close(out)
	for i := 0; i < g.total; {
		b := &batch{}
		for ; b.recipients < batchSize && i < g.total; i++ {
			g.add(b, i)
			b.recipients++
		}
		select {
		case out <- b:
		case <-ctx.Done():
			return
		}
	}
}

// add draws recipient i: the account, the registry entry, the recipient row
// and, by status, the application and the journey so far; now and then an
// unregistered person of the population too.
func (g *recipientGen) add(b *batch, i int) {
	r := g.r
	reg := g.start.Add(time.Duration(i)*g.step + time.Duration(r.Float64()*float64(g.step)))
	regency := g.w.pickRegency(r)
	per := g.pop.draw(regency, r.Float64() < shareFemale, drawAge(r), reg)
	accountID := pulid.Deterministic("ac", reg, r)
	recipientID := pulid.Deterministic("rc", reg, r)
	phone := g.ids.phone(i+1, r)
	b.accounts = append(b.accounts, g.client.Account.Create().SetID(accountID).SetPhone(phone).
		SetRole(viewer.RoleRecipient).SetDisplayName(per.name).SetCreatedAt(reg).SetUpdatedAt(reg))
	b.people = append(b.people, g.personBuilder(per, reg))
	rc := g.recipientBuilder(per, recipientID, accountID, reg)
	switch x := r.Float64(); {
	case x < shareAccepted:
		g.accept(b, rc, recipientID, per, reg, i, phone)
	case x < shareAccepted+shareVerified:
		g.verify(b, rc, recipientID, per, reg)
	default:
		rc.SetStatus(recipient.StatusRegistered)
	}
	b.rows = append(b.rows, rc)
	if r.Float64() < shareUnregistered {
		b.people = append(b.people, g.personBuilder(g.pop.drawUnregistered(reg), reg))
	}
}

func (g *recipientGen) personBuilder(p person, at time.Time) *ent.RegistryPersonCreate {
	b := g.client.RegistryPerson.Create().SetID(pulid.Deterministic("rp", at, g.r)).
		SetNik(p.nik).SetKkNumber(p.kk).SetFullName(p.name).SetBirthDate(p.birth).
		SetBirthPlace(p.birthPlace).SetGender(registryperson.Gender(gender(p.female))).
		SetMotherMaidenName(p.mother).SetDeceased(p.deceased)
	if len(p.exclusions) > 0 {
		b.SetExclusions(p.exclusions)
	}
	return b
}

// recipientBuilder fills in who the recipient is, with the report's mix.
func (g *recipientGen) recipientBuilder(p person, id, accountID pulid.ID, reg time.Time) *ent.RecipientCreate {
	r := g.r
	rg := g.w.regencies[p.regency]
	kota := 0
	if rg.kota {
		kota = 1
	}
	area := recipient.AreaUrban
	if r.Float64() < g.rural[kota] {
		area = recipient.AreaRural
	}
	return g.client.Recipient.Create().SetID(id).SetAccountID(accountID).
		SetNik(p.nik).SetKkNumber(p.kk).SetFullName(p.name).SetBirthDate(p.birth).SetBirthPlace(p.birthPlace).
		SetGender(recipient.Gender(gender(p.female))).SetRegencyID(rg.id).SetArea(area).
		SetEducation(recipient.Education(pickWeighted(r, educationWeights))).
		SetEmployment(recipient.Employment(pickWeighted(r, employmentWeights))).
		SetHasDisability(r.Float64() < shareDisability).
		SetFormerMigrantWorker(r.Float64() < shareMigrant).
		SetHadFinancialAccount(r.Float64() >= shareNoAccount).
		SetCreatedAt(reg).SetUpdatedAt(reg)
}

// educationWeights: 18% primary school only (report); the rest estimated.
var educationWeights = []weighted{
	{"primary", 18}, {"junior_secondary", 22}, {"senior_secondary", 45},
	{"diploma", 5}, {"bachelor", 9.5}, {"postgraduate", 0.5},
}

// employmentWeights: 90% not working when they registered (report).
var employmentWeights = []weighted{{"not_working", 90}, {"self_employed", 6}, {"employed", 4}}

func gender(female bool) string {
	if female {
		return "female"
	}
	return "male"
}

// accept makes the recipient a card holder of the first wave that closed
// after their verification, selected in that wave's draw for the province.
func (g *recipientGen) accept(b *batch, rc *ent.RecipientCreate, id pulid.ID, p person, reg time.Time, i int, phone string) {
	r := g.r
	verified := reg.Add(time.Duration(10+r.IntN(48*60)) * time.Minute)
	wi, ok := g.waveIndex(verified)
	if !ok {
		g.verify(b, rc, id, p, reg)
		return
	}
	wv := g.w.waves[wi]
	province := g.w.regencies[p.regency].province
	g.w.ranks[wi][province]++
	applied := verified
	if applied.Before(wv.opens) {
		applied = wv.opens.Add(time.Duration(r.IntN(24*60)) * time.Minute)
	}
	b.applications = append(b.applications, g.client.Application.Create().
		SetID(pulid.Deterministic("ap", applied, r)).SetRecipientID(id).SetWaveID(wv.id).
		SetProvinceID(g.w.provinces[province].id).SetStatus(application.StatusSelected).
		SetRank(g.w.ranks[wi][province]).SetDecidedAt(wv.selected).
		SetCreatedAt(applied).SetUpdatedAt(wv.selected))
	accepted := wv.announced.Add(time.Duration(r.IntN(6*60)) * time.Minute)
	balance := wv.balance
	firstPurchase := accepted.Add(time.Duration(1+r.IntN(25*24)) * time.Hour)
	if r.Float64() < shareCompleted {
		var price money.Rupiah
		firstPurchase, price = g.completeTraining(b, id, accepted, phone)
		balance -= price
	}
	rc.SetStatus(recipient.StatusRecipient).SetVerifiedAt(verified).SetAcceptedAt(accepted).
		SetCardNumber(g.ids.card(i+1, r)).SetTrainingBalance(balance).
		SetFirstPurchaseAt(firstPurchase).SetUpdatedAt(firstPurchase)
}

func (g *recipientGen) waveIndex(t time.Time) (int, bool) {
	for i, wv := range g.w.waves {
		if wv.closes.After(t) {
			return i, true
		}
	}
	return 0, false
}

// verify makes the recipient a verified applicant waiting in the open wave.
func (g *recipientGen) verify(b *batch, rc *ent.RecipientCreate, id pulid.ID, p person, reg time.Time) {
	r := g.r
	verified := reg.Add(time.Duration(10+r.IntN(48*60)) * time.Minute)
	open := g.w.openWave
	// Draw a fraction, not a bounded integer: the number of draws must not
	// depend on Now, or later identifiers would.
	applied := open.opens.Add(time.Duration(r.Float64() * float64(g.now.Sub(open.opens))))
	b.applications = append(b.applications, g.client.Application.Create().
		SetID(pulid.Deterministic("ap", verified, r)).SetRecipientID(id).SetWaveID(open.id).
		SetProvinceID(g.w.provinces[g.w.regencies[p.regency].province].id).
		SetCreatedAt(applied).SetUpdatedAt(applied))
	rc.SetStatus(recipient.StatusVerified).SetVerifiedAt(verified).SetUpdatedAt(verified)
}

// completeTraining adds a completed purchase with its certificate, often a
// review and sometimes the first incentive. It returns when the training was
// bought and its price.
func (g *recipientGen) completeTraining(b *batch, id pulid.ID, accepted time.Time, phone string) (time.Time, money.Rupiah) {
	r := g.r
	ci := g.w.coursePick.pick(r)
	c := g.w.courses[ci]
	platform := g.w.platforms[c.platforms[r.IntN(len(c.platforms))]]
	bought := accepted.Add(time.Duration(1+r.IntN(14*24)) * time.Hour)
	done := bought.Add(time.Duration(24+r.IntN(8*24)) * time.Hour) // about five days
	g.seq++
	purchaseID := pulid.Deterministic("pu", bought, r)
	b.purchases = append(b.purchases, g.client.Purchase.Create().SetID(purchaseID).SetRecipientID(id).
		SetCourseID(c.id).SetDigitalPlatformID(platform.id).SetPrice(c.price).
		SetInvoiceCode(fmt.Sprintf("INV/%s/%s/%08d", platform.code, bought.Format("20060102"), g.seq)).
		SetIdempotencyKey(fmt.Sprintf("seed:purchase:%08d", g.seq)).
		SetStatus(purchase.StatusCompleted).SetProgressPercent(100).SetCompletedAt(done).
		SetCreatedAt(bought).SetUpdatedAt(done))
	b.certificates = append(b.certificates, g.client.Certificate.Create().
		SetID(pulid.Deterministic("ce", done, r)).SetRecipientID(id).SetCourseID(c.id).
		SetPurchaseID(purchaseID).SetNumber(fmt.Sprintf("PKJ/%d/%08d", done.Year(), g.seq)).
		SetPostTestScore(61+r.IntN(25)+r.IntN(15)).SetIssuedAt(done).SetCreatedAt(done).SetUpdatedAt(done))
	g.w.stats[ci].purchases++
	if r.Float64() < shareReviewed {
		b.reviews = append(b.reviews, g.review(id, ci, done))
	}
	if r.Float64() < sharePaid {
		g.firstIncentive(b, id, done, phone)
	}
	return bought, c.price
}

// review draws a rating averaging about 4.9 (report) and a short comment.
func (g *recipientGen) review(id pulid.ID, course int, done time.Time) *ent.ReviewCreate {
	r := g.r
	rating := drawRating(r)
	at := done.Add(time.Duration(r.IntN(48*60)) * time.Minute)
	body := ""
	if r.IntN(5) != 0 {
		body = reviewPhrases[r.IntN(len(reviewPhrases))]
	}
	g.w.stats[course].reviews++
	g.w.stats[course].ratingSum += rating
	return g.client.Review.Create().SetID(pulid.Deterministic("rv", at, r)).SetRecipientID(id).
		SetCourseID(g.w.courses[course].id).SetRating(rating).SetBody(body).SetCreatedAt(at).SetUpdatedAt(at)
}

func drawRating(r *rand.Rand) int {
	switch x := r.IntN(1000); {
	case x < 915:
		return 5
	case x < 985:
		return 4
	case x < 995:
		return 3
	case x < 998:
		return 2
	default:
		return 1
	}
}

// firstIncentive links an account (an e-wallet on the recipient's phone or
// a bank account) and sends the first of the four monthly incentives.
func (g *recipientGen) firstIncentive(b *batch, id pulid.ID, done time.Time, phone string) {
	r := g.r
	partner := g.w.partners[g.w.partnerPick.pick(r)]
	linkedAt := done.Add(time.Duration(60+r.IntN(47*60)) * time.Minute)
	number := phone[1:] // e-wallets are keyed by the phone number
	if partner.code == "BNI" {
		number = fmt.Sprintf("%010d", r.Int64N(10_000_000_000))
	}
	hash := sha256.Sum256([]byte(partner.code + ":" + number))
	linkedID := pulid.Deterministic("la", linkedAt, r)
	b.linked = append(b.linked, g.client.LinkedAccount.Create().SetID(linkedID).SetRecipientID(id).
		SetPaymentPartnerID(partner.id).SetAccountMasked("****"+number[len(number)-4:]).
		SetAccountHash(hash[:]).SetKycStatus(linkedaccount.KycStatusVerified).SetPrimary(true).
		SetVerifiedAt(linkedAt).SetCreatedAt(linkedAt).SetUpdatedAt(linkedAt))
	scheduled := dateOf(done.AddDate(0, 0, 7))
	sent := scheduled.Add(time.Duration(3*24+r.IntN(2*24)) * time.Hour)
	b.payouts = append(b.payouts, g.client.Payout.Create().SetID(pulid.Deterministic("po", done, r)).
		SetRecipientID(id).SetKind(payout.KindIncentive).SetInstallment(1).SetAmount(incentiveAmount).
		SetScheduledFor(scheduled).SetStatus(payout.StatusSent).
		SetIdempotencyKey(fmt.Sprintf("incentive:%s:1", id)).
		SetLinkedAccountID(linkedID).SetPaymentPartnerID(partner.id).
		SetReference(fmt.Sprintf("%s%012d", partner.code, g.seq)).SetSentAt(sent).
		SetCreatedAt(done).SetUpdatedAt(sent))
}

// dateOf returns midnight UTC of t's day.
func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
