package msg

// Keys: the marketplace (internal/marketplace): purchases, the balance ledger and cancellations.
const (
	PurchaseRecipientsOnly  Key = "marketplace.recipients_only"
	PurchaseNotSelected     Key = "marketplace.not_selected"
	PurchaseRevoked         Key = "marketplace.revoked"
	PurchaseClientID        Key = "marketplace.client_id"
	PurchaseClientIDDiffers Key = "marketplace.client_id_differs"
	PurchaseCourseNotFound  Key = "marketplace.course_not_found"
	PurchaseCourseSuspended Key = "marketplace.course_suspended"
	PurchasePlatform        Key = "marketplace.platform"
	PurchaseBalanceShort    Key = "marketplace.balance_short"
	PurchaseNotFound        Key = "marketplace.purchase_not_found"
	PurchaseNotCancellable  Key = "marketplace.not_cancellable"
)

// withMarketplace adds the texts of the marketplace (internal/marketplace): purchases, the balance ledger and cancellations to the catalogue.
func withMarketplace(texts map[Key]text) map[Key]text {
	for k, t := range map[Key]text{
		PurchaseRecipientsOnly: {"Hanya penerima Kartu Prakerja yang dapat membeli pelatihan.",
			"Only Kartu Prakerja recipients can buy a training."},
		PurchaseNotSelected: {"Anda belum menjadi penerima Kartu Prakerja, jadi belum dapat membeli pelatihan.",
			"You are not a Kartu Prakerja recipient yet, so you cannot buy a training."},
		PurchaseRevoked: {"Kepesertaan Kartu Prakerja Anda sudah dicabut, jadi Anda tidak dapat membeli pelatihan.",
			"Your Kartu Prakerja membership was revoked, so you cannot buy a training."},
		PurchaseClientID: {"Kode pembelian dari aplikasi harus 1 sampai %d karakter.",
			"The app's purchase id must be 1 to %d characters."},
		PurchaseClientIDDiffers: {"Kode pembelian ini sudah dipakai untuk pelatihan lain.",
			"This purchase id was already used for another training."},
		PurchaseCourseNotFound: {"Pelatihan tidak ditemukan.", "Training not found."},
		PurchaseCourseSuspended: {"Pelatihan ini sedang dihentikan sementara dan tidak dapat dibeli.",
			"This training is suspended and cannot be bought."},
		PurchasePlatform: {"Pelatihan ini tidak dijual di platform tersebut. Pilih platform lain.",
			"This training is not sold on that platform. Choose another platform."},
		PurchaseBalanceShort: {"Saldo pelatihan Anda tidak cukup: harga %s, saldo Anda %s.",
			"Your training balance is not enough: the price is %s, your balance is %s."},
		PurchaseNotFound: {"Pembelian tidak ditemukan.", "Purchase not found."},
		PurchaseNotCancellable: {"Pembelian ini tidak dapat dibatalkan lagi karena kodenya sudah dipakai atau sudah dikembalikan.",
			"This purchase can no longer be cancelled: its code was used or it was refunded."},
	} {
		texts[k] = t
	}
	return texts
}
