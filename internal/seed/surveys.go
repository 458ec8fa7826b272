package seed

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/schema/schematype"
	"github.com/kartuprakerja/platform/ent/surveyquestion"
)

// surveySpec is one evaluation survey (Survei Evaluasi I-III). Each opens a
// number of days after the recipient's first incentive payment and pays
// Rp50.000 (public rule).
type surveySpec struct {
	code, roman    string
	opensAfterDays int
	questions      []surveyQuestion
}

type surveyQuestion struct {
	key, kind string
	id, en    string // prompts
	options   []schematype.SurveyOption
	min, max  *int64
	optional  bool
}

func option(value, id, en string) schematype.SurveyOption {
	return schematype.SurveyOption{Value: value, LabelID: id, LabelEN: en}
}

func likert() []schematype.SurveyOption {
	return []schematype.SurveyOption{
		option("1", "Sangat tidak setuju", "Strongly disagree"),
		option("2", "Tidak setuju", "Disagree"),
		option("3", "Netral", "Neutral"),
		option("4", "Setuju", "Agree"),
		option("5", "Sangat setuju", "Strongly agree"),
	}
}

func bounds(lo, hi int64) (*int64, *int64) { return &lo, &hi }

func numberQ(key, id, en string, lo, hi int64) surveyQuestion {
	min, max := bounds(lo, hi)
	return surveyQuestion{key: key, kind: "number", id: id, en: en, min: min, max: max}
}

// Questions shared by the surveys.
func skillsImproved() surveyQuestion {
	return surveyQuestion{key: "skills_improved", kind: "likert", options: likert(),
		id: "Pelatihan Kartu Prakerja meningkatkan keterampilan kerja saya.",
		en: "The Kartu Prakerja training improved my work skills."}
}

func income() surveyQuestion {
	return numberQ("income", "Berapa pendapatan Anda dalam sebulan terakhir (dalam rupiah)?",
		"What was your income over the last month (in rupiah)?", 0, 100_000_000)
}

func employmentStatus() surveyQuestion {
	return surveyQuestion{key: "employment_status", kind: "single",
		id: "Apa status pekerjaan Anda saat ini?", en: "What is your current work status?",
		options: []schematype.SurveyOption{
			option("not_working", "Tidak bekerja", "Not working"),
			option("employed", "Bekerja sebagai karyawan", "Employed"),
			option("self_employed", "Berwirausaha", "Self-employed"),
			option("casual", "Pekerja lepas/serabutan", "Casual or freelance work"),
		}}
}

func incentiveUse() surveyQuestion {
	return surveyQuestion{key: "incentive_use", kind: "multiple",
		id: "Untuk apa saja insentif Kartu Prakerja Anda gunakan?",
		en: "What did you use the Kartu Prakerja incentive for?",
		options: []schematype.SurveyOption{
			option("food", "Kebutuhan pokok", "Daily necessities"),
			option("business", "Modal usaha", "Business capital"),
			option("data", "Pulsa dan kuota internet", "Phone credit and data"),
			option("education", "Biaya pendidikan", "Education costs"),
			option("savings", "Tabungan", "Savings"),
			option("other", "Lainnya", "Other"),
		}}
}

func suggestion() surveyQuestion {
	return surveyQuestion{key: "suggestion", kind: "text", optional: true,
		id: "Apa saran Anda untuk perbaikan program Kartu Prakerja?",
		en: "What would you suggest to improve the Kartu Prakerja program?"}
}

func yesNo(key, id, en string) surveyQuestion {
	return surveyQuestion{key: key, kind: "single", id: id, en: en, options: []schematype.SurveyOption{
		option("yes", "Ya", "Yes"), option("no", "Tidak", "No"),
	}}
}

var surveySpecs = []surveySpec{
	{code: "SE1", roman: "I", opensAfterDays: 0, questions: []surveyQuestion{
		skillsImproved(),
		{key: "training_relevance", kind: "likert", options: likert(),
			id: "Pelatihan yang saya ikuti sesuai dengan minat dan kebutuhan saya.",
			en: "The training I took matched my interests and needs."},
		employmentStatus(),
		income(),
		incentiveUse(),
		yesNo("trained_before", "Apakah Anda pernah mengikuti pelatihan sebelum Kartu Prakerja?",
			"Had you ever taken a training course before Kartu Prakerja?"),
		suggestion(),
	}},
	{code: "SE2", roman: "II", opensAfterDays: 30, questions: []surveyQuestion{
		skillsImproved(),
		employmentStatus(),
		income(),
		yesNo("new_business", "Apakah Anda memulai usaha baru setelah mengikuti pelatihan?",
			"Did you start a new business after the training?"),
		{key: "confidence", kind: "likert", options: likert(),
			id: "Saya lebih percaya diri mencari kerja atau berusaha setelah pelatihan.",
			en: "I am more confident looking for work or running a business after the training."},
		numberQ("job_applications", "Berapa lamaran kerja yang Anda kirim dalam sebulan terakhir?",
			"How many job applications did you send over the last month?", 0, 200),
		incentiveUse(),
		suggestion(),
	}},
	{code: "SE3", roman: "III", opensAfterDays: 60, questions: []surveyQuestion{
		skillsImproved(),
		employmentStatus(),
		income(),
		numberQ("hours_worked", "Berapa jam Anda bekerja dalam seminggu terakhir?",
			"How many hours did you work over the last week?", 0, 168),
		{key: "skills_used", kind: "likert", options: likert(),
			id: "Saya menggunakan keterampilan dari pelatihan dalam pekerjaan atau usaha saya.",
			en: "I use the skills from the training in my job or business."},
		{key: "further_training", kind: "multiple",
			id: "Pelatihan apa yang ingin Anda ikuti selanjutnya?",
			en: "Which training would you like to take next?",
			options: []schematype.SurveyOption{
				option("it", "Teknologi informasi", "Information technology"),
				option("sales_marketing", "Penjualan dan pemasaran", "Sales and marketing"),
				option("language", "Bahasa", "Languages"),
				option("finance", "Keuangan", "Finance"),
				option("food_beverage", "Makanan dan minuman", "Food and beverage"),
				option("agriculture", "Pertanian", "Agriculture"),
			}},
		{key: "recommend", kind: "likert", options: likert(),
			id: "Saya akan merekomendasikan Kartu Prakerja kepada teman atau keluarga.",
			en: "I would recommend Kartu Prakerja to friends or family."},
		suggestion(),
	}},
}

// writeSurveys writes the three evaluation surveys and their questions.
func (w *world) writeSurveys(ctx context.Context, tx *ent.Tx, r *rand.Rand, sum *Summary) error {
	var sb []*ent.SurveyCreate
	var qb []*ent.SurveyQuestionCreate
	for i, s := range surveySpecs {
		id := pulid.Deterministic("sv", catalogueEpoch, r)
		sb = append(sb, tx.Survey.Create().SetID(id).SetCode(s.code).SetOrdinal(i+1).
			SetTitleID("Survei Evaluasi "+s.roman).SetTitleEn("Evaluation Survey "+s.roman).
			SetDescriptionID(fmt.Sprintf("Bantu kami menilai manfaat Kartu Prakerja. Isi survei ini dan "+
				"dapatkan insentif Rp50.000 (tahap %d dari 3).", i+1)).
			SetDescriptionEn(fmt.Sprintf("Help us assess the benefits of Kartu Prakerja. Answer this "+
				"survey and receive a Rp50,000 incentive (part %d of 3).", i+1)).
			SetIncentive(surveyIncentive).SetOpensAfterDays(s.opensAfterDays).SetWindowDays(90).
			SetCreatedAt(catalogueEpoch).SetUpdatedAt(catalogueEpoch))
		for pos, q := range s.questions {
			b := tx.SurveyQuestion.Create().SetID(pulid.Deterministic("sq", catalogueEpoch, r)).
				SetSurveyID(id).SetKey(q.key).SetPosition(pos + 1).SetKind(surveyquestion.Kind(q.kind)).
				SetPromptID(q.id).SetPromptEn(q.en).SetRequired(!q.optional).
				SetNillableMin(q.min).SetNillableMax(q.max)
			if q.options != nil {
				b.SetOptions(q.options)
			}
			qb = append(qb, b)
		}
	}
	if err := bulk(ctx, sb, 1000, tx.Survey.CreateBulk); err != nil {
		return fmt.Errorf("surveys: %w", err)
	}
	if err := bulk(ctx, qb, 1000, tx.SurveyQuestion.CreateBulk); err != nil {
		return fmt.Errorf("survey questions: %w", err)
	}
	sum.Surveys, sum.SurveyQuestions = len(sb), len(qb)
	return nil
}
