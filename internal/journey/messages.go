package journey

import (
	"fmt"
	"time"
)

// Failure explains a failed check in the applicant's language.
type Failure struct {
	Rule     string
	Message  string
	WhatToDo string
}

type text struct{ id, en string }

type explanation struct{ message, todo text }

// explanations of every rule an applicant can fail.
func explanations() map[string]explanation {
	return map[string]explanation{
		"nik_not_found": {text{"NIK tidak ditemukan di Dukcapil.", "The NIK was not found at Dukcapil."},
			text{"Periksa kembali NIK Anda sesuai KTP. Jika benar, hubungi Dinas Dukcapil setempat.", "Check your NIK against your ID card. If it is right, contact your local civil registry office."}},
		"kk_mismatch": {text{"Nomor KK tidak sesuai dengan data Dukcapil.", "The family card number does not match Dukcapil's records."},
			text{"Periksa nomor pada Kartu Keluarga terbaru Anda.", "Check the number on your latest family card."}},
		"birth_date_mismatch": {text{"Tanggal lahir tidak sesuai dengan data Dukcapil.", "The birth date does not match Dukcapil's records."},
			text{"Isi tanggal lahir sesuai KTP.", "Enter the birth date shown on your ID card."}},
		"mother_mismatch": {text{"Nama ibu kandung tidak sesuai dengan data Dukcapil.", "The mother's maiden name does not match Dukcapil's records."},
			text{"Isi nama ibu kandung sesuai Kartu Keluarga.", "Enter your mother's maiden name as on your family card."}},
		"name_mismatch": {text{"Nama tidak sesuai dengan data Dukcapil.", "The name does not match Dukcapil's records."},
			text{"Isi nama lengkap sesuai KTP.", "Enter your full name as on your ID card."}},
		"deceased": {text{"Data kependudukan tidak dapat digunakan.", "These population records cannot be used."},
			text{"Hubungi Dinas Dukcapil setempat.", "Contact your local civil registry office."}},
		"dapodik": {text{"Anda terdaftar sebagai siswa aktif (DAPODIK).", "You are listed as an active school student (DAPODIK)."},
			text{"Program ini untuk yang tidak sedang bersekolah. Anda dapat mendaftar setelah lulus.", "The program is for people not in school. You may register after you graduate."}},
		"pddikti": {text{"Anda terdaftar sebagai mahasiswa aktif (PDDikti).", "You are listed as an active university student (PDDikti)."},
			text{"Program ini untuk yang tidak sedang kuliah. Anda dapat mendaftar setelah lulus.", "The program is for people not in university. You may register after you graduate."}},
		"dtks": {text{"Anda terdaftar sebagai penerima bantuan sosial (DTKS).", "You are listed as a social-assistance recipient (DTKS)."},
			text{"Penerima bantuan sosial tidak dapat mengikuti program ini. Jika data ini keliru, hubungi Dinas Sosial setempat.", "Social-assistance recipients cannot join. If this is wrong, contact your local social affairs office."}},
		"pns": {text{"Anda terdaftar sebagai ASN/PNS, TNI atau Polri.", "You are listed as a civil servant, soldier or police officer."},
			text{"Aparatur negara tidak dapat mengikuti program ini.", "State officials cannot join the program."}},
		"kades": {text{"Anda terdaftar sebagai kepala desa atau perangkat desa.", "You are listed as a village head or village official."},
			text{"Kepala dan perangkat desa tidak dapat mengikuti program ini.", "Village heads and officials cannot join the program."}},
		"bsu": {text{"Anda terdaftar sebagai penerima Bantuan Subsidi Upah (BSU).", "You are listed as a wage-subsidy (BSU) recipient."},
			text{"Penerima BSU tidak dapat mengikuti program ini pada tahun yang sama.", "BSU recipients cannot join in the same year."}},
		"bpum": {text{"Anda terdaftar sebagai penerima Banpres Produktif Usaha Mikro (BPUM).", "You are listed as a micro-business aid (BPUM) recipient."},
			text{"Penerima BPUM tidak dapat mengikuti program ini pada tahun yang sama.", "BPUM recipients cannot join in the same year."}},
		ruleMismatch: {text{"Data yang Anda isi tidak sesuai dengan data Dukcapil.", "The details you entered do not match Dukcapil's records."},
			text{"Periksa kembali NIK, nomor KK, nama lengkap, tanggal lahir dan nama ibu kandung sesuai KTP dan Kartu Keluarga terbaru. Jika semuanya sudah benar, hubungi Dinas Dukcapil setempat atau layanan pengaduan Kartu Prakerja.",
				"Check your NIK, family card number, full name, birth date and mother's maiden name against your ID card and latest family card. If they are all right, contact your local civil registry office or the Kartu Prakerja help desk."}},
		"prakerja": {text{"Anda pernah menjadi penerima Kartu Prakerja.", "You have been a Kartu Prakerja recipient before."},
			text{"Setiap orang hanya dapat menerima Kartu Prakerja satu kali.", "Each person may receive the card only once."}},
	}
}

// ruleMismatch is the answer to a failed verification after the first: it
// names no field, so repeated tries cannot tell which one is wrong.
const ruleMismatch = "identity_mismatch"

// tooManyFailures is the RATE_LIMITED message of a registration refused
// after too many failed verifications; wait is when a try comes back.
func tooManyFailures(wait time.Duration, locale string) string {
	n, unitID, unitEN := int((wait+time.Hour-1)/time.Hour), "jam", "hours"
	if wait < time.Hour {
		n, unitID, unitEN = int((wait+time.Minute-1)/time.Minute), "menit", "minutes"
	}
	n = max(n, 1)
	if locale == "en" {
		return fmt.Sprintf("Too many registration attempts did not match Dukcapil's records. Try again in %d %s, "+
			"or contact your local civil registry office or the Kartu Prakerja help desk.", n, unitEN)
	}
	return fmt.Sprintf("Terlalu banyak percobaan pendaftaran yang tidak sesuai dengan data Dukcapil. Coba lagi dalam %d %s, "+
		"atau hubungi Dinas Dukcapil setempat atau layanan pengaduan Kartu Prakerja.", n, unitID)
}

// explain returns the failure of rule in locale ("en" or Indonesian).
func explain(rule, locale string) Failure {
	e, ok := explanations()[rule]
	if !ok {
		e = explanation{text{"Verifikasi tidak berhasil.", "Verification failed."},
			text{"Hubungi layanan pengaduan.", "Contact the help desk."}}
	}
	pick := func(t text) string {
		if locale == "en" {
			return t.en
		}
		return t.id
	}
	return Failure{Rule: rule, Message: pick(e.message), WhatToDo: pick(e.todo)}
}
