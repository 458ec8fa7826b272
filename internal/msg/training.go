package msg

// Keys: the platforms' training reports (internal/training): GraphQL and xAPI.
const (
	TrainingCodeRequired   Key = "training.code_required"
	TrainingKeyInvalid     Key = "training.key_invalid"
	TrainingPercentRange   Key = "training.percent_range"
	TrainingScoreRange     Key = "training.score_range"
	TrainingAtFuture       Key = "training.at_future"
	TrainingCodeNotFound   Key = "training.code_not_found"
	TrainingPurchaseClosed Key = "training.purchase_closed"
	TrainingRedeemFirst    Key = "training.redeem_first"
	TrainingKeyReused      Key = "training.key_reused"
	TrainingPlatformOnly   Key = "training.platform_only"
	XAPIVersion            Key = "xapi.version"
	XAPIBadJSON            Key = "xapi.bad_json"
	XAPIVerbUnknown        Key = "xapi.verb_unknown"
	XAPIFieldMissing       Key = "xapi.field_missing"
	XAPIActorMismatch      Key = "xapi.actor_mismatch"
	XAPIObjectUnknown      Key = "xapi.object_unknown"
	XAPIMethod             Key = "xapi.method"
	XAPIStatementID        Key = "xapi.statement_id"
	XAPIUnauthenticated    Key = "xapi.unauthenticated"
	XAPIEmpty              Key = "xapi.empty"
	DocRedeemPurchase      Key = "training.doc.redeem"
	DocReportProgress      Key = "training.doc.progress"
	DocReportTestScore     Key = "training.doc.test_score"
)

// withTraining adds the texts of the platforms' training reports (internal/training): GraphQL and xAPI to the catalogue.
func withTraining(texts map[Key]text) map[Key]text {
	for k, t := range map[Key]text{
		TrainingCodeRequired: {"Kode penukaran wajib diisi.", "The redemption code is required."},
		TrainingKeyInvalid: {"Kunci idempotensi wajib diisi, paling panjang %d karakter.",
			"The idempotency key is required, at most %d characters."},
		TrainingPercentRange: {"Kemajuan harus antara 0 dan 100 persen.", "Progress must be between 0 and 100 percent."},
		TrainingScoreRange:   {"Nilai tes harus antara 0 dan 100.", "The test score must be between 0 and 100."},
		TrainingAtFuture: {"Waktu laporan tidak boleh di masa depan.",
			"The report's time must not be in the future."},
		TrainingCodeNotFound: {"Kode tidak ditemukan untuk platform ini.", "Code not found for this platform."},
		TrainingPurchaseClosed: {"Pembelian ini sudah dibatalkan atau dikembalikan dananya; laporan tidak diterima.",
			"This purchase was cancelled or refunded; reports are refused."},
		TrainingRedeemFirst: {"Kode belum ditukarkan: tukarkan kode dulu.",
			"The code has not been redeemed: redeem it first."},
		TrainingKeyReused: {"Kunci idempotensi ini sudah dipakai untuk laporan lain.",
			"Idempotency key reused with different content."},
		TrainingPlatformOnly: {"Hanya platform digital yang dapat melaporkan pelatihan.",
			"Only a digital platform can report training."},
		XAPIVersion: {"Header X-Experience-API-Version wajib bernilai 1.0.x.",
			"The X-Experience-API-Version header must be 1.0.x."},
		XAPIBadJSON: {"Isi permintaan bukan pernyataan xAPI yang sah (JSON objek atau larik).",
			"The body is not a valid xAPI statement (a JSON object or array)."},
		XAPIVerbUnknown: {"Kata kerja %s tidak didukung.", "The verb %s is not supported."},
		XAPIFieldMissing: {"Bagian %s pada pernyataan wajib diisi atau tidak sah.",
			"The statement's %s is missing or not valid."},
		XAPIActorMismatch: {"Pelaku (actor) pernyataan bukan penerima pembelian ini.",
			"The statement's actor is not the recipient of this purchase."},
		XAPIObjectUnknown: {"Aktivitas %s tidak dikenal.", "The activity %s is not known."},
		XAPIMethod:        {"Metode tidak didukung: kirim dengan POST.", "Method not supported: send with POST."},
		XAPIStatementID:   {"Id pernyataan wajib berupa UUID.", "The statement id must be a UUID."},
		XAPIUnauthenticated: {"Kirim kunci API mitra (Authorization: ApiKey atau Basic).",
			"Send the partner API key (Authorization: ApiKey or Basic)."},
		XAPIEmpty: {"Tidak ada pernyataan dalam permintaan.", "The request holds no statement."},
		DocRedeemPurchase: {"Menukarkan kode penukaran yang diberikan penerima; menukarkan lagi tidak mengubah apa pun.",
			"Redeem the code the recipient gave; redeeming again changes nothing."},
		DocReportProgress: {"Melaporkan kemajuan (0-100 persen); kemajuan tidak pernah turun.",
			"Report progress (0-100 percent); progress never decreases."},
		DocReportTestScore: {"Melaporkan nilai pre-test atau post-test (0-100); post-test di atas 60 pada pelatihan selesai menerbitkan sertifikat.",
			"Report a pre- or post-test score (0-100); a post-test above 60 on a completed course issues the certificate."},
	} {
		texts[k] = t
	}
	return texts
}
