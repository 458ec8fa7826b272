package msg

// Keys: the console's wave screens (internal/journey: quotas, states, phases).
const (
	WaveStateConflict   Key = "journey.wave_state_conflict"
	QuotaSizeRange      Key = "journey.quota_size_range"
	NoApplicants        Key = "journey.no_applicants"
	ProvinceTwice       Key = "journey.province_twice"
	ProvinceCodeUnknown Key = "journey.province_code_unknown"
)

// WaveStatus is the key of a wave status's name ("open", "closed", ...).
func WaveStatus(status string) Key { return Key("journey.wave_status." + status) }

// WaveNext is the key of what can be done with a wave in status.
func WaveNext(status string) Key { return Key("journey.wave_next." + status) }

// WavePhase is the key of the label of a wave phase (created, opened,
// selection.draw, ...).
func WavePhase(name string) Key { return Key("journey.phase." + name) }

// WaveStatuses lists the statuses whose names and next steps the catalogue
// holds (the values of the wave schema's status enum).
func WaveStatuses() []string { return []string{"draft", "open", "closed", "selecting", "announced"} }

// WavePhases lists the phases whose labels the catalogue holds, in the
// order they happen.
func WavePhases() []string {
	return []string{"created", "opened", "closed", "selection.applicants", "selection.draw", "selection.results",
		"selection.accept", "selection.notify", "announced"}
}

func waveTexts() map[Key]text {
	return map[Key]text{
		WaveStateConflict: {"Gelombang %d berstatus %s; %s", "Wave %d is %s; %s"},
		QuotaSizeRange:    {"Ukuran gelombang harus antara 1 dan %d.", "The wave size must be between 1 and %d."},
		NoApplicants: {"Belum ada pendaftar terverifikasi yang menunggu seleksi, jadi kuota tidak dapat dibagi sebanding; isi kuota per provinsi sendiri.",
			"No verified applicants are waiting for selection, so quotas cannot be shared in proportion; enter each province's quota yourself."},
		ProvinceTwice:       {"Provinsi %s tercantum lebih dari sekali.", "Province %s is listed more than once."},
		ProvinceCodeUnknown: {"Kode provinsi %s tidak dikenal.", "Province code %s is unknown."},

		WaveStatus("draft"):     {"draf", "a draft"},
		WaveStatus("open"):      {"dibuka", "open"},
		WaveStatus("closed"):    {"ditutup", "closed"},
		WaveStatus("selecting"): {"sedang diseleksi", "being selected"},
		WaveStatus("announced"): {"diumumkan", "announced"},

		WaveNext("draft"):     {"yang dapat dilakukan sekarang hanyalah membukanya.", "the only thing it can do now is be opened."},
		WaveNext("open"):      {"yang dapat dilakukan sekarang hanyalah menutupnya.", "the only thing it can do now is be closed."},
		WaveNext("closed"):    {"yang dapat dilakukan sekarang hanyalah menjalankan seleksinya.", "the only thing it can do now is have its selection run."},
		WaveNext("selecting"): {"tunggu seleksinya selesai.", "wait for its selection to finish."},
		WaveNext("announced"): {"seleksinya sudah dijalankan; tidak ada langkah lain.", "its selection has run and nothing more can be done."},

		WavePhase("created"):              {"Dibuat", "Created"},
		WavePhase("opened"):               {"Dibuka untuk pendaftaran", "Opened for applications"},
		WavePhase("closed"):               {"Ditutup", "Closed"},
		WavePhase("selection.applicants"): {"Seleksi: pendaftar dimuat", "Selection: applicants loaded"},
		WavePhase("selection.draw"):       {"Seleksi: undian ditarik", "Selection: lottery drawn"},
		WavePhase("selection.results"):    {"Seleksi: hasil ditulis", "Selection: results written"},
		WavePhase("selection.accept"):     {"Seleksi: penerima ditetapkan", "Selection: recipients accepted"},
		WavePhase("selection.notify"):     {"Seleksi: pemberitahuan diantrekan", "Selection: notifications queued"},
		WavePhase("announced"):            {"Diumumkan", "Announced"},
	}
}

// withWaves adds the wave texts to texts.
func withWaves(texts map[Key]text) map[Key]text {
	for k, t := range waveTexts() {
		texts[k] = t
	}
	return texts
}
