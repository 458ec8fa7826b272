package survey

import (
	"context"
	"fmt"
	"time"

	"github.com/kartuprakerja/platform/internal/viewer"
)

type text struct{ id, en string }

// messages are what a recipient or staff member reads, in Indonesian and
// English. Placeholders follow fmt.
func messages() map[string]text {
	return map[string]text{
		"sign_in":          {"Silakan masuk terlebih dahulu.", "Please sign in first."},
		"recipients_only":  {"Hanya penerima Kartu Prakerja yang dapat mengisi survei.", "Only Kartu Prakerja recipients can answer surveys."},
		"staff_only":       {"Hasil survei hanya untuk admin dan analis.", "Survey results are for admins and analysts only."},
		"survey_not_found": {"Survei tidak ditemukan.", "Survey not found."},
		"revoked": {"Kepesertaan Kartu Prakerja Anda dicabut pada %s; jawaban survei sesudah tanggal itu tidak diterima.",
			"Your Kartu Prakerja membership was revoked on %s; survey answers made after that date are not accepted."},
		"no_incentive":    {"Survei tersedia setelah insentif pertama Anda dibayarkan.", "Surveys become available after your first incentive payment."},
		"client_id":       {"ID kiriman wajib diisi (maksimal %d karakter).", "The submission id is required (at most %d characters)."},
		"client_id_taken": {"ID kiriman ini sudah dipakai untuk jawaban lain.", "This submission id was already used for other answers."},
		"client_id_differs": {"Jawaban dengan ID kiriman ini sudah diterima dengan isi yang berbeda.",
			"Answers with this submission id were already received with different content."},
		"already_answered": {"Anda sudah mengisi survei ini. Setiap survei hanya diisi satu kali.",
			"You have already answered this survey. Each survey is answered once."},
		"answered_future": {"Waktu pengisian ada di masa depan. Periksa jam dan tanggal ponsel Anda.",
			"The answer time is in the future. Check your phone's date and time."},
		"not_open_yet": {"Survei ini belum dibuka. Survei dibuka pada %s.", "This survey is not open yet. It opens on %s."},
		"answered_before_open": {"Jawaban dibuat sebelum survei dibuka (%s).",
			"The answers were made before the survey opened (%s)."},
		"closed": {"Survei ini sudah ditutup pada %s.", "This survey closed on %s."},
		"too_late": {"Survei ini ditutup pada %s dan batas pengiriman jawaban sudah lewat.",
			"This survey closed on %s and the deadline for sending answers has passed."},
		"invalid_answers":  {"Beberapa jawaban perlu diperbaiki.", "Some answers need correcting."},
		"required":         {"Pertanyaan ini wajib dijawab.", "This question is required."},
		"unknown_question": {"Pertanyaan ini bukan bagian dari survei.", "This question is not part of the survey."},
		"duplicate":        {"Pertanyaan ini dijawab lebih dari sekali.", "This question was answered more than once."},
		"wrong_type":       {"Jenis jawaban tidak sesuai dengan pertanyaan.", "The answer does not fit the question's type."},
		"one_choice":       {"Pilih tepat satu jawaban.", "Choose exactly one answer."},
		"some_choice":      {"Pilih setidaknya satu jawaban.", "Choose at least one answer."},
		"bad_choice":       {"Pilihan %q tidak tersedia.", "Option %q is not available."},
		"repeated_choice":  {"Pilihan %q dipilih lebih dari sekali.", "Option %q was chosen more than once."},
		"min":              {"Angka minimal %d.", "The number must be at least %d."},
		"max":              {"Angka maksimal %d.", "The number must be at most %d."},
		"text_long":        {"Jawaban maksimal %d karakter.", "The answer must be at most %d characters."},
	}
}

// say returns the message key in locale ("en" or Indonesian).
func say(locale, key string, args ...any) string {
	t, ok := messages()[key]
	if !ok {
		t = text{key, key}
	}
	f := t.id
	if locale == "en" {
		f = t.en
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// localeOf is the viewer's language.
func localeOf(ctx context.Context) string {
	if v := viewer.FromContext(ctx); v != nil && v.Locale == "en" {
		return "en"
	}
	return "id"
}

// dateText writes t's WIB date for a message: "2 Januari 2022" or
// "2 January 2022".
func dateText(t time.Time, locale string) string {
	t = t.In(wib())
	if locale == "en" {
		return t.Format("2 January 2006")
	}
	months := [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
		"Agustus", "September", "Oktober", "November", "Desember"}
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}
