package seed

import (
	"context"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/identitycheck"
	"github.com/kartuprakerja/platform/ent/linkedaccount"
	"github.com/kartuprakerja/platform/ent/notification"
	"github.com/kartuprakerja/platform/ent/payout"
	"github.com/kartuprakerja/platform/ent/purchase"
	"github.com/kartuprakerja/platform/ent/recipient"
	"github.com/kartuprakerja/platform/ent/registryperson"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/ent/survey"
	"github.com/kartuprakerja/platform/ent/testattempt"
	"github.com/kartuprakerja/platform/internal/viewer"
	"github.com/kartuprakerja/platform/push"
)

// The demo recipient: a woman from Kota Bandung, accepted in wave 22 (about
// two months before Now), who finished her first training, bought a second,
// linked GoPay and received two of her four incentive payments. Her journey
// follows the shifted history in order: registration, test, wave,
// selection, purchase, certificate, incentives, surveys. Her identifiers
// are made from the unshifted times (world.idAt), so they do not depend on
// Now.
const (
	demoName     = "Siti Rahmawati"
	demoNIK      = "3273055708950001" // Kota Bandung, district 05, born 17-08-1995 (17+40 for a woman), serial 0001
	demoKK       = "3273051203150042" // same region, card issued 12-03-2015
	demoMother   = "Sumarni"
	demoRegency  = "3273"
	demoBirthDay = 17
)

var demoBirth = time.Date(1995, time.August, demoBirthDay, 0, 0, 0, 0, time.UTC)

// demoJourney collects the rows of the demo recipient's journey.
type demoJourney struct {
	tx          *ent.Tx
	r           *rand.Rand
	w           *world
	accountID   pulid.ID
	recipientID pulid.ID
	wave        waveRef
	accepted    time.Time
	certified   time.Time
	payouts     []demoPayout
}

// demoPayout is one of the demo recipient's incentive payouts.
type demoPayout struct {
	id              pulid.ID
	n               int
	scheduled, sent time.Time // sent is zero while scheduled
}

// id makes an identifier of the demo journey from a row's date.
func (d *demoJourney) id(prefix string, t time.Time) pulid.ID {
	return pulid.Deterministic(prefix, d.w.idAt(t), d.r)
}

// writeDemoRecipient writes the demo recipient and the whole of her journey.
func writeDemoRecipient(ctx context.Context, client *ent.Client, opts Options, w *world, sum *Summary) error {
	return inTx(ctx, client, func(tx *ent.Tx) error {
		d := &demoJourney{tx: tx, r: opts.rng(streamDemo), w: w, wave: w.waves[len(w.waves)-1]}
		reg := d.wave.opens.AddDate(0, 0, -2)
		d.accountID = d.id("ac", reg)
		d.recipientID = d.id("rc", reg)
		d.accepted = d.wave.announced.Add(time.Hour)
		err := runSteps([]step{
			{"identity", func() error { return d.identity(ctx, reg, opts) }},
			{"application", func() error { return d.application(ctx) }},
			{"trainings", func() error { return d.trainings(ctx, sum) }},
			{"incentives", func() error { return d.incentives(ctx, opts.Now, sum) }},
			{"notifications", func() error { return d.notifications(ctx, opts.Now, sum) }},
		})
		if err != nil {
			return err
		}
		sum.Accounts++
		sum.Recipients++
		sum.RegistryPeople++
		sum.DemoAccounts = append(sum.DemoAccounts, DemoAccount{Phone: phoneDemoRecipient,
			Role: viewer.RoleRecipient, Name: demoName + " (penerima, gelombang 22)"})
		return nil
	})
}

// identity writes the account, the registry entry, the recipient row (as
// accepted; the balance and first purchase are set by trainings), the
// identity checks and a passed ability test.
func (d *demoJourney) identity(ctx context.Context, reg time.Time, opts Options) error {
	tx, r := d.tx, d.r
	rg, ok := d.w.regencyByCode(demoRegency)
	if !ok {
		return fmt.Errorf("regency %s missing", demoRegency)
	}
	if err := tx.Account.Create().SetID(d.accountID).SetPhone(phoneDemoRecipient).
		SetRole(viewer.RoleRecipient).SetDisplayName(demoName).SetCreatedAt(reg).SetUpdatedAt(reg).
		Exec(ctx); err != nil {
		return err
	}
	if err := tx.RegistryPerson.Create().SetID(d.id("rp", reg)).SetNik(demoNIK).
		SetKkNumber(demoKK).SetFullName(demoName).SetBirthDate(demoBirth).SetBirthPlace("Bandung").
		SetGender(registryperson.GenderFemale).SetMotherMaidenName(demoMother).Exec(ctx); err != nil {
		return err
	}
	verified := reg.Add(40 * time.Minute)
	ids := newIdentities(opts.rng(streamIdentities), opts.Recipients)
	if err := tx.Recipient.Create().SetID(d.recipientID).SetAccountID(d.accountID).SetNik(demoNIK).SetKkNumber(demoKK).
		SetFullName(demoName).SetBirthDate(demoBirth).SetBirthPlace("Bandung").
		SetGender(recipient.GenderFemale).SetRegencyID(d.w.regencies[rg].id).SetArea(recipient.AreaUrban).
		SetEducation(recipient.EducationSeniorSecondary).SetEmployment(recipient.EmploymentNotWorking).
		SetHadFinancialAccount(false).SetStatus(recipient.StatusRecipient).SetVerifiedAt(verified).
		SetAcceptedAt(d.accepted).SetCardNumber(ids.card(0, r)).SetTrainingBalance(d.wave.balance).
		SetCreatedAt(reg).SetUpdatedAt(d.accepted).Exec(ctx); err != nil {
		return err
	}
	var checks []*ent.IdentityCheckCreate
	for _, reg := range append([]string{"dukcapil"}, exclusionRegistries...) {
		checks = append(checks, tx.IdentityCheck.Create().SetID(d.id("ic", verified)).
			SetRecipientID(d.recipientID).SetRegistry(identitycheck.Registry(reg)).SetOutcome(identitycheck.OutcomePass).
			SetCreatedAt(verified).SetUpdatedAt(verified))
	}
	if err := tx.IdentityCheck.CreateBulk(checks...).Exec(ctx); err != nil {
		return err
	}
	return d.abilityTest(ctx, verified.Add(20*time.Minute))
}

// abilityTest writes a submitted, passed ability test of 20 questions.
func (d *demoJourney) abilityTest(ctx context.Context, at time.Time) error {
	r := d.r
	var ids []string
	var answers []schematype.TestAnswer
	correct := 0
	for _, i := range r.Perm(len(d.w.ability))[:20] {
		q := d.w.ability[i]
		choice := q.answer
		if r.IntN(5) == 0 {
			choice = (q.answer + 1) % 4
		} else {
			correct++
		}
		ids = append(ids, string(q.id))
		answers = append(answers, schematype.TestAnswer{QuestionID: string(q.id), Choice: choice})
	}
	score := correct * 100 / len(ids)
	submitted := at.Add(24 * time.Minute)
	return d.tx.TestAttempt.Create().SetID(d.id("ta", at)).SetRecipientID(d.recipientID).
		SetKind(testattempt.KindAbility).SetQuestionIds(ids).SetAnswers(answers).
		SetDeadline(at.Add(time.Hour)).SetSubmittedAt(submitted).SetScore(score).SetPassed(score >= 60).
		SetCreatedAt(at).SetUpdatedAt(submitted).Exec(ctx)
}

func (d *demoJourney) application(ctx context.Context) error {
	wi := len(d.w.waves) - 1
	rg, _ := d.w.regencyByCode(demoRegency)
	province := d.w.regencies[rg].province
	d.w.ranks[wi][province]++
	applied := d.wave.opens.Add(2 * time.Hour)
	appID := d.id("ap", applied)
	err := d.tx.Application.Create().SetID(appID).SetRecipientID(d.recipientID).
		SetWaveID(d.wave.id).SetProvinceID(d.w.provinces[province].id).
		SetCreatedAt(applied).SetUpdatedAt(applied).Exec(ctx)
	if err != nil {
		return err
	}
	return selected(d.tx.Client(), appID, d.recipientID, d.wave.id, d.w.ranks[wi][province], d.wave.selected).Exec(ctx)
}

// trainings writes a completed purchase with its certificate and review,
// and a second purchase in progress, both paid from the training balance.
func (d *demoJourney) trainings(ctx context.Context, sum *Summary) error {
	tx := d.tx
	first, second, err := d.w.demoCourses()
	if err != nil {
		return err
	}
	bought := d.accepted.Add(50 * time.Hour)
	done := bought.Add(5 * 24 * time.Hour)
	d.certified = done
	c1, c2 := d.w.courses[first], d.w.courses[second]
	p1 := d.id("pu", bought)
	bought2 := done.Add(3 * 24 * time.Hour)
	purchases := []*ent.PurchaseCreate{
		tx.Purchase.Create().SetID(p1).SetRecipientID(d.recipientID).SetCourseID(c1.id).
			SetDigitalPlatformID(d.w.platforms[c1.platforms[0]].id).SetPrice(c1.price).
			SetInvoiceCode("INV/DEMO/" + bought.Format("20060102") + "/00000001").
			SetIdempotencyKey("seed:demo:purchase:1").SetRedemptionCode("DEMO-0000-0001").SetStatus(purchase.StatusCompleted).
			SetRedeemedAt(bought.Add(time.Hour)).SetPreTestScore(55).SetPostTestScore(84).
			SetProgressPercent(100).SetCompletedAt(done).SetCreatedAt(bought).SetUpdatedAt(done),
		tx.Purchase.Create().SetID(d.id("pu", bought2)).SetRecipientID(d.recipientID).
			SetCourseID(c2.id).SetDigitalPlatformID(d.w.platforms[c2.platforms[0]].id).SetPrice(c2.price).
			SetInvoiceCode("INV/DEMO/" + bought2.Format("20060102") + "/00000002").
			SetIdempotencyKey("seed:demo:purchase:2").SetRedemptionCode("DEMO-0000-0002").SetStatus(purchase.StatusInProgress).
			SetRedeemedAt(bought2.Add(time.Hour)).SetPreTestScore(60).
			SetProgressPercent(40).SetCreatedAt(bought2).SetUpdatedAt(bought2.Add(26 * time.Hour)),
	}
	if err := tx.Purchase.CreateBulk(purchases...).Exec(ctx); err != nil {
		return err
	}
	p2, balance := purchases[1].Mutation(), d.wave.balance
	id2, _ := p2.ID()
	entries := []*ent.BalanceEntryCreate{
		grantEntry(tx.Client(), d.recipientID, balance, d.accepted),
		purchaseEntry(tx.Client(), d.recipientID, p1, c1.price, balance-c1.price, bought),
		purchaseEntry(tx.Client(), d.recipientID, id2, c2.price, balance-c1.price-c2.price, bought2),
	}
	if err := tx.BalanceEntry.CreateBulk(entries...).Exec(ctx); err != nil {
		return fmt.Errorf("demo ledger: %w", err)
	}
	if err := tx.Certificate.Create().SetID(d.id("ce", done)).SetRecipientID(d.recipientID).
		SetCourseID(c1.id).SetPurchaseID(p1).SetNumber(fmt.Sprintf("PKJ/%d/DEMO0001", done.Year())).
		SetPostTestScore(84).SetIssuedAt(done).SetCreatedAt(done).SetUpdatedAt(done).Exec(ctx); err != nil {
		return err
	}
	reviewed := done.Add(3 * time.Hour)
	if err := tx.Review.Create().SetID(d.id("rv", reviewed)).SetRecipientID(d.recipientID).
		SetCourseID(c1.id).SetPurchaseID(p1).SetRating(5).SetBody("Materinya menarik dan mudah dipahami. Terima kasih Prakerja!").
		SetCreatedAt(reviewed).SetUpdatedAt(reviewed).Exec(ctx); err != nil {
		return err
	}
	d.w.stats[first].purchases++
	d.w.stats[first].reviews++
	d.w.stats[first].ratingSum += 5
	d.w.stats[second].purchases++
	sum.Purchases += 2
	sum.Certificates++
	sum.Reviews++
	return tx.Recipient.UpdateOneID(d.recipientID).SetFirstPurchaseAt(bought).
		SetTrainingBalance(d.wave.balance - c1.price - c2.price).SetUpdatedAt(bought2).Exec(ctx)
}

// demoCourses picks the demo's two trainings: an IT course and a sales and
// marketing course that the balance covers together. The second (the
// purchase in progress) is sold on the demo platform operator's platform
// (Tokopedia, platforms[0]), so the partner API's training:write examples
// run on it for that operator.
func (w *world) demoCourses() (int, int, error) {
	first, second := -1, -1
	for i, c := range w.courses {
		if first < 0 && c.category == "it" && c.price <= 500_000 {
			first = i
		}
	}
	for i, c := range w.courses {
		if first >= 0 && second < 0 && c.category == "sales_marketing" && c.platforms[0] == 0 &&
			c.price <= trainingBalance-w.courses[first].price {
			second = i
		}
	}
	if first < 0 || second < 0 {
		return 0, 0, fmt.Errorf("no affordable courses for the demo recipient")
	}
	return first, second, nil
}

// incentives writes the linked GoPay account and the four monthly
// incentive payouts, the first demoFirstIncentiveAfter the certificate and
// then every 30 days: two sent, two scheduled. With the history ending
// about two months before Now, the first is sent about 37 days before Now,
// so the evaluation surveys' windows (which open after the first
// incentive) are as a demo wants them: Survei Evaluasi I and II open, III
// upcoming.
func (d *demoJourney) incentives(ctx context.Context, now time.Time, sum *Summary) error {
	tx := d.tx
	gopay, ok := d.w.partnerByCode("GOPAY")
	if !ok {
		return fmt.Errorf("payment partner GOPAY missing")
	}
	linkedAt := d.certified.Add(2 * time.Hour)
	number := phoneDemoRecipient[1:]
	hash := sha256.Sum256([]byte("GOPAY:" + number))
	linkedID := d.id("la", linkedAt)
	if err := tx.LinkedAccount.Create().SetID(linkedID).SetRecipientID(d.recipientID).SetPaymentPartnerID(gopay.id).
		SetAccountMasked("****" + number[len(number)-4:]).SetAccountHash(hash[:]).
		SetKycStatus(linkedaccount.KycStatusVerified).SetPrimary(true).SetVerifiedAt(linkedAt).
		SetCreatedAt(linkedAt).SetUpdatedAt(linkedAt).Exec(ctx); err != nil {
		return err
	}
	var payouts []*ent.PayoutCreate
	first := dateOf(d.certified.Add(demoFirstIncentiveAfter))
	for n := 1; n <= incentiveMonths; n++ {
		p := demoPayout{n: n, scheduled: first.AddDate(0, 0, 30*(n-1))}
		p.id = d.id("po", p.scheduled)
		b := tx.Payout.Create().SetID(p.id).SetRecipientID(d.recipientID).
			SetKind(payout.KindIncentive).SetInstallment(n).SetAmount(incentiveAmount).
			SetScheduledFor(p.scheduled).SetIdempotencyKey(fmt.Sprintf("incentive:%s:%d", d.recipientID, n)).
			SetLinkedAccountID(linkedID).SetPaymentPartnerID(gopay.id).SetCreatedAt(d.certified)
		if sent := p.scheduled.Add(3*24*time.Hour + 10*time.Hour); sent.Before(now) {
			p.sent = sent
			b.SetStatus(payout.StatusSent).SetSentAt(sent).SetUpdatedAt(sent).
				SetReference(fmt.Sprintf("GOPAY-DEMO-%d", n))
		} else {
			b.SetStatus(payout.StatusScheduled).SetUpdatedAt(d.certified)
		}
		d.payouts = append(d.payouts, p)
		payouts = append(payouts, b)
	}
	if err := tx.Payout.CreateBulk(payouts...).Exec(ctx); err != nil {
		return err
	}
	sum.LinkedAccounts++
	sum.Payouts += len(payouts)
	return nil
}

// demoFirstIncentiveAfter is how long after her certificate the demo
// recipient's first incentive is due.
const demoFirstIncentiveAfter = 15 * 24 * time.Hour

// demoNote is one notification of the demo inbox: a push event, when it
// reached her and whether she read it.
type demoNote struct {
	event push.Event
	at    time.Time
	read  bool
}

// notifications writes the demo's inbox: the selection result, a message
// for each payout sent and for the next one scheduled, the first survey and
// a job match. The texts are push's own (push.Render of the events the
// real producers send), in the account's language; every date and amount
// is the row's it speaks of.
func (d *demoJourney) notifications(ctx context.Context, now time.Time, sum *Summary) error {
	notes := []demoNote{{push.SelectionResult(d.accountID, d.wave.id, d.wave.number, "selected", d.wave.balance),
		d.accepted, true}}
	payouts, err := d.payoutNotes(ctx)
	if err != nil {
		return err
	}
	notes = append(notes, payouts...)
	notes = append(notes, demoNote{push.JobMatchDigest(d.accountID, now.Add(-26*time.Hour), 3, "Staf Pemasaran Digital"),
		now.Add(-26 * time.Hour), false})
	var builders []*ent.NotificationCreate
	for i, n := range notes {
		text, err := push.Render(n.event, account.LocaleID)
		if err != nil {
			return err
		}
		b := d.tx.Notification.Create().SetID(d.id("nt", d.accepted.Add(time.Duration(i)*time.Second))).
			SetAccountID(d.accountID).SetKind(n.event.Kind).SetEventKey(n.event.Key).SetTitle(text.Title).
			SetBody(text.Body).SetLink(text.Link).SetData(text.Data).SetPushStatus(notification.PushStatusSent).
			SetPushedAt(n.at).SetCreatedAt(n.at).SetUpdatedAt(n.at)
		if n.read {
			b.SetReadAt(n.at.Add(35 * time.Minute))
		}
		builders = append(builders, b)
	}
	if err := d.tx.Notification.CreateBulk(builders...).Exec(ctx); err != nil {
		return err
	}
	sum.Notifications += len(builders)
	return nil
}

// payoutNotes are the notices of the payouts sent, the first survey (a day
// after the first payment) and the next payout scheduled (the day after
// the last payment), each with the payout row's own date.
func (d *demoJourney) payoutNotes(ctx context.Context) ([]demoNote, error) {
	first, err := d.tx.Survey.Query().Where(survey.Code("SE1")).Only(ctx)
	if err != nil {
		return nil, fmt.Errorf("the first survey: %w", err)
	}
	var out []demoNote
	for _, p := range d.payouts {
		pay := push.Payout{ID: p.id, Installment: p.n, Amount: incentiveAmount, Partner: "GoPay"}
		if p.sent.IsZero() {
			out = append(out, demoNote{push.PayoutScheduled(d.accountID, pay, p.scheduled),
				out[len(out)-1].at.Add(24 * time.Hour), false})
			break
		}
		out = append(out, demoNote{push.PayoutSent(d.accountID, pay), p.sent, true})
		if p.n == 1 {
			out = append(out, demoNote{push.SurveyAvailable(d.accountID, first.ID, first.TitleID, first.TitleEn,
				first.Incentive, time.Time{}), p.sent.Add(24 * time.Hour), false})
		}
	}
	return out, nil
}

func (w *world) regencyByCode(code string) (int, bool) {
	for i, rg := range w.regencies {
		if rg.code == code {
			return i, true
		}
	}
	return 0, false
}

func (w *world) partnerByCode(code string) (orgRef, bool) {
	for _, p := range w.partners {
		if p.code == code {
			return p, true
		}
	}
	return orgRef{}, false
}
