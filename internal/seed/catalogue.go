package seed

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/paymentpartner"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/money"
)

// Catalogue size from the report (lines 1349-1351): 1,957 trainings by 181
// institutions on 7 platforms.
const (
	institutionCount = 181
	courseCount      = 1957
)

// writePartners writes the digital platforms, training institutions,
// payment partners and job portals.
func (w *world) writePartners(ctx context.Context, tx *ent.Tx, r *rand.Rand, sum *Summary) error {
	var pb []*ent.DigitalPlatformCreate
	for _, s := range platformSpecs {
		id := pulid.Deterministic("dp", catalogueEpoch, r)
		w.platforms = append(w.platforms, orgRef{id: id, code: s.code, name: s.name})
		pb = append(pb, tx.DigitalPlatform.Create().SetID(id).SetCode(s.code).SetName(s.name).SetURL(s.url).
			SetCreatedAt(catalogueEpoch).SetUpdatedAt(catalogueEpoch))
	}
	if err := bulk(ctx, pb, 1000, tx.DigitalPlatform.CreateBulk); err != nil {
		return fmt.Errorf("platforms: %w", err)
	}
	ib := w.institutionBuilders(tx, r)
	if err := bulk(ctx, ib, 1000, tx.TrainingInstitution.CreateBulk); err != nil {
		return fmt.Errorf("institutions: %w", err)
	}
	var mb []*ent.PaymentPartnerCreate
	weights := make([]float64, 0, len(paymentPartnerSpecs))
	for _, s := range paymentPartnerSpecs {
		id := pulid.Deterministic("pp", catalogueEpoch, r)
		w.partners = append(w.partners, orgRef{id: id, code: s.code, name: s.name})
		weights = append(weights, s.weight)
		mb = append(mb, tx.PaymentPartner.Create().SetID(id).SetCode(s.code).SetName(s.name).
			SetKind(paymentpartner.Kind(s.kind)).SetCreatedAt(catalogueEpoch).SetUpdatedAt(catalogueEpoch))
	}
	w.partnerPick = newPicker(weights)
	if err := bulk(ctx, mb, 1000, tx.PaymentPartner.CreateBulk); err != nil {
		return fmt.Errorf("payment partners: %w", err)
	}
	var jb []*ent.JobPortalCreate
	for _, s := range jobPortalSpecs {
		id := pulid.Deterministic("jp", catalogueEpoch, r)
		w.portals = append(w.portals, orgRef{id: id, code: s.code, name: s.name})
		jb = append(jb, tx.JobPortal.Create().SetID(id).SetCode(s.code).SetName(s.name).SetURL(s.url).
			SetCreatedAt(catalogueEpoch).SetUpdatedAt(catalogueEpoch))
	}
	if err := bulk(ctx, jb, 1000, tx.JobPortal.CreateBulk); err != nil {
		return fmt.Errorf("job portals: %w", err)
	}
	sum.Platforms, sum.Institutions, sum.PaymentPartners, sum.JobPortals = len(pb), len(ib), len(mb), len(jb)
	return nil
}

// institutionBuilders names 181 institutions uniquely, each in a city.
func (w *world) institutionBuilders(tx *ent.Tx, r *rand.Rand) []*ent.TrainingInstitutionCreate {
	var cities []int
	for i, rg := range w.regencies {
		if rg.kota {
			cities = append(cities, i)
		}
	}
	used := map[string]bool{}
	var out []*ent.TrainingInstitutionCreate
	for i := range institutionCount {
		city := w.regencies[cities[r.IntN(len(cities))]].shortName
		name := institutionPrefixes[r.IntN(len(institutionPrefixes))] + " " + institutionCores[r.IntN(len(institutionCores))]
		if used[name] {
			name += " " + city
		}
		for n := 2; used[name]; n++ {
			name = fmt.Sprintf("%s %d", name, n)
		}
		used[name] = true
		id := pulid.Deterministic("ti", catalogueEpoch, r)
		code := fmt.Sprintf("LP%03d", i+1)
		w.institutions = append(w.institutions, orgRef{id: id, code: code, name: name})
		out = append(out, tx.TrainingInstitution.Create().SetID(id).SetCode(code).SetName(name).SetCity(city).
			SetCreatedAt(catalogueEpoch).SetUpdatedAt(catalogueEpoch))
	}
	return out
}

// writeCatalogue writes the 1,957 courses, each sold on one to three
// platforms, and sets up the popularity by which recipients buy them.
func (w *world) writeCatalogue(ctx context.Context, tx *ent.Tx, r *rand.Rand, sum *Summary) error {
	instPick := newPicker(zipfWeights(len(w.institutions), 4, 0.9))
	catWeights := make([]float64, len(categorySpecs))
	for i, c := range categorySpecs {
		catWeights[i] = c.weight
	}
	catPick := newPicker(catWeights)
	specialty := make([]int, len(w.institutions))
	for i := range specialty {
		specialty[i] = catPick.pick(r)
	}
	builders := make([]*ent.CourseCreate, 0, courseCount)
	for i := range courseCount {
		inst := instPick.pick(r)
		cat := specialty[inst]
		if r.Float64() < 0.3 {
			cat = catPick.pick(r)
		}
		c, b := w.courseBuilder(tx, r, inst, categorySpecs[cat], catalogueEpoch.Add(time.Duration(i)*time.Minute))
		w.courses = append(w.courses, c)
		builders = append(builders, b)
	}
	for i := suspendEvery - 1; i < len(builders); i += suspendEvery {
		builders[i].SetStatus(course.StatusSuspended).SetSuspendedAt(catalogueEpoch.Add(90 * 24 * time.Hour))
	}
	if err := bulk(ctx, builders, 1000, tx.Course.CreateBulk); err != nil {
		return fmt.Errorf("courses: %w", err)
	}
	// Popularity: a long tail over a shuffled order of the courses.
	order := r.Perm(len(w.courses))
	pop := zipfWeights(len(w.courses), 10, 0.8)
	weights := make([]float64, len(w.courses))
	for rank, c := range order {
		weights[c] = pop[rank]
	}
	for i := suspendEvery - 1; i < len(w.courses); i += suspendEvery {
		weights[i] = 0 // suspended: nobody buys it
	}
	w.coursePick = newPicker(weights)
	w.stats = make([]courseStats, len(w.courses))
	sum.Courses = len(builders)
	return nil
}

func (w *world) courseBuilder(tx *ent.Tx, r *rand.Rand, inst int, cat categorySpec, at time.Time) (courseRef, *ent.CourseCreate) {
	topic := cat.topics[r.IntN(len(cat.topics))]
	pattern := titlePatterns[r.IntN(len(titlePatterns))]
	if r.IntN(3) == 0 {
		pattern = cat.patterns[r.IntN(len(cat.patterns))]
	}
	title := fmt.Sprintf(pattern, topic)
	method := pickWeighted(r, methodWeights)
	hours := 3 + r.IntN(4) + r.IntN(4) // 3-9, about 6 on average
	price := coursePrice(r)
	platforms := pickDistinct(r, platformPick(), 1+pickCount(r))
	ids := make([]pulid.ID, len(platforms))
	for i, p := range platforms {
		ids[i] = w.platforms[p].id
	}
	id := pulid.Deterministic("co", at, r)
	b := tx.Course.Create().SetID(id).SetTitle(title).
		SetDescription(courseDescription(topic, method, hours)).
		SetCategory(course.Category(cat.value)).SetMethod(course.Method(method)).
		SetPrice(price).SetDurationHours(hours).SetTrainingInstitutionID(w.institutions[inst].id).
		SetAssessmentScore(40 + r.IntN(13)).AddPlatformIDs(ids...).
		SetCreatedAt(at).SetUpdatedAt(at)
	describeCourse(b, cat, topic, at)
	return courseRef{id: id, category: cat.value, price: price, platforms: platforms}, b
}

// suspendEvery: every 400th seeded course was suspended by monitoring.
const suspendEvery = 400

// describeCourse gives a course its tags, 4-8 outline modules, instructor
// and publication date, from a source of its own (the other draws of the
// catalogue do not move).
func describeCourse(b *ent.CourseCreate, cat categorySpec, topic string, at time.Time) {
	r := rand.New(rand.NewPCG(uint64(at.Unix()), 0x7a95))
	tags := []string{strings.ToLower(topic)}
	tags = append(tags, topicTags[topic]...)
	tags = append(tags, categoryTags[cat.value]...)
	mods := categoryModules[cat.value]
	n := 4 + r.IntN(5)
	keep := r.Perm(len(mods))[:n]
	slices.Sort(keep)
	outline := make([]string, 0, n)
	for _, k := range keep {
		m := mods[k]
		if strings.Contains(m, "%s") {
			m = fmt.Sprintf(m, topic)
		}
		outline = append(outline, fmt.Sprintf("Modul %d: %s", len(outline)+1, m))
	}
	name := instructorFirst[r.IntN(len(instructorFirst))] + " " + instructorLast[r.IntN(len(instructorLast))]
	if d := instructorDegree[r.IntN(len(instructorDegree))]; d != "" {
		name += ", " + d
	}
	b.SetTags(tags).SetOutline(outline).SetInstructor(name).SetPublishedAt(at.Add(14 * 24 * time.Hour))
}

// coursePrice is a whole-thousand price between Rp100.000 and Rp1.000.000,
// often just under a round figure (Rp249.000).
func coursePrice(r *rand.Rand) money.Rupiah {
	p := 50_000 * (2 + r.IntN(19))
	if p > 100_000 && r.IntN(2) == 0 {
		p -= 1_000
	}
	return money.Rupiah(p)
}

func courseDescription(topic, method string, hours int) string {
	how := map[string]string{
		"lms":     "secara mandiri melalui video pembelajaran (LMS)",
		"webinar": "secara langsung melalui webinar bersama instruktur",
		"hybrid":  "secara campuran: video mandiri dan sesi webinar",
	}[method]
	return fmt.Sprintf("Pelatihan %s ini membekali peserta dengan keterampilan praktis yang dibutuhkan "+
		"di dunia kerja maupun usaha. Materi disampaikan %s selama %d jam, dilengkapi pre-test, "+
		"post-test, dan sertifikat bagi peserta yang lulus.", topic, how, hours)
}

// pickCount returns 0 (60%), 1 (30%) or 2 (10%): extra platforms of a course.
func pickCount(r *rand.Rand) int {
	switch x := r.IntN(10); {
	case x < 6:
		return 0
	case x < 9:
		return 1
	default:
		return 2
	}
}

func platformPick() picker {
	weights := make([]float64, len(platformSpecs))
	for i, s := range platformSpecs {
		weights[i] = s.weight
	}
	return newPicker(weights)
}

// pickDistinct draws n distinct indexes from p.
func pickDistinct(r *rand.Rand, p picker, n int) []int {
	var out []int
	seen := map[int]bool{}
	for len(out) < n {
		i := p.pick(r)
		if !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	return out
}

// zipfWeights returns n weights falling off like 1/(rank+offset)^s.
func zipfWeights(n int, offset, s float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = 1 / math.Pow(float64(i)+offset, s)
	}
	return out
}

// updateCourseStats sets each course's purchase and rating counters from the
// purchases and reviews seeded for it.
func updateCourseStats(ctx context.Context, client *ent.Client, w *world) error {
	return inTx(ctx, client, func(tx *ent.Tx) error {
		for i, s := range w.stats {
			if s.purchases == 0 && s.reviews == 0 {
				continue
			}
			u := tx.Course.UpdateOneID(w.courses[i].id).SetPurchaseCount(s.purchases).SetRatingCount(s.reviews)
			if s.reviews > 0 {
				u.SetRatingAverage(math.Round(float64(s.ratingSum)/float64(s.reviews)*100) / 100)
			}
			if err := u.Exec(ctx); err != nil {
				return fmt.Errorf("course %s: %w", w.courses[i].id, err)
			}
		}
		return nil
	})
}
