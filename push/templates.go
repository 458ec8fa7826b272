package push

import (
	"time"

	"github.com/kartuprakerja/platform/ent/notification"
)

// text is a title and body in one language, with {param} placeholders.
type text struct{ Title, Body string }

// variant is the Indonesian and English text of one outcome of a kind.
type variant struct{ ID, EN text }

// template is how one kind of notification reads, where it leads and how
// long it is worth delivering.
type template struct {
	// variants by the value of the "result" parameter ("" when the kind has
	// a single text).
	variants map[string]variant
	// link is the deep link into the PWA, with placeholders.
	link string
	// ttl is how long the push is worth delivering when the event sets no
	// expiry; after it the notification stays in the inbox only.
	ttl time.Duration
	// unmutable kinds are delivered whatever the account muted.
	unmutable bool
	// urgent kinds are sent with high priority.
	urgent bool
}

// templates is the read-only table of every kind. Kinds whose producers do
// not exist yet (payouts, job matches, complaint replies) are here already:
// a producer only builds the Event (see events.go).
var templates = map[notification.Kind]template{
	notification.KindSelectionResult: {
		variants: map[string]variant{
			"selected": {
				ID: text{"Selamat, kamu lolos Gelombang {wave}!",
					"Kartu Prakerja-mu sudah aktif dengan saldo pelatihan {balance}. Beli pelatihan pertamamu dalam 30 hari."},
				EN: text{"Congratulations, you passed Wave {wave}!",
					"Your Kartu Prakerja is active with a training balance of {balance}. Buy your first training within 30 days."},
			},
			"not_selected": {
				ID: text{"Hasil seleksi Gelombang {wave}",
					"Kamu belum lolos di Gelombang {wave}. Jangan menyerah, ikuti gelombang berikutnya."},
				EN: text{"Wave {wave} selection result",
					"You were not selected in Wave {wave}. Don't give up: join the next wave."},
			},
			"excluded": {
				ID: text{"Hasil seleksi Gelombang {wave}",
					"Pendaftaranmu di Gelombang {wave} tidak memenuhi syarat. Lihat alasannya di aplikasi."},
				EN: text{"Wave {wave} selection result",
					"Your application to Wave {wave} did not meet the requirements. See why in the app."},
			},
		},
		link: "/gelombang", ttl: 7 * 24 * time.Hour, unmutable: true, urgent: true,
	},
	notification.KindRevocationWarning: {
		variants: single(
			text{"Segera beli pelatihan pertamamu",
				"Beli pelatihan pertamamu sebelum {deadline} agar kepesertaan Kartu Prakerja-mu tidak dicabut."},
			text{"Buy your first training soon",
				"Buy your first training before {deadline} so your Kartu Prakerja membership is not revoked."}),
		link: "/pelatihan", ttl: 7 * 24 * time.Hour, urgent: true,
	},
	notification.KindRevoked: {
		variants: single(
			text{"Kepesertaan Kartu Prakerja-mu dicabut",
				"Kepesertaanmu dicabut sesuai ketentuan program. Lihat alasannya dan cara mengajukan pengaduan di aplikasi."},
			text{"Your Kartu Prakerja membership was revoked",
				"Your membership was revoked under the program rules. See why and how to file a complaint in the app."}),
		link: "/akun", ttl: 7 * 24 * time.Hour,
	},
	notification.KindPayoutScheduled: {
		variants: single(
			text{"Insentif tahap {installment} dijadwalkan",
				"Insentif {amount} dijadwalkan pada {date} ke {partner}-mu."},
			text{"Incentive payment {installment} scheduled",
				"{amount} is scheduled for {date} to your {partner} account."}),
		link: "/insentif", ttl: 3 * 24 * time.Hour,
	},
	notification.KindPayoutSent: {
		variants: single(
			text{"Insentif tahap {installment} sudah dikirim",
				"Insentif {amount} sudah dikirim ke {partner}-mu. Dana biasanya masuk dalam 3-5 hari kerja."},
			text{"Incentive payment {installment} sent",
				"{amount} was sent to your {partner} account. Funds usually arrive within 3-5 working days."}),
		link: "/insentif", ttl: 7 * 24 * time.Hour,
	},
	notification.KindPayoutFailed: {
		variants: single(
			text{"Insentif tahap {installment} gagal dikirim",
				"Pengiriman {amount} ke {partner}-mu gagal. Periksa akun pembayaranmu di aplikasi."},
			text{"Incentive payment {installment} failed",
				"Sending {amount} to your {partner} account failed. Check your payment account in the app."}),
		link: "/insentif", ttl: 7 * 24 * time.Hour, unmutable: true, urgent: true,
	},
	notification.KindSurveyAvailable: {
		variants: single(
			text{"{survey} sudah tersedia",
				"Isi {survey} dan dapatkan insentif survei {amount}."},
			text{"{survey} is available",
				"Answer {survey} and receive a survey incentive of {amount}."}),
		link: "/survei/{survey_id}", ttl: 14 * 24 * time.Hour,
	},
	notification.KindJobMatch: {
		variants: single(
			text{"Ada {count} lowongan yang cocok untukmu",
				"Lowongan baru sesuai pelatihanmu, misalnya {title}. Lihat dan lamar sekarang."},
			text{"{count} jobs match your skills",
				"New vacancies match your trainings, such as {title}. Have a look and apply now."}),
		link: "/lowongan", ttl: 24 * time.Hour,
	},
	notification.KindComplaintReply: {
		variants: single(
			text{"Pengaduanmu sudah dibalas",
				"Ada balasan untuk pengaduan \"{subject}\". Buka untuk membacanya."},
			text{"Your complaint has a reply",
				"There is a reply to your complaint \"{subject}\". Open it to read."}),
		link: "/bantuan/{complaint_id}", ttl: 7 * 24 * time.Hour,
	},
}

func single(id, en text) map[string]variant { return map[string]variant{"": {ID: id, EN: en}} }

// Unmutable reports whether accounts may not switch kind off (selection
// results and failed payouts).
func Unmutable(kind notification.Kind) bool { return templates[kind].unmutable }

// Kinds lists every notification kind.
func Kinds() []notification.Kind {
	return []notification.Kind{
		notification.KindSelectionResult, notification.KindRevocationWarning, notification.KindRevoked,
		notification.KindPayoutScheduled, notification.KindPayoutSent, notification.KindPayoutFailed,
		notification.KindSurveyAvailable, notification.KindJobMatch, notification.KindComplaintReply,
	}
}
