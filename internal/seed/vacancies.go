package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/ent/vacancy"
	"github.com/kartuprakerja/platform/internal/money"
)

// vacancyCount is how many vacancies the job portals feed into the demo.
const vacancyCount = 600

// jobSpec is a kind of job: title, industry, the usual minimum education,
// a monthly salary band in thousands of rupiah and the skills asked for.
type jobSpec struct {
	title, industry, education string
	salaryLo, salaryHi         int
	skills                     []string
}

var jobSpecs = []jobSpec{
	{"Staf Administrasi", "Perkantoran", "senior_secondary", 2800, 4500, []string{"Microsoft Excel", "Administrasi Perkantoran"}},
	{"Kasir", "Ritel", "senior_secondary", 2500, 3800, []string{"Pelayanan Pelanggan", "Berhitung"}},
	{"Barista", "Makanan & Minuman", "senior_secondary", 2500, 4000, []string{"Barista", "Pelayanan Pelanggan"}},
	{"Admin Media Sosial", "Pemasaran", "senior_secondary", 3000, 5000, []string{"Pemasaran Digital", "Copywriting"}},
	{"Sales Lapangan", "Penjualan", "senior_secondary", 2800, 6000, []string{"Teknik Penjualan", "Negosiasi"}},
	{"Customer Service", "Layanan", "senior_secondary", 3000, 5000, []string{"Customer Service", "Komunikasi"}},
	{"Operator Produksi", "Manufaktur", "junior_secondary", 2800, 4500, []string{"K3", "Kerja Sama Tim"}},
	{"Teknisi Komputer", "Teknologi Informasi", "senior_secondary", 3000, 5500, []string{"Merakit Komputer", "Jaringan"}},
	{"Desainer Grafis", "Kreatif", "diploma", 3500, 7000, []string{"Desain Grafis", "Canva"}},
	{"Penulis Konten", "Kreatif", "diploma", 3000, 6000, []string{"Copywriting", "Menulis Kreatif"}},
	{"Akuntan Junior", "Keuangan", "bachelor", 4000, 7500, []string{"Akuntansi", "Microsoft Excel"}},
	{"Staf Gudang", "Logistik", "junior_secondary", 2600, 4000, []string{"Administrasi Gudang"}},
	{"Kurir", "Logistik", "junior_secondary", 2500, 4500, []string{"Mengemudi", "Pelayanan Pelanggan"}},
	{"Juru Masak", "Makanan & Minuman", "junior_secondary", 2800, 5000, []string{"Tata Boga", "Keamanan Pangan"}},
	{"Pramuniaga", "Ritel", "senior_secondary", 2400, 3600, []string{"Pelayanan Pelanggan"}},
	{"Pengembang Web", "Teknologi Informasi", "diploma", 5000, 12000, []string{"WordPress", "MySQL", "Python"}},
	{"Staf Entri Data", "Perkantoran", "senior_secondary", 2700, 4200, []string{"Microsoft Excel", "Ketelitian"}},
	{"Telemarketing", "Penjualan", "senior_secondary", 2800, 5000, []string{"Komunikasi Penjualan", "Public Speaking"}},
	{"Tutor Bahasa Inggris", "Pendidikan", "bachelor", 3000, 6000, []string{"Bahasa Inggris"}},
	{"Penjahit", "Garmen", "primary", 2200, 3800, []string{"Menjahit Pakaian"}},
	{"Petugas Kebun Hidroponik", "Pertanian", "primary", 2200, 3500, []string{"Hidroponik", "Pupuk Cair"}},
	{"Sekretaris", "Perkantoran", "diploma", 3500, 6500, []string{"Kesekretariatan", "Korespondensi Bisnis"}},
	{"Spesialis Pemasaran Digital", "Pemasaran", "bachelor", 4500, 9000, []string{"Pemasaran Digital", "SEO", "Iklan Media Sosial"}},
	{"Teknisi AC", "Jasa Teknik", "junior_secondary", 2800, 5000, []string{"Servis AC", "Instalasi Listrik"}},
	{"Penata Rias", "Kecantikan", "junior_secondary", 2500, 5000, []string{"Tata Rias", "Make Up"}},
	{"Analis Data", "Teknologi Informasi", "bachelor", 6000, 12000, []string{"Analitik Data", "Python", "MySQL"}},
	{"Pemandu Wisata", "Pariwisata", "senior_secondary", 2800, 5000, []string{"Bahasa Inggris", "Pemandu Wisata"}},
	{"Staf Pembukuan UMKM", "Keuangan", "senior_secondary", 2800, 4500, []string{"Pembukuan UMKM", "Microsoft Excel"}},
}

var companyWords = [][]string{
	{"PT", "PT", "PT", "CV", "Koperasi"},
	{"Sinar", "Maju", "Karya", "Mitra", "Berkah", "Cahaya", "Sumber", "Mega", "Surya", "Nusa", "Bumi", "Prima"},
	{"Abadi", "Jaya", "Sejahtera", "Mandiri", "Makmur", "Sentosa", "Lestari", "Utama", "Perkasa", "Bersama"},
}

var jobTypeWeights = []weighted{{"full_time", 55}, {"contract", 25}, {"part_time", 10}, {"internship", 5}, {"freelance", 5}}

// writeVacancies writes vacancies fed by the job portals, posted over the
// last 30 days and spread over the regencies (more in cities).
func (w *world) writeVacancies(ctx context.Context, tx *ent.Tx, r *rand.Rand, now time.Time, sum *Summary) error {
	portalPick := newPicker([]float64{jobPortalSpecs[0].weight, jobPortalSpecs[1].weight, jobPortalSpecs[2].weight})
	builders := make([]*ent.VacancyCreate, 0, vacancyCount)
	for i := range vacancyCount {
		portal := portalPick.pick(r)
		job := jobSpecs[r.IntN(len(jobSpecs))]
		rg := w.pickRegency(r)
		if !w.regencies[rg].kota && r.IntN(2) == 0 { // cities offer more jobs
			rg = w.pickRegency(r)
		}
		lo := 100_000 * ((job.salaryLo + r.IntN(job.salaryHi-job.salaryLo)/2) / 100)
		hi := lo + 100_000*(5+r.IntN(20))
		posted := now.Add(-time.Duration(r.IntN(30*24*60)) * time.Minute)
		b := tx.Vacancy.Create().
			SetID(pulid.Deterministic("va", catalogueEpoch.Add(time.Duration(i)*time.Second), r)).
			SetJobPortalID(w.portals[portal].id).
			SetExternalID(fmt.Sprintf("%s-%06d", w.portals[portal].code, 100_000+i)).
			SetTitle(job.title).SetCompany(companyName(r)).SetRegencyID(w.regencies[rg].id).
			SetEducationMin(vacancy.EducationMin(job.education)).SetIndustry(job.industry).
			SetJobType(vacancy.JobType(pickWeighted(r, jobTypeWeights))).
			SetSkills(job.skills).
			SetPostedAt(posted).SetExpiresAt(posted.AddDate(0, 0, 30+r.IntN(31))).
			SetCreatedAt(posted).SetUpdatedAt(posted)
		if r.IntN(10) != 0 { // some vacancies do not state a salary
			b.SetSalaryMin(money.Rupiah(lo)).SetSalaryMax(money.Rupiah(hi))
		}
		builders = append(builders, b)
	}
	if err := bulk(ctx, builders, 1000, tx.Vacancy.CreateBulk); err != nil {
		return fmt.Errorf("vacancies: %w", err)
	}
	sum.Vacancies = len(builders)
	return nil
}

func companyName(r *rand.Rand) string {
	return companyWords[0][r.IntN(len(companyWords[0]))] + " " +
		companyWords[1][r.IntN(len(companyWords[1]))] + " " + companyWords[2][r.IntN(len(companyWords[2]))]
}

// weighted is a value with its relative weight in a small table.
type weighted struct {
	value  string
	weight float64
}

// pickWeighted draws a value from a small weighted table.
func pickWeighted(r *rand.Rand, table []weighted) string {
	total := 0.0
	for _, t := range table {
		total += t.weight
	}
	x := r.Float64() * total
	for _, t := range table {
		if x < t.weight {
			return t.value
		}
		x -= t.weight
	}
	return table[0].value
}
