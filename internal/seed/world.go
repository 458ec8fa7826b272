package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/province"
	"github.com/kartuprakerja/platform/ent/regency"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/regions"
)

// world is what the population needs to know about the reference data and
// the catalogue once they are written: identifiers, weights and timelines.
type world struct {
	provinces       []provinceRef
	regencies       []regencyRef
	provinceWeights []float64
	provincePick    picker // by province weight
	kotaShare       float64

	platforms    []orgRef
	institutions []orgRef
	partners     []orgRef // payment partners; partnerPick weights them
	partnerPick  picker
	portals      []orgRef

	courses    []courseRef
	coursePick picker // by popularity
	stats      []courseStats

	// shift moves the dates of the history (waves 12-22 and everything
	// that follows from them) so that it ends shortly before Now; the
	// identifiers keep the unshifted times, so they do not depend on Now.
	shift    time.Duration
	waves    []waveRef // 12..22, announced
	ranks    [][]int   // selected so far per announced wave and province
	openWave waveRef   // 23
	ability  []questionRef
}

type provinceRef struct {
	id        pulid.ID
	code      string
	regencies []int // indexes into world.regencies
}

type regencyRef struct {
	id        pulid.ID
	code      string
	codeNum   int // code as a number, for NIK prefixes
	province  int
	kota      bool
	shortName string
}

type orgRef struct {
	id         pulid.ID
	code, name string
}

type courseRef struct {
	id        pulid.ID
	category  string
	price     money.Rupiah
	platforms []int // indexes into world.platforms
}

// courseStats accumulates what the seeded purchases and reviews imply for a
// course's counters.
type courseStats struct{ purchases, reviews, ratingSum int }

type waveRef struct {
	id                                 pulid.ID
	idTime                             time.Time // the time in its ID and its quotas' IDs
	number                             int
	opens, closes, selected, announced time.Time
	balance                            money.Rupiah
	quota                              int
}

type questionRef struct {
	id     pulid.ID
	answer int
}

// pickRegency draws a regency: a province by weight, then uniformly among
// its regencies and cities.
func (w *world) pickRegency(r *rand.Rand) int {
	p := w.provinces[w.provincePick.pick(r)]
	return p.regencies[r.IntN(len(p.regencies))]
}

// picker draws an index with probability proportional to its weight.
type picker struct{ cum []float64 }

func newPicker(weights []float64) picker {
	cum := make([]float64, len(weights))
	total := 0.0
	for i, w := range weights {
		total += w
		cum[i] = total
	}
	return picker{cum: cum}
}

func (p picker) pick(r *rand.Rand) int {
	x := r.Float64() * p.cum[len(p.cum)-1]
	i := sort.SearchFloat64s(p.cum, x)
	if i >= len(p.cum) {
		i = len(p.cum) - 1
	}
	return i
}

// catalogueEpoch is when the reference rows were created in the demo world.
var catalogueEpoch = time.Date(2020, time.December, 1, 9, 0, 0, 0, time.UTC)

// idAt is the time an identifier is made from for a row dated t: the
// unshifted time, the same whatever Now is.
func (w *world) idAt(t time.Time) time.Time { return t.Add(-w.shift) }

// birthRef is the date a person registering at reg has their drawn age
// at: reg on the unshifted timeline moved by the whole years of the shift.
// Birth dates (and so NIKs and the order of people) then change only when
// Now passes into another year of shift, and the age at registration is the
// drawn age or one more.
func (w *world) birthRef(reg time.Time) time.Time {
	years := int(w.shift / (365*24*time.Hour + 5*time.Hour + 49*time.Minute))
	return w.idAt(reg).AddDate(years, 0, 0)
}

// historyShift is the whole number of days that moves the announcement of
// the last announced wave to lastAnnouncedBefore before now.
func historyShift(now time.Time) time.Duration {
	last := firstWaveOpens.AddDate(0, 0, (lastWave-firstWave)*waveSpacingDays+waveLengthDays+announceAfterDays)
	return dateOf(now).Sub(dateOf(last)) - lastAnnouncedBefore
}

// writeWorld writes everything but the population in one transaction.
func writeWorld(ctx context.Context, client *ent.Client, opts Options, set *regions.Set, sum *Summary) (*world, error) {
	w := &world{shift: historyShift(opts.Now)}
	err := inTx(ctx, client, func(tx *ent.Tx) error {
		return runSteps([]step{
			{"regions", func() error { return w.writeRegions(ctx, tx, opts.rng(streamRegions), set, sum) }},
			{"partners", func() error { return w.writePartners(ctx, tx, opts.rng(streamPartners), sum) }},
			{"catalogue", func() error { return w.writeCatalogue(ctx, tx, opts.rng(streamCatalogue), sum) }},
			{"waves", func() error { return w.writeWaves(ctx, tx, opts.rng(streamWaves), opts.Now, sum) }},
			{"surveys", func() error { return w.writeSurveys(ctx, tx, opts.rng(streamSurveys), sum) }},
			{"questions", func() error { return w.writeQuestions(ctx, tx, opts.rng(streamQuestions), sum) }},
			{"vacancies", func() error { return w.writeVacancies(ctx, tx, opts.rng(streamVacancies), opts.Now, sum) }},
			{"accounts", func() error { return w.writeStaffAndPartners(ctx, tx, opts.rng(streamAccounts), sum) }},
			{"curation", func() error { return w.writeCuration(ctx, tx, opts) }},
		})
	})
	if err != nil {
		return nil, fmt.Errorf("seed %w", err)
	}
	return w, nil
}

func (w *world) writeRegions(ctx context.Context, tx *ent.Tx, r *rand.Rand, set *regions.Set, sum *Summary) error {
	provinces := set.Provinces()
	index := map[string]int{}
	pb := make([]*ent.ProvinceCreate, len(provinces))
	weights := make([]float64, len(provinces))
	for i, p := range provinces {
		id := pulid.Deterministic("pv", catalogueEpoch, r)
		index[p.Code] = i
		w.provinces = append(w.provinces, provinceRef{id: id, code: p.Code})
		weights[i] = float64(p.Weight)
		pb[i] = tx.Province.Create().SetID(id).SetCode(p.Code).SetName(p.Name).
			SetTimeZone(province.TimeZone(p.TimeZone))
	}
	w.provinceWeights = weights
	w.provincePick = newPicker(weights)
	if err := bulk(ctx, pb, 1000, tx.Province.CreateBulk); err != nil {
		return fmt.Errorf("provinces: %w", err)
	}
	regencies := set.Regencies()
	rb := make([]*ent.RegencyCreate, len(regencies))
	for i, rg := range regencies {
		id := pulid.Deterministic("rg", catalogueEpoch, r)
		p := index[rg.ProvinceCode]
		num, err := strconv.Atoi(rg.Code)
		if err != nil {
			return fmt.Errorf("regency code %q: %w", rg.Code, err)
		}
		w.regencies = append(w.regencies, regencyRef{id: id, code: rg.Code, codeNum: num, province: p,
			kota: rg.Kota, shortName: rg.ShortName()})
		w.provinces[p].regencies = append(w.provinces[p].regencies, i)
		rb[i] = tx.Regency.Create().SetID(id).SetCode(rg.Code).SetName(rg.Name).
			SetKind(regencyKind(rg.Kota)).SetProvinceID(w.provinces[p].id)
	}
	if err := bulk(ctx, rb, 1000, tx.Regency.CreateBulk); err != nil {
		return fmt.Errorf("regencies: %w", err)
	}
	w.kotaShare = w.expectedKotaShare(weights)
	sum.Provinces, sum.Regencies = len(pb), len(rb)
	return nil
}

// expectedKotaShare is the share of recipients who will live in a kota when
// regencies are drawn by pickRegency.
func (w *world) expectedKotaShare(weights []float64) float64 {
	total, kota := 0.0, 0.0
	for i, p := range w.provinces {
		total += weights[i]
		n := 0
		for _, rg := range p.regencies {
			if w.regencies[rg].kota {
				n++
			}
		}
		kota += weights[i] * float64(n) / float64(len(p.regencies))
	}
	return kota / total
}

// inTx runs f in a transaction and commits it, or rolls back on error.
func inTx(ctx context.Context, client *ent.Client, f func(tx *ent.Tx) error) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := f(tx); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			return fmt.Errorf("%w (rollback: %v)", err, rerr)
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// saver is what every generated bulk-create builder implements.
type saver interface{ Exec(context.Context) error }

// bulk inserts builders in statements of at most rows rows. SQLite allows
// 32,766 bound variables a statement: rows × columns must stay below that.
func bulk[B any, S saver](ctx context.Context, builders []B, rows int, create func(...B) S) error {
	for len(builders) > 0 {
		n := min(rows, len(builders))
		if err := create(builders[:n]...).Exec(ctx); err != nil {
			return err
		}
		builders = builders[n:]
	}
	return nil
}

func regencyKind(kota bool) regency.Kind {
	if kota {
		return regency.KindKota
	}
	return regency.KindKabupaten
}
