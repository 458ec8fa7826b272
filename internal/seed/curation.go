package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/account"
	"github.com/kartuprakerja/platform/ent/course"
	"github.com/kartuprakerja/platform/ent/courseassessment"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/internal/curation/indicator"
	"github.com/kartuprakerja/platform/internal/money"
	"github.com/kartuprakerja/platform/internal/msg"
)

// streamCuration is the random stream of the curation rows (after the
// others, so adding it changed no other identifier).
const streamCuration = 1 << 16

// proposal is a demo course of the demo institution awaiting curation.
type proposal struct {
	title, description, instructor string
	category                       course.Category
	method                         course.Method
	price                          int64
	hours                          int
	outline, tags                  []string
	notMet                         []string // rejected with these indicators not met; nil: awaiting assessment
}

var demoProposals = []proposal{
	{"Budidaya Lele di Kolam Terpal", "Memelihara lele dari bibit sampai panen di pekarangan.", "Drs. Hartono",
		course.CategoryAgriculture, course.MethodLms, 300_000, 10,
		[]string{"Menyiapkan kolam terpal", "Bibit dan pakan", "Panen dan menjual"}, []string{"perikanan", "lele"}, nil},
	{"Bahasa Korea untuk Pekerja Migran", "Percakapan sehari-hari dan di tempat kerja untuk EPS-TOPIK.", "Kim Ji-woo",
		course.CategoryLanguage, course.MethodWebinar, 750_000, 24,
		[]string{"Huruf Hangeul", "Percakapan di pabrik", "Latihan EPS-TOPIK"}, []string{"bahasa Korea"}, nil},
	{"Membuat Kue Kering untuk Dijual", "Resep, kemasan dan harga jual kue kering rumahan.", "Ibu Ratna",
		course.CategoryFoodBeverage, course.MethodHybrid, 450_000, 8,
		[]string{"Resep dasar", "Kemasan", "Menghitung harga jual"}, []string{"kue", "usaha rumahan"}, nil},
	{"Jadi Kaya dari Trading Kripto", "Cara cepat untung besar dari kripto.", "Tim Ahli",
		course.CategoryFinance, course.MethodLms, 1_000_000, 4,
		[]string{"Membeli koin", "Menjual koin"}, []string{"kripto"},
		[]string{"A01", "A02", "A04", "A11", "A39", "A40", "A41", "A43", "A45", "A46", "A47"}},
}

// writeCuration writes the demo institution's proposals for the console's
// curation queue: three awaiting assessment and one rejected, with its
// assessment by the demo assessor.
func (w *world) writeCuration(ctx context.Context, tx *ent.Tx, opts Options) error {
	r := opts.rng(streamCuration)
	assessor, err := tx.Account.Query().Where(account.Phone(phoneAssessor)).OnlyID(ctx)
	if err != nil {
		return fmt.Errorf("curation: the demo assessor: %w", err)
	}
	for i, p := range demoProposals {
		if err := w.writeProposal(ctx, tx, r, p, assessor, catalogueEpoch.Add(time.Duration(i)*time.Hour)); err != nil {
			return fmt.Errorf("curation: %s: %w", p.title, err)
		}
	}
	return nil
}

func (w *world) writeProposal(ctx context.Context, tx *ent.Tx, r *rand.Rand, p proposal, assessor pulid.ID, at time.Time) error {
	inst := w.institutions[0].id
	c := tx.Course.Create().SetID(pulid.Deterministic("co", at, r)).SetTitle(p.title).SetDescription(p.description).
		SetOutline(p.outline).SetTags(p.tags).SetInstructor(p.instructor).SetCategory(p.category).
		SetMethod(p.method).SetPrice(money.Rupiah(p.price)).SetDurationHours(p.hours).SetTrainingInstitutionID(inst).
		SetStatus(course.StatusProposed).AddPlatformIDs(w.platforms[0].id).SetCreatedAt(at).SetUpdatedAt(at)
	if p.notMet == nil {
		return c.Exec(ctx)
	}
	var scores []schematype.IndicatorScore
	var plain []indicator.Score
	for _, in := range indicator.All(indicator.Assessment) {
		met := true
		for _, code := range p.notMet {
			met = met && code != in.Code
		}
		scores = append(scores, schematype.IndicatorScore{Code: in.Code, Met: met})
		plain = append(plain, indicator.Score{Code: in.Code, Met: met})
	}
	res := indicator.Evaluate(indicator.Assessment, plain)
	reasons := make([]string, len(res.NotMet))
	for i, code := range res.NotMet {
		reasons[i] = string(msg.Indicator(code))
	}
	saved, err := c.SetStatus(course.StatusRejected).SetAssessmentScore(res.Met).Save(ctx)
	if err != nil {
		return err
	}
	return tx.CourseAssessment.Create().SetID(pulid.Deterministic("ca", at, r)).SetCourseID(saved.ID).
		SetTrainingInstitutionID(inst).SetAssessorID(assessor).SetKind(courseassessment.KindAssessment).
		SetScores(scores).SetMet(res.Met).SetTotal(res.Total).SetPassed(res.Passed).SetReasons(reasons).
		SetNotes("Janji untung tidak wajar; harga tidak sesuai isi.").SetCreatedAt(at.Add(48 * time.Hour)).Exec(ctx)
}
