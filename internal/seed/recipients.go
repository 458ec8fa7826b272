package seed

import (
	"cmp"
	"context"
	"crypto/sha256"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/balanceentry"
	"github.com/kartuprakerja/platform/ent/linkedaccount"
	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/registryperson"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/selectionresult"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/viewer"
)

// Shares of the recipients' journeys.
const (
	shareAccepted  = 0.85 // card holders of waves 12-22
	shareVerified  = 0.12 // verified, applying to the open wave; the rest only registered
	shareCompleted = 0.20 // a completed training with a certificate (all card holders bought one)
	sharePaid      = 0.10 // a linked account and the first incentive sent
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
	results      []*ent.SelectionResultCreate
	purchases    []*ent.PurchaseCreate
	certificates []*ent.CertificateCreate
	reviews      []*ent.ReviewCreate
	linked       []*ent.LinkedAccountCreate
	payouts      []*ent.PayoutCreate
	entries      []*ent.BalanceEntryCreate
}

// writeHead inserts the batch's accounts and recipients; writeTail inserts
// the rest, which refers to them. Statement sizes keep rows × columns under
// SQLite's 32,766 bound variables.
func (b *batch) writeHead(ctx context.Context, tx *ent.Tx) error {
	return runSteps([]step{
		{"accounts", func() error { return bulk(ctx, b.accounts, 2000, tx.Account.CreateBulk) }},
		{"recipients", func() error { return bulk(ctx, b.rows, 1000, tx.Recipient.CreateBulk) }},
	})
}

func (b *batch) writeTail(ctx context.Context, tx *ent.Tx) error {
	return runSteps([]step{
		{"registry people", func() error { return bulk(ctx, b.people, 2000, tx.RegistryPerson.CreateBulk) }},
		{"applications", func() error { return bulk(ctx, b.applications, 2000, tx.Application.CreateBulk) }},
		{"selection results", func() error { return bulk(ctx, b.results, 2000, tx.SelectionResult.CreateBulk) }},
		{"purchases", func() error { return bulk(ctx, b.purchases, 2000, tx.Purchase.CreateBulk) }},
		{"balance entries", func() error { return bulk(ctx, b.entries, 2000, tx.BalanceEntry.CreateBulk) }},
		{"certificates", func() error { return bulk(ctx, b.certificates, 2000, tx.Certificate.CreateBulk) }},
		{"reviews", func() error { return bulk(ctx, b.reviews, 2000, tx.Review.CreateBulk) }},
		{"linked accounts", func() error { return bulk(ctx, b.linked, 2000, tx.LinkedAccount.CreateBulk) }},
		{"payouts", func() error { return bulk(ctx, b.payouts, 2000, tx.Payout.CreateBulk) }},
	})
}

// step is one named write of a sequence.
type step struct {
	name string
	run  func() error
}

func runSteps(steps []step) error {
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
// from two more (see writeSegment), so that ent's work of building
// statements overlaps SQLite's work of running them on the two cores.
func writePopulation(ctx context.Context, client *ent.Client, opts Options, w *world, sum *Summary) error {
	if opts.Recipients == 0 {
		return nil
	}
	defer relaxGC()()
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

// loadGCPercent is the collector's target while the population is written.
const loadGCPercent = 400

// relaxGC raises the garbage collector's target (never lowers it) until the
// returned function runs. Writing a million recipients through ent makes
// tens of gigabytes of short-lived garbage while little stays live; at
// GOGC=400 the collector's share of the CPU drops by about a quarter, for a
// few hundred megabytes more memory while the seed runs.
func relaxGC() (restore func()) {
	old := debug.SetGCPercent(loadGCPercent)
	if old < 0 || old >= loadGCPercent {
		debug.SetGCPercent(old)
		return func() {}
	}
	return func() { debug.SetGCPercent(old) }
}

// consume writes the batches in transactions of commitEvery recipients.
func consume(ctx context.Context, client *ent.Client, opts Options, batches <-chan *batch, sum *Summary) error {
	start := time.Now()
	done := 0
	for {
		n, err := writeSegment(ctx, client, batches, sum, opts.Parallel)
		if err != nil {
			return err
		}
		if n == 0 {
			return ctx.Err()
		}
		level := slog.LevelDebug
		if done/100_000 != (done+n)/100_000 || done+n == opts.Recipients {
			level = slog.LevelInfo
		}
		done += n
		opts.Logger.Log(ctx, level, "seed: recipients", "written", done, "of", opts.Recipients,
			"elapsed", time.Since(start).Round(time.Millisecond))
	}
}

// writeSegment writes up to commitEvery recipients in one transaction and
// returns how many it wrote: 0 once the batches are exhausted. Two lanes
// share the transaction: one inserts each batch's accounts and recipients,
// then hands the batch to the other, which inserts the rows that refer to
// them. database/sql serialises the statements on the transaction's
// connection; what runs in parallel is ent building one lane's statements
// while SQLite runs the other's.
func writeSegment(ctx context.Context, client *ent.Client, batches <-chan *batch, sum *Summary, parallel bool) (int, error) {
	var first *batch
	select {
	case b, ok := <-batches:
		if !ok {
			return 0, nil
		}
		first = b
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	tx, err := client.Tx(ctx)
	if err != nil {
		return 0, fmt.Errorf("begin: %w", err)
	}
	laneCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	handoff := make(chan *batch, commitEvery) // room for a whole segment when run in sequence
	headErr := make(chan error, 1)
	heads := func() {
		defer close(handoff)
		headErr <- writeHeads(laneCtx, tx, first, batches, handoff)
	}
	if parallel {
		go heads()
	} else {
		heads() // all heads first, then all tails: one statement at a time
	}
	var tailErr error
	n := 0
	for b := range handoff {
		if tailErr != nil {
			continue // drain until the head lane stops
		}
		if tailErr = b.writeTail(laneCtx, tx); tailErr != nil {
			cancel()
			continue
		}
		b.count(sum)
		n += b.recipients
	}
	if err := cmp.Or(tailErr, <-headErr); err != nil {
		_ = tx.Rollback()
		return n, err
	}
	if err := tx.Commit(); err != nil {
		return n, fmt.Errorf("commit: %w", err)
	}
	return n, nil
}

// writeHeads inserts the accounts and recipients of batches, starting with
// first, until commitEvery recipients, and passes each batch on to out.
func writeHeads(ctx context.Context, tx *ent.Tx, first *batch, batches <-chan *batch, out chan<- *batch) error {
	b, n := first, 0
	for {
		if err := b.writeHead(ctx, tx); err != nil {
			return err
		}
		select {
		case out <- b:
		case <-ctx.Done():
			return ctx.Err()
		}
		if n += b.recipients; n >= commitEvery {
			return nil
		}
		select {
		case next, ok := <-batches:
			if !ok {
				return nil
			}
			b = next
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// recipientGen draws recipients and their journeys. One goroutine uses it.
// Builders are made from the root client and executed by a transaction's
// client: a builder holds no connection, only its mutation and hooks.
//
// Insertion order matters more than anything else for speed: SQLite copies
// every already-written index page a statement touches into its statement
// journal, and writes every page a transaction dirtied to the WAL. Keys
// arriving in random order touch a different page each; ascending keys touch
// the same few. So recipients are drawn group by group (the card holders of
// each announced wave, then the applicants of the open wave and the registered),
// within a group regency by regency in code order, and within a regency in
// NIK order. NIK, regency, province and wave indexes then grow at their ends,
// and identifiers are minted in that order: their ULID time runs through the
// group's registration window (the created_at timestamps are the people's
// own, drawn at random in the window).
type recipientGen struct {
	w      *world
	client *ent.Client
	r      *rand.Rand
	pop    *population
	ids    identities
	now    time.Time
	total  int
	index  int        // recipients drawn so far: phones and cards follow it
	seq    int        // purchases, certificates and payouts so far
	rural  [2]float64 // chance of a rural area in a kabupaten and in a kota
}

// group is one slice of the population drawn together.
type group struct {
	wave     int // index into world.waves; -1 for the open wave's applicants and the registered
	size     int
	from, to time.Time // registration window
	idFrom   time.Time // identifier times run from here over the same length, after the previous group's
}

// member is a person of a group: a recipient, or someone who has not
// registered.
type member struct {
	person
	recipient bool
	reg       time.Time
	rank      int // draw position in the province, for card holders
}

func newRecipientGen(w *world, client *ent.Client, opts Options) *recipientGen {
	r := opts.rng(streamPopulation)
	g := &recipientGen{
		w: w, client: client, r: r, pop: newPopulation(w, r),
		ids: newIdentities(opts.rng(streamIdentities), opts.Recipients),
		now: opts.Now, total: opts.Recipients,
	}
	g.pop.reserve(demoNIK)
	// 10% of city dwellers count as rural; kabupaten make up the rest of 62%.
	g.rural[1] = 0.10
	g.rural[0] = (shareRural - g.rural[1]*w.kotaShare) / (1 - w.kotaShare)
	return g
}

// groups splits the recipients: 85% card holders spread evenly over waves
// 12-22, registered in the weeks before their wave closed; the rest
// registered during the last year and are waiting for the open wave, or only
// registered.
func (g *recipientGen) groups() []group {
	waves := g.w.waves
	accepted := int(float64(g.total)*shareAccepted + 0.5)
	even := make([]float64, len(waves))
	for i := range even {
		even[i] = 1
	}
	var out []group
	from := firstWaveOpens.AddDate(0, 0, -14).Add(g.w.shift)
	for i, n := range apportion(accepted, even) {
		to := waves[i].closes.Add(-24 * time.Hour)
		out = append(out, group{wave: i, size: n, from: from, to: to, idFrom: g.w.idAt(from)})
		from = waves[i].closes
	}
	last := waves[len(waves)-1].closes
	return append(out, group{wave: -1, size: g.total - accepted, from: firstWaveOpens.Add(g.w.shift), to: last,
		idFrom: g.w.idAt(last)})
}

// produce sends batches until every recipient is drawn or ctx is done.
func (g *recipientGen) produce(ctx context.Context, out chan<- *batch) {
	defer close(out)
	b := &batch{}
	flush := func() bool {
		select {
		case out <- b:
			b = &batch{}
			return true
		case <-ctx.Done():
			return false
		}
	}
	for _, grp := range g.groups() {
		ok := g.drawGroup(grp, func(m member, idTime time.Time) bool {
			g.add(b, m, grp, idTime)
			if b.recipients < batchSize {
				return true
			}
			return flush()
		})
		if !ok {
			return
		}
	}
	if b.recipients > 0 || len(b.people) > 0 {
		flush()
	}
}

// drawGroup draws a group's recipients and, about one in five, people who
// have not registered, regency by regency and in NIK order, and passes
// each to emit with the time for its identifiers. It stops when emit
// returns false.
func (g *recipientGen) drawGroup(grp group, emit func(member, time.Time) bool) bool {
	r := g.r
	recipients := make([]int, len(g.w.regencies))
	extras := make([]int, len(g.w.regencies))
	rows := 0
	for range grp.size {
		recipients[g.w.pickRegency(r)]++
		rows++
		if r.Float64() < shareUnregistered {
			extras[g.w.pickRegency(r)]++
			rows++
		}
	}
	step := grp.to.Sub(grp.from) / time.Duration(max(rows, 1))
	row := 0
	province := -1
	var ranks []int
	for rg := range g.w.regencies {
		if p := g.w.regencies[rg].province; p != province && grp.wave >= 0 {
			province = p
			ranks = g.drawRanks(grp.wave, p, recipients)
		}
		for _, m := range g.drawRegency(grp, rg, recipients[rg], extras[rg]) {
			if m.recipient && grp.wave >= 0 {
				m.rank, ranks = ranks[0], ranks[1:]
			}
			if !emit(m, grp.idFrom.Add(time.Duration(row)*step)) {
				return false
			}
			row++
		}
	}
	return true
}

// drawRanks shuffles the draw positions of a province's recipients in a
// wave: ranks continue after any already given (the demo recipient's).
func (g *recipientGen) drawRanks(wave, province int, recipients []int) []int {
	n := 0
	for _, rg := range g.w.provinces[province].regencies {
		n += recipients[rg]
	}
	ranks := g.r.Perm(n)
	for i := range ranks {
		ranks[i] += 1 + g.w.ranks[wave][province]
	}
	g.w.ranks[wave][province] += n
	return ranks
}

// drawRegency draws the members of one regency in a group, sorted by NIK.
func (g *recipientGen) drawRegency(grp group, rg, recipients, extras int) []member {
	r := g.r
	out := make([]member, 0, recipients+extras)
	for i := range recipients + extras {
		reg := grp.from.Add(time.Duration(r.Float64() * float64(grp.to.Sub(grp.from)))).Truncate(time.Second)
		m := member{recipient: i < recipients, reg: reg}
		if m.recipient {
			m.person = g.pop.draw(rg, r.Float64() < shareFemale, drawAge(r), g.w.birthRef(reg))
		} else {
			m.person = g.pop.drawUnregistered(rg, g.w.birthRef(reg))
		}
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b member) int { return strings.Compare(a.nik, b.nik) })
	return out
}

// add writes a member into the batch: a registry entry, and for a recipient
// the account, the recipient row and, by status, the application and the
// journey so far.
func (g *recipientGen) add(b *batch, m member, grp group, idTime time.Time) {
	r := g.r
	b.people = append(b.people, g.personBuilder(m.person, idTime))
	if !m.recipient {
		return
	}
	g.index++
	accountID := pulid.Deterministic("ac", idTime, r)
	recipientID := pulid.Deterministic("rc", idTime, r)
	phone := g.ids.phone(g.index, r)
	b.accounts = append(b.accounts, g.client.Account.Create().SetID(accountID).SetPhone(phone).
		SetRole(viewer.RoleRecipient).SetDisplayName(m.name).SetCreatedAt(m.reg).SetUpdatedAt(m.reg))
	rc := g.recipientBuilder(m.person, recipientID, accountID, m.reg)
	j := journey{id: recipientID, person: m.person, reg: m.reg, idTime: idTime, phone: phone, rank: m.rank}
	switch {
	case grp.wave >= 0:
		g.accept(b, rc, j, grp)
	case r.Float64() < shareVerified/(1-shareAccepted):
		g.verify(b, rc, j)
	default:
		rc.SetStatus(recipient.StatusRegistered)
	}
	b.rows = append(b.rows, rc)
	b.recipients++
}

// journey is what the journey of one recipient needs to know.
type journey struct {
	id     pulid.ID
	person person
	reg    time.Time // registration
	idTime time.Time // for identifiers
	phone  string
	rank   int
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
	{"primary", 100 * sharePrimary}, {"junior_secondary", 22}, {"senior_secondary", 45},
	{"diploma", 5}, {"bachelor", 9.5}, {"postgraduate", 0.5},
}

// employmentWeights: 90% not working when they registered (report).
var employmentWeights = []weighted{{"not_working", 100 * shareNotWorking}, {"self_employed", 6}, {"employed", 4}}

func gender(female bool) string {
	if female {
		return "female"
	}
	return "male"
}

// accept makes the recipient a card holder of the group's wave, selected
// at their rank in the province's draw.
func (g *recipientGen) accept(b *batch, rc *ent.RecipientCreate, j journey, grp group) {
	r := g.r
	wv := g.w.waves[grp.wave]
	verified := j.reg.Add(time.Duration(10+r.IntN(20*60)) * time.Minute)
	applied := verified
	if applied.Before(wv.opens) {
		applied = wv.opens.Add(time.Duration(r.IntN(24*60)) * time.Minute)
	}
	province := g.w.regencies[j.person.regency].province
	appID := pulid.Deterministic("ap", j.idTime, r)
	b.applications = append(b.applications, g.client.Application.Create().
		SetID(appID).SetRecipientID(j.id).SetWaveID(wv.id).
		SetProvinceID(g.w.provinces[province].id).SetCreatedAt(applied).SetUpdatedAt(applied))
	b.results = append(b.results, selected(g.client, appID, j.id, wv.id, j.rank, wv.selected))
	// Acceptance runs through the morning of the announcement in the order
	// the rows are drawn, so the (status, accepted_at) index grows at its end.
	progress := j.idTime.Sub(grp.idFrom).Seconds() / grp.to.Sub(grp.from).Seconds()
	accepted := wv.announced.Add(time.Duration(progress * float64(6*time.Hour))).Truncate(time.Second)
	balance := wv.balance
	b.entries = append(b.entries, grantEntry(g.client, j.id, balance, accepted))
	firstPurchase := accepted.Add(time.Duration(1+r.IntN(25*24)) * time.Hour)
	if r.Float64() < shareCompleted/shareAccepted {
		var price money.Rupiah
		firstPurchase, price = g.completeTraining(b, j, accepted, balance)
		balance -= price
	}
	rc.SetStatus(recipient.StatusRecipient).SetVerifiedAt(verified).SetAcceptedAt(accepted).
		SetCardNumber(g.ids.card(g.index, r)).SetTrainingBalance(balance).
		SetFirstPurchaseAt(firstPurchase).SetUpdatedAt(firstPurchase)
}

// selected is an application's result drawn at rank.
func selected(c *ent.Client, appID, recipientID, waveID pulid.ID, rank int, at time.Time) *ent.SelectionResultCreate {
	return c.SelectionResult.Create().SetID(appID.Sibling("se")).SetApplicationID(appID).
		SetRecipientID(recipientID).SetWaveID(waveID).
		SetStatus(selectionresult.StatusSelected).SetRank(rank).SetDecidedAt(at).SetCreatedAt(at).SetUpdatedAt(at)
}

// verify makes the recipient a verified applicant waiting in the open wave.
func (g *recipientGen) verify(b *batch, rc *ent.RecipientCreate, j journey) {
	r := g.r
	verified := j.reg.Add(time.Duration(10+r.IntN(48*60)) * time.Minute)
	open := g.w.openWave
	// Draw a fraction, not a bounded integer: the number of draws must not
	// depend on Now, or later identifiers would.
	applied := open.opens.Add(time.Duration(r.Float64() * float64(g.now.Sub(open.opens)))).Truncate(time.Second)
	b.applications = append(b.applications, g.client.Application.Create().
		SetID(pulid.Deterministic("ap", j.idTime, r)).SetRecipientID(j.id).SetWaveID(open.id).
		SetProvinceID(g.w.provinces[g.w.regencies[j.person.regency].province].id).
		SetCreatedAt(applied).SetUpdatedAt(applied))
	rc.SetStatus(recipient.StatusVerified).SetVerifiedAt(verified).SetUpdatedAt(verified)
}

// completeTraining adds a completed purchase with its certificate, often a
// review and sometimes the first incentive. It returns when the training was
// bought and its price.
func (g *recipientGen) completeTraining(b *batch, j journey, accepted time.Time, balance money.Rupiah) (time.Time, money.Rupiah) {
	r := g.r
	ci := g.w.coursePick.pick(r)
	c := g.w.courses[ci]
	platform := g.w.platforms[c.platforms[r.IntN(len(c.platforms))]]
	bought := accepted.Add(time.Duration(1+r.IntN(14*24)) * time.Hour)
	done := bought.Add(time.Duration(24+r.IntN(8*24)) * time.Hour) // about five days
	g.seq++
	purchaseID := pulid.Deterministic("pu", j.idTime, r)
	score := 61 + r.IntN(25) + r.IntN(15)
	b.purchases = append(b.purchases, g.client.Purchase.Create().SetID(purchaseID).SetRecipientID(j.id).
		SetCourseID(c.id).SetDigitalPlatformID(platform.id).SetPrice(c.price).
		SetInvoiceCode(fmt.Sprintf("INV/%d/%08d", bought.Year(), g.seq)). // ascending: see recipientGen
		SetIdempotencyKey(fmt.Sprintf("seed:purchase:%08d", g.seq)).SetRedemptionCode(fmt.Sprintf("SEED-%08d", g.seq)).
		SetRedeemedAt(bought.Add(time.Hour)).SetPostTestScore(score).
		SetStatus(purchase.StatusCompleted).SetProgressPercent(100).SetCompletedAt(done).
		SetCreatedAt(bought).SetUpdatedAt(done))
	b.entries = append(b.entries, purchaseEntry(g.client, j.id, purchaseID, c.price, balance-c.price, bought))
	b.certificates = append(b.certificates, g.client.Certificate.Create().
		SetID(pulid.Deterministic("ce", j.idTime, r)).SetRecipientID(j.id).SetCourseID(c.id).
		SetPurchaseID(purchaseID).SetNumber(fmt.Sprintf("PKJ/%d/%08d", done.Year(), g.seq)).
		SetPostTestScore(score).SetIssuedAt(done).SetCreatedAt(done).SetUpdatedAt(done))
	g.w.stats[ci].purchases++
	if r.Float64() < shareReviewed {
		b.reviews = append(b.reviews, g.review(j, ci, purchaseID, done))
	}
	if r.Float64() < sharePaid/shareCompleted {
		g.firstIncentive(b, j, done)
	}
	return bought, c.price
}

// review draws a rating averaging about 4.9 (report) and a short comment.
func (g *recipientGen) review(j journey, course int, purchaseID pulid.ID, done time.Time) *ent.ReviewCreate {
	r := g.r
	rating := drawRating(r)
	at := done.Add(time.Duration(r.IntN(48*60)) * time.Minute)
	body := ""
	if r.IntN(5) != 0 {
		body = reviewPhrases[r.IntN(len(reviewPhrases))]
	}
	g.w.stats[course].reviews++
	g.w.stats[course].ratingSum += rating
	return g.client.Review.Create().SetID(pulid.Deterministic("rv", j.idTime, r)).SetRecipientID(j.id).
		SetCourseID(g.w.courses[course].id).SetPurchaseID(purchaseID).SetRating(rating).SetBody(body).SetCreatedAt(at).SetUpdatedAt(at)
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
func (g *recipientGen) firstIncentive(b *batch, j journey, done time.Time) {
	r := g.r
	partner := g.w.partners[g.w.partnerPick.pick(r)]
	linkedAt := done.Add(time.Duration(60+r.IntN(47*60)) * time.Minute)
	number := j.phone[1:] // e-wallets are keyed by the phone number
	if partner.code == "BNI" {
		number = fmt.Sprintf("%010d", r.Int64N(10_000_000_000))
	}
	hash := sha256.Sum256([]byte(partner.code + ":" + number))
	linkedID := pulid.Deterministic("la", j.idTime, r)
	b.linked = append(b.linked, g.client.LinkedAccount.Create().SetID(linkedID).SetRecipientID(j.id).
		SetPaymentPartnerID(partner.id).SetAccountMasked("****"+number[len(number)-4:]).
		SetAccountHash(hash[:]).SetKycStatus(linkedaccount.KycStatusVerified).SetPrimary(true).
		SetVerifiedAt(linkedAt).SetCreatedAt(linkedAt).SetUpdatedAt(linkedAt))
	scheduled := dateOf(done.AddDate(0, 0, 7))
	sent := scheduled.Add(time.Duration(3*24+r.IntN(2*24)) * time.Hour)
	b.payouts = append(b.payouts, g.client.Payout.Create().SetID(pulid.Deterministic("po", j.idTime, r)).
		SetRecipientID(j.id).SetKind(payout.KindIncentive).SetInstallment(1).SetAmount(incentiveAmount).
		SetScheduledFor(scheduled).SetStatus(payout.StatusSent).
		SetIdempotencyKey(fmt.Sprintf("incentive:%s:1", j.id)).
		SetLinkedAccountID(linkedID).SetPaymentPartnerID(partner.id).
		SetReference(fmt.Sprintf("%s%012d", partner.code, g.seq)).SetSentAt(sent).
		SetCreatedAt(done).SetUpdatedAt(sent))
}

// dateOf returns midnight UTC of t's day.
func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// grantEntry is the ledger entry of the balance granted at acceptance (as
// selection writes it: id the recipient's ULID under "be", key
// "grant:<recipientID>"). The seed writes the ledger of every balance: a
// recipient's balance is the sum of its entries.
func grantEntry(c *ent.Client, rid pulid.ID, amount money.Rupiah, at time.Time) *ent.BalanceEntryCreate {
	return c.BalanceEntry.Create().SetID(rid.Sibling("be")).SetRecipientID(rid).SetKind(balanceentry.KindGrant).
		SetAmount(amount).SetBalanceAfter(amount).SetKey("grant:" + string(rid)).SetCreatedAt(at)
}

// purchaseEntry is the ledger entry of a purchase (as the marketplace
// writes it: key "purchase:<purchaseID>"), its id the purchase's ULID.
func purchaseEntry(c *ent.Client, rid, pid pulid.ID, price, after money.Rupiah, at time.Time) *ent.BalanceEntryCreate {
	return c.BalanceEntry.Create().SetID(pid.Sibling("be")).SetRecipientID(rid).SetPurchaseID(pid).
		SetKind(balanceentry.KindPurchase).SetAmount(-price).SetBalanceAfter(after).
		SetKey("purchase:" + string(pid)).SetCreatedAt(at)
}
