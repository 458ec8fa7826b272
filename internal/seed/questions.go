package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"

	"github.com/kartuprakerja/platform/ent"
	"github.com/kartuprakerja/platform/ent/question"
	"github.com/kartuprakerja/platform/ent/schema/pulid"
	"github.com/kartuprakerja/platform/internal/msg"
)

// testItem is one multiple-choice question of the motivation and basic
// ability test. The correct choice is listed first; the writer shuffles.
type testItem struct {
	topic  string
	id, en string
	cid    [4]string
	cen    [4]string
}

// same lists choices that read the same in both locales.
func same(a, b, c, d string) [4]string { return [4]string{a, b, c, d} }

var motivationItems = []testItem{
	{"motivation", "Anda gagal dalam wawancara kerja pertama. Apa yang Anda lakukan?",
		"You failed your first job interview. What do you do?",
		[4]string{"Meminta masukan dan berlatih untuk wawancara berikutnya", "Berhenti mencari kerja", "Menyalahkan pewawancara", "Menunggu ada yang menawari pekerjaan"},
		[4]string{"Ask for feedback and practise for the next interview", "Stop looking for work", "Blame the interviewer", "Wait for someone to offer a job"}},
	{"motivation", "Mengapa Anda ingin mengikuti pelatihan Kartu Prakerja?",
		"Why do you want to take a Kartu Prakerja training?",
		[4]string{"Untuk menambah keterampilan agar lebih siap bekerja atau berusaha", "Hanya untuk mendapatkan insentif", "Karena diajak teman", "Tidak tahu"},
		[4]string{"To gain skills so I am readier to work or run a business", "Only to receive the incentive", "Because a friend asked me", "I don't know"}},
	{"motivation", "Materi pelatihan terasa sulit dipahami. Apa yang Anda lakukan?",
		"The training material is hard to understand. What do you do?",
		[4]string{"Mengulang materi dan bertanya kepada instruktur", "Melewatkan materi itu", "Berhenti mengikuti pelatihan", "Meminta orang lain mengerjakan tesnya"},
		[4]string{"Review the material and ask the instructor", "Skip that material", "Stop the training", "Ask someone else to take the test"}},
	{"motivation", "Atasan memberi tugas baru di luar kebiasaan Anda. Sikap Anda?",
		"Your supervisor gives you an unfamiliar new task. How do you respond?",
		[4]string{"Mempelajari yang diperlukan dan mencoba menyelesaikannya", "Menolak karena bukan tugas Anda", "Menunda sampai diingatkan", "Menyerahkannya kepada rekan kerja"},
		[4]string{"Learn what is needed and try to complete it", "Refuse because it is not your job", "Put it off until reminded", "Hand it to a colleague"}},
	{"motivation", "Anda ingin membuka usaha kecil. Langkah pertama yang paling tepat adalah...",
		"You want to start a small business. The best first step is...",
		[4]string{"Mempelajari kebutuhan pasar dan menyusun rencana sederhana", "Langsung meminjam uang dalam jumlah besar", "Meniru usaha tetangga tanpa perhitungan", "Menunggu modal datang sendiri"},
		[4]string{"Study what the market needs and draft a simple plan", "Borrow a large sum straight away", "Copy a neighbour's business without doing the sums", "Wait for capital to appear"}},
	{"motivation", "Bagaimana Anda mengatur waktu belajar di rumah?",
		"How do you organise your study time at home?",
		[4]string{"Membuat jadwal tetap dan menaatinya", "Belajar hanya jika sempat", "Belajar semalam sebelum tes saja", "Tidak perlu diatur"},
		[4]string{"Set a fixed schedule and keep to it", "Study only when there is time", "Study only the night before the test", "It needs no organising"}},
	{"motivation", "Rekan satu tim tidak menyelesaikan bagiannya. Apa yang Anda lakukan?",
		"A team mate did not finish their part. What do you do?",
		[4]string{"Membicarakannya baik-baik dan mencari solusi bersama", "Memarahinya di depan orang lain", "Ikut berhenti bekerja", "Melapor tanpa berbicara dengannya"},
		[4]string{"Talk it over calmly and find a solution together", "Scold them in front of others", "Stop working as well", "Report them without talking to them"}},
	{"motivation", "Setelah pelatihan selesai, apa yang sebaiknya dilakukan?",
		"What should you do once the training is over?",
		[4]string{"Menerapkan keterampilan baru dan terus berlatih", "Melupakan materi pelatihan", "Menyimpan sertifikat saja", "Tidak melakukan apa-apa"},
		[4]string{"Apply the new skills and keep practising", "Forget the material", "Just keep the certificate", "Do nothing"}},
	{"motivation", "Anda mendapat kritik dari pelanggan. Apa yang Anda lakukan?",
		"A customer criticises you. What do you do?",
		[4]string{"Mendengarkan, berterima kasih, dan memperbaiki layanan", "Membalas dengan marah", "Mengabaikannya", "Menutup usaha"},
		[4]string{"Listen, thank them and improve the service", "Reply angrily", "Ignore it", "Close the business"}},
	{"motivation", "Apa arti disiplin dalam bekerja?", "What does discipline at work mean?",
		[4]string{"Datang tepat waktu dan menyelesaikan tugas sesuai tenggat", "Bekerja hanya saat diawasi", "Pulang lebih cepat setiap hari", "Mengerjakan tugas sesuka hati"},
		[4]string{"Arriving on time and meeting deadlines", "Working only when watched", "Leaving early every day", "Doing tasks as you please"}},
	{"motivation", "Anda ditawari pekerjaan bergaji sedikit lebih rendah tetapi dengan kesempatan belajar besar. Sikap Anda?",
		"You are offered a job that pays a little less but offers much to learn. What do you do?",
		[4]string{"Menimbang peluang belajar dan pengembangan jangka panjang", "Langsung menolak tanpa berpikir", "Menerima lalu berhenti seminggu kemudian", "Menunggu tawaran yang sempurna"},
		[4]string{"Weigh the learning and long-term growth", "Refuse without thinking", "Accept and quit a week later", "Wait for the perfect offer"}},
	{"motivation", "Ketika menghadapi masalah baru di tempat kerja, Anda...",
		"When you meet a new problem at work, you...",
		[4]string{"Mencari informasi dan mencoba beberapa cara penyelesaian", "Menyerah", "Menunggu orang lain menyelesaikannya", "Menyembunyikan masalahnya"},
		[4]string{"Look for information and try several solutions", "Give up", "Wait for someone else to solve it", "Hide the problem"}},
	{"motivation", "Target pribadi yang baik adalah target yang...", "A good personal goal is one that is...",
		[4]string{"Jelas, terukur, dan punya batas waktu", "Tidak perlu ditulis", "Sangat umum dan tidak terukur", "Ditentukan orang lain"},
		[4]string{"Clear, measurable and time-bound", "Not worth writing down", "Very general and unmeasurable", "Set by someone else"}},
	{"motivation", "Seorang teman mengajak Anda menjual sertifikat palsu. Apa jawaban Anda?",
		"A friend invites you to sell fake certificates. What do you answer?",
		[4]string{"Menolak karena melanggar hukum dan merugikan orang lain", "Ikut karena untungnya besar", "Membeli satu untuk diri sendiri", "Diam saja dan ikut membantu"},
		[4]string{"Refuse: it breaks the law and harms others", "Join because the profit is high", "Buy one for yourself", "Say nothing and help"}},
	{"motivation", "Sumber informasi lowongan kerja yang paling dapat dipercaya adalah...",
		"The most trustworthy source of job vacancies is...",
		[4]string{"Portal kerja resmi dan situs perusahaan", "Pesan berantai yang meminta biaya pendaftaran", "Iklan tanpa nama perusahaan", "Tawaran yang meminta transfer uang dulu"},
		[4]string{"Official job portals and company websites", "Chain messages asking for a registration fee", "Adverts with no company name", "Offers that ask for a money transfer first"}},
}

var literacyItems = []testItem{
	{"literacy", "Bacalah: \"Toko Maju buka pukul 08.00-17.00, kecuali hari Minggu.\" Kapan toko itu tutup sepanjang hari?",
		"Read: \"Toko Maju opens 08.00-17.00, except on Sundays.\" When is the shop closed all day?",
		[4]string{"Hari Minggu", "Hari Senin", "Hari Sabtu", "Setiap hari pukul 08.00"},
		[4]string{"Sunday", "Monday", "Saturday", "Every day at 08.00"}},
	{"literacy", "Bacalah: \"Insentif dibayarkan setelah peserta menyelesaikan pelatihan pertama.\" Apa syarat insentif dibayarkan?",
		"Read: \"The incentive is paid after the participant completes the first training.\" What is the condition for payment?",
		[4]string{"Menyelesaikan pelatihan pertama", "Membeli dua pelatihan", "Mengisi survei ketiga", "Memiliki usaha"},
		[4]string{"Completing the first training", "Buying two trainings", "Answering the third survey", "Owning a business"}},
	{"literacy", "Bacalah: \"Ani menabung Rp10.000 setiap hari agar bisa membeli mesin jahit.\" Apa tujuan Ani menabung?",
		"Read: \"Ani saves Rp10,000 every day so she can buy a sewing machine.\" Why does Ani save?",
		[4]string{"Membeli mesin jahit", "Membayar sekolah", "Membeli telepon", "Berlibur"},
		[4]string{"To buy a sewing machine", "To pay for school", "To buy a phone", "To go on holiday"}},
	{"literacy", "Kata \"terampil\" paling dekat artinya dengan...", "The word \"terampil\" (skilled) is closest in meaning to...",
		same("cakap", "malas", "lambat", "ragu"), [4]string{"capable", "lazy", "slow", "hesitant"}},
	{"literacy", "Lawan kata \"hemat\" adalah...", "The opposite of \"hemat\" (thrifty) is...",
		same("boros", "irit", "cermat", "rajin"), [4]string{"wasteful", "economical", "careful", "diligent"}},
	{"literacy", "Bacalah: \"Lowongan kasir. Syarat: pendidikan minimal SMA, jujur, teliti.\" Siapa yang memenuhi syarat pendidikan?",
		"Read: \"Cashier wanted. Requirements: at least senior high school, honest, careful.\" Who meets the education requirement?",
		[4]string{"Lulusan SMA", "Lulusan SD", "Lulusan SMP", "Belum lulus SMP"},
		[4]string{"A senior high school graduate", "A primary school graduate", "A junior high school graduate", "Someone who has not finished junior high"}},
	{"literacy", "Kalimat manakah yang ditulis dengan benar?", "Which sentence is written correctly?",
		same("Saya mengikuti pelatihan di Jakarta.", "saya mengikuti pelatihan di jakarta.", "Saya Mengikuti pelatihan Di jakarta", "saya mengikuti Pelatihan di Jakarta"),
		same("Saya mengikuti pelatihan di Jakarta.", "saya mengikuti pelatihan di jakarta.", "Saya Mengikuti pelatihan Di jakarta", "saya mengikuti Pelatihan di Jakarta")},
	{"literacy", "Bacalah: \"Pupuk cair dibuat dari sisa sayuran yang difermentasi selama 14 hari.\" Berapa lama fermentasinya?",
		"Read: \"Liquid fertiliser is made from vegetable scraps fermented for 14 days.\" How long is the fermentation?",
		same("14 hari", "7 hari", "4 hari", "40 hari"), same("14 days", "7 days", "4 days", "40 days")},
	{"literacy", "Ide pokok sebuah paragraf biasanya terdapat pada...", "The main idea of a paragraph is usually found in...",
		[4]string{"kalimat utama", "tanda baca", "judul buku", "nomor halaman"},
		[4]string{"the topic sentence", "the punctuation", "the book title", "the page number"}},
	{"literacy", "Bacalah: \"Barista harus menjaga kebersihan alat agar rasa kopi tetap baik.\" Mengapa alat harus bersih?",
		"Read: \"A barista must keep the equipment clean so the coffee tastes good.\" Why must the equipment be clean?",
		[4]string{"Agar rasa kopi tetap baik", "Agar alat cepat rusak", "Agar kopi lebih murah", "Agar pelanggan menunggu"},
		[4]string{"So the coffee tastes good", "So the equipment breaks sooner", "So the coffee is cheaper", "So customers wait"}},
	{"literacy", "Surat lamaran kerja sebaiknya ditulis dengan bahasa yang...", "A job application letter should be written in language that is...",
		[4]string{"sopan dan jelas", "santai seperti pesan singkat", "penuh singkatan", "kasar"},
		[4]string{"polite and clear", "casual like a chat message", "full of abbreviations", "rude"}},
	{"literacy", "Bacalah: \"Pelatihan ini terdiri atas 6 modul; setiap modul berlangsung 1 jam.\" Berapa jam pelatihan itu seluruhnya?",
		"Read: \"This training has 6 modules of 1 hour each.\" How many hours is the whole training?",
		same("6 jam", "1 jam", "12 jam", "3 jam"), same("6 hours", "1 hour", "12 hours", "3 hours")},
	{"literacy", "Kata baku yang benar adalah...", "The standard spelling is...",
		same("aktivitas", "aktifitas", "aktipitas", "aktivitaz"), same("aktivitas", "aktifitas", "aktipitas", "aktivitaz")},
	{"literacy", "Bacalah: \"Keluhan dijawab paling lambat 2 × 24 jam.\" Artinya keluhan dijawab...",
		"Read: \"Complaints are answered within 2 × 24 hours at the latest.\" This means complaints are answered...",
		[4]string{"paling lama dalam dua hari", "tepat dalam 24 menit", "dalam seminggu", "dalam sebulan"},
		[4]string{"within two days at most", "in exactly 24 minutes", "within a week", "within a month"}},
	{"literacy", "Bacalah: \"NIK adalah data pribadi dan tidak boleh dibagikan.\" Seseorang meminta NIK Anda lewat pesan. Apa yang Anda lakukan?",
		"Read: \"Your NIK is personal data and must not be shared.\" Someone asks for your NIK by message. What do you do?",
		[4]string{"Tidak memberikannya", "Langsung mengirimkannya", "Mengunggahnya ke media sosial", "Memberikannya jika dijanjikan hadiah"},
		[4]string{"Not give it", "Send it at once", "Post it on social media", "Give it if promised a prize"}},
}

var logicItems = []testItem{
	{"logic", "Semua peserta yang lulus post-test mendapat sertifikat. Budi lulus post-test. Kesimpulannya...",
		"Everyone who passes the post-test gets a certificate. Budi passed the post-test. Therefore...",
		[4]string{"Budi mendapat sertifikat", "Budi tidak mendapat sertifikat", "Budi belum mengikuti pelatihan", "Tidak dapat disimpulkan"},
		[4]string{"Budi gets a certificate", "Budi does not get a certificate", "Budi has not taken the training", "Nothing can be concluded"}},
	{"logic", "Jika hujan, jalan basah. Jalan tidak basah. Maka...", "If it rains, the road is wet. The road is not wet. So...",
		[4]string{"Tidak hujan", "Hujan", "Jalan basah", "Mungkin hujan deras"},
		[4]string{"It is not raining", "It is raining", "The road is wet", "It may be raining hard"}},
	{"logic", "Ani lebih tinggi daripada Budi. Budi lebih tinggi daripada Citra. Siapa yang paling pendek?",
		"Ani is taller than Budi. Budi is taller than Citra. Who is the shortest?",
		[4]string{"Citra", "Ani", "Budi", "Semua sama tinggi"}, [4]string{"Citra", "Ani", "Budi", "All the same height"}},
	{"logic", "Hari ini Rabu. Tiga hari lagi adalah hari...", "Today is Wednesday. In three days it will be...",
		[4]string{"Sabtu", "Jumat", "Minggu", "Kamis"}, [4]string{"Saturday", "Friday", "Sunday", "Thursday"}},
	{"logic", "Dalam antrean, Dedi berada di urutan ke-4 dari depan dan ke-6 dari belakang. Berapa orang dalam antrean?",
		"In a queue Dedi is 4th from the front and 6th from the back. How many people are in the queue?",
		same("9", "10", "8", "11"), same("9", "10", "8", "11")},
}

// numeracyItems generates n arithmetic questions of everyday kinds.
func numeracyItems(r *rand.Rand, n int) []testItem {
	var out []testItem
	for i := range n {
		switch i % 5 {
		case 0:
			price, qty := 1_000*(2+r.IntN(19)), 3+r.IntN(7)
			out = append(out, numberItem(fmt.Sprintf("Harga satu bungkus kopi %s. Berapa harga %d bungkus?", idr(price), qty),
				fmt.Sprintf("One pack of coffee costs %s. How much do %d packs cost?", enr(price), qty),
				price*qty, []int{price * (qty - 1), price * (qty + 1), price*qty + price/2}, true))
		case 1:
			price, disc := 50_000*(2+r.IntN(10)), []int{10, 20, 25, 50}[r.IntN(4)]
			got := price - price*disc/100
			out = append(out, numberItem(fmt.Sprintf("Pelatihan seharga %s mendapat potongan %d%%. Berapa harga setelah potongan?", idr(price), disc),
				fmt.Sprintf("A %s training has a %d%% discount. What is the price after the discount?", enr(price), disc),
				got, []int{price * disc / 100, price - disc*1_000, got + price/10}, true))
		case 2:
			cost := 1_000 * (11 + r.IntN(80))
			pay := 100_000
			out = append(out, numberItem(fmt.Sprintf("Anda berbelanja %s dan membayar %s. Berapa kembaliannya?", idr(cost), idr(pay)),
				fmt.Sprintf("You shop for %s and pay %s. How much change do you get?", enr(cost), enr(pay)),
				pay-cost, []int{pay - cost + 10_000, pay - cost - 1_000, cost}, true))
		case 3:
			start, hours := 7+r.IntN(5), 2+r.IntN(5)
			out = append(out, timeItem(start, hours))
		default:
			a, b := 50+r.IntN(40), 50+r.IntN(40)
			c := 3*(60+r.IntN(25)) - a - b
			if c < 0 || c > 100 {
				c = 75
				a, b = 70, 80
			}
			avg := (a + b + c) / 3
			out = append(out, numberItem(fmt.Sprintf("Nilai tiga tes Anda %d, %d, dan %d. Berapa rata-ratanya?", a, b, c),
				fmt.Sprintf("Your three test scores are %d, %d and %d. What is the average?", a, b, c),
				avg, []int{avg + 5, avg - 3, a + b + c}, false))
		}
	}
	return out
}

// seriesItems generates n "continue the series" questions.
func seriesItems(r *rand.Rand, n int) []testItem {
	var out []testItem
	for i := range n {
		var terms []int
		var next int
		switch i % 4 {
		case 0: // arithmetic
			a, d := 1+r.IntN(20), 2+r.IntN(8)
			for k := range 5 {
				terms = append(terms, a+k*d)
			}
			next = a + 5*d
		case 1: // geometric
			a, q := 1+r.IntN(4), 2+r.IntN(2)
			for k, v := 0, a; k < 5; k, v = k+1, v*q {
				terms = append(terms, v)
			}
			next = terms[4] * q
		case 2: // growing steps
			a, d := 1+r.IntN(10), 1+r.IntN(3)
			v := a
			for k := range 5 {
				terms = append(terms, v)
				v += d * (k + 1)
			}
			next = v
		default: // squares
			k0 := 1 + r.IntN(6)
			for k := range 5 {
				terms = append(terms, (k0+k)*(k0+k))
			}
			next = (k0 + 5) * (k0 + 5)
		}
		s := fmt.Sprint(terms[0])
		for _, t := range terms[1:] {
			s += ", " + strconv.Itoa(t)
		}
		out = append(out, numberItem("Lanjutkan deret berikut: "+s+", ...", "Continue the series: "+s+", ...",
			next, []int{next + 1, next - 2, terms[4] + (terms[4] - terms[3])}, false))
	}
	return out
}

// numberItem makes a numeric question whose distractors differ from the
// answer and from each other.
func numberItem(id, en string, answer int, distractors []int, money bool) testItem {
	fid, fen := strconv.Itoa, strconv.Itoa
	if money {
		fid, fen = idr, enr
	}
	vals := []int{answer}
	for _, d := range append(distractors, answer+7, answer+13, answer*2+1) {
		if len(vals) == 4 {
			break
		}
		dup := d < 0
		for _, v := range vals {
			dup = dup || v == d
		}
		if !dup {
			vals = append(vals, d)
		}
	}
	var cid, cen [4]string
	for i, v := range vals {
		cid[i], cen[i] = fid(v), fen(v)
	}
	return testItem{topic: "numeracy", id: id, en: en, cid: cid, cen: cen}
}

func timeItem(start, hours int) testItem {
	end := start + hours
	f := func(h int) string { return fmt.Sprintf("%02d.00", h) }
	return testItem{topic: "numeracy",
		id:  fmt.Sprintf("Pelatihan dimulai pukul %s dan berlangsung %d jam. Pukul berapa pelatihan selesai?", f(start), hours),
		en:  fmt.Sprintf("A training starts at %s and lasts %d hours. When does it end?", f(start), hours),
		cid: [4]string{f(end), f(end - 1), f(end + 1), f(start + 2*hours)},
		cen: [4]string{f(end), f(end - 1), f(end + 1), f(start + 2*hours)}}
}

// idr and enr write an amount of rupiah as each language reads it
// (internal/msg's one formatter): Rp1.250.000 and Rp1,250,000.
func idr(v int) string { return msg.Money(msg.ID, int64(v)) }
func enr(v int) string { return msg.Money(msg.EN, int64(v)) }

// writeQuestions writes the ability-test bank: 60 questions on motivation,
// literacy, numeracy and logic, with shuffled choices.
func (w *world) writeQuestions(ctx context.Context, tx *ent.Tx, r *rand.Rand, sum *Summary) error {
	items := append(append([]testItem(nil), motivationItems...), literacyItems...)
	items = append(items, numeracyItems(r, 15)...)
	items = append(items, logicItems...)
	items = append(items, seriesItems(r, 10)...)
	builders := make([]*ent.QuestionCreate, 0, len(items))
	for _, it := range items {
		perm := r.Perm(4)
		cid, cen := make([]string, 4), make([]string, 4)
		answer := 0
		for pos, k := range perm {
			cid[pos], cen[pos] = it.cid[k], it.cen[k]
			if k == 0 {
				answer = pos
			}
		}
		id := pulid.Deterministic("qu", catalogueEpoch, r)
		w.ability = append(w.ability, questionRef{id: id, answer: answer})
		builders = append(builders, tx.Question.Create().SetID(id).SetTest(question.TestAbility).
			SetTopic(it.topic).SetPromptID(it.id).SetPromptEn(it.en).SetChoicesID(cid).SetChoicesEn(cen).
			SetAnswer(answer).SetCreatedAt(catalogueEpoch).SetUpdatedAt(catalogueEpoch))
	}
	if err := bulk(ctx, builders, 1000, tx.Question.CreateBulk); err != nil {
		return fmt.Errorf("questions: %w", err)
	}
	sum.Questions = len(builders)
	return nil
}
