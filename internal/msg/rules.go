package msg

// RuleFailed is the key of what failing a registration check means, by the
// check's stored rule name (registry reasons, exclusion listings).
func RuleFailed(rule string) Key { return Key("journey.rule." + rule) }

// RuleTodo is the key of what the applicant can do about a failed check.
func RuleTodo(rule string) Key { return Key("journey.todo." + rule) }

// Has reports whether the catalogue has key.
func Has(key Key) bool {
	_, ok := catalogue[key]
	return ok
}

// Rules lists the registration checks whose explanations the catalogue
// holds (RuleFailed and RuleTodo of each).
func Rules() []string {
	return []string{"nik_not_found", "kk_mismatch", "birth_date_mismatch", "mother_mismatch", "name_mismatch",
		"deceased", "dapodik", "pddikti", "dtks", "pns", "kades", "bsu", "bpum", "identity_mismatch", "prakerja"}
}

// ruleTexts are the explanations of every registration check.
func ruleTexts() map[string][2]text {
	return map[string][2]text{
		"nik_not_found": {{"NIK tidak ditemukan di Dukcapil.", "The NIK was not found at Dukcapil."},
			{"Periksa kembali NIK Anda sesuai KTP. Jika benar, hubungi Dinas Dukcapil setempat.", "Check your NIK against your ID card. If it is right, contact your local civil registry office."}},
		"kk_mismatch": {{"Nomor KK tidak sesuai dengan data Dukcapil.", "The family card number does not match Dukcapil's records."},
			{"Periksa nomor pada Kartu Keluarga terbaru Anda.", "Check the number on your latest family card."}},
		"birth_date_mismatch": {{"Tanggal lahir tidak sesuai dengan data Dukcapil.", "The birth date does not match Dukcapil's records."},
			{"Isi tanggal lahir sesuai KTP.", "Enter the birth date shown on your ID card."}},
		"mother_mismatch": {{"Nama ibu kandung tidak sesuai dengan data Dukcapil.", "The mother's maiden name does not match Dukcapil's records."},
			{"Isi nama ibu kandung sesuai Kartu Keluarga.", "Enter your mother's maiden name as on your family card."}},
		"name_mismatch": {{"Nama tidak sesuai dengan data Dukcapil.", "The name does not match Dukcapil's records."},
			{"Isi nama lengkap sesuai KTP.", "Enter your full name as on your ID card."}},
		"deceased": {{"Data kependudukan tidak dapat digunakan.", "These population records cannot be used."},
			{"Hubungi Dinas Dukcapil setempat.", "Contact your local civil registry office."}},
		"dapodik": {{"Anda terdaftar sebagai siswa aktif (DAPODIK).", "You are listed as an active school student (DAPODIK)."},
			{"Program ini untuk yang tidak sedang bersekolah. Anda dapat mendaftar setelah lulus.", "The program is for people not in school. You may register after you graduate."}},
		"pddikti": {{"Anda terdaftar sebagai mahasiswa aktif (PDDikti).", "You are listed as an active university student (PDDikti)."},
			{"Program ini untuk yang tidak sedang kuliah. Anda dapat mendaftar setelah lulus.", "The program is for people not in university. You may register after you graduate."}},
		"dtks": {{"Anda terdaftar sebagai penerima bantuan sosial (DTKS).", "You are listed as a social-assistance recipient (DTKS)."},
			{"Penerima bantuan sosial tidak dapat mengikuti program ini. Jika data ini keliru, hubungi Dinas Sosial setempat.", "Social-assistance recipients cannot join. If this is wrong, contact your local social affairs office."}},
		"pns": {{"Anda terdaftar sebagai ASN/PNS, TNI atau Polri.", "You are listed as a civil servant, soldier or police officer."},
			{"Aparatur negara tidak dapat mengikuti program ini.", "State officials cannot join the program."}},
		"kades": {{"Anda terdaftar sebagai kepala desa atau perangkat desa.", "You are listed as a village head or village official."},
			{"Kepala dan perangkat desa tidak dapat mengikuti program ini.", "Village heads and officials cannot join the program."}},
		"bsu": {{"Anda terdaftar sebagai penerima Bantuan Subsidi Upah (BSU).", "You are listed as a wage-subsidy (BSU) recipient."},
			{"Penerima BSU tidak dapat mengikuti program ini pada tahun yang sama.", "BSU recipients cannot join in the same year."}},
		"bpum": {{"Anda terdaftar sebagai penerima Banpres Produktif Usaha Mikro (BPUM).", "You are listed as a micro-business aid (BPUM) recipient."},
			{"Penerima BPUM tidak dapat mengikuti program ini pada tahun yang sama.", "BPUM recipients cannot join in the same year."}},
		"identity_mismatch": {{"Data yang Anda isi tidak sesuai dengan data Dukcapil.", "The details you entered do not match Dukcapil's records."},
			{"Periksa kembali NIK, nomor KK, nama lengkap, tanggal lahir dan nama ibu kandung sesuai KTP dan Kartu Keluarga terbaru. Jika semuanya sudah benar, hubungi Dinas Dukcapil setempat atau layanan pengaduan Kartu Prakerja.",
				"Check your NIK, family card number, full name, birth date and mother's maiden name against your ID card and latest family card. If they are all right, contact your local civil registry office or the Kartu Prakerja help desk."}},
		"prakerja": {{"Anda pernah menjadi penerima Kartu Prakerja.", "You have been a Kartu Prakerja recipient before."},
			{"Setiap orang hanya dapat menerima Kartu Prakerja satu kali.", "Each person may receive the card only once."}},
	}
}
