package msg

// Notification texts use {name} placeholders, filled by push from the
// event's stored parameters (push/render.go), not fmt verbs.

// NotificationTitle is the key of a notification's title, by kind and
// result ("" for kinds with one text).
func NotificationTitle(kind, result string) Key { return notificationKey(kind, result, "title") }

// NotificationBody is the key of a notification's body.
func NotificationBody(kind, result string) Key { return notificationKey(kind, result, "body") }

func notificationKey(kind, result, part string) Key {
	if result == "" {
		return Key("notify." + kind + "." + part)
	}
	return Key("notify." + kind + "." + result + "." + part)
}

// notification is a title and a body in both languages.
type notification struct{ title, body text }

// notificationTexts are the texts of every notification kind (and result).
func notificationTexts() map[[2]string]notification {
	return map[[2]string]notification{
		{"selection_result", "selected"}: {
			text{"Selamat, kamu lolos Gelombang {wave}!", "Congratulations, you passed Wave {wave}!"},
			text{"Kartu Prakerja-mu sudah aktif dengan saldo pelatihan {balance}. Beli pelatihan pertamamu dalam 30 hari.",
				"Your Kartu Prakerja is active with a training balance of {balance}. Buy your first training within 30 days."}},
		{"selection_result", "not_selected"}: {
			text{"Hasil seleksi Gelombang {wave}", "Wave {wave} selection result"},
			text{"Kamu belum lolos di Gelombang {wave}. Jangan menyerah, ikuti gelombang berikutnya.",
				"You were not selected in Wave {wave}. Don't give up: join the next wave."}},
		{"selection_result", "excluded"}: {
			text{"Hasil seleksi Gelombang {wave}", "Wave {wave} selection result"},
			text{"Pendaftaranmu di Gelombang {wave} tidak memenuhi syarat. Lihat alasannya di aplikasi.",
				"Your application to Wave {wave} did not meet the requirements. See why in the app."}},
		{"revocation_warning", ""}: {
			text{"Segera beli pelatihan pertamamu", "Buy your first training soon"},
			text{"Beli pelatihan pertamamu sebelum {deadline} agar kepesertaan Kartu Prakerja-mu tidak dicabut.",
				"Buy your first training before {deadline} so your Kartu Prakerja membership is not revoked."}},
		{"revoked", ""}: {
			text{"Kepesertaan Kartu Prakerja-mu dicabut", "Your Kartu Prakerja membership was revoked"},
			text{"Kepesertaanmu dicabut sesuai ketentuan program. Lihat alasannya dan cara mengajukan pengaduan di aplikasi.",
				"Your membership was revoked under the program rules. See why and how to file a complaint in the app."}},
		{"payout_scheduled", ""}: {
			text{"Insentif tahap {installment} dijadwalkan", "Incentive payment {installment} scheduled"},
			text{"Insentif {amount} dijadwalkan pada {date} ke {partner}-mu.", "{amount} is scheduled for {date} to your {partner} account."}},
		{"payout_sent", ""}: {
			text{"Insentif tahap {installment} sudah dikirim", "Incentive payment {installment} sent"},
			text{"Insentif {amount} sudah dikirim ke {partner}-mu. Dana biasanya masuk dalam 3-5 hari kerja.",
				"{amount} was sent to your {partner} account. Funds usually arrive within 3-5 working days."}},
		{"payout_failed", ""}: {
			text{"Insentif tahap {installment} gagal dikirim", "Incentive payment {installment} failed"},
			text{"Pengiriman {amount} ke {partner}-mu gagal. Periksa akun pembayaranmu di aplikasi.",
				"Sending {amount} to your {partner} account failed. Check your payment account in the app."}},
		{"survey_available", ""}: {
			text{"{survey} sudah tersedia", "{survey} is available"},
			text{"Isi {survey} dan dapatkan insentif survei {amount}.", "Answer {survey} and receive a survey incentive of {amount}."}},
		{"job_match", ""}: {
			text{"Ada {count} lowongan yang cocok untukmu", "{count} jobs match your skills"},
			text{"Lowongan baru sesuai pelatihanmu, misalnya {title}. Lihat dan lamar sekarang.",
				"New vacancies match your trainings, such as {title}. Have a look and apply now."}},
		{"complaint_reply", ""}: {
			text{"Pengaduanmu sudah dibalas", "Your complaint has a reply"},
			text{"Ada balasan untuk pengaduan \"{subject}\". Buka untuk membacanya.",
				"There is a reply to your complaint \"{subject}\". Open it to read."}},
	}
}

// withNotifications adds the notification texts to texts.
func withNotifications(texts map[Key]text) map[Key]text {
	for k, n := range notificationTexts() {
		texts[NotificationTitle(k[0], k[1])], texts[NotificationBody(k[0], k[1])] = n.title, n.body
	}
	return texts
}
