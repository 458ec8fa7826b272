package seed

// The constant tables of the catalogue and the partners. Course topics follow
// the examples the annual report gives per category (lines 1380-1438 of
// seed/prakerja-annual-report-2021.txt); the platforms and payment partners
// are the 2021 partners named in PROGRAM.md.

type platformSpec struct {
	code, name, url string
	weight          float64
}

var platformSpecs = []platformSpec{
	{"TOKOPEDIA", "Tokopedia", "https://www.tokopedia.com/kartu-prakerja", 30},
	{"BUKALAPAK", "Bukalapak", "https://www.bukalapak.com/kartu-prakerja", 22},
	{"PINTARIA", "Pintaria", "https://pintaria.com", 12},
	{"PIJARMAHIR", "Pijar Mahir", "https://pijarmahir.id", 12},
	{"MAUBELAJARAPA", "MauBelajarApa", "https://maubelajarapa.com", 9},
	{"SEKOLAHMU", "Sekolahmu", "https://www.sekolah.mu", 10},
	{"SISNAKER", "Sisnaker", "https://sisnaker.kemnaker.go.id", 5},
}

type partnerSpec struct {
	code, name, kind string
	weight           float64 // share of linked accounts (93% of first-time holders chose an e-wallet)
}

var paymentPartnerSpecs = []partnerSpec{
	{"BNI", "Bank Negara Indonesia (BNI)", "bank", 18},
	{"GOPAY", "GoPay", "ewallet", 26},
	{"OVO", "OVO", "ewallet", 24},
	{"LINKAJA", "LinkAja", "ewallet", 14},
	{"DANA", "DANA", "ewallet", 12},
	{"SHOPEEPAY", "ShopeePay", "ewallet", 6},
}

var jobPortalSpecs = []platformSpec{
	{"KARIRHUB", "Karirhub (Kemnaker)", "https://karirhub.kemnaker.go.id", 50},
	{"JOBSTREET", "Jobstreet", "https://www.jobstreet.co.id", 30},
	{"KALIBRR", "Kalibrr", "https://www.kalibrr.id", 20},
}

// categorySpec is one of the 12 course categories with its share of the
// catalogue (an estimate: the report names the categories, not their sizes)
// and the topics its titles are built from.
type categorySpec struct {
	value    string
	weight   float64
	topics   []string
	patterns []string // extra title patterns that suit this category
}

var categorySpecs = []categorySpec{
	{"it", 14, []string{"Microsoft Excel", "Data Sains", "Pemrograman Python", "Basis Data MySQL", "Metode Agile",
		"Scrum", "Jaringan Cisco", "Manajemen Proyek dengan Trello", "Analitik Data", "Product Management",
		"Desain Grafis dengan Canva", "Pembuatan Website WordPress", "Pemrograman Android", "Keamanan Siber",
		"Microsoft Word", "Desain UI/UX"},
		[]string{"%s untuk Dunia Kerja", "Sertifikasi Dasar %s"}},
	{"sales_marketing", 14, []string{"Bisnis Daring", "Pemasaran Digital", "Pemasaran Properti",
		"Berjualan di Marketplace", "Iklan Media Sosial", "Copywriting Penjualan", "Teknik Closing Penjualan",
		"Foto Produk untuk Jualan Online", "Pemasaran Instagram", "Reseller dan Dropship",
		"Manajemen Hubungan Pelanggan", "SEO Toko Online"},
		[]string{"%s untuk UMKM", "Strategi %s agar Laris Manis"}},
	{"lifestyle", 12, []string{"Kerajinan Tangan", "Tata Rias Pengantin", "Fotografi", "Salon Kecantikan",
		"Pangkas Rambut", "Menjahit Pakaian", "Merajut", "Make Up Artist", "Perawatan Kuku", "Merangkai Bunga",
		"Batik Tulis", "Sablon Kaos"},
		[]string{"Memulai Usaha %s dari Rumah", "Peluang Bisnis %s"}},
	{"language", 8, []string{"Bahasa Inggris", "Bahasa Korea", "Bahasa Mandarin", "Bahasa Jepang",
		"Bahasa Belanda", "Bahasa Spanyol", "Bahasa Jerman", "Bahasa Arab", "Bahasa Inggris Pariwisata",
		"Bahasa Inggris Bisnis"},
		[]string{"%s untuk Percakapan Sehari-hari", "%s untuk Bekerja di Luar Negeri"}},
	{"office", 9, []string{"Kesekretariatan", "Administrasi Perkantoran", "Customer Service",
		"Pengarsipan Dokumen", "Resepsionis", "Korespondensi Bisnis", "Administrasi Gudang", "Pelayanan Prima",
		"Notulensi Rapat", "Administrasi Kepegawaian"},
		[]string{"%s untuk Dunia Kerja", "Menjadi Staf %s Profesional"}},
	{"engineering", 6, []string{"Audio Mixing", "Merakit Komputer", "Memperbaiki Komputer",
		"Keselamatan dan Kesehatan Kerja (K3)", "Instalasi Listrik Rumah", "Servis AC", "Servis Sepeda Motor",
		"Pengelasan", "Servis Telepon Seluler", "Instalasi Panel Surya", "Gambar Teknik AutoCAD"},
		[]string{"Membuka Jasa %s", "Praktik %s Langkah demi Langkah"}},
	{"agriculture", 5, []string{"Hidroponik", "Pembuatan Pupuk Cair", "Urban Farming", "Toko Tani",
		"Budidaya Ikan Lele", "Budidaya Jamur Tiram", "Beternak Ayam Kampung", "Budidaya Maggot",
		"Budidaya Sayur Organik", "Pembibitan Tanaman", "Budidaya Kopi", "Akuakultur Bioflok"},
		[]string{"Memulai Usaha %s dari Rumah", "Peluang Bisnis %s"}},
	{"finance", 8, []string{"Permodalan Usaha", "Akuntansi", "Perencanaan Keuangan", "Pembukuan UMKM",
		"Perpajakan UMKM", "Akuntansi dengan Excel", "Literasi Keuangan", "Manajemen Arus Kas",
		"Investasi untuk Pemula", "Laporan Keuangan Sederhana"},
		[]string{"%s untuk UMKM", "%s untuk Keluarga"}},
	{"food_beverage", 9, []string{"Tata Boga", "Barista", "Katering", "Kue Kering", "Roti dan Pastri",
		"Minuman Kekinian", "Makanan Beku", "Masakan Nusantara", "Kue Tradisional", "Sambal Kemasan",
		"Keamanan Pangan dan Higiene"},
		[]string{"Memulai Usaha %s dari Rumah", "Peluang Bisnis %s"}},
	{"management", 7, []string{"Kepemimpinan", "Strategi Produksi", "Pendirian Usaha", "Manajemen Proyek",
		"Manajemen SDM", "Manajemen Risiko", "Manajemen Rantai Pasok", "Manajemen Waktu", "Perencanaan Bisnis",
		"Manajemen Toko Ritel"},
		[]string{"%s untuk Pemilik Usaha Kecil", "%s bagi Calon Supervisor"}},
	{"social_behaviour", 5, []string{"Etika dan Etiket Kerja", "Komunikasi Penjualan Efektif",
		"Public Speaking", "Negosiasi", "Kerja Sama Tim", "Kecerdasan Emosional", "Persiapan Wawancara Kerja",
		"Menyusun CV yang Menarik", "Pelayanan Pelanggan", "Berpikir Kritis"},
		[]string{"%s untuk Pencari Kerja", "Kiat %s di Tempat Kerja"}},
	{"other", 3, []string{"Desain Komik", "Copywriting", "Menulis Kreatif", "Pembuatan Konten Video",
		"Podcast", "Animasi 2D", "Ilustrasi Digital", "Menulis Skenario", "Pemandu Wisata", "Perawatan Lansia"},
		[]string{"Menjadi Kreator %s", "%s sebagai Profesi"}},
}

// titlePatterns suit every category.
var titlePatterns = []string{
	"Belajar %s untuk Pemula",
	"%s dari Nol hingga Mahir",
	"Dasar-Dasar %s",
	"Menguasai %s",
	"Pelatihan %s Tingkat Dasar",
	"Pelatihan %s Tingkat Lanjut",
	"Kursus Praktis %s",
	"Teknik %s yang Efektif",
}

// Method shares from the report (lines 1328-1344): LMS 71%, hybrid 15%,
// webinar 14%.
var methodWeights = []weighted{{"lms", 71}, {"hybrid", 15}, {"webinar", 14}}

var institutionPrefixes = []string{
	"LPK", "Lembaga Pelatihan", "Akademi", "Pusat Pelatihan", "Kursus", "Sekolah Keterampilan",
	"Balai Kursus", "Studio",
}

var institutionCores = []string{
	"Cipta Karya", "Bina Insani", "Mitra Mandiri", "Talenta Nusantara", "Prima Cendekia", "Gemilang",
	"Cakrawala", "Sinar Ilmu", "Bintang Terampil", "Kreasi Muda", "Karya Bangsa", "Maju Bersama",
	"Insan Kreatif", "Wira Usaha", "Digital Cerdas", "Citra Mandiri", "Harapan Bangsa", "Tunas Unggul",
	"Sentra Kompetensi", "Pelita Ilmu", "Daya Prestasi", "Mutiara Ilmu", "Anak Negeri", "Bakti Persada",
}

// reviewPhrases are the words recipients used most in reviews (report,
// lines 1446-1500).
var reviewPhrases = []string{
	"Sangat bagus untuk pemula.", "Sangat menginspirasi.", "Pelatihan yang saya cari.", "Terima kasih Prakerja!",
	"Pelatihan berkualitas.", "Pengalaman baru.", "Materinya menarik.", "Pelatihan bagus, mantap dan puas.",
	"Menyenangkan dan mudah dimengerti.", "Membantu saya memulai usaha.", "Banyak belajar.",
	"Sangat informatif.", "Sertifikatnya berguna untuk melamar kerja.", "Cocok untuk wirausaha.",
	"Instrukturnya keren.", "Sangat bermanfaat.", "Mudah dipahami dan sangat membantu.",
	"Pelatihan terbaik.", "Menambah wawasan.", "Menambah ilmu.", "Detail dan jelas.", "Sempurna.",
	"Recommended.", "Sangat baik.", "Menambah skill.",
}

// categoryTags is the broad topic tag of each category.
var categoryTags = map[string][]string{
	"it":               {"teknologi informasi", "komputer"},
	"sales_marketing":  {"penjualan", "pemasaran"},
	"lifestyle":        {"gaya hidup", "usaha rumahan"},
	"language":         {"bahasa asing"},
	"office":           {"perkantoran", "administrasi"},
	"engineering":      {"teknik", "perbengkelan"},
	"agriculture":      {"pertanian", "peternakan"},
	"finance":          {"keuangan"},
	"food_beverage":    {"kuliner", "makanan"},
	"management":       {"manajemen", "bisnis"},
	"social_behaviour": {"pengembangan diri", "soft skill"},
	"other":            {"kreatif"},
}

// topicTags are extra tags of the topics people search for by another name.
var topicTags = map[string][]string{
	"Microsoft Excel":             {"spreadsheet", "rumus excel"},
	"Data Sains":                  {"data science", "statistik"},
	"Pemrograman Python":          {"python", "coding"},
	"Basis Data MySQL":            {"database", "sql"},
	"Analitik Data":               {"data analyst", "dashboard"},
	"Desain Grafis dengan Canva":  {"canva", "desain"},
	"Pembuatan Website WordPress": {"website", "wordpress"},
	"Pemrograman Android":         {"android", "aplikasi"},
	"Keamanan Siber":              {"cyber security", "keamanan jaringan"},
	"Desain UI/UX":                {"ui ux", "desain aplikasi"},
	"Bisnis Daring":               {"bisnis online", "jualan online"},
	"Pemasaran Digital":           {"pemasaran digital", "digital marketing"},
	"Berjualan di Marketplace":    {"marketplace", "jualan online"},
	"Iklan Media Sosial":          {"media sosial", "iklan facebook"},
	"Pemasaran Instagram":         {"instagram", "media sosial"},
	"SEO Toko Online":             {"seo", "toko online"},
	"Reseller dan Dropship":       {"dropship", "reseller"},
	"Fotografi":                   {"fotografi", "kamera"},
	"Menjahit Pakaian":            {"menjahit", "konveksi"},
	"Make Up Artist":              {"make up", "tata rias"},
	"Bahasa Inggris":              {"bahasa Inggris", "english"},
	"Bahasa Korea":                {"bahasa Korea", "EPS-TOPIK", "kerja di Korea"},
	"Bahasa Jepang":               {"bahasa Jepang", "JLPT", "kerja di Jepang"},
	"Bahasa Mandarin":             {"bahasa Mandarin", "HSK"},
	"Bahasa Arab":                 {"bahasa Arab"},
	"Bahasa Jerman":               {"bahasa Jerman"},
	"Customer Service":            {"layanan pelanggan", "call center"},
	"Servis AC":                   {"AC", "pendingin ruangan"},
	"Servis Sepeda Motor":         {"bengkel motor", "otomotif"},
	"Pengelasan":                  {"las", "welding"},
	"Instalasi Panel Surya":       {"tenaga surya", "listrik"},
	"Hidroponik":                  {"hidroponik", "sayuran", "urban farming"},
	"Urban Farming":               {"urban farming", "berkebun"},
	"Budidaya Ikan Lele":          {"ikan lele", "perikanan"},
	"Budidaya Jamur Tiram":        {"jamur tiram"},
	"Beternak Ayam Kampung":       {"ayam kampung", "ternak ayam"},
	"Budidaya Maggot":             {"maggot", "pakan ternak"},
	"Akuakultur Bioflok":          {"bioflok", "perikanan"},
	"Pembukuan UMKM":              {"pembukuan", "UMKM"},
	"Perpajakan UMKM":             {"pajak", "UMKM"},
	"Investasi untuk Pemula":      {"investasi", "reksa dana"},
	"Barista":                     {"kopi", "barista"},
	"Kue Kering":                  {"kue", "baking"},
	"Roti dan Pastri":             {"roti", "baking"},
	"Minuman Kekinian":            {"minuman", "es kopi"},
	"Public Speaking":             {"berbicara di depan umum", "presentasi"},
	"Persiapan Wawancara Kerja":   {"wawancara kerja", "interview"},
	"Menyusun CV yang Menarik":    {"CV", "lamaran kerja"},
	"Pembuatan Konten Video":      {"konten", "youtube"},
	"Podcast":                     {"podcast", "audio"},
}

// categoryModules are the modules a course of each category is built from,
// in teaching order (%s is the topic); a course takes 4-8 of them.
var categoryModules = map[string][]string{
	"it": {"Pengenalan %s", "Instalasi dan Persiapan Perangkat", "Konsep Dasar %s", "Latihan Soal dan Praktik",
		"Studi Kasus di Perusahaan", "Tips Produktivitas", "Membuat Proyek Akhir", "Persiapan Sertifikasi"},
	"sales_marketing": {"Mengenal %s", "Memahami Calon Pembeli", "Menyusun Strategi Pemasaran",
		"Membuat Konten yang Menjual", "Mengelola Iklan dan Anggaran", "Melayani Pelanggan", "Mengukur Hasil Penjualan",
		"Studi Kasus UMKM"},
	"lifestyle": {"Pengenalan %s", "Alat dan Bahan", "Teknik Dasar", "Praktik Langkah demi Langkah",
		"Kesalahan yang Sering Terjadi", "Menentukan Harga Jasa", "Memasarkan Hasil Karya", "Membangun Usaha Rumahan"},
	"language": {"Huruf dan Pengucapan", "Perkenalan Diri", "Kosakata Sehari-hari", "Tata Bahasa Dasar",
		"Percakapan di Tempat Kerja", "Mendengarkan dan Menyimak", "Membaca dan Menulis", "Latihan Ujian Kemampuan"},
	"office": {"Pengenalan %s", "Etika Kerja Kantor", "Mengelola Dokumen dan Surat", "Komunikasi dengan Atasan dan Tamu",
		"Menggunakan Aplikasi Perkantoran", "Menyusun Laporan", "Manajemen Waktu", "Simulasi Kerja"},
	"engineering": {"Pengenalan %s", "Keselamatan Kerja", "Mengenal Alat dan Komponen", "Praktik Pemasangan",
		"Perawatan Berkala", "Mendiagnosis Kerusakan", "Perbaikan Langkah demi Langkah", "Membuka Jasa Sendiri"},
	"agriculture": {"Pengenalan %s", "Menyiapkan Lahan dan Peralatan", "Memilih Bibit Unggul", "Perawatan Harian",
		"Mengendalikan Hama dan Penyakit", "Panen dan Pascapanen", "Menghitung Modal dan Keuntungan", "Memasarkan Hasil Panen"},
	"finance": {"Pengenalan %s", "Mencatat Transaksi", "Memisahkan Uang Pribadi dan Usaha", "Menyusun Anggaran",
		"Membaca Laporan Keuangan", "Mengelola Utang dan Modal", "Kewajiban Pajak", "Studi Kasus Keuangan UMKM"},
	"food_beverage": {"Pengenalan %s", "Bahan dan Peralatan Dapur", "Kebersihan dan Keamanan Pangan", "Resep Dasar",
		"Praktik Memasak", "Pengemasan dan Label", "Menghitung Harga Pokok", "Menjual Secara Daring"},
	"management": {"Pengenalan %s", "Menetapkan Tujuan", "Merencanakan Kegiatan", "Mengelola Tim",
		"Mengambil Keputusan", "Mengendalikan Biaya", "Mengukur Kinerja", "Studi Kasus Usaha Kecil"},
	"social_behaviour": {"Pengenalan %s", "Mengenal Diri Sendiri", "Berkomunikasi dengan Jelas", "Mendengarkan Aktif",
		"Menghadapi Situasi Sulit", "Bekerja dalam Tim", "Latihan Simulasi", "Rencana Pengembangan Diri"},
	"other": {"Pengenalan %s", "Peralatan yang Dibutuhkan", "Teknik Dasar", "Membuat Karya Pertama",
		"Menyunting dan Menyempurnakan", "Membangun Portofolio", "Mendapatkan Klien", "Menjadikan Profesi"},
}

// instructorFirst and instructorLast make the instructors' names.
var (
	instructorFirst = []string{"Dewi", "Budi", "Siti", "Agus", "Rina", "Hendra", "Yuliana", "Fajar", "Ayu",
		"Rudi", "Maya", "Andi", "Lestari", "Joko", "Nur", "Wahyu", "Indah", "Bayu", "Ratna", "Eko"}
	instructorLast = []string{"Setiawan", "Lestari", "Pratama", "Wijaya", "Hidayat", "Saputra", "Nugroho",
		"Kusuma", "Siregar", "Harahap", "Purnama", "Santoso", "Rahmawati", "Simanjuntak", "Gunawan", "Putri"}
	instructorDegree = []string{"", "S.Kom.", "S.E.", "S.Pd.", "M.M.", "S.T.", "S.P.", "M.Pd."}
)
