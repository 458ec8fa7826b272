package seed

import (
	"context"
	cryptorand "crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/wave"
	"github.com/kartuprakerja/platform/internal/money"
)

// The waves of 2021. The report gives their total (5,931,574 effective
// recipients in waves 12-22, line 1270) but not their dates or quotas, so the
// total is split evenly (it divides by 11 exactly) and the dates are spread
// over ten months at a fixed rhythm (February to November 2021 on the
// unshifted timeline), ending about two months before Now.
const (
	firstWave       = 12
	lastWave        = 22
	openWaveNumber  = 23
	announcedQuota  = 5_931_574 / (lastWave - firstWave + 1)
	openWaveQuota   = 600_000
	trainingBalance = money.Rupiah(1_000_000)
	waveSpacingDays = 27
	waveLengthDays  = 5
	// A wave is drawn 2 days after it closes and announced the day after.
	selectAfterDays   = 2
	announceAfterDays = 3
	incentiveAmount   = money.Rupiah(600_000)
	incentiveMonths   = 4
	surveyIncentive   = money.Rupiah(50_000)
)

// firstWaveOpens is when wave 12 opened on the unshifted timeline (noon
// WIB): the time its identifiers are made from. Its dates are moved by
// world.shift so the history ends lastAnnouncedBefore Now.
var firstWaveOpens = time.Date(2021, time.February, 8, 5, 0, 0, 0, time.UTC)

// lastAnnouncedBefore is how long before Now wave 22 was announced: room
// for the demo recipient's trainings, certificate and two of her four
// monthly incentives before Now.
const lastAnnouncedBefore = 62 * 24 * time.Hour

// writeWaves writes waves 12-22 (announced, the last about two months
// before Now) and wave 23 (open now), each with its per-province quotas.
func (w *world) writeWaves(ctx context.Context, tx *ent.Tx, r *rand.Rand, now time.Time, sum *Summary) error {
	var wb []*ent.WaveCreate
	for n := firstWave; n <= lastWave; n++ {
		idTime := firstWaveOpens.AddDate(0, 0, (n-firstWave)*waveSpacingDays)
		opens := idTime.Add(w.shift)
		ref := waveRef{
			id: pulid.Deterministic("wv", idTime, r), idTime: idTime, number: n, opens: opens,
			closes:  opens.AddDate(0, 0, waveLengthDays).Add(11*time.Hour + 59*time.Minute),
			balance: trainingBalance,
			quota:   announcedQuota,
		}
		ref.selected = ref.closes.AddDate(0, 0, selectAfterDays)
		ref.announced = ref.closes.AddDate(0, 0, announceAfterDays)
		secret := randomHex(r, 32)
		w.waves = append(w.waves, ref)
		wb = append(wb, tx.Wave.Create().SetID(ref.id).SetNumber(n).SetName(fmt.Sprintf("Gelombang %d", n)).
			SetOpensAt(ref.opens).SetClosesAt(ref.closes).SetStatus(wave.StatusAnnounced).
			SetQuota(ref.quota).SetTrainingBalance(ref.balance).
			SetCommitment(sha256Hex(secret)).SetSeed(secret).
			SetOpenedAt(ref.opens).SetClosedAt(ref.closes).
			SetSelectedAt(ref.selected).SetAnnouncedAt(ref.announced).
			SetCreatedAt(opens.AddDate(0, 0, -7)).SetUpdatedAt(ref.announced))
	}
	// The open wave: its dates follow Now; its identifiers do not. Its
	// lottery seed is secret, so it comes from crypto/rand, not the demo
	// seed (which is public); only its commitment is shown until selection.
	openSeed, err := secretSeed()
	if err != nil {
		return err
	}
	openID := firstWaveOpens.AddDate(1, 0, 0)
	open := waveRef{
		id: pulid.Deterministic("wv", openID, r), idTime: openID, number: openWaveNumber,
		opens: now.AddDate(0, 0, -3), closes: now.AddDate(0, 0, 4), balance: trainingBalance, quota: openWaveQuota,
	}
	w.openWave = open
	wb = append(wb, tx.Wave.Create().SetID(open.id).SetNumber(open.number).
		SetName(fmt.Sprintf("Gelombang %d", open.number)).SetOpensAt(open.opens).SetClosesAt(open.closes).
		SetStatus(wave.StatusOpen).SetQuota(open.quota).SetTrainingBalance(open.balance).
		SetSeed(openSeed).SetCommitment(sha256Hex(openSeed)).SetOpenedAt(open.opens).
		SetCreatedAt(open.opens.AddDate(0, 0, -7)).SetUpdatedAt(open.opens))
	if err := bulk(ctx, wb, 1000, tx.Wave.CreateBulk); err != nil {
		return fmt.Errorf("waves: %w", err)
	}
	qb := w.quotaBuilders(tx, r, append(append([]waveRef(nil), w.waves...), open))
	if err := bulk(ctx, qb, 1000, tx.WaveQuota.CreateBulk); err != nil {
		return fmt.Errorf("wave quotas: %w", err)
	}
	w.ranks = make([][]int, len(w.waves))
	for i := range w.ranks {
		w.ranks[i] = make([]int, len(w.provinces))
	}
	sum.Waves, sum.WaveQuotas = len(wb), len(qb)
	return nil
}

// quotaBuilders splits each wave's quota over the provinces in proportion to
// their weights (largest remainder, so the parts add up to the quota).
func (w *world) quotaBuilders(tx *ent.Tx, r *rand.Rand, waves []waveRef) []*ent.WaveQuotaCreate {
	var out []*ent.WaveQuotaCreate
	for _, wv := range waves {
		for i, q := range apportion(wv.quota, w.provinceWeights) {
			out = append(out, tx.WaveQuota.Create().SetID(pulid.Deterministic("wq", wv.idTime, r)).
				SetWaveID(wv.id).SetProvinceID(w.provinces[i].id).SetQuota(q))
		}
	}
	return out
}

// apportion splits total in proportion to weights, in whole numbers that add
// up to total.
func apportion(total int, weights []float64) []int {
	sumW := 0.0
	for _, x := range weights {
		sumW += x
	}
	out := make([]int, len(weights))
	rest := make([]int, len(weights))
	frac := make([]float64, len(weights))
	given := 0
	for i, x := range weights {
		exact := float64(total) * x / sumW
		out[i] = int(exact)
		frac[i] = exact - float64(out[i])
		rest[i] = i
		given += out[i]
	}
	sort.SliceStable(rest, func(a, b int) bool { return frac[rest[a]] > frac[rest[b]] })
	for i := 0; given < total; i++ {
		out[rest[i%len(rest)]]++
		given++
	}
	return out
}

func randomHex(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return hex.EncodeToString(b)
}

// sha256Hex is the hex SHA-256 of s: a wave's commitment to its secret seed.
func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// secretSeed draws an unpredictable lottery seed.
func secretSeed() (string, error) {
	b := make([]byte, 32)
	if _, err := cryptorand.Read(b); err != nil {
		return "", fmt.Errorf("lottery seed: %w", err)
	}
	return hex.EncodeToString(b), nil
}
