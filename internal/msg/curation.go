package msg

// Keys: curation and reviews (internal/curation): assessments, monitoring, review moderation.
const (
	CourseNotFound         Key = "curation.course_not_found"
	CourseNotProposed      Key = "curation.course_not_proposed"
	CourseNotPublished     Key = "curation.course_not_published"
	ScoresInvalid          Key = "curation.scores_invalid"
	ScoresUnknown          Key = "curation.scores_unknown"
	ScoresDuplicate        Key = "curation.scores_duplicate"
	ScoresMissing          Key = "curation.scores_missing"
	ProposalInvalid        Key = "curation.proposal_invalid"
	ProposalKeyReused      Key = "curation.proposal_key_reused"
	ProposalKeyInvalid     Key = "curation.proposal_key_invalid"
	ProposalOutline        Key = "curation.proposal_outline"
	ProposalPrice          Key = "curation.proposal_price"
	ProposalHours          Key = "curation.proposal_hours"
	ProposalTags           Key = "curation.proposal_tags"
	ProposalPlatforms      Key = "curation.proposal_platforms"
	ProposalPlatformAbsent Key = "curation.proposal_platform_absent"
	ReviewPurchaseNotFound Key = "curation.review_purchase_not_found"
	ReviewNotCompleted     Key = "curation.review_not_completed"
	ReviewExists           Key = "curation.review_exists"
	ReviewRating           Key = "curation.review_rating"
	ReviewNotFound         Key = "curation.review_not_found"
	ReviewHidden           Key = "curation.review_hidden"
	HideReasonShort        Key = "curation.hide_reason_short"
	CurationGroupTotal     Key = "curation.failed_total"
	DocProposeCourse       Key = "partner.doc.propose_course"
)

// Indicator is the key of a curation indicator's label (code A01…A52, M01…M40).
func Indicator(code string) Key { return Key("curation.indicator." + code) }

// IndicatorGroup is the key of an indicator group's label.
func IndicatorGroup(group string) Key { return Key("curation.group." + group) }

// withCuration adds the texts of curation and reviews (internal/curation): assessments, monitoring, review moderation to the catalogue.
func withCuration(texts map[Key]text) map[Key]text {
	for k, t := range curationTexts() {
		texts[k] = t
	}
	for group, t := range indicatorGroups {
		texts[IndicatorGroup(group)] = t
	}
	for code, t := range indicatorLabels {
		texts[Indicator(code)] = t
	}
	return texts
}

func curationTexts() map[Key]text {
	return map[Key]text{
		CourseNotFound:         {"Pelatihan tidak ditemukan.", "Training not found."},
		CourseNotProposed:      {"Pelatihan ini tidak sedang menunggu penilaian.", "This training is not waiting for assessment."},
		CourseNotPublished:     {"Hanya pelatihan yang sedang tayang yang bisa dipantau.", "Only a published training can be monitored."},
		ScoresInvalid:          {"Nilai indikator belum lengkap atau salah.", "The indicator scores are incomplete or wrong."},
		ScoresUnknown:          {"Kode indikator tidak dikenal: %s.", "Unknown indicator codes: %s."},
		ScoresDuplicate:        {"Indikator dinilai lebih dari sekali: %s.", "Indicators scored more than once: %s."},
		ScoresMissing:          {"Indikator belum dinilai: %s.", "Indicators not scored: %s."},
		ProposalInvalid:        {"Usulan pelatihan belum benar. Periksa isiannya.", "The course proposal is not valid. Check its fields."},
		ProposalKeyReused:      {"Kunci idempotensi ini sudah dipakai untuk usulan lain.", "This idempotency key was already used for another proposal."},
		ProposalKeyInvalid:     {"Kunci idempotensi wajib diisi, paling panjang 128 karakter.", "The idempotency key is required, at most 128 characters."},
		ProposalOutline:        {"Tulis paling sedikit satu modul.", "Write at least one module."},
		ProposalPrice:          {"Harga harus antara Rp1 dan Rp1.000.000 (saldo pelatihan).", "The price must be between Rp1 and Rp1,000,000 (the training balance)."},
		ProposalHours:          {"Durasi harus lebih dari 0 jam, paling lama 1.000 jam.", "The duration must be more than 0 hours, at most 1,000."},
		ProposalTags:           {"Paling banyak 10 label topik, masing-masing paling panjang 40 karakter.", "At most 10 topic tags, each at most 40 characters."},
		ProposalPlatforms:      {"Pilih paling sedikit satu platform digital.", "Choose at least one digital platform."},
		ProposalPlatformAbsent: {"Platform digital tidak ada atau tidak aktif.", "The digital platform does not exist or is not active."},
		ReviewPurchaseNotFound: {"Pembelian tidak ditemukan.", "Purchase not found."},
		ReviewNotCompleted:     {"Selesaikan pelatihannya dulu, baru beri ulasan.", "Finish the training first, then review it."},
		ReviewExists:           {"Anda sudah memberi ulasan untuk pembelian ini.", "You have already reviewed this purchase."},
		ReviewRating:           {"Beri bintang 1 sampai 5.", "Give 1 to 5 stars."},
		ReviewNotFound:         {"Ulasan tidak ditemukan.", "Review not found."},
		ReviewHidden:           {"Ulasan ini sudah disembunyikan.", "This review is already hidden."},
		HideReasonShort:        {"Tulis alasan paling sedikit 10 karakter.", "Write a reason of at least 10 characters."},
		DocProposeCourse: {"Mengusulkan pelatihan untuk dinilai asesor. Kirim ulang dengan kunci yang sama: pelatihan yang sama dikembalikan.",
			"Proposes a course for assessment. A resend with the same key returns the same course."},
		CurationGroupTotal: {"Jumlah indikator yang terpenuhi kurang dari batas lulus.", "Fewer indicators met than the pass mark."},
	}
}

// indicatorGroups are the group labels, as the 2021 annual report names them.
var indicatorGroups = map[string]text{
	"labour_market_fit":        {"Kesesuaian pelatihan dengan pasar kerja", "Fit with the labour market"},
	"rules_compliance":         {"Pemenuhan aturan dan ketentuan", "Compliance with rules and terms"},
	"structured_design":        {"Desain terstruktur", "Structured design"},
	"module_quality":           {"Modul berkualitas", "Module quality"},
	"interactive_method":       {"Metode pelatihan interaktif", "Interactive training method"},
	"competitive_price":        {"Harga pelatihan kompetitif", "Competitive price"},
	"trainer_quality":          {"Kualitas dan latar belakang pelatih", "Trainer quality and background"},
	"title_match":              {"Kesesuaian pelatihan dengan judul", "Matches its title"},
	"detailed_information":     {"Ketersediaan informasi detail tentang pelatihan", "Detailed information available"},
	"delivery_match":           {"Kesesuaian materi dan penyampaian pelatihan", "Content matches its delivery"},
	"assessment_trainer_match": {"Kesesuaian materi, metode penilaian dan pelatih", "Content, assessment and trainer match"},
	"certificate":              {"Ketersediaan dan kesesuaian sertifikat", "Certificate provided and correct"},
	"fair_price":               {"Kesesuaian harga", "Fair price"},
}

// indicatorLabels are the indicators' labels by code (docs/curation.md says
// which come from the report and which were written in its spirit).
var indicatorLabels = map[string]text{
	// Kesesuaian dengan pasar kerja (labour-market fit)
	"A01": {"Keterampilan yang diajarkan dibutuhkan pasar kerja atau usaha", "The skills taught are needed by employers or for self-employment"},
	"A02": {"Tujuan pelatihan menyebut pekerjaan atau usaha yang dituju", "The aims name the job or business it prepares for"},
	"A03": {"Sesuai dengan standar kompetensi kerja (SKKNI) atau standar industri", "Matches the national competency standard (SKKNI) or an industry standard"},
	"A04": {"Ada bukti permintaan tenaga kerja untuk keterampilan ini", "There is evidence of demand for these skills"},
	"A05": {"Bisa diterapkan oleh peserta di daerah mana pun", "Participants anywhere can apply it"},
	"A06": {"Cocok untuk peserta dengan pendidikan menengah", "Suitable for participants with secondary education"},
	"A07": {"Menyebut tingkat keterampilan sebelum dan sesudah pelatihan", "States the skill level before and after the training"},
	"A08": {"Materinya mutakhir (ditinjau dalam 2 tahun terakhir)", "The content is up to date (reviewed in the last 2 years)"},
	// Pemenuhan aturan dan ketentuan (rules and terms)
	"A09": {"Lembaga pelatihan berbadan hukum dan berizin", "The institution is a registered legal entity with its licences"},
	"A10": {"Tidak mengandung SARA, pornografi, atau hal yang melanggar hukum", "Contains nothing hateful, pornographic or unlawful"},
	"A11": {"Judul dan deskripsi tidak menyesatkan", "The title and description are not misleading"},
	"A12": {"Hak cipta materi dimiliki atau berlisensi", "The institution owns or licenses the material"},
	"A13": {"Mematuhi ketentuan program tentang harga dan promosi", "Follows the program's rules on price and promotion"},
	"A14": {"Data peserta dijaga kerahasiaannya", "Participants' data are kept confidential"},
	// Desain terstruktur (structured design)
	"A15": {"Ada silabus dengan modul yang berurutan", "There is a syllabus with modules in order"},
	"A16": {"Setiap modul punya tujuan belajar yang jelas", "Every module has a clear learning objective"},
	"A17": {"Durasi tiap modul dicantumkan dan masuk akal", "Each module's duration is stated and reasonable"},
	"A18": {"Ada tes awal (pre-test)", "There is a pre-test"},
	"A19": {"Ada tes akhir (post-test) yang mengukur tujuan belajar", "There is a post-test that measures the learning objectives"},
	"A20": {"Ada tugas praktik atau proyek", "There is a practical task or project"},
	"A21": {"Jumlah jam pelatihan sesuai dengan materinya", "The training hours fit the content"},
	"A22": {"Syarat kelulusan dijelaskan di awal", "The pass requirements are explained at the start"},
	// Modul berkualitas (module quality)
	"A23": {"Isi materi benar dan tidak keliru", "The content is correct"},
	"A24": {"Bahasa mudah dipahami peserta", "The language is easy for participants to understand"},
	"A25": {"Ada contoh nyata dari dunia kerja", "There are real examples from work"},
	"A26": {"Gambar dan suara video jelas", "Video picture and sound are clear"},
	"A27": {"Materi bisa diunduh atau dibaca ulang", "The material can be downloaded or read again"},
	"A28": {"Ada rangkuman di akhir modul", "Each module ends with a summary"},
	"A29": {"Soal latihan sesuai dengan materi", "The exercises match the content"},
	"A30": {"Bisa diikuti dengan ponsel dan koneksi terbatas", "Can be followed on a phone with a weak connection"},
	// Metode pelatihan interaktif (interactive method)
	"A31": {"Peserta bisa bertanya kepada pelatih", "Participants can ask the trainer questions"},
	"A32": {"Ada diskusi atau forum antarpeserta", "There is a discussion or forum between participants"},
	"A33": {"Ada kuis atau latihan di sela materi", "There are quizzes or exercises between lessons"},
	"A34": {"Tugas peserta diberi umpan balik", "Participants' work gets feedback"},
	"A35": {"Ada studi kasus atau simulasi", "There are case studies or simulations"},
	"A36": {"Kemajuan belajar peserta bisa dilihat", "Participants can see their progress"},
	"A37": {"Webinar memberi waktu tanya jawab", "Webinars leave time for questions"},
	"A38": {"Ada cara menghubungi lembaga jika ada kendala", "There is a way to contact the institution about problems"},
	// Harga pelatihan kompetitif (competitive price)
	"A39": {"Harga wajar dibandingkan pelatihan serupa", "The price is fair compared with similar trainings"},
	"A40": {"Harga sesuai dengan jumlah jam dan materi", "The price fits the hours and content"},
	"A41": {"Tidak ada biaya tambahan tersembunyi", "There are no hidden extra costs"},
	"A42": {"Harga sama di semua platform digital", "The price is the same on every digital platform"},
	"A43": {"Rincian biaya dijelaskan", "The costs are itemised"},
	"A44": {"Harga terjangkau oleh saldo pelatihan", "The training balance covers the price"},
	// Kualitas dan latar belakang pelatih (trainer quality)
	"A45": {"Pelatih berpengalaman di bidangnya", "The trainer is experienced in the field"},
	"A46": {"Pelatih punya sertifikat kompetensi atau pendidikan yang sesuai", "The trainer has a relevant competency certificate or education"},
	"A47": {"Riwayat pelatih dicantumkan", "The trainer's background is stated"},
	"A48": {"Pelatih berpengalaman mengajar orang dewasa", "The trainer has experience teaching adults"},
	"A49": {"Pelatih menguasai materi saat diuji", "The trainer knows the content when tested"},
	"A50": {"Pelatih menyampaikan dengan jelas", "The trainer explains clearly"},
	"A51": {"Jumlah pelatih cukup untuk jumlah peserta", "There are enough trainers for the participants"},
	"A52": {"Ada pelatih pengganti bila berhalangan", "There is a stand-in trainer"},
	// Kesesuaian pelatihan dengan judul (matches its title)
	"M01": {"Isi pelatihan sesuai dengan judulnya", "The training matches its title"},
	"M02": {"Kategori pelatihan tepat", "The category is right"},
	"M03": {"Label topik sesuai dengan isi", "The topic tags fit the content"},
	"M04": {"Modul yang diajarkan sama dengan silabus", "The modules taught are those of the syllabus"},
	"M05": {"Tingkat kesulitan sesuai dengan yang dijanjikan", "The level is as promised"},
	"M06": {"Hasil belajar sesuai dengan yang dijanjikan", "The learning outcome is as promised"},
	// Ketersediaan informasi detail (detailed information)
	"M07": {"Deskripsi pelatihan lengkap", "The description is complete"},
	"M08": {"Silabus bisa dilihat sebelum membeli", "The syllabus can be seen before buying"},
	"M09": {"Nama dan riwayat pelatih dicantumkan", "The trainer's name and background are shown"},
	"M10": {"Durasi dan jadwal dicantumkan", "The duration and schedule are shown"},
	"M11": {"Metode pelatihan (webinar, mandiri, campuran) dicantumkan", "The method (webinar, self-paced, hybrid) is shown"},
	"M12": {"Syarat peserta dan perangkat dicantumkan", "Participant and device requirements are shown"},
	"M13": {"Cara menukar kode dijelaskan", "How to redeem the code is explained"},
	"M14": {"Kontak lembaga pelatihan tersedia", "The institution's contact is available"},
	// Kesesuaian materi dan penyampaian (content and delivery)
	"M15": {"Materi disampaikan seperti yang dinilai saat asesmen", "The content is delivered as it was assessed"},
	"M16": {"Video dan materi bisa diakses tanpa gangguan", "Videos and material can be reached without problems"},
	"M17": {"Webinar berlangsung sesuai jadwal", "Webinars run on schedule"},
	"M18": {"Durasi nyata sesuai dengan yang dicantumkan", "The real duration matches the one shown"},
	"M19": {"Materi tidak diganti tanpa pemberitahuan", "The content is not changed without notice"},
	"M20": {"Kualitas gambar dan suara baik", "Picture and sound are good"},
	"M21": {"Pertanyaan peserta dijawab", "Participants' questions are answered"},
	"M22": {"Kemajuan peserta dilaporkan dengan benar", "Participants' progress is reported correctly"},
	// Kesesuaian materi, metode penilaian dan pelatih (content, assessment, trainer)
	"M23": {"Tes akhir menguji materi yang diajarkan", "The post-test tests what was taught"},
	"M24": {"Tes awal dan akhir berbeda soal", "The pre-test and post-test questions differ"},
	"M25": {"Nilai dihitung dengan benar", "Scores are computed correctly"},
	"M26": {"Tugas praktik dinilai", "Practical work is graded"},
	"M27": {"Pelatih yang mengajar sama dengan yang dicantumkan", "The trainer teaching is the one shown"},
	"M28": {"Pelatih menguasai materi", "The trainer knows the content"},
	"M29": {"Penilaian adil untuk semua peserta", "Grading is fair to every participant"},
	"M30": {"Tidak ada kecurangan dalam tes", "There is no cheating in the tests"},
	// Ketersediaan dan kesesuaian sertifikat (certificate)
	"M31": {"Sertifikat diberikan kepada peserta yang lulus", "Participants who pass get a certificate"},
	"M32": {"Sertifikat memuat nama, judul pelatihan, dan nilai yang benar", "The certificate shows the right name, title and score"},
	"M33": {"Sertifikat terbit tepat waktu", "The certificate is issued on time"},
	"M34": {"Sertifikat bisa diperiksa keasliannya", "The certificate can be verified"},
	"M35": {"Sertifikat tidak diberikan kepada yang belum lulus", "No certificate for those who did not pass"},
	// Kesesuaian harga (fair price)
	"M36": {"Harga yang dibayar sama dengan harga yang tercantum", "The price paid is the price shown"},
	"M37": {"Tidak ada pungutan tambahan kepada peserta", "Participants are charged nothing extra"},
	"M38": {"Harga sama di semua platform digital", "The price is the same on every digital platform"},
	"M39": {"Harga sesuai dengan mutu yang diterima", "The price fits the quality received"},
	"M40": {"Harga tidak dinaikkan tanpa persetujuan", "The price is not raised without approval"},
}
