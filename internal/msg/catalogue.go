package msg

// text is one message in Bahasa Indonesia and English, with the same fmt
// placeholders in both (explicit indexes such as %[1]s may reorder them).
type text struct{ id, en string }

// Keys: generic errors of the API.
const (
	SignInRequired   Key = "sign_in_required"
	Forbidden        Key = "forbidden"
	NotFound         Key = "not_found"
	Internal         Key = "internal"
	Busy             Key = "busy"
	Cancelled        Key = "cancelled"
	Unavailable      Key = "unavailable"
	StoreConflict    Key = "store_conflict"
	CursorMismatch   Key = "cursor_mismatch"
	CursorInvalid    Key = "cursor_invalid"
	ValueInvalid     Key = "value_invalid"
	ValueTooLong     Key = "value_too_long"
	ValueRequired    Key = "value_required"
	PageSize         Key = "page_size"
	TooManyIDs       Key = "too_many_ids"
	QueryUnreadable  Key = "query_unreadable"
	QueryInvalid     Key = "query_invalid"
	InputInvalid     Key = "input_invalid"
	TextOneLine      Key = "text_one_line"
	TextNUL          Key = "text_nul"
	TextUTF8         Key = "text_utf8"
	TextControl      Key = "text_control"
	TextInvalid      Key = "text_invalid"
	WholeNumber      Key = "whole_number"
	WholeNumberRange Key = "whole_number_range"
	IDInvalid        Key = "id_invalid"
	RupiahInvalid    Key = "rupiah_invalid"
	FilterForbidden  Key = "filter_forbidden"
	FilterSignIn     Key = "filter_sign_in"
	QueryTooLong     Key = "query_too_long"
	QueryTooWide     Key = "query_too_wide"
	QueryTooDeep     Key = "query_too_deep"
	QueryTooComplex  Key = "query_too_complex"
	ResponseTooLarge Key = "response_too_large"
	ListTooLong      Key = "list_too_long"
	SessionEnded     Key = "session_ended"
)

// Keys: refusals of the HTTP transport (internal/server), before GraphQL.
const (
	PostTakesJSON         Key = "http.post_takes_json"
	MethodNotAllowed      Key = "http.method_not_allowed"
	QueryStringUnreadable Key = "http.query_string_unreadable"
	GetNeedsQuery         Key = "http.get_needs_query"
	ParamNotJSON          Key = "http.param_not_json"
	BadHandshake          Key = "http.bad_handshake"
	BodyTooLarge          Key = "http.body_too_large"
	BodyUnreadable        Key = "http.body_unreadable"
	BodyNotJSON           Key = "http.body_not_json"
	BodyNotObject         Key = "http.body_not_object"
)

// Keys: sign-in and accounts (internal/auth).
const (
	SessionInvalid       Key = "auth.session_invalid"
	PhoneInvalid         Key = "auth.phone_invalid"
	PhoneInvalidShort    Key = "auth.phone_invalid_short"
	PartnerRoleRequired  Key = "auth.partner_role_required"
	OrgRoleMismatch      Key = "auth.org_role_mismatch"
	PartnerConflict      Key = "auth.partner_conflict"
	AccountNotFound      Key = "auth.account_not_found"
	KeysForPartners      Key = "auth.keys_for_partners"
	KeyNotFound          Key = "auth.key_not_found"
	SMSFailed            Key = "auth.sms_failed"
	CodesFromNetwork     Key = "auth.codes_from_network"
	SignInsFromNetwork   Key = "auth.sign_ins_from_network"
	CodesPerHour         Key = "auth.codes_per_hour"
	CodeWait             Key = "auth.code_wait"
	CodeWrong            Key = "auth.code_wrong"
	AccountDisabled      Key = "auth.account_disabled"
	TooManyCodeAttempts  Key = "auth.too_many_code_attempts"
	NoSessionToEnd       Key = "auth.no_session_to_end"
	WebsocketUnavailable Key = "auth.websocket_unavailable"
	SignInSMS            Key = "auth.sign_in_sms"
)

// Keys: registration, waves, selection, the ability test, revocation
// (internal/journey).
const (
	AlreadyRegistered     Key = "journey.already_registered"
	RegencyUnknown        Key = "journey.regency_unknown"
	RegistrationInvalid   Key = "journey.registration_invalid"
	KKShape               Key = "journey.kk_shape"
	FullNameRequired      Key = "journey.full_name_required"
	MotherRequired        Key = "journey.mother_required"
	BirthDateFuture       Key = "journey.birth_date_future"
	VerifierUnavailable   Key = "journey.verifier_unavailable"
	NIKTaken              Key = "journey.nik_taken"
	TooManyFailuresHours  Key = "journey.too_many_failures_hours"
	TooManyFailuresMins   Key = "journey.too_many_failures_minutes"
	ProvinceUnknown       Key = "journey.province_unknown"
	WaveExists            Key = "journey.wave_exists"
	QuotaNegative         Key = "journey.quota_negative"
	QuotaTooLarge         Key = "journey.quota_too_large"
	WaveNumberPositive    Key = "journey.wave_number_positive"
	ClosesAfterOpens      Key = "journey.closes_after_opens"
	QuotaSumMismatch      Key = "journey.quota_sum_mismatch"
	BalancePositive       Key = "journey.balance_positive"
	OnlyDraftOpens        Key = "journey.only_draft_opens"
	OnlyOpenCloses        Key = "journey.only_open_closes"
	PassTestFirst         Key = "journey.pass_test_first"
	WaveNotOpen           Key = "journey.wave_not_open"
	CloseBeforeSelection  Key = "journey.close_before_selection"
	NoCommitment          Key = "journey.no_commitment"
	SelectionRunning      Key = "journey.selection_running"
	TestPassed            Key = "journey.test_passed"
	TestAttemptsUsed      Key = "journey.test_attempts_used"
	TestRetryFrom         Key = "journey.test_retry_from"
	QuestionBankEmpty     Key = "journey.question_bank_empty"
	TestQuestionUnknown   Key = "journey.test_question_unknown"
	TestChoiceUnknown     Key = "journey.test_choice_unknown"
	TestOver              Key = "journey.test_over"
	RegisterFirst         Key = "journey.register_first"
	VerifiedApplicantOnly Key = "journey.verified_applicant_only"
	RevokeReason          Key = "journey.revoke_reason"
	OnlyActiveRevoked     Key = "journey.only_active_revoked"
	RevokedNoPurchase     Key = "journey.revoked_no_purchase"
	CheckFailed           Key = "journey.check_failed"
	CheckFailedTodo       Key = "journey.check_failed_todo"
	NIKShape              Key = "journey.nik_shape"
	NIKDigits             Key = "journey.nik_digits"
	NIKFormat             Key = "journey.nik_format"
	NIKRegion             Key = "journey.nik_region"
	NIKBirthDate          Key = "journey.nik_birth_date"
	NIKGender             Key = "journey.nik_gender"
	MinAge                Key = "journey.min_age"
)

// Keys: complaints (internal/support).
const (
	ComplaintOtherAccount Key = "support.complaint_other_account"
	ComplaintIncomplete   Key = "support.complaint_incomplete"
	ComplaintClientID     Key = "support.complaint_client_id"
	ComplaintCategory     Key = "support.complaint_category"
	ComplaintSubject      Key = "support.complaint_subject"
	ComplaintBody         Key = "support.complaint_body"
)

// Keys: notifications and devices (push).
const (
	TooManyNotifications Key = "push.too_many_notifications"
	NotificationNotFound Key = "push.notification_not_found"
	KindUnknown          Key = "push.kind_unknown"
	KindUnmutable        Key = "push.kind_unmutable"
	QuietMinute          Key = "push.quiet_minute"
	DailyCap             Key = "push.daily_cap"
	DeviceNotFound       Key = "push.device_not_found"
	DeviceToken          Key = "push.device_token"
	DeviceLabel          Key = "push.device_label"
	WebPushHTTPS         Key = "push.web_push_https"
	WebPushKey           Key = "push.web_push_key"
	DeviceKind           Key = "push.device_kind"
)

// Keys: surveys (internal/survey).
const (
	SurveyRecipientsOnly     Key = "survey.recipients_only"
	SurveyStaffOnly          Key = "survey.staff_only"
	SurveyNotFound           Key = "survey.not_found"
	SurveyRevoked            Key = "survey.revoked"
	SurveyNoIncentive        Key = "survey.no_incentive"
	SurveyClientID           Key = "survey.client_id"
	SurveyClientIDTaken      Key = "survey.client_id_taken"
	SurveyClientIDDiffers    Key = "survey.client_id_differs"
	SurveyAnswered           Key = "survey.already_answered"
	SurveyAnsweredFuture     Key = "survey.answered_future"
	SurveyNotOpenYet         Key = "survey.not_open_yet"
	SurveyAnsweredBeforeOpen Key = "survey.answered_before_open"
	SurveyClosed             Key = "survey.closed"
	SurveyTooLate            Key = "survey.too_late"
	SurveyInvalidAnswers     Key = "survey.invalid_answers"
	SurveyRequired           Key = "survey.required"
	SurveyUnknownQuestion    Key = "survey.unknown_question"
	SurveyDuplicate          Key = "survey.duplicate"
	SurveyWrongType          Key = "survey.wrong_type"
	SurveyOneChoice          Key = "survey.one_choice"
	SurveySomeChoice         Key = "survey.some_choice"
	SurveyBadChoice          Key = "survey.bad_choice"
	SurveyRepeatedChoice     Key = "survey.repeated_choice"
	SurveyMin                Key = "survey.min"
	SurveyMax                Key = "survey.max"
	SurveyTextLong           Key = "survey.text_long"
)

// catalogue holds every key's texts. It is never written after
// initialisation.
var catalogue = withCuration(withCertificates(withTraining(withSearch(withMarketplace(withWaves(withPartner(withConsole(withNotifications(withRules(map[Key]text{
	SignInRequired: {"Silakan masuk terlebih dahulu.", "Please sign in first."},
	Forbidden:      {"Akun ini tidak dapat melakukan tindakan ini.", "This account cannot do this."},
	NotFound:       {"Data tidak ditemukan.", "Not found."},
	Internal:       {"Terjadi kesalahan di server. Coba lagi nanti.", "Something went wrong on the server. Try again later."},
	Busy: {"Server sedang sibuk; tidak ada yang tersimpan. Coba lagi sebentar lagi.",
		"The server is busy; nothing was saved. Try again in a moment."},
	Cancelled:   {"Permintaan dibatalkan atau terlalu lama. Coba lagi.", "The request was cancelled or took too long. Try again."},
	Unavailable: {"Layanan sedang tidak tersedia. Coba lagi sebentar lagi.", "The service is not available right now. Try again in a moment."},
	StoreConflict: {"Bertentangan dengan data yang sudah ada (sudah terdaftar, atau rujukannya tidak ada).",
		"This conflicts with existing data (already registered, or what it refers to does not exist)."},
	CursorMismatch: {"Kursor halaman tidak cocok dengan urutan ini; mulai lagi dari halaman pertama.",
		"The page cursor does not fit this order; start again from the first page."},
	CursorInvalid:    {"Kursor halaman tidak valid.", "The page cursor is not valid."},
	ValueInvalid:     {"Nilai tidak valid.", "The value is not valid."},
	ValueTooLong:     {"Terlalu panjang.", "Too long."},
	ValueRequired:    {"Wajib diisi.", "Required."},
	PageSize:         {"%s harus antara 0 dan %d.", "%s must be between 0 and %d."},
	TooManyIDs:       {"Paling banyak %d ID dalam satu permintaan.", "At most %d IDs per request."},
	QueryUnreadable:  {"Permintaan tidak dapat dibaca oleh server.", "The server could not read the request."},
	QueryInvalid:     {"Permintaan tidak sesuai dengan skema.", "The request does not fit the schema."},
	InputInvalid:     {"Ada isian yang tidak valid.", "Some input is not valid."},
	TextOneLine:      {"Teks ini harus satu baris, tanpa baris baru atau tab.", "This text must be one line, without line breaks or tabs."},
	TextNUL:          {"Teks tidak boleh berisi karakter NUL.", "Text must not contain NUL characters."},
	TextUTF8:         {"Teks harus UTF-8 yang valid.", "Text must be valid UTF-8."},
	TextControl:      {"Teks tidak boleh berisi karakter kontrol.", "Text must not contain control characters."},
	TextInvalid:      {"Teks tidak valid.", "The text is not valid."},
	WholeNumber:      {"Harus bilangan bulat.", "Must be a whole number."},
	WholeNumberRange: {"Harus bilangan bulat antara %d dan %d.", "Must be a whole number between %d and %d."},
	IDInvalid:        {"ID tidak valid.", "The ID is not valid."},
	RupiahInvalid: {"Jumlah rupiah harus bilangan bulat antara -9007199254740991 dan 9007199254740991.",
		"A rupiah amount must be a whole number between -9007199254740991 and 9007199254740991."},
	FilterForbidden: {"Filter %s tidak diizinkan untuk akun ini: Anda hanya dapat memfilter data yang boleh Anda lihat.",
		"The filter %s is not permitted for this account: you can only filter on data you may read."},
	FilterSignIn:     {"Filter %s hanya dapat dipakai setelah masuk.", "The filter %s requires signing in."},
	QueryTooLong:     {"Kueri terlalu panjang (lebih dari %d token).", "The query has more than %d tokens."},
	QueryTooWide:     {"Kueri meminta terlalu banyak field (lebih dari %d).", "The query selects more than %d fields."},
	QueryTooDeep:     {"Kueri terlalu dalam (lebih dari %d tingkat).", "The query nests deeper than %d levels."},
	QueryTooComplex:  {"Kueri terlalu berat; minta lebih sedikit data sekaligus.", "The query costs too much; ask for less at once."},
	ResponseTooLarge: {"Jawaban terlalu besar (lebih dari %d byte); minta lebih sedikit data.", "The response exceeds %d bytes; ask for less."},
	ListTooLong:      {"Daftar %s terlalu panjang untuk dijawab (lebih dari %d).", "The list %s is longer than %d items."},
	SessionEnded:     {"Sesi sudah berakhir. Silakan masuk lagi.", "The session has ended. Please sign in again."},

	PostTakesJSON:         {"POST /graphql menerima application/json.", "POST /graphql takes application/json."},
	MethodNotAllowed:      {"/graphql hanya menjawab GET (kueri) dan POST.", "/graphql answers GET (queries) and POST."},
	QueryStringUnreadable: {"Query string tidak dapat dibaca.", "The query string cannot be parsed."},
	GetNeedsQuery:         {"GET memerlukan query atau hash persisted query di extensions.", "A GET needs a query or a persisted-query hash in extensions."},
	ParamNotJSON:          {"%s bukan JSON yang valid.", "%s is not valid JSON."},
	BadHandshake: {"Jabat tangan websocket memerlukan Connection: Upgrade, Sec-WebSocket-Key dan Sec-WebSocket-Version: 13.",
		"A websocket handshake needs Connection: Upgrade, Sec-WebSocket-Key and Sec-WebSocket-Version: 13."},
	BodyTooLarge:   {"Isi permintaan terlalu besar.", "The request body is too large."},
	BodyUnreadable: {"Isi permintaan tidak dapat dibaca.", "The request body could not be read."},
	BodyNotJSON:    {"Isi permintaan bukan JSON yang valid.", "The request body is not valid JSON."},
	BodyNotObject: {"Isi permintaan harus satu objek JSON (batch tidak didukung).",
		"The request body must be one JSON object (batches are not supported)."},

	SessionInvalid:      {"Sesi tidak valid atau sudah berakhir. Silakan masuk lagi.", "The session is not valid or has ended. Please sign in again."},
	PhoneInvalid:        {"Nomor HP tidak valid: gunakan nomor seluler Indonesia (08…).", "The phone number is not valid: use an Indonesian mobile number (08…)."},
	PhoneInvalidShort:   {"Nomor HP tidak valid.", "The phone number is not valid."},
	PartnerRoleRequired: {"Peran harus peran mitra.", "The role must be a partner role."},
	OrgRoleMismatch:     {"Organisasi tidak sesuai dengan peran.", "The organisation does not match the role."},
	PartnerConflict:     {"Nomor HP sudah dipakai atau organisasi tidak ada.", "The phone number is taken or the organisation does not exist."},
	AccountNotFound:     {"Akun tidak ditemukan.", "Account not found."},
	KeysForPartners:     {"Kunci API hanya untuk akun mitra.", "API keys are for partner accounts."},
	KeyNotFound:         {"Tidak ada kunci API aktif dengan awalan itu.", "No active API key has that prefix."},
	SMSFailed:           {"SMS tidak terkirim, coba lagi sebentar lagi.", "The SMS was not sent; try again in a moment."},
	CodesFromNetwork: {"Terlalu banyak permintaan kode dari jaringan Anda. Coba lagi dalam satu menit.",
		"Too many code requests from your network. Try again in a minute."},
	SignInsFromNetwork: {"Terlalu banyak percobaan masuk dari jaringan Anda. Coba lagi dalam satu menit.",
		"Too many sign-in attempts from your network. Try again in a minute."},
	CodesPerHour:         {"Terlalu banyak permintaan kode. Coba lagi dalam satu jam.", "Too many code requests. Try again in an hour."},
	CodeWait:             {"Tunggu %d detik sebelum meminta kode baru.", "Wait %d seconds before asking for a new code."},
	CodeWrong:            {"Kode salah atau sudah kedaluwarsa. Minta kode baru.", "The code is wrong or has expired. Ask for a new code."},
	AccountDisabled:      {"Akun ini dinonaktifkan. Hubungi layanan pengaduan.", "This account is disabled. Contact the help desk."},
	TooManyCodeAttempts:  {"Terlalu banyak percobaan. Minta kode baru.", "Too many attempts. Ask for a new code."},
	NoSessionToEnd:       {"Tidak ada sesi untuk diakhiri.", "There is no session to end."},
	WebsocketUnavailable: {"Sementara tidak tersedia.", "Temporarily unavailable."},
	SignInSMS: {"Kode masuk Kartu Prakerja: %s. Berlaku %d menit. Jangan berikan kode ini kepada siapa pun.",
		"Your Kartu Prakerja sign-in code: %s. Valid for %d minutes. Do not give this code to anyone."},

	AlreadyRegistered:   {"Akun ini sudah terdaftar.", "This account is already registered."},
	RegencyUnknown:      {"Kabupaten/kota tidak dikenal.", "Unknown regency or city."},
	RegistrationInvalid: {"Data pendaftaran belum benar.", "Some registration details are not right yet."},
	KKShape:             {"Nomor KK harus 16 digit angka.", "The family card number must be 16 digits."},
	FullNameRequired:    {"Nama lengkap wajib diisi (maksimal 120 karakter).", "Your full name is required (at most 120 characters)."},
	MotherRequired:      {"Nama ibu kandung wajib diisi.", "Your mother's maiden name is required."},
	BirthDateFuture:     {"Tanggal lahir tidak boleh di masa depan.", "The birth date cannot be in the future."},
	VerifierUnavailable: {"Layanan verifikasi sedang tidak dapat dihubungi. Data Anda belum disimpan; coba lagi beberapa saat lagi.",
		"The verification service cannot be reached right now. Your details were not saved; try again in a while."},
	NIKTaken: {"NIK atau akun ini sudah terdaftar. Hubungi layanan pengaduan jika ini bukan pendaftaran Anda.",
		"This NIK or account is already registered. Contact the help desk if this registration is not yours."},
	TooManyFailuresHours: {"Terlalu banyak percobaan pendaftaran yang tidak sesuai dengan data Dukcapil. Coba lagi dalam %d jam, " +
		"atau hubungi Dinas Dukcapil setempat atau layanan pengaduan Kartu Prakerja.",
		"Too many registration attempts did not match Dukcapil's records. Try again in %d hours, " +
			"or contact your local civil registry office or the Kartu Prakerja help desk."},
	TooManyFailuresMins: {"Terlalu banyak percobaan pendaftaran yang tidak sesuai dengan data Dukcapil. Coba lagi dalam %d menit, " +
		"atau hubungi Dinas Dukcapil setempat atau layanan pengaduan Kartu Prakerja.",
		"Too many registration attempts did not match Dukcapil's records. Try again in %d minutes, " +
			"or contact your local civil registry office or the Kartu Prakerja help desk."},
	ProvinceUnknown:    {"Ada kode provinsi yang tidak dikenal.", "A province code is unknown."},
	WaveExists:         {"Gelombang %d sudah ada.", "Wave %d already exists."},
	QuotaNegative:      {"Kuota tidak boleh negatif.", "A quota cannot be negative."},
	QuotaTooLarge:      {"Jumlah kuota provinsi terlalu besar.", "The province quotas add up to too much."},
	WaveNumberPositive: {"Nomor gelombang harus positif.", "The wave number must be positive."},
	ClosesAfterOpens:   {"Waktu tutup harus setelah waktu buka.", "The closing time must be after the opening time."},
	QuotaSumMismatch: {"Jumlah kuota provinsi (%d) harus sama dengan kuota gelombang (%d).",
		"The province quotas (%d) must add up to the wave quota (%d)."},
	BalancePositive:      {"Saldo pelatihan harus positif.", "The training balance must be positive."},
	OnlyDraftOpens:       {"Hanya gelombang berstatus draft yang dapat dibuka.", "Only a draft wave can be opened."},
	OnlyOpenCloses:       {"Hanya gelombang yang dibuka yang dapat ditutup.", "Only an open wave can be closed."},
	PassTestFirst:        {"Selesaikan dan lulus Tes Motivasi & Kemampuan Dasar terlebih dahulu.", "Finish and pass the Motivation & Basic Skills Test first."},
	WaveNotOpen:          {"Gelombang %d tidak sedang dibuka.", "Wave %d is not open."},
	CloseBeforeSelection: {"Tutup gelombang sebelum menjalankan seleksi.", "Close the wave before running the selection."},
	NoCommitment: {"Gelombang ini dibuka tanpa komitmen undian; seleksi tidak dapat diaudit.",
		"This wave was opened without a lottery commitment; its selection could not be audited."},
	SelectionRunning:    {"Seleksi gelombang ini sedang atau sudah berjalan.", "This wave's selection is running or has run."},
	TestPassed:          {"Anda sudah lulus tes; tidak perlu mengulang.", "You have passed the test; there is no need to take it again."},
	TestAttemptsUsed:    {"Kesempatan tes sudah habis (%d kali).", "You have used all your test attempts (%d)."},
	TestRetryFrom:       {"Anda bisa mengulang tes mulai %s.", "You can take the test again from %s."},
	QuestionBankEmpty:   {"Bank soal belum tersedia.", "The question bank is not available yet."},
	TestQuestionUnknown: {"Soal ini bukan bagian dari tes Anda.", "This question is not part of your test."},
	TestChoiceUnknown:   {"Pilihan jawaban tidak ada.", "That answer choice does not exist."},
	TestOver:            {"Waktu tes sudah habis atau tes sudah dikumpulkan.", "The test time is over or the test was already handed in."},
	RegisterFirst:       {"Lengkapi pendaftaran terlebih dahulu.", "Complete your registration first."},
	VerifiedApplicantOnly: {"Hanya pendaftar yang sudah terverifikasi dan belum menjadi penerima yang dapat melanjutkan.",
		"Only verified applicants who are not yet recipients can continue."},
	RevokeReason:      {"Tuliskan alasan pencabutan (minimal 10 karakter).", "Write the reason for revoking (at least 10 characters)."},
	OnlyActiveRevoked: {"Hanya penerima aktif yang dapat dicabut kepesertaannya.", "Only an active recipient's membership can be revoked."},
	RevokedNoPurchase: {"Tidak membeli pelatihan pertama dalam 30 hari setelah diterima.",
		"No first training was bought within 30 days of acceptance."},
	CheckFailed:     {"Verifikasi tidak berhasil.", "Verification failed."},
	CheckFailedTodo: {"Hubungi layanan pengaduan.", "Contact the help desk."},
	NIKShape:        {"NIK harus 16 digit angka.", "The NIK must be 16 digits."},
	NIKDigits:       {"NIK hanya boleh berisi angka.", "The NIK may contain digits only."},
	NIKFormat:       {"Format NIK tidak valid.", "The NIK's format is not valid."},
	NIKRegion:       {"Kode wilayah pada NIK tidak dikenal.", "The region code in the NIK is unknown."},
	NIKBirthDate:    {"Tanggal lahir tidak sesuai dengan NIK.", "The birth date does not match the NIK."},
	NIKGender:       {"Jenis kelamin tidak sesuai dengan NIK.", "The gender does not match the NIK."},
	MinAge:          {"Usia minimal %d tahun.", "You must be at least %d years old."},

	ComplaintOtherAccount: {"Pengaduan dengan kode ini sudah dikirim dari akun lain.", "A complaint with this code was already sent from another account."},
	ComplaintIncomplete:   {"Pengaduan belum lengkap.", "The complaint is not complete yet."},
	ComplaintClientID:     {"Kode pengiriman wajib ada (maksimal 64 karakter).", "A submission code is required (at most 64 characters)."},
	ComplaintCategory:     {"Pilih kategori pengaduan.", "Choose a complaint category."},
	ComplaintSubject:      {"Judul wajib diisi (maksimal 200 karakter).", "A subject is required (at most 200 characters)."},
	ComplaintBody:         {"Isi pengaduan wajib diisi (maksimal 2.000 karakter).", "The complaint text is required (at most 2,000 characters)."},

	TooManyNotifications: {"Paling banyak %d pemberitahuan sekaligus.", "At most %d notifications at once."},
	NotificationNotFound: {"Pemberitahuan tidak ditemukan.", "Notification not found."},
	KindUnknown:          {"Jenis pemberitahuan %q tidak dikenal.", "Unknown notification kind %q."},
	KindUnmutable:        {"Hasil seleksi dan insentif yang gagal dikirim tidak dapat dimatikan.", "Selection results and failed payouts cannot be muted."},
	QuietMinute:          {"Menit sesudah tengah malam harus 0-1439.", "Minutes after midnight must be 0-1439."},
	DailyCap:             {"Batas harian harus 1-50.", "The daily cap must be 1-50."},
	DeviceNotFound:       {"Perangkat tidak ditemukan.", "Device not found."},
	DeviceToken:          {"Token harus 1-1024 karakter.", "The token must be 1-1024 characters."},
	DeviceLabel:          {"Nama perangkat maksimal 120 karakter.", "The device label must be at most 120 characters."},
	WebPushHTTPS:         {"Alamat Web Push harus URL https.", "A Web Push endpoint must be an https URL."},
	WebPushKey:           {"Kunci Web Push tidak valid.", "The Web Push key is not valid."},
	DeviceKind:           {"Jenis perangkat %q tidak dikenal.", "Unknown device kind %q."},

	SurveyRecipientsOnly: {"Hanya penerima Kartu Prakerja yang dapat mengisi survei.", "Only Kartu Prakerja recipients can answer surveys."},
	SurveyStaffOnly:      {"Hasil survei hanya untuk admin dan analis.", "Survey results are for admins and analysts only."},
	SurveyNotFound:       {"Survei tidak ditemukan.", "Survey not found."},
	SurveyRevoked: {"Kepesertaan Kartu Prakerja Anda dicabut pada %s; jawaban survei sesudah tanggal itu tidak diterima.",
		"Your Kartu Prakerja membership was revoked on %s; survey answers made after that date are not accepted."},
	SurveyNoIncentive:   {"Survei tersedia setelah insentif pertama Anda dibayarkan.", "Surveys become available after your first incentive payment."},
	SurveyClientID:      {"ID kiriman wajib diisi (maksimal %d karakter).", "The submission id is required (at most %d characters)."},
	SurveyClientIDTaken: {"ID kiriman ini sudah dipakai untuk jawaban lain.", "This submission id was already used for other answers."},
	SurveyClientIDDiffers: {"Jawaban dengan ID kiriman ini sudah diterima dengan isi yang berbeda.",
		"Answers with this submission id were already received with different content."},
	SurveyAnswered: {"Anda sudah mengisi survei ini. Setiap survei hanya diisi satu kali.",
		"You have already answered this survey. Each survey is answered once."},
	SurveyAnsweredFuture: {"Waktu pengisian ada di masa depan. Periksa jam dan tanggal ponsel Anda.",
		"The answer time is in the future. Check your phone's date and time."},
	SurveyNotOpenYet:         {"Survei ini belum dibuka. Survei dibuka pada %s.", "This survey is not open yet. It opens on %s."},
	SurveyAnsweredBeforeOpen: {"Jawaban dibuat sebelum survei dibuka (%s).", "The answers were made before the survey opened (%s)."},
	SurveyClosed:             {"Survei ini sudah ditutup pada %s.", "This survey closed on %s."},
	SurveyTooLate: {"Survei ini ditutup pada %s dan batas pengiriman jawaban sudah lewat.",
		"This survey closed on %s and the deadline for sending answers has passed."},
	SurveyInvalidAnswers:  {"Beberapa jawaban perlu diperbaiki.", "Some answers need correcting."},
	SurveyRequired:        {"Pertanyaan ini wajib dijawab.", "This question is required."},
	SurveyUnknownQuestion: {"Pertanyaan ini bukan bagian dari survei.", "This question is not part of the survey."},
	SurveyDuplicate:       {"Pertanyaan ini dijawab lebih dari sekali.", "This question was answered more than once."},
	SurveyWrongType:       {"Jenis jawaban tidak sesuai dengan pertanyaan.", "The answer does not fit the question's type."},
	SurveyOneChoice:       {"Pilih tepat satu jawaban.", "Choose exactly one answer."},
	SurveySomeChoice:      {"Pilih setidaknya satu jawaban.", "Choose at least one answer."},
	SurveyBadChoice:       {"Pilihan %q tidak tersedia.", "Option %q is not available."},
	SurveyRepeatedChoice:  {"Pilihan %q dipilih lebih dari sekali.", "Option %q was chosen more than once."},
	SurveyMin:             {"Angka minimal %d.", "The number must be at least %d."},
	SurveyMax:             {"Angka maksimal %d.", "The number must be at most %d."},
	SurveyTextLong:        {"Jawaban maksimal %d karakter.", "The answer must be at most %d characters."},
}))))))))))

// withRules adds the explanations of the registration checks to texts.
func withRules(texts map[Key]text) map[Key]text {
	for rule, t := range ruleTexts() {
		texts[RuleFailed(rule)], texts[RuleTodo(rule)] = t[0], t[1]
	}
	return texts
}

// Keys lists every key of the catalogue (for tests and tools).
func Keys() []Key {
	keys := make([]Key, 0, len(catalogue))
	for k := range catalogue {
		keys = append(keys, k)
	}
	return keys
}

// Texts returns key's Indonesian and English format strings, and whether
// the catalogue has the key.
func Texts(key Key) (id, en string, ok bool) {
	t, ok := catalogue[key]
	return t.id, t.en, ok
}
